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

const TEXTS_MAX = 2_000;
const texts = new Map<string, string>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function isExpression(value: unknown): boolean {
  return typeof value === 'function'
    || (typeof value === 'object' && value !== null && typeof (value as { toOperationNode?: unknown }).toOperationNode === 'function');
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

function insertText(dialect: DialectName, table: string, columns: string[], rowCount: number, returning: string | undefined): string {
  const key = `${dialect}|${table}|${rowCount}|${returning ?? ''}|${columns.join(',')}`;
  let text = texts.get(key);
  if (text === undefined) {
    let next = 0;
    const placeholder = dialect === 'postgres' ? () => `$${(next += 1)}` : () => '?';
    const tuples = Array.from({ length: rowCount }, () => `(${columns.map(placeholder).join(', ')})`);
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}${returning ? ` returning ${quote(returning)}` : ''}`;
    if (texts.size >= TEXTS_MAX) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** The INSERT for `rows`, or null when they need Kysely (see above). Exported for the test that compares it with Kysely's. */
export function compileInsert(
  dialect: DialectName, table: string, rows: ReadonlyArray<Record<string, unknown>>, returning?: string,
): CompiledQuery<Record<string, unknown>> | null {
  const values = rows.length > 0 ? plain(rows) : null;
  if (!values) return null;
  return CompiledQuery.raw(insertText(dialect, table, values.columns, rows.length, returning), values.parameters);
}

/** Inserts `rows` into `table`; with `returning`, gives back that column of each row (in the order the database returns them). */
export async function insertRows(
  db: Db, dialect: DialectName, table: string, rows: ReadonlyArray<Record<string, unknown>>, returning?: string,
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const compiled = compileInsert(dialect, table, rows, returning);
  if (!compiled) {
    const query = db.insertInto(table).values(rows as Array<Record<string, unknown>>);
    return returning ? query.returning(returning).execute() : (await query.execute(), []);
  }
  const result = await db.executeQuery<Record<string, unknown>>(compiled);
  return returning ? result.rows : [];
}

/** Inserts one row and gives back its id. */
export async function insertReturningId(db: Db, dialect: DialectName, table: string, row: Record<string, unknown>): Promise<number> {
  const [inserted] = await insertRows(db, dialect, table, [row], 'id');
  if (!inserted) throw new Error(`insert into ${table} returned no id`);
  return Number(inserted['id']);
}
