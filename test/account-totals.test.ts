// Maintained account totals (db/account-totals.ts), on SQLite and PostgreSQL: after random sequences
// of creates, edits and deletes of invoices, payments, purchases, expenses, incomes and manual journals
// dated across month ends, the month totals equal the journal lines summed from scratch, and every
// report that reads them equals the same report computed from the lines alone (the computation before
// the totals, kept as `movementSource.fromLines`), for ranges that start and end inside months, on month
// edges, across years, and open. A write that fails after its journal lines went in leaves the totals as they were.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { movementSource } from '../src/domain/account-movements.js';
import { dec } from '../src/domain/money.js';
import { accountTotalProblems } from './support/db-state.js';
import { report } from './support/books.js';
import { type TestServer, eachDatabase, it } from './support/harness.js';

const DAYS = [
  '2023-12-31',
  '2024-01-01',
  '2024-06-15',
  '2024-12-31',
  '2025-02-14',
  '2025-11-30',
  '2025-12-01',
  '2025-12-15',
  '2025-12-31',
  '2026-01-01',
  '2026-01-02',
  '2026-01-17',
  '2026-01-31',
  '2026-02-01',
  '2026-02-28',
  '2026-03-01',
  '2026-03-10',
];

/** Ranges that exercise every path: open start, whole months, part-months at one or both ends, one day. */
const RANGES: Array<[string | null, string]> = [
  [null, '2026-12-31'],
  [null, '2026-01-17'],
  [null, '2025-12-31'],
  [null, '2026-02-27'],
  [null, '2026-02-28'],
  ['2025-12-01', '2026-02-28'],
  ['2025-12-02', '2026-02-27'],
  ['2025-12-15', '2026-01-31'],
  ['2026-01-01', '2026-01-31'],
  ['2026-01-02', '2026-01-30'],
  ['2026-01-05', '2026-01-10'],
  ['2026-01-17', '2026-01-17'],
  ['2025-11-01', '2026-03-31'],
  ['2026-02-01', '2026-03-09'],
  // Across years: whole years, a year less its edge months, and the long ranges read as two cuts.
  [null, '2024-12-31'],
  [null, '2024-06-14'],
  ['2024-01-01', '2025-12-31'],
  ['2023-12-31', '2026-01-01'],
  ['2024-03-17', '2025-08-11'],
  ['2024-02-01', '2024-11-30'],
  ['2024-06-15', '2026-02-27'],
];

async function reportsBothWays(s: TestServer): Promise<void> {
  for (const [from, to] of RANGES) {
    const query = `${from ? `date_from=${from}&` : ''}date_to=${to}`;
    for (const name of ['trial_balance', 'profit_and_loss', 'balance_sheet', 'monthly_summary']) {
      if (name === 'monthly_summary' && from === null) continue;
      movementSource.fromLines = false;
      const fast = await report(s, name, query);
      movementSource.fromLines = true;
      const slow = await report(s, name, query);
      movementSource.fromLines = false;
      assert.deepEqual(fast, slow, `${name} ${query}: from the totals and from the lines`);
    }
  }
  // The general ledger's opening balance, of the first treasury account.
  const ledgerQuery = 'date_from=2026-01-17&date_to=2026-02-28';
  const treasuries = (await s.get('/api2/treasuries.json?limit=100')).body.data.map((r: any) => r.Treasury);
  const accounts = (await s.get('/api2/journal_accounts.json?limit=500&entity_type=treasury')).body.data.map(
    (r: any) => r.JournalAccount,
  );
  for (const account of accounts.slice(0, 1)) {
    const query = `journal_account_id=${account.id}&${ledgerQuery}`;
    movementSource.fromLines = true;
    const slow = await report(s, 'general_ledger', query);
    movementSource.fromLines = false;
    assert.deepEqual(await report(s, 'general_ledger', query), slow, 'general ledger');
  }
  // Treasury balances against Σ of their accounts' lines.
  const { rows } = await sql<{ entity_id: number; d: string; c: string }>`
    select a.entity_id, coalesce(sum(t.debit), 0) as d, coalesce(sum(t.credit), 0) as c
    from journal_accounts a inner join journal_transactions t on t.journal_account_id = a.id and t.site_id = a.site_id
    where a.entity_type = 'treasury' group by a.entity_id`.execute(s.database.db);
  const expected = new Map(rows.map((r) => [String(r.entity_id), BigInt(String(r.d)) - BigInt(String(r.c))]));
  for (const treasury of treasuries) {
    const want = expected.get(String(treasury.id)) ?? 0n;
    assert.equal(dec(treasury.balance), want, `treasury ${treasury.id} balance ${treasury.balance}`);
  }
}

