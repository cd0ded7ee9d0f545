/**
 * The five operations every resource gets: get, list (listing.ts), create, edit and delete. Every
 * query here is scoped by the context's site: this is the one place tenancy is enforced for records.
 * Callers run writes inside a transaction (api/routes.ts); everything here uses `context.db`.
 */
import { DaftarError, type FieldErrors, notFound, validationError } from '../domain/errors.js';
import { coerceField } from './fields.js';
import { checkReferences, referencesOf, refuseIfReferenced } from './integrity.js';
import {
  applyDefaults,
  checkRequired,
  coerceRecord,
  recordToRow,
  renderRecord,
  rowToRecord,
  sameStoredValues,
} from './records.js';
import { insertReturningId, insertReturningIds, insertWithChildIds } from '../db/insert.js';
import { type ShapeRead, forgetPrefetched, prefetchShapes, runShape } from '../db/shapes.js';
import { readTogether } from '../db/trips.js';
import { forgetReferenced, markCreated } from '../db/write-ledger.js';
import type { ChildSpec, Context, Draft, Rec, ResourceSpec, Saved, ViewMode } from './resource.js';
import { scoped } from '../db/scoped.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notFoundFor(spec: ResourceSpec): DaftarError {
  return notFound(`${spec.title} not found`);
}

// ---------------------------------------------------------------------------------------------------
// Reading

/**
 * How a write holds the record it loads until it commits (PostgreSQL; SQLite has one writer at a
 * time). A delete takes `update`, which waits for every write holding the row as a reference
 * (`key share`, checkReferences) and makes them wait; an edit takes `noKeyUpdate`, which serialises it
 * with deletes and other edits of the row but not with writes that merely name it.
 */
export type RowLock = 'update' | 'noKeyUpdate';

export async function loadRecord(
  context: Context,
  spec: ResourceSpec,
  id: number,
  lock?: RowLock,
): Promise<Saved<Rec> | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const locking = context.dialect === 'postgres' ? lock : undefined;
  const read = recordRead(context, spec, id, locking);
  const { rows } = await runShape(context.db, context.dialect, read.shape, read.values, read.build, context);
  return rows[0] ? rowToRecord(spec.fields, rows[0]) : null;
}

/** The read of one record (loadRecord), as a shape (db/shapes.ts). */
function recordRead(context: Context, spec: ResourceSpec, id: number, locking?: RowLock): ShapeRead {
  const scope = spec.scope ? [...spec.scope.values] : [];
  return {
    shape: `record:${spec.table}:${spec.scope?.column}:${scope.join(',')}:${locking ?? ''}`,
    values: [context.siteId, id, ...scope],
    build: () => {
      let query = scoped(context, spec.table).selectFrom().selectAll().where('id', '=', id);
      if (spec.scope) query = query.where(spec.scope.column, 'in', scope);
      if (locking === 'update') query = query.forUpdate();
      if (locking === 'noKeyUpdate') query = query.forNoKeyUpdate();
      return query;
    },
  };
}

/** The read of the children of some parents (loadChildren), as a shape. */
function childrenRead(context: Context, child: ChildSpec, parentIds: number[], shared: string | undefined): ShapeRead {
  return {
    shape: `children:${child.table}:${child.foreignKey}:${parentIds.length}:${shared ?? ''}`,
    values: [context.siteId, ...parentIds],
    build: () => {
      let query = scoped(context, child.table).selectFrom().selectAll().where(child.foreignKey, 'in', parentIds);
      if (shared) query = query.where(shared, 'is', null);
      return query.orderBy('id');
    },
  };
}

export async function requireRecord(
  context: Context,
  spec: ResourceSpec,
  id: number,
  lock?: RowLock,
): Promise<Saved<Rec>> {
  const record = await loadRecord(context, spec, id, lock);
  if (!record) throw notFoundFor(spec);
  return record;
}

/**
 * The children of each parent. `owned` leaves out rows that belong to another record (ChildSpec
 * `sharedWith`: an invoice's payments allocated from a client payment): those are shown with the
 * parent, never written or deleted through it.
 */
