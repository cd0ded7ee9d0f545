/**
 * Maintained account totals: Σ debit, Σ credit and the number of lines posted to each account in each
 * month, kept by database triggers on `journal_transactions` and `journals` (docs/accounting.md,
 * "Account totals"). Reports that need period sums read these rows for the whole months of their range
 * and journal lines only for the part-months at its edges (domain/account-movements.ts).
 *
 * What a row holds: for (site_id, journal_account_id, month), over the lines of that account whose
 * journal exists and is dated in that month (`month` is the first seven characters of the journal's
 * date, YYYY-MM; 'none' for a journal without a date, which no dated range includes):
 * - `n`: how many such lines (an account "has lines in a range" when the sum of n is above zero);
 * - `debit_high` × 10^9 + `debit_low` = Σ debit, and the same for credit, in millionths. A plain running
 *   total would not do: a stored amount is below 9 × 10^18 millionths, but a total of many is not,
 *   and SQLite's `+` turns an integer overflow into a floating-point value without a word. Each line
 *   adds debit / 10^9 (truncated) to the high part and debit % 10^9 to the low part (both engines
 *   truncate toward zero, so the parts carry the sign and high × 10^9 + low is the amount exactly);
 *   each part stays inside 64 bits for a billion lines. The same split as db/exact-sum.ts.
 *
 * `account_totals` holds the same over all time, one row per account (every month, 'none' included):
 * a balance as of a recent date is that row minus the few months after the date. `account_day_totals`
 * holds the same per day, for the part-months at a range's edges (a day's rows instead of its lines:
 * at a million invoices, half a month of lines took about 90 ms to sum), and `account_year_totals`
 * per year, so a long range reads a row per account and year for its whole years.
 *
 * Why triggers: they run inside the statement that writes the lines, so the totals move in the same
 * transaction by construction (a rollback or a fault takes both back), every writer (automatic journals
 * of every document kind, manual journals, edits, deletes, the engine's child rows, bulk SQL) goes
 * through them with no code of its own, and on PostgreSQL they cost no round trip.
 */
import { sql } from 'kysely';
import type { Db, DialectName } from './connection.js';
import type { TableSpec } from './ddl.js';
import { addingUpsert, createDeltaTriggers, splitParts } from './running-totals.js';

const SUMMED = ['n', 'debit_high', 'debit_low', 'credit_high', 'credit_low'];

/** A totals table: per site, account and `period` (a text key), or over all time when there is none. */
function totalsTable(name: string, period: 'month' | 'day' | 'year' | null): TableSpec {
  const key = period ? [period] : [];
  return {
    name,
    columns: [
      'journal_account_id int not null',
      ...key.map((column) => `${column} text not null`),
      ...SUMMED.map((column) => `${column} ${column === 'n' ? 'int' : 'money'} not null`),
    ],
    ...(period ? { indexes: [[period]] } : {}),
    unique: [['journal_account_id', ...key]],
  };
}

export const ACCOUNT_TOTALS_TABLE = totalsTable('account_month_totals', 'month');
/**
 * The same per day (`day` the journal date's first ten characters, YYYY-MM-DD, or 'none'): the part of
 * a month at a range's edge is read as its days' rows, never as its journal lines.
 */
export const ACCOUNT_DAY_TOTALS_TABLE = totalsTable('account_day_totals', 'day');
/** The same per year (`year` the journal date's first four characters, YYYY, or 'none'). */
export const ACCOUNT_YEAR_TOTALS_TABLE = totalsTable('account_year_totals', 'year');
/** The same over all time, one row per account: what a balance as of today starts from. */
export const ACCOUNT_ALL_TIME_TABLE = totalsTable('account_totals', null);

/** The month key of a journal row (`j` a table alias or `new`/`old`). */
const monthOf = (row: string) => `coalesce(substr(${row}.date, 1, 7), 'none')`;
/** Its day key. */
const dayOf = (row: string) => `coalesce(substr(${row}.date, 1, 10), 'none')`;
/** Its year key. */
const yearOf = (row: string) => `coalesce(substr(${row}.date, 1, 4), 'none')`;

