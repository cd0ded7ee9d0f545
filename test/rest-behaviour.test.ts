// Behaviour behind the rest of the docs export: purchase debit notes book like purchase refunds and
// move no stock; requisitions, advance payments, bookings and multi-entity writes follow below.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eachDatabase } from './support/harness.js';
import { journalOf } from './support/books.js';
import { bookProblems } from './support/db-state.js';

const V2 = '/v2/api/entity';

eachDatabase('rest of the docs export: behaviour', (server) => {
  let supplier = '';
  let product = '';
  let tax = '';
  let purchase = '';

  before(async () => {
    const s = server();
    tax = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    supplier = await s.create('suppliers', { Supplier: { business_name: 'Bulk Foods' } });
    product = await s.create('products', { Product: { name: 'Rice 5kg', unit_price: '40', buy_price: '25', track_stock: 1 } });
    purchase = await s.create('purchase_invoices', { PurchaseOrder: { supplier_id: supplier }, PurchaseOrderItem: [{ product_id: product, quantity: 10, unit_price: '25', tax1: tax }] });
  });

  it('books a purchase debit note like a purchase refund (Dr supplier, Cr purchases and input tax) and moves no stock', async () => {
    const s = server();
    const stockBefore = (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance;
    const created = await s.post(`${V2}/purchase_debit_note`, {
      type: '14', supplier_id: Number(supplier), date: '23/03/2026', draft: '0', subscription_id: Number(purchase),
      purchase_debit_notes_items: [{ product_id: Number(product), item: 'Rice 5kg', unit_price: 10, quantity: 2, tax1: Number(tax) }],
      summary_total: { currency: 'SAR' }, PurchaseOrderCustomField: { 0: { label: 'x', value: 'y' } },
    });
    assert.equal(created.status, 200, created.text);
    const note = (await s.get(`${V2}/purchase_debit_note/${created.body.id}/1`)).body;
    assert.equal(note.type, 14);
    assert.equal(String(note.summary_total), '23');
    assert.equal(note.date, '2026-03-23');
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, stockBefore, 'no stock moves');
    const journal = await journalOf(s, 'purchase_debit_note', String(created.body.id));
    assert.ok(journal, 'the debit note has a journal');
    const lines = journal.JournalTransaction as Array<{ debit: string; credit: string; subkey: string | null }>;
    const supplierLine = lines.find((line) => line.subkey === 'supplier')!;
    assert.equal(supplierLine.debit, '23');
    assert.equal(lines.find((line) => line.subkey === 'outcome_tax')!.credit, '3');
    assert.equal(journal.total_debit, '23');
    // Listed on its own entity (list/-1: header only), not among purchase invoices or refunds.
    const listed = await s.get(`${V2}/purchase_debit_note/list/-1`);
    assert.deepEqual(listed.body.data.map((row: { id: number }) => row.id), [created.body.id]);
    assert.equal((await s.get(`/api2/purchase_refunds/${created.body.id}`)).status, 404);
    // The purchase invoice it corrects cannot be deleted under it.
    assert.equal((await s.del(`/api2/purchase_invoices/${purchase}`)).status, 400);
    assert.equal((await s.get(`${V2}/purchase_debit_note/${created.body.id}`)).status, 200);
    assert.equal((await s.del(`${V2}/purchase_debit_note/${created.body.id}`)).status, 200);
    assert.equal(await journalOf(s, 'purchase_debit_note', String(created.body.id)), undefined, 'its journal goes with it');
    assert.deepEqual(await bookProblems(s.database), []);
  });
});
