/**
 * Daftra's v2 entity API, derived from the same declarations as /api2 (api/v2-entities.ts):
 *
 *   GET    /v2/api/entity/{entity}/list[/{level}]   Laravel paginator (api/v2-paginator.ts)
 *   GET    /v2/api/entity/{entity}/{id}[/{level}]   the record alone
 *   POST   /v2/api/entity/{entity}                  200 {"message": "...", "id": N}
 *   PUT    /v2/api/entity/{entity}/{id}             200 {"message": "...", "id": N}  (POST to it too)
 *   DELETE /v2/api/entity/{entity}/{id}             200 {"message": "...", "id": N}
 *   GET    /v2/api/entity/{entity}/filter-auto-suggest   [{"id", "name", "avatar"}] (a search box)
 *
 * Same credentials as api2 (the app's onRequest hook), same engine calls and the same write path
 * (routes.ts `writeWith`: one transaction with audit row and idempotency mark), v2's reply shapes and
 * v2's errors: {"message":"Unauthenticated."}, {"error":"Entity Not exists"}, {"message":"Record not
 * found"}, 422 {"message":"Entity not saved","errors":{"field":["..."]}}. See docs/v2-api.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError, type FieldErrors, notFound, validationError } from '../domain/errors.js';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, listRecords } from '../engine/listing.js';
import type { Context, Operation, ResourceSpec } from '../engine/resource.js';
import { createRecord, deleteRecord, editRecord, getOne } from '../engine/service.js';
import type { ExtraRoute } from './openapi.js';
import { readWith, writeWith } from './routes.js';
import { type V2Entity, childKey, v2Entities } from './v2-entities.js';
import { paginate } from './v2-paginator.js';
import { UnknownEntity, inV2Shape, renderV2Error } from './v2-errors.js';
import { renderV2, sendV2 as send } from './v2-records.js';
import { paramsOf, queryOf } from './request.js';
import { isRecord, recordAt } from '../guards.js';

export const V2_PREFIX = '/v2/api/entity';

type Params = Record<string, string>;
type Json = Record<string, unknown>;

function entityOf(entities: Map<string, V2Entity>, params: Params, operation: Operation): V2Entity {
  const entity = entities.get(params['entity'] ?? '');
  if (!entity) throw new UnknownEntity();
  if (!entity.operations.has(operation))
    throw new DaftarError('DAFTAR_ERR_METHOD', `The ${entity.name} entity does not support ${operation}`);
  return entity;
}

function recordId(raw: string | undefined): number {
  const match = /^(\d{1,15})$/.exec(raw ?? '');
  if (!match || Number(match[1]) === 0) throw notFound('Record not found');
  return Number(match[1]);
}

/** `list/1`, `list/-1`, `list/2`; anything else (the docs' `list/format` placeholder) is level 1. */
function levelOf(raw: string | undefined, fallback: number): number {
  return raw !== undefined && /^-?\d{1,2}$/.test(raw) ? Number(raw) : fallback;
}

function queryText(request: FastifyRequest): string {
  const at = request.url.indexOf('?');
  return at === -1 ? '' : request.url.slice(at + 1);
}

function absolutePath(request: FastifyRequest): string {
  const path = request.url
    .split('?')[0]!
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  return `${request.protocol}://${request.host}${path}`;
}

/** A positive whole number from the query, or a field error. */
function pageNumber(query: Json, name: string, fallback: number, max: number, errors: FieldErrors): number {
  const value = query[name];
  const raw: unknown = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === '') return fallback;
  const text = String(raw).trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
    errors[name] = 'must be a positive whole number';
    return fallback;
  }
  if (Number(text) > max) errors[name] = `must be at most ${max}`;
  return Number(text);
}

/**
 * The api2 list query for a v2 request: `filter[..]`, `keywords`, `sort`/`direction` pass through;
 * `per_page` (or `limit`, which v2 clients also send) becomes the page size; plain field names are
 * not filters on v2 (`type=sales`, sent by a real client, must not fail or filter).
 */
function listQuery(query: Json, level: number): { query: Json; page: number; perPage: number } {
  const errors: FieldErrors = {};
  const page = pageNumber(query, 'page', 1, 1_000_000_000, errors);
  const sizeName = query['per_page'] !== undefined ? 'per_page' : 'limit';
  const perPage = pageNumber(query, sizeName, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, errors);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const passed: Json = { page: String(page), limit: String(perPage), recursive: level >= 2 ? '1' : '0' };
  for (const [key, value] of Object.entries(query)) {
    // PHP clients send a list as filter[f][in][]=a&... or, through http_build_query, filter[f][in][0]=a&...
    const listed = /^(filter\[[^\]]+\]\[in\])\[\d{0,9}\]$/.exec(key);
    if (listed) passed[listed[1]!] = [...asList(passed[listed[1]!]), ...asList(value)];
    else if (
      key === 'filter' ||
      key.startsWith('filter[') ||
      key === 'keywords' ||
      key === 'sort' ||
      key === 'direction'
    )
      passed[key] = value;
  }
  return { query: passed, page, perPage };
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A v2 body: a flat object of fields, lines under their snake-case key (`invoice_item`) or api2's. */
function engineBody(spec: ResourceSpec, body: unknown): unknown {
  if (!isRecord(body)) return body;
  const out: Json = { ...body };
  for (const child of spec.children ?? []) {
    const key = childKey(child);
    if (Object.hasOwn(out, key) && !Object.hasOwn(out, child.key)) {
      out[child.key] = out[key];
      delete out[key];
    }
  }
  return out;
}

