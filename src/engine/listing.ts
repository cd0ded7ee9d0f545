/**
 * GET /api2/{resource}: page/limit pagination, sort/direction, and filters in both of the forms Daftra
 * clients use — plain names (`client_id=5`, `date_from=2024-01-01`) and `filter[field][op]=value`.
 * Every filter also takes the array form clients build from lists (`staff_id[]=1&staff_id[]=2`).
 * Plain parameters that are no filter are ignored, as Daftra does, and named in the reply's
 * `Daftar-Ignored-Parameters` header; an explicit `filter[x]` that names no filterable field, or an
 * unknown operator, is a 400 (a filter that cannot be applied must not return everything); a known
 * filter with a malformed value is a 400.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import { type FieldErrors, validationError } from '../domain/errors.js';
import { type Field, coerceField, id, toColumn } from './fields.js';
import { arabicIndicDigits, normalizeDigits } from '../domain/money.js';
import { countedTable, countedTotal, dayAtOffset } from '../db/list-counts.js';
import { runShape } from '../db/shapes.js';
import { rowToRecord } from './records.js';
import type { Context, Rec, ResourceSpec, Saved } from './resource.js';
import { renderRecords } from './service.js';
import type { Expressions } from '../db/schema.js';
import { scoped } from '../db/scoped.js';

export const LIST_LIMIT_DEFAULT = 20;
/** Clients ask for 50, 100, 1000 and 2000 rows a page; beyond this a page is refused, not cut short. */
export const LIST_LIMIT_MAX = 5_000;
/** Values one `in` filter may list. */
const IN_VALUES_MAX = 500;

const RESERVED = new Set([
  'page',
  'limit',
  'sort',
  'direction',
  'order',
  'recursive',
  'request_branch_id',
  'load_custom_data',
  'Default',
  'Value',
  'format',
  'keywords',
  'filter',
]);

const OPERATORS = {
  equal: '=',
  eq: '=',
  ne: '<>',
  not_equal: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  from: '>=',
  to: '<=',
  like: 'like',
  in: 'in',
  is_null: 'is_null',
} as const;
type OperatorName = keyof typeof OPERATORS;

/** `record[key]` only when it is the record's own: query keys such as `constructor` must not reach Object.prototype. */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export type Query = Record<string, unknown>;
type Condition = (eb: Expressions) => Expression<SqlBool>;

export interface ListResult {
  data: Record<string, unknown>[];
  /** Query parameters that are no filter of this resource, in the order sent. */
  ignored: string[];
  pagination: { prev: string | null; next: string | null; page: number; page_count: number; total_results: number };
}

function firstText(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstText(value[0]);
  return typeof value === 'string' ? value : undefined;
}

function parseBoundedInt(query: Query, name: string, fallback: number, max: number, errors: FieldErrors): number {
  const raw = firstText(query[name]);
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) {
    errors[name] = 'must be a positive whole number';
    return fallback;
  }
  const value = Number(raw);
  if (value < 1) errors[name] = 'must be at least 1';
  else if (value > max) errors[name] = `must be at most ${max}`;
  return value;
}

function filterValue(field: Field, raw: string, name: string, errors: FieldErrors): unknown {
  const result = coerceField(field, raw);
  if (!result.ok) {
    errors[name] = result.problem;
    return undefined;
  }
  return toColumn(field, result.value);
}

