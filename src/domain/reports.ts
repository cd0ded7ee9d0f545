/**
 * Financial and stock reports, all derived from the books (journal transactions) and the stock ledger,
 * in the site currency. Every report takes a date range (`date_from`, `date_to`; the balance sheet and
 * the aged reports are "as of" `date_to`), and they agree with each other by construction: they read
 * the same postings, and the balance sheet places the profit to date in equity.
 *
 * A report is a list of flat rows (what the CSV form prints) plus totals and, for some, extra figures.
 */
import { type Dec, ZERO, currencyDecimals, divTo, formatDec, fromStored } from './money.js';
import { validationError } from './errors.js';
import { sql } from 'kysely';
import type { Context } from './context.js';
import { costCenterReport } from './cost-center-report.js';
import {
  type Movement,
  dayAfter,
  dayBefore,
  joined,
  lastDay,
  movementSource,
  movementsByAccount,
  movementsByMonth,
} from './account-movements.js';
import { scoped } from '../db/scoped.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { openItems, partyAccounts, stockSums } from './open-items.js';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

interface ReportHead {
  name: string;
  title: string;
  currency_code: string;
  date_from: string | null;
  date_to: string;
  columns: string[];
}

export interface Report extends ReportHead {
  rows: Row[];
  totals: Row;
  [extra: string]: unknown;
}

export interface ReportQuery {
  date_from: string | null;
  date_to: string;
  params: Record<string, unknown>;
}

/** The five kinds of account, by the root folder of the chart each account sits under. */
type AccountClass = 'assets' | 'liabilities' | 'equity' | 'revenue' | 'expenses';
const CLASSES: AccountClass[] = ['assets', 'liabilities', 'equity', 'revenue', 'expenses'];
/** Classes whose balance is naturally a debit. */
const DEBIT_NATURED = new Set<AccountClass>(['assets', 'expenses']);

interface Account {
  id: number;
  code: string;
  name: string;
  class: AccountClass;
  entityType: string | null;
  entityId: number | null;
  /** The folder (journal_cats.id) the account sits in. */
  folder: number;
}

const money = (value: Dec): string => formatDec(value);

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** Reads and checks the date range of a report request (400 naming the parameter when invalid). */
export function reportQuery(context: Context, params: Record<string, unknown>): ReportQuery {
  const errors: Record<string, string> = {};
  const read = (name: string): string | null => {
    const raw = params[name];
    if (raw === undefined || raw === '') return null;
    if (typeof raw !== 'string' || !validDate(raw)) {
      errors[name] = 'must be a date written YYYY-MM-DD';
      return null;
    }
    return raw;
  };
  const from = read('date_from');
  const to = read('date_to') ?? context.now.slice(0, 10);
  if (from && to && from > to) errors['date_from'] = 'must not be after date_to';
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { date_from: from, date_to: to, params };
}

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

function idParam(params: Record<string, unknown>, name: string, required: boolean): number | null {
  const raw = params[name];
  if (raw === undefined || raw === '') {
    if (required) throw validationError({ [name]: 'is required' });
    return null;
  }
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw))
    throw validationError({ [name]: 'must be an id (a positive whole number)' });
  return Number(raw);
}

async function chart(context: Context): Promise<Map<number, Account>> {
  const cats = await scoped(context, 'journal_cats')
    .selectFrom()
    .select(['id', 'system_key', 'type', 'journal_cat_id'])
    .execute();
  const catById = new Map(cats.map((cat) => [Number(cat['id']), cat]));
  const classOfCat = (catId: number): AccountClass => {
    let cat = catById.get(catId);
    for (let depth = 0; cat && cat['journal_cat_id'] !== null && depth < 50; depth += 1) {
      const parent = catById.get(Number(cat['journal_cat_id']));
      if (!parent) break;
      cat = parent;
    }
    const key = String(cat?.['system_key'] ?? '');
    if ((CLASSES as string[]).includes(key)) return key as AccountClass;
    return String(cat?.['type'] ?? '0') === '0' ? 'assets' : 'liabilities';
  };
  const accounts = await scoped(context, 'journal_accounts')
    .selectFrom()
    .select(['id', 'code', 'name', 'journal_cat_id', 'entity_type', 'entity_id'])
    .execute();
  return new Map(
    accounts.map((row) => [
      Number(row['id']),
      {
        id: Number(row['id']),
        code: String(row['code'] ?? ''),
        name: String(row['name'] ?? ''),
        class: classOfCat(Number(row['journal_cat_id'])),
        entityType: row['entity_type'] === null ? null : String(row['entity_type']),
        entityId: row['entity_id'] === null ? null : Number(row['entity_id']),
        folder: Number(row['journal_cat_id']),
      },
    ]),
  );
}

/**
 * Σ debit and Σ credit per account over journals dated in [from, to] (from open when null): whole
 * months from the maintained totals, part-months from the lines (domain/account-movements.ts).
 */
const totalsByAccount = movementsByAccount;

/** The sums between two balances (closing − opening), per account with lines between them. */
function periodOf(opening: Map<number, Movement>, closing: Map<number, Movement>): Map<number, Movement> {
  const out = new Map<number, Movement>();
  for (const [accountId, close] of closing) {
    const open = opening.get(accountId) ?? { n: 0, debit: ZERO, credit: ZERO };
    const n = close.n - open.n;
    if (n > 0) out.set(accountId, { n, debit: close.debit - open.debit, credit: close.credit - open.credit });
  }
  return out;
}

