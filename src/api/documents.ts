/**
 * Rendered documents on the wire:
 *   GET /api2/{resource}/{id}.pdf | .html [?lang=ar|en|bilingual]   with the usual credentials
 *   GET /invoices/preview/{id}?hash=…  and  GET /invoices/view/{id}.pdf?hash=…   without credentials
 *   GET /qr/?d64=…[&format=svg]        the QR code of a qr_code_url, PNG (default) or SVG
 *   POST /api2/{resource}/{id}/rotate_link   the owner replaces a sales document's public links
 * The renderers (Typst, the QR encoder) are loaded on the first document, not at start.
 */
import { PUBLIC_ROUTE } from './auth.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { buildDocumentView } from '../domain/documents.js';
import { DaftarError, fieldError, notFound } from '../domain/errors.js';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, documentLanguageOf } from '../domain/site-settings.js';
import { nowText, siteById } from '../domain/sites.js';
import type { Context, ResourceSpec } from '../engine/resource.js';
import { documentHash, linksOf, rotateLink, rotationsOf, sameHash, siteOfHash } from '../documents/links.js';
import { loadDocument } from '../documents/load.js';
import { purchaseInvoices, purchaseRefunds } from '../resources/purchase-documents.js';
import { creditNotes, estimates, invoices, refundReceipts } from '../resources/sales-documents.js';
import { phase2PrintOf } from '../zatca/chain.js';
import { oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { baseUrlOf } from './site.js';
import { contextOf, parseId, writeWith } from './routes.js';
import { paramsOf, queryOf } from './request.js';
import { oneOf } from '../guards.js';

export const SALES_DOCUMENTS: readonly ResourceSpec[] = [invoices, estimates, creditNotes, refundReceipts];
export const RENDERED_DOCUMENTS: readonly ResourceSpec[] = [...SALES_DOCUMENTS, purchaseInvoices, purchaseRefunds];

export type DocumentFormat = 'pdf' | 'html';

export const DOCUMENT_ROUTES: ExtraRoute[] = [
  ...RENDERED_DOCUMENTS.flatMap((spec) =>
    (['pdf', 'html'] as const).map((format) => ({
      method: 'GET',
      path: `/api2/${spec.name}/{id}.${format}`,
      tag: spec.title,
      summary: `The ${spec.title.toLowerCase()} as ${format === 'pdf' ? 'a PDF (A4)' : 'an HTML page'}; ?lang=ar|en|bilingual (the site's document_language when left out)`,
    })),
  ),
  ...SALES_DOCUMENTS.map((spec) => ({
    method: 'POST',
    path: `/api2/${spec.name}/{id}/rotate_link`,
    tag: spec.title,
    summary:
      'Replace the public invoice_html_url and invoice_pdf_url of this document: the old links stop working (owner only)',
  })),
];

function languageOf(request: FastifyRequest, site: Context['site']): DocumentLanguage {
  const raw = queryOf(request)['lang'];
  if (raw === undefined || raw === '') return documentLanguageOf(site);
  const language = oneOf(DOCUMENT_LANGUAGES, raw);
  if (language) return language;
  throw fieldError('lang', `must be one of ${DOCUMENT_LANGUAGES.join(', ')}`);
}

/** The rendered bytes of a document of the context's site, or null when it has no such document. */
export async function renderDocument(
  context: Context,
  spec: ResourceSpec,
  id: number,
  format: DocumentFormat,
  lang: DocumentLanguage,
  templatesDir?: string,
  offThread = true,
): Promise<{ body: Buffer | string; number: string } | null> {
  const loaded = await loadDocument(context, spec, id, lang);
  if (!loaded) return null;
  const phase1 = buildDocumentView(loaded.source);
  // A signed ZATCA e-invoice (phase 2) prints its own QR, with the hash and signature, and its PDF
  // carries the e-invoice XML as a PDF/A-3 attachment (src/zatca, docs/zatca.md).
  const phase2 = phase1.qr !== null && spec.table === 'invoices' ? await phase2PrintOf(context, id) : null;
  const view = phase2 ? { ...phase1, qr: phase2.qr } : phase1;
  const einvoiceXml = phase2?.xml ?? null;
  const layout =
    typeof context.site['document_layout'] === 'string' && context.site['document_layout']
      ? String(context.site['document_layout'])
      : 'standard';
  const logo = context.site['logo'] ? Buffer.from(String(context.site['logo']), 'base64') : null;
  if (format === 'pdf') {
    if (!offThread) {
      const { renderPdf } = await import('../documents/pdf.js');
      return { body: renderPdf(view, { logo, einvoiceXml }, layout, templatesDir), number: view.number };
    }
    const { renderPdfOffThread } = await import('../documents/pdf-pool.js');
    return { body: await renderPdfOffThread(view, { logo, einvoiceXml }, layout, templatesDir), number: view.number };
  }
  const { renderHtml } = await import('../documents/html.js');
  const logoDataUrl = logo ? `data:${String(context.site['logo_mime'])};base64,${String(context.site['logo'])}` : null;
  return { body: renderHtml(view, { logoDataUrl }, layout, templatesDir), number: view.number };
}

function send(
  reply: FastifyReply,
  rendered: { body: Buffer | string; number: string },
  format: DocumentFormat,
): FastifyReply {
  const file = rendered.number.replace(/[^A-Za-z0-9._-]/g, '_') || 'document';
  reply.header('cache-control', 'private, no-store');
  if (format === 'pdf')
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${file}.pdf"`)
      .send(rendered.body);
  // The page is ours and self-contained: no scripts, no requests, styles and images inline.
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
    .send(rendered.body);
}

/** GET /api2/{resource}/{id}.pdf|.html for a caller with credentials (called from the resource's GET route). */
export async function serveOwnDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  database: Database,
  config: Config,
  spec: ResourceSpec,
  id: number,
  format: DocumentFormat,
): Promise<FastifyReply> {
  const context = contextOf(request, database);
  const rendered = await renderDocument(
    context,
    spec,
    id,
    format,
    languageOf(request, context.site),
    config.templatesDir,
  );
  if (!rendered) throw notFound(`${spec.title} not found`);
  return send(reply, rendered, format);
}

