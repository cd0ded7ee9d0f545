// Crash safety: the real server process, under a concurrent write load (invoices with lines and
// payments), killed with SIGKILL mid-load and restarted on the same database. Every write that was
// answered 2xx must be there whole, and nothing may be half-written: every invoice has its lines, every
// journal balances, every stock balance is the sum of its movements. Short by default;
// DAFTAR_CRASH_ROUNDS=<n> for more kills.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import {
  type Engine,
  type TestDatabase,
  freshDatabase,
  postgresProblem,
  startTestServer,
  it,
} from './support/harness.js';
import { bookProblems } from './support/db-state.js';
import { ServerProcess, openDirect } from './support/processes.js';

const ROUNDS = Number(process.env['DAFTAR_CRASH_ROUNDS'] ?? '') || 2;
const WORKERS = 6;
const PRODUCT_PRICE_CENTS = 1_000;

interface AckedInvoice {
  id: string;
  lines: number;
  totalCents: number;
  paidCents: number;
}
interface AckedPayment {
  id: string;
  invoiceId: string;
  amountCents: number;
}

const cents = (text: string) => Math.round(Number(text) * 100);
const money = (value: number) => (value / 100).toFixed(2);

/** Writes as fast as it can until the server dies; records what the server acknowledged. */
async function writeLoad(
  server: ServerProcess,
  clientId: string,
  productId: string,
  invoices: AckedInvoice[],
  payments: AckedPayment[],
): Promise<number> {
  let attempts = 0;
  const worker = async (seed: number) => {
    for (let n = 0; ; n += 1) {
      attempts += 1;
      const pick = (seed * 7919 + n * 104729) % 100;
      try {
        if (pick < 25 && invoices.length > 0) {
          const invoice = invoices[(seed + n) % invoices.length]!;
          const reply = await server.post('/api2/invoice_payments.json', {
            InvoicePayment: { invoice_id: invoice.id, payment_method: 'cash', amount: '1.00' },
          });
          assert.ok(reply.status < 500, `payment answered ${reply.status}: ${reply.text}`);
          if (reply.status === 202) payments.push({ id: reply.body.id, invoiceId: invoice.id, amountCents: 100 });
          continue;
        }
        const quantity = 1 + (n % 3);
        const serviceCents = 100 + ((seed * 31 + n * 17) % 9_900);
        const totalCents = quantity * PRODUCT_PRICE_CENTS + serviceCents + 250;
        const paidCents = pick % 2 === 0 ? Math.min(totalCents, 500 + pick) : 0;
        const body: Record<string, unknown> = {
          Invoice: { client_id: clientId, notes: `load ${seed}/${n}` },
          InvoiceItem: [
            { product_id: productId, quantity },
            { item: 'Service', unit_price: money(serviceCents) },
            { item: 'Fee', unit_price: '2.50' },
          ],
        };
        if (paidCents > 0) body['Payment'] = [{ payment_method: 'cash', amount: money(paidCents) }];
        const reply = await server.post('/api2/invoices.json', body);
        assert.ok(reply.status < 500, `invoice answered ${reply.status}: ${reply.text}`);
        if (reply.status === 202) invoices.push({ id: reply.body.id, lines: 3, totalCents, paidCents });
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        return; // the connection died with the server: the outcome of this request is unknown
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index + 1)));
  return attempts;
}

