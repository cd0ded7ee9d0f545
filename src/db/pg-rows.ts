/**
 * Faster row objects from node-postgres. For every result set (a message of several statements brings
 * several), pg's `Result.addFields` builds a parser list and an empty row keyed by the column names,
 * and `parseRow` copies that empty row and assigns each column by name. For the invoice GET (about 250
 * columns over its result sets) this was the largest single cost in a CPU profile of the server on
 * PostgreSQL: about 150 µs of a 1,600 µs request (docs/performance.md).
 *
 * Here a result set's shape (its column names, types and formats) is looked up once: the parsers and a
 * row builder made for the shape are kept and reused by every later result set of the same shape. The
 * builder returns the same object as before (the same keys in the same order, null for a null value,
 * each value through pg's own parser for its type), copied from an ordinary object rather than from a
 * dictionary (pg's starts from Object.create(null)), so V8 gives every row of a shape one hidden class.
 * Result sets this cannot build the same way (binary columns, a column named `__proto__`) keep pg's
 * own code. Shapes are kept per type set (each client has its own, over pg's global parsers), and a
 * type's parser is read when a shape is first seen: a parser set later (setTypeParser) would not be
 * seen by shapes already kept. This project sets none.
 */
import type pg from 'pg';

type Parser = (value: string) => unknown;
type Builder = (values: Array<string | null>, parsers: readonly Parser[]) => Record<string, unknown>;

interface Shape {
  parsers: Parser[];
  empty: Record<string, unknown>;
  build: Builder | null;
}

interface ResultInternals {
  fields: pg.FieldDef[];
  _parsers: Parser[] | undefined;
  _types: unknown;
  _prebuiltEmptyResultObject: Record<string, unknown> | null;
}

const PATCHED = Symbol('daftar row shapes');

/** Enough for every statement shape of the server; past it the cache starts over. */
const SHAPES_MAX = 2_000;

function builderOf(fields: readonly pg.FieldDef[]): Builder | null {
  if (fields.some((field) => field.format === 'binary' || field.name === '__proto__')) return null;
  const names = fields.map((field) => field.name);
  const template: Record<string, unknown> = {};
  for (const name of names) template[name] = null;
  return (values, parsers) => {
    const row = { ...template };
    names.forEach((name, i) => {
      const value = values[i];
      const parse = parsers[i];
      row[name] = value === null || value === undefined || !parse ? null : parse(value);
    });
    return row;
  };
}

/** Patches pg's Result class (once) to reuse each result shape's parsers and row builder. */
export function reuseRowShapes(Result: { prototype: object }): void {
  const prototype = Result.prototype;
  if (Reflect.get(prototype, PATCHED)) return;
  Reflect.set(prototype, PATCHED, true);
  const addFields: (this: ResultInternals, fields: pg.FieldDef[]) => void = Reflect.get(prototype, 'addFields');
  const parseRow: (this: ResultInternals, values: Array<string | null>) => unknown = Reflect.get(prototype, 'parseRow');
  // Per type set: each client has its own (a TypeOverrides over pg's global parsers).
  const shapesByTypes = new WeakMap<object, Map<string, Shape>>();
  const untyped = {};
  const shapeOf = new WeakMap<ResultInternals, Shape | null>();

  Reflect.defineProperty(prototype, 'addFields', {
    configurable: true,
    writable: true,
    value(this: ResultInternals, fields: pg.FieldDef[]) {
      if (fields.length === 0) {
        shapeOf.set(this, null);
        return addFields.call(this, fields);
      }
      const types = typeof this._types === 'object' && this._types !== null ? this._types : untyped;
      let shapes = shapesByTypes.get(types);
      if (!shapes) {
        shapes = new Map();
        shapesByTypes.set(types, shapes);
      }
      let key = '';
      for (const field of fields) key += `${field.name}\u0000${field.dataTypeID}\u0000${field.format}\u0001`;
      let shape = shapes.get(key);
      if (!shape) {
        addFields.call(this, fields);
        shape = {
          parsers: this._parsers ?? [],
          empty: this._prebuiltEmptyResultObject ?? {},
          build: builderOf(fields),
        };
        if (shapes.size >= SHAPES_MAX) shapes.clear();
        shapes.set(key, shape);
      } else {
        this.fields = fields;
        this._parsers = shape.parsers;
        this._prebuiltEmptyResultObject = shape.empty;
      }
      shapeOf.set(this, shape);
    },
  });
  Reflect.defineProperty(prototype, 'parseRow', {
    configurable: true,
    writable: true,
    value(this: ResultInternals, values: Array<string | null>) {
      const build = shapeOf.get(this)?.build;
      return build ? build(values, this._parsers ?? []) : parseRow.call(this, values);
    },
  });
}
