/**
 * Row counts kept by triggers (ddl.ts `createListCounts`, migration 0005) for the tables whose lists
 * grow with the business: per site and scope value in total (`list_counts`) and per day
 * (`list_day_counts`). Lists read them instead of counting and stepping over rows:
 *
 * - `total_results` of an unfiltered list is a sum of one row per scope value, not a count(*) of the
 *   whole table (tens of milliseconds at a million rows);
 * - a deep page in date order starts from the day it falls on, found by summing day counts, then
 *   steps over at most that day's rows: `date <= D ORDER BY date DESC, id DESC OFFSET r` returns the
 *   same rows as `OFFSET (page - 1) × limit` over the whole table, without reading them.
 *
 * The counts are written in the same transaction as the rows they count, so they are exact on both
 * engines.
 */
import type { CountedTable } from './ddl.js';
import type { Db } from './connection.js';

export const COUNTED_TABLES: readonly CountedTable[] = [{ table: 'invoices', scope: 'type', day: 'date' }];

export function countedTable(table: string): CountedTable | undefined {
  return COUNTED_TABLES.find((counted) => counted.table === table);
}

/** Rows of a site's table within the scope values (all rows when the table has no scope column). */
export async function countedTotal(
  db: Db,
  siteId: number,
  table: string,
  scopes: readonly number[] | null,
): Promise<number> {
  let query = db
    .selectFrom('list_counts')
    .select((eb) => eb.fn.sum<string | number | null>('n').as('total'))
    .where('site_id', '=', siteId)
    .where('tbl', '=', table);
  query = query.where('scope', 'in', scopes ? [...scopes] : [0]);
  const row = await query.executeTakeFirst();
  return Number(row?.total ?? 0);
}

export interface DayStart {
  /** The day the row at `offset` falls on. */
  day: string;
  /** Rows of the scope on that day, in list order, before the row at `offset`. */
  within: number;
}

/**
 * The day of the row at `offset` when rows are listed by day (descending or ascending), or null when
 * some rows have no day (their place in the order differs between engines: the caller scans instead).
 */
export async function dayAtOffset(
  db: Db,
  siteId: number,
  table: string,
  scopes: readonly number[] | null,
  offset: number,
  direction: 'asc' | 'desc',
): Promise<DayStart | null> {
  // Summed per day here rather than by GROUP BY: SQLite would sort every day row in a temporary
  // b-tree first (1.7 ms for three years of days), where a Map and a sort of the keys take a fraction.
  const rows = await db
    .selectFrom('list_day_counts')
    .select(['day', 'n'])
    .where('site_id', '=', siteId)
    .where('tbl', '=', table)
    .where('scope', 'in', scopes ? [...scopes] : [0])
    .execute();
  const perDay = new Map<string, number>();
  for (const row of rows) {
    const day = String(row['day']);
    perDay.set(day, (perDay.get(day) ?? 0) + Number(row['n']));
  }
  const days = [...perDay.keys()].sort();
  if (direction === 'desc') days.reverse();
  let before = 0;
  let found: DayStart | null = null;
  for (const day of days) {
    const n = perDay.get(day)!;
    if (n === 0) continue;
    if (day === '') return null;
    if (!found && before + n > offset) found = { day, within: offset - before };
    before += n;
  }
  return found;
}
