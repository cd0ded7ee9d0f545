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

export async function runShape<R = Record<string, unknown>>(
  db: Db,
  dialect: DialectName,
  shape: string,
  values: readonly unknown[],
  build: () => Compilable,
): Promise<QueryResult<R>> {
  const key = `${dialect}:${shape}`;
  let query = compiled.get(key);
  if (!query) {
    query = build().compile();
    const built = query.parameters;
    if (built.length !== values.length || built.some((value, index) => value !== values[index])) {
      throw new Error(
        `query shape ${key}: values ${JSON.stringify(values)} are not in the builder's order ${JSON.stringify(built)}`,
      );
    }
    // Values that repeat (site 1, record 1) cannot prove the order: run this one, keep a later one.
    if (new Set(values).size === values.length) {
      if (compiled.size >= SHAPES_MAX) compiled.clear();
      compiled.set(key, query);
    }
    return run<R>(db, query, query.parameters);
  }
  return run<R>(db, query, values);
}
