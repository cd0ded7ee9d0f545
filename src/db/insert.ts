/**
 * INSERTs of the write paths, with their SQL text made once per table and column list. Building an
 * insert with Kysely parses every row into operation nodes and compiles them back to text on every
 * call: for a 78-column invoice row and its lines that was about a tenth of an invoice create
 * (docs/performance.md). The text here is exactly what Kysely builds for the same call
 * (`insert into "t" ("a", "b") values (?, ?), (?, ?) returning "id"`, `$n` on PostgreSQL); the values
 * go to the driver as they are, as Kysely passes them.
 *
 * Rows whose columns differ from one another, or with a value that is a Kysely expression, go through
 * Kysely as before (it fills gaps with DEFAULT and compiles expressions).
 */
import { CompiledQuery } from 'kysely';
import type { Db, DialectName } from './connection.js';
import { defer, deferCompiled } from './trips.js';

const TEXTS_MAX = 2_000;
const texts = new Map<string, string>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function isExpression(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { toOperationNode?: unknown }).toOperationNode === 'function')
  );
}

/** The columns of `rows` (keys with a value, in key order) and their values, or null if they differ or hold expressions. */
function plain(rows: ReadonlyArray<Record<string, unknown>>): { columns: string[]; parameters: unknown[] } | null {
  const columns: string[] = [];
  const parameters: unknown[] = [];
  for (const [index, row] of rows.entries()) {
    let n = 0;
    for (const key of Object.keys(row)) {
      const value = row[key];
      if (value === undefined) continue;
      if (isExpression(value)) return null;
      if (index === 0) columns.push(key);
      else if (columns[n] !== key) return null;
      parameters.push(value);
      n += 1;
    }
    if (n !== columns.length) return null;
  }
  return columns.length > 0 ? { columns, parameters } : null;
}

function insertText(
  dialect: DialectName,
  table: string,
  columns: string[],
  rowCount: number,
  returning: string | undefined,
): string {
  const key = `${dialect}|${table}|${rowCount}|${returning ?? ''}|${columns.join(',')}`;
  let text = texts.get(key);
  if (text === undefined) {
    let next = 0;
    const placeholder = dialect === 'postgres' ? () => `$${++next}` : () => '?';
    const tuples = Array.from({ length: rowCount }, () => `(${columns.map(placeholder).join(', ')})`);
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}${returning ? ` returning ${quote(returning)}` : ''}`;
    if (texts.size >= TEXTS_MAX) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** The INSERT for `rows`, or null when they need Kysely (see above). Exported for the test that compares it with Kysely's. */
export function compileInsert(
  dialect: DialectName,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  returning?: string,
): CompiledQuery<Record<string, unknown>> | null {
  const values = rows.length > 0 ? plain(rows) : null;
  if (!values) return null;
  return CompiledQuery.raw(insertText(dialect, table, values.columns, rows.length, returning), values.parameters);
}

/** Inserts `rows` into `table`; with `returning`, gives back that column of each row (in the order the database returns them). */
export async function insertRows(
  db: Db,
  dialect: DialectName,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  returning?: string,
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const compiled = compileInsert(dialect, table, rows, returning);
  if (!compiled) {
    const query = db.insertInto(table).values(rows as Array<Record<string, unknown>>);
    if (returning) return query.returning(returning).execute();
    await query.execute();
    return [];
  }
  const result = await db.executeQuery<Record<string, unknown>>(compiled);
  return returning ? result.rows : [];
}

/**
 * Inserts `rows` into `table` when nothing waits for the answer: on PostgreSQL the INSERT travels with
 * the transaction's next statement or its COMMIT (db/trips.ts), on SQLite it runs now.
 */
export async function insertRowsLater(
  db: Db,
  dialect: DialectName,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  const compiled = compileInsert(dialect, table, rows);
  if (!compiled) await defer(db, dialect, db.insertInto(table).values(rows as Array<Record<string, unknown>>));
  else await deferCompiled(db, dialect, compiled);
}

/** Inserts one row and gives back its id. */
export async function insertReturningId(
  db: Db,
  dialect: DialectName,
  table: string,
  row: Record<string, unknown>,
): Promise<number> {
  const [inserted] = await insertRows(db, dialect, table, [row], 'id');
  if (!inserted) throw new Error(`insert into ${table} returned no id`);
  return Number(inserted['id']);
}

/** Sequences of the id columns, by table (PostgreSQL), as `pg_get_serial_sequence` names them. */
const SEQUENCE_TEXTS_MAX = 500;
const manyTexts = new Map<string, string>();

function isJsonScalar(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  );
}

/**
 * PostgreSQL CTEs `ids, numbered, src`: `count` ids drawn from `table`'s id sequence, numbered 1..n in
 * ascending order, and the rows of the JSON array `json` typed as `table`'s rows, each with the id of
 * its position (`new_id`). Rows and ids are paired by number, never by the order a statement happens
 * to return them in.
 */
function numberedRows(table: string, json: string, count: string): string {
  return (
    `ids as materialized (select nextval(pg_get_serial_sequence('${quote(table).replace(/'/g, "''")}', 'id')) as id from generate_series(1, ${count}::int)), ` +
    'numbered as (select id, row_number() over (order by id) as ord from ids), ' +
    `src as (select numbered.id as new_id, r.* from jsonb_populate_recordset(null::${quote(table)}, ${json}::jsonb) with ordinality as r join numbered on numbered.ord = r.ordinality)`
  );
}