const title = (entity: V2Entity) => entity.spec.title;

/** The record a POST to the collection edits: its body's `id`, when not empty (else it creates). */
function editedId(body: unknown): number | null {
  if (!isRecord(body)) return null;
  const raw = body['id'];
  if (raw === undefined || raw === null || raw === '' || raw === 0 || raw === '0') return null;
  return /^\d{1,15}$/.test(String(raw)) ? Number(raw) : null;
}

async function recordExists(context: Context, spec: ResourceSpec, id: number): Promise<boolean> {
  try {
    await getOne(context, spec, id);
    return true;
  } catch (error) {
    if (error instanceof DaftarError && error.code === 'DAFTAR_ERR_NOT_FOUND') return false;
    throw error;
  }
}

async function list(entities: Map<string, V2Entity>, database: Database, request: FastifyRequest, reply: FastifyReply) {
  const params = paramsOf(request);
  const entity = entityOf(entities, params, 'list');
  const level = levelOf(params['level'], 1);
  const { query, page, perPage } = listQuery(queryOf(request), level);
  const data = await readWith(request, database, async (context) => {
    const result = await listRecords(context, entity.spec, query, `${V2_PREFIX}/${entity.name}`);
    const wire = result.data.map((row) => recordAt(row, entity.spec.model) ?? {});
    return {
      rows: await renderV2(context, entity.spec, wire, { kind: 'list', level }),
      total: result.pagination.total_results,
    };
  });
  const paginator = paginate(
    { path: absolutePath(request), query: new URLSearchParams(queryText(request)), page, perPage, total: data.total },
    data.rows,
  );
  return send(reply, 200, paginator);
}

async function one(entities: Map<string, V2Entity>, database: Database, request: FastifyRequest, reply: FastifyReply) {
  const params = paramsOf(request);
  const entity = entityOf(entities, params, 'get');
  const id = recordId(params['id']);
  const record = await readWith(request, database, async (context) => {
    const wire = await getOne(context, entity.spec, id);
    return (await renderV2(context, entity.spec, [wire], { kind: 'one', level: levelOf(params['level'], 1) }))[0]!;
  });
  return send(reply, 200, record);
}

/** The name a suggestion shows: the first of these fields the entity declares. */
const NAME_FIELDS = ['business_name', 'name', 'label', 'title', 'item', 'no', 'code'];
const SUGGESTIONS_MAX = 20;

/**
 * `GET {entity}/filter-auto-suggest?filter[business_name][like]=ac`: a bare list of `{id, name,
 * avatar}` for a search box (a POS sync's client picker reads `id` and `name`), at most 20.
 */
async function suggest(
  entities: Map<string, V2Entity>,
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const entity = entityOf(entities, paramsOf(request), 'list');
  const { query } = listQuery({ ...queryOf(request), per_page: String(SUGGESTIONS_MAX), page: '1' }, 0);
  const nameField = NAME_FIELDS.find((name) => entity.spec.fields[name]);
  const rows = await readWith(
    request,
    database,
    async (context) => (await listRecords(context, entity.spec, query, `${V2_PREFIX}/${entity.name}`)).data,
  );
  return send(
    reply,
    200,
    rows.map((row) => {
      const record = recordAt(row, entity.spec.model) ?? {};
      const photo = entity.spec.fields['photo'] ? (record['photo'] ?? null) : null;
      return { id: Number(record['id']), name: nameField ? (record[nameField] ?? null) : null, avatar: photo };
    }),
  );
}

