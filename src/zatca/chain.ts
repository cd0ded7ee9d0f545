/**
 * Per document: the e-invoice is built, checked, chained and signed inside the document's own write
 * transaction, so the chain cannot get a gap or a fork.
 *
 * Order of work in `issueEInvoice` (called from the sales documents' afterWrite hook):
 *  1. skip what is not a tax document of a Saudi site with an active e-invoicing unit (EGS), and drafts;
 *  2. an already signed document is never signed again: an edit that would change its e-invoice is
 *     refused (400: corrections are credit or debit notes); any other edit leaves it as it is;
 *  3. check ZATCA's business rules (rules.ts) on the document as stored — refused with a 400 naming the field;
 *  4. take the unit's next ICV and its last hash with one `UPDATE … RETURNING`: on PostgreSQL the row
 *     stays locked until the transaction ends, so a concurrent document (any process) waits and then
 *     reads the new head; on SQLite writes are serialized. A rolled-back document rolls its ICV back;
 *  5. build the XML with ICV and PIH, sign it, store it (unique per unit and ICV, and per document),
 *     move the unit's head to its hash, and set the document's einvoice_status.
 */
import { type ShapeRead, runShape } from '../db/shapes.js';
import { type KeyObject, createHash, createPrivateKey, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DaftarError, validationError } from '../domain/errors.js';
import type { Context, Rec } from '../engine/resource.js';
import { certificateFacts, type CertificateFacts } from './certificate.js';
import { type SourceDocument, TYPE_CODES, buyerOf, toEInvoice } from './document.js';
import type { EInvoice } from './model.js';
import { checkRules } from './rules.js';
import { signInvoice } from './sign.js';
import { buildUnsignedXml } from './ubl.js';
import { unseal } from './vault.js';
import { secretKey } from './settings.js';
import { scoped } from '../db/scoped.js';

type Row = Record<string, unknown>;

/** einvoice_status values (docs/zatca.md). */
export const EINVOICE_STATUS = {
  /** Signed with a self-signed (development) certificate: never sent to ZATCA. */
  signed: 'signed',
  /** Signed, waiting in the outbox to be reported (simplified) or cleared (standard). */
  pending: 'pending',
  reported: 'reported',
  cleared: 'cleared',
  /** ZATCA refused it (validation errors in the response); correct with a note. */
  rejected: 'rejected',
} as const;

/**
 * The unit that signs the site's documents: the active one, once it has a self-signed (development)
 * certificate or a production CSID. Between keygen and the production CSID (a compliance CSID only
 * serves the compliance checks) the site stays in phase 1: no e-invoice, nothing signed unsent.
 */
export async function activeUnit(context: Pick<Context, 'db' | 'siteId' | 'dialect'>): Promise<Row | undefined> {
  const read = activeUnitRead(context);
  const { rows } = await runShape<Row>(context.db, context.dialect, read.shape, read.values, read.build, context);
  return rows[0];
}

/** The read of `activeUnit`, to be sent ahead (prefetchWrite) and answered to it. */
export function activeUnitRead(context: Pick<Context, 'db' | 'siteId'>): ShapeRead {
  return {
    shape: 'zatca:active-unit',
    values: [context.siteId, 1, 'self-signed', 'production'],
    build: () =>
      scoped(context, 'zatca_units')
        .selectFrom()
        .selectAll()
        .where('active', '=', 1)
        .where('certificate_source', 'in', ['self-signed', 'production'])
        .orderBy('id', 'desc'),
  };
}

/** Whether `issueEInvoice` will look for the signing unit for this record (and so may read it ahead). */
export function signsEInvoice(context: Pick<Context, 'site'>, record: Rec): boolean {
  return Number(record['type']) in TYPE_CODES && Number(record['draft']) !== 1 && context.site.country_code === 'SA';
}