type TotalsTable = 'account_month_totals' | 'account_day_totals' | 'account_year_totals' | 'account_totals';
/** Each table's key after site_id and account, and how a journal row gives it. */
const PERIODS: ReadonlyArray<[TotalsTable, string, ((row: string) => string) | null]> = [
  ['account_month_totals', 'month', monthOf],
  ['account_day_totals', 'day', dayOf],
  ['account_year_totals', 'year', yearOf],
  ['account_totals', '', null],
];
/** The upsert of deltas from `source` (site_id, journal_account_id, the period's key, then the sums). */
const upsert = (table: TotalsTable, period: string, source: string) =>
  addingUpsert(table, ['site_id', 'journal_account_id', ...(period ? [period] : [])], SUMMED, source);

/** One line (`new` or `old`) added (+1) or taken away (−1), at its journal's month and over all time. */
function lineDelta(row: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const [dh, dl] = splitParts(`coalesce(${row}.debit, 0)`);
  const [ch, cl] = splitParts(`coalesce(${row}.credit, 0)`);
  const sums = `${s}1, ${s}(${dh}), ${s}(${dl}), ${s}(${ch}), ${s}(${cl})`;
  const journal = `from journals j where j.site_id = ${row}.site_id and j.id = ${row}.journal_id`;
  return PERIODS.map(([table, period, keyOf]) =>
    upsert(
      table,
      period,
      `select ${row}.site_id, ${row}.journal_account_id, ${keyOf ? `${keyOf('j')}, ` : ''}${sums} ${journal}`,
    ),
  ).join('; ');
}

/** Every line of journal `row` (`new` or `old`) added or taken away, at `row`'s month and over all time. */
function journalDelta(row: 'new' | 'old', sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const [dh, dl] = splitParts('coalesce(t.debit, 0)');
  const [ch, cl] = splitParts('coalesce(t.credit, 0)');
  const sums = `${s}count(*), ${s}sum(${dh}), ${s}sum(${dl}), ${s}sum(${ch}), ${s}sum(${cl})`;
  const lines = `from journal_transactions t where t.site_id = ${row}.site_id and t.journal_id = ${row}.id
    group by t.site_id, t.journal_account_id`;
  return PERIODS.map(([table, period, keyOf]) =>
    upsert(table, period, `select t.site_id, t.journal_account_id, ${keyOf ? `${keyOf(row)}, ` : ''}${sums} ${lines}`),
  ).join('; ');
}

const LINE_COLUMNS = ['site_id', 'journal_id', 'journal_account_id', 'debit', 'credit'];

/**
 * Fills `into` from the finer table `from`, summing its rows per account and `key` (an expression of
 * `from`'s own key, e.g. the month of a day; null for the all-time rows).
 */
function rollUp(into: TotalsTable, period: string, from: TotalsTable, key: string | null): string {
  const keyed = key ? `, ${key}` : '';
  return `insert into ${into} (site_id, journal_account_id${period ? `, ${period}` : ''}, ${SUMMED.join(', ')})
      select site_id, journal_account_id${keyed}, ${SUMMED.map((column) => `sum(${column})`).join(', ')}
      from ${from} group by site_id, journal_account_id${keyed}`;
}

/** Statements that recount the year totals from the month totals. */
export function rebuildAccountYearTotalsSql(): string[] {
  return [
    'delete from account_year_totals',
    rollUp('account_year_totals', 'year', 'account_month_totals', 'substr(month, 1, 4)'),
  ];
}

/** Statements that recount the day totals from the journal lines. */
export function rebuildAccountDayTotalsSql(): string[] {
  const [dh, dl] = splitParts('coalesce(t.debit, 0)');
  const [ch, cl] = splitParts('coalesce(t.credit, 0)');
  return [
    'delete from account_day_totals',
    `insert into account_day_totals
        (site_id, journal_account_id, day, n, debit_high, debit_low, credit_high, credit_low)
      select t.site_id, t.journal_account_id, ${dayOf('j')}, count(*),
        sum(${dh}), sum(${dl}), sum(${ch}), sum(${cl})
      from journal_transactions t
      inner join journals j on j.site_id = t.site_id and j.id = t.journal_id
      group by t.site_id, t.journal_account_id, ${dayOf('j')}`,
  ];
}

