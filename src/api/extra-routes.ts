/**
 * The routes Daftra shapes differently from the usual five: creating a note on an item, follow-up
 * lists by item type (and single by id on the same path), the client attendance log, and the general
 * listing. Handlers translate HTTP to the resources' functions, like routes.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError } from '../domain/errors.js';
import { createRecord, getOne } from '../engine/service.js';
import { invoices } from '../resources/sales-documents.js';
import { toDaftarError } from './errors.js';
import type { ResourceSpec } from '../engine/resource.js';
import { clientAttendance } from '../resources/client-attendance.js';
import { followUpActions, followUpStatuses, listFollowUps } from '../resources/follow-ups.js';
import { generalListing } from '../resources/listing.js';
import { createNote } from '../resources/notes.js';
import { createdReply, listReply, oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { parseId, readWith, writeWith } from './routes.js';
import { paramsOf, queryOf } from './request.js';
import { isRecord } from '../guards.js';

/** Invoices one Bulk Add may carry. */
export const BULK_INVOICES_MAX = 200;

interface BulkResult {
  result: 'successful' | 'failed';
  code: number;
  id?: string;
  invoice_number?: string;
  message?: string;
  validation_errors?: Record<string, string>;
}

/**
 * Bulk Add: each element is an Add New Invoice body, written in a transaction of its own, so one bad
 * element loses nothing of the others (the docs: "not atomic"). `client_id` and `terminal_id` in the
 * query fill elements that leave them out; `send` (emailing) is ignored.
 */
async function addBulk(request: FastifyRequest, database: Database): Promise<BulkResult[]> {
  const body = request.body;
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Object.keys(body).every((key) => /^\d+$/.test(key))
      ? Object.values(body)
      : null;
  if (!list || list.length === 0)
    throw new DaftarError(
      'DAFTAR_ERR_BAD_BODY',
      'Bulk Add takes a JSON array of invoices, each shaped as the body of Add New Invoice',
      { body: 'must be a non-empty JSON array' },
    );
  if (list.length > BULK_INVOICES_MAX)
    throw new DaftarError('DAFTAR_ERR_BAD_BODY', `Bulk Add takes at most ${BULK_INVOICES_MAX} invoices a request`, {
      body: `must have at most ${BULK_INVOICES_MAX} elements`,
    });
  const query = queryOf(request);
  const defaults: Record<string, unknown> = {};
  for (const name of ['client_id', 'terminal_id'])
    if (typeof query[name] === 'string' && query[name] !== '') defaults[name] = query[name];
  const results: BulkResult[] = [];
  for (const element of list) {
    try {
      const withDefaults = withHeaderDefaults(element, defaults);
      const id = await writeWith(request, database, (context) => createRecord(context, invoices, withDefaults));
      const row = await database.db
        .selectFrom('invoices')
        .select('no')
        .where('site_id', '=', request.caller!.site.id)
        .where('id', '=', id)
        .executeTakeFirst();
      results.push({
        result: 'successful',
        code: 202,
        id: String(id),
        invoice_number: row ? String(row['no']) : undefined,
      });
    } catch (error) {
      const known = toDaftarError(error);
      if (!known) request.log.error({ err: error }, 'bulk add element failed');
      const failure = known ?? new DaftarError('DAFTAR_ERR_UNAVAILABLE', 'This invoice could not be written; retry it');
      results.push({
        result: 'failed',
        code: failure.status,
        message: failure.message,
        ...(failure.validationErrors ? { validation_errors: failure.validationErrors } : {}),
      });
    }
  }
  return results;
}

/** The element with the query's defaults in its Invoice header, where it leaves them out. */
function withHeaderDefaults(element: unknown, defaults: Record<string, unknown>): unknown {
  if (Object.keys(defaults).length === 0 || !isRecord(element)) return element;
  const source = element;
  const header = source['Invoice'];
  if (!isRecord(header)) return element;
  const merged = { ...header };
  for (const [name, value] of Object.entries(defaults))
    if (merged[name] === undefined || merged[name] === null || merged[name] === '') merged[name] = value;
  return { ...source, Invoice: merged };
}

export const EXTRA_ROUTES: ExtraRoute[] = [
  {
    method: 'POST',
    path: '/api2/notes/{type}/{id}',
    summary:
      'Add New Note on an item (type: client, invoice, estimate, product, supplier, work_order, ... or its code)',
    tag: 'Note',
  },
  {
    method: 'GET',
    path: '/api2/follow_up_actions/{type}',
    summary: 'GET All Follow Up Actions of an item type; a numeric segment is GET Single',
    tag: 'Follow up action',
  },
  {
    method: 'GET',
    path: '/api2/follow_up_statuses/{type}',
    summary: 'GET All Follow Up Statuses of an item type; a numeric segment is GET Single',
    tag: 'Follow up status',
  },
  {
    method: 'POST',
    path: '/api2/client-attendance-log/store',
    summary: 'Add New Client-attendance-log',
    tag: 'Client attendance',
  },
  {
    method: 'POST',
    path: '/api2/invoices/add_bulk',
    summary:
      'Bulk Add Invoices: a JSON array of Add New Invoice bodies; each is validated and written on its own, the reply is one result per element in order',
    tag: 'Invoice',
  },
  {
    method: 'GET',
    path: '/api2/listing/{model}',
    summary: 'GET General Listing: id → title map (Product, Timezone, dateFormats, languageCodes, Branch, Role, ...)',
    tag: 'Listing',
  },
];

function registerFollowUpReads(app: FastifyInstance, database: Database, spec: ResourceSpec): void {
  app.get(`/api2/${spec.name}/:segment`, async (request: FastifyRequest) => {
    const { segment } = paramsOf(request);
    if (/^\d+(\.json)?$/.test(segment!)) {
      const id = parseId(segment!, spec);
      return oneReply(spec.model, await readWith(request, database, (context) => getOne(context, spec, id)));
    }
    const result = await readWith(request, database, (context) =>
      listFollowUps(context, spec, segment!, queryOf(request)),
    );
    return listReply(result.data, result.pagination);
  });
}

export function registerExtraRoutes(app: FastifyInstance, database: Database): void {
  for (const path of ['/api2/notes/:type/:id']) {
    app.post(path, async (request, reply) => {
      const { type, id } = paramsOf(request);
      const itemId = parseId(id!, { title: 'Item' });
      const noteId = await writeWith(request, database, (context) => createNote(context, type!, itemId, request.body));
      return reply.code(202).send(createdReply(noteId));
    });
  }
  registerFollowUpReads(app, database, followUpActions);
  registerFollowUpReads(app, database, followUpStatuses);
  for (const path of ['/api2/client-attendance-log/store', '/api2/client-attendance-log/store.json']) {
    app.post(path, async (request, reply) => {
      const id = await writeWith(request, database, (context) =>
        createRecord(context, clientAttendance, request.body ?? {}),
      );
      return reply.code(202).send(createdReply(id));
    });
  }
  app.get('/api2/listing/:model', async (request) => {
    const { model } = paramsOf(request);
    const listing = await readWith(request, database, (context) => generalListing(context, model!));
    return { code: 200, result: 'successful', data: { Listing: listing } };
  });
  for (const path of ['/api2/invoices/add_bulk', '/api2/invoices/add_bulk.json']) {
    app.post(path, async (request) => addBulk(request, database));
  }
}
