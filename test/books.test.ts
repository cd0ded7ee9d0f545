// Automatic journals posted by documents, on SQLite and PostgreSQL: each balances, each document's
// journal totals the document, and random sequences of writes keep the books and the ledger true.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dec, fromStored } from '../src/domain/money.js';
import { checkReportsAgree } from './support/books.js';
import { type TestServer, eachDatabase, it } from './support/harness.js';

async function journalsOf(s: TestServer, entityType: string, entityId: string): Promise<any[]> {
  const list = await s.get(`/api2/journals.json?entity_type=${entityType}&entity_id=${entityId}`);
  assert.equal(list.status, 200, list.text);
  return list.body.data.map((row: any) => row.Journal);
}

/** The invariants that must hold after every write, read straight from the database. */
async function checkBooks(s: TestServer): Promise<void> {
  const db = s.database.db;
  const unbalanced = await db
    .selectFrom('journal_transactions')
    .select('journal_id')
    .groupBy('journal_id')
    .having((eb) => eb(eb.fn.sum('debit'), '<>', eb.fn.sum('credit')))
    .execute();
  assert.deepEqual(unbalanced, [], 'every journal balances');
  const trial = await db
    .selectFrom('journal_transactions')
    .select((eb) => [eb.fn.sum('debit').as('d'), eb.fn.sum('credit').as('c')])
    .executeTakeFirst();
  assert.equal(fromStored(trial?.['d'] ?? 0), fromStored(trial?.['c'] ?? 0), 'the trial balance nets to zero');
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'summary_paid', 'summary_total', 'draft'])
    .where('type', '=', 0)
    .execute();
  for (const invoice of invoices) {
    const paid = await db
      .selectFrom('invoice_payments')
      .select((eb) => eb.fn.sum('amount').as('p'))
      .where('invoice_id', '=', invoice['id'])
      .where('status', '=', 1)
      .executeTakeFirst();
    assert.equal(
      fromStored(invoice['summary_paid']),
      fromStored(paid?.['p'] ?? 0),
      `invoice ${invoice['id']} paid = its payments`,
    );
    const journal = await db
      .selectFrom('journals')
      .select('total_debit')
      .where('entity_type', '=', 'invoice')
      .where('entity_id', '=', invoice['id'])
      .execute();
    if (Number(invoice['draft']) === 1) assert.equal(journal.length, 0, 'drafts post nothing');
    else {
      assert.equal(journal.length, 1, `invoice ${invoice['id']} has one journal`);
      assert.equal(
        fromStored(journal[0]!['total_debit']),
        fromStored(invoice['summary_total']),
        'the journal totals the invoice',
      );
    }
  }
  const products = await db.selectFrom('products').select(['id', 'stock_balance']).execute();
  for (const product of products) {
    const moves = await db
      .selectFrom('stock_transactions')
      .select(['quantity', 'transaction_type'])
      .where('product_id', '=', product['id'])
      .execute();
    const total = moves.reduce(
      (acc, m) => acc + (Number(m['transaction_type']) === 2 ? -fromStored(m['quantity']) : fromStored(m['quantity'])),
      0n,
    );
    assert.equal(fromStored(product['stock_balance']), total, `product ${product['id']} stock = Σ movements`);
  }
  const ledger = await db
    .selectFrom('stock_transactions')
    .select(['site_id', 'product_id', 'store_id', 'transaction_type', 'quantity', 'cost_value'])
    .execute();
  const expected = new Map<string, { quantity: bigint; value: bigint }>();
  for (const move of ledger) {
    const key = `${move['site_id']}:${move['product_id']}:${move['store_id']}`;
    const sign = Number(move['transaction_type']) === 2 ? -1n : 1n;
    const position = expected.get(key) ?? { quantity: 0n, value: 0n };
    expected.set(key, {
      quantity: position.quantity + sign * fromStored(move['quantity']),
      value: position.value + sign * fromStored(move['cost_value']),
    });
  }
  const stored = await db
    .selectFrom('stock_positions')
    .select(['site_id', 'product_id', 'store_id', 'quantity', 'value'])
    .execute();
  const positions = new Map(
    stored.map((row) => [
      `${row['site_id']}:${row['product_id']}:${row['store_id']}`,
      { quantity: fromStored(row['quantity']), value: fromStored(row['value']) },
    ]),
  );
  for (const [key, position] of expected)
    assert.deepEqual(
      positions.get(key) ?? { quantity: 0n, value: 0n },
      position,
      `stock position ${key} = Σ its movements`,
    );
  for (const [key, position] of positions)
    if (!expected.has(key))
      assert.deepEqual(position, { quantity: 0n, value: 0n }, `position ${key} without movements is empty`);
}