/** `%text%` with LIKE's wildcards in the text escaped, for `contains` below. */
function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * `expression` contains `text`, case-insensitively on PostgreSQL (ILIKE) and for ASCII on SQLite
 * (LIKE). The ESCAPE clause is what makes `_` and `%` in a search match themselves on SQLite, which
 * has no escape character by default (PostgreSQL's is the same backslash).
 */
export function contains(
  expression: Expression<unknown>,
  text: string,
  dialect: Context['dialect'],
): Expression<SqlBool> {
  return sql<SqlBool>`${expression} ${sql.raw(dialect === 'postgres' ? 'ilike' : 'like')} ${containsPattern(text)} escape ${'\\'}`;
}

/** One `field op value` condition, with the value coerced like the field it filters. */
function fieldCondition(
  context: Context,
  column: string,
  field: Field,
  operator: OperatorName,
  raw: unknown,
  name: string,
  errors: FieldErrors,
): Condition | null {
  const op = OPERATORS[operator];
  if (op === 'is_null') {
    const wantNull = firstText(raw) !== '0';
    return (eb) => (wantNull ? eb(column, 'is', null) : eb(column, 'is not', null));
  }
  if (op === 'in') {
    const list = (Array.isArray(raw) ? raw : String(firstText(raw) ?? '').split(','))
      .map(String)
      .filter((v) => v !== '');
    if (list.length === 0) return null;
    if (list.length > IN_VALUES_MAX) {
      errors[name] = `must list at most ${IN_VALUES_MAX} values`;
      return null;
    }
    const values = list.map((item) => filterValue(field, item, name, errors));
    return (eb) => eb(column, 'in', values);
  }
  const text = firstText(raw);
  if (text === undefined) return null;
  if (op === 'like') {
    // PostgreSQL has no LIKE on numbers: compare the number's text, as SQLite does on its own.
    const textual = field.kind === 'text' || field.kind === 'date' || field.kind === 'datetime';
    return (eb) => contains(textual ? eb.ref(column) : eb.cast(eb.ref(column), 'text'), text, context.dialect);
  }
  let value = filterValue(field, text, name, errors);
  if (value === undefined) return null;
  // A day bound on a date-time column covers the whole day.
  if (field.kind === 'datetime' && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    value = `${String(value).slice(0, 10)} ${op === '<=' || op === '>' ? '23:59:59' : '00:00:00'}`;
  }
  if (value === null) return (eb) => eb(column, 'is', null);
  return (eb) => eb(column, op, value);
}

/** No stored text holds a NUL (fields refuse it), and PostgreSQL cannot even compare with one. */
const NUL_PROBLEM = 'must not contain NUL characters';
function hasNul(raw: unknown): boolean {
  return (Array.isArray(raw) ? raw : [raw]).some((value) => typeof value === 'string' && value.includes('\u0000'));
}

/** A condition that holds for every row: what a filter whose value it cannot use stands for. */
const always = (eb: Expressions) => eb.lit(true).$castTo<SqlBool>();

function parseFilterKey(key: string): { field: string; operator?: string } | null {
  const match = /^filter\[([^\]]+)\](?:\[([^\]]+)\])?$/.exec(key);
  return match ? { field: match[1]!, operator: match[2] } : null;
}

/** `x[]` (the array form PHP and JS clients build) is the filter `x` with a list of values. */
function arrayForms(query: Query): Array<[string, unknown]> {
  const merged = new Map<string, unknown>();
  for (const [key, raw] of Object.entries(query)) {
    if (!key.endsWith('[]') || key.length <= 2) {
      merged.set(key, raw);
      continue;
    }
    const name = key.slice(0, -2);
    const values = Array.isArray(raw) ? raw : [raw];
    const before = merged.get(name);
    merged.set(name, before === undefined ? values : [...(Array.isArray(before) ? before : [before]), ...values]);
  }
  return [...merged.entries()];
}