function base(context: Context, name: string, title: string, query: ReportQuery, columns: string[]): ReportHead {
  return {
    name,
    title,
    currency_code: context.site.currency_code,
    date_from: query.date_from,
    date_to: query.date_to,
    columns,
  };
}

function sortedAccounts(accounts: Map<number, Account>, ids: Iterable<number>): Account[] {
  return [...new Set(ids)]
    .map((id) => accounts.get(id))
    .filter((a): a is Account => a !== undefined)
    .sort((a, b) => (a.code === b.code ? a.id - b.id : a.code < b.code ? -1 : 1));
}

/** Party sub-accounts: the one account each client or supplier has, under its parent folder. */
const PARTY_TYPES = new Set(['client', 'supplier']);

/** A report row before its amounts are printed: the account it is of (null for a computed row). */
interface Line {
  account: Account | null;
  row: Row;
  amounts: Dec[];
}

/** The rows of `lines`, their amounts printed into the columns `amounts` names, in that order. */
function printed(lines: Line[], amounts: string[]): Row[] {
  return lines.map(({ row, amounts: values }) => {
    const out: Row = { ...row };
    amounts.forEach((column, i) => {
      out[column] = money(values[i]!);
    });
    return out;
  });
}

/**
 * `fold=parties` (the console's balance sheet and trial balance): the rows of party sub-accounts (one
 * per client or supplier, ten thousand at the bench's data set) summed into one row per parent folder
 * and class, with `journal_cat_id` and the number of `accounts` folded; each amount column of a folded
 * row is the sum of its accounts' rows, so the report's totals stay what they are. The rows of other
 * accounts are as without the parameter. `fold=parties&journal_cat_id=N` lists only the party
 * accounts of folder N instead, unfolded (a folded row's detail), with the same totals. Folding is
 * done on the amounts before they are printed: ten thousand rows are never formatted to be summed.
 */
async function foldParties(context: Context, query: ReportQuery, lines: Line[], amounts: string[]): Promise<Row[]> {
  const fold = query.params['fold'];
  if (fold === undefined || fold === '') return printed(lines, amounts);
  if (fold !== 'parties')
    throw validationError({ fold: 'must be "parties" (party accounts summed into their folder) or left out' });
  const party = (line: Line) =>
    line.account && line.account.entityType !== null && PARTY_TYPES.has(line.account.entityType)
      ? line.account
      : undefined;
  const only = idParam(query.params, 'journal_cat_id', false);
  if (only !== null)
    return printed(
      lines.filter((line) => party(line)?.folder === only),
      amounts,
    );
  const folders = new Map(
    (await scoped(context, 'journal_cats').selectFrom().select(['id', 'name', 'code']).execute()).map((cat) => [
      Number(cat['id']),
      cat,
    ]),
  );
  const out: Line[] = [];
  const folded = new Map<string, { line: Line; count: number }>();
  for (const line of lines) {
    const account = party(line);
    if (!account) {
      out.push(line);
      continue;
    }
    const key = `${String(line.row['section'] ?? line.row['class'])}|${account.folder}`;
    let group = folded.get(key);
    if (!group) {
      const folder = folders.get(account.folder);
      // The amount columns first (printed later, in place), so the keys come in the order they always did.
      const head: Row = {
        ...line.row,
        ...Object.fromEntries(amounts.map((column) => [column, null])),
        journal_account_id: null,
        journal_cat_id: String(account.folder),
      };
      head['code'] = folder?.['code'] === null || folder?.['code'] === undefined ? '' : String(folder['code']);
      head['name'] = String(folder?.['name'] ?? '');
      group = { line: { account: null, row: head, amounts: amounts.map(() => ZERO) }, count: 0 };
      folded.set(key, group);
      out.push(group.line);
    }
    group.count += 1;
    const sums = group.line.amounts;
    line.amounts.forEach((value, i) => {
      sums[i] = sums[i]! + value;
    });
  }
  for (const { line, count } of folded.values()) line.row['accounts'] = String(count);
  return printed(out, amounts);
}

const debitSide = (net: Dec) => (net > ZERO ? net : ZERO);
const creditSide = (net: Dec) => (net < ZERO ? -net : ZERO);

/** The trial balance's amount columns, in the order each line's amounts are kept. */
const TRIAL_AMOUNTS = [
  'opening_debit',
  'opening_credit',
  'debit',
  'credit',
  'closing_debit',
  'closing_credit',
] as const;

