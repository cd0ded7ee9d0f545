/**
 * Queries of the read paths every request takes (the caller's key, a record, its children, a page of
 * rows) built and compiled once per shape, then run with new values. Building a Kysely query and
 * compiling it costs about as much as SQLite takes to answer a point select; on a GET of an invoice
 * that was a tenth of the request.
 *
 * A shape is named by a key that must determine the SQL; the values are passed in the order the
 * builder puts them. The first run of each shape builds with the real values and checks that order,
 * so a wrong order fails loudly (in tests) instead of reading the wrong rows; a shape is kept only
 * from a run whose values are all different, so the check cannot pass by coincidence.
 */
import type { CompiledQuery, Compilable, QueryResult } from 'kysely';
import type { Db, DialectName } from './connection.js';

/**
 * SQLite: runs a read on the connection at once, without Kysely's connection queue and promise chain
 * (about as long as the read itself for a point select), when nothing holds the connection in a
 * transaction; answers undefined otherwise (the read then queues behind the transaction through
 * Kysely, and never sees a write that is not committed).
 */
export type DirectReader = (
  sqlText: string,
  parameters: readonly unknown[],
) => Array<Record<string, unknown>> | undefined;
const directReaders = new WeakMap<Db, DirectReader>();

/** Registers the direct reader of a database's root Kysely instance (not of its transactions). */
export function registerDirectReader(db: Db, reader: DirectReader): void {
  directReaders.set(db, reader);
}

function run<R>(db: Db, query: CompiledQuery, parameters: readonly unknown[]): Promise<QueryResult<R>> {
  const direct = directReaders.get(db)?.(query.sql, parameters);
  if (direct) return Promise.resolve({ rows: direct as R[] });
  return db.executeQuery<R>(
    parameters === query.parameters ? (query as CompiledQuery<R>) : ({ ...query, parameters } as CompiledQuery<R>),
  );
}

const SHAPES_MAX = 1_000;
const compiled = new Map<string, CompiledQuery>();

/** A read the way runShape takes it, for sending it ahead of the code that asks for it (prefetchShapes). */
export interface ShapeRead {
  shape: string;
  values: readonly unknown[];
  build: () => Compilable;
  /**
   * A read sent ahead in place of another whose values are not known yet (the client of an invoice
   * before the invoice is read): its rows answer `shape` with the values `values(rows)` gives, or
   * nothing when that is undefined. The rows must be what `shape` itself would read with those values.
   */
  answers?: { shape: string; values: (rows: ReadonlyArray<Record<string, unknown>>) => readonly unknown[] | undefined };
}

/**
 * Reads sent ahead, by their owner (a request's context), shape and values: each is answered once,
 * to the runShape of the same owner, shape and values that follows, then forgotten.
 */
const prefetched = new WeakMap<object, Map<string, Array<Record<string, unknown>>>>();

const prefetchKey = (shape: string, values: readonly unknown[]) => `${shape}\u0000${values.join('\u0001')}`;

/** The compiled query of a shape with `values`, checking the builder's order the first time (see above). */
function compiledShape(dialect: DialectName, shape: string, values: readonly unknown[], build: () => Compilable) {
  const key = `${dialect}:${shape}`;
  const query = compiled.get(key);
  if (query) return { ...query, parameters: values } as CompiledQuery;
  const built = build().compile();
  const parameters = built.parameters;
  if (parameters.length !== values.length || parameters.some((value, index) => value !== values[index])) {
    throw new Error(
      `query shape ${key}: values ${JSON.stringify(values)} are not in the builder's order ${JSON.stringify(parameters)}`,
    );
  }
  // Values that repeat (site 1, record 1) cannot prove the order: run this one, keep a later one.
  if (new Set(values).size === values.length) {
    if (compiled.size >= SHAPES_MAX) compiled.clear();
    compiled.set(key, built);
  }
  return built;
}

/**
 * Sends `reads` together (one round trip on PostgreSQL, db/trips.ts) and keeps their rows for the
 * runShape calls of `owner` that ask for them next. Only values that print as themselves (numbers,
 * strings) key a prefetch; other reads are left to run when asked.
 */
export async function prefetchShapes(
  owner: object,
  dialect: DialectName,
  reads: readonly ShapeRead[],
  together: (queries: readonly CompiledQuery[]) => Promise<Array<Array<Record<string, unknown>>>>,
): Promise<void> {
  const wanted = prefetchable(reads);
  if (wanted.length < 2) return;
  const results = await together(compiledReads(dialect, wanted));
  keepPrefetched(owner, wanted, results);
}

/** The reads that may be sent ahead: those whose values print as themselves (see prefetchShapes). */
export function prefetchable(reads: readonly ShapeRead[]): ShapeRead[] {
  return reads.filter((read) => read.values.every((value) => typeof value === 'number' || typeof value === 'string'));
}

/** The compiled queries of `reads` (from `prefetchable`), to be sent with other statements. */
export function compiledReads(dialect: DialectName, reads: readonly ShapeRead[]): CompiledQuery[] {
  return reads.map((read) => compiledShape(dialect, read.shape, read.values, read.build));
}

/** Keeps the rows of reads sent ahead (`results[i]` answers `reads[i]`) for the runShape calls of `owner`. */
export function keepPrefetched(
  owner: object,
  reads: readonly ShapeRead[],
  results: ReadonlyArray<Array<Record<string, unknown>>>,
): void {
  const store = prefetched.get(owner) ?? new Map<string, Array<Record<string, unknown>>>();
  prefetched.set(owner, store);
  for (const [index, read] of reads.entries()) {
    const rows = results[index]!;
    if (!read.answers) {
      store.set(prefetchKey(read.shape, read.values), rows);
      continue;
    }
    const values = read.answers.values(rows);
    if (values) store.set(prefetchKey(read.answers.shape, values), rows);
  }
}

/** Drops what was sent ahead for `owner` and not asked for. */
export function forgetPrefetched(owner: object): void {
  prefetched.delete(owner);
}

export async function runShape<R = Record<string, unknown>>(
  db: Db,
  dialect: DialectName,
  shape: string,
  values: readonly unknown[],
  build: () => Compilable,
  owner?: object,
): Promise<QueryResult<R>> {
  if (owner !== undefined) {
    const store = prefetched.get(owner);
    const key = store && prefetchKey(shape, values);
    const rows = key !== undefined ? store!.get(key) : undefined;
    if (rows) {
      store!.delete(key!);
      return { rows: rows as R[] };
    }
  }
  const query = compiledShape(dialect, shape, values, build);
  return run<R>(db, query, query.parameters);
}