export async function loadChildren(
  context: Context,
  child: ChildSpec,
  parentIds: number[],
  owned = false,
): Promise<Map<number, Array<Saved<Rec>>>> {
  const byParent = new Map<number, Array<Saved<Rec>>>();
  if (parentIds.length === 0) return byParent;
  const shared = owned ? child.sharedWith : undefined;
  const read = childrenRead(context, child, parentIds, shared);
  const { rows } = await runShape(context.db, context.dialect, read.shape, read.values, read.build, context);
  for (const row of rows) {
    const record = rowToRecord(child.fields, row);
    const parent = Number(row[child.foreignKey]);
    const list = byParent.get(parent);
    if (list) list.push(record);
    else byParent.set(parent, [record]);
  }
  return byParent;
}

/** Renders records with their children nested inside, then lets the resource add its relations. */
export async function renderRecords(
  context: Context,
  spec: ResourceSpec,
  records: Array<Saved<Rec>>,
  mode: ViewMode,
): Promise<Json[]> {
  // An empty page has nothing to relate; hooks may then assume at least one id (`IN ()` is no SQL).
  if (records.length === 0) return [];
  const wire = records.map((record) => renderRecord(spec.fields, record));
  const ids = records.map((record) => record.id);
  for (const child of spec.children ?? []) {
    if (mode.kind === 'list' && mode.recursive < 1 && !child.inLists) continue;
    const byParent = await loadChildren(context, child, ids);
    wire.forEach((out, index) => {
      out[child.key] = (byParent.get(ids[index]!) ?? []).map((row) => renderRecord(child.fields, row));
    });
  }
  for (const object of spec.wireObjects ?? []) {
    for (const out of wire) {
      const value = out[object.field] ?? [];
      delete out[object.field];
      for (const key of object.renderKeys) out[key] = value;
    }
  }
  if (spec.hooks?.related && mode.recursive >= 0) await spec.hooks.related(context, records, wire, mode);
  if (spec.hooks?.computed) await spec.hooks.computed(context, records, wire);
  return wire;
}

export async function getOne(context: Context, spec: ResourceSpec, id: number): Promise<Json> {
  if (context.dialect === 'postgres' && Number.isSafeInteger(id) && id > 0) {
    // The record, its children and what the resource renders with it that depends on the id alone,
    // in one round trip (db/trips.ts); each read below is then answered from it (db/shapes.ts).
    const reads = [
      recordRead(context, spec, id),
      ...(spec.children ?? []).map((child) => childrenRead(context, child, [id], undefined)),
      ...(spec.hooks?.prefetchOne?.(context, id) ?? []),
    ];
    await prefetchShapes(context, context.dialect, reads, (queries) =>
      readTogether(context.db, context.dialect, queries),
    );
    try {
      return await renderOne(context, spec, id);
    } finally {
      // What was not asked for (a record not found) must not answer a later read of this context.
      forgetPrefetched(context);
    }
  }
  return renderOne(context, spec, id);
}

async function renderOne(context: Context, spec: ResourceSpec, id: number): Promise<Json> {
  const record = await requireRecord(context, spec, id);
  const [wire] = await renderRecords(context, spec, [record], { kind: 'one', recursive: 1 });
  return wire!;
}

// ---------------------------------------------------------------------------------------------------
// Request bodies

interface Unwrapped {
  header: Json;
  children: Record<string, unknown>;
}

/**
 * Finds the model object and its children in any of the shapes clients send: `{"Invoice":{..},
 * "InvoiceItem":[..]}` (siblings), children nested inside the model, another accepted model key, or a
 * bare object of fields.
 */