export async function trialBalance(context: Context, query: ReportQuery): Promise<Report> {
  const accounts = await chart(context);
  const opening = query.date_from
    ? await totalsByAccount(context, null, dayBefore(query.date_from))
    : new Map<number, Movement>();
  // With an opening, the period is the closing balance's sums minus the opening's: two balances as of
  // a day, each a few reads of the totals, instead of a balance and a range. (The computation from the
  // lines, which the tests compare with, sums the range itself.)
  const period =
    query.date_from && !movementSource.fromLines
      ? periodOf(opening, await totalsByAccount(context, null, query.date_to))
      : await totalsByAccount(context, query.date_from, query.date_to);
  const totals = {
    opening_debit: ZERO,
    opening_credit: ZERO,
    debit: ZERO,
    credit: ZERO,
    closing_debit: ZERO,
    closing_credit: ZERO,
  };
  const lines: Line[] = [];
  for (const account of sortedAccounts(accounts, [...opening.keys(), ...period.keys()])) {
    const open = opening.get(account.id) ?? { debit: ZERO, credit: ZERO };
    const moved = period.get(account.id) ?? { debit: ZERO, credit: ZERO };
    const openNet = open.debit - open.credit;
    const closeNet = openNet + moved.debit - moved.credit;
    const values = {
      opening_debit: debitSide(openNet),
      opening_credit: creditSide(openNet),
      debit: moved.debit,
      credit: moved.credit,
      closing_debit: debitSide(closeNet),
      closing_credit: creditSide(closeNet),
    };
    for (const key of TRIAL_AMOUNTS) totals[key] += values[key];
    lines.push({
      account,
      row: { journal_account_id: String(account.id), code: account.code, name: account.name, class: account.class },
      amounts: TRIAL_AMOUNTS.map((key) => values[key]),
    });
  }
  const shown = await foldParties(context, query, lines, [...TRIAL_AMOUNTS]);
  return {
    ...base(context, 'trial_balance', 'Trial balance', query, [
      'journal_account_id',
      'code',
      'name',
      'class',
      ...TRIAL_AMOUNTS,
    ]),
    rows: shown,
    totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, money(v)])),
    balanced: totals.debit === totals.credit && totals.closing_debit === totals.closing_credit,
  };
}

/** Revenue − expenses over a range, with the per-account lines. */
async function profitLines(
  context: Context,
  from: string | null,
  to: string,
): Promise<{ rows: Row[]; revenue: Dec; expenses: Dec }> {
  const accounts = await chart(context);
  const profitAccounts = [...accounts.values()]
    .filter((account) => account.class === 'revenue' || account.class === 'expenses')
    .map((account) => account.id);
  const period = await totalsByAccount(context, from, to, profitAccounts);
  let revenue = ZERO;
  let expenses = ZERO;
  const rows: Row[] = [];
  for (const account of sortedAccounts(accounts, period.keys())) {
    if (account.class !== 'revenue' && account.class !== 'expenses') continue;
    const moved = period.get(account.id)!;
    const amount = account.class === 'revenue' ? moved.credit - moved.debit : moved.debit - moved.credit;
    if (account.class === 'revenue') revenue += amount;
    else expenses += amount;
    rows.push({
      section: account.class,
      journal_account_id: String(account.id),
      code: account.code,
      name: account.name,
      amount: money(amount),
    });
  }
  return { rows, revenue, expenses };
}

export async function profitAndLoss(context: Context, query: ReportQuery): Promise<Report> {
  const { rows, revenue, expenses } = await profitLines(context, query.date_from, query.date_to);
  return {
    ...base(context, 'profit_and_loss', 'Profit and loss', query, [
      'section',
      'journal_account_id',
      'code',
      'name',
      'amount',
    ]),
    rows,
    totals: { revenue: money(revenue), expenses: money(expenses), net_profit: money(revenue - expenses) },
  };
}

/**
 * Balance sheet as of date_to: assets = liabilities + equity, where equity includes the profit to
 * date (revenue − expenses of every journal up to date_to), shown as its own line.
 */
export async function balanceSheet(context: Context, query: ReportQuery): Promise<Report> {
  const accounts = await chart(context);
  const cumulative = await totalsByAccount(context, null, query.date_to);
  const sums: Record<AccountClass, Dec> = {
    assets: ZERO,
    liabilities: ZERO,
    equity: ZERO,
    revenue: ZERO,
    expenses: ZERO,
  };
  const lines: Line[] = [];
  for (const account of sortedAccounts(accounts, cumulative.keys())) {
    const moved = cumulative.get(account.id)!;
    const balance = DEBIT_NATURED.has(account.class) ? moved.debit - moved.credit : moved.credit - moved.debit;
    sums[account.class] += balance;
    if (account.class === 'revenue' || account.class === 'expenses' || balance === ZERO) continue;
    lines.push({
      account,
      row: { section: account.class, journal_account_id: String(account.id), code: account.code, name: account.name },
      amounts: [balance],
    });
  }
  const earnings = sums.revenue - sums.expenses;
  lines.push({
    account: null,
    row: { section: 'equity', journal_account_id: null, code: null, name: 'Profit and loss to date' },
    amounts: [earnings],
  });
  const equity = sums.equity + earnings;
  const shown = await foldParties(context, query, lines, ['balance']);
  return {
    ...base(context, 'balance_sheet', 'Balance sheet', { ...query, date_from: null }, [
      'section',
      'journal_account_id',
      'code',
      'name',
      'balance',
    ]),
    rows: shown,
    totals: {
      assets: money(sums.assets),
      liabilities: money(sums.liabilities),
      equity: money(equity),
      liabilities_and_equity: money(sums.liabilities + equity),
      profit_to_date: money(earnings),
    },
    balanced: sums.assets === sums.liabilities + equity,
  };
}

/** Lines posted to one account in the range, with the opening balance and a running balance. */
/** At most this many lines, an account's ledger is read from the account's index (see ledgerOf). */
const FEW_LINES = 50_000;

/** How many journal lines an account has, from its all-time totals. */
async function linesOf(context: Context, accountId: number): Promise<number> {
  const row = await scoped(context, 'account_totals')
    .selectFrom()
    .select('n')
    .where('journal_account_id', '=', accountId)
    .executeTakeFirst();
  return Number(row?.['n'] ?? 0);
}

