/**
 * Maintained open amounts: Σ `summary_unpaid` of the invoices clients still owe on, per site and due
 * day, kept by database triggers on `invoices` (docs/accounting.md, "Open amounts"). The dashboard's
 * "unpaid" and "overdue" figures (reports.ts, `monthlySummary`) read these rows instead of every open
 * invoice: at a million invoices, about 400,000 are open, and summing them took 720 ms.
 *
 * What a row holds: for (site_id, due_date), over the invoices that count as open (type 0 invoice or
 * 16 debit note, not a draft, payment_status 0 unpaid or 1 partly paid — the monthly summary's
 * definition) whose due date (`date` + `due_after` days, YYYY-MM-DD; 'none' when the invoice has no
 * date) is that day:
 * - `n`: how many such invoices;
 * - `unpaid_high` × 10^9 + `unpaid_low` = Σ summary_unpaid in millionths, split as in
 *   db/account-totals.ts so that no running total can overflow SQLite's 64-bit integers.
 *
 * Why per due day rather than per month: "overdue" is what is due before today, so a month key would
 * need the current month's invoices read apart (and an index on a computed due date); a day key makes
 * both figures one range sum over the site's rows, of which there is about one per calendar day that
 * invoices fall due on (a thousand or so for three years of trading), whatever the number of invoices.
 *
 * The triggers fire on an insert, a delete, and an update of any column the definition reads; each
 * takes the old row's share away and adds the new row's, in the statement that writes the invoice.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from './connection.js';
import type { TableSpec } from './ddl.js';
import { addingUpsert, createDeltaTriggers, splitParts } from './running-totals.js';

export const OPEN_AMOUNTS_TABLE: TableSpec = {
  name: 'open_amounts',
  columns: ['due_date text not null', 'n int not null', 'unpaid_high money not null', 'unpaid_low money not null'],
  unique: [['due_date']],
};

/** The invoice columns the open amounts depend on (an update of any other fires nothing). */
export const OPEN_AMOUNT_COLUMNS = [
  'site_id',
  'type',
  'draft',
  'payment_status',
  'summary_unpaid',
  'date',
  'due_after',
];

/** The due day of invoice row `row` (`new`, `old` or a table alias), as the monthly summary computes it. */
export function dueDateSql(dialect: DialectName, row: string): string {
  const due =
    dialect === 'postgres'
      ? `to_char(cast(${row}.date as date) + cast(coalesce(${row}.due_after, 0) as integer), 'YYYY-MM-DD')`
      : `date(${row}.date, '+' || coalesce(${row}.due_after, 0) || ' days')`;
  return `coalesce(${due}, 'none')`;
}

/** Whether invoice row `row` counts as open. */
function openSql(row: string): string {
  return `${row}.type in (0, 16) and ${row}.draft = 0 and ${row}.payment_status in (0, 1)`;
}

/** One invoice (`new` or `old`) added (+1) or taken away (−1), when it counts as open. */
function invoiceDelta(dialect: DialectName, row: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const [high, low] = splitParts(`coalesce(${row}.summary_unpaid, 0)`);
  return addingUpsert(
    'open_amounts',
    ['site_id', 'due_date'],
    ['n', 'unpaid_high', 'unpaid_low'],
    `select ${row}.site_id, ${dueDateSql(dialect, row)}, ${s}1, ${s}(${high}), ${s}(${low})
    where ${openSql(row)}`,
  );
}

/** Statements that recount the open amounts from the invoices (a migration, or a bulk load made with the triggers off). */
export function rebuildOpenAmountsSql(dialect: DialectName): string[] {
  const [high, low] = splitParts('coalesce(i.summary_unpaid, 0)');
  const due = dueDateSql(dialect, 'i');
  return [
    'delete from open_amounts',
    `insert into open_amounts (site_id, due_date, n, unpaid_high, unpaid_low)
      select i.site_id, ${due}, count(*), sum(${high}), sum(${low})
      from invoices i where ${openSql('i')}
      group by i.site_id, ${due}`,
  ];
}

export async function rebuildOpenAmounts(db: Db, dialect: DialectName): Promise<void> {
  for (const statement of rebuildOpenAmountsSql(dialect)) await sql.raw(statement).execute(db);
}

/** Creates the triggers that keep `open_amounts` in step with `invoices`. */
export function createOpenAmountTriggers(db: Db, dialect: DialectName): Promise<void> {
  return createDeltaTriggers(db, dialect, {
    table: 'invoices',
    name: 'invoices_open',
    fn: 'daftar_open_amounts',
    watched: OPEN_AMOUNT_COLUMNS,
    delta: (row, sign) => invoiceDelta(dialect, row, sign),
  });
}