eachDatabase('account totals', (server) => {
  it('equal the lines, and reports from them equal reports from the lines, through random writes (property)', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const client = await s.create('clients', { Client: { business_name: 'Totals Co' } });
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Totals Supplier' } });
    const product = await s.create('products', {
      Product: { name: 'P', unit_price: '3.33', buy_price: '1.11', track_stock: 1, stock_balance: 1_000_000 },
    });
    const bank = await s.create('treasuries', { Treasury: { name: 'Bank', type: 1 } });
    const accounts = (await s.get('/api2/journal_accounts.json?limit=500')).body.data.map(
      (r: any) => r.JournalAccount.id as string,
    );
    const cents = fc
      .integer({ min: 1, max: 100_000 })
      .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    const day = fc.constantFrom(...DAYS);
    const line = fc.record({ quantity: fc.integer({ min: 1, max: 9 }), unit_price: cents, taxed: fc.boolean() });
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('invoice' as const),
        date: day,
        lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('edit' as const),
        pick: fc.nat(),
        date: day,
        lines: fc.array(line, { minLength: 1, maxLength: 2 }),
      }),
      fc.record({ kind: fc.constant('delete_invoice' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), date: day, amount: cents, bank: fc.boolean() }),
      fc.record({ kind: fc.constant('delete_payment' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('purchase' as const),
        date: day,
        quantity: fc.integer({ min: 1, max: 9 }),
        unit_price: cents,
      }),
      fc.record({ kind: fc.constant('delete_purchase' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('expense' as const),
        date: day,
        amount: cents,
        income: fc.boolean(),
        taxed: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('edit_expense' as const), pick: fc.nat(), date: day, amount: cents }),
      fc.record({ kind: fc.constant('delete_expense' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('journal' as const), date: day, amount: cents, from: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('edit_journal' as const), pick: fc.nat(), date: day, amount: cents, to: fc.nat() }),
      fc.record({ kind: fc.constant('delete_journal' as const), pick: fc.nat() }),
    );
    const items = (lines: Array<{ quantity: number; unit_price: string; taxed: boolean }>) =>
      lines.map((l) => ({
        product_id: product,
        quantity: l.quantity,
        unit_price: l.unit_price,
        ...(l.taxed ? { tax1: tax } : {}),
      }));
    const invoices: string[] = [];
    const payments: Array<{ id: string; invoice: string }> = [];
    const purchases: string[] = [];
    const expenses: Array<{ id: string; resource: string; model: string }> = [];
    const journals: string[] = [];
    const ok = (reply: { status: number; text: string }, what: string) =>
      assert.ok(reply.status >= 200 && reply.status < 300, `${what}: ${reply.status} ${reply.text}`);
    const take = <T>(list: T[], pick: number) => list.splice(pick % list.length, 1)[0]!;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 10 }), async (steps) => {
        for (const action of steps) {
          if (action.kind === 'invoice') {
            invoices.push(
              await s.create('invoices', {
                Invoice: { client_id: client, date: action.date },
                InvoiceItem: items(action.lines),
              }),
            );
          } else if (action.kind === 'edit' && invoices.length > 0) {
            const id = invoices[action.pick % invoices.length];
            ok(
              await s.put(`/api2/invoices/${id}`, { Invoice: { date: action.date }, InvoiceItem: items(action.lines) }),
              'edit invoice',
            );
          } else if (action.kind === 'delete_invoice' && invoices.length > 0) {
            const id = invoices[action.pick % invoices.length]!;
            const reply = await s.del(`/api2/invoices/${id}`);
            ok(reply, 'delete invoice');
            // Its payments go with it.
            invoices.splice(invoices.indexOf(id), 1);
            for (let i = payments.length - 1; i >= 0; i -= 1) if (payments[i]!.invoice === id) payments.splice(i, 1);
          } else if (action.kind === 'pay' && invoices.length > 0) {
            const invoice = invoices[action.pick % invoices.length]!;
            const reply = await s.post('/api2/invoice_payments.json', {
              InvoicePayment: {
                invoice_id: invoice,
                payment_method: 'cash',
                amount: action.amount,
                date: action.date,
                ...(action.bank ? { treasury_id: bank } : {}),
              },
            });
            if (reply.status === 202) payments.push({ id: reply.body.id, invoice });
          } else if (action.kind === 'delete_payment' && payments.length > 0) {
            ok(await s.del(`/api2/invoice_payments/${take(payments, action.pick).id}`), 'delete payment');
          } else if (action.kind === 'purchase') {
            purchases.push(
              await s.create('purchase_invoices', {
                PurchaseInvoice: { supplier_id: supplier, date: action.date },
                PurchaseInvoiceItem: [
                  { product_id: product, quantity: action.quantity, unit_price: action.unit_price },
                ],
              }),
            );
          } else if (action.kind === 'delete_purchase' && purchases.length > 0) {
            await s.del(`/api2/purchase_invoices/${take(purchases, action.pick)}`);
          } else if (action.kind === 'expense') {
            const [resource, model] = action.income ? ['incomes', 'Income'] : ['expenses', 'Expense'];
            const id = await s.create(resource, {
              [model]: { amount: action.amount, date: action.date, ...(action.taxed ? { tax1_id: tax } : {}) },
            });
            expenses.push({ id, resource, model });
          } else if (action.kind === 'edit_expense' && expenses.length > 0) {
            const e = expenses[action.pick % expenses.length]!;
            ok(
              await s.put(`/api2/${e.resource}/${e.id}.json`, {
                [e.model]: { amount: action.amount, date: action.date },
              }),
              'edit expense',
            );
          } else if (action.kind === 'delete_expense' && expenses.length > 0) {
            const e = take(expenses, action.pick);
            ok(await s.del(`/api2/${e.resource}/${e.id}`), 'delete expense');
          } else if (action.kind === 'journal') {
            const debit = accounts[action.from % accounts.length]!;
            const credit = accounts[(action.from + 1 + (action.to % (accounts.length - 1))) % accounts.length]!;
            journals.push(
              await s.create('journals', {
                Journal: { description: 'manual', date: action.date },
                JournalTransaction: [
                  { journal_account_id: debit, debit: action.amount },
                  { journal_account_id: credit, credit: action.amount },
                ],
              }),
            );
          } else if (action.kind === 'edit_journal' && journals.length > 0) {
            const id = journals[action.pick % journals.length];
            const other = accounts[action.to % accounts.length]!;
            const body = {
              Journal: { date: action.date },
              JournalTransaction: [
                { journal_account_id: accounts[0], debit: action.amount },
                { journal_account_id: other === accounts[0] ? accounts[1] : other, credit: action.amount },
              ],
            };
            ok(await s.put(`/api2/journals/${id}`, body), 'edit journal');
          } else if (action.kind === 'delete_journal' && journals.length > 0) {
            ok(await s.del(`/api2/journals/${take(journals, action.pick)}`), 'delete journal');
          }
        }
        assert.deepEqual(await accountTotalProblems(s.database), []);
      }),
      { numRuns: 6, ...(process.env['TOTALS_SEED'] ? { seed: Number(process.env['TOTALS_SEED']) } : {}) },
    );
    await reportsBothWays(s);
  });

  it('leave the totals as they were when a write fails after its journal lines went in', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Fault Co' } });
    const before = await sql`select * from account_month_totals order by site_id, journal_account_id, month`.execute(
      s.database.db,
    );
    // The audit row is the last thing a write inserts, after the document's journal: make it fail.
    const db = s.database.db;
    if (s.database.dialect === 'sqlite') {
      await sql`create trigger "test_fault" before insert on "audit_logs" begin select raise(abort, 'injected fault'); end`.execute(
        db,
      );
    } else {
      await sql
        .raw(`create or replace function test_fault() returns trigger language plpgsql as $$
        begin raise exception 'injected fault'; end $$`)
        .execute(db);
      await sql`create trigger "test_fault" before insert on "audit_logs" for each row execute function test_fault()`.execute(
        db,
      );
    }
    try {
      const reply = await s.post('/api2/invoices.json', {
        Invoice: { client_id: client, date: '2026-01-20' },
        InvoiceItem: [{ item: 'Thing', quantity: 2, unit_price: '12.50' }],
      });
      assert.ok(reply.status >= 500, `the write failed: ${reply.status} ${reply.text}`);
    } finally {
      await sql`drop trigger "test_fault"${sql.raw(s.database.dialect === 'postgres' ? ' on "audit_logs"' : '')}`.execute(
        db,
      );
    }
    const after = await sql`select * from account_month_totals order by site_id, journal_account_id, month`.execute(db);
    assert.deepEqual(after.rows, before.rows, 'the failed write moved no total');
    assert.deepEqual(await accountTotalProblems(s.database), []);
    // And the same write, once the fault is gone, moves them.
    await s.create('invoices', {
      Invoice: { client_id: client, date: '2026-01-20' },
      InvoiceItem: [{ item: 'Thing', quantity: 2, unit_price: '12.50' }],
    });
    assert.deepEqual(await accountTotalProblems(s.database), []);
    const moved = await sql`select * from account_month_totals order by site_id, journal_account_id, month`.execute(db);
    assert.notDeepEqual(moved.rows, before.rows);
  });
});
