/**
 * Maintained stock totals: Σ signed quantity and Σ signed value at cost of the movements of each
 * product and store per month and per day, kept by database triggers on `stock_transactions`
 * (docs/accounting.md, "Stock totals"). The stock valuation as of a past date reads these rows (the
 * months after the date, then the days after it in its own month) instead of every movement between
 * the date and today (domain/open-items.ts `stockSums`): half a year back at a million invoices, that
 * was 800,000 movements and more than a second.
 *
 * What a row holds: for (site_id, product_id, store_id, period), over the movements of that product
 * and store whose `date` falls in the period (`month` is the date's first seven characters, YYYY-MM;
 * `day` its first ten, YYYY-MM-DD; 'none' for a movement without a date, which no "as of" includes):
 * - `n`: how many movements;
 * - `quantity_high` × 10^9 + `quantity_low` = Σ quantity, an outgoing movement (transaction_type 2)
 *   counted negative, in millionths; the same for `value_*` over cost_value. Split as in
 *   db/account-totals.ts, so that no running total can overflow SQLite's 64-bit integers.
 *
 * Why triggers, as for the account totals: they move in the statement that writes the movement, so
 * every writer (documents, manual movements, transfers, requisitions, edits, deletes, bulk SQL) keeps
 * them right with no code of its own, a rollback takes both back, and on PostgreSQL they cost no
 * round trip.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from './connection.js';
import type { TableSpec } from './ddl.js';
import { addingUpsert, createDeltaTriggers, splitParts } from './running-totals.js';
import { STOCK_DIRECTION, STOCK_SOURCE } from '../domain/stock-sources.js';

type Period = 'month' | 'day';

const periodTable = (period: Period): TableSpec => ({
  name: `stock_${period}_totals`,
  columns: [
    'product_id int not null',
    'store_id int not null',
    `${period} text not null`,
    'n int not null',
    'quantity_high money not null',
    'quantity_low money not null',
    'value_high money not null',
    'value_low money not null',
  ],
  indexes: [[period]],
  unique: [['product_id', 'store_id', period]],
});

export const STOCK_MONTH_TOTALS_TABLE = periodTable('month');
export const STOCK_DAY_TOTALS_TABLE = periodTable('day');

/** The movement columns the totals depend on (an update of any other fires nothing). */
const WATCHED = ['site_id', 'product_id', 'store_id', 'date', 'transaction_type', 'quantity', 'cost_value'];

const LENGTH: Record<Period, number> = { month: 7, day: 10 };
const periodOf = (row: string, period: Period) => `coalesce(substr(${row}.date, 1, ${LENGTH[period]}), 'none')`;
/** A movement's signed amount: an outgoing one counts negative, as in domain/stock.ts `signedAmount`. */
const signed = (row: string, column: string) =>
  `(case when ${row}.transaction_type = ${STOCK_DIRECTION.out} then -coalesce(${row}.${column}, 0) else coalesce(${row}.${column}, 0) end)`;
const SUMMED = ['n', 'quantity_high', 'quantity_low', 'value_high', 'value_low'];
const keyOf = (period: Period) => ['site_id', 'product_id', 'store_id', period];

/** One movement (`new` or `old`) added (+1) or taken away (−1), at its month and its day. */
function movementDelta(row: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const [qh, ql] = splitParts(signed(row, 'quantity'));
  const [vh, vl] = splitParts(signed(row, 'cost_value'));
  const sums = `${s}1, ${s}(${qh}), ${s}(${ql}), ${s}(${vh}), ${s}(${vl})`;
  return (['month', 'day'] as const)
    .map((period) =>
      addingUpsert(
        `stock_${period}_totals`,
        keyOf(period),
        SUMMED,
        `select ${row}.site_id, ${row}.product_id, ${row}.store_id, ${periodOf(row, period)}, ${sums}
         where true`,
      ),
    )
    .join('; ');
}

/** Statements that recount the totals from the movements (a migration, or a bulk load made with the triggers off). */
export function rebuildStockTotalsSql(): string[] {
  const [qh, ql] = splitParts(signed('m', 'quantity'));
  const [vh, vl] = splitParts(signed('m', 'cost_value'));
  return (['month', 'day'] as const).flatMap((period) => [
    `delete from stock_${period}_totals`,
    `insert into stock_${period}_totals
        (site_id, product_id, store_id, ${period}, n, quantity_high, quantity_low, value_high, value_low)
      select m.site_id, m.product_id, m.store_id, ${periodOf('m', period)}, count(*),
        sum(${qh}), sum(${ql}), sum(${vh}), sum(${vl})
      from stock_transactions m
      group by m.site_id, m.product_id, m.store_id, ${periodOf('m', period)}`,
  ]);
}

