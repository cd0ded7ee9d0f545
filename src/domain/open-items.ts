/**
 * The sums behind the aged reports and the stock valuation, read without walking the whole history.
 *
 * Aged receivables and payables: a party's raises (invoices for a client, purchase invoices for a
 * supplier) are settled oldest first — by journal date, then line id — by everything that lowers its
 * balance, and what stays open is aged by days past its due date. Settled oldest first, what stays
 * open is exactly the newest raises that add up to the party's balance B (the newest in full, the
 * oldest of them in part), when B is above zero; at or below zero nothing is open and −B is a credit.
 * So `openItems` takes each party's balance as of the date from the maintained account totals
 * (domain/account-movements.ts) and reads raise lines only from a recent window: every open item
 * dated before `date_to − 90 − (the longest due_after of any invoice)` is more than 90 days past due
 * whatever its own terms, so the part of B the window's raises do not cover is all "over 90 days",
 * without reading the lines it is made of. When no raise has payment terms (a site whose invoices
 * all have `due_after` 0, and every supplier), each raise is due on its date and the buckets are
 * ranges of dates, so `openByAge` reads four range sums of the account totals instead of the lines.
 *
 * Stock valuation: `stock_positions` holds Σ signed quantity and Σ signed value at cost of every
 * movement per product and store, written in the transaction of every movement (domain/stock.ts), and
 * `stock_month_totals` / `stock_day_totals` the same per month and per day (db/stock-totals.ts), so
 * the stock as of a date is the positions minus the months after it (and the movements without a
 * date, which no "as of" includes) minus the days after it in its month, or, when the date is nearer
 * the first movement than the last, the months before it plus the days of its month up to it: a few
 * rows per product and store, whatever the number of movements.
 *
 * `openItemsFromLines` and `stockSumsFromLines` are the computations before this file (every line up
 * to the date), used when `movementSource.fromLines` is set and as the oracle the tests compare with.
 */
import { sql } from 'kysely';
import { type Dec, ZERO, fromStored } from './money.js';
import type { Context } from './context.js';
import {
  dayAfter,
  joined,
  lastDay,
  monthIndex,
  movementSource,
  movementsByAccount,
  shiftMonth,
} from './account-movements.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { signedAmount } from './stock.js';
import { scoped } from '../db/scoped.js';

/** An amount still open: its due date (YYYY-MM-DD), or null for "more than 90 days past due". */
export interface OpenItem {
  due: string | null;
  amount: Dec;
}

export interface PartyOpen {
  /**
   * Open raises, newest first (the old computation lists them oldest first), or the open amounts per
   * age bucket, each dated on its bucket's newest due day; the buckets are the same.
   */
  items: OpenItem[];
  /** What was paid beyond every raise (shown as a negative current amount). */
  credit: Dec;
}

export interface PartyAccount {
  id: number;
  name: string;
  entityId: number | null;
}

/** The accounts of clients or suppliers, in id order. */
export async function partyAccounts(context: Context, entityType: 'client' | 'supplier'): Promise<PartyAccount[]> {
  const rows = await scoped(context, 'journal_accounts')
    .selectFrom()
    .select(['id', 'name', 'entity_id'])
    .where('entity_type', '=', entityType)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row['id']),
    name: String(row['name'] ?? ''),
    entityId: row['entity_id'] === null ? null : Number(row['entity_id']),
  }));
}

