/**
 * Σ debit and Σ credit per account over journals dated in a range, read from the maintained month
 * totals (db/account-totals.ts) for the whole months of the range and from the journal lines only for
 * the part-months at its edges, so any range is exact and costs at most two part-months of lines.
 *
 * A part-month is summed the cheaper way: its lines directly when it covers at most half the month,
 * else the month's total minus the lines of the days outside it. Both equal the lines of the range
 * for journal dates written YYYY-MM-DD (with or without a time after it), which is what every writer
 * stores (the `date` field accepts nothing else).
 *
 * `linesByAccount` is the old computation (one grouped query over every line in the range), kept for
 * the part-months and as the oracle the tests compare against.
 */
import { sql } from 'kysely';
import { exactSums, readSum } from '../db/exact-sum.js';
import { type Dec, ZERO, fromStored } from './money.js';
import type { Context } from './context.js';

export interface Movement {
  /** Lines counted; an account with none in the range is left out, as a GROUP BY over lines would. */
  n: number;
  debit: Dec;
  credit: Dec;
}

const SPLIT = 1_000_000_000n;

export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  const previous = new Date(`${date}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() - 1);
  return previous.toISOString().slice(0, 10);
}

const firstDay = (month: string) => `${month}-01`;
function lastDay(month: string): string {
  const end = new Date(`${month}-01T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + 1, 0);
  return end.toISOString().slice(0, 10);
}
function shiftMonth(month: string, by: number): string {
  const at = new Date(`${month}-01T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + by);
  return at.toISOString().slice(0, 7);
}
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** Test switch: read every report's sums from the lines (the computation before the totals). */
export const movementSource = { fromLines: false };

type Keyed = Map<string, Movement>;

function add(into: Keyed, key: string, moved: Movement, sign: 1n | -1n = 1n): void {
  const at = into.get(key) ?? { n: 0, debit: ZERO, credit: ZERO };
  at.n += sign === 1n ? moved.n : -moved.n;
  at.debit += sign * moved.debit;
  at.credit += sign * moved.credit;
  into.set(key, at);
}

/** Lines of journals dated in [from, to) (either end open), grouped per account; `outside` excludes [a, b). */
async function lineSums(
  context: Context,
  from: string | null,
  before: string | null,
  outside?: [string, string],
): Promise<Map<number, Movement>> {
  const rows = await exactSums(context.dialect, (sums) => {
    let query = context.db
      .selectFrom('journal_transactions as t')
      .innerJoin('journals as j', (join) =>
        join.onRef('j.id', '=', 't.journal_id').onRef('j.site_id', '=', 't.site_id'),
      )
      .select((eb) => [
        't.journal_account_id',
        eb.fn.countAll().as('n'),
        ...sums(eb.ref('t.debit'), 'debit'),
        ...sums(eb.ref('t.credit'), 'credit'),
      ])
      .where('t.site_id', '=', context.siteId);
    if (from) query = query.where('j.date', '>=', from);
    if (before) query = query.where('j.date', '<', before);
    if (outside) {
      const [a, b] = outside;
      query = query.where((eb) => eb.or([eb('j.date', '<', a), eb('j.date', '>=', b)]));
    }
    return query.groupBy('t.journal_account_id').execute();
  });
  return new Map(
    rows.map((row) => [
      Number(row['journal_account_id']),
      { n: Number(row['n']), debit: readSum(row, 'debit'), credit: readSum(row, 'credit') },
    ]),
  );
}

/** The old computation: Σ per account over every line dated in [from, to] (either end open). */
export function linesByAccount(
  context: Context,
  from: string | null,
  to: string | null,
): Promise<Map<number, Movement>> {
  return lineSums(context, from, to ? dayAfter(to) : null);
}

/** Month totals in [lo, hi] (lo open when null), per month and account or per account alone. */
async function monthTotals(
  context: Context,
  lo: string | null,
  hi: string,
  perMonth: boolean,
): Promise<Array<{ month: string; accountId: number; moved: Movement }>> {
  let query = context.db
    .selectFrom('account_month_totals')
    .select([
      'journal_account_id',
      sql<string | number>`sum(n)`.as('n'),
      sql<string | number>`sum(debit_high)`.as('dh'),
      sql<string | number>`sum(debit_low)`.as('dl'),
      sql<string | number>`sum(credit_high)`.as('ch'),
      sql<string | number>`sum(credit_low)`.as('cl'),
    ])
    .where('site_id', '=', context.siteId)
    .where('month', '<=', hi);
  if (lo !== null) query = query.where('month', '>=', lo);
  const rows = perMonth
    ? await query.select('month').groupBy(['journal_account_id', 'month']).execute()
    : await query.groupBy('journal_account_id').execute();
  const joined = (high: unknown, low: unknown) => fromStored(high ?? 0) * SPLIT + fromStored(low ?? 0);
  return rows.map((row) => ({
    month: perMonth ? String((row as Record<string, unknown>)['month']) : '',
    accountId: Number(row['journal_account_id']),
    moved: { n: Number(row['n']), debit: joined(row['dh'], row['dl']), credit: joined(row['ch'], row['cl']) },
  }));
}

/** The lines of month `month` dated in [a, b], the cheaper way (see the file's comment). */
async function partMonth(context: Context, month: string, a: string, b: string): Promise<Map<number, Movement>> {
  const start = firstDay(month);
  const end = lastDay(month);
  if (days(a, b) * 2 <= days(start, end)) return lineSums(context, a, dayAfter(b));
  const whole = await monthTotals(context, month, month, false);
  const out = new Map<number, Movement>();
  for (const row of whole) out.set(row.accountId, { ...row.moved });
  const rest = await lineSums(context, start, dayAfter(end), [a, dayAfter(b)]);
  for (const [accountId, moved] of rest) {
    const at = out.get(accountId) ?? { n: 0, debit: ZERO, credit: ZERO };
    out.set(accountId, { n: at.n - moved.n, debit: at.debit - moved.debit, credit: at.credit - moved.credit });
  }
  return out;
}

/**
 * Σ per account and month over journals dated in [from, to] (from open when null): the key is
 * `${month}|${accountId}`, or just the account id when `perMonth` is false. Entries with no lines are
 * left out.
 */
async function movements(context: Context, from: string | null, to: string, perMonth: boolean): Promise<Keyed> {
  const out: Keyed = new Map();
  const key = (month: string, accountId: number) => (perMonth ? `${month}|${accountId}` : String(accountId));
  const addPart = async (month: string, a: string, b: string) => {
    for (const [accountId, moved] of await partMonth(context, month, a, b)) add(out, key(month, accountId), moved);
  };
  const toMonth = to.slice(0, 7);
  const toWhole = to === lastDay(toMonth);
  const fromMonth = from?.slice(0, 7) ?? null;
  const fromWhole = from === null || from === firstDay(fromMonth!);
  if (from !== null && fromMonth === toMonth && !(fromWhole && toWhole)) {
    await addPart(toMonth, from, to);
  } else {
    const lo = from === null ? null : fromWhole ? fromMonth : shiftMonth(fromMonth!, 1);
    const hi = toWhole ? toMonth : shiftMonth(toMonth, -1);
    if (lo === null || lo <= hi)
      for (const row of await monthTotals(context, lo, hi, perMonth))
        add(out, key(row.month, row.accountId), row.moved);
    if (!fromWhole) await addPart(fromMonth!, from!, lastDay(fromMonth!));
    if (!toWhole) await addPart(toMonth, firstDay(toMonth), to);
  }
  for (const [k, moved] of out) if (moved.n <= 0) out.delete(k);
  return out;
}

/** Σ debit and Σ credit per account over journals dated in [from, to] (from open when null). */
export async function movementsByAccount(
  context: Context,
  from: string | null,
  to: string,
): Promise<Map<number, Movement>> {
  if (movementSource.fromLines) return linesByAccount(context, from, to);
  const keyed = await movements(context, from, to, false);
  return new Map([...keyed].map(([k, moved]) => [Number(k), moved]));
}

/** The same per month (YYYY-MM) and account, for reports month by month. */
export async function movementsByMonth(
  context: Context,
  from: string,
  to: string,
): Promise<Array<{ month: string; accountId: number; moved: Movement }>> {
  if (movementSource.fromLines) {
    // The old computation: one grouped query over the lines of the range.
    const month = sql<string>`substr(j.date, 1, 7)`;
    const rows = await exactSums(context.dialect, (sums) =>
      context.db
        .selectFrom('journal_transactions as t')
        .innerJoin('journals as j', (join) =>
          join.onRef('j.id', '=', 't.journal_id').onRef('j.site_id', '=', 't.site_id'),
        )
        .select((eb) => [
          month.as('month'),
          't.journal_account_id',
          eb.fn.countAll().as('n'),
          ...sums(eb.ref('t.debit'), 'debit'),
          ...sums(eb.ref('t.credit'), 'credit'),
        ])
        .where('t.site_id', '=', context.siteId)
        .where('j.date', '>=', from)
        .where('j.date', '<', dayAfter(to))
        .groupBy([month, 't.journal_account_id'])
        .execute(),
    );
    return rows.map((row) => ({
      month: String(row['month']),
      accountId: Number(row['journal_account_id']),
      moved: { n: Number(row['n']), debit: readSum(row, 'debit'), credit: readSum(row, 'credit') },
    }));
  }
  const keyed = await movements(context, from, to, true);
  return [...keyed].map(([k, moved]) => {
    const [month, accountId] = k.split('|');
    return { month: month!, accountId: Number(accountId), moved };
  });
}

/**
 * Σ debit − Σ credit of every line ever posted to each of `accountIds` (all months, and journals
 * without a date), from the month totals.
 */
export async function balancesOf(context: Context, accountIds: readonly number[]): Promise<Map<number, Dec>> {
  const out = new Map<number, Dec>();
  for (let start = 0; start < accountIds.length; start += 500) {
    const rows = await context.db
      .selectFrom('account_month_totals')
      .select([
        'journal_account_id',
        sql<string | number>`sum(debit_high - credit_high)`.as('high'),
        sql<string | number>`sum(debit_low - credit_low)`.as('low'),
      ])
      .where('site_id', '=', context.siteId)
      .where('journal_account_id', 'in', accountIds.slice(start, start + 500))
      .groupBy('journal_account_id')
      .execute();
    for (const row of rows)
      out.set(Number(row['journal_account_id']), fromStored(row['high'] ?? 0) * SPLIT + fromStored(row['low'] ?? 0));
  }
  return out;
}

export { dayBefore };