export function unwrapBody(spec: ResourceSpec, body: unknown): Unwrapped {
  // No body (an empty one labelled JSON included) is an empty object: an edit changes nothing, a
  // create names its missing fields.
  if (body === undefined || body === null) body = {};
  if (!isObject(body))
    throw new DaftarError('DAFTAR_ERR_BAD_BODY', `Request body must be a JSON object with a "${spec.model}" key`);
  const modelKey = [spec.model, ...(spec.inputModels ?? [])].find((key) => Object.hasOwn(body, key));
  let header: unknown = modelKey ? body[modelKey] : body;
  if (Array.isArray(header) && header.length === 1) header = header[0];
  if (!isObject(header)) {
    throw new DaftarError('DAFTAR_ERR_BAD_BODY', `"${modelKey ?? spec.model}" must be an object`, {
      [modelKey ?? spec.model]: 'must be an object',
    });
  }
  const children: Record<string, unknown> = {};
  for (const child of spec.children ?? []) {
    if (!child.writable) continue;
    for (const key of [child.key, ...(child.inputKeys ?? [])]) {
      if (Object.hasOwn(header, key)) children[child.key] = header[key];
      else if (Object.hasOwn(body, key) && key !== modelKey) children[child.key] = body[key];
      if (children[child.key] !== undefined) break;
    }
  }
  return { header, children };
}

/** A list in any of its client shapes: an array, one object, or a PHP-style {"0":{..},"1":{..}}. */
function asList(value: unknown): unknown[] | null {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return keys.map((key) => value[key]);
    return [value];
  }
  return null;
}

function coerceChildren(child: ChildSpec, raw: unknown, errors: FieldErrors): Rec[] {
  const list = asList(raw);
  if (list === null) {
    errors[child.key] = 'must be a list of objects';
    return [];
  }
  if (list.length > child.countMax) {
    errors[child.key] = `must have at most ${child.countMax} entries`;
    return [];
  }
  return list.map((item, index) => {
    const prefix = `${child.key}.${index}.`;
    if (!isObject(item)) {
      errors[`${child.key}.${index}`] = 'must be an object';
      return {};
    }
    const { values, errors: childErrors } = coerceRecord(child.fields, item, prefix);
    Object.assign(errors, childErrors);
    applyDefaults(child.fields, values);
    return values;
  });
}

// ---------------------------------------------------------------------------------------------------
// Reference checks (integrity.ts): an id a client sends must name a record of the same site and scope.