function dueDate(date: string, days: number): string {
  const due = new Date(`${date}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + days);
  return due.toISOString().slice(0, 10);
}

function daysBefore(date: string, days: number): string {
  return dueDate(date, -days);
}

/** `due_after` of the given invoices (clients' raises only; a missing one is 0). */
async function dueAfterOf(context: Context, invoiceIds: number[]): Promise<Map<number, number>> {
  const dueAfter = new Map<number, number>();
  for (let start = 0; start < invoiceIds.length; start += 500) {
    const rows = await scoped(context, 'invoices')
      .selectFrom()
      .select(['id', 'due_after'])
      .where('id', 'in', invoiceIds.slice(start, start + 500))
      .execute();
    for (const row of rows) dueAfter.set(Number(row['id']), Number(row['due_after'] ?? 0));
  }
  return dueAfter;
}

type Line = Record<string, unknown>;

function raiseItem(line: Line, sign: 1n | -1n, dueAfter: Map<number, number>): { due: string; amount: Dec } {
  const date = String(line['date']).slice(0, 10);
  const days = line['entity_type'] === 'invoice' ? (dueAfter.get(Number(line['entity_id'])) ?? 0) : 0;
  return { due: dueDate(date, days), amount: sign * (fromStored(line['debit']) - fromStored(line['credit'])) };
}

/** The old computation: every line of the parties up to `to`, settled oldest first. */
export async function openItemsFromLines(
  context: Context,
  ids: number[],
  to: string,
  entityType: 'client' | 'supplier',
): Promise<Map<number, PartyOpen>> {
  const lines =
    ids.length === 0
      ? []
      : await context.db
          .selectFrom('journal_transactions as t')
          .innerJoin('journals as j', (join) =>
            join.onRef('j.id', '=', 't.journal_id').onRef('j.site_id', '=', 't.site_id'),
          )
          .select(['t.journal_account_id', 'j.date', 'j.entity_type', 'j.entity_id', 't.debit', 't.credit'])
          .where('t.site_id', '=', context.siteId)
          .where('t.journal_account_id', 'in', ids)
          .where('j.date', '<', dayAfter(to))
          .orderBy('j.date')
          .orderBy('t.id')
          .execute();
  const dueAfter =
    entityType === 'client'
      ? await dueAfterOf(context, [
          ...new Set(lines.filter((l) => l['entity_type'] === 'invoice').map((l) => Number(l['entity_id']))),
        ])
      : new Map<number, number>();
  const sign = entityType === 'client' ? 1n : -1n;
  const raises = new Map<number, Array<{ due: string; amount: Dec }>>();
  const settled = new Map<number, Dec>();
  for (const line of lines) {
    const accountId = Number(line['journal_account_id']);
    const item = raiseItem(line, sign, dueAfter);
    if (item.amount > ZERO) {
      const items = raises.get(accountId) ?? [];
      items.push(item);
      raises.set(accountId, items);
    } else settled.set(accountId, (settled.get(accountId) ?? ZERO) - item.amount);
  }
  const out = new Map<number, PartyOpen>();
  for (const accountId of new Set([...raises.keys(), ...settled.keys()])) {
    let credit = settled.get(accountId) ?? ZERO;
    const items: OpenItem[] = [];
    for (const item of raises.get(accountId) ?? []) {
      const applied = credit >= item.amount ? item.amount : credit;
      credit -= applied;
      const open = item.amount - applied;
      if (open > ZERO) items.push({ due: item.due, amount: open });
    }
    out.set(accountId, { items, credit });
  }
  return out;
}

/** The longest `due_after` of the site's invoices, in whole days, at least 0 (an index's last entry). */
async function longestTerms(context: Context): Promise<number> {
  const row = await scoped(context, 'invoices')
    .selectFrom()
    .select(sql<number | string | null>`max(due_after)`.as('longest'))
    .executeTakeFirst();
  const longest = Number(row?.longest ?? 0);
  return Number.isFinite(longest) && longest > 0 ? Math.ceil(longest) : 0;
}

/**
 * Σ debit and Σ credit per account of the lines dated up to `to`. For a date in the last year: the
 * all-time totals minus the months after `to`'s month (and undated journals) minus the days of its
 * month after it, a few rows per account; further back, movementsByAccount (which picks the
 * cheaper side by the span of months, at the cost of finding that span).
 */
async function balancesAsOf(
  context: Context,
  ids: number[],
  to: string,
): Promise<Map<number, { debit: Dec; credit: Dec }>> {
  const month = to.slice(0, 7);
  if (monthIndex(context.now.slice(0, 7)) - monthIndex(month) > 12) return movementsByAccount(context, null, to, ids);
  const wanted = new Set(ids);
  const out = new Map<number, { debit: Dec; credit: Dec }>();
  const all = await scoped(context, 'account_totals')
    .selectFrom()
    .select(['journal_account_id', 'debit_high', 'debit_low', 'credit_high', 'credit_low'])
    .execute();
  for (const row of all) {
    const id = Number(row['journal_account_id']);
    if (!wanted.has(id)) continue;
    out.set(id, {
      debit: joined(row['debit_high'], row['debit_low']),
      credit: joined(row['credit_high'], row['credit_low']),
    });
  }
  const take = (id: number, debit: Dec, credit: Dec) => {
    const at = out.get(id);
    if (at) out.set(id, { debit: at.debit - debit, credit: at.credit - credit });
  };
  const later = await scoped(context, 'account_month_totals')
    .selectFrom()
    .select(['journal_account_id', 'debit_high', 'debit_low', 'credit_high', 'credit_low'])
    // Every later month, and 'none' (undated journals), which sorts after any month.
    .where('month', '>=', shiftMonth(month, 1))
    .execute();
  for (const row of later)
    take(
      Number(row['journal_account_id']),
      joined(row['debit_high'], row['debit_low']),
      joined(row['credit_high'], row['credit_low']),
    );
  const start = dayAfter(to);
  const end = `${shiftMonth(month, 1)}-01`;
  if (start < end) {
    // The days of the month after `to`, from the day totals.
    const days = await scoped(context, 'account_day_totals')
      .selectFrom()
      .select(['journal_account_id', 'debit_high', 'debit_low', 'credit_high', 'credit_low'])
      .where('day', '>=', start)
      .where('day', '<', end)
      .execute();
    for (const row of days)
      take(
        Number(row['journal_account_id']),
        joined(row['debit_high'], row['debit_low']),
        joined(row['credit_high'], row['credit_low']),
      );
  }
  return out;
}

/** Open items per party account as of `to` (see the file's comment); the same as openItemsFromLines. */
export async function openItems(
  context: Context,
  ids: number[],
  to: string,
  entityType: 'client' | 'supplier',
): Promise<Map<number, PartyOpen>> {
  if (movementSource.fromLines) return openItemsFromLines(context, ids, to, entityType);
  const out = new Map<number, PartyOpen>();
  if (ids.length === 0) return out;
  const sign = entityType === 'client' ? 1n : -1n;
  const balances = await balancesAsOf(context, ids, to);
  const owed = new Map<number, Dec>();
  for (const id of ids) {
    const moved = balances.get(id);
    if (!moved) continue;
    const balance = sign * (moved.debit - moved.credit);
    if (balance > ZERO) owed.set(id, balance);
    else out.set(id, { items: [], credit: -balance });
  }
  if (owed.size === 0) return out;
  const terms = entityType === 'client' ? await longestTerms(context) : 0;
  if (terms === 0) {
    for (const [accountId, open] of await openByAge(context, owed, to, sign)) out.set(accountId, open);
    return out;
  }
  // Every open item dated before `from` is more than 90 days past due, whatever its terms.
  const from = daysBefore(to, 90 + terms);
  const lines = await context.db
    .selectFrom('journals as j')
    .innerJoin('journal_transactions as t', (join) =>
      join.onRef('t.journal_id', '=', 'j.id').onRef('t.site_id', '=', 'j.site_id'),
    )
    .innerJoin('journal_accounts as a', (join) =>
      join.onRef('a.id', '=', 't.journal_account_id').onRef('a.site_id', '=', 't.site_id'),
    )
    // A client's invoice raise is due `due_after` days after its date (a missing invoice: on the date).
    .leftJoin('invoices as i', (join) =>
      join
        .onRef('i.id', '=', 'j.entity_id')
        .onRef('i.site_id', '=', 'j.site_id')
        .on('j.entity_type', '=', entityType === 'client' ? 'invoice' : ''),
    )
    .select(['t.journal_account_id', 'j.date', 'j.entity_type', 'j.entity_id', 't.debit', 't.credit', 'i.due_after'])
    .where('j.site_id', '=', context.siteId)
    .where('j.date', '>=', from)
    .where('j.date', '<', dayAfter(to))
    .where('a.entity_type', '=', entityType)
    // Newest first: the exact reverse of the settling order (date, then line id).
    .orderBy('j.date', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
  const wanted = lines.filter((line) => {
    const left = owed.get(Number(line['journal_account_id']));
    return left !== undefined && sign * (fromStored(line['debit']) - fromStored(line['credit'])) > ZERO;
  });
  const dueAfter = new Map<number, number>();
  for (const line of wanted)
    if (line['entity_type'] === 'invoice' && entityType === 'client')
      dueAfter.set(Number(line['entity_id']), Number(line['due_after'] ?? 0));
  const items = new Map<number, OpenItem[]>();
  for (const line of wanted) {
    const accountId = Number(line['journal_account_id']);
    const left = owed.get(accountId)!;
    if (left === ZERO) continue;
    const item = raiseItem(line, sign, dueAfter);
    const open = item.amount < left ? item.amount : left;
    owed.set(accountId, left - open);
    const list = items.get(accountId) ?? [];
    list.push({ due: item.due, amount: open });
    items.set(accountId, list);
  }
  for (const [accountId, left] of owed) {
    const list = items.get(accountId) ?? [];
    if (left > ZERO) list.push({ due: null, amount: left });
    out.set(accountId, { items: list, credit: ZERO });
  }
  return out;
}

/** The age buckets as days before the date: [newest, oldest] of each, newest first (over 90 is the rest). */
const AGES: ReadonlyArray<[number, number]> = [
  [0, 0],
  [1, 30],
  [31, 60],
  [61, 90],
];

/**
 * Open amounts per age bucket when every raise is due on its own date: no invoice of the site has
 * payment terms (and a supplier's raises never have). Settled oldest first, the open part of the raises
 * dated from x up to `to` is min(B, R(x)), B the balance and R(x) the sum of those raises, so each
 * bucket is the difference of two of them and the rest of B is over 90 days. R comes from the account
 * totals of each bucket's days (domain/account-movements.ts), four range sums read once each, instead
 * of the window's lines. A client's raises are its account's debits and a supplier's its credits,
 * because every line is one-sided and not negative (every posting is, domain/books.ts `compact`, and a
 * manual journal must be, resources/journals.ts; test/support/db-state.ts checks it).
 */
async function openByAge(
  context: Context,
  owed: Map<number, Dec>,
  to: string,
  sign: 1n | -1n,
): Promise<Map<number, PartyOpen>> {
  const ids = [...owed.keys()];
  const raised: Array<Map<number, Dec>> = [];
  for (const [newest, oldest] of AGES) {
    const moved = await movementsByAccount(context, daysBefore(to, oldest), daysBefore(to, newest), ids);
    raised.push(new Map([...moved].map(([id, m]) => [id, sign === 1n ? m.debit : m.credit])));
  }
  const out = new Map<number, PartyOpen>();
  for (const [accountId, balance] of owed) {
    // Each bucket's item is dated on the bucket's newest due day (the report only buckets them).
    const items: OpenItem[] = [];
    let since = ZERO;
    let newer = ZERO;
    AGES.forEach(([newest], k) => {
      since += raised[k]!.get(accountId) ?? ZERO;
      const open = since < balance ? since : balance;
      if (open > newer) items.push({ due: daysBefore(to, newest), amount: open - newer });
      newer = open;
    });
    if (balance > newer) items.push({ due: null, amount: balance - newer });
    out.set(accountId, { items, credit: ZERO });
  }
  return out;
}

export interface StockSum {
  productId: number;
  storeId: number;
  quantity: Dec;
  value: Dec;
}

interface StockFilter {
  storeId: number | null;
  productId: number | null;
}

/** Σ signed quantity and value per product and store of the movements dated before `before` (the old computation). */
async function movementsBefore(context: Context, filter: StockFilter, before: string): Promise<StockSum[]> {
  const found = await exactSums(context.dialect, (sums) => {
    let movements = scoped(context, 'stock_transactions')
      .selectFrom()
      .select((eb) => [
        'product_id',
        'store_id',
        ...sums(signedAmount(eb, 'quantity'), 'quantity'),
        ...sums(signedAmount(eb, 'cost_value'), 'value'),
      ])
      .where('date', '<', before);
    if (filter.storeId !== null) movements = movements.where('store_id', '=', filter.storeId);
    if (filter.productId !== null) movements = movements.where('product_id', '=', filter.productId);
    return movements.groupBy(['product_id', 'store_id']).execute();
  });
  return found.map((row) => ({
    productId: Number(row['product_id']),
    storeId: Number(row['store_id']),
    quantity: readSum(row, 'quantity'),
    value: readSum(row, 'value'),
  }));
}

/** The old computation: every movement dated up to `to`, summed. */
export function stockSumsFromLines(context: Context, filter: StockFilter, to: string): Promise<StockSum[]> {
  return movementsBefore(context, filter, dayAfter(to));
}

/** Σ per product and store of the stock totals (db/stock-totals.ts) with `period` in [lo, hi] (text order). */
async function stockTotals(
  context: Context,
  filter: StockFilter,
  period: 'month' | 'day',
  lo: string,
  hi: string,
): Promise<StockSum[]> {
  let query = scoped(context, period === 'month' ? 'stock_month_totals' : 'stock_day_totals')
    .selectFrom()
    .select([
      'product_id',
      'store_id',
      sql<string | number>`sum(quantity_high)`.as('qh'),
      sql<string | number>`sum(quantity_low)`.as('ql'),
      sql<string | number>`sum(value_high)`.as('vh'),
      sql<string | number>`sum(value_low)`.as('vl'),
    ])
    .where(period, '>=', lo)
    .where(period, '<=', hi);
  if (filter.storeId !== null) query = query.where('store_id', '=', filter.storeId);
  if (filter.productId !== null) query = query.where('product_id', '=', filter.productId);
  const rows = await query.groupBy(['product_id', 'store_id']).execute();
  return rows.map((row) => ({
    productId: Number(row['product_id']),
    storeId: Number(row['store_id']),
    quantity: joined(row['qh'], row['ql']),
    value: joined(row['vh'], row['vl']),
  }));
}

/** Sums per product and store, added to or taken from. */
class StockTally {
  readonly sums = new Map<string, StockSum>();
  add(rows: StockSum[], sign: 1n | -1n = 1n): void {
    for (const row of rows) {
      const key = `${row.productId}:${row.storeId}`;
      const at = this.sums.get(key) ?? { productId: row.productId, storeId: row.storeId, quantity: ZERO, value: ZERO };
      this.sums.set(key, { ...at, quantity: at.quantity + sign * row.quantity, value: at.value + sign * row.value });
    }
  }
}

/**
 * Quantity and value per product and store as of `to`, from the stock totals: today's positions minus
 * the months after `to`'s month (undated movements too, whose month 'none' sorts after every month),
 * or the months before it, whichever side has fewer months; then the part of `to`'s own month on the
 * same side, as its days or as the month's total minus the days of the other part, whichever is
 * fewer days. Rows of zero may be included (the report leaves them out).
 */
export async function stockSums(context: Context, filter: StockFilter, to: string): Promise<StockSum[]> {
  if (movementSource.fromLines) return stockSumsFromLines(context, filter, to);
  const end = async (direction: 'asc' | 'desc') => {
    // One end of the (site_id, month) index each: a min and a max in one query would read all of it.
    const row = await scoped(context, 'stock_month_totals')
      .selectFrom()
      .select('month')
      .where('month', '>=', '0000-00')
      .where('month', '<=', '9999-99')
      .orderBy('month', direction)
      .limit(1)
      .executeTakeFirst();
    return row ? String(row.month) : null;
  };
  const first = await end('asc');
  const last = first ? await end('desc') : null;
  const month = to.slice(0, 7);
  const finish = lastDay(month);
  const tally = new StockTally();
  const laterDays = Number(finish.slice(8)) - Number(to.slice(8, 10));
  const earlierDays = Number(to.slice(8, 10));
  // The days of `to`'s month after `to` (`after`) or up to it, added with `sign`: as those days' rows,
  // or as the month's row minus the other days' rows, whichever reads fewer days.
  const partOfMonth = async (after: boolean, sign: 1n | -1n) => {
    const [wanted, other] = after ? [laterDays, earlierDays] : [earlierDays, laterDays];
    if (wanted === 0) return;
    const later: [string, string] = [dayAfter(to), finish];
    const earlier: [string, string] = [`${month}-01`, to];
    if (wanted <= other) {
      tally.add(await stockTotals(context, filter, 'day', ...(after ? later : earlier)), sign);
      return;
    }
    tally.add(await stockTotals(context, filter, 'month', month, month), sign);
    if (other > 0)
      tally.add(await stockTotals(context, filter, 'day', ...(after ? earlier : later)), sign === 1n ? -1n : 1n);
  };
  if (last === null || monthIndex(last) - monthIndex(month) <= monthIndex(month) - monthIndex(first!)) {
    let positions = scoped(context, 'stock_positions')
      .selectFrom()
      .select(['product_id', 'store_id', 'quantity', 'value']);
    if (filter.storeId !== null) positions = positions.where('store_id', '=', filter.storeId);
    if (filter.productId !== null) positions = positions.where('product_id', '=', filter.productId);
    tally.add(
      (await positions.execute()).map((row) => ({
        productId: Number(row['product_id']),
        storeId: Number(row['store_id']),
        quantity: fromStored(row['quantity']),
        value: fromStored(row['value']),
      })),
    );
    // Every later month, and 'none' (undated movements), which sorts after any month.
    tally.add(await stockTotals(context, filter, 'month', shiftMonth(month, 1), 'none'), -1n);
    await partOfMonth(true, -1n);
  } else {
    tally.add(await stockTotals(context, filter, 'month', '0000-00', shiftMonth(month, -1)));
    await partOfMonth(false, 1n);
  }
  return [...tally.sums.values()];
}
