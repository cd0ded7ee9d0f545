/**
 * The EGS (e-invoicing unit) key pair, the onboarding CSR ZATCA requires, a self-signed certificate for
 * development, and what the signature needs from a certificate. secp256k1 ECDSA with SHA-256 comes from
 * Node's crypto (OpenSSL); the ASN.1 structures are built with asn1js, because WebCrypto-based X.509
 * libraries do not know secp256k1.
 *
 * The CSR follows ZATCA's onboarding template (../shared/spec/zatca/Input/csr-config-template.properties):
 * subject C, OU, O, CN; an extension request with the certificate template name
 * (1.3.6.1.4.1.311.20.2: ZATCA-Code-Signing, PREZATCA-… in simulation, TSTZATCA-… in the sandbox) and a
 * subjectAltName directoryName holding SN (2.5.4.4: `1-<solution>|2-<version>|3-<unit uuid>`), UID
 * (the VAT number), title (the invoice type flags, e.g. 1100), registeredAddress (the location) and
 * businessCategory (the industry) — the same names ZATCA's sample certificate carries.
 */
import {
  X509Certificate,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';

export type ZatcaEnvironment = 'sandbox' | 'simulation' | 'production';

const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  surname: '2.5.4.4',
  title: '2.5.4.12',
  registeredAddress: '2.5.4.26',
  businessCategory: '2.5.4.15',
  userId: '0.9.2342.19200300.100.1.1',
  extensionRequest: '1.2.840.113549.1.9.14',
  subjectAltName: '2.5.29.17',
  templateName: '1.3.6.1.4.1.311.20.2',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const TEMPLATE_NAME: Record<ZatcaEnvironment, string> = {
  sandbox: 'TSTZATCA-Code-Signing',
  simulation: 'PREZATCA-Code-Signing',
  production: 'ZATCA-Code-Signing',
};

export interface CsrSubject {
  /** csr.common.name: the unit's name, e.g. `TST-886431145-312345678900003`. */
  commonName: string;
  /** csr.serial.number: `1-<solution name>|2-<model or version>|3-<serial>`. */
  serialNumber: string;
  /** csr.organization.identifier: the 15-digit VAT number. */
  organizationIdentifier: string;
  /** csr.organization.unit.name: the branch (or the TIN of a VAT group member). */
  organizationUnit: string;
  organizationName: string;
  country: string;
  /** csr.invoice.type: four flags, standard / simplified / reserved / reserved, e.g. `1100`. */
  invoiceType: string;
  location: string;
  industry: string;
}

export interface KeyPair {
  privateKeyPem: string;
  publicKeyDer: Buffer;
}

export function generateEgsKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyDer: publicKey.export({ type: 'spki', format: 'der' }),
  };
}

function attribute(oid: string, value: asn1js.BaseBlock): asn1js.Set {
  return new asn1js.Set({
    value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), value] })],
  });
}

function utf8(value: string): asn1js.Utf8String {
  return new asn1js.Utf8String({ value });
}

function subjectName(subject: CsrSubject): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      attribute(OID.country, new asn1js.PrintableString({ value: subject.country })),
      attribute(OID.organizationalUnit, utf8(subject.organizationUnit)),
      attribute(OID.organization, utf8(subject.organizationName)),
      attribute(OID.commonName, utf8(subject.commonName)),
    ],
  });
}

function extension(oid: string, value: asn1js.BaseBlock): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.OctetString({ valueHex: value.toBER(false) })],
  });
}

function zatcaExtensions(subject: CsrSubject, environment: ZatcaEnvironment): asn1js.Sequence[] {
  const directoryName = new asn1js.Sequence({
    value: [
      attribute(OID.surname, utf8(subject.serialNumber)),
      attribute(OID.userId, utf8(subject.organizationIdentifier)),
      attribute(OID.title, utf8(subject.invoiceType)),
      attribute(OID.registeredAddress, utf8(subject.location)),
      attribute(OID.businessCategory, utf8(subject.industry)),
    ],
  });
  // GeneralName directoryName is [4], explicit (Name is a CHOICE).
  const altNames = new asn1js.Sequence({
    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [directoryName] })],
  });
  return [
    extension(OID.templateName, new asn1js.PrintableString({ value: TEMPLATE_NAME[environment] })),
    extension(OID.subjectAltName, altNames),
  ];
}

function fromDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(new Uint8Array(der).buffer);
  if (parsed.offset === -1) throw new Error('not DER');
  return parsed.result;
}

/** `value` when it is a `kind` (asn1js builds a Sequence, a BitString... per universal tag), else an error. */
function expected<T>(value: unknown, kind: abstract new (...args: never[]) => T): T {
  if (value instanceof kind) return value;
  throw new Error(`not DER: expected ${kind.name}`);
}

const signatureAlgorithm = () =>
  new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.ecdsaWithSha256 })] });