/** Collects conditions from the query; a `filter` object (from a nested query parser) is flattened. */
function buildConditions(
  context: Context,
  spec: ResourceSpec,
  query: Query,
  errors: FieldErrors,
  ignored: string[],
): Condition[] {
  const conditions: Condition[] = [];
  const entries: Array<[string, unknown]> = arrayForms(query);
  const nested = query['filter'];
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [field, value] of Object.entries(nested)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [op, v] of Object.entries(value)) entries.push([`filter[${field}][${op}]`, v]);
      } else entries.push([`filter[${field}]`, value]);
    }
  }
  for (const [key, raw] of entries) {
    const custom = own(spec.filters, key);
    // Values that reach SQL as text without a field's coercion (which refuses NUL) are checked here.
    if ((custom || key === 'keywords') && hasNul(raw)) {
      errors[key] = NUL_PROBLEM;
      continue;
    }
    if (custom) {
      const value = Array.isArray(raw) ? raw.map(String) : firstText(raw);
      if (value === undefined || value === '') continue;
      conditions.push((eb) => custom(eb, value, context, query) ?? always(eb));
      continue;
    }
    if (key === 'keywords') {
      const text = firstText(raw)?.trim();
      const columns = spec.keywordColumns ?? [];
      if (text && columns.length > 0) {
        // A number matches whether it was written with ASCII or Arabic-Indic digits.
        const variants = [...new Set([text, normalizeDigits(text), arabicIndicDigits(normalizeDigits(text))])];
        conditions.push((eb) =>
          eb.or(
            columns.flatMap((column) => variants.map((variant) => contains(eb.ref(column), variant, context.dialect))),
          ),
        );
      }
      continue;
    }
    const filterKey = parseFilterKey(key);
    if (filterKey) {
      const field = filterKey.field === 'id' ? ID_FIELD : own(spec.fields, filterKey.field);
      const operator = (filterKey.operator ?? 'equal') as OperatorName;
      if (!field?.isStored || field.kind === 'json') {
        if (!own(spec.filters, filterKey.field)) {
          errors[key] = `names no filterable field of ${spec.title.toLowerCase()}s`;
          continue;
        }
      } else if (!Object.hasOwn(OPERATORS, operator)) {
        errors[key] = `has an unknown operator: use one of ${Object.keys(OPERATORS).join(', ')}`;
        continue;
      }
      if (!field?.isStored || field.kind === 'json') {
        // A named filter (`filter[item]=…`) written in the explicit form.
        const value = Array.isArray(raw) ? raw.map(String) : firstText(raw);
        if (operator !== 'equal') errors[key] = 'takes no operator';
        else if (value !== undefined && value !== '')
          conditions.push((eb) => own(spec.filters, filterKey.field)!(eb, value, context, query) ?? always(eb));
        continue;
      }
      const custom = own(spec.filters, filterKey.field);
      if ((custom && operator === 'equal') || operator === 'like') {
        if (hasNul(raw)) {
          errors[key] = NUL_PROBLEM;
          continue;
        }
      }
      if (custom && operator === 'equal') {
        const value = firstText(raw);
        if (value !== undefined && value !== '')
          conditions.push((eb) => custom(eb, value, context, query) ?? always(eb));
        continue;
      }
      const condition = fieldCondition(context, filterKey.field, field, operator, raw, key, errors);
      if (condition) conditions.push(condition);
      continue;
    }
    if (RESERVED.has(key)) continue;
    const range = /^(.+)_(from|to)$/.exec(key);
    const rangeField = range ? own(spec.fields, range[1]!) : undefined;
    if (range && rangeField?.isStored && !own(spec.fields, key)) {
      const field = rangeField;
      const condition = fieldCondition(context, range[1]!, field, range[2] as OperatorName, raw, key, errors);
      if (condition) conditions.push(condition);
      continue;
    }
    const field = key === 'id' ? ID_FIELD : own(spec.fields, key);
    if (!field?.isStored || field.kind === 'json') {
      if (key !== 'filter') ignored.push(key);
      continue;
    }
    const condition = fieldCondition(context, key, field, Array.isArray(raw) ? 'in' : 'equal', raw, key, errors);
    if (condition) conditions.push(condition);
  }
  return conditions;
}

const ID_FIELD: Field = id().range(0, Number.MAX_SAFE_INTEGER);

function pageLink(basePath: string, query: Query, page: number): string {
  const params = new URLSearchParams();
  params.set('page', String(page));
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'filter') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' || typeof item === 'number') params.append(key, String(item));
    }
  }
  return `${basePath}/?${params.toString()}`;
}

function orderOf(spec: ResourceSpec, query: Query): Array<readonly [string, 'asc' | 'desc']> {
  const sort = firstText(query['sort']);
  const direction = firstText(query['direction'])?.toLowerCase() === 'desc' ? 'desc' : 'asc';
  if (sort && (sort === 'id' || own(spec.fields, sort)?.isStored)) {
    return sort === 'id'
      ? [['id', direction]]
      : [
          [sort, direction],
          ['id', direction],
        ];
  }
  return [...(spec.defaultOrder ?? [['id', 'asc']])];
}

/** Offsets below `seekFromOffset` are stepped over in the index; deeper pages start from their day (list-counts.ts). Tests lower it. */
export const listTuning = { seekFromOffset: 1_000 };

/**
 * The ids of one page, in order, and the total, from the narrowest reads that give them:
 * - the page's ids first (an index-only scan over the list order), then the full rows by id, so a
 *   deep page or a sort never drags whole rows through the scan;
 * - for an unfiltered list of a counted table in date order, the total and a deep page's starting
 *   day come from the trigger-kept counts (db/list-counts.ts) instead of counting and skipping rows.
 */