for (const engine of ['sqlite', 'postgres'] as const satisfies readonly Engine[]) {
  const skip = engine === 'postgres' && postgresProblem ? postgresProblem : false;
  describe(`crash safety [${engine}]`, { skip }, () => {
    let database: TestDatabase;
    let server: ServerProcess | undefined;

    before(async () => {
      database = await freshDatabase(engine);
    });
    after(async () => {
      await server?.crash();
      await database?.drop();
    });

    it(`keeps every acknowledged write whole through ${ROUNDS} SIGKILL(s) mid-load`, async (t) => {
      server = await ServerProcess.start(database);
      const clientId = await server.create('clients', { Client: { business_name: 'Crash Test Client' } });
      const productId = await server.create('products', {
        Product: {
          name: 'Crash Widget',
          unit_price: money(PRODUCT_PRICE_CENTS),
          buy_price: '4',
          track_stock: 1,
          stock_balance: 1_000_000,
        },
      });
      const invoices: AckedInvoice[] = [];
      const payments: AckedPayment[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        if (round > 1) server = await ServerProcess.start(database);
        const before = invoices.length + payments.length;
        const load = writeLoad(server, clientId, productId, invoices, payments);
        // Kill once writes are flowing, at a point that differs from round to round.
        const deadline = Date.now() + 10_000;
        while (invoices.length + payments.length < before + 20 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 100 + ((round * 137) % 400)));
        await server.crash();
        await load;
        assert.ok(
          invoices.length + payments.length > before,
          `round ${round}: writes were acknowledged before the kill`,
        );
      }

      t.diagnostic(`${invoices.length} invoices and ${payments.length} payments acknowledged over ${ROUNDS} kills`);
      server = await ServerProcess.start(database);
      const missing: string[] = [];
      for (const invoice of invoices) {
        const reply = await server.get(`/api2/invoices/${invoice.id}.json`);
        if (reply.status !== 200) {
          missing.push(`invoice ${invoice.id}: ${reply.status}`);
          continue;
        }
        const got = reply.body.data.Invoice;
        if (got.InvoiceItem.length !== invoice.lines)
          missing.push(`invoice ${invoice.id} has ${got.InvoiceItem.length} lines, not ${invoice.lines}`);
        if (cents(got.summary_total) !== invoice.totalCents)
          missing.push(`invoice ${invoice.id} total ${got.summary_total}, not ${money(invoice.totalCents)}`);
        const acked =
          invoice.paidCents +
          payments.filter((p) => p.invoiceId === invoice.id).reduce((total, p) => total + p.amountCents, 0);
        if (cents(got.summary_paid) < acked)
          missing.push(`invoice ${invoice.id} paid ${got.summary_paid}, acknowledged ${money(acked)}`);
      }
      for (const payment of payments) {
        const reply = await server.get(`/api2/invoice_payments/${payment.id}.json`);
        if (reply.status !== 200 || cents(reply.body.data.InvoicePayment.amount) !== payment.amountCents)
          missing.push(`payment ${payment.id}: ${reply.status}`);
      }
      assert.deepEqual(
        missing.slice(0, 20),
        [],
        `${missing.length} acknowledged writes lost or changed (of ${invoices.length} invoices, ${payments.length} payments)`,
      );

      const direct = openDirect(database);
      try {
        assert.deepEqual(await bookProblems(direct), [], 'no half-written documents, journals or stock');
        // Every invoice line of the product moved stock, and nothing else did.
        const { rows } = await sql<{
          sold: string | number | null;
          moved: string | number | null;
          balance: string | number;
        }>`
          select (select sum(quantity) from invoice_items where product_id = ${Number(productId)}) as sold,
                 (select sum(quantity) from stock_transactions where product_id = ${Number(productId)} and source_type = 2) as moved,
                 (select stock_balance from products where id = ${Number(productId)}) as balance`.execute(direct.db);
        const [row] = rows;
        assert.equal(String(row!.sold), String(row!.moved), 'Σ sold quantities = Σ invoice stock movements');
        assert.equal(
          BigInt(row!.balance) + BigInt(row!.moved ?? 0),
          1_000_000n * 1_000_000n,
          'opening stock − sold = balance',
        );
        const invoiceCount = await sql<{ n: string | number }>`select count(*) as n from invoices`.execute(direct.db);
        assert.ok(Number(invoiceCount.rows[0]!.n) >= invoices.length, 'at least every acknowledged invoice exists');
      } finally {
        await direct.close();
      }
      // The restarted server takes writes again, numbering after the highest number handed out.
      const next = await server.create('invoices', {
        Invoice: { client_id: clientId },
        InvoiceItem: [{ item: 'After', unit_price: 1 }],
      });
      assert.equal((await server.get(`/api2/invoices/${next}`)).status, 200);
      assert.equal(await server.stop(), 0, 'SIGTERM stops the server cleanly');
      server = undefined;
    });
  });
}

describe('SQLite durability setting', () => {
  it('uses synchronous=FULL by default and NORMAL when DAFTAR_SQLITE_SYNCHRONOUS says so', async () => {
    for (const [setting, level] of [
      [undefined, 2],
      ['normal', 1],
    ] as const) {
      const s = await startTestServer('sqlite', setting ? { DAFTAR_SQLITE_SYNCHRONOUS: setting } : {});
      try {
        const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(s.database.db);
        assert.equal(rows[0]!.synchronous, level, `DAFTAR_SQLITE_SYNCHRONOUS=${setting ?? '(unset)'}`);
        const { rows: mode } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(s.database.db);
        assert.equal(mode[0]!.journal_mode, 'wal');
      } finally {
        await s.close();
      }
    }
    assert.throws(() => loadConfig({ DAFTAR_SQLITE_SYNCHRONOUS: 'OFF' }), /DAFTAR_SQLITE_SYNCHRONOUS/);
  });
});
