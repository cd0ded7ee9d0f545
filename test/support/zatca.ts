/**
 * A Saudi site ready for ZATCA phase 2 in tests: seller settings, a self-signed e-invoicing unit, a 15%
 * VAT, a zero-rated tax, a business client (standard invoices) and an individual (simplified ones).
 * Helpers recompute what the server claims, independently of src/zatca.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate, createHash, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { C14nCanonicalization } from 'xml-crypto';
import type { Db } from '../../src/db/connection.js';
import { parseSecretKey } from '../../src/zatca/vault.js';
import { keygen } from '../../src/zatca/onboarding.js';
import type { ApiClient } from './harness.js';

export const SECRET_HEX = 'a3'.repeat(32);
export const ZATCA_ENV = { DAFTAR_SECRET_KEY: SECRET_HEX, DAFTAR_ZATCA_SEND_INTERVAL_MS: '0' };
export const SHARED_ZATCA = path.resolve('../shared/spec/zatca');
export const SELLER = {
  business_name: 'شركة دفتر للتجارة | Daftar Trading',
  vat_number: '399999999900003',
  cr_number: '1010010000',
  address1: 'Prince Sultan',
  address2: '',
  building_number: '2322',
  district: 'Al-Murabba',
  city: 'Riyadh',
  postal_code: '23333',
  state: 'Riyadh Region',
};
export const BUYER_VAT = '399999999800003';

export interface SaudiSite {
  siteId: number;
  vat: string;
  zero: string;
  business: string;
  person: string;
}

export async function setupSaudiSite(
  api: ApiClient,
  db: Db,
  options: { selfSigned?: boolean } = {},
): Promise<SaudiSite> {
  const site = await db.selectFrom('sites').select('id').orderBy('id').executeTakeFirstOrThrow();
  const siteId = Number(site['id']);
  await db.updateTable('sites').set(SELLER).where('id', '=', siteId).execute();
  await keygen(
    db,
    siteId,
    { environment: 'sandbox', selfSigned: options.selfSigned ?? true, replace: true },
    parseSecretKey(SECRET_HEX),
  );
  const vat = await api.create('taxes', { Tax: { name: 'VAT 15%', value: 15, included: 0 } });
  const zero = await api.create('taxes', { Tax: { name: 'Zero rated VATEX-SA-32', value: 0, included: 0 } });
  const business = await api.create('clients', {
    Client: {
      business_name: 'Fatoora Samples LTD',
      type: 3,
      bn1: BUYER_VAT,
      address1: 'Salah Al-Din',
      city: 'Riyadh',
      postal_code: '12222',
      country_code: 'SA',
    },
  });
  const person = await api.create('clients', { Client: { first_name: 'Sara', last_name: 'Ali', type: 2 } });
  return { siteId, vat, zero, business, person };
}

function children(node: Node): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) found.push(child as Element);
  return found;
}

/** The document without UBLExtensions, cac:Signature and the QR reference, as a DOM root. */
function strippedRoot(xml: string): Element {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  for (const element of children(root)) {
    const qr =
      element.localName === 'AdditionalDocumentReference' &&
      children(element).some((c) => c.localName === 'ID' && c.textContent === 'QR');
    if (element.localName === 'UBLExtensions' || element.localName === 'Signature' || qr) root.removeChild(element);
  }
  return root;
}

/** SHA-256 (base64) of the C14N of the stripped document, computed here, not by src/zatca. */
export function independentHash(xml: string): string {
  const canonical = new C14nCanonicalization().process(strippedRoot(xml) as unknown as Node, {}) as string;
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}

export const digestOfProperties = (xml: string) =>
  /URI="#xadesSignedProperties">[\s\S]*?<ds:DigestValue>([^<]+)</.exec(xml)![1]!;
export const signedPropertiesElement = (xml: string) =>
  /<xades:SignedProperties[\s\S]*?<\/xades:SignedProperties>/.exec(xml)![0];
export const hexSha256Base64 = (text: string) =>
  Buffer.from(createHash('sha256').update(text, 'utf8').digest('hex')).toString('base64');

/**
 * ZATCA's rule for the `#xadesSignedProperties` digest, found on its 26 signed samples and written here
 * apart from src/zatca: the xades:SignedProperties element with the whitespace it has in the document,
 * made standalone by declaring, first among its attributes, each namespace it uses (xmlns:xades on the
 * element, xmlns:ds on every ds: element); empty elements stay `<…/>`; SHA-256, hex, base64.
 */
export function standaloneSignedProperties(element: string): string {
  return element
    .replace(
      /^<xades:SignedProperties(?![^>]*xmlns:xades=)/,
      '<xades:SignedProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#"',
    )
    .replace(/<ds:(\w+)(?![^>]*xmlns:ds=)/g, '<ds:$1 xmlns:ds="http://www.w3.org/2000/09/xmldsig#"');
}
export const independentSignedPropertiesDigest = (xml: string) =>
  hexSha256Base64(standaloneSignedProperties(signedPropertiesElement(xml)));

/**
 * What ZATCA checks of a document's signature, recomputed by the rules its 26 signed samples follow
 * (test/zatca.test.ts proves each on them): ZATCA's error code of each broken one, [] when all hold.
 */
export function signatureProblems(xml: string): string[] {
  const problems: string[] = [];
  const hash = independentHash(xml);
  if (/Id="invoiceSignedData"[\s\S]*?<ds:DigestValue>([^<]+)</.exec(xml)?.[1] !== hash)
    problems.push('invalid-invoice-hash');
  if (independentSignedPropertiesDigest(xml) !== digestOfProperties(xml)) problems.push('signed-properties-hashing');
  const certificateText = textOf(xml, 'ds:X509Certificate');
  if (/<xades:CertDigest>[\s\S]*?<ds:DigestValue>([^<]+)</.exec(xml)?.[1] !== hexSha256Base64(certificateText))
    problems.push('certificate-hashing');
  const certificate = new X509Certificate(Buffer.from(certificateText, 'base64'));
  if (
    !verify(
      'sha256',
      Buffer.from(hash, 'base64'),
      certificate.publicKey,
      Buffer.from(textOf(xml, 'ds:SignatureValue'), 'base64'),
    )
  )
    problems.push('invalid-signature');
  return problems;
}

/** The text of the first element with this qualified name. */
export function textOf(xml: string, qualifiedName: string): string {
  const match = new RegExp(`<${qualifiedName}(?: [^>]*)?>([^<]*)</${qualifiedName}>`).exec(xml);
  return match ? match[1]! : '';
}

export const xmllintMissing = spawnSync('xmllint', ['--version']).error
  ? 'xmllint is not installed (apt-get install -y libxml2-utils)'
  : false;

/** xmllint's verdict on the document without its signature, against ZATCA's UBL 2.1 XSDs. */
export function validateWithXsd(xml: string): { ok: boolean; output: string } {
  const withoutExtensions = xml.replace(/<ext:UBLExtensions>[\s\S]*<\/ext:UBLExtensions>/, '');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zatca-xsd-')), 'invoice.xml');
  fs.writeFileSync(file, withoutExtensions);
  const schema = path.join(SHARED_ZATCA, 'Schemas/xsds/UBL2.1/xsd/maindoc/UBL-Invoice-2.1.xsd');
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
