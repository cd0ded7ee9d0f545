/**
 * Signing an unsigned UBL document as ZATCA's security features standard specifies:
 *  1. invoice hash = base64 SHA-256 of the canonical document (hash.ts);
 *  2. signature    = ECDSA secp256k1 over SHA-256 of the hash's 32 bytes (the form ZATCA's signed samples
 *                    verify with: see test/zatca.test.ts);
 *  3. XAdES signed properties: signing time, base64(hex SHA-256) of the certificate's base64 text, its
 *     issuer and serial; their digest is base64(hex SHA-256) of the SignedProperties element with the
 *     whitespace it has in the document and its namespace declarations added (signedPropertiesXml). The
 *     signature block is laid out as in ZATCA's samples, whose 26 digests that rule reproduces;
 *  4. the phase-2 QR (TLV tags 1–9);
 *  5. the UBLExtensions go first in the document, the QR reference after PIH and cac:Signature after it:
 *     none of them is hashed, so the hash of step 1 stays the hash of the signed document.
 */
import { type KeyObject, createPrivateKey, sign } from 'node:crypto';
import { formatFixed } from '../domain/money.js';
import type { CertificateFacts } from './certificate.js';
import { hexDigestBase64, invoiceHash } from './hash.js';
import type { EInvoice } from './model.js';
import { encodeTlv } from '../domain/zatca-qr.js';
import { escapeXml } from './ubl.js';

export interface SignedInvoice {
  xml: string;
  hash: string;
  signature: string;
  /** base64 TLV. */
  qr: string;
}

export interface Phase2QrInput {
  sellerName: string;
  vatNumber: string;
  /** `YYYY-MM-DDTHH:MM:SS`. */
  timestamp: string;
  /** Total with VAT, as written in the document (two places). */
  total: string;
  vat: string;
  hash: string;
  signature: string;
  publicKeyDer: Uint8Array;
  /** Simplified documents only: the certificate's signature (tag 9). */
  certificateSignature?: Uint8Array;
}

/** The phase-2 QR payload (base64 TLV) of a signed document: what the PDF prints as the QR code. */
export function phase2Qr(input: Phase2QrInput): string {
  const fields: Array<[number, string | Uint8Array]> = [
    [1, input.sellerName],
    [2, input.vatNumber],
    [3, input.timestamp],
    [4, input.total],
    [5, input.vat],
    [6, input.hash],
    [7, input.signature],
    [8, input.publicKeyDer],
  ];
  if (input.certificateSignature) fields.push([9, input.certificateSignature]);
  return encodeTlv(fields).toString('base64');
}

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';

/** Lines at a nesting depth, written as ZATCA's samples are: four spaces a level, `\n` between lines. */
type Lines = Array<[number, string]>;
const render = (lines: Lines) =>
  lines.map(([depth, text], index) => (index === 0 ? '' : `\n${' '.repeat(4 * depth)}`) + text).join('');

/**
 * The xades:SignedProperties element at its place in the document (depth 8, as in every ZATCA sample).
 * `forDigest` gives the form ZATCA hashes: the same text with the namespace declarations the element
 * needs on its own, written before the other attributes (xmlns:xades on SignedProperties, xmlns:ds on
 * every ds: element). The document itself carries the form without them (they are declared above).
 */
function signedPropertiesLines(signingTime: string, certificate: CertificateFacts, forDigest: boolean): Lines {
  const xades = forDigest ? ` xmlns:xades="${XADES}"` : '';
  const ds = forDigest ? ` xmlns:ds="${DS}"` : '';
  return [
    [8, `<xades:SignedProperties${xades} Id="xadesSignedProperties">`],
    [9, '<xades:SignedSignatureProperties>'],
    [10, `<xades:SigningTime>${signingTime}</xades:SigningTime>`],
    [10, '<xades:SigningCertificate>'],
    [11, '<xades:Cert>'],
    [12, '<xades:CertDigest>'],
    [13, `<ds:DigestMethod${ds} Algorithm="${SHA256}"/>`],
    [13, `<ds:DigestValue${ds}>${hexDigestBase64(certificate.base64)}</ds:DigestValue>`],
    [12, '</xades:CertDigest>'],
    [12, '<xades:IssuerSerial>'],
    [13, `<ds:X509IssuerName${ds}>${escapeXml(certificate.issuerName)}</ds:X509IssuerName>`],
    [13, `<ds:X509SerialNumber${ds}>${certificate.serialNumber}</ds:X509SerialNumber>`],
    [12, '</xades:IssuerSerial>'],
    [11, '</xades:Cert>'],
    [10, '</xades:SigningCertificate>'],
    [9, '</xades:SignedSignatureProperties>'],
    [8, '</xades:SignedProperties>'],
  ];
}

/** The SignedProperties text from its first `<` (no indentation before it, the document's after). */
export function signedPropertiesXml(signingTime: string, certificate: CertificateFacts, forDigest: boolean): string {
  return render(signedPropertiesLines(signingTime, certificate, forDigest));
}

/** The DigestValue of the `#xadesSignedProperties` reference: base64(hex SHA-256) of the form above. */
export function signedPropertiesDigest(signingTime: string, certificate: CertificateFacts): string {
  return hexDigestBase64(signedPropertiesXml(signingTime, certificate, true));
}

