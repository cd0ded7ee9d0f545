/**
 * The invoice hash ZATCA chains and signs: the document without `ext:UBLExtensions`, `cac:Signature` and
 * the `QR` AdditionalDocumentReference (the three XPath transforms of the signature's first reference),
 * canonicalised (C14N 1.1; for a UBL document without xml:id/xml:base attributes it renders exactly as
 * C14N 1.0, which xml-crypto implements), SHA-256, base64.
 *
 * @example invoiceHash(ZATCA's Samples/Simplified/Invoice/Simplified_Invoice.xml)
 *          → 'Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=' (the DigestValue inside the file).
 */
import { createHash } from 'node:crypto';
import type * as Xmldom from '@xmldom/xmldom';
import type * as XmlCrypto from 'xml-crypto';
import { lazyModule } from '../lazy-module.js';

/** The XML parser and canonicaliser, loaded on the first e-invoice hashed rather than at the server's start. */
const xmldom = lazyModule<typeof Xmldom>('@xmldom/xmldom');
const xmlCrypto = lazyModule<typeof XmlCrypto>('xml-crypto');

/** base64(hex(SHA-256("0"))): the PIH of the first document of a chain (ZATCA's PIH/pih.txt). */
export const FIRST_PREVIOUS_HASH = Buffer.from(createHash('sha256').update('0').digest('hex')).toString('base64');

function childElements(node: Node): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) found.push(child as Element);
  return found;
}

function isQrReference(element: Element): boolean {
  if (element.localName !== 'AdditionalDocumentReference') return false;
  const id = childElements(element).find((child) => child.localName === 'ID');
  return id?.textContent === 'QR';
}

/** The canonical form that is hashed (C14N of the document element after the three exclusions). */
export function canonicalInvoice(xml: string): string {
  const document = new (xmldom().DOMParser)().parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (root?.localName !== 'Invoice') throw new Error('not a UBL Invoice document');
  for (const element of childElements(root)) {
    if (element.localName === 'UBLExtensions' || element.localName === 'Signature' || isQrReference(element))
      root.removeChild(element);
  }
  return new (xmlCrypto().C14nCanonicalization)().process(root as unknown as Node, {}) as string;
}

export function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** base64 of the SHA-256 of the canonical invoice. */
export function invoiceHash(xml: string): string {
  return sha256(canonicalInvoice(xml)).toString('base64');
}

/** ZATCA's digest form for the certificate and the signed properties: base64 of the hex SHA-256. */
export function hexDigestBase64(text: string): string {
  return Buffer.from(createHash('sha256').update(text, 'utf8').digest('hex')).toString('base64');
}
