// Daftar's top lists (the console dashboard's top clients and products), on both engines: top_clients
// ranks the clients by what their accounts were debited in the range and top_products the products by
// net quantity sold in whole months (invoices less credit notes), both equal to the same figures summed
// here from the documents the API holds; bad parameters are a 400 naming the field; the trigger-kept
// sales totals agree with the movements (bookProblems).
import assert from 'node:assert/strict';
import { report } from './support/books.js';
import { bookProblems } from './support/db-state.js';
import { eachDatabase, it } from './support/harness.js';
import { ZERO, formatDec, parseDec } from '../src/domain/money.js';

const dec = (value: unknown) => parseDec(String(value ?? '0')) ?? ZERO;

eachDatabase('top clients and products', (server) => {
  it('ranks clients by invoiced and products by quantity sold, as the documents add up', async () => {
    const s = server();
    const vat = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const clients = [
      await s.create('clients', { Client: { business_name: 'Small Buyer' } }),
      await s.create('clients', { Client: { business_name: 'Big Buyer' } }),
      await s.create('clients', { Client: { business_name: 'October Only' } }),
    ];
    const products = [
      await s.create('products', {
        Product: { name: 'Pen', unit_price: '3', buy_price: '1', track_stock: 1, stock_balance: 500 },
      }),
      await s.create('products', {
        Product: { name: 'Ink', unit_price: '9', buy_price: '4', track_stock: 1, stock_balance: 500 },
      }),
    ];
    const sell = (client: string, date: string, lines: Array<[string, number]>) =>
      s.create('invoices', {
        Invoice: { client_id: client, date },
        InvoiceItem: lines.map(([product, quantity]) => ({ product_id: product, quantity, tax1: vat })),
      });
    await sell(clients[0]!, '2026-11-03', [[products[0]!, 10]]);
    const big = await sell(clients[1]!, '2026-11-10', [
      [products[0]!, 4],
      [products[1]!, 20],
    ]);
    await sell(clients[1]!, '2026-11-30', [[products[1]!, 5]]);
    await sell(clients[2]!, '2026-10-31', [[products[0]!, 100]]);
    // Five inks come back in November, and the big buyer pays part.
    await s.create('credit_notes', {
      CreditNote: { client_id: clients[1], subscription_id: big, date: '2026-11-12' },
      InvoiceItem: [{ product_id: products[1], quantity: 5, tax1: vat }],
    });
    await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: big, payment_method: 'cash', amount: '50', date: '2026-11-15' },
    });

    // What the documents say, summed here: invoiced with VAT, received as paid plus credited.
    const docs = async (path: string, model: string) =>
      (await s.get(`${path}?limit=100`)).body.data.map((row: any) => row[model]);
    const invoices = await docs('/api2/invoices.json', 'Invoice');
    const notes = await docs('/api2/credit_notes.json', 'CreditNote');
    const inNovember = (date: string) => date.slice(0, 7) === '2026-11';
    const expected = new Map<string, { invoiced: bigint; received: bigint }>();
    const at = (client: string) => expected.get(client) ?? { invoiced: ZERO, received: ZERO };
    for (const invoice of invoices.filter((i: any) => inNovember(i.date))) {
      const sums = at(invoice.client_id);
      expected.set(invoice.client_id, { ...sums, invoiced: sums.invoiced + dec(invoice.summary_total) });
    }
    for (const note of notes.filter((n: any) => inNovember(n.date))) {
      const sums = at(note.client_id);
      expected.set(note.client_id, { ...sums, received: sums.received + dec(note.summary_total) });
    }
    const paid = at(clients[1]!);
    expected.set(clients[1]!, { ...paid, received: paid.received + dec('50') });

    const top = await report(s, 'top_clients', 'date_from=2026-11-01&date_to=2026-11-30');
    assert.deepEqual(top.columns, ['client_id', 'name', 'invoiced', 'received']);
    assert.deepEqual(
      top.rows.map((row: any) => [row.client_id, row.invoiced, row.received]),
      [clients[1]!, clients[0]!].map((id) => [id, formatDec(at(id).invoiced), formatDec(at(id).received)]),
      'the big buyer first, then the small one; October only is not in November',
    );
    assert.equal(top.rows[0].name, 'Big Buyer');
    assert.equal(top.totals.invoiced, formatDec(at(clients[0]!).invoiced + at(clients[1]!).invoiced));
    assert.equal((await report(s, 'top_clients', 'date_from=2026-11-01&date_to=2026-11-30&limit=1')).rows.length, 1);
    const allTime = await report(s, 'top_clients', 'date_to=2026-11-30');
    assert.equal(allTime.rows[0].client_id, clients[2], '100 pens in October outsell them all');
    for (const limit of ['0', '101', 'x']) {
      const bad = await s.get(`/api2/reports/top_clients.json?limit=${limit}`);
      assert.equal(bad.status, 400);
      assert.ok(bad.body.validation_errors.limit, bad.text);
    }

    const sold = await report(s, 'top_products', 'date_from=2026-11-01&date_to=2026-11-30');
    assert.deepEqual(sold.columns, ['product_id', 'product_code', 'product_name', 'quantity', 'cost']);
    // Inks: 20 + 5 sold, 5 back: 20, at cost 4. Pens: 10 + 4: 14, at cost 1.
    assert.deepEqual(
      sold.rows.map((row: any) => [row.product_name, row.quantity, row.cost]),
      [
        ['Ink', '20', '80'],
        ['Pen', '14', '14'],
      ],
    );
    assert.deepEqual(sold.totals, { quantity: '34', cost: '94' });
    const october = await report(s, 'top_products', 'date_from=2026-10-01&date_to=2026-10-31');
    assert.deepEqual(
      october.rows.map((row: any) => [row.product_name, row.quantity]),
      [['Pen', '100']],
    );
    for (const [query, field] of [
      ['date_from=2026-11-02&date_to=2026-11-30', 'date_from'],
      ['date_from=2026-11-01&date_to=2026-11-15', 'date_to'],
      ['limit=0', 'limit'],
    ] as const) {
      const bad = await s.get(`/api2/reports/top_products.json?${query}`);
      assert.equal(bad.status, 400, `${query}: ${bad.text}`);
      assert.ok(bad.body.validation_errors[field], bad.text);
    }
    assert.deepEqual(await bookProblems(s.database), [], 'the kept totals agree with the lines and movements');
  });
});
