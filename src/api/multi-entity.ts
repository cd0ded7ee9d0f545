/**
 * `POST /v2/api/multi-entity`: a list of v2 entity operations run in order in ONE write transaction,
 * so several writes are all or nothing (a refusal anywhere rolls back every write before it) and reads
 * see the writes before them. Each item: {"key": entity, "action": show|list|create|update|delete,
 * "options": id or filters, "data": fields, "data_level": level, "alias": name in the reply}. The reply
 * maps each alias (or key, or key_N when a key repeats) to what the single v2 call would answer.
 */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError, type FieldErrors, validationError } from '../domain/errors.js';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, listRecords } from '../engine/listing.js';
import type { Context, Operation } from '../engine/resource.js';
import { createRecord, deleteRecord, editRecord, getOne } from '../engine/service.js';
import { RESOURCES } from '../resources/index.js';
import { areaOfSpec, requireRole } from './role-check.js';
import type { RoleKey } from '../domain/staff-roles.js';
import { writeWith } from './routes.js';
import { type V2Entity, childKey, v2Entities } from './v2-entities.js';
import { renderV2 } from './v2-records.js';
import { isRecord, recordAt } from '../guards.js';

export const MULTI_ENTITY_OPERATIONS_MAX = 50;

type Json = Record<string, unknown>;

const ACTIONS: Record<string, Operation> = {
  show: 'get',
  get: 'get',
  view: 'get',
  list: 'list',
  index: 'list',
  create: 'create',
  add: 'create',
  store: 'create',
  update: 'edit',
  edit: 'edit',
  delete: 'delete',
  destroy: 'delete',
};

let entities: Map<string, V2Entity> | undefined;

function entityNamed(name: unknown, operation: Operation, index: number): V2Entity {
  entities ??= v2Entities(RESOURCES);
  const entity = typeof name === 'string' ? entities.get(name) : undefined;
  if (!entity) throw validationError({ [`${index}.key`]: `names no entity (${String(name)})` });
  if (!entity.operations.has(operation))
    throw validationError({ [`${index}.action`]: `the ${entity.name} entity does not support ${operation}` });
  return entity;
}

function idOf(raw: unknown, index: number): number {
  const value = isRecord(raw) ? raw['id'] : raw;
  if (!/^\d{1,15}$/.test(String(value ?? '')) || Number(value) === 0)
    throw validationError({ [`${index}.options`]: 'must be the record id (or {"id": N})' });
  return Number(value);
}

function v2Body(entity: V2Entity, data: unknown): unknown {
  if (!isRecord(data)) return data;
  const out: Json = { ...data };
  for (const child of entity.spec.children ?? []) {
    const key = childKey(child);
    if (Object.hasOwn(out, key) && !Object.hasOwn(out, child.key)) {
      out[child.key] = out[key];
      delete out[key];
    }
  }
  return out;
}

/** Field errors of item `index` named `index.field`, so the client knows which item failed. */
async function numbered<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DaftarError && error.validationErrors) {
      const errors: FieldErrors = {};
      for (const [field, problem] of Object.entries(error.validationErrors))
        errors[field.startsWith(`${index}.`) ? field : `${index}.${field}`] = problem;
      throw new DaftarError(error.code, error.message, errors);
    }
    throw error;
  }
}

async function runOne(context: Context, item: Json, index: number, role: RoleKey): Promise<unknown> {
  const operation = ACTIONS[String(item['action'] ?? '').toLowerCase()];
  if (!operation) throw validationError({ [`${index}.action`]: `must be one of: ${Object.keys(ACTIONS).join(', ')}` });
  const entity = entityNamed(item['key'], operation, index);
  requireRole(role, areaOfSpec(entity.spec), operation !== 'get' && operation !== 'list');
  const level = Number.isInteger(Number(item['data_level'])) ? Number(item['data_level']) : 1;
  const options = item['options'];
  switch (operation) {
    case 'get': {
      const wire = await getOne(context, entity.spec, idOf(options, index));
      return (await renderV2(context, entity.spec, [wire], { kind: 'one', level }))[0];
    }
    case 'list': {
      const filters = isRecord(options) ? options : {};
      const limit = Math.min(Number(item['per_page'] ?? LIST_LIMIT_DEFAULT) || LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX);
      const query: Json = { limit: String(limit), page: '1', recursive: level >= 2 ? '1' : '0' };
      for (const [key, value] of Object.entries(filters))
        query[key] = typeof value === 'object' && value !== null ? value : String(value);
      const result = await listRecords(context, entity.spec, query, `/v2/api/entity/${entity.name}`);
      return renderV2(
        context,
        entity.spec,
        result.data.map((row) => recordAt(row, entity.spec.model) ?? {}),
        { kind: 'list', level },
      );
    }
    case 'create':
      return {
        message: `${entity.spec.title} added successfully`,
        id: await createRecord(context, entity.spec, v2Body(entity, item['data'] ?? options)),
      };
    case 'edit': {
      const id = idOf(options ?? recordAt(item, 'data')?.['id'], index);
      await editRecord(context, entity.spec, id, v2Body(entity, item['data']));
      return { message: `${entity.spec.title} updated successfully`, id };
    }
    case 'delete': {
      const id = idOf(options, index);
      await deleteRecord(context, entity.spec, id);
      return { message: `${entity.spec.title} deleted successfully`, id };
    }
  }
}

export async function runMultiEntity(request: FastifyRequest, database: Database): Promise<Json> {
  const items = request.body;
  if (!Array.isArray(items) || items.length === 0)
    throw validationError({ body: 'must be a non-empty list of {"key", "action", "options"}' });
  if (items.length > MULTI_ENTITY_OPERATIONS_MAX)
    throw validationError({ body: `at most ${MULTI_ENTITY_OPERATIONS_MAX} operations in one request` });
  return writeWith(request, database, async (context) => {
    const out: Json = {};
    for (const [index, raw] of items.entries()) {
      if (!isRecord(raw)) throw validationError({ [String(index)]: 'must be an object {"key", "action", "options"}' });
      const item = raw;
      const base = typeof item['alias'] === 'string' && item['alias'] ? item['alias'] : String(item['key']);
      const name = Object.hasOwn(out, base) ? `${base}_${index}` : base;
      out[name] = await numbered(index, () => runOne(context, item, index, request.caller!.role));
    }
    return out;
  });
}