async function loadSource(context: Context, invoiceId: number): Promise<SourceDocument> {
  const rowsOf = (table: string) => scoped(context, table).selectFrom().selectAll();
  const site = await context.db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', context.siteId)
    .executeTakeFirstOrThrow();
  const header = await rowsOf('invoices').where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const lines = await rowsOf('invoice_items').where('invoice_id', '=', invoiceId).orderBy('id').execute();
  const taxIds = [...new Set(lines.map((line) => Number(line['tax1'])).filter((id) => id > 0))];
  const taxes = taxIds.length === 0 ? [] : await rowsOf('taxes').where('id', 'in', taxIds).execute();
  const client = await rowsOf('clients').where('id', '=', Number(header['client_id'])).executeTakeFirst();
  const originalId = Number(header['subscription_id']);
  const original =
    originalId > 0 ? await rowsOf('invoices').select('no').where('id', '=', originalId).executeTakeFirst() : undefined;
  return {
    site,
    header,
    lines,
    client,
    taxes: new Map(taxes.map((tax) => [Number(tax['id']), tax])),
    originalNumber: original ? String(original['no'] ?? '') : '',
  };
}

/**
 * What the document puts into its e-invoice, without its place in the chain and without what comes from
 * elsewhere (the site's seller settings, the client's type): equal digests, an unchanged e-invoice.
 */
function contentDigest(invoice: EInvoice, header: Row): string {
  const content = {
    ...invoice,
    uuid: '',
    icv: 0,
    previousHash: '',
    issueTime: '',
    seller: null,
    standard: null,
    buyer: buyerOf(header),
  };
  return createHash('sha256')
    .update(JSON.stringify(content, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)))
    .digest('base64');
}

/** Units whose parsed certificate and unsealed key stay in memory. */
const KEYS_CACHED_MAX = 1_000;
const facts = new Map<string, CertificateFacts>();
function certificateOf(unit: Row): CertificateFacts {
  const text = String(unit['certificate']);
  let found = facts.get(text);
  if (!found) {
    found = certificateFacts(text);
    if (facts.size >= KEYS_CACHED_MAX) facts.clear();
    facts.set(text, found);
  }
  return found;
}

/** Unsealed keys by their sealed text: unsealing and parsing cost about a millisecond a document. */
const keys = new Map<string, KeyObject>();
function privateKeyOf(unit: Row): KeyObject {
  const sealed = String(unit['private_key']);
  let key = keys.get(sealed);
  if (!key) {
    key = createPrivateKey(unseal(sealed, secretKey()));
    if (keys.size >= KEYS_CACHED_MAX) keys.clear();
    keys.set(sealed, key);
  }
  return key;
}

const PROVISIONAL = { icv: 0, previousHash: '', uuid: '', issueTime: '' };

export async function issueEInvoice(context: Context, record: Rec, _previous: Rec | null): Promise<void> {
  if (!signsEInvoice(context, record)) return;
  const unit = await activeUnit(context);
  if (!unit) return;
  const invoiceId = record.id!;
  const source = await loadSource(context, invoiceId);
  const provisional = toEInvoice(source, PROVISIONAL);
  const digest = contentDigest(provisional, source.header);
  const issued = await scoped(context, 'zatca_documents')
    .selectFrom()
    .select(['content_digest'])
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  if (issued) {
    if (issued['content_digest'] === digest) return;
    throw validationError({
      id: 'is a document with a signed e-invoice: its amounts, lines, client and dates are fixed; issue a credit or debit note to correct it',
    });
  }
  const errors = checkRules(provisional, source.header, source.lines);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const { rows } = await sql<{ icv: number | string; last_hash: string }>`
    update zatca_units set icv = icv + 1 where site_id = ${context.siteId} and id = ${Number(unit['id'])}
    returning icv, last_hash`.execute(context.db);
  const head = rows[0]!;
  const einvoice = toEInvoice(source, {
    icv: Number(head.icv),
    previousHash: head.last_hash,
    uuid: randomUUID(),
    issueTime: context.now.slice(11, 19),
  });
  const certificate = certificateOf(unit);
  const signed = signInvoice(einvoice, buildUnsignedXml(einvoice), privateKeyOf(unit), certificate);
  // Only a production CSID reports and clears; a self-signed unit signs and never sends.
  const status = unit['certificate_source'] === 'production' ? EINVOICE_STATUS.pending : EINVOICE_STATUS.signed;
  await scoped(context, 'zatca_units')
    .updateTable()
    .set({ last_hash: signed.hash, modified: context.now })
    .where('id', '=', Number(unit['id']))
    .execute();
  await context.db
    .insertInto('zatca_documents')
    .values({
      site_id: context.siteId,
      invoice_id: invoiceId,
      unit_id: Number(unit['id']),
      icv: einvoice.icv,
      uuid: einvoice.uuid,
      hash: signed.hash,
      previous_hash: einvoice.previousHash,
      xml: signed.xml,
      qr: signed.qr,
      standard: einvoice.standard ? 1 : 0,
      content_digest: digest,
      status,
      attempts: 0,
      next_attempt_ms: 0,
      lease_until_ms: 0,
      created: context.now,
    })
    .execute();
  await scoped(context, 'invoices')
    .updateTable()
    .set({ einvoice_status: status })
    .where('id', '=', invoiceId)
    .execute();
}