/** Rows as one JSON array of their `columns` (bigints as strings, which PostgreSQL reads exactly). */
function rowsJson(rows: ReadonlyArray<Record<string, unknown>>, columns: string[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const column of columns) {
        const value = row[column];
        out[column] = typeof value === 'bigint' ? value.toString() : value;
      }
      return out;
    }),
  );
}

/**
 * Inserts several rows in one statement and gives back their ids in the order of `rows`, ascending
 * as one-at-a-time inserts would hand them out (children are read back in id order). The ids are
 * matched to the rows by position by construction, not by the order RETURNING happens to give:
 *
 * - PostgreSQL, one statement: `n` ids are drawn from the id column's sequence and numbered in
 *   ascending order; the rows arrive as one JSON array, typed by the table's own row type
 *   (`jsonb_populate_recordset`), numbered `WITH ORDINALITY`, and each row is inserted with the id of
 *   its number. The ids drawn are the statement's answer.
 * - SQLite (one writer at a time): the next free id is read (AUTOINCREMENT's sqlite_sequence, or past
 *   the largest id), and the rows are inserted with ids from there, in one statement.
 *
 * Rows of different columns, or with values that are not plain scalars, are inserted one by one.
 */
export async function insertReturningIds(
  db: Db,
  dialect: DialectName,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const values = rows.length > 1 ? plain(rows) : null;
  if (!values || values.columns.includes('id') || !values.parameters.every(isJsonScalar)) {
    const ids: number[] = [];
    for (const row of rows) ids.push(await insertReturningId(db, dialect, table, row));
    return ids;
  }
  const { columns } = values;
  if (dialect === 'postgres') {
    const key = `${table}|${columns.join(',')}`;
    let text = manyTexts.get(key);
    if (text === undefined) {
      const list = columns.map(quote).join(', ');
      text =
        `with ${numberedRows(table, '$1', '$2')}, ` +
        `ins as (insert into ${quote(table)} ("id", ${list}) select new_id, ${list} from src) ` +
        'select id from numbered order by ord';
      if (manyTexts.size >= SEQUENCE_TEXTS_MAX) manyTexts.clear();
      manyTexts.set(key, text);
    }
    const result = await db.executeQuery<{ id: unknown }>(
      CompiledQuery.raw(text, [rowsJson(rows, columns), rows.length]),
    );
    return result.rows.map((row) => Number(row.id));
  }
  const next = await db.executeQuery<{ next: unknown }>(
    CompiledQuery.raw(
      `select max(coalesce((select seq from sqlite_sequence where name = ?), 0), coalesce((select max("id") from ${quote(table)}), 0)) + 1 as next`,
      [table],
    ),
  );
  const first = Number(next.rows[0]!.next);
  const ids = rows.map((_, index) => first + index);
  const withIds = rows.map((row, index) => ({ id: ids[index], ...row }));
  await insertRows(db, dialect, table, withIds);
  return ids;
}

/**
 * Inserts a parent row and its child rows, the children naming the parent's new id in `foreignKey`;
 * gives back the parent's id. PostgreSQL: one statement (the parent's INSERT … RETURNING as a CTE, the
 * children through `numberedRows`, so their ids ascend in the order of `children`). SQLite: the two
 * INSERTs (statements cost no round trip there).
 */
