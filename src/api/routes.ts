/**
 * Routes derived from the resource declarations: for each operation a resource exposes, the paths with
 * and without `.json`, PUT and POST-to-id for edits. Handlers only translate HTTP to the engine.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Db } from '../db/connection.js';
import { notFound, validationError } from '../domain/errors.js';
import { nowText } from '../domain/sites.js';
import { listRecords, modelKeys } from '../engine/listing.js';
import type { Context, ResourceSpec } from '../engine/resource.js';
import { createRecord, deleteRecord, editRecord, getOne } from '../engine/service.js';
import { createdReply, doneReply, listReply } from './envelope.js';
import { markCommitted } from './idempotency.js';
import { insertRowsLater } from '../db/insert.js';
import { lockSiteWrites } from '../db/trips.js';
import { Outbox, eventsQueued } from '../webhooks/outbox.js';
import { paramsOf, queryOf } from './request.js';
import { scoped } from '../db/scoped.js';

export function contextOf(request: FastifyRequest, database: Database, db = database.db): Context {
  const caller = request.caller!;
  const branchId = requestBranch(request);
  return {
    db,
    dialect: database.dialect,
    site: caller.site,
    siteId: caller.site.id,
    staffId: caller.staffId,
    now: nowText(),
    baseUrl: request.baseUrl,
    ...(branchId !== undefined ? { branchId } : {}),
  };
}

/** The branch a request names: `?request_branch_id=N` or the `Site-Id: N` header (Daftra's two ways). */
function requestBranch(request: FastifyRequest): number | undefined {
  const query = queryOf(request);
  const raw = query?.['request_branch_id'] ?? request.headers['site-id'];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text === null || text === '') return undefined;
  if (!/^\d{1,15}$/.test(String(text)) || Number(text) === 0)
    throw validationError({ request_branch_id: 'must be a branch id (request_branch_id or the Site-Id header)' });
  return Number(text);
}

/** A branch the request names must be one of the site's branches. */
async function checkBranch(context: Context): Promise<void> {
  if (context.branchId === undefined) return;
  const row = await scoped(context, 'branches')
    .selectFrom()
    .select('id')
    .where('id', '=', context.branchId)
    .executeTakeFirst();
  if (!row) throw validationError({ request_branch_id: `names no branch of this site (${context.branchId})` });
}

export async function readWith<T>(
  request: FastifyRequest,
  database: Database,
  work: (context: Context) => Promise<T>,
): Promise<T> {
  const context = contextOf(request, database);
  await checkBranch(context);
  return work(context);
}

const SECRET_KEY = /pass|secret|token|apikey|api_key/i;
const AUDIT_CHANGES_MAX = 65_536;

function redacted(value: unknown, depth = 0): unknown {
  if (depth > 20) return '…';
  if (Array.isArray(value)) return value.map((v) => redacted(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redacted(v, depth + 1)]),
    );
  }
  return value;
}

/** The audit row of a write, in the write's transaction. */
async function audit(context: Context, request: FastifyRequest, result: unknown): Promise<void> {
  const path = request.url.split('?')[0]!;
  // The api2 segment (`invoices`) or the v2 entity (`invoice`).
  const segment = /^\/(?:api2|v2\/api\/entity)\/([^/.?]+)/.exec(path)?.[1] ?? null;
  const idInPath = /\/(\d{1,15})(?:\.json)?$/.exec(path)?.[1];
  const recordId = typeof result === 'number' ? result : idInPath ? Number(idInPath) : null;
  const changes = JSON.stringify(redacted(request.body ?? null)) ?? 'null';
  // Nothing waits for it: on PostgreSQL it travels with the COMMIT (db/trips.ts).
  await insertRowsLater(context.db, context.dialect, 'audit_logs', [
    {
      site_id: context.siteId,
      created: context.now,
      credential: request.caller!.credential,
      staff_id: context.staffId,
      method: request.method,
      route: path.slice(0, 255),
      resource: segment,
      record_id: recordId,
      status: request.method === 'POST' && typeof result === 'number' && !path.startsWith('/v2/') ? 202 : 200,
      request_id: String(request.id),
      changes: changes.length > AUDIT_CHANGES_MAX ? `${changes.slice(0, AUDIT_CHANGES_MAX)}…` : changes,
    },
  ]);
}

/**
 * Runs a write and everything it implies in one transaction: all or nothing — with its audit row and
 * its idempotency key's `committed` mark.
 */