async function ledgerOf(context: Context, accountId: number | null, query: ReportQuery): Promise<Ledger> {
  const paging = ledgerPaging(query.params);
  if (accountId === null)
    return {
      rows: [],
      opening: ZERO,
      debit: ZERO,
      credit: ZERO,
      ...(paging ? { pagination: pagesOf(paging, 0) } : {}),
    };
  let opening = ZERO;
  if (query.date_from) {
    // Only this account's totals, not every account's.
    const before = (await totalsByAccount(context, null, dayBefore(query.date_from), [accountId])).get(accountId);
    opening = before ? before.debit - before.credit : ZERO;
  }
  // SQLite plans this join from the journals' date index whenever the range is wide (to be spared a
  // sort), and so reads every journal of the range: a client's statement since 2023 (161 lines) took
  // 1.5 s at a million invoices. An account with few lines is read from its own index: a CROSS JOIN is
  // SQLite's way to keep the lines the outer table (0.4 ms); PostgreSQL plans it as the inner join it
  // is. A busy account (the Sales account has a line per invoice) keeps the planner's choice, the
  // journals of the range, the better way for a short range.
  const few = (await linesOf(context, accountId)) <= FEW_LINES;
  const from = context.db.selectFrom('journal_transactions as t');
  let lines = (
    few
      ? from.crossJoin('journals as j').whereRef('j.id', '=', 't.journal_id').whereRef('j.site_id', '=', 't.site_id')
      : from.innerJoin('journals as j', (join) =>
          join.onRef('j.id', '=', 't.journal_id').onRef('j.site_id', '=', 't.site_id'),
        )
  )
    .select([
      'j.id as journal_id',
      'j.date',
      'j.number',
      'j.entity_type',
      'j.entity_id',
      't.description',
      't.debit',
      't.credit',
      't.currency_code',
      't.currency_debit',
      't.currency_credit',
    ])
    .where('t.site_id', '=', context.siteId)
    .where('t.journal_account_id', '=', accountId)
    .where('j.date', '<', dayAfter(query.date_to));
  if (query.date_from) lines = lines.where('j.date', '>=', query.date_from);
  const ordered = lines.orderBy('j.date').orderBy('j.id').orderBy('t.id');
  let balance = opening;
  let debit = ZERO;
  let credit = ZERO;
  let found: Array<Record<string, unknown>>;
  // One page: the range's totals from the account totals (its line count and, below, its sums), the
  // lines before the page summed by the database (their running balance is where the page starts),
  // and only the page's lines read.
  const range = paging
    ? (await totalsByAccount(context, query.date_from, query.date_to, [accountId])).get(accountId)
    : undefined;
  if (paging) {
    const skipped = (paging.page - 1) * paging.limit;
    if (skipped > 0) {
      const before = await exactSums(context.dialect, (sums) =>
        context.db
          .selectFrom(ordered.clearSelect().select(['t.debit', 't.credit']).limit(skipped).as('before'))
          .select((eb) => [...sums(eb.ref('before.debit'), 'debit'), ...sums(eb.ref('before.credit'), 'credit')])
          .executeTakeFirst(),
      );
      balance += readSum(before, 'debit') - readSum(before, 'credit');
    }
    found = await ordered.limit(paging.limit).offset(skipped).execute();
  } else found = await ordered.execute();
  const rows = found.map((line) => {
    const d = fromStored(line['debit']);
    const c = fromStored(line['credit']);
    balance += d - c;
    debit += d;
    credit += c;
    return {
      date: String(line['date']).slice(0, 10),
      journal_id: String(line['journal_id']),
      number: line['number'] === null ? null : String(line['number']),
      entity_type: line['entity_type'] === null ? null : String(line['entity_type']),
      entity_id: line['entity_id'] === null ? null : String(line['entity_id']),
      description: line['description'] === null ? null : String(line['description']),
      debit: money(d),
      credit: money(c),
      balance: money(balance),
      currency_code: line['currency_code'] === null ? null : String(line['currency_code']),
      currency_debit: money(fromStored(line['currency_debit'])),
      currency_credit: money(fromStored(line['currency_credit'])),
    };
  });
  if (!paging) return { rows, opening, debit, credit };
  // The totals are the whole range's, whichever page is read.
  return {
    rows,
    opening,
    debit: range?.debit ?? ZERO,
    credit: range?.credit ?? ZERO,
    pagination: pagesOf(paging, range?.n ?? 0),
  };
}

interface Ledger {
  rows: Row[];
  opening: Dec;
  debit: Dec;
  credit: Dec;
  pagination?: { page: number; limit: number; page_count: number; total_results: number };
}

/** Lines a ledger page holds at most. */
const LEDGER_PAGE_MAX = 5_000;

/** `page` and `limit` of a ledger: none (every line of the range), or a page of `limit` lines. */
function ledgerPaging(params: Record<string, unknown>): { page: number; limit: number } | null {
  const text = (name: string) => (params[name] === undefined || params[name] === '' ? null : params[name]);
  const limit = text('limit');
  const page = text('page');
  if (limit === null && page === null) return null;
  const errors: Record<string, string> = {};
  const whole = (value: unknown, max: number) =>
    typeof value === 'string' && /^\d{1,9}$/.test(value) && Number(value) >= 1 && Number(value) <= max;
  if (limit !== null && !whole(limit, LEDGER_PAGE_MAX))
    errors['limit'] = `must be a whole number from 1 to ${LEDGER_PAGE_MAX}`;
  if (page !== null && !whole(page, 1_000_000_000)) errors['page'] = 'must be a whole number from 1';
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { page: page === null ? 1 : Number(page), limit: limit === null ? 100 : Number(limit) };
}