/** A signed e-invoice is part of the chain ZATCA holds: its document stays. */
export async function refuseDeleteOfEInvoiced(context: Context, record: Rec): Promise<void> {
  const issued = await scoped(context, 'zatca_documents')
    .selectFrom()
    .select('id')
    .where('invoice_id', '=', record.id!)
    .executeTakeFirst();
  if (issued)
    throw new DaftarError(
      'DAFTAR_ERR_HAS_TRANSACTIONS',
      "Can't delete a document with a signed e-invoice (ZATCA). Issue a credit note instead.",
    );
}

/** The signed XML of a document, or undefined when it has none. */
export async function signedXmlOf(
  context: Pick<Context, 'db' | 'siteId'>,
  invoiceId: number,
): Promise<Row | undefined> {
  return scoped(context, 'zatca_documents')
    .selectFrom()
    .select(['xml', 'cleared_xml', 'status', 'uuid', 'hash', 'icv', 'qr'])
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
}

/**
 * The phase-2 QR (base64 TLV, tags 1–9) of a document's signed e-invoice, for the PDF and the print view
 * of a phase-2 site; null when the document has none (print the phase-1 QR then).
 *
 * @example await phase2QrFor(context, 12) → 'AQ…' (decode with decodeTlv from domain/zatca-qr.ts)
 */
export async function phase2QrFor(context: Pick<Context, 'db' | 'siteId'>, invoiceId: number): Promise<string | null> {
  const row = await scoped(context, 'zatca_documents')
    .selectFrom()
    .select('qr')
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  return row ? String(row['qr']) : null;
}

/**
 * What a printed phase-2 document carries: its QR and the e-invoice XML the PDF attaches (the cleared
 * XML ZATCA returned once a standard invoice is cleared, the signed XML before) — the same XML
 * `einvoice.xml` serves. Null when the document has no e-invoice.
 */
export async function phase2PrintOf(
  context: Pick<Context, 'db' | 'siteId'>,
  invoiceId: number,
): Promise<{ qr: string; xml: string } | null> {
  const row = await scoped(context, 'zatca_documents')
    .selectFrom()
    .select(['qr', 'xml', 'cleared_xml'])
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  return row ? { qr: String(row['qr']), xml: String(row['cleared_xml'] || row['xml']) } : null;
}

/** phase2QrFor for many documents at once (lists): invoice id → QR, for those that have one. */
export async function phase2QrsFor(
  context: Pick<Context, 'db' | 'siteId' | 'dialect'>,
  invoiceIds: number[],
): Promise<Map<number, string>> {
  if (invoiceIds.length === 0) return new Map();
  const read = phase2QrsRead(context, invoiceIds);
  // The context owns what a GET sent ahead of this read (db/shapes.ts).
  const { rows } = await runShape(context.db, context.dialect, read.shape, read.values, read.build, context);
  return new Map(rows.map((row) => [Number(row['invoice_id']), String(row['qr'])]));
}

/** The read of phase2QrsFor, as a shape (db/shapes.ts). */
export function phase2QrsRead(context: Pick<Context, 'db' | 'siteId'>, invoiceIds: number[]): ShapeRead {
  return {
    shape: `phase2-qrs:${invoiceIds.length}`,
    values: [context.siteId, ...invoiceIds],
    build: () =>
      scoped(context, 'zatca_documents')
        .selectFrom()
        .select(['invoice_id', 'qr'])
        .where('invoice_id', 'in', invoiceIds),
  };
}
