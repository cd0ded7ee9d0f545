/**
 * Looking at a test database directly: a fingerprint of every table (to prove a refused request wrote
 * nothing) and the invariants the books must keep whatever happened (to prove nothing is half-written).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { SALES_SOURCES } from '../../src/db/stock-totals.js';
import type { Database } from '../../src/db/connection.js';

/** Every table of the database (tenant tables, sites, counters, migrations). */
export async function tableNames(database: Database): Promise<string[]> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
      database.db,
    );
    return rows.map((row) => row.name);
  }
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  return rows.map((row) => row.name);
}

/** table → "rows:hash of every row": equal fingerprints mean no row was added, removed or changed. */
export async function fingerprint(database: Database, tables?: string[]): Promise<Map<string, string>> {
  const names = tables ?? (await tableNames(database));
  const result = new Map<string, string>();
  if (database.dialect === 'sqlite') {
    for (const name of names) {
      const { rows } = await sql
        .raw<Record<string, unknown>>(`select * from "${name}" order by rowid`)
        .execute(database.db);
      const hash = createHash('sha1')
        .update(JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? String(value) : value)))
        .digest('hex');
      result.set(name, `${rows.length}:${hash}`);
    }
    return result;
  }
  const parts = names.map(
    (name) =>
      `select '${name}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
  );
  const { rows } = await sql.raw<{ t: string; n: number; h: string }>(parts.join(' union all ')).execute(database.db);
  for (const row of rows) result.set(row.t, `${row.n}:${row.h}`);
  return result;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

export async function rowCount(database: Database, table: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number | string }>(`select count(*) as n from "${table}"`).execute(database.db);
  return Number(rows[0]!.n);
}

/**
 * What must hold after any sequence of requests, crashes included: every journal balances and has
 * lines, every sales and purchase document has a line, every product's stock_balance is the sum of its
 * movements, and every invoice's paid sum is the sum of its completed payments and the advances applied to it.
 * Returns the problems.
 */
export async function bookProblems(database: Database): Promise<string[]> {
  const db = database.db;
  const problems: string[] = [];
  const journals = await sql<{ id: number; td: string; tc: string; d: string; c: string; n: string }>`
    select j.id, coalesce(j.total_debit, 0) as td, coalesce(j.total_credit, 0) as tc,
      coalesce(sum(t.debit), 0) as d, coalesce(sum(t.credit), 0) as c, count(t.id) as n
    from journals j left join journal_transactions t on t.journal_id = j.id and t.site_id = j.site_id
    group by j.id, j.total_debit, j.total_credit`.execute(db);
  for (const j of journals.rows) {
    if (Number(j.n) < 2) problems.push(`journal ${j.id} has ${j.n} transactions`);
    if (String(j.d) !== String(j.c)) problems.push(`journal ${j.id} does not balance: debit ${j.d} credit ${j.c}`);
    if (String(j.d) !== String(j.td) || String(j.c) !== String(j.tc))
      problems.push(`journal ${j.id} totals ${j.td}/${j.tc} differ from its lines ${j.d}/${j.c}`);
  }
  // Every line has one side, above zero: what the aged reports' sums of debits (or credits) rely on.
  const sided = await sql<{ id: number; d: string; c: string }>`
    select id, coalesce(debit, 0) as d, coalesce(credit, 0) as c from journal_transactions
    where coalesce(debit, 0) < 0 or coalesce(credit, 0) < 0 or (coalesce(debit, 0) > 0) = (coalesce(credit, 0) > 0)`.execute(
    db,
  );
  for (const row of sided.rows)
    problems.push(`journal line ${row.id} is not one-sided: debit ${row.d} credit ${row.c}`);
  const bare = await sql<{ id: number }>`
    select i.id from invoices i
    where not exists (select 1 from invoice_items t where t.invoice_id = i.id and t.site_id = i.site_id)`.execute(db);
  for (const row of bare.rows) problems.push(`invoice ${row.id} has no lines`);
  const barePurchases = await sql<{ id: number }>`
    select p.id from purchase_orders p
    where not exists (select 1 from purchase_order_items t where t.purchase_order_id = p.id and t.site_id = p.site_id)`.execute(
    db,
  );
  for (const row of barePurchases.rows) problems.push(`purchase order ${row.id} has no lines`);
  const orphanLines = await sql<{ id: number }>`
    select t.id from invoice_items t
    where not exists (select 1 from invoices i where i.id = t.invoice_id and i.site_id = t.site_id)`.execute(db);
  for (const row of orphanLines.rows) problems.push(`invoice item ${row.id} belongs to no invoice`);
  const stock = await sql<{ id: number; balance: string; moved: string }>`
    select p.id, coalesce(p.stock_balance, 0) as balance,
      coalesce((select sum(case when s.transaction_type = 2 then -s.quantity else s.quantity end)
                from stock_transactions s where s.product_id = p.id and s.site_id = p.site_id), 0) as moved
    from products p`.execute(db);
  for (const row of stock.rows) {
    if (String(row.balance) !== String(row.moved))
      problems.push(`product ${row.id} stock_balance ${row.balance} ≠ Σ movements ${row.moved}`);
  }
  const paid = await sql<{ id: number; paid: string; sum: string }>`
    select i.id, coalesce(i.summary_paid, 0) as paid,
      coalesce((select sum(p.amount) from invoice_payments p
                where p.invoice_id = i.id and p.site_id = i.site_id and p.status = 1), 0)
      + coalesce((select sum(a.amount) from advance_applications a
                where a.invoice_id = i.id and a.site_id = i.site_id), 0) as sum
    from invoices i where i.type in (0, 16, 19)`.execute(db);
  for (const row of paid.rows) {
    if (String(row.paid) !== String(row.sum))
      problems.push(
        `invoice ${row.id} summary_paid ${row.paid} ≠ Σ completed payments and applied advances ${row.sum}`,
      );
  }
  problems.push(...(await accountTotalProblems(database)));
  problems.push(...(await openAmountProblems(database)));
  problems.push(...(await stockTotalProblems(database)));
  return problems;
}

/**
 * Rows that name a record that no longer exists: a payment of a deleted invoice, a credit note of a
 * deleted invoice, a line of a deleted product, stock movements and automatic journals of a deleted
 * document. Returns the problems.
 */
export async function orphanProblems(database: Database): Promise<string[]> {
  const db = database.db;
  const problems: string[] = [];
  const checks: Array<[string, string]> = [
    [
      'payment of no invoice',
      `select p.id from invoice_payments p where not exists (select 1 from invoices i where i.id = p.invoice_id and i.site_id = p.site_id)`,
    ],
    [
      'allocation of no client payment',
      `select p.id from invoice_payments p where p.client_payment_id is not null
      and not exists (select 1 from client_payments c where c.id = p.client_payment_id and c.site_id = p.site_id)`,
    ],
    [
      'return of no invoice',
      `select r.id from invoices r where r.type in (5, 6) and r.subscription_id is not null and r.subscription_id <> 0
      and not exists (select 1 from invoices i where i.id = r.subscription_id and i.site_id = r.site_id)`,
    ],
    [
      'line of no product',
      `select t.id from invoice_items t where t.product_id is not null and t.product_id <> 0
      and not exists (select 1 from products p where p.id = t.product_id and p.site_id = t.site_id)`,
    ],
    [
      'line of no invoice',
      `select t.id from invoice_items t where not exists (select 1 from invoices i where i.id = t.invoice_id and i.site_id = t.site_id)`,
    ],
    [
      'movement of no sales document',
      `select s.id from stock_transactions s where s.source_type in (2, 4, 6)
      and not exists (select 1 from invoices i where i.id = s.order_id and i.site_id = s.site_id)`,
    ],
    [
      'movement of no purchase document',
      `select s.id from stock_transactions s where s.source_type in (3, 7)
      and not exists (select 1 from purchase_orders o where o.id = s.order_id and o.site_id = s.site_id)`,
    ],
    [
      'journal of no sales document',
      `select j.id from journals j where j.is_automatic = 1
      and j.entity_type in ('invoice', 'credit_note', 'refund_receipt', 'invoice_sales_cost', 'credit_note_sales_cost', 'refund_receipt_sales_cost')
      and not exists (select 1 from invoices i where i.id = j.entity_id and i.site_id = j.site_id)`,
    ],
    [
      'journal of no payment',
      `select j.id from journals j where j.is_automatic = 1 and j.entity_type = 'invoice_payment'
      and not exists (select 1 from invoice_payments p where p.id = j.entity_id and p.site_id = j.site_id)`,
    ],
    [
      'journal of no client payment',
      `select j.id from journals j where j.is_automatic = 1 and j.entity_type = 'client_payment'
      and not exists (select 1 from client_payments c where c.id = j.entity_id and c.site_id = j.site_id)`,
    ],
  ];
  for (const [what, query] of checks) {
    const { rows } = await sql.raw<{ id: number }>(query).execute(db);
    if (rows.length > 0)
      problems.push(
        `${what}: ${rows
          .slice(0, 5)
          .map((row) => row.id)
          .join(', ')}${rows.length > 5 ? ` (${rows.length})` : ''}`,
      );
  }
  return problems;
}

/** A sum kept in two parts by the totals tables: high × 10^9 + low. */
const twoParts = (high: unknown, low: unknown) => BigInt(String(high)) * 1_000_000_000n + BigInt(String(low));

/**
 * Rows a totals table keeps against the same figures computed from scratch, both as key → text: a
 * kept row the source has nothing for must read as `zero`, and every figure of the source must be kept.
 */
function keptAgainst(
  label: string,
  source: string,
  kept: Map<string, string>,
  expected: Map<string, string>,
  zero: string,
): string[] {
  const problems: string[] = [];
  for (const [key, got] of kept) {
    const want = expected.get(key) ?? zero;
    if (got !== want) problems.push(`${label} ${key}: kept ${got}, ${source} say ${want}`);
  }
  for (const [key, want] of expected)
    if (!kept.has(key)) problems.push(`${label} ${key}: no row kept, ${source} say ${want}`);
  return problems;
}

/**
 * The maintained month, day, year and all-time totals (db/account-totals.ts) against the same sums
 * computed from scratch from the journal lines, per site, account and period. Returns the differences.
 */
export async function accountTotalProblems(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const tables: Array<[string, string | null, number]> = [
    ['account_month_totals', 'month', 7],
    ['account_day_totals', 'day', 10],
    ['account_year_totals', 'year', 4],
    ['account_totals', null, 0],
  ];
  for (const [table, column, length] of tables)
    problems.push(...(await totalsAgainstLines(database, table, column, length)));
  return problems;
}

/** One totals table against the lines grouped by the first `length` characters of their journal's date. */
async function totalsAgainstLines(
  database: Database,
  table: string,
  column: string | null,
  length: number,
): Promise<string[]> {
  const period = column ? sql`coalesce(substr(j.date, 1, ${sql.raw(String(length))}), 'none')` : sql`'all'`;
  const scratch = await sql<{ site_id: number; a: number; p: string; n: string; d: string; c: string }>`
    select t.site_id, t.journal_account_id as a, ${period} as p, count(*) as n,
      coalesce(sum(t.debit), 0) as d, coalesce(sum(t.credit), 0) as c
    from journal_transactions t inner join journals j on j.site_id = t.site_id and j.id = t.journal_id
    group by t.site_id, t.journal_account_id${column ? sql`, ${period}` : sql``}`.execute(database.db);
  const kept = await sql<{
    site_id: number;
    a: number;
    p: string;
    n: string;
    dh: string;
    dl: string;
    ch: string;
    cl: string;
  }>`
    select site_id, journal_account_id as a, ${column ? sql.ref(column) : sql`'all'`} as p, n,
      debit_high as dh, debit_low as dl, credit_high as ch, credit_low as cl from ${sql.table(table)}`.execute(
    database.db,
  );
  const text = (n: unknown, d: unknown, c: unknown) => `${String(n)} lines, debit ${String(d)}, credit ${String(c)}`;
  return keptAgainst(
    table,
    'lines',
    new Map(
      kept.rows.map((r) => [`${r.site_id}|${r.a}|${r.p}`, text(r.n, twoParts(r.dh, r.dl), twoParts(r.ch, r.cl))]),
    ),
    new Map(scratch.rows.map((r) => [`${r.site_id}|${r.a}|${r.p}`, text(r.n, r.d, r.c)])),
    text(0, 0, 0),
  );
}

/** A date (YYYY-MM-DD) moved by `days`, computed here apart from the SQL the triggers use. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The open invoices' Σ unpaid per site and due day, from the invoices themselves. */
export async function openAmountsFromInvoices(database: Database): Promise<Map<string, { n: bigint; unpaid: bigint }>> {
  const { rows } = await sql<{ site_id: number; date: string | null; due_after: number | null; unpaid: unknown }>`
    select site_id, date, due_after, summary_unpaid as unpaid from invoices
    where type in (0, 16) and draft = 0 and payment_status in (0, 1)`.execute(database.db);
  const out = new Map<string, { n: bigint; unpaid: bigint }>();
  for (const row of rows) {
    const due = row.date ? addDays(String(row.date).slice(0, 10), Number(row.due_after ?? 0)) : 'none';
    const key = `${row.site_id}|${due}`;
    const at = out.get(key) ?? { n: 0n, unpaid: 0n };
    out.set(key, { n: at.n + 1n, unpaid: at.unpaid + BigInt(String(row.unpaid ?? 0)) });
  }
  return out;
}

/** The maintained open amounts (db/open-amounts.ts) against the invoices summed from scratch. */
export async function openAmountProblems(database: Database): Promise<string[]> {
  const expected = await openAmountsFromInvoices(database);
  const { rows } = await sql<{ site_id: number; due_date: string; n: unknown; h: unknown; l: unknown }>`
    select site_id, due_date, n, unpaid_high as h, unpaid_low as l from open_amounts`.execute(database.db);
  const text = (n: unknown, unpaid: unknown) => `${String(n)} invoices, unpaid ${String(unpaid)}`;
  return keptAgainst(
    'open amounts',
    'invoices',
    new Map(rows.map((row) => [`${row.site_id}|${row.due_date}`, text(row.n, twoParts(row.h, row.l))])),
    new Map([...expected].map(([key, want]) => [key, text(want.n, want.unpaid)])),
    text(0n, 0n),
  );
}

/**
 * The maintained stock totals per month and day (db/stock-totals.ts) against the movements summed here
 * from scratch (an outgoing movement, transaction_type 2, counted negative).
 */
export async function stockTotalProblems(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const { rows: movements } = await sql<{
    site_id: number;
    product_id: number;
    store_id: number;
    date: string | null;
    transaction_type: number | null;
    source_type: number | null;
    quantity: unknown;
    cost_value: unknown;
  }>`select site_id, product_id, store_id, date, transaction_type, source_type, quantity, cost_value from stock_transactions`.execute(
    database.db,
  );
  // Per product and store by month and by day; and the sales (invoices, credit notes, refund receipts)
  // per product by month, counted as sold: what left adds, what came back takes away.
  const sales = new Set<number>(SALES_SOURCES);
  const kinds = [
    { table: 'stock_month_totals', length: 7, store: true, sold: false },
    { table: 'stock_day_totals', length: 10, store: true, sold: false },
    { table: 'stock_sales_month_totals', length: 7, store: false, sold: true },
  ] as const;
  for (const kind of kinds) {
    const period = kind.length === 7 ? 'month' : 'day';
    const keyOf = (site: unknown, product: unknown, store: unknown, at: unknown) =>
      [site, product, ...(kind.store ? [store] : []), at].map(String).join('|');
    const expected = new Map<string, { n: bigint; quantity: bigint; value: bigint }>();
    for (const m of movements) {
      if (kind.sold && !sales.has(Number(m.source_type))) continue;
      const key = keyOf(
        m.site_id,
        m.product_id,
        m.store_id,
        m.date === null ? 'none' : String(m.date).slice(0, kind.length),
      );
      const out = Number(m.transaction_type) === 2;
      const sign = out === kind.sold ? 1n : -1n;
      const at = expected.get(key) ?? { n: 0n, quantity: 0n, value: 0n };
      expected.set(key, {
        n: at.n + 1n,
        quantity: at.quantity + sign * BigInt(String(m.quantity ?? 0)),
        value: at.value + sign * BigInt(String(m.cost_value ?? 0)),
      });
    }
    const { rows } = await sql<Record<string, unknown>>`
      select site_id, product_id, ${sql.raw(kind.store ? 'store_id' : 'null')} as store_id, ${sql.ref(period)} as period, n,
        quantity_high as qh, quantity_low as ql, value_high as vh, value_low as vl from ${sql.table(kind.table)}`.execute(
      database.db,
    );
    const text = (n: unknown, quantity: unknown, value: unknown) =>
      `${String(n)} movements, quantity ${String(quantity)}, value ${String(value)}`;
    problems.push(
      ...keptAgainst(
        kind.table.replace(/_/g, ' '),
        'movements',
        new Map(
          rows.map((row) => [
            keyOf(row['site_id'], row['product_id'], row['store_id'], row['period']),
            text(row['n'], twoParts(row['qh'], row['ql']), twoParts(row['vh'], row['vl'])),
          ]),
        ),
        new Map([...expected].map(([key, want]) => [key, text(want.n, want.quantity, want.value)])),
        text(0n, 0n, 0n),
      ),
    );
  }
  return problems;
}