async function checkDraft(
  context: Context,
  spec: ResourceSpec,
  draft: Draft,
  errors: FieldErrors,
  existing: Saved<Rec> | null,
): Promise<void> {
  checkRequired(spec.fields, draft.header, errors);
  const references = referencesOf(spec.fields, draft.header, errors);
  for (const child of spec.children ?? []) {
    const rows = draft.children[child.key];
    if (!rows || !child.writable) continue;
    for (const [index, row] of rows.entries()) {
      const prefix = `${child.key}.${index}.`;
      const fields = { ...child.fields };
      delete fields[child.foreignKey];
      checkRequired(fields, row, errors, prefix);
      references.push(...referencesOf(fields, row, errors, prefix));
    }
  }
  const ahead = context.dialect === 'postgres' ? (spec.hooks?.prefetchWrite?.(context, draft, existing) ?? []) : [];
  await checkReferences(context, references, errors, ahead);
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

// ---------------------------------------------------------------------------------------------------
// Writing

function stamp(spec: ResourceSpec, values: Rec, context: Context, creating: boolean): void {
  if (spec.fields['modified']) values['modified'] = context.now;
  if (creating && spec.fields['created']) values['created'] = context.now;
  // Daftra's staff_id: who made the record (0 is the owner) unless the client names someone.
  const staff = spec.fields['staff_id'];
  if (creating && staff?.isWritable && (values['staff_id'] === undefined || values['staff_id'] === null))
    values['staff_id'] = context.staffId;
  // A record made in a request's branch (request_branch_id, Site-Id) belongs to it unless it names one.
  const branch = spec.fields['branch_id'];
  if (creating && context.branchId !== undefined && branch?.isWritable && branch.isStored && !values['branch_id'])
    values['branch_id'] = context.branchId;
}

async function insertRow(context: Context, table: string, row: Record<string, unknown>): Promise<number> {
  return insertReturningId(context.db, context.dialect, table, { ...row, site_id: context.siteId });
}

/**
 * The stored rows of children about to be inserted with their parent in one statement: as
 * insertChildren stores them, without the parent's id (the statement takes it from the parent's INSERT).
 */
function childRows(context: Context, child: ChildSpec, rows: Rec[]): Array<Record<string, unknown>> {
  return rows.map((row) => {
    if (child.fields['created'] && !row['created']) row['created'] = context.now;
    if (child.fields['modified']) row['modified'] = context.now;
    const stored: Record<string, unknown> = { ...recordToRow(child.fields, row), site_id: context.siteId };
    delete stored[child.foreignKey];
    return stored;
  });
}

/** A record's children in one INSERT (db/insert.ts `insertReturningIds`: ids matched to rows by position). */
async function insertChildren(context: Context, child: ChildSpec, parentId: number, rows: Rec[]): Promise<void> {
  const stored = rows.map((row) => {
    row[child.foreignKey] = parentId;
    if (child.fields['created'] && !row['created']) row['created'] = context.now;
    if (child.fields['modified']) row['modified'] = context.now;
    return { ...recordToRow(child.fields, row), site_id: context.siteId };
  });

  const ids = await insertReturningIds(context.db, context.dialect, child.table, stored);
  rows.forEach((row, index) => {
    row.id = ids[index]!;
  });
}

/** Deletes the children the parent owns (never rows that belong to another record, ChildSpec.sharedWith). */
async function deleteChildren(context: Context, child: ChildSpec, parentId: number): Promise<void> {
  let query = scoped(context, child.table).deleteFrom().where(child.foreignKey, '=', parentId);
  if (child.sharedWith) query = query.where(child.sharedWith, 'is', null);
  await query.execute();
}

function checkScope(
  spec: ResourceSpec,
  values: Rec,
  errors: FieldErrors,
  creating: boolean,
  allowed?: readonly number[],
): void {
  if (!spec.scope) return;
  const column = spec.scope.column;
  if (values[column] === undefined || values[column] === null) {
    if (creating) values[column] = spec.scope.createDefault;
    else delete values[column];
    return;
  }
  const permitted = allowed ?? spec.scope.values;
  if (!permitted.includes(values[column] as number)) errors[column] = `must be one of: ${permitted.join(', ')}`;
}

/** Takes the wire objects (`InvoiceCustomField`) out of the header or from beside it. */
function takeWireObjects(spec: ResourceSpec, body: unknown, header: Json, values: Rec, errors: FieldErrors): void {
  for (const object of spec.wireObjects ?? []) {
    for (const key of object.keys) {
      const raw = Object.hasOwn(header, key)
        ? header[key]
        : isObject(body) && Object.hasOwn(body, key)
          ? body[key]
          : undefined;
      if (raw === undefined) continue;
      const result = coerceField(spec.fields[object.field]!, object.normalize ? object.normalize(raw) : raw);
      if (result.ok) values[object.field] = result.value;
      else errors[key] = result.problem;
      break;
    }
  }
}

export async function createRecord(context: Context, spec: ResourceSpec, body: unknown): Promise<number> {
  const input = unwrapBody(spec, body);
  const { values, errors } = coerceRecord(spec.fields, input.header);
  takeWireObjects(spec, body, input.header, values, errors);
  const draft: Draft = { header: values, children: {}, state: spec.state?.() ?? {} };
  for (const child of spec.children ?? []) {
    if (input.children[child.key] !== undefined)
      draft.children[child.key] = coerceChildren(child, input.children[child.key], errors);
  }
  checkScope(spec, values, errors, true, spec.scope?.createValues);
  applyDefaults(spec.fields, values);
  await checkDraft(context, spec, draft, errors, null);
  await spec.hooks?.prepare?.(context, draft, null);
  stamp(spec, values, context, true);
  forgetReferenced(context, spec.table);
  const writable = (spec.children ?? []).filter((child) => child.writable && draft.children[child.key]);
  // PostgreSQL: the record and its first children (an invoice's lines) in one statement (db/insert.ts).
  const first = writable[0];
  const together = first
    ? await insertWithChildIds(
        context.db,
        context.dialect,
        spec.table,
        { ...recordToRow(spec.fields, values), site_id: context.siteId },
        first.table,
        first.foreignKey,
        childRows(context, first, draft.children[first.key]!),
      )
    : null;
  const id = together ? together.id : await insertRow(context, spec.table, recordToRow(spec.fields, values));
  const record = Object.assign(values, { id });
  // Nothing stored can name a row made just now: its hooks may skip looking for journals and movements.
  markCreated(context, spec.table, id);
  for (const child of writable) {
    const rows = draft.children[child.key]!;
    if (together && child === first) {
      rows.forEach((row, index) => {
        row[child.foreignKey] = id;
        row.id = together.childIds[index]!;
      });
    } else await insertChildren(context, child, id, rows);
  }
  await spec.hooks?.afterWrite?.(context, record, draft, null);
  context.changes?.changed(spec, 'created', id);
  return id;
}

export async function editRecord(context: Context, spec: ResourceSpec, id: number, body: unknown): Promise<void> {
  const existing = await requireRecord(context, spec, id, 'noKeyUpdate');
  const input = unwrapBody(spec, body);
  const { values, errors } = coerceRecord(spec.fields, input.header);
  takeWireObjects(spec, body, input.header, values, errors);
  checkScope(spec, values, errors, false);
  const header: Saved<Rec> = { ...existing, ...values, id };
  const draft: Draft = { header, children: {}, state: spec.state?.() ?? {} };
  const kept = new Map<string, Rec[]>();
  for (const child of spec.children ?? []) {
    if (!child.writable) continue;
    if (input.children[child.key] !== undefined) {
      draft.children[child.key] = coerceChildren(child, input.children[child.key], errors);
    } else {
      const rows = (await loadChildren(context, child, [id], true)).get(id) ?? [];
      kept.set(
        child.key,
        rows.map((row) => ({ ...row })),
      );
      draft.children[child.key] = rows;
    }
  }
  await checkDraft(context, spec, draft, errors, existing);
  await spec.hooks?.prepare?.(context, draft, existing);
  stamp(spec, header, context, false);
  const row = recordToRow(spec.fields, header);
  forgetReferenced(context, spec.table);
  await scoped(context, spec.table).updateTable().set(row).where('id', '=', id).execute();
  for (const child of spec.children ?? []) {
    if (!child.writable) continue;
    const before = kept.get(child.key);
    const rows = draft.children[child.key] ?? [];
    if (!before) {
      await deleteChildren(context, child, id);
      await insertChildren(context, child, id, rows);
      continue;
    }
    // Children the request did not carry stay; rewrite only rows whose derived values changed.
    for (const [index, rowAfter] of rows.entries()) {
      if (sameStoredValues(child.fields, before[index]!, rowAfter)) continue;
      await scoped(context, child.table)
        .updateTable()
        .set(recordToRow(child.fields, rowAfter))
        .where('id', '=', rowAfter.id!)
        .execute();
    }
  }
  await spec.hooks?.afterWrite?.(context, header, draft, existing);
  context.changes?.changed(spec, 'updated', id);
}

export async function deleteRecord(context: Context, spec: ResourceSpec, id: number): Promise<Saved<Rec>> {
  const existing = await requireRecord(context, spec, id, 'update');
  const state = spec.state?.() ?? {};
  await spec.hooks?.beforeDelete?.(context, existing, state);
  await refuseIfReferenced(context, spec, id);
  forgetReferenced(context, spec.table);
  await context.changes?.deleting(context, spec, id);
  for (const child of spec.children ?? []) {
    if (child.writable) await deleteChildren(context, child, id);
  }
  await scoped(context, spec.table).deleteFrom().where('id', '=', id).execute();
  await spec.hooks?.afterDelete?.(context, existing, state);
  return existing;
}
