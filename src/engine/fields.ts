/**
 * Field declarations: one value per Daftra field, carrying everything the engine derives from it —
 * the column, lenient input coercion, validation limits, the wire rendering and the OpenAPI schema.
 *
 * In memory a record holds: text/date/datetime as string, int and bool as number, decimal as a Dec
 * (bigint scaled by 10^6), json as a parsed value. On the wire every stored value is rendered as a JSON
 * string (as Daftra's CakePHP/MySQL backend does), nulls stay null; see docs/compatibility.md.
 */
import { type Dec, OUT_OF_RANGE, formatDec, fromStored, inRange, parseDec, toStored } from '../domain/money.js';

export type FieldKind = 'text' | 'int' | 'decimal' | 'bool' | 'date' | 'datetime' | 'json';

export type FieldValue = string | number | Dec | null | unknown;

export interface FieldOptions {
  kind: FieldKind;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** Allowed values for int or text fields. */
  values?: readonly (number | string)[];
  required?: boolean;
  /** Never taken from a request (server-computed or fixed); still rendered. */
  readOnly?: boolean;
  /** Not a column: the value is computed when the record is rendered. */
  virtual?: boolean;
  /** Name of the resource whose record an id here must name (checked within the site). */
  ref?: string;
  /**
   * For a `ref` field: when the id names no record but `when(row)` holds, the row is kept without the
   * reference, the sent id moved to the field `into` (a shop's own product id on a free-text line).
   */
  orphan?: { into: string; when: (row: Record<string, unknown>) => boolean };
  /** Value used on create when the request leaves the field out. */
  defaultValue?: string | number | bigint | (() => string | number | bigint);
  /** Decimals may not be negative. */
  nonNegative?: boolean;
  /** Other spellings a request may use for the field (Daftra's docs send `Status`, `To_store_id`). */
  inputNames?: readonly string[];
  description?: string;
}

/**
 * One field's declaration. `V` is its in-memory value (string, number, Dec, or a json field's shape)
 * and `Req` whether `required()` makes it always present once a write is checked: the two type
 * parameters are all `RecordOf` needs to give a resource's records their type, and carry nothing at
 * run time.
 */
export class Field<V = unknown, Req extends boolean = boolean> {
  /** Type-level only: the in-memory value and whether the field is required (never set). */
  declare readonly valueType?: V;
  declare readonly requiredType?: Req;

  constructor(readonly options: FieldOptions) {}

  private with<R extends boolean = Req>(extra: Partial<FieldOptions>): Field<V, R> {
    return new Field<V, R>({ ...this.options, ...extra });
  }
  required(): Field<V, true> {
    return this.with<true>({ required: true });
  }
  readOnly(): Field<V, Req> {
    return this.with({ readOnly: true });
  }
  virtual(): Field<V, Req> {
    return this.with({ virtual: true, readOnly: true });
  }
  ref(resource: string): Field<V, Req> {
    return this.with({ ref: resource });
  }
  orphanInto(into: string, when: (row: Record<string, unknown>) => boolean): Field<V, Req> {
    return this.with({ orphan: { into, when } });
  }
  oneOf(values: readonly (number | string)[]): Field<V, Req> {
    return this.with({ values });
  }
  range(minimum: number, maximum: number): Field<V, Req> {
    return this.with({ minimum, maximum });
  }
  nonNegative(): Field<V, Req> {
    return this.with({ nonNegative: true });
  }
  default(value: NonNullable<FieldOptions['defaultValue']>): Field<V, Req> {
    return this.with({ defaultValue: value });
  }
  doc(description: string): Field<V, Req> {
    return this.with({ description });
  }
  alsoAccepts(...inputNames: string[]): Field<V, Req> {
    return this.with({ inputNames });
  }

  get kind(): FieldKind {
    return this.options.kind;
  }
  get isStored(): boolean {
    return !this.options.virtual;
  }
  get isWritable(): boolean {
    return !this.options.readOnly;
  }
}