function pagesOf(paging: { page: number; limit: number }, lines: number): NonNullable<Ledger['pagination']> {
  return { ...paging, page_count: Math.max(1, Math.ceil(lines / paging.limit)), total_results: lines };
}

function ledgerTotals(ledger: { opening: Dec; debit: Dec; credit: Dec }): Row {
  return {
    opening_balance: money(ledger.opening),
    debit: money(ledger.debit),
    credit: money(ledger.credit),
    closing_balance: money(ledger.opening + ledger.debit - ledger.credit),
  };
}

const LEDGER_COLUMNS = [
  'date',
  'journal_id',
  'number',
  'entity_type',
  'entity_id',
  'description',
  'debit',
  'credit',
  'balance',
  'currency_code',
  'currency_debit',
  'currency_credit',
];

export async function generalLedger(context: Context, query: ReportQuery): Promise<Report> {
  const accountId = idParam(query.params, 'journal_account_id', true)!;
  const account = (await chart(context)).get(accountId);
  if (!account)
    throw validationError({ journal_account_id: `does not exist (no journal account with id ${accountId})` });
  const ledger = await ledgerOf(context, accountId, query);
  return {
    ...base(context, 'general_ledger', `General ledger: ${account.code} ${account.name}`, query, LEDGER_COLUMNS),
    journal_account_id: String(accountId),
    rows: ledger.rows,
    totals: ledgerTotals(ledger),
    ...(ledger.pagination ? { pagination: ledger.pagination } : {}),
  };
}

async function partyAccountId(context: Context, entityType: 'client' | 'supplier', id: number): Promise<number | null> {
  const row = await scoped(context, 'journal_accounts')
    .selectFrom()
    .select('id')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', id)
    .executeTakeFirst();
  return row ? Number(row['id']) : null;
}

/** A client's account: what was invoiced, paid and credited, with the balance owed after each line. */
export async function clientStatement(context: Context, query: ReportQuery): Promise<Report> {
  const clientId = idParam(query.params, 'client_id', true)!;
  const client = await scoped(context, 'clients')
    .selectFrom()
    .select(['business_name', 'first_name', 'last_name'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!client) throw validationError({ client_id: `does not exist (no client with id ${clientId})` });
  const ledger = await ledgerOf(context, await partyAccountId(context, 'client', clientId), query);
  const name = String(client['business_name'] || [client['first_name'], client['last_name']].filter(Boolean).join(' '));
  return {
    ...base(context, 'client_statement', `Statement of account: ${name}`, query, LEDGER_COLUMNS),
    client_id: String(clientId),
    rows: ledger.rows,
    totals: ledgerTotals(ledger),
    ...(ledger.pagination ? { pagination: ledger.pagination } : {}),
  };
}

const AGE_BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90'] as const;
type Bucket = (typeof AGE_BUCKETS)[number];

function bucketOf(daysOverdue: number): Bucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'days_1_30';
  if (daysOverdue <= 60) return 'days_31_60';
  if (daysOverdue <= 90) return 'days_61_90';
  return 'days_over_90';
}

/**
 * Open items of party accounts as of a date: the amounts that raise the balance (invoices for
 * clients, purchase invoices for suppliers) are settled oldest first by the amounts that lower it;
 * what stays open is aged by days past its due date. Each party's total is its account balance.
 */
async function aged(context: Context, query: ReportQuery, entityType: 'client' | 'supplier'): Promise<Report> {
  const accounts = await partyAccounts(context, entityType);
  const open = await openItems(
    context,
    accounts.map((account) => account.id),
    query.date_to,
    entityType,
  );
  const grand: Record<Bucket | 'total', Dec> = {
    current: ZERO,
    days_1_30: ZERO,
    days_31_60: ZERO,
    days_61_90: ZERO,
    days_over_90: ZERO,
    total: ZERO,
  };
  // An open item's bucket by its due day: a few hundred distinct days among a hundred thousand items.
  const bucketByDue = new Map<string, Bucket>();
  const bucketOfDue = (due: string | null): Bucket => {
    if (due === null) return 'days_over_90';
    let bucket = bucketByDue.get(due);
    if (bucket === undefined) {
      bucket = bucketOf(daysBetween(due, query.date_to));
      bucketByDue.set(due, bucket);
    }
    return bucket;
  };
  const rows: Row[] = [];
  for (const account of accounts.sort((a, b) => (a.entityId ?? 0) - (b.entityId ?? 0))) {
    const buckets: Record<Bucket, Dec> = {
      current: ZERO,
      days_1_30: ZERO,
      days_31_60: ZERO,
      days_61_90: ZERO,
      days_over_90: ZERO,
    };
    const party = open.get(account.id);
    for (const item of party?.items ?? []) buckets[bucketOfDue(item.due)] += item.amount;
    // More paid than owed: a credit in the party's favour, shown as a negative current amount.
    buckets.current -= party?.credit ?? ZERO;
    const total = AGE_BUCKETS.reduce((acc, bucket) => acc + buckets[bucket], ZERO);
    if (total === ZERO && AGE_BUCKETS.every((bucket) => buckets[bucket] === ZERO)) continue;
    for (const bucket of AGE_BUCKETS) grand[bucket] += buckets[bucket];
    grand.total += total;
    rows.push({
      [`${entityType}_id`]: String(account.entityId),
      name: account.name,
      ...Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, money(buckets[bucket])])),
      total: money(total),
    });
  }
  const name = entityType === 'client' ? 'aged_receivables' : 'aged_payables';
  return {
    ...base(
      context,
      name,
      entityType === 'client' ? 'Aged receivables' : 'Aged payables',
      { ...query, date_from: null },
      [`${entityType}_id`, 'name', ...AGE_BUCKETS, 'total'],
    ),
    rows,
    totals: Object.fromEntries(Object.entries(grand).map(([k, v]) => [k, money(v)])),
  };
}