function signed(tbs: asn1js.Sequence, privateKey: KeyObject): Buffer {
  const tbsDer = Buffer.from(tbs.toBER(false));
  const signature = sign('sha256', tbsDer, privateKey);
  return Buffer.from(
    new asn1js.Sequence({ value: [tbs, signatureAlgorithm(), new asn1js.BitString({ valueHex: signature })] }).toBER(
      false,
    ),
  );
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The PKCS#10 request for ZATCA's compliance CSID, PEM. */
export function buildCsr(subject: CsrSubject, privateKeyPem: string, environment: ZatcaEnvironment): string {
  const privateKey = createPrivateKey(privateKeyPem);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const requestedExtensions = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.extensionRequest }),
      new asn1js.Set({ value: [new asn1js.Sequence({ value: zatcaExtensions(subject, environment) })] }),
    ],
  });
  const info = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      subjectName(subject),
      expected(fromDer(spki), asn1js.Sequence),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [requestedExtensions] }),
    ],
  });
  return pem('CERTIFICATE REQUEST', signed(info, privateKey));
}

/** Days a self-signed development certificate is valid. */
const SELF_SIGNED_DAYS = 365 * 5;

/**
 * An X.509 v3 certificate for `publicKeyDer` (SPKI) with the CSR's subject and extensions, signed by
 * `issuerKeyPem` under `issuer`'s name; base64 DER, no PEM armour. Self-signed: the same key and subject.
 */
export function issueCertificate(
  subject: CsrSubject,
  publicKeyDer: Uint8Array,
  issuer: CsrSubject,
  issuerKeyPem: string,
  now = new Date(),
): string {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const notAfter = new Date(now.getTime() + SELF_SIGNED_DAYS * 86_400_000);
  const tbs = new asn1js.Sequence({
    value: [
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Integer({ value: 2 })] }),
      new asn1js.Integer({ valueHex: serial }),
      signatureAlgorithm(),
      subjectName(issuer),
      new asn1js.Sequence({
        value: [new asn1js.UTCTime({ valueDate: now }), new asn1js.UTCTime({ valueDate: notAfter })],
      }),
      subjectName(subject),
      expected(fromDer(publicKeyDer), asn1js.Sequence),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 3 },
        value: [new asn1js.Sequence({ value: zatcaExtensions(subject, 'sandbox') })],
      }),
    ],
  });
  return signed(tbs, createPrivateKey(issuerKeyPem)).toString('base64');
}

/** A self-signed certificate of the unit's own key (development: never ZATCA-issued). */
export function selfSignedCertificate(subject: CsrSubject, privateKeyPem: string, now = new Date()): string {
  const spki = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
  return issueCertificate(subject, spki, subject, privateKeyPem, now);
}

/** The public key (SPKI DER) a PEM CSR carries. */
export function csrPublicKey(csrPem: string): Buffer {
  const der = Buffer.from(
    csrPem.replace(/-----(BEGIN|END) CERTIFICATE REQUEST-----/g, '').replace(/\s+/g, ''),
    'base64',
  );
  const info = expected(expected(fromDer(der), asn1js.Sequence).valueBlock.value[0], asn1js.Sequence);
  return Buffer.from(info.valueBlock.value[2]!.toBER(false));
}

/** What the XAdES properties and the QR need from the unit's certificate. */
export interface CertificateFacts {
  /** The certificate as ZATCA hands it out: base64 of the DER, no armour. */
  base64: string;
  /** RFC 2253 order, as ZATCA's samples write it: `CN=…, DC=…`. */
  issuerName: string;
  /** Decimal. */
  serialNumber: string;
  publicKeyDer: Buffer;
  /** The certificate's own signature (QR tag 9), DER ECDSA. */
  signature: Buffer;
  selfSigned: boolean;
  notAfter: string;
}

/** Accepts PEM, base64 DER, or ZATCA's binarySecurityToken (base64 of the base64 DER). */
export function normalizeCertificate(text: string): string {
  const trimmed = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  const decoded = Buffer.from(trimmed, 'base64').toString('latin1');
  // A token decodes to base64 text starting with "MII" (a DER SEQUENCE, base64).
  return /^MII[A-Za-z0-9+/=]+$/.test(decoded) ? decoded : trimmed;
}

export function certificateFacts(base64: string): CertificateFacts {
  const der = Buffer.from(base64, 'base64');
  const certificate = new X509Certificate(der);
  const parsed = expected(fromDer(der), asn1js.Sequence);
  const signature = expected(parsed.valueBlock.value[2], asn1js.BitString).valueBlock.valueHexView;
  return {
    base64,
    issuerName: certificate.issuer.split('\n').reverse().join(', '),
    serialNumber: BigInt(`0x${certificate.serialNumber}`).toString(10),
    publicKeyDer: certificate.publicKey.export({ type: 'spki', format: 'der' }),
    signature: Buffer.from(signature),
    selfSigned: certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey),
    notAfter: certificate.validTo,
  };
}