export async function insertWithChildren(
  db: Db,
  dialect: DialectName,
  table: string,
  row: Record<string, unknown>,
  childTable: string,
  foreignKey: string,
  children: ReadonlyArray<Record<string, unknown>>,
): Promise<number> {
  const together = withChildrenStatement(dialect, table, row, childTable, foreignKey, children);
  if (!together) return parentThenChildren(db, dialect, table, row, childTable, foreignKey, children);
  const result = await db.executeQuery<{ id: unknown }>(together);
  return Number(result.rows[0]!.id);
}

/** The two INSERTs, parent first (SQLite, or rows one statement cannot carry). */
async function parentThenChildren(
  db: Db,
  dialect: DialectName,
  table: string,
  row: Record<string, unknown>,
  childTable: string,
  foreignKey: string,
  children: ReadonlyArray<Record<string, unknown>>,
): Promise<number> {
  const id = await insertReturningId(db, dialect, table, row);
  await insertRows(
    db,
    dialect,
    childTable,
    children.map((child) => ({ ...child, [foreignKey]: id })),
  );
  return id;
}

/**
 * `insertWithChildren` when nothing waits for the parent's id: on PostgreSQL the one statement travels
 * with the transaction's next statement or its COMMIT (db/trips.ts); on SQLite the two INSERTs run now.
 */
export async function insertWithChildrenLater(
  db: Db,
  dialect: DialectName,
  table: string,
  row: Record<string, unknown>,
  childTable: string,
  foreignKey: string,
  children: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const together = withChildrenStatement(dialect, table, row, childTable, foreignKey, children);
  if (together) await deferCompiled(db, dialect, together);
  else await parentThenChildren(db, dialect, table, row, childTable, foreignKey, children);
}

/**
 * PostgreSQL: a parent and its children in one statement, as `insertWithChildren`, giving back the
 * parent's id and the children's ids in the order of `children` (drawn and paired as
 * `insertReturningIds` does). Null when that cannot be done in one statement (SQLite, one child or
 * none, rows of differing columns or non-scalar values): the caller then inserts as before.
 */
export async function insertWithChildIds(
  db: Db,
  dialect: DialectName,
  table: string,
  row: Record<string, unknown>,
  childTable: string,
  foreignKey: string,
  children: ReadonlyArray<Record<string, unknown>>,
): Promise<{ id: number; childIds: number[] } | null> {
  if (dialect !== 'postgres' || children.length < 2) return null;
  const together = withChildrenStatement(dialect, table, row, childTable, foreignKey, children, true);
  if (!together) return null;
  const result = await db.executeQuery<{ parent_id: unknown; id: unknown }>(together);
  const first = result.rows[0];
  if (!first || result.rows.length !== children.length) throw new Error(`insert into ${table} returned no ids`);
  return { id: Number(first.parent_id), childIds: result.rows.map((r) => Number(r.id)) };
}

/** PostgreSQL's one statement for a parent and its children, or null when they need two. */
function withChildrenStatement(
  dialect: DialectName,
  table: string,
  row: Record<string, unknown>,
  childTable: string,
  foreignKey: string,
  children: ReadonlyArray<Record<string, unknown>>,
  childIds = false,
): CompiledQuery | null {
  const parent = dialect === 'postgres' && children.length > 0 ? compileInsert(dialect, table, [row], 'id') : null;
  const values = parent ? plain(children) : null;
  if (
    !parent ||
    !values ||
    values.columns.includes('id') ||
    values.columns.includes(foreignKey) ||
    !values.parameters.every(isJsonScalar)
  )
    return null;
  const n = parent.parameters.length;
  const list = values.columns.map(quote).join(', ');
  const key = `with|${childIds}|${table}|${parent.sql}|${childTable}|${foreignKey}|${values.columns.join(',')}`;
  let text = manyTexts.get(key);
  if (text === undefined) {
    text =
      `with parent as (${parent.sql}), ${numberedRows(childTable, `$${n + 1}`, `$${n + 2}`)}, ` +
      `ins as (insert into ${quote(childTable)} ("id", ${quote(foreignKey)}, ${list}) select src.new_id, parent."id", ${list
        .split(', ')
        .map((c) => `src.${c}`)
        .join(', ')} from src, parent) ` +
      (childIds
        ? 'select (select "id" from parent) as parent_id, numbered.id from numbered order by numbered.ord'
        : 'select "id" from parent');
    if (manyTexts.size >= SEQUENCE_TEXTS_MAX) manyTexts.clear();
    manyTexts.set(key, text);
  }
  return CompiledQuery.raw(text, [...parent.parameters, rowsJson(children, values.columns), children.length]);
}