export async function rebuildStockTotals(db: Db): Promise<void> {
  for (const statement of rebuildStockTotalsSql()) await sql.raw(statement).execute(db);
}

/** Creates the triggers that keep `stock_month_totals` and `stock_day_totals` in step with the movements. */
export function createStockTotalTriggers(db: Db, dialect: DialectName): Promise<void> {
  return createDeltaTriggers(db, dialect, {
    table: 'stock_transactions',
    name: 'stock_transactions_totals',
    fn: 'daftar_stock_totals',
    watched: WATCHED,
    delta: movementDelta,
  });
}

/**
 * Sales per product and month (`stock_sales_month_totals`): the movements of invoices, credit notes and
 * refund receipts only, over all stores, with what left counted as sold (an invoice's movement out adds,
 * a return's movement in takes away): `quantity_*` is the net quantity sold, `value_*` its cost. Kept by
 * triggers on `stock_transactions` like the totals above (migration `0028_stock_sales_totals`), so
 * the month's best sellers (`top_products`, domain/reports.ts) read a row per product, not the month's
 * invoice lines.
 */
export const STOCK_SALES_TOTALS_TABLE: TableSpec = {
  name: 'stock_sales_month_totals',
  columns: [
    'product_id int not null',
    'month text not null',
    'n int not null',
    'quantity_high money not null',
    'quantity_low money not null',
    'value_high money not null',
    'value_low money not null',
  ],
  indexes: [['month']],
  unique: [['product_id', 'month']],
};

/** The `source_type`s of sales: invoices, credit notes and refund receipts. */
export const SALES_SOURCES = [STOCK_SOURCE.invoice, STOCK_SOURCE.creditNote, STOCK_SOURCE.refundReceipt] as const;
const salesOnly = (row: string) => `${row}.source_type in (${SALES_SOURCES.join(', ')})`;

/** A sales movement (`new` or `old`) added (+1) or taken away (−1) at its product and month. */
function salesDelta(row: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const [qh, ql] = splitParts(`(-${signed(row, 'quantity')})`);
  const [vh, vl] = splitParts(`(-${signed(row, 'cost_value')})`);
  return addingUpsert(
    'stock_sales_month_totals',
    ['site_id', 'product_id', 'month'],
    SUMMED,
    `select ${row}.site_id, ${row}.product_id, ${periodOf(row, 'month')},
       ${s}1, ${s}(${qh}), ${s}(${ql}), ${s}(${vh}), ${s}(${vl})
     where ${salesOnly(row)}`,
  );
}

/** Statements that recount the sales totals from the movements. */
export function rebuildStockSalesTotalsSql(): string[] {
  const [qh, ql] = splitParts(`(-${signed('m', 'quantity')})`);
  const [vh, vl] = splitParts(`(-${signed('m', 'cost_value')})`);
  return [
    'delete from stock_sales_month_totals',
    `insert into stock_sales_month_totals
        (site_id, product_id, month, n, quantity_high, quantity_low, value_high, value_low)
      select m.site_id, m.product_id, ${periodOf('m', 'month')}, count(*), sum(${qh}), sum(${ql}), sum(${vh}), sum(${vl})
      from stock_transactions m
      where ${salesOnly('m')}
      group by m.site_id, m.product_id, ${periodOf('m', 'month')}`,
  ];
}

export async function rebuildStockSalesTotals(db: Db): Promise<void> {
  for (const statement of rebuildStockSalesTotalsSql()) await sql.raw(statement).execute(db);
}

/** Creates the triggers that keep `stock_sales_month_totals` in step with the movements. */
export function createStockSalesTriggers(db: Db, dialect: DialectName): Promise<void> {
  return createDeltaTriggers(db, dialect, {
    table: 'stock_transactions',
    name: 'stock_transactions_sales',
    fn: 'daftar_stock_sales',
    watched: [...WATCHED, 'source_type'],
    delta: salesDelta,
  });
}