const XPATHS = [
  'not(//ancestor-or-self::ext:UBLExtensions)',
  'not(//ancestor-or-self::cac:Signature)',
  "not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])",
];

/** The ext:UBLExtensions block, laid out line for line as in ZATCA's signed samples. */
export function signatureBlock(
  hash: string,
  signature: string,
  signingTime: string,
  certificate: CertificateFacts,
): string {
  const transforms: Lines = XPATHS.flatMap(
    (xpath): Lines => [
      [9, '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">'],
      [10, `<ds:XPath>${escapeXml(xpath)}</ds:XPath>`],
      [9, '</ds:Transform>'],
    ],
  );
  return render([
    [0, '<ext:UBLExtensions>'],
    [1, '<ext:UBLExtension>'],
    [2, '<ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>'],
    [2, '<ext:ExtensionContent>'],
    [
      3,
      '<sig:UBLDocumentSignatures xmlns:sig="urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2" xmlns:sac="urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2" xmlns:sbc="urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2">',
    ],
    [4, '<sac:SignatureInformation>'],
    [5, '<cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>'],
    [5, '<sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>'],
    [5, `<ds:Signature xmlns:ds="${DS}" Id="signature">`],
    [6, '<ds:SignedInfo>'],
    [7, `<ds:CanonicalizationMethod Algorithm="${C14N11}"/>`],
    [7, '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>'],
    [7, '<ds:Reference Id="invoiceSignedData" URI="">'],
    [8, '<ds:Transforms>'],
    ...transforms,
    [9, `<ds:Transform Algorithm="${C14N11}"/>`],
    [8, '</ds:Transforms>'],
    [8, `<ds:DigestMethod Algorithm="${SHA256}"/>`],
    [8, `<ds:DigestValue>${hash}</ds:DigestValue>`],
    [7, '</ds:Reference>'],
    [7, '<ds:Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#xadesSignedProperties">'],
    [8, `<ds:DigestMethod Algorithm="${SHA256}"/>`],
    [8, `<ds:DigestValue>${signedPropertiesDigest(signingTime, certificate)}</ds:DigestValue>`],
    [7, '</ds:Reference>'],
    [6, '</ds:SignedInfo>'],
    [6, `<ds:SignatureValue>${signature}</ds:SignatureValue>`],
    [6, '<ds:KeyInfo>'],
    [7, '<ds:X509Data>'],
    [8, `<ds:X509Certificate>${certificate.base64}</ds:X509Certificate>`],
    [7, '</ds:X509Data>'],
    [6, '</ds:KeyInfo>'],
    [6, '<ds:Object>'],
    [7, `<xades:QualifyingProperties xmlns:xades="${XADES}" Target="signature">`],
    ...signedPropertiesLines(signingTime, certificate, false),
    [7, '</xades:QualifyingProperties>'],
    [6, '</ds:Object>'],
    [5, '</ds:Signature>'],
    [4, '</sac:SignatureInformation>'],
    [3, '</sig:UBLDocumentSignatures>'],
    [2, '</ext:ExtensionContent>'],
    [1, '</ext:UBLExtension>'],
    [0, '</ext:UBLExtensions>'],
  ]);
}

const SIGNATURE_REFERENCE =
  '<cac:Signature><cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>' +
  '<cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod></cac:Signature>';

/** ECDSA (DER, base64) over SHA-256 of the invoice hash's bytes. */
export function signHash(hash: string, privateKey: string | KeyObject): string {
  return sign(
    'sha256',
    Buffer.from(hash, 'base64'),
    typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey,
  ).toString('base64');
}

export function signInvoice(
  invoice: EInvoice,
  unsignedXml: string,
  privateKeyPem: string | KeyObject,
  certificate: CertificateFacts,
): SignedInvoice {
  const hash = invoiceHash(unsignedXml);
  const signature = signHash(hash, privateKeyPem);
  const timestamp = `${invoice.issueDate}T${invoice.issueTime}`;
  const qr = phase2Qr({
    sellerName: invoice.seller.name,
    vatNumber: invoice.seller.vatNumber,
    timestamp,
    total: formatFixed(invoice.totals.taxInclusive, 2),
    vat: formatFixed(invoice.totals.vat, 2),
    hash,
    signature,
    publicKeyDer: certificate.publicKeyDer,
    certificateSignature: invoice.standard ? undefined : certificate.signature,
  });
  const qrReference = `<cac:AdditionalDocumentReference><cbc:ID>QR</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${qr}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`;
  const rootEnd = unsignedXml.indexOf('>', unsignedXml.indexOf('<Invoice ')) + 1;
  const pihEnd =
    unsignedXml.indexOf('</cac:AdditionalDocumentReference>', unsignedXml.indexOf('<cbc:ID>PIH</cbc:ID>')) +
    '</cac:AdditionalDocumentReference>'.length;
  const xml =
    unsignedXml.slice(0, rootEnd) +
    signatureBlock(hash, signature, timestamp, certificate) +
    unsignedXml.slice(rootEnd, pihEnd) +
    qrReference +
    SIGNATURE_REFERENCE +
    unsignedXml.slice(pihEnd);
  return { xml, hash, signature, qr };
}