export const text = (maxLength = 255) => new Field<string, false>({ kind: 'text', maxLength });
/** Long free text (notes, HTML bodies): Daftra allows up to 80k characters. */
export const longText = () => new Field<string, false>({ kind: 'text', maxLength: 80_000 });
export const int = () => new Field<number, false>({ kind: 'int', minimum: -2_147_483_648, maximum: 2_147_483_647 });
export const id = () => new Field<number, false>({ kind: 'int', minimum: 0, maximum: 2_147_483_647 });
export const decimal = () => new Field<Dec, false>({ kind: 'decimal' });
/** 0 or 1 in memory (Daftra's tinyint flags). */
export const bool = () => new Field<number, false>({ kind: 'bool' });
export const date = () => new Field<string, false>({ kind: 'date' });
export const datetime = () => new Field<string, false>({ kind: 'datetime' });
/** A JSON value, kept as sent; `T` is the shape the resource's hooks read it as (unchecked by the engine). */
export const json = <T = unknown>() => new Field<T, false>({ kind: 'json', maxLength: 65_536 });

export type Fields = Record<string, Field>;

/** A field's value in a record: its type, or also null unless the field is required. */
export type ValueOf<F> = F extends Field<infer V, infer Req> ? (Req extends true ? V : V | null) : never;

type RequiredNames<F extends Fields> = { [K in keyof F]: F[K] extends Field<unknown, true> ? K : never }[keyof F];

/**
 * The in-memory record a declaration describes: `id` (absent before the first insert), required
 * fields always present (checkRequired has run before any hook sees a draft), every other field
 * possibly absent (not sent) or null. A declaration whose names are not known (`Fields`) gives `Rec`.
 * @example RecordOf<{ name: Field<string, true>; value: Field<Dec, false> }> → { id?: number; name: string; value?: Dec | null }
 */
export type RecordOf<F extends Fields> = string extends keyof F
  ? Record<string, unknown> & { id?: number }
  : { id?: number } & { -readonly [K in RequiredNames<F>]: ValueOf<F[K]> } & {
      -readonly [K in Exclude<keyof F, RequiredNames<F>>]?: ValueOf<F[K]>;
    };

// ---------------------------------------------------------------------------------------------------
// Coercion: what a Daftra client may send, turned into the in-memory value, or a reason it is wrong.

export type Coerced = { ok: true; value: FieldValue } | { ok: false; problem: string };

const ok = (value: FieldValue): Coerced => ({ ok: true, value });
const bad = (problem: string): Coerced => ({ ok: false, problem });

const INTEGER_TEXT = /^[+-]?\d{1,16}$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', '']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function coerceText(field: FieldOptions, raw: unknown): Coerced {
  let value: string;
  if (typeof raw === 'string') value = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
  else if (typeof raw === 'boolean') value = raw ? '1' : '0';
  else return bad(`must be text, got ${describe(raw)}`);
  if (value.includes('\u0000')) return bad('must not contain NUL characters');
  const max = field.maxLength ?? 255;
  if (value.length > max) return bad(`must be at most ${max} characters`);
  if (field.values && value !== '' && !field.values.includes(value)) {
    return bad(`must be one of: ${field.values.join(', ')}`);
  }
  return ok(value);
}

function coerceInt(field: FieldOptions, raw: unknown): Coerced {
  let value: number;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return bad('must be a whole number');
    value = raw;
  } else if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '') return ok(null);
    // "12.0" is a whole number written as a decimal: some clients send ints through float formatting.
    const asDecimal = /^[+-]?\d{1,16}\.0*$/.test(trimmed) ? trimmed.replace(/\.0*$/, '') : trimmed;
    if (!INTEGER_TEXT.test(asDecimal)) return bad('must be a whole number');
    value = Number(asDecimal);
  } else if (typeof raw === 'boolean') {
    value = raw ? 1 : 0;
  } else {
    return bad(`must be a whole number, got ${describe(raw)}`);
  }
  if (field.minimum !== undefined && value < field.minimum) return bad(`must be at least ${field.minimum}`);
  if (field.maximum !== undefined && value > field.maximum) return bad(`must be at most ${field.maximum}`);
  if (field.values && !field.values.includes(value)) return bad(`must be one of: ${field.values.join(', ')}`);
  return ok(value);
}

function coerceDecimal(field: FieldOptions, raw: unknown): Coerced {
  if (typeof raw === 'string' && raw.trim() === '') return ok(null);
  if (typeof raw === 'boolean') raw = raw ? 1 : 0;
  if (typeof raw !== 'string' && typeof raw !== 'number') return bad(`must be a number, got ${describe(raw)}`);
  // Thousands separators ("1,234.50") are taken out; any other comma makes the value invalid.
  const text = typeof raw === 'string' && THOUSANDS.test(raw.trim()) ? raw.trim().replace(/,/g, '') : raw;
  const value = parseDec(text);
  if (value === null) return bad('must be a number');
  if (!inRange(value)) return bad(OUT_OF_RANGE);
  if (field.nonNegative && value < 0n) return bad('must not be negative');
  return ok(value);
}