export const agedReceivables = (context: Context, query: ReportQuery) => aged(context, query, 'client');
export const agedPayables = (context: Context, query: ReportQuery) => aged(context, query, 'supplier');

/** Quantity, value at cost and average cost of each product in each store, as of date_to. */
export async function stockValuation(context: Context, query: ReportQuery): Promise<Report> {
  const storeId = idParam(query.params, 'store_id', false);
  const productId = idParam(query.params, 'product_id', false);
  const found = await stockSums(context, { storeId, productId }, query.date_to);
  const productIds = [...new Set(found.map((row) => row.productId))];
  const names = new Map<number, { name: string; code: string | null }>();
  for (let start = 0; start < productIds.length; start += 500) {
    const rows = await scoped(context, 'products')
      .selectFrom()
      .select(['id', 'name', 'product_code'])
      .where('id', 'in', productIds.slice(start, start + 500))
      .execute();
    for (const row of rows)
      names.set(Number(row['id']), {
        name: String(row['name'] ?? ''),
        code: row['product_code'] === null ? null : String(row['product_code']),
      });
  }
  const stores = new Map(
    (await scoped(context, 'stores').selectFrom().select(['id', 'name']).execute()).map((row) => [
      Number(row['id']),
      String(row['name'] ?? ''),
    ]),
  );
  const places = currencyDecimals(context.site.currency_code);
  const byStore = new Map<number, Dec>();
  let totalValue = ZERO;
  const rows: Row[] = found
    .filter((row) => row.quantity !== ZERO || row.value !== ZERO)
    .sort((a, b) => a.storeId - b.storeId || a.productId - b.productId)
    .map((row) => {
      byStore.set(row.storeId, (byStore.get(row.storeId) ?? ZERO) + row.value);
      totalValue += row.value;
      return {
        store_id: String(row.storeId),
        store_name: stores.get(row.storeId) ?? null,
        product_id: String(row.productId),
        product_code: names.get(row.productId)?.code ?? null,
        product_name: names.get(row.productId)?.name ?? null,
        quantity: money(row.quantity),
        average_cost: row.quantity > ZERO ? money(divTo(row.value, row.quantity, Math.max(places, 2))) : null,
        value: money(row.value),
      };
    });
  return {
    ...base(context, 'stock_valuation', 'Stock levels and valuation', { ...query, date_from: null }, [
      'store_id',
      'store_name',
      'product_id',
      'product_code',
      'product_name',
      'quantity',
      'average_cost',
      'value',
    ]),
    rows,
    stores: [...byStore].map(([id, value]) => ({
      store_id: String(id),
      store_name: stores.get(id) ?? null,
      value: money(value),
    })),
    totals: { value: money(totalValue) },
  };
}

/**
 * Σ summary_unpaid of the site's open invoices and debit notes (not drafts, unpaid or partly paid), and
 * the part of it due before today (date + due_after days), from `open_amounts`. The sums of the split
 * parts stay inside 64 bits (a row per due day), so no overflow fallback is needed.
 */
export async function openAmounts(
  context: Pick<Context, 'db' | 'siteId' | 'now'>,
): Promise<{ receivable: Dec; overdue: Dec }> {
  const today = context.now.slice(0, 10);
  const past = sql<boolean>`due_date < ${today} and due_date <> 'none'`;
  const rows = await scoped(context, 'open_amounts')
    .selectFrom()
    .select([
      sql<string | number | null>`sum(unpaid_high)`.as('high'),
      sql<string | number | null>`sum(unpaid_low)`.as('low'),
      sql<string | number | null>`sum(case when ${past} then unpaid_high else 0 end)`.as('past_high'),
      sql<string | number | null>`sum(case when ${past} then unpaid_low else 0 end)`.as('past_low'),
    ])
    .execute();
  const row = rows[0];
  const join = (high: unknown, low: unknown) => fromStored(high) * 1_000_000_000n + fromStored(low);
  return { receivable: join(row?.high, row?.low), overdue: join(row?.past_high, row?.past_low) };
}

/**
 * Month by month over [date_from, date_to] (default: the 12 months to date_to): revenue, expenses and
 * net profit as the P&L counts them, and money into and out of the treasuries (debits and credits to
 * their accounts, less the transfers between them). Whole months come from the maintained month
 * totals and the part-months at the edges from the day totals (domain/account-movements.ts), so a
 * dashboard reads a few hundred rows.
 */