/** Statements that recount the totals from the journal lines (a migration, or a bulk load made with the triggers off). */
export function rebuildAccountTotalsSql(): string[] {
  return [
    ...rebuildAccountDayTotalsSql(),
    'delete from account_month_totals',
    'delete from account_totals',
    // The months from the days: the same sums, a fraction of the rows to read.
    rollUp('account_month_totals', 'month', 'account_day_totals', 'substr(day, 1, 7)'),
    rollUp('account_totals', '', 'account_month_totals', null),
    ...rebuildAccountYearTotalsSql(),
  ];
}

/**
 * Creates the triggers that keep `account_month_totals` in step:
 * - a line inserted, deleted, or updated in an amount, account or journal: its delta at its journal's month;
 * - a journal deleted: what its remaining lines had added (the engine may delete a journal before its
 *   lines; the lines' own delete then finds no journal and adds nothing);
 * - a journal's date moved to another day (or its site changed): its lines moved with it.
 * A line written before its journal exists is not counted (no writer does that: a journal's lines are
 * written with it or after it, and reports join lines to journals just the same).
 */
export async function createAccountTotalTriggers(db: Db, dialect: DialectName): Promise<void> {
  await createDeltaTriggers(db, dialect, {
    table: 'journal_transactions',
    name: 'journal_transactions_totals',
    fn: 'daftar_totals_line',
    watched: LINE_COLUMNS,
    delta: lineDelta,
  });
  const differ = dialect === 'sqlite' ? 'is not' : 'is distinct from';
  const journalChanged = `old.site_id ${differ} new.site_id or old.id ${differ} new.id or ${dayOf('old')} ${differ} ${dayOf('new')}`;
  const statements =
    dialect === 'sqlite'
      ? [
          // BEFORE delete: the lines are still there to be summed, the journal row too.
          `create trigger "journals_totals_delete" before delete on "journals"
        begin ${journalDelta('old', -1)}; end`,
          `create trigger "journals_totals_update" after update of "site_id", "id", "date" on "journals"
        when ${journalChanged} begin ${journalDelta('old', -1)}; ${journalDelta('new', 1)}; end`,
        ]
      : [
          `create or replace function "daftar_totals_journal"() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then ${journalDelta('old', -1)}; end if;
        if tg_op = 'UPDATE' then ${journalDelta('new', 1)}; end if;
        if tg_op = 'DELETE' then return old; end if;
        return null;
      end $$`,
          `create trigger "journals_totals_delete" before delete on "journals"
      for each row execute function "daftar_totals_journal"()`,
          `create trigger "journals_totals_update" after update of "site_id", "id", "date" on "journals"
      for each row when (${journalChanged}) execute function "daftar_totals_journal"()`,
        ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const TRIGGERS: ReadonlyArray<[string, string]> = [
  ['journal_transactions_totals_insert', 'journal_transactions'],
  ['journal_transactions_totals_delete', 'journal_transactions'],
  ['journal_transactions_totals_update', 'journal_transactions'],
  ['journals_totals_delete', 'journals'],
  ['journals_totals_update', 'journals'],
];

/** Drops the triggers createAccountTotalTriggers makes (to make them again with another definition). */
export async function dropAccountTotalTriggers(db: Db, dialect: DialectName): Promise<void> {
  for (const [name, table] of TRIGGERS)
    await sql.raw(`drop trigger if exists "${name}"${dialect === 'postgres' ? ` on "${table}"` : ''}`).execute(db);
}

export async function rebuildAccountTotals(db: Db): Promise<void> {
  for (const statement of rebuildAccountTotalsSql()) await sql.raw(statement).execute(db);
}