export async function writeWith<T>(
  request: FastifyRequest,
  database: Database,
  work: (context: Context) => Promise<T>,
): Promise<T> {
  let events = 0;
  const all = async (trx: Db) => {
    // One writer per site at a time on PostgreSQL (db/trips.ts says why); sent with the first statement.
    await lockSiteWrites(trx, database.dialect, request.caller!.site.id);
    // Webhooks: the outbox collects what the write changes and writes its events in this transaction.
    const outbox = await Outbox.open(trx, database.dialect, request.caller!.site.id);
    const context: Context = { ...contextOf(request, database, trx), changes: outbox };
    await checkBranch(context);
    const result = await work(context);
    events = await outbox.flush(context);
    await audit(context, request, result);
    await markCommitted(trx, request);
    return result;
  };
  const result = await database.write(all);
  if (events > 0) eventsQueued();
  return result;
}

/** `12`, `12.json` → 12; anything else is not an id of ours (404, as Daftra answers). */
export function parseId(raw: string, spec: { title: string }): number {
  const match = /^(\d{1,15})(?:\.json)?$/.exec(raw);
  if (!match) throw notFound(`${spec.title} not found`);
  return Number(match[1]);
}

/** The ignored query keys as a header value: printable ASCII as sent, anything else percent-encoded. */
function ignoredHeader(keys: string[]): string {
  return keys
    .map((key) => (/^[\x21-\x7e]+$/.test(key) && !key.includes(',') ? key : encodeURIComponent(key)))
    .join(', ')
    .slice(0, 2000);
}

function listPaths(segment: string): string[] {
  return [`/api2/${segment}`, `/api2/${segment}.json`];
}

/** Rendered forms of a record (`/api2/invoices/12.pdf`), served beside its JSON by api/documents.ts. */
export interface RenderedForms {
  specs: readonly ResourceSpec[];
  serve(
    request: FastifyRequest,
    reply: FastifyReply,
    spec: ResourceSpec,
    id: number,
    format: 'pdf' | 'html',
  ): Promise<FastifyReply>;
}

export function registerResourceRoutes(
  app: FastifyInstance,
  database: Database,
  specs: readonly ResourceSpec[],
  rendered?: RenderedForms,
): void {
  for (const spec of specs) {
    for (const segment of [spec.name, ...(spec.aliases ?? [])]) {
      const one = `/api2/${segment}/:id`;
      const ops = new Set(spec.operations);
      if (ops.has('list')) {
        for (const path of listPaths(segment)) {
          app.get(path, async (request, reply) => {
            const result = await readWith(request, database, (context) =>
              listRecords(context, spec, queryOf(request), `/api2/${segment}`),
            );
            if (result.ignored.length > 0)
              void reply.header('daftar-ignored-parameters', ignoredHeader(result.ignored));
            return listReply(result.data, result.pagination);
          });
        }
      }
      if (ops.has('create')) {
        for (const path of listPaths(segment)) {
          app.post(path, async (request, reply) => {
            const id = await writeWith(request, database, (context) => createRecord(context, spec, request.body));
            return reply.code(202).send(createdReply(id));
          });
        }
      }
      if (ops.has('get')) {
        const renders = rendered?.specs.includes(spec) ?? false;
        app.get(one, async (request, reply) => {
          const raw = paramsOf(request).id;
          const form = renders ? /^(\d{1,15})\.(pdf|html)$/.exec(raw) : null;
          if (form) return rendered!.serve(request, reply, spec, Number(form[1]), form[2] === 'pdf' ? 'pdf' : 'html');
          const id = parseId(raw, spec);
          const data = await readWith(request, database, async (context) =>
            modelKeys(context, spec, await getOne(context, spec, id)),
          );
          return { code: 200, result: 'successful', data };
        });
      }
      if (ops.has('edit')) {
        const edit = async (request: FastifyRequest) => {
          const id = parseId(paramsOf(request).id, spec);
          await writeWith(request, database, (context) => editRecord(context, spec, id, request.body));
          return doneReply();
        };
        app.put(one, edit);
        app.post(one, edit);
      }
      if (ops.has('delete')) {
        app.delete(one, async (request) => {
          const id = parseId(paramsOf(request).id, spec);
          await writeWith(request, database, (context) => deleteRecord(context, spec, id));
          return doneReply(spec.deleteMessage);
        });
      }
    }
  }
}