export async function monthlySummary(context: Context, query: ReportQuery): Promise<Report> {
  const to = query.date_to;
  const from =
    query.date_from ??
    (() => {
      const start = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
      start.setUTCMonth(start.getUTCMonth() - 11);
      return start.toISOString().slice(0, 10);
    })();
  const accounts = await chart(context);
  // Only the accounts the summary adds up: revenue, expenses and treasuries (not every client's).
  const counted = [...accounts.values()]
    .filter((a) => a.class === 'revenue' || a.class === 'expenses' || a.entityType === 'treasury')
    .map((a) => a.id);
  const rows = await movementsByMonth(context, from, to, counted);
  const months = new Map<string, { revenue: Dec; expenses: Dec; cash_in: Dec; cash_out: Dec }>();
  for (
    let at = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    at.toISOString().slice(0, 7) <= to.slice(0, 7);
    at.setUTCMonth(at.getUTCMonth() + 1)
  ) {
    months.set(at.toISOString().slice(0, 7), { revenue: ZERO, expenses: ZERO, cash_in: ZERO, cash_out: ZERO });
  }
  for (const row of rows) {
    const account = accounts.get(row.accountId);
    const figures = months.get(row.month);
    if (!account || !figures) continue;
    const { debit, credit } = row.moved;
    if (account.class === 'revenue') figures.revenue += credit - debit;
    if (account.class === 'expenses') figures.expenses += debit - credit;
    if (account.entityType === 'treasury') {
      figures.cash_in += debit;
      figures.cash_out += credit;
    }
  }
  // Money moved between the site's own treasuries came in to one and went out of another: neither.
  const moved = await exactSums(context.dialect, (sums) =>
    scoped(context, 'treasury_transfers')
      .selectFrom()
      .select((eb) => [sql<string>`substr(date, 1, 7)`.as('month'), ...sums(eb.ref('amount'), 'amount')])
      .where('date', '>=', from)
      .where('date', '<', dayAfter(to))
      .groupBy(sql`substr(date, 1, 7)`)
      .execute(),
  );
  for (const row of moved) {
    const figures = months.get(String(row['month']));
    if (!figures) continue;
    const amount = readSum(row, 'amount');
    figures.cash_in -= amount;
    figures.cash_out -= amount;
  }
  const totals = { revenue: ZERO, expenses: ZERO, net_profit: ZERO, cash_in: ZERO, cash_out: ZERO };
  const out: Row[] = [...months].map(([name, f]) => {
    totals.revenue += f.revenue;
    totals.expenses += f.expenses;
    totals.net_profit += f.revenue - f.expenses;
    totals.cash_in += f.cash_in;
    totals.cash_out += f.cash_out;
    return {
      month: name,
      revenue: money(f.revenue),
      expenses: money(f.expenses),
      net_profit: money(f.revenue - f.expenses),
      cash_in: money(f.cash_in),
      cash_out: money(f.cash_out),
    };
  });
  // What clients owe on invoices (and debit notes) not fully paid, and the part of it past due today:
  // from the open amounts the invoice triggers keep per due day (db/open-amounts.ts), a row per day
  // rather than every open invoice.
  const { receivable, overdue } = await openAmounts(context);
  return {
    receivable: money(receivable),
    overdue: money(overdue),
    ...base(context, 'monthly_summary', 'Month by month', { ...query, date_from: from }, [
      'month',
      'revenue',
      'expenses',
      'net_profit',
      'cash_in',
      'cash_out',
    ]),
    rows: out,
    totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, money(v)])),
  };
}

/** Clients a top list shows at most, unless `limit` says fewer (or more, up to TOP_MAX). */
const TOP_DEFAULT = 10;
const TOP_MAX = 100;

/**
 * The clients invoiced the most in the range (Daftar's own report; the dashboard's top clients): per
 * client, Σ debit of its account (its invoices with their taxes, and any manual debit) as `invoiced`
 * and Σ credit (payments, credit notes) as `received`, from the account totals, so a month costs a row
 * per client, not the month's invoices. Ordered by `invoiced`, largest first (ties by client id);
 * `limit` 1 to 100 (10). The totals are every client's, not only the listed ones'.
 */
async function topClients(context: Context, query: ReportQuery): Promise<Report> {
  const limit = topLimit(query.params);
  const accounts = await partyAccounts(context, 'client');
  const moved = await totalsByAccount(
    context,
    query.date_from,
    query.date_to,
    accounts.map((account) => account.id),
  );
  let invoiced = ZERO;
  let received = ZERO;
  const ranked: Array<{ account: (typeof accounts)[number]; debit: Dec; credit: Dec }> = [];
  for (const account of accounts) {
    const sums = moved.get(account.id);
    if (!sums) continue;
    invoiced += sums.debit;
    received += sums.credit;
    if (sums.debit > ZERO) ranked.push({ account, debit: sums.debit, credit: sums.credit });
  }
  ranked.sort((a, b) =>
    a.debit === b.debit ? (a.account.entityId ?? 0) - (b.account.entityId ?? 0) : a.debit > b.debit ? -1 : 1,
  );
  return {
    ...base(context, 'top_clients', 'Top clients', query, ['client_id', 'name', 'invoiced', 'received']),
    rows: ranked.slice(0, limit).map(({ account, debit, credit }) => ({
      client_id: String(account.entityId),
      name: account.name,
      invoiced: money(debit),
      received: money(credit),
    })),
    totals: { invoiced: money(invoiced), received: money(received) },
  };
}

const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The `limit` of a top list: 1 to TOP_MAX, TOP_DEFAULT when left out. */
function topLimit(params: Record<string, unknown>): number {
  const raw = params['limit'];
  if (raw === undefined || raw === '') return TOP_DEFAULT;
  if (typeof raw !== 'string' || !/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > TOP_MAX)
    throw validationError({ limit: `must be a whole number from 1 to ${TOP_MAX}` });
  return Number(raw);
}

