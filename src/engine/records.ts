/**
 * Records between their three forms: a client's JSON (lenient), memory (exact types) and a database
 * row, and back out to the wire (strict: declared fields only, in declaration order).
 */
import type { FieldErrors } from '../domain/errors.js';
import {
  type Field,
  type Fields,
  type RecordOf,
  coerceField,
  defaultOf,
  fromColumn,
  isEmpty,
  toColumn,
  toWire,
} from './fields.js';
import { type Dec, formatDec, fromStored } from '../domain/money.js';
import type { Rec, Saved } from './resource.js';

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
    if (!field.isWritable) continue;
    const sent = Object.hasOwn(raw, name) ? name : field.options.inputNames?.find((other) => Object.hasOwn(raw, other));
    if (sent === undefined) continue;
    const result = coerceField(field, raw[sent]);
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
    const missingRef = field.options.ref !== undefined && typeof value === 'number' && value <= 0;
    if (isEmpty(value) || missingRef) errors[prefix + name] = 'is required';
  }
}

export function storedFieldNames(fields: Fields): string[] {
  return Object.keys(fields).filter((name) => fields[name]!.isStored);
}

/**
 * Reading a row into a record and rendering a record to the wire, made once per declaration as one
 * object literal each (rows are read far more often than declarations change, which they never do
 * at run time). V8 builds such an object in one step with a fixed shape; adding ~80 properties one by
 * one walks a chain of shape transitions per row. Same keys, same order, same values as the loops in
 * `readRow`/`writeWire` below, which serve any declaration a literal cannot (a field named like an
 * object's prototype).
 */
interface FieldPlan {
  read: (row: Record<string, unknown>) => Saved<Rec>;
  render: (record: Rec) => Record<string, unknown>;
}
const plans = new WeakMap<Fields, FieldPlan>();

const helpers = {
  /** fromColumn for int and bool. */
  int: (value: unknown) =>
    value === null || value === undefined ? null : typeof value === 'number' ? value : Number(value),
  /** fromColumn for decimals. */
  dec: (value: unknown) => (value === null || value === undefined ? null : fromStored(value)),
  /** toWire for decimals. */
  fmt: (value: unknown) => (value === null || value === undefined ? null : formatDec(value as Dec)),
  /** toWire for stored scalars. */
  str: (value: unknown) => (value === null || value === undefined ? null : String(value)),
  from: fromColumn,
};

function readExpression(name: string, field: Field, index: number): string {
  const value = `row[${JSON.stringify(name)}]`;
  switch (field.kind) {
    case 'decimal':
      return `dec(${value})`;
    case 'int':
    case 'bool':
      return `int(${value})`;
    case 'json':
      return `from(fields[${index}], ${value})`;
    default:
      return `(${value} ?? null)`;
  }
}

function renderExpression(name: string, field: Field): string {
  const value = `record[${JSON.stringify(name)}]`;
  switch (field.kind) {
    case 'decimal':
      return `fmt(${value})`;
    case 'json':
      return `(${value} ?? null)`;
    default:
      return `str(${value})`;
  }
}

function readRow(stored: Array<[string, Field]>, row: Record<string, unknown>): Saved<Rec> {
  const record: Saved<Rec> = { id: Number(row['id']) };
  for (const [name, field] of stored) record[name] = fromColumn(field, row[name]);
  return record;
}

function writeWire(all: Array<[string, Field]>, record: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id === undefined ? null : String(record.id) };
  for (const [name, field] of all) out[name] = toWire(field, record[name]);
  return out;
}

function planOf(fields: Fields): FieldPlan {
  let plan = plans.get(fields);
  if (plan) return plan;
  const all = Object.keys(fields).map((name): [string, Field] => [name, fields[name]!]);
  const stored = all.filter(([, field]) => field.isStored);
  if (all.some(([name]) => name === '__proto__' || name === 'id')) {
    plan = { read: (row) => readRow(stored, row), render: (record) => writeWire(all, record) };
  } else {
    const storedFields = stored.map(([, field]) => field);
    const read = new Function(
      'h',
      'fields',
      `const { int, dec, from } = h;
      return (row) => ({ "id": Number(row["id"]), ${stored.map(([name, field], i) => `${JSON.stringify(name)}: ${readExpression(name, field, i)}`).join(', ')} });`,
    )(helpers, storedFields) as FieldPlan['read'];
    const render = new Function(
      'h',
      `const { fmt, str } = h;
      return (record) => ({ "id": record.id === undefined ? null : String(record.id), ${all.map(([name, field]) => `${JSON.stringify(name)}: ${renderExpression(name, field)}`).join(', ')} });`,
    )(helpers) as FieldPlan['render'];
    plan = { read, render };
  }
  plans.set(fields, plan);
  return plan;
}

/**
 * A stored row as its declaration's record (RecordOf): the one place a row's columns are taken to be
 * what the fields declare, which the migrations and syncDeclaredColumns make them.
 */
export function rowToRecord<F extends Fields>(fields: F, row: Record<string, unknown>): Saved<RecordOf<F>> {
  return planOf(fields).read(row) as Saved<RecordOf<F>>;
}

/** The columns to write for a record: every stored field present in it. */
export function recordToRow(fields: Fields, record: Rec): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    const field = fields[name]!;
    if (field.isStored && record[name] !== undefined) row[name] = toColumn(field, record[name], name);
  }
  return row;
}

/** The wire form: `id` then every declared field, values as Daftra renders them. */
export function renderRecord(fields: Fields, record: Rec): Record<string, unknown> {
  return planOf(fields).render(record);
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
