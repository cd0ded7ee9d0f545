// Integrity of the books under writes that name other records: a write racing the delete of the record
// it names, stock positions after every kind of write, client payments and their allocations, the
// accounts the posting rules need, payments only on invoices, currencies of allocations, ids never
// reused, searches with LIKE wildcards, and returns capped at what an invoice can still return.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type Reply, type TestServer, eachDatabase } from './support/harness.js';
import { bookProblems, orphanProblems } from './support/db-state.js';

const ROUNDS = 20;

function no5xx(replies: Reply[], what: string): void {
  const failed = replies.filter((reply) => reply.status >= 500);
  assert.deepEqual(failed.map((reply) => `${reply.status} ${reply.text.slice(0, 300)}`).slice(0, 3), [], `${what}: ${failed.length} 5xx`);
}

async function clientOf(s: TestServer, name = 'Integrity Client'): Promise<string> {
  return s.create('clients', { Client: { business_name: name } });
}

const invoiceWith = (client: string, lines: unknown[] = [{ item: 'Work', unit_price: '100' }], extra: Record<string, unknown> = {}) =>
  ({ Invoice: { client_id: client, ...extra }, InvoiceItem: lines });

/** Runs `child` and `deleteParent` at the same moment, `ROUNDS` times; the books must hold every time. */
async function race(s: TestServer, what: string, round: (index: number) => Promise<Reply[]>): Promise<void> {
  const replies: Reply[] = [];
  for (let index = 0; index < ROUNDS; index += 1) replies.push(...await round(index));
  no5xx(replies, what);
  assert.deepEqual(await orphanProblems(s.database), [], `${what}: rows of deleted records`);
  assert.deepEqual(await bookProblems(s.database), [], `${what}: books`);
}

eachDatabase('a write racing the delete of the record it names', (server) => {
  it('payment and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'payment', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.post('/api2/invoice_payments.json', { InvoicePayment: { invoice_id: invoice, payment_method: 'cash', amount: '10' } }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });

  it('credit note and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'credit note', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.post('/api2/credit_notes.json', { CreditNote: { client_id: client, subscription_id: invoice }, InvoiceItem: [{ item: 'Back', unit_price: '10' }] }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });

  it('client payment allocation and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'allocation', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.post('/api2/client_payments.json', { ClientPayment: { client_id: client, payment_method: 'cash', amount: '30' }, InvoicePayment: [{ invoice_id: invoice, amount: '20' }] }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });

  it('invoice line and product delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'line', async (index) => {
      const product = await s.create('products', { Product: { name: `Racing ${index}`, unit_price: '5' } });
      return Promise.all([
        s.post('/api2/invoices.json', invoiceWith(client, [{ product_id: product, quantity: 1 }])),
        s.del(`/api2/products/${product}`),
      ]);
    });
  });

  it('invoice edit and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    const product = await s.create('products', { Product: { name: 'Stocked', unit_price: '5', track_stock: 1, stock_balance: 1000 } });
    await race(s, 'edit', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.put(`/api2/invoices/${invoice}`, { Invoice: { notes: 'edited' }, InvoiceItem: [{ product_id: product, quantity: 2 }], Payment: [{ payment_method: 'cash', amount: '1' }] }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });
});
