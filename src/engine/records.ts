/**
 * Records between their three forms: a client's JSON (lenient), memory (exact types) and a database
 * row, and back out to the wire (strict: declared fields only, in declaration order).
 */
import type { FieldErrors } from '../domain/errors.js';
import { type Field, type Fields, coerceField, defaultOf, fromColumn, isEmpty, toColumn, toWire } from './fields.js';
import type { Rec } from './resource.js';

export type CoerceMode = 'create' | 'edit';

export interface Coercion {
  values: Rec;
  errors: FieldErrors;
}

/**
 * Takes the declared, writable fields out of a client's object; anything else is ignored, as Daftra
 * clients echo read-only and unknown fields back. Errors are keyed `prefix + field`.
 */
export function coerceRecord(fields: Fields, raw: Record<string, unknown>, prefix = ''): Coercion {
  const values: Rec = {};
  const errors: FieldErrors = {};
  for (const name of Object.keys(fields)) {
    const field = fields[name]!;
    if (!field.isWritable || !Object.hasOwn(raw, name)) continue;
    const result = coerceField(field, raw[name]);
    if (result.ok) values[name] = result.value;
    else errors[prefix + name] = result.problem;
  }
  return { values, errors };
}

/** Fills declared defaults for fields a create left out. */
export function applyDefaults(fields: Fields, values: Rec): void {
  for (const [name, field] of Object.entries(fields)) {
    if (values[name] !== undefined) continue;
    const value = defaultOf(field);
    if (value !== undefined) values[name] = value;
  }
}

export function checkRequired(fields: Fields, values: Rec, errors: FieldErrors, prefix = ''): void {
  for (const [name, field] of Object.entries(fields)) {
    if (!field.options.required || errors[prefix + name]) continue;
    const value = values[name];
    const missingRef = field.options.ref !== undefined && value === 0;
    if (isEmpty(value) || missingRef) errors[prefix + name] = 'is required';
  }
}

export function storedFieldNames(fields: Fields): string[] {
  return Object.keys(fields).filter((name) => fields[name]!.isStored);
}

/**
 * The names and fields of a declaration, listed once: reading and rendering walk these arrays for
 * every row instead of the declaration's keys and getters (rows are read far more often than
 * declarations change, which they never do at run time).
 */
interface FieldPlan { all: Array<[string, Field]>; stored: Array<[string, Field]> }
const plans = new WeakMap<Fields, FieldPlan>();

function planOf(fields: Fields): FieldPlan {
  let plan = plans.get(fields);
  if (!plan) {
    const all = Object.keys(fields).map((name): [string, Field] => [name, fields[name]!]);
    plan = { all, stored: all.filter(([, field]) => field.isStored) };
    plans.set(fields, plan);
  }
  return plan;
}

export function rowToRecord(fields: Fields, row: Record<string, unknown>): Rec {
  const record: Rec = { id: Number(row['id']) };
  for (const [name, field] of planOf(fields).stored) record[name] = fromColumn(field, row[name]);
  return record;
}

/** The columns to write for a record: every stored field present in it. */
export function recordToRow(fields: Fields, record: Rec): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    const field = fields[name]!;
    if (field.isStored && record[name] !== undefined) row[name] = toColumn(field, record[name]);
  }
  return row;
}

/** The wire form: `id` then every declared field, values as Daftra renders them. */
export function renderRecord(fields: Fields, record: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id === undefined ? null : String(record.id) };
  for (const [name, field] of planOf(fields).all) out[name] = toWire(field, record[name]);
  return out;
}

/** Whether two records store the same values (used to skip rewriting unchanged child rows). */
export function sameStoredValues(fields: Fields, a: Rec, b: Rec): boolean {
  for (const name of storedFieldNames(fields)) {
    const field = fields[name]!;
    const left = toColumn(field, a[name]);
    const right = toColumn(field, b[name]);
    if (left !== right && !(left === undefined && right === null) && !(left === null && right === undefined)) {
      return false;
    }
  }
  return true;
}