/** The site and sales document a public link names, when its hash is the document's current one. */
async function publicDocument(
  database: Database,
  request: FastifyRequest,
  config: Config,
  id: number,
): Promise<{ context: Context; spec: ResourceSpec } | null> {
  const hash = queryOf(request)['hash'];
  const siteId = siteOfHash(hash);
  if (siteId === null || !Number.isSafeInteger(id) || id <= 0) return null;
  const site = await siteById(database.db, siteId);
  if (!site) return null;
  const row = await database.db
    .selectFrom('invoices')
    .select(['type'])
    .where('site_id', '=', site.id)
    .where('id', '=', id)
    .executeTakeFirst();
  const spec = row
    ? SALES_DOCUMENTS.find((candidate) => candidate.scope!.values.includes(Number(row['type'])))
    : undefined;
  if (!spec) return null;
  const rotation = (await rotationsOf(database.db, database.dialect, site.id, [id])).get(id) ?? 0;
  if (!sameHash(String(hash), documentHash(site, id, rotation))) return null;
  const context: Context = {
    db: database.db,
    dialect: database.dialect,
    site,
    siteId: site.id,
    staffId: 0,
    now: nowText(),
    baseUrl: baseUrlOf(request, config.publicUrl),
  };
  return { context, spec };
}

async function servePublic(
  request: FastifyRequest,
  reply: FastifyReply,
  database: Database,
  config: Config,
  rawId: string,
  format: DocumentFormat,
): Promise<FastifyReply> {
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : 0;
  const found = await publicDocument(database, request, config, id);
  // One answer for every failure (no such document, another site's, a wrong or rotated hash).
  if (!found) throw notFound('Invoice not found');
  const rendered = await renderDocument(
    found.context,
    found.spec,
    id,
    format,
    languageOf(request, found.context.site),
    config.templatesDir,
  );
  if (!rendered) throw notFound('Invoice not found');
  return send(reply.header('x-robots-tag', 'noindex'), rendered, format);
}

/** The QR text of a qr_code_url's d64 value: base64 of the text, which must itself be base64. */
export function qrTextOfD64(d64: unknown): string | null {
  if (typeof d64 !== 'string' || d64.length === 0 || d64.length > 4_096) return null;
  const normalized = d64.replace(/ /g, '+');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(normalized)) return null;
  const text = Buffer.from(normalized, 'base64').toString('utf8');
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? text : null;
}

export const PUBLIC_DOCUMENT_ROUTES: ExtraRoute[] = [
  {
    method: 'GET',
    path: '/invoices/preview/{id}',
    summary: 'A sales document as HTML, without credentials, through its invoice_html_url (?hash=)',
    tag: 'Documents',
  },
  {
    method: 'GET',
    path: '/invoices/view/{id}.pdf',
    summary: 'A sales document as PDF, without credentials, through its invoice_pdf_url (?hash=)',
    tag: 'Documents',
  },
  {
    method: 'GET',
    path: '/qr/',
    summary: 'The QR code of a qr_code_url (?d64=): PNG, or SVG with &format=svg',
    tag: 'Documents',
  },
];

export function registerDocumentRoutes(app: FastifyInstance, database: Database, config: Config): void {
  // The PDF worker thread goes with the server: a process must not wait on it to exit.
  app.addHook('onClose', async () => {
    const { stopPdfWorker } = await import('../documents/pdf-pool.js');
    await stopPdfWorker();
  });
  app.get('/invoices/preview/:id', PUBLIC_ROUTE, async (request, reply) =>
    servePublic(request, reply, database, config, paramsOf(request).id, 'html'),
  );
  app.get('/invoices/view/:file', PUBLIC_ROUTE, async (request, reply) => {
    const file = paramsOf(request).file;
    const match = /^(\d{1,15})\.pdf$/.exec(file);
    return servePublic(request, reply, database, config, match ? match[1]! : '', 'pdf');
  });
  app.get('/qr', PUBLIC_ROUTE, async (request, reply) => {
    const query = queryOf(request);
    const text = qrTextOfD64(query['d64']);
    if (!text) throw fieldError('d64', 'must be base64 of the QR text (itself base64), as in qr_code_url');
    const { qrPng, qrSvg } = await import('../documents/qr-image.js');
    reply.header('cache-control', 'public, max-age=86400');
    if (query['format'] === 'svg') return reply.type('image/svg+xml').send(qrSvg(text));
    return reply.type('image/png').send(await qrPng(text));
  });
  for (const spec of SALES_DOCUMENTS) {
    app.post(`/api2/${spec.name}/:id/rotate_link`, async (request) => {
      const id = parseId(paramsOf(request).id, spec);
      if (request.caller!.staffId !== 0)
        throw new DaftarError('DAFTAR_ERR_FORBIDDEN', "Only the site owner may replace a document's links");
      const links = await writeWith(request, database, async (context) => {
        const { loadRecord } = await import('../engine/service.js');
        const record = await loadRecord(context, spec, id);
        if (!record) throw notFound(`${spec.title} not found`);
        const rotation = await rotateLink(context.db, context.siteId, id);
        return linksOf(context, record, rotation);
      });
      return oneReply(spec.model, links);
    });
  }
}
