/**
 * Signing an unsigned UBL document as ZATCA's security features standard specifies:
 *  1. invoice hash = base64 SHA-256 of the canonical document (hash.ts);
 *  2. signature    = ECDSA secp256k1 over SHA-256 of the hash's 32 bytes (the form ZATCA's signed samples
 *                    verify with: see test/zatca.test.ts);
 *  3. XAdES signed properties: signing time, base64(hex SHA-256) of the certificate's base64 text, its
 *     issuer and serial; their digest is base64(hex SHA-256) of the SignedProperties element exactly as
 *     it is written into the document (self-contained, xades namespace declared on it);
 *  4. the phase-2 QR (TLV tags 1–9);
 *  5. the UBLExtensions go first in the document, the QR reference after PIH and cac:Signature after it:
 *     none of them is hashed, so the hash of step 1 stays the hash of the signed document.
 */
import { type KeyObject, createPrivateKey, sign } from 'node:crypto';
import { formatFixed } from '../domain/money.js';
import { type CertificateFacts } from './certificate.js';
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
    [1, input.sellerName], [2, input.vatNumber], [3, input.timestamp], [4, input.total], [5, input.vat],
    [6, input.hash], [7, input.signature], [8, input.publicKeyDer],
  ];
  if (input.certificateSignature) fields.push([9, input.certificateSignature]);
  return encodeTlv(fields).toString('base64');
}

function signedProperties(signingTime: string, certificate: CertificateFacts): string {
  return '<xades:SignedProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Id="xadesSignedProperties">'
    + `<xades:SignedSignatureProperties><xades:SigningTime>${signingTime}</xades:SigningTime>`
    + '<xades:SigningCertificate><xades:Cert><xades:CertDigest>'
    + '<ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod>'
    + `<ds:DigestValue xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${hexDigestBase64(certificate.base64)}</ds:DigestValue>`
    + '</xades:CertDigest><xades:IssuerSerial>'
    + `<ds:X509IssuerName xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${escapeXml(certificate.issuerName)}</ds:X509IssuerName>`
    + `<ds:X509SerialNumber xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${certificate.serialNumber}</ds:X509SerialNumber>`
    + '</xades:IssuerSerial></xades:Cert></xades:SigningCertificate></xades:SignedSignatureProperties></xades:SignedProperties>';
}

const XPATHS = ['not(//ancestor-or-self::ext:UBLExtensions)', 'not(//ancestor-or-self::cac:Signature)', "not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])"];

function extensions(hash: string, signature: string, properties: string, certificate: CertificateFacts): string {
  const transforms = XPATHS.map((xpath) => `<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>${escapeXml(xpath)}</ds:XPath></ds:Transform>`).join('');
  return '<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI><ext:ExtensionContent>'
    + '<sig:UBLDocumentSignatures xmlns:sig="urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2" xmlns:sac="urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2" xmlns:sbc="urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2">'
    + '<sac:SignatureInformation><cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID><sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>'
    + '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="signature"><ds:SignedInfo>'
    + '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"></ds:CanonicalizationMethod>'
    + '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"></ds:SignatureMethod>'
    + `<ds:Reference Id="invoiceSignedData" URI=""><ds:Transforms>${transforms}<ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"></ds:Transform></ds:Transforms>`
    + `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod><ds:DigestValue>${hash}</ds:DigestValue></ds:Reference>`
    + '<ds:Reference Type="http://www.w3.org/2000/09/xmldsig#SignatureProperties" URI="#xadesSignedProperties">'
    + `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod><ds:DigestValue>${hexDigestBase64(properties)}</ds:DigestValue></ds:Reference>`
    + `</ds:SignedInfo><ds:SignatureValue>${signature}</ds:SignatureValue>`
    + `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate.base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`
    + `<ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="signature">${properties}</xades:QualifyingProperties></ds:Object>`
    + '</ds:Signature></sac:SignatureInformation></sig:UBLDocumentSignatures></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>';
}

const SIGNATURE_REFERENCE = '<cac:Signature><cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>'
  + '<cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod></cac:Signature>';

/** ECDSA (DER, base64) over SHA-256 of the invoice hash's bytes. */
export function signHash(hash: string, privateKey: string | KeyObject): string {
  return sign('sha256', Buffer.from(hash, 'base64'), typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey).toString('base64');
}

export function signInvoice(invoice: EInvoice, unsignedXml: string, privateKeyPem: string | KeyObject, certificate: CertificateFacts): SignedInvoice {
  const hash = invoiceHash(unsignedXml);
  const signature = signHash(hash, privateKeyPem);
  const timestamp = `${invoice.issueDate}T${invoice.issueTime}`;
  const properties = signedProperties(timestamp, certificate);
  const qr = phase2Qr({
    sellerName: invoice.seller.name, vatNumber: invoice.seller.vatNumber, timestamp,
    total: formatFixed(invoice.totals.taxInclusive, 2), vat: formatFixed(invoice.totals.vat, 2), hash, signature,
    publicKeyDer: certificate.publicKeyDer, certificateSignature: invoice.standard ? undefined : certificate.signature,
  });
  const qrReference = `<cac:AdditionalDocumentReference><cbc:ID>QR</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${qr}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`;
  const rootEnd = unsignedXml.indexOf('>', unsignedXml.indexOf('<Invoice ')) + 1;
  const pihEnd = unsignedXml.indexOf('</cac:AdditionalDocumentReference>', unsignedXml.indexOf('<cbc:ID>PIH</cbc:ID>')) + '</cac:AdditionalDocumentReference>'.length;
  const xml = unsignedXml.slice(0, rootEnd) + extensions(hash, signature, properties, certificate)
    + unsignedXml.slice(rootEnd, pihEnd) + qrReference + SIGNATURE_REFERENCE + unsignedXml.slice(pihEnd);
  return { xml, hash, signature, qr };
}
