// The books end to end on SQLite and PostgreSQL: moving-average cost through purchases, sales, returns
// and adjustments; postings of purchases, expenses and incomes; treasury balances from the books; the
// reports under /api2/reports agreeing with each other; exchange rates on foreign-currency documents.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dec } from '../src/domain/money.js';
import { checkReportsAgree, journalOf, report } from './support/books.js';
import { eachDatabase, it } from './support/harness.js';

eachDatabase('reports', (server) => {
  it('moving-average cost through purchases, a sale, a return, a purchase refund and an adjustment, and reports that agree', async () => {
    const s = server();
    const vat = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Wholesale Co' } });
    const client = await s.create('clients', { Client: { business_name: 'Retail Buyer' } });
    const product = await s.create('products', {
      Product: { name: 'Widget', unit_price: 20, buy_price: 5, track_stock: 1 },
    });
    const buy = (date: string, quantity: number, price: string) =>
      s.create('purchase_invoices', {
        PurchaseInvoice: { supplier_id: supplier, date },
        PurchaseInvoiceItem: [{ product_id: product, quantity, unit_price: price, tax1: vat }],
      });
    const first = await buy('2026-01-05', 10, '6');
    const purchaseJournal = await journalOf(s, 'purchase_order', first);
    assert.ok(purchaseJournal, 'a purchase invoice posts');
    assert.equal(purchaseJournal.total_debit, '69', '60 inventory + 9 input VAT = 69 payable');
    await buy('2026-01-10', 10, '9');
    let productRow = (await s.get(`/api2/products/${product}`)).body.data.Product;
    assert.equal(productRow.stock_balance, '20');
    assert.equal(productRow.average_price, '7.5', '(60 + 90) / 20');

    const invoice = await s.create('invoices', {
      Invoice: { client_id: client, date: '2026-02-01', due_after: 30 },
      InvoiceItem: [{ product_id: product, quantity: 4, tax1: vat }],
    });
    assert.equal((await journalOf(s, 'invoice_sales_cost', invoice)).total_debit, '30', '4 × moving average 7.5');
    assert.equal((await journalOf(s, 'invoice', invoice)).total_debit, '92', '80 + 12 VAT');
    const note = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice, date: '2026-02-03' },
      InvoiceItem: [{ product_id: product, quantity: 1, tax1: vat }],
    });
    assert.equal(
      (await journalOf(s, 'credit_note_sales_cost', note)).total_debit,
      '7.5',
      'returned goods come back at cost',
    );
    const refund = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier, subscription_id: first, date: '2026-02-04' },
      PurchaseRefundItem: [{ product_id: product, quantity: 2, unit_price: 9 }],
    });
    const refundJournal = await journalOf(s, 'purchase_refund', refund);
    const purchasesLine = refundJournal.JournalTransaction.find((line: any) => line.credit === '3');
    assert.ok(
      purchasesLine,
      `refund at 9 of goods costing 7.5: 3 saved on purchases: ${JSON.stringify(refundJournal.JournalTransaction)}`,
    );
    const adjustment = await s.create('stock_transactions', {
      StockTransaction: { product_id: product, transaction_type: 2, quantity: 1, date: '2026-02-05' },
    });
    assert.equal((await s.get(`/api2/stock_transactions/${adjustment}`)).body.data.StockTransaction.cost_value, '7.5');
    assert.equal((await journalOf(s, 'stock_transaction', adjustment)).total_debit, '7.5');
    productRow = (await s.get(`/api2/products/${product}`)).body.data.Product;
    assert.equal(productRow.stock_balance, '14', '20 − 4 + 1 − 2 − 1');

    const stock = await report(s, 'stock_valuation', 'date_to=2026-12-31');
    assert.equal(stock.rows.length, 1);
    assert.deepEqual(
      [stock.rows[0].quantity, stock.rows[0].value, stock.rows[0].average_cost],
      ['14', '105', '7.5'],
      '14 × 7.5',
    );
    const before = await report(s, 'stock_valuation', 'date_to=2026-01-31');
    assert.equal(before.totals.value, '150', 'as of January: both purchases, nothing sold');

    // Money through the primary treasury: a payment in, an expense and a refund out, an income in.
    await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: invoice, payment_method: 'cash', amount: 50, date: '2026-02-10 09:00:00' },
    });
    const expense = await s.create('expenses', {
      Expense: { amount: '11.5', tax1_id: vat, date: '2026-02-11', category: 'Rent' },
    });
    const expenseJournal = await journalOf(s, 'expense', expense);
    assert.equal(
      expenseJournal.total_debit,
      '13.23',
      '11.50 + 15% = 13.225 → 13.23 (half away from zero), paid from the treasury',
    );
    await s.create('incomes', { Income: { amount: 100, date: '2026-02-12' } });
    const treasury = (await s.get('/api2/treasuries.json')).body.data.find(
      (row: any) => row.Treasury.is_primary === '1',
    ).Treasury;
    assert.equal(treasury.balance, '136.77', '50 − 13.23 + 100');

    await checkReportsAgree(s, '2026-12-31');
    await checkReportsAgree(s, '2026-02-02');

    // Profit over a range equals the change in the profit held in equity.
    const sheetBefore = await report(s, 'balance_sheet', 'date_to=2026-01-31');
    const sheetAfter = await report(s, 'balance_sheet', 'date_to=2026-02-28');
    const february = await report(s, 'profit_and_loss', 'date_from=2026-02-01&date_to=2026-02-28');
    assert.equal(
      dec(february.totals.net_profit),
      dec(sheetAfter.totals.profit_to_date) - dec(sheetBefore.totals.profit_to_date),
    );
    assert.ok(dec(february.totals.revenue) > 0n);

    // Aged receivables: invoice 92 due 2026-03-03, credit note 13.80 and payment 50 settle it oldest first.
    const aged = await report(s, 'aged_receivables', 'date_to=2026-04-15');
    const row = aged.rows.find((r: any) => r.client_id === client);
    assert.equal(row.total, '19', '92 − 23 (credit note: 20 + 15%) − 50');
    assert.equal(row.days_31_60, '19', '43 days past 2026-03-03');
    const statement = await report(s, 'client_statement', `client_id=${client}&date_from=2026-02-02`);
    assert.equal(statement.totals.opening_balance, '92');
    assert.equal(statement.totals.closing_balance, '19');
    assert.deepEqual(
      statement.rows.map((r: any) => r.entity_type),
      ['credit_note', 'invoice_payment'],
    );
    const payables = await report(s, 'aged_payables', 'date_to=2026-02-28');
    assert.equal(payables.rows[0].total, '154.5', '69 + 103.50 − 18 refunded (no tax on the refund line)');

    const ledgerAccount =
      statement.rows.length > 0
        ? (await s.get(`/api2/journal_accounts.json?entity_type=client&entity_id=${client}`)).body.data[0]
            .JournalAccount.id
        : null;
    const ledger = await report(s, 'general_ledger', `journal_account_id=${ledgerAccount}`);
    assert.equal(ledger.totals.closing_balance, '19', 'the ledger of the client account ends where the statement does');

    // Deleting documents removes what they posted; the books still agree.
    assert.equal((await s.del(`/api2/stock_transactions/${adjustment}`)).status, 200);
    assert.equal(await journalOf(s, 'stock_transaction', adjustment), undefined);
    assert.equal((await s.del(`/api2/expenses/${expense}`)).status, 200);
    assert.equal(await journalOf(s, 'expense', expense), undefined);
    await checkReportsAgree(s, '2026-12-31');
  });

  it('serves CSV, refuses bad parameters naming them, and 404s unknown reports', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Comma, "Quoted" Ltd' } });
    await s.create('invoices', {
      Invoice: { client_id: client, date: '2026-03-01' },
      InvoiceItem: [{ item: '=cmd()', unit_price: 10 }],
    });
    const csv = await s.get('/api2/reports/aged_receivables.csv?date_to=2026-03-31');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    assert.equal(lines[0], 'client_id,name,current,days_1_30,days_31_60,days_61_90,days_over_90,total');
    assert.ok(
      lines.includes(`${client},"Comma, ""Quoted"" Ltd",0,10,0,0,0,10`),
      `quoted, and 30 days past its due day 2026-03-01: ${csv.text}`,
    );
    const ledger = await s.get('/api2/reports/trial_balance.csv');
    assert.equal(
      ledger.text.split('\r\n')[0],
      'journal_account_id,code,name,class,opening_debit,opening_credit,debit,credit,closing_debit,closing_credit',
    );

    for (const [query, field] of [
      ['date_to=2026-02-30', 'date_to'],
      ['date_from=yesterday', 'date_from'],
      ['date_from=2026-05-01&date_to=2026-04-01', 'date_from'],
    ]) {
      const bad = await s.get(`/api2/reports/trial_balance.json?${query}`);
      assert.equal(bad.status, 400, query);
      assert.ok(bad.body.validation_errors[field], `${query} names ${field}`);
    }
    const noAccount = await s.get('/api2/reports/general_ledger.json');
    assert.equal(noAccount.status, 400);
    assert.ok(noAccount.body.validation_errors.journal_account_id);
    assert.equal((await s.get('/api2/reports/client_statement.json?client_id=999999')).status, 400);
    const unknown = await s.get('/api2/reports/salaries.json');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.result, 'failed');
    assert.equal((await s.get('/api2/reports/stock_levels.json')).body.data.Report.name, 'stock_valuation', 'alias');
  });

  it('posts a foreign-currency invoice and its payment at the exchange rate, in the site currency', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Dollar Buyer' } });
    const refused = await s.post('/api2/invoices.json', {
      Invoice: { client_id: client, currency_code: 'USD' },
      InvoiceItem: [{ item: 'x', unit_price: 10 }],
    });
    assert.equal(refused.status, 400);
    assert.ok(refused.body.validation_errors.currency_rate, 'a USD invoice on a SAR site needs its rate');
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client, currency_code: 'USD', currency_rate: '3.75', date: '2026-03-01' },
      InvoiceItem: [{ item: 'Consulting', unit_price: '33.33', quantity: 1 }],
    });
    const journal = await journalOf(s, 'invoice', invoice);
    assert.equal(journal.currency_code, 'USD');
    assert.equal(journal.total_debit, '124.99', '33.33 × 3.75 = 124.9875 → 124.99 SAR');
    assert.equal(journal.currency_debit, '33.33');
    assert.ok(journal.JournalTransaction.every((line: any) => line.currency_rate === '3.75'));
    const payment = await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: invoice, payment_method: 'wire', amount: '33.33', date: '2026-03-02 10:00:00' },
    });
    assert.equal((await s.get(`/api2/invoice_payments/${payment}`)).body.data.InvoicePayment.currency_rate, '3.75');
    assert.equal((await journalOf(s, 'invoice_payment', payment)).total_debit, '124.99');
    const statement = await report(s, 'client_statement', `client_id=${client}`);
    assert.equal(statement.currency_code, 'SAR');
    assert.equal(statement.totals.closing_balance, '0', 'paid in full, in SAR too');
    await checkReportsAgree(s, '2026-12-31');
  });

  it('refuses to sell below zero by default, and allows it once the site setting says so (daftar site set)', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Short Stock' } });
    const product = await s.create('products', {
      Product: { name: 'Scarce', unit_price: 10, buy_price: 4, track_stock: 1, stock_balance: 2 },
    });
    const sale = {
      Invoice: { client_id: client, date: '2026-04-01' },
      InvoiceItem: [{ product_id: product, quantity: 3 }],
    };
    const refused = await s.post('/api2/invoices.json', sale);
    assert.equal(refused.status, 400);
    assert.match(refused.body.validation_errors['InvoiceItem.0.quantity'], /not enough stock .*available 2/);
    const site = await s.database.db
      .selectFrom('sites')
      .select('subdomain')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const cli = (setting: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['dist/src/cli.js', 'site', 'set', String(site['subdomain']), setting], {
          env: { ...process.env, ...s.env },
          encoding: 'utf8',
        }),
      );
    assert.deepEqual(cli('allow_negative_stock=1'), { site_id: 1, allow_negative_stock: 1 });
    try {
      assert.equal((await s.get('/api2/site_info')).body.data.Site.allow_negative_stock, '1');
      const sold = await s.post('/api2/invoices.json', sale);
      assert.equal(sold.status, 202, sold.text);
      assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '-1');
      assert.equal(
        (await journalOf(s, 'invoice_sales_cost', sold.body.id)).total_debit,
        '12',
        '3 × 4: beyond the stock, at the last receipt cost',
      );
      await checkReportsAgree(s, '2999-12-31');
    } finally {
      cli('allow_negative_stock=0');
    }
    assert.throws(() => cli('allow_negative_stock=yes'), /unknown setting/);
  });
});