eachDatabase('books', (server) => {
  it('posts an invoice, its cost of sales and its payments, and replaces them on edit', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const client = await s.create('clients', { Client: { business_name: 'Books Co' } });
    const product = await s.create('products', {
      Product: { name: 'Item', unit_price: 10, buy_price: 6, track_stock: 1, stock_balance: 100 },
    });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client, shipping_amount: 5 },
      InvoiceItem: [
        { product_id: product, quantity: 3, tax1: tax },
        { item: 'Service', unit_price: '19.99', quantity: 1, tax1: tax },
      ],
    });
    const [journal] = await journalsOf(s, 'invoice', invoice);
    assert.ok(journal, 'the invoice posted a journal');
    assert.equal(journal.is_automatic, '1');
    const full = (await s.get(`/api2/journals/${journal.id}`)).body.data.Journal;
    const lines = full.JournalTransaction;
    const debit = lines.reduce((a: bigint, l: any) => a + dec(l.debit), 0n);
    const credit = lines.reduce((a: bigint, l: any) => a + dec(l.credit), 0n);
    assert.equal(debit, credit);
    assert.equal(journal.total_debit, (await s.get(`/api2/invoices/${invoice}`)).body.data.Invoice.summary_total);
    const [cost] = await journalsOf(s, 'invoice_sales_cost', invoice);
    assert.equal(cost.total_debit, '18', '3 × buy price 6');
    assert.equal(
      (await s.put(`/api2/journals/${journal.id}`, { Journal: { description: 'x' } })).status,
      403,
      'automatic journals are read-only',
    );
    assert.equal((await s.del(`/api2/journals/${journal.id}`)).status, 403);

    const payment = await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: invoice, payment_method: 'cash', amount: 20 },
    });
    assert.equal((await journalsOf(s, 'invoice_payment', payment)).length, 1);
    await s.put(`/api2/invoice_payments/${payment}`, { InvoicePayment: { status: 2 } });
    assert.equal((await journalsOf(s, 'invoice_payment', payment)).length, 0, 'a pending payment posts nothing');
    await s.put(`/api2/invoices/${invoice}`, { InvoiceItem: [{ item: 'Only', unit_price: 50, quantity: 1 }] });
    const replaced = await journalsOf(s, 'invoice', invoice);
    assert.equal(replaced.length, 1, 'edit replaces the journal');
    assert.equal(replaced[0].total_debit, '55');
    assert.equal((await journalsOf(s, 'invoice_sales_cost', invoice)).length, 0, 'no stock item, no cost');
    await s.del(`/api2/invoice_payments/${payment}`);
    await s.del(`/api2/invoices/${invoice}`);
    assert.equal((await journalsOf(s, 'invoice', invoice)).length, 0, 'delete removes the journal');
    await checkBooks(s);
  });

  it('reverses with credit notes and refunds, and checks manual journals balance', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Refund Co' } });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'x', unit_price: 100 }],
    });
    const note = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'x', unit_price: 100 }],
    });
    const [reversal] = await journalsOf(s, 'credit_note', note);
    assert.equal(reversal.total_credit, '100');
    assert.equal((await s.get(`/api2/invoices/${invoice}`)).body.data.Invoice.payment_status, '3', 'refunded');
    const accounts = (await s.get('/api2/journal_accounts.json?limit=200')).body.data.map((r: any) => r.JournalAccount);
    const sales = accounts.find((a: any) => a.name === 'Sales');
    const capital = accounts.find((a: any) => a.name === 'Owner Capital');
    const unbalanced = await s.post('/api2/journals.json', {
      Journal: { description: 'bad' },
      JournalTransaction: [
        { journal_account_id: sales.id, debit: 10 },
        { journal_account_id: capital.id, credit: 9 },
      ],
    });
    assert.equal(unbalanced.status, 400);
    assert.ok(unbalanced.body.validation_errors.total_debit);
    // A negative side beside a positive one balances on paper but is refused: every line is one-sided,
    // which the aged reports' sums rely on (domain/open-items.ts).
    const negative = await s.post('/api2/journals.json', {
      Journal: { description: 'negative' },
      JournalTransaction: [
        { journal_account_id: sales.id, debit: 10, credit: -5 },
        { journal_account_id: capital.id, credit: 15 },
      ],
    });
    assert.equal(negative.status, 400, negative.text);
    assert.deepEqual(negative.body.validation_errors, { 'JournalTransaction.0.credit': 'must not be negative' });
    const manual = await s.create('journals', {
      Journal: { description: 'owner funds' },
      JournalTransaction: [
        { journal_account_id: sales.id, debit: '10.005' },
        { journal_account_id: capital.id, credit: '10.005' },
      ],
    });
    const got = (await s.get(`/api2/journals/${manual}`)).body.data.Journal;
    assert.equal(got.is_automatic, '0');
    assert.equal(got.JournalTransaction.length, 2);
    assert.equal((await s.del(`/api2/journal_accounts/${sales.id}`)).status, 400, 'an account with postings is kept');
    await checkBooks(s);
  });

  it('keeps the books, payments, stock and reports true through random sequences of writes (property)', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const client = await s.create('clients', { Client: { business_name: 'Random Co' } });
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Random Supplier' } });
    const product = await s.create('products', {
      Product: { name: 'P', unit_price: '3.33', buy_price: '1.11', track_stock: 1, stock_balance: 1_000_000 },
    });
    const cents = fc
      .integer({ min: 1, max: 100_000 })
      .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 20 }),
      unit_price: cents,
      taxed: fc.boolean(),
      stocked: fc.boolean(),
    });
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('invoice' as const),
        lines: fc.array(line, { minLength: 1, maxLength: 4 }),
        draft: fc.boolean(),
        discount: fc.integer({ min: 0, max: 30 }),
      }),
      fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), amount: cents, status: fc.constantFrom(1, 1, 2) }),
      fc.record({
        kind: fc.constant('edit' as const),
        pick: fc.nat(),
        lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('delete_payment' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete_invoice' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('purchase' as const),
        quantity: fc.integer({ min: 1, max: 50 }),
        unit_price: cents,
        taxed: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('expense' as const), amount: cents, taxed: fc.boolean(), income: fc.boolean() }),
      fc.record({
        kind: fc.constant('adjust' as const),
        quantity: fc.integer({ min: 1, max: 5 }),
        out: fc.boolean(),
        unit_price: fc.option(cents),
      }),
      fc.record({
        kind: fc.constant('credit_note' as const),
        pick: fc.nat(),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
    );
    const toItems = (lines: Array<{ quantity: number; unit_price: string; taxed: boolean; stocked: boolean }>) =>
      lines.map((l) => ({
        ...(l.stocked ? { product_id: product } : { item: 'free' }),
        quantity: l.quantity,
        unit_price: l.unit_price,
        ...(l.taxed ? { tax1: tax } : {}),
      }));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 8 }), async (steps) => {
        const invoices: string[] = [];
        const drafts = new Set<string>();
        const payments: string[] = [];
        for (const action of steps) {
          if (action.kind === 'invoice') {
            const id = await s.create('invoices', {
              Invoice: { client_id: client, draft: action.draft ? 1 : 0, discount: action.discount },
              InvoiceItem: toItems(action.lines),
            });
            invoices.push(id);
            if (action.draft) drafts.add(id);
          } else if (action.kind === 'pay' && invoices.length > 0) {
            const invoiceId = invoices[action.pick % invoices.length]!;
            const reply = await s.post('/api2/invoice_payments.json', {
              InvoicePayment: {
                invoice_id: invoiceId,
                payment_method: 'cash',
                amount: action.amount,
                status: action.status,
              },
            });
            if (drafts.has(invoiceId)) {
              assert.equal(reply.status, 400, `a draft takes no payments: ${reply.text}`);
              assert.ok(reply.body.validation_errors.invoice_id);
              continue;
            }
            assert.equal(reply.status, 202, reply.text);
            payments.push(reply.body.id);
          } else if (action.kind === 'edit' && invoices.length > 0) {
            const reply = await s.put(`/api2/invoices/${invoices[action.pick % invoices.length]}`, {
              InvoiceItem: toItems(action.lines),
            });
            assert.equal(reply.status, 200, reply.text);
          } else if (action.kind === 'delete_payment' && payments.length > 0) {
            const [id] = payments.splice(action.pick % payments.length, 1);
            assert.equal((await s.del(`/api2/invoice_payments/${id}`)).status, 200);
          } else if (action.kind === 'purchase') {
            await s.create('purchase_invoices', {
              PurchaseInvoice: { supplier_id: supplier },
              PurchaseInvoiceItem: [
                {
                  product_id: product,
                  quantity: action.quantity,
                  unit_price: action.unit_price,
                  ...(action.taxed ? { tax1: tax } : {}),
                },
              ],
            });
          } else if (action.kind === 'expense') {
            await s.create(action.income ? 'incomes' : 'expenses', {
              [action.income ? 'Income' : 'Expense']: {
                amount: action.amount,
                ...(action.taxed ? { tax1_id: tax } : {}),
              },
            });
          } else if (action.kind === 'adjust') {
            await s.create('stock_transactions', {
              StockTransaction: {
                product_id: product,
                transaction_type: action.out ? 2 : 1,
                quantity: action.quantity,
                ...(action.unit_price ? { price: action.unit_price } : {}),
              },
            });
          } else if (action.kind === 'credit_note' && invoices.length > 0) {
            const invoiceId = invoices[action.pick % invoices.length];
            const invoice = (await s.get(`/api2/invoices/${invoiceId}`)).body.data.Invoice;
            if (invoice.draft === '1') continue;
            // A credit note returns at most what its invoice can still return (summary_total − summary_refund).
            const each = Math.floor(
              Math.round((Number(invoice.summary_total) - Number(invoice.summary_refund ?? 0)) * 100) / action.quantity,
            );
            if (each < 1) continue;
            const reply = await s.post('/api2/credit_notes.json', {
              CreditNote: { client_id: client, subscription_id: invoiceId },
              InvoiceItem: [{ product_id: product, quantity: action.quantity, unit_price: (each / 100).toFixed(2) }],
            });
            assert.equal(reply.status, 202, reply.text);
            // An invoice with a credit note can no longer be deleted: keep it out of the deletable ones.
            invoices.splice(invoices.indexOf(invoiceId!), 1);
          } else if (action.kind === 'delete_invoice' && invoices.length > 0) {
            const [id] = invoices.splice(action.pick % invoices.length, 1);
            assert.equal((await s.del(`/api2/invoices/${id}`)).status, 200);
            const gone = await s.get(`/api2/invoice_payments.json?invoice_id=${id}&limit=1000`);
            assert.equal(gone.body.pagination.total_results, 0, 'payments go with their invoice');
            for (let i = payments.length - 1; i >= 0; i -= 1)
              if ((await s.get(`/api2/invoice_payments/${payments[i]}`)).status === 404) payments.splice(i, 1);
          }
          await checkBooks(s);
          await checkReportsAgree(s, '2999-12-31');
        }
      }),
      { numRuns: 8 },
    );
  });
});