async function pageIds(
  context: Context,
  spec: ResourceSpec,
  conditions: Condition[],
  order: Array<readonly [string, 'asc' | 'desc']>,
  limit: number,
  offset: number,
): Promise<{ ids: number[]; total: number }> {
  let base = scoped(context, spec.table).selectFrom();
  if (spec.scope) base = base.where(spec.scope.column, 'in', [...spec.scope.values]);
  for (const condition of conditions) base = base.where(condition);
  const ordered = (query: typeof base) => {
    let rows = query.select('id');
    for (const [column, direction] of order) rows = rows.orderBy(column, direction);
    return rows;
  };
  const readIds = async (query: ReturnType<typeof ordered>) => (await query.execute()).map((row) => Number(row['id']));

  const counted = countedTable(spec.table);
  const scopes = spec.scope ? spec.scope.values : null;
  const byCounts = conditions.length === 0 && counted !== undefined && (spec.scope?.column ?? null) === counted.scope;
  if (byCounts) {
    const total = await countedTotal(context.db, context.siteId, spec.table, scopes);
    if (offset >= total) return { ids: [], total };
    const direction = order[0]![1];
    const inDayOrder =
      order.length === 2 && order[0]![0] === counted.day && order[1]![0] === 'id' && order[1]![1] === direction;
    if (offset >= listTuning.seekFromOffset && inDayOrder) {
      const start = await dayAtOffset(context.db, context.siteId, spec.table, scopes, offset, direction);
      if (start) {
        // Rows before the start day in this order are exactly `offset - within`: skip them by key.
        const bound = direction === 'desc' ? '<=' : '>=';
        const ids = await readIds(
          ordered(base.where(counted.day, bound, start.day))
            .limit(limit)
            .offset(start.within),
        );
        return { ids, total };
      }
    }
    return { ids: await readIds(ordered(base).limit(limit).offset(offset)), total };
  }
  const counts = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst();
  const total = Number(counts?.['total'] ?? 0);
  if (offset >= total) return { ids: [], total };
  return { ids: await readIds(ordered(base).limit(limit).offset(offset)), total };
}

/** `{Model: record}`, plus the alias keys the site answers with (the same object: no copy is made). */
export function modelKeys(
  context: Context,
  spec: ResourceSpec,
  record: Record<string, unknown>,
): Record<string, unknown> {
  const wrapped: Record<string, unknown> = { [spec.model]: record };
  if (Number(context.site.model_key_aliases ?? 1) === 0) return wrapped;
  for (const alias of spec.aliasModels ?? []) wrapped[alias] = record;
  return wrapped;
}

export async function listRecords(
  context: Context,
  spec: ResourceSpec,
  query: Query,
  basePath: string,
): Promise<ListResult> {
  const errors: FieldErrors = {};
  const page = parseBoundedInt(query, 'page', 1, 1_000_000_000, errors);
  const limit = parseBoundedInt(query, 'limit', LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, errors);
  const recursiveText = firstText(query['recursive']);
  const recursive = recursiveText === '-1' ? -1 : recursiveText === '1' || recursiveText === '2' ? 1 : 0;
  const ignored: string[] = [];
  const conditions = buildConditions(context, spec, query, errors, ignored);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  // The request's branch (request_branch_id, Site-Id) narrows lists of records that carry one.
  if (context.branchId !== undefined && spec.fields['branch_id']?.isStored) {
    const branchId = context.branchId;
    // Records of no branch (made before branches, or by clients that never name one) show in every branch.
    conditions.push((eb) => eb.or([eb('branch_id', '=', branchId), eb('branch_id', 'is', null)]));
  }

  const { ids, total } = await pageIds(context, spec, conditions, orderOf(spec, query), limit, (page - 1) * limit);
  const records: Array<Saved<Rec>> = [];
  if (ids.length > 0) {
    const { rows } = await runShape(
      context.db,
      context.dialect,
      `rows:${spec.table}:${ids.length}`,
      [context.siteId, ...ids],
      () => scoped(context, spec.table).selectFrom().selectAll().where('id', 'in', ids),
    );
    const byId = new Map(rows.map((row) => [Number(row['id']), row]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) records.push(rowToRecord(spec.fields, row));
    }
  }
  const rendered = await renderRecords(context, spec, records, { kind: 'list', recursive });
  const pageCount = Math.max(1, Math.ceil(total / limit));
  return {
    ignored,
    data: rendered.map((record) => modelKeys(context, spec, record)),
    pagination: {
      prev: page > 1 ? pageLink(basePath, query, Math.min(page - 1, pageCount)) : null,
      next: page < pageCount ? pageLink(basePath, query, page + 1) : null,
      page,
      page_count: pageCount,
      total_results: total,
    },
  };
}
