/**
 * Document numbers (`no`, `client_number`, `number`): a counter row per site and sequence, bumped with
 * an upsert inside the document's transaction. On PostgreSQL the upsert takes a row lock, so concurrent
 * creations in several processes get distinct numbers; on SQLite writes are serialized anyway.
 */
import { sql } from 'kysely';
import type { Context } from '../engine/resource.js';

/** Digits of a generated number: 000001. */
export const NUMBER_WIDTH = 6;
/** How many taken numbers a generator skips before giving up (they were set by hand). */
const SKIP_MAX = 1_000;

async function bump(context: Context, key: string): Promise<number> {
  const { rows } = await sql<{ value: number | string }>`
    insert into counters (site_id, key, value) values (${context.siteId}, ${key}, 1)
    on conflict (site_id, key) do update set value = counters.value + 1
    returning value`.execute(context.db);
  return Number(rows[0]!.value);
}

/**
 * The next free number of a sequence. `isTaken` says whether a candidate is already used (a client may
 * set numbers by hand, so the counter can run into them).
 */
export async function nextNumber(context: Context, key: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 0; attempt < SKIP_MAX; attempt += 1) {
    const candidate = String(await bump(context, key)).padStart(NUMBER_WIDTH, '0');
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`numbering ${key}: ${SKIP_MAX} numbers in a row are taken`);
}

/** Whether `column = value` is used by another row of `table` in the site (optionally within a scope). */
export async function valueTaken(
  context: Context, table: string, column: string, value: string, exceptId: number | undefined, scope?: Record<string, unknown>,
): Promise<boolean> {
  let query = context.db.selectFrom(table).select('id').where('site_id', '=', context.siteId).where(column, '=', value);
  for (const [key, scoped] of Object.entries(scope ?? {})) query = query.where(key, '=', scoped);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