function coerceBool(raw: unknown): Coerced {
  if (typeof raw === 'boolean') return ok(raw ? 1 : 0);
  if (typeof raw === 'number' && (raw === 0 || raw === 1)) return ok(raw);
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(1);
    if (FALSE_WORDS.has(word)) return ok(0);
  }
  return bad('must be a boolean (true/false or 1/0)');
}

const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
const DATE_DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const TIME_PART = /[T ](\d{1,2}):(\d{2})(?::(\d{2}))?/;

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Accepts YYYY-MM-DD (with or without a time part) and DD/MM/YYYY, as Daftra's own examples do. */
export function parseDateText(raw: string): string | null {
  const text = raw.trim();
  const iso = DATE_ISO.exec(text);
  const dmy = iso ? null : DATE_DMY.exec(text);
  if (!iso && !dmy) return null;
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(dmy![3]), Number(dmy![2]), Number(dmy![1])];
  if (!validDate(year, month, day)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function coerceDate(raw: unknown): Coerced {
  if (typeof raw !== 'string') return bad(`must be a date (YYYY-MM-DD), got ${describe(raw)}`);
  if (raw.trim() === '') return ok(null);
  const value = parseDateText(raw);
  return value ? ok(value) : bad('must be a valid date (YYYY-MM-DD)');
}

function coerceDatetime(raw: unknown): Coerced {
  if (typeof raw !== 'string') return bad(`must be a date and time (YYYY-MM-DD HH:MM:SS), got ${describe(raw)}`);
  if (raw.trim() === '') return ok(null);
  const day = parseDateText(raw);
  if (!day) return bad('must be a valid date and time (YYYY-MM-DD HH:MM:SS)');
  const time = TIME_PART.exec(raw.trim());
  if (!time) return ok(`${day} 00:00:00`);
  const [hours, minutes, seconds] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return bad('must be a valid date and time (YYYY-MM-DD HH:MM:SS)');
  return ok(`${day} ${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`);
}

function coerceJson(field: FieldOptions, raw: unknown): Coerced {
  const text = JSON.stringify(raw);
  if (text.length > (field.maxLength ?? 65_536)) return bad(`must be at most ${field.maxLength} characters as JSON`);
  return ok(raw);
}

/** One field's client value to its in-memory value. `null` always clears a field. */
export function coerceField(field: Field, raw: unknown): Coerced {
  if (raw === null || raw === undefined) return ok(null);
  const options = field.options;
  switch (options.kind) {
    case 'text':
      return coerceText(options, raw);
    case 'int':
      return coerceInt(options, raw);
    case 'decimal':
      return coerceDecimal(options, raw);
    case 'bool':
      return coerceBool(raw);
    case 'date':
      return coerceDate(raw);
    case 'datetime':
      return coerceDatetime(raw);
    case 'json':
      return coerceJson(options, raw);
  }
}

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

// ---------------------------------------------------------------------------------------------------
// Storage and rendering.

/** In-memory value to the value bound in SQL; `name` is the field a value beyond the range is refused under. */
export function toColumn(field: Field, value: unknown, name?: string): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'decimal':
      return toStored(value as Dec, name);
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

/** A column value as read back from either engine, to the in-memory value. */
export function fromColumn(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'decimal':
      return fromStored(value);
    case 'int':
    case 'bool':
      return typeof value === 'number' ? value : Number(value);
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        return null;
      }
    default:
      return value;
  }
}

/** In-memory value to the wire: strings for stored scalars, structure for json. */
export function toWire(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'decimal':
      return formatDec(value as Dec);
    case 'json':
      return value;
    default:
      return String(value);
  }
}

export function defaultOf(field: Field): unknown {
  const value = field.options.defaultValue;
  if (value === undefined) return undefined;
  const resolved = typeof value === 'function' ? value() : value;
  if (field.kind === 'decimal') return typeof resolved === 'bigint' ? resolved : parseDec(resolved as string | number);
  return resolved;
}
