/**
 * Onboarding an e-invoicing unit (EGS) of a site: key pair and CSR (`daftar zatca keygen`), the CSID
 * ZATCA returns (`daftar zatca install-csid`), or for development a self-signed certificate
 * (`--self-signed`) so the site signs at once — marked `self-signed` wherever the status shows, and never
 * sent to ZATCA. The private key and the CSID secret are sealed (vault.ts) and never leave the database
 * through the API.
 */
import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { nowText } from '../domain/sites.js';
import { VERSION } from '../version.js';
import {
  type CsrSubject,
  type ZatcaEnvironment,
  buildCsr,
  certificateFacts,
  generateEgsKeyPair,
  normalizeCertificate,
  selfSignedCertificate,
} from './certificate.js';
import { FIRST_PREVIOUS_HASH } from './hash.js';
import { VAT_NUMBER } from './rules.js';
import { seal, unseal } from './vault.js';

export const ENVIRONMENTS: readonly ZatcaEnvironment[] = ['sandbox', 'simulation', 'production'];

export interface KeygenOptions {
  environment: ZatcaEnvironment;
  selfSigned: boolean;
  /** Replace the active unit: the new unit starts its own chain (ICV 1, PIH of "0"). */
  replace: boolean;
  /** csr.organization.unit.name: the branch; the site's city when left out. */
  branch?: string;
  /** csr.industry.business.category. */
  industry?: string;
  /** csr.invoice.type: which documents the unit issues (standard, simplified): 1100 both. */
  invoiceType?: string;
}

export interface KeygenResult {
  unitId: number;
  csr: string;
  commonName: string;
  serialNumber: string;
  selfSigned: boolean;
}

export function subjectFor(site: Record<string, unknown>, options: KeygenOptions, unitUuid: string): CsrSubject {
  const vat = String(site['vat_number'] ?? '');
  if (!VAT_NUMBER.test(vat))
    throw new Error(
      "set the site's VAT number first (15 digits, starting and ending with 3): daftar site set <subdomain> vat_number=3…3",
    );
  const name = String(site['business_name'] ?? '').trim();
  const city = String(site['city'] ?? '').trim();
  return {
    commonName: `EGS-Daftar-${String(site['subdomain'])}`.slice(0, 64),
    serialNumber: `1-Daftar|2-${VERSION}|3-${unitUuid}`,
    organizationIdentifier: vat,
    organizationUnit: (options.branch ?? (city || 'Main Branch')).slice(0, 64),
    organizationName: (name || String(site['subdomain'])).slice(0, 64),
    country: 'SA',
    invoiceType: options.invoiceType ?? '1100',
    location:
      [String(site['building_number'] ?? ''), String(site['address1'] ?? ''), city]
        .filter(Boolean)
        .join(' ')
        .slice(0, 127) || 'SA',
    industry: (options.industry ?? 'Other').slice(0, 64),
  };
}

export async function keygen(db: Db, siteId: number, options: KeygenOptions, secret: Buffer): Promise<KeygenResult> {
  if (options.invoiceType !== undefined && !/^[01]{4}$/.test(options.invoiceType))
    throw new Error('--invoice-type is four 0/1 flags, e.g. 1100');
  const site = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow();
  const unitUuid = randomUUID();
  const subject = subjectFor(site, options, unitUuid);
  const keys = generateEgsKeyPair();
  const csr = buildCsr(subject, keys.privateKeyPem, options.environment);
  const certificate = options.selfSigned ? selfSignedCertificate(subject, keys.privateKeyPem) : null;
  const now = nowText();
  return db.transaction().execute(async (trx) => {
    const active = await trx
      .selectFrom('zatca_units')
      .select('id')
      .where('site_id', '=', siteId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (active && !options.replace)
      throw new Error('the site already has an e-invoicing unit; add --replace to start a new unit (a new chain)');
    await trx.updateTable('zatca_units').set({ active: 0, modified: now }).where('site_id', '=', siteId).execute();
    const inserted = await trx
      .insertInto('zatca_units')
      .values({
        site_id: siteId,
        name: unitUuid,
        environment: options.environment,
        private_key: seal(keys.privateKeyPem, secret),
        csr,
        certificate,
        certificate_source: certificate ? 'self-signed' : 'none',
        icv: 0,
        last_hash: FIRST_PREVIOUS_HASH,
        active: 1,
        created: now,
        modified: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      unitId: Number(inserted['id']),
      csr,
      commonName: subject.commonName,
      serialNumber: subject.serialNumber,
      selfSigned: certificate !== null,
    };
  });
}

export interface CsidInput {
  /** binarySecurityToken as ZATCA returns it, or the certificate as PEM or base64 DER. */
  certificate: string;
  secret: string;
  /** compliance: the compliance CSID (checks only); production: the production CSID (reporting and clearance). */
  kind: 'compliance' | 'production';
  requestId?: string;
}

/** Stores the CSID of the site's active unit; the certificate must carry the unit's public key. */
export async function installCsid(
  db: Db,
  siteId: number,
  input: CsidInput,
  secret: Buffer,
): Promise<{ unitId: number; notAfter: string }> {
  const unit = await db
    .selectFrom('zatca_units')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!unit) throw new Error('the site has no e-invoicing unit: run daftar zatca keygen first');
  if (unit['certificate_source'] === 'self-signed' && Number(unit['icv']) > 0) {
    throw new Error(
      `this unit signed ${Number(unit['icv'])} documents with a self-signed certificate; ZATCA must see a chain of its own: start a new unit with daftar zatca keygen --replace`,
    );
  }
  const base64 = normalizeCertificate(input.certificate);
  const facts = certificateFacts(base64);
  const ours = createPublicKey(createPrivateKey(unseal(String(unit['private_key']), secret))).export({
    type: 'spki',
    format: 'der',
  });
  if (!ours.equals(facts.publicKeyDer))
    throw new Error("the certificate does not carry this unit's public key (was it issued for this unit's CSR?)");
  const token = Buffer.from(base64).toString('base64');
  await db
    .updateTable('zatca_units')
    .set({
      certificate: base64,
      certificate_source: input.kind,
      csid_token: token,
      csid_secret: seal(input.secret, secret),
      compliance_request_id: input.requestId ?? unit['compliance_request_id'] ?? null,
      modified: nowText(),
    })
    .where('site_id', '=', siteId)
    .where('id', '=', Number(unit['id']))
    .execute();
  return { unitId: Number(unit['id']), notAfter: facts.notAfter };
}

/** What `daftar zatca status` shows: never the key or the secret. */
export async function unitStatus(db: Db, siteId: number): Promise<Record<string, unknown>> {
  const unit = await db
    .selectFrom('zatca_units')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!unit) return { onboarded: false };
  const counts = await db
    .selectFrom('zatca_documents')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('site_id', '=', siteId)
    .where('unit_id', '=', Number(unit['id']))
    .groupBy('status')
    .execute();
  const source = String(unit['certificate_source']);
  return {
    onboarded: true,
    unit_id: Number(unit['id']),
    environment: unit['environment'],
    certificate: source,
    zatca_issued: source === 'compliance' || source === 'production',
    note:
      source === 'self-signed'
        ? 'self-signed development certificate: NOT issued by ZATCA; documents are signed but never sent'
        : undefined,
    icv: Number(unit['icv']),
    last_hash: unit['last_hash'],
    documents: Object.fromEntries(counts.map((row) => [String(row['status']), Number(row['count'])])),
  };
}
