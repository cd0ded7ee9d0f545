// Editing an invoice in the console (issue 21), on both engines, through HTTP with a signed-in session:
// the form comes filled from the invoice, a save replaces its lines through the API and keeps what the
// form does not show (a line's description, discount, second tax, custom columns), and a bad edit is a
// 400 on the form that leaves the invoice as it was.
import assert from 'node:assert/strict';
import { eachDatabase, it, ownerSession } from './support/harness.js';
import { csrfFor } from '../src/console/session.js';

eachDatabase('editing an invoice in the console', (server) => {
  it('fills the form, saves through the API and loses nothing the form does not show', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const other = await s.create('taxes', { Tax: { name: 'City', value: 1 } });
    const client = await s.create('clients', { Client: { business_name: 'Edited Co' } });
    const product = await s.create('products', {
      Product: { name: 'Edited Pen', unit_price: '19.99', track_stock: 1, stock_balance: 50 },
    });
    // A pen line with what the console's form does not show, and a free-text line.
    const invoiceOf = (pens: number) => ({
      Invoice: { client_id: client, date: '2026-11-20' },
      InvoiceItem: [
        {
          product_id: product,
          quantity: pens,
          tax1: tax,
          tax2: other,
          description: 'Gift wrapped',
          discount: 10,
          col_3: 'engraved',
        },
        { item: 'Delivery', unit_price: '5', quantity: 1 },
      ],
    });
    const id = await s.create('invoices', invoiceOf(2));
    const before = (await s.get(`/api2/invoices/${id}`)).body.data.Invoice;
    const token = await ownerSession(s);
    const cookie = `daftar_session=${token}`;

    const page = await s.get(`/app/invoices/${id}/edit`, { cookie, apikey: '' });
    assert.equal(page.status, 200, page.text.slice(0, 300));
    assert.match(page.text, /<h1>Edit invoice<\/h1>/);
    assert.match(page.text, new RegExp(`action="/app/invoices/${id}/edit"`));
    const lineIds = before.InvoiceItem.map((line: any) => String(line.id));
    for (const lineId of lineIds) assert.ok(page.text.includes(`name="line_id[]" value="${lineId}"`));
    assert.match(page.text, /name="quantity\[\]" inputmode="decimal" value="2"/);
    assert.match(page.text, /value="Delivery"/);

    const post = (fields: Array<[string, string]>) =>
      fetch(`${s.url}/app/invoices/${id}/edit`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([['_csrf', csrfFor(token)], ...fields]),
        redirect: 'manual',
      });
    const form = (quantity: string): Array<[string, string]> => [
      ['client_id', client],
      ['date', '2026-11-20'],
      ['product_id[]', product],
      ['item[]', 'Edited Pen'],
      ['quantity[]', quantity],
      ['unit_price[]', '19.99'],
      ['tax1[]', tax],
      ['line_id[]', lineIds[0]!],
      ['product_id[]', ''],
      ['item[]', 'Delivery'],
      ['quantity[]', '1'],
      ['unit_price[]', '5'],
      ['tax1[]', ''],
      ['line_id[]', lineIds[1]!],
    ];

    const refused = await post(form('two'));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /role="alert"/);
    const unchanged = (await s.get(`/api2/invoices/${id}`)).body.data.Invoice;
    assert.equal(unchanged.summary_total, before.summary_total, 'a refused edit changes nothing');

    const saved = await post(form('3'));
    assert.equal(saved.status, 303, await saved.text());
    assert.equal(saved.headers.get('location'), `/app/invoices/${id}?saved=1`);
    const after = (await s.get(`/api2/invoices/${id}`)).body.data.Invoice;
    const [pen, delivery] = after.InvoiceItem;
    assert.equal(pen.quantity, '3');
    assert.equal(pen.description, 'Gift wrapped', 'the description the form does not show is kept');
    assert.equal(pen.discount, '10');
    assert.equal(pen.tax2, other);
    assert.equal(pen.col_3, 'engraved');
    assert.equal(delivery.item, 'Delivery');
    assert.notEqual(after.summary_total, before.summary_total);
    // The same edit through the API gives the same total: the console adds no rule of its own.
    const twin = await s.create('invoices', invoiceOf(3));
    assert.equal((await s.get(`/api2/invoices/${twin}`)).body.data.Invoice.summary_total, after.summary_total);
    const stock = (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance;
    assert.equal(stock, '44', 'the stock follows the edit: 50 − 3 − 3');
  });
});