export function registerV2Routes(app: FastifyInstance, database: Database, specs: readonly ResourceSpec[]): void {
  const entities = v2Entities(specs);
  void app.register(
    async (v2) => {
      v2.setErrorHandler((error, request, reply) => renderV2Error(error, request, reply));
      v2.setNotFoundHandler((_request, reply) => send(reply, 404, { message: 'Not Found' }));
      v2.addHook('onSend', async (_request, reply, payload) =>
        reply.statusCode >= 400 ? inV2Shape(payload) : payload,
      );

      v2.get('/:entity/list', (request, reply) => list(entities, database, request, reply));
      v2.get('/:entity/list/:level', (request, reply) => list(entities, database, request, reply));
      v2.get('/:entity/filter-auto-suggest', (request, reply) => suggest(entities, database, request, reply));
      v2.get('/:entity/:id', (request, reply) => one(entities, database, request, reply));
      v2.get('/:entity/:id/:level', (request, reply) => one(entities, database, request, reply));

      v2.post('/:entity', async (request, reply) => {
        const entity = entities.get(paramsOf(request)['entity'] ?? '');
        if (!entity) throw new UnknownEntity();
        // Daftra documents edits as a POST to the collection with the record's id in the body (Edit
        // Credit type, Edit Package, ...): an id naming a record of the entity edits it; an empty id (the
        // docs' creates send `"id": ""`) or one naming no record creates, the id not taken.
        const bodyId = editedId(request.body);
        let edited = false;
        const id = await writeWith(request, database, async (context) => {
          if (bodyId !== null && entity.operations.has('edit') && (await recordExists(context, entity.spec, bodyId))) {
            edited = true;
            await editRecord(context, entity.spec, bodyId, engineBody(entity.spec, request.body));
            return bodyId;
          }
          entityOf(entities, paramsOf(request), 'create');
          return createRecord(context, entity.spec, engineBody(entity.spec, request.body));
        });
        return send(reply, 200, { message: `${title(entity)} ${edited ? 'updated' : 'added'} successfully`, id });
      });
      const edit = async (request: FastifyRequest, reply: FastifyReply) => {
        const params = paramsOf(request);
        const entity = entityOf(entities, params, 'edit');
        const id = recordId(params['id']);
        await writeWith(request, database, (context) =>
          editRecord(context, entity.spec, id, engineBody(entity.spec, request.body)),
        );
        return send(reply, 200, { message: `${title(entity)} updated successfully`, id });
      };
      v2.put('/:entity/:id', edit);
      v2.post('/:entity/:id', edit);
      v2.delete('/:entity/:id', async (request, reply) => {
        const params = paramsOf(request);
        const entity = entityOf(entities, params, 'delete');
        const id = recordId(params['id']);
        await writeWith(request, database, (context) => deleteRecord(context, entity.spec, id));
        return send(reply, 200, { message: `${title(entity)} deleted successfully`, id });
      });
    },
    { prefix: V2_PREFIX },
  );
}

const message = (description: string, extra: Record<string, unknown> = {}) => ({
  description,
  content: {
    'application/json': { schema: { type: 'object', properties: { message: { type: 'string' }, ...extra } } },
  },
});
const V2_ERRORS = {
  401: message('{"message":"Unauthenticated."}'),
  404: message('{"error":"Entity Not exists"} for an unknown entity; {"message":"Record not found"}', {
    error: { type: 'string' },
  }),
  422: message('{"message":"Entity not saved","errors":{"field":["..."]}}', {
    errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  }),
};
const written = { 200: message('{"message":"...","id":N}', { id: { type: 'integer' } }), ...V2_ERRORS };

/** The v2 routes for OpenAPI; `{entity}` is a resource's v2 name (docs/v2-api.md). */
export const V2_ROUTES: ExtraRoute[] = [
  {
    method: 'GET',
    path: `${V2_PREFIX}/{entity}/list/{level}`,
    summary: 'v2: list records of an entity (Laravel paginator; filter[field][op], per_page, page)',
    tag: 'v2',
    responses: {
      200: {
        description:
          'current_page, data, first_page_url, from, last_page, last_page_url, links, next_page_url, path, per_page, prev_page_url, to, total',
      },
      ...V2_ERRORS,
    },
  },
  {
    method: 'GET',
    path: `${V2_PREFIX}/{entity}/{id}/{level}`,
    summary: 'v2: one record, flat, with the records it names from level 1',
    tag: 'v2',
    responses: { 200: { description: 'The record' }, ...V2_ERRORS },
  },
  {
    method: 'GET',
    path: `${V2_PREFIX}/{entity}/filter-auto-suggest`,
    summary: 'v2: at most 20 {id, name, avatar} matching the filters, for a search box',
    tag: 'v2',
    responses: { 200: { description: '[{"id":1,"name":"Acme","avatar":null}]' }, ...V2_ERRORS },
  },
  {
    method: 'POST',
    path: `${V2_PREFIX}/{entity}`,
    summary: 'v2: create a record from a flat object of fields',
    tag: 'v2',
    responses: written,
  },
  {
    method: 'PUT',
    path: `${V2_PREFIX}/{entity}/{id}`,
    summary: 'v2: edit the fields sent',
    tag: 'v2',
    responses: written,
  },
  {
    method: 'DELETE',
    path: `${V2_PREFIX}/{entity}/{id}`,
    summary: 'v2: delete a record',
    tag: 'v2',
    responses: written,
  },
];
