/**
 * Σ of a money column, exact at any size on both engines.
 *
 * Each stored value is less than 10^18 millionths (money.ts), but a sum over many rows is not bounded:
 * ten invoices at the top of the range already pass 2^63. PostgreSQL's SUM of a BIGINT is a NUMERIC,
 * exact at any size. SQLite's SUM of integers stops with "integer overflow" past 2^63; then the same
 * query runs again with every value split as v = high × 10^9 + low (`/` and `%` truncate toward zero
 * on both engines, so high and low carry v's sign), the two parts summed apart (each sum stays inside
 * 64 bits for a billion rows) and joined as bigint. The split costs 1.5 to 3 times a plain SUM
 * (measured on a million rows), so it is only paid by a sum that needs it.
 *
 * @example
 *   const rows = await exactSums(context.dialect, (sums) => query.select((eb) => sums(eb.ref('t.debit'), 'debit')).execute());
 *   readSum(rows[0], 'debit')   // 12000000000000000000n, where SUM alone failed on SQLite
 */
import { type AliasedExpression, type Expression, sql } from 'kysely';
import type { DialectName } from './connection.js';
import { type Dec, fromStored } from '../domain/money.js';

const SPLIT = 1_000_000_000n;
const HIGH = '__high';
const LOW = '__low';

export type SumSelection = (
  expression: Expression<unknown>,
  alias: string,
) => Array<AliasedExpression<unknown, string>>;

const plain: SumSelection = (expression, alias) => [sql`sum(${expression})`.as(alias)];
const split: SumSelection = (expression, alias) => [
  sql`sum(${expression} / ${sql.lit(Number(SPLIT))})`.as(alias + HIGH),
  sql`sum(${expression} % ${sql.lit(Number(SPLIT))})`.as(alias + LOW),
];

function overflowed(error: unknown): boolean {
  return error instanceof Error && /integer overflow/i.test(error.message);
}

/** Runs a query whose sums come from `sums`; on SQLite's integer overflow, runs it again with split sums. */
export async function exactSums<T>(dialect: DialectName, run: (sums: SumSelection) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return run(plain);
  try {
    return await run(plain);
  } catch (error) {
    if (!overflowed(error)) throw error;
    return run(split);
  }
}

/** A sum selected by `exactSums` as a Dec; no rows (SQL NULL) is zero. */
export function readSum(row: Record<string, unknown> | undefined, alias: string): Dec {
  if (!row) return 0n;
  if (alias in row) return row[alias] === null || row[alias] === undefined ? 0n : fromStored(row[alias]);
  const high = row[alias + HIGH];
  const low = row[alias + LOW];
  if (high === null || high === undefined) return 0n;
  return fromStored(high) * SPLIT + fromStored(low);
}
