/**
 * Daftra's three links on every sales document record, in Daftra's forms:
 *
 *   qr_code_url      {base}/qr/?d64=<base64 of the QR text>     (the QR text is itself base64 TLV)
 *   invoice_html_url {base}/invoices/preview/{id}?hash=<hash>
 *   invoice_pdf_url  {base}/invoices/view/{id}.pdf?hash=<hash>
 *
 * The preview and PDF links open without credentials, for that one document only. The hash is
 * `<site id>.<HMAC-SHA256(site secret, "invoices:<id>:<rotation>") as 32 hex digits>`: the site id lets
 * the public route find the site without a scan across sites, the HMAC (128 bits) cannot be guessed,
 * and it names one document of one site. The owner rotates a document's link (POST
 * /api2/{resource}/{id}/rotate_link, `daftar invoice rotate-link`): its counter moves on and the old
 * link answers 404. A document never rotated has no row in document_links (rotation 0), so a list
 * page costs one indexed query for all its rows, and an HMAC per row.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { type ShapeRead, runShape } from '../db/shapes.js';
import { type DocumentKind, kindOf, qrTextOf } from '../domain/documents.js';
import type { Context, Rec } from '../engine/resource.js';
import { phase2QrsFor, phase2QrsRead } from '../zatca/chain.js';

const DOCUMENT_TABLE = 'invoices';
const HASH_HEX_DIGITS = 32;

export function documentHash(
  site: { id: number; [column: string]: unknown },
  documentId: number,
  rotation: number,
): string {
  const secret = String(site['document_hash_secret'] ?? '');
  // A site from before its secret was set has none: it gets no working link rather than a guessable one.
  if (secret.length < 16) return `${site.id}.0`;
  const mac = createHmac('sha256', secret)
    .update(`${DOCUMENT_TABLE}:${documentId}:${rotation}`)
    .digest('hex')
    .slice(0, HASH_HEX_DIGITS);
  return `${site.id}.${mac}`;
}

/** The site id a hash names, or null when it is not of our form. */
export function siteOfHash(hash: unknown): number | null {
  if (typeof hash !== 'string') return null;
  const match = /^(\d{1,15})\.([0-9a-f]{32})$/.exec(hash);
  return match ? Number(match[1]) : null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The rotation counters of documents, by id (absent: 0). One query for any number of ids. */
export async function rotationsOf(
  db: Db,
  dialect: Context['dialect'],
  siteId: number,
  ids: number[],
  owner?: object,
): Promise<Map<number, number>> {
  const rotations = new Map<number, number>();
  if (ids.length === 0) return rotations;
  const read = rotationsRead(db, siteId, ids);
  const { rows } = await runShape(db, dialect, read.shape, read.values, read.build, owner);
  for (const row of rows) rotations.set(Number(row['document_id']), Number(row['rotation']));
  return rotations;
}

function rotationsRead(db: Db, siteId: number, ids: number[]): ShapeRead {
  return {
    shape: `document-links:${ids.length}`,
    values: [siteId, DOCUMENT_TABLE, ...ids],
    build: () =>
      db
        .selectFrom('document_links')
        .select(['document_id', 'rotation'])
        .where('site_id', '=', siteId)
        .where('doc_table', '=', DOCUMENT_TABLE)
        .where('document_id', 'in', ids),
  };
}

/** What addDocumentLinks reads for one document, to be sent with the document's own read (GET). */
export function documentLinkReads(context: Context, id: number): ShapeRead[] {
  const reads = [rotationsRead(context.db, context.siteId, [id])];
  if (context.site.country_code === 'SA') reads.push(phase2QrsRead(context, [id]));
  return reads;
}

/** Moves a document's link on: the old hash stops working. Returns the new rotation. */
export async function rotateLink(db: Db, siteId: number, documentId: number): Promise<number> {
  const row = await db
    .selectFrom('document_links')
    .select(['id', 'rotation'])
    .where('site_id', '=', siteId)
    .where('doc_table', '=', DOCUMENT_TABLE)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (row) {
    const rotation = Number(row['rotation']) + 1;
    await db
      .updateTable('document_links')
      .set({ rotation })
      .where('site_id', '=', siteId)
      .where('id', '=', row['id'])
      .execute();
    return rotation;
  }
  await db
    .insertInto('document_links')
    .values({ site_id: siteId, doc_table: DOCUMENT_TABLE, document_id: documentId, rotation: 1 })
    .execute();
  return 1;
}

export interface DocumentLinks {
  qr_code_url: string | null;
  invoice_html_url: string;
  invoice_pdf_url: string;
}

export function linksOf(context: Context, record: Rec, rotation: number, phase2Qr?: string): DocumentLinks {
  const base = context.baseUrl ?? '';
  const id = record.id!;
  const hash = documentHash(context.site, id, rotation);
  const kind: DocumentKind | null = kindOf(DOCUMENT_TABLE, Number(record['type'] ?? 0));
  const phase1 = kind ? qrTextOf(kind, context.site, record) : null;
  const qr = phase1 !== null && phase2Qr ? phase2Qr : phase1;
  return {
    // Daftra encodes twice: the d64 value is base64 of the QR text, which is base64 of the TLV.
    qr_code_url: qr ? `${base}/qr/?d64=${encodeURIComponent(Buffer.from(qr, 'utf8').toString('base64'))}` : null,
    invoice_html_url: `${base}/invoices/preview/${id}?hash=${hash}`,
    invoice_pdf_url: `${base}/invoices/view/${id}.pdf?hash=${hash}`,
  };
}

/** Adds the three links to each rendered sales document (GET one and lists alike). */
export async function addDocumentLinks(
  context: Context,
  records: Rec[],
  wire: Record<string, unknown>[],
): Promise<void> {
  const rotations = await rotationsOf(
    context.db,
    context.dialect,
    context.siteId,
    records.map((record) => record.id!),
    context,
  );
  const phase2 =
    context.site.country_code === 'SA'
      ? await phase2QrsFor(
          context,
          records.map((record) => record.id!),
        )
      : new Map<number, string>();
  for (const [index, record] of records.entries())
    Object.assign(wire[index]!, linksOf(context, record, rotations.get(record.id!) ?? 0, phase2.get(record.id!)));
}
