// Two server processes on one database, written to at the same time: numbers stay unique, an invoice's
// paid sum stays exact, stock never goes below zero, journals balance, and no request is a 5xx.
// PostgreSQL is the supported multi-process setup; the same suite runs on one SQLite file (where
// writers queue on SQLite's lock with busy_timeout).
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { sql } from 'kysely';
import { paymentStatusOf } from '../src/domain/payments.js';
import {
  type Engine,
  type Reply,
  type TestDatabase,
  freshDatabase,
  inParallel,
  postgresProblem,
  it,
} from './support/harness.js';
import { bookProblems } from './support/db-state.js';
import { ServerProcess, openDirect } from './support/processes.js';

const INVOICES = 200;
const PAYMENTS = 40;
const SALES = 30;
const STOCK = 10;

function no5xx(replies: Reply[], what: string): void {
  const failed = replies.filter((reply) => reply.status >= 500);
  assert.deepEqual(
    failed.map((reply) => `${reply.status} ${reply.text.slice(0, 200)}`).slice(0, 5),
    [],
    `${what}: ${failed.length} 5xx`,
  );
}

const cents = (text: string) => Math.round(Number(text) * 100);

for (const engine of ['postgres', 'sqlite'] as const satisfies readonly Engine[]) {
  const skip = engine === 'postgres' && postgresProblem ? `${postgresProblem} (two processes need PostgreSQL)` : false;
  describe(`two server processes on one database [${engine}]`, { skip }, () => {
    let database: TestDatabase;
    let servers: ServerProcess[] = [];
    let clientId: string;

    before(async () => {
      database = await freshDatabase(engine);
      // Both start at once: migrations run once (PostgreSQL's migration lock; on SQLite the loser of
      // the race runs them again) and one default site is made.
      const started = await Promise.allSettled([ServerProcess.start(database), ServerProcess.start(database)]);
      servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      clientId = await servers[0]!.create('clients', { Client: { business_name: 'Concurrent Client' } });
    });
    after(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await database?.drop();
    });

    it(`hands out ${INVOICES} distinct numbers to concurrent invoices split across both processes`, async () => {
      const replies = await inParallel(INVOICES, 24, (index) =>
        servers[index % 2]!.post('/api2/invoices.json', {
          Invoice: { client_id: clientId },
          InvoiceItem: [{ item: `Line ${index}`, unit_price: '1.50', quantity: 2 }],
        }),
      );
      no5xx(replies, 'invoice creations');
      assert.deepEqual(
        replies
          .filter((reply) => reply.status !== 202)
          .map((reply) => `${reply.status} ${reply.text.slice(0, 200)}`)
          .slice(0, 5),
        [],
        'every creation accepted',
      );
      const ids = replies.map((reply) => Number(reply.body.id));
      const direct = openDirect(database);
      try {
        const rows = await direct.db.selectFrom('invoices').select(['id', 'no']).where('id', 'in', ids).execute();
        assert.equal(rows.length, INVOICES);
        const numbers = new Set(rows.map((row) => String(row['no'])));
        assert.equal(numbers.size, INVOICES, 'every number distinct');
        for (const number of numbers) assert.match(number, /^\d{6}$/);
      } finally {
        await direct.close();
      }
    });

    it(`keeps an invoice's paid sum exact under ${PAYMENTS} concurrent payments`, async () => {
      const invoiceId = await servers[1]!.create('invoices', {
        Invoice: { client_id: clientId },
        InvoiceItem: [{ item: 'Big job', unit_price: '500.00' }],
      });
      const amounts = Array.from({ length: PAYMENTS }, (_, index) => 100 + ((index * 7_919) % 2_400));
      const replies = await Promise.all(
        amounts.map((amount, index) =>
          servers[index % 2]!.post('/api2/invoice_payments.json', {
            InvoicePayment: { invoice_id: invoiceId, payment_method: 'cash', amount: (amount / 100).toFixed(2) },
          }),
        ),
      );
      no5xx(replies, 'payments');
      const acknowledged = replies.reduce(
        (total, reply, index) => total + (reply.status === 202 ? amounts[index]! : 0),
        0,
      );
      for (const reply of replies) if (reply.status !== 202) assert.equal(reply.body.result, 'failed', reply.text);
      const invoice = (await servers[0]!.get(`/api2/invoices/${invoiceId}.json`)).body.data.Invoice;
      assert.equal(cents(invoice.summary_paid), acknowledged, 'paid = Σ accepted payments');
      assert.equal(
        invoice.InvoicePayment.filter((p: any) => p.status === '1').reduce(
          (t: number, p: any) => t + cents(p.amount),
          0,
        ),
        acknowledged,
      );
      const total = cents(invoice.summary_total);
      assert.equal(cents(invoice.summary_unpaid), Math.max(0, total - acknowledged), 'unpaid = total − paid');
      const expected = paymentStatusOf({
        draft: false,
        total: BigInt(total) * 10_000n,
        paid: BigInt(acknowledged) * 10_000n,
        refunded: 0n,
      });
      assert.equal(invoice.payment_status, String(expected), 'payment status follows the sums');
    });

    it(`never sells below zero: ${SALES} concurrent sales of a product with stock ${STOCK}`, async () => {
      const productId = await servers[0]!.create('products', {
        Product: { name: 'Scarce', unit_price: '10', track_stock: 1, stock_balance: STOCK },
      });
      const replies = await Promise.all(
        Array.from({ length: SALES }, (_, index) =>
          servers[index % 2]!.post('/api2/invoices.json', {
            Invoice: { client_id: clientId },
            InvoiceItem: [{ product_id: productId, quantity: 1 }],
          }),
        ),
      );
      no5xx(replies, 'sales');
      const accepted = replies.filter((reply) => reply.status === 202).length;
      for (const reply of replies) {
        if (reply.status === 202) continue;
        assert.equal(reply.status, 400, reply.text);
        assert.match(reply.body.validation_errors?.['InvoiceItem.0.quantity'] ?? '', /not enough stock/, reply.text);
      }
      assert.equal(accepted, STOCK, 'exactly the stock was sold: every refusal came when none was left');
      const product = (await servers[1]!.get(`/api2/products/${productId}`)).body.data.Product;
      assert.equal(product.stock_balance, '0');
    });

    it('balances every journal and keeps every stock and paid sum true', async () => {
      const direct = openDirect(database);
      try {
        assert.deepEqual(await bookProblems(direct), []);
        const { rows } = await sql<{ n: string | number }>`select count(*) as n from sites`.execute(direct.db);
        assert.equal(Number(rows[0]!.n), 1, 'two processes starting together made one default site');
      } finally {
        await direct.close();
      }
    });
  });
}