/**
 * The products sold the most in whole months (Daftar's own report; the dashboard's top products): the
 * net quantity sold per product (what invoices took out of stock, less what credit notes and refund
 * receipts brought back) and its cost, from the sales totals per product and month (db/stock-totals.ts),
 * a row per product and month. `date_from` is a month's first day (all time when left out), `date_to`
 * a month's last day (the end of this month when left out); `limit` as for `top_clients`. The totals
 * are every product's.
 */
async function topProducts(context: Context, query: ReportQuery): Promise<Report> {
  const limit = topLimit(query.params);
  if (query.date_from !== null && query.date_from.slice(8, 10) !== '01')
    throw validationError({ date_from: "must be a month's first day (the report counts whole months)" });
  const explicitTo = query.params['date_to'] !== undefined && query.params['date_to'] !== '';
  const dateTo = explicitTo ? query.date_to : lastDay(context.now.slice(0, 7));
  if (dateTo !== lastDay(dateTo.slice(0, 7)))
    throw validationError({ date_to: "must be a month's last day (the report counts whole months)" });
  let read = scoped(context, 'stock_sales_month_totals')
    .selectFrom()
    .select([
      'product_id',
      sql<string>`sum(quantity_high)`.as('qh'),
      sql<string>`sum(quantity_low)`.as('ql'),
      sql<string>`sum(value_high)`.as('vh'),
      sql<string>`sum(value_low)`.as('vl'),
    ])
    .where('month', '<=', dateTo.slice(0, 7));
  if (query.date_from !== null) read = read.where('month', '>=', query.date_from.slice(0, 7));
  const sums = await read.groupBy('product_id').execute();
  let quantity = ZERO;
  let cost = ZERO;
  const ranked = sums.map((row) => {
    const sold = {
      id: Number(row['product_id']),
      quantity: joined(row['qh'], row['ql']),
      cost: joined(row['vh'], row['vl']),
    };
    quantity += sold.quantity;
    cost += sold.cost;
    return sold;
  });
  const top = ranked
    .filter((sold) => sold.quantity > ZERO)
    .sort((a, b) => (a.quantity === b.quantity ? a.id - b.id : a.quantity > b.quantity ? -1 : 1))
    .slice(0, limit);
  const products = new Map(
    (
      await scoped(context, 'products')
        .selectFrom()
        .select(['id', 'name', 'product_code'])
        .where('id', 'in', top.length > 0 ? top.map((sold) => sold.id) : [0])
        .execute()
    ).map((row) => [Number(row['id']), row]),
  );
  return {
    ...base(context, 'top_products', 'Top products', { ...query, date_to: dateTo }, [
      'product_id',
      'product_code',
      'product_name',
      'quantity',
      'cost',
    ]),
    rows: top.map((sold) => ({
      product_id: String(sold.id),
      product_code: textOrNull(products.get(sold.id)?.['product_code']),
      product_name: String(products.get(sold.id)?.['name'] ?? ''),
      quantity: money(sold.quantity),
      cost: money(sold.cost),
    })),
    totals: { quantity: money(quantity), cost: money(cost) },
  };
}

export const REPORTS: Record<
  string,
  { run: (context: Context, query: ReportQuery) => Promise<Report>; summary: string }
> = {
  trial_balance: {
    run: trialBalance,
    summary: 'Trial balance: opening, movements and closing per account (date_from, date_to)',
  },
  profit_and_loss: {
    run: profitAndLoss,
    summary: 'Profit and loss: revenue and expenses per account (date_from, date_to)',
  },
  balance_sheet: { run: balanceSheet, summary: 'Balance sheet as of date_to, with the profit to date in equity' },
  general_ledger: {
    run: generalLedger,
    summary: 'General ledger of one account (journal_account_id, date_from, date_to)',
  },
  client_statement: { run: clientStatement, summary: 'Statement of a client account (client_id, date_from, date_to)' },
  aged_receivables: { run: agedReceivables, summary: 'What clients owe as of date_to, by days past due' },
  aged_payables: { run: agedPayables, summary: 'What is owed to suppliers as of date_to, by days past due' },
  stock_valuation: {
    run: stockValuation,
    summary: 'Stock levels and value at cost per product and store as of date_to (store_id, product_id)',
  },
  monthly_summary: {
    run: monthlySummary,
    summary:
      'Month by month: revenue, expenses, net profit, money into and out of treasuries (date_from, date_to; default the 12 months to date_to); receivable and overdue: unpaid on invoices today',
  },
  top_products: {
    run: topProducts,
    summary:
      'Daftar: the products sold the most in whole months (date_from a first day, date_to a last day; limit 1-100, 10): net quantity sold and its cost',
  },
  top_clients: {
    run: topClients,
    summary:
      'Daftar: the clients invoiced the most in the range (date_from, date_to; limit 1-100, 10): invoiced and received per client',
  },
  cost_centers: {
    run: costCenterReport,
    summary: 'Journal lines per cost center and account (cost_center_id with the centers under it, date_from, date_to)',
  },
};

/** A report as CSV: the header row, then its rows (cells that a spreadsheet would run as formulas are quoted safe). */
export function reportCsv(report: Report): string {
  const cell = (value: Cell | undefined): string => {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [report.columns.map(cell).join(',')];
  for (const row of report.rows) lines.push(report.columns.map((column) => cell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
