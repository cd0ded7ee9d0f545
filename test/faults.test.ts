// Fault injection on PostgreSQL, with the real server process: every backend of the database is
// terminated (as a PostgreSQL restart, failover or pooler restart would) while invoices, payments and
// credit notes are being written, then the server is killed with SIGKILL under the same load and
// restarted. The process must stay up through the terminations; a request caught in one fails whole
// with a 503 and Retry-After, never a 500; every write answered 2xx is there whole; the books balance,
// stock equals its ledger, paid sums equal the payments; /ready says the database is down while it is.
// Short by default (a few seconds); DAFTAR_FAULT_ROUNDS=<n> terminates more often.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { POSTGRES_ADMIN_URL, type TestDatabase, freshDatabase, postgresProblem, it } from './support/harness.js';
import { bookProblems } from './support/db-state.js';
import { ServerProcess, openDirect } from './support/processes.js';

const TERMINATIONS = Number(process.env['DAFTAR_FAULT_ROUNDS'] ?? '') || 3;
const WORKERS = 6;
/** Each worker stops after this many requests or when told to, whichever comes first. */
const REQUESTS_PER_WORKER_MAX = 400;
const PRICE_CENTS = 1_000;
const OPENING_STOCK = 1_000_000;

const cents = (text: string) => Math.round(Number(text) * 100);
const money = (value: number) => (value / 100).toFixed(2);

interface Acked {
  invoices: Array<{ id: string; totalCents: number; paidCents: number }>;
  payments: Array<{ id: string; invoiceId: string }>;
  credits: string[];
  /** Notes of the creates sent with an Idempotency-Key (and retried with it): each may exist at most once. */
  keyedNotes: string[];
}

interface LoadResult {
  statuses: Map<number, number>;
  problems: string[];
  lost: number;
}

/** Writes until `stop()` says so (or the request budget is spent); records what was acknowledged. */
function startLoad(
  server: ServerProcess,
  clientId: string,
  productId: string,
  acked: Acked,
  serverMayDie: boolean,
  phase: string,
) {
  let stopped = false;
  const result: LoadResult = { statuses: new Map(), problems: [], lost: 0 };
  const note = (status: number) => result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
  const worker = async (seed: number) => {
    for (let n = 0; n < REQUESTS_PER_WORKER_MAX && !stopped; n += 1) {
      const pick = (seed * 7919 + n * 104729) % 100;
      try {
        if (pick < 20 && acked.invoices.length > 0) {
          const invoice = acked.invoices[(seed + n) % acked.invoices.length]!;
          const reply = await server.post('/api2/invoice_payments.json', {
            InvoicePayment: { invoice_id: invoice.id, payment_method: 'cash', amount: '1.00' },
          });
          note(reply.status);
          if (reply.status === 202) acked.payments.push({ id: reply.body.id, invoiceId: invoice.id });
          else check(reply);
          continue;
        }
        if (pick < 30 && acked.invoices.length > 0) {
          const invoice = acked.invoices[(seed * 3 + n) % acked.invoices.length]!;
          const reply = await server.post('/api2/credit_notes.json', {
            CreditNote: { client_id: clientId, subscription_id: invoice.id },
            InvoiceItem: [{ product_id: productId, quantity: 1, unit_price: '0.10' }],
          });
          note(reply.status);
          if (reply.status === 202) acked.credits.push(reply.body.id);
          else check(reply);
          continue;
        }
        const quantity = 1 + (n % 3);
        const serviceCents = 100 + ((seed * 31 + n * 17) % 9_900);
        const totalCents = quantity * PRICE_CENTS + serviceCents;
        const paidCents = pick % 2 === 0 ? 500 : 0;
        const body: Record<string, unknown> = {
          Invoice: { client_id: clientId, notes: `fault ${phase} ${seed}/${n}` },
          InvoiceItem: [
            { product_id: productId, quantity },
            { item: 'Service', unit_price: money(serviceCents) },
          ],
        };
        if (paidCents > 0) body['Payment'] = [{ payment_method: 'cash', amount: money(paidCents) }];
        // Half the creates carry an Idempotency-Key and retry a 503 with it, as a careful client does.
        const keyed = n % 2 === 0;
        const headers: Record<string, string> = keyed ? { 'idempotency-key': `fault-${phase}-${seed}-${n}` } : {};
        let reply = await server.post('/api2/invoices.json', body, headers);
        for (let retry = 1; keyed && reply.status === 503 && retry <= 5 && !stopped; retry += 1) {
          note(reply.status);
          check(reply);
          await sleep(50 * retry);
          reply = await server.post('/api2/invoices.json', body, headers);
        }
        note(reply.status);
        if (keyed) acked.keyedNotes.push(`fault ${phase} ${seed}/${n}`);
        if (reply.status === 202) acked.invoices.push({ id: reply.body.id, totalCents, paidCents });
        else if (reply.status !== 409) check(reply);
      } catch (error) {
        // The connection to the server broke: acceptable only when we are killing the server.
        result.lost += 1;
        if (!serverMayDie)
          result.problems.push(
            `request failed without a reply: ${error instanceof Error ? error.message : String(error)}`,
          );
        return;
      }
    }
  };
  const check = (reply: { status: number; headers: Headers; text: string }) => {
    if (reply.status === 503) {
      if (!reply.headers.get('retry-after')) result.problems.push(`503 without Retry-After: ${reply.text}`);
    } else if (reply.status >= 500) {
      result.problems.push(`${reply.status}: ${reply.text.slice(0, 300)}`);
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index + 1))).then(() => result);
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Terminates every other backend of the test database, from a connection of its own. */
async function terminateBackends(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return Number(rows[0]!.n);
}

async function waitFor(what: string, ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ok()) return;
    await sleep(50);
  }
  assert.fail(`${what} within ${ms} ms`);
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return 0;
  }
}

const skip = postgresProblem ?? false;

describe('fault injection [postgres]', { skip }, () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  let admin: pg.Client;
  let databaseName: string;

  before(async () => {
    database = await freshDatabase('postgres');
    databaseName = new URL(database.url).pathname.slice(1);
    admin = new pg.Client({ connectionString: database.url });
    admin.on('error', () => {});
    await admin.connect();
  });
  after(async () => {
    await server?.crash();
    await admin?.end().catch(() => {});
    if (databaseName) {
      const root = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await root.connect();
      await root.query(`alter database "${databaseName}" allow_connections true`).catch(() => {});
      await root.end();
    }
    await database?.drop();
  });

  it(`survives ${TERMINATIONS} terminations of every backend and a SIGKILL under write load, keeping every acknowledged write whole`, async (t) => {
    server = await ServerProcess.start(database, { DAFTAR_DB_POOL_SIZE: '4' });
    const clientId = await server.create('clients', { Client: { business_name: 'Fault Client' } });
    const productId = await server.create('products', {
      Product: {
        name: 'Fault Widget',
        unit_price: money(PRICE_CENTS),
        buy_price: '4',
        track_stock: 1,
        stock_balance: OPENING_STOCK,
      },
    });
    const acked: Acked = { invoices: [], payments: [], credits: [], keyedNotes: [] };

    // 1. Terminations under load: the process stays up, answers each caught request 503 + Retry-After.
    const load = startLoad(server, clientId, productId, acked, false, 'terminations');
    let terminated = 0;
    await waitFor('writes flowing', async () => acked.invoices.length >= 10);
    for (let round = 1; round <= TERMINATIONS; round += 1) {
      await sleep(150 + ((round * 137) % 250));
      terminated += await terminateBackends(admin);
    }
    await sleep(300);
    load.stop();
    const first = await load.done;
    t.diagnostic(
      `terminated ${terminated} backends in ${TERMINATIONS} rounds; replies ${JSON.stringify(Object.fromEntries(first.statuses))}`,
    );
    assert.ok(terminated > 0, 'backends were terminated while the server was using them');
    assert.equal(server.child.exitCode, null, `the server process is alive:\n${server.log}`);
    assert.deepEqual(first.problems.slice(0, 10), [], `${first.problems.length} bad replies`);
    assert.equal(await status(`${server.url}/ready`), 200, 'ready again once the database answers');
    const afterwards = await server.post('/api2/invoices.json', {
      Invoice: { client_id: clientId },
      InvoiceItem: [{ item: 'After', unit_price: 1 }],
    });
    assert.equal(afterwards.status, 202, `a later request succeeds on a fresh connection: ${afterwards.text}`);

    // 2. The database refuses connections for a while: /ready says so, writes are 503 + Retry-After.
    const root = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await root.connect();
    try {
      await root.query(`alter database "${databaseName}" allow_connections false`);
      await terminateBackends(admin);
      const ready = await fetch(`${server.url}/ready`);
      assert.equal(ready.status, 503, '/ready reports the database down');
      const refused = await server.post('/api2/invoices.json', {
        Invoice: { client_id: clientId },
        InvoiceItem: [{ item: 'Down', unit_price: 1 }],
      });
      assert.equal(refused.status, 503, refused.text);
      assert.ok(refused.headers.get('retry-after'), 'a 503 says when to retry');
      assert.equal(refused.body.result, 'failed');
      assert.equal(server.child.exitCode, null, 'still alive while the database is down');
    } finally {
      await root.query(`alter database "${databaseName}" allow_connections true`);
      await root.end();
    }
    await waitFor(
      '/ready is 200 once the database is back',
      async () => (await status(`${server!.url}/ready`)) === 200,
    );

    // 3. SIGKILL under load (with one more termination on the way), then a restart on the same data.
    const killLoad = startLoad(server, clientId, productId, acked, true, 'kill');
    const count = acked.invoices.length;
    await waitFor('writes flowing again', async () => acked.invoices.length >= count + 10);
    terminated += await terminateBackends(admin);
    await sleep(200);
    await server.crash();
    const second = await killLoad.done;
    assert.deepEqual(second.problems.slice(0, 10), [], `${second.problems.length} bad replies before the kill`);
    server = await ServerProcess.start(database);

    // Every acknowledged write is whole.
    const missing: string[] = [];
    for (const invoice of acked.invoices) {
      const reply = await server.get(`/api2/invoices/${invoice.id}.json`);
      if (reply.status !== 200) {
        missing.push(`invoice ${invoice.id}: ${reply.status}`);
        continue;
      }
      const got = reply.body.data.Invoice;
      if (got.InvoiceItem.length !== 2) missing.push(`invoice ${invoice.id} has ${got.InvoiceItem.length} lines`);
      if (cents(got.summary_total) !== invoice.totalCents)
        missing.push(`invoice ${invoice.id} total ${got.summary_total}, not ${money(invoice.totalCents)}`);
      const paid = invoice.paidCents + 100 * acked.payments.filter((p) => p.invoiceId === invoice.id).length;
      if (cents(got.summary_paid) < paid)
        missing.push(`invoice ${invoice.id} paid ${got.summary_paid}, acknowledged ${money(paid)}`);
    }
    for (const payment of acked.payments) {
      if ((await server.get(`/api2/invoice_payments/${payment.id}.json`)).status !== 200)
        missing.push(`payment ${payment.id} lost`);
    }
    for (const credit of acked.credits) {
      const reply = await server.get(`/api2/credit_notes/${credit}.json`);
      if (reply.status !== 200 || reply.body.data.CreditNote.InvoiceItem.length !== 1)
        missing.push(`credit note ${credit}: ${reply.status}`);
    }
    t.diagnostic(
      `${acked.invoices.length} invoices, ${acked.payments.length} payments, ${acked.credits.length} credit notes acknowledged`,
    );
    assert.deepEqual(missing.slice(0, 20), [], `${missing.length} acknowledged writes lost or changed`);

    const direct = openDirect(database);
    try {
      assert.deepEqual(
        await bookProblems(direct),
        [],
        'journals balance, stock = Σ movements, paid = Σ payments, no document without lines',
      );
      const { rows } = await sql<{ sold: string | null; returned: string | null; balance: string }>`
        select (select sum(quantity) from stock_transactions where product_id = ${Number(productId)} and transaction_type = 2) as sold,
               (select sum(quantity) from stock_transactions where product_id = ${Number(productId)} and transaction_type = 1 and source_type <> 1) as returned,
               (select stock_balance from products where id = ${Number(productId)}) as balance`.execute(direct.db);
      const row = rows[0]!;
      const opening = BigInt(OPENING_STOCK) * 1_000_000n;
      // The opening balance is itself a movement (manual, source 1); the rest are invoices and credit notes.
      assert.equal(
        BigInt(row.balance),
        opening - BigInt(row.sold ?? 0) + BigInt(row.returned ?? 0),
        'stock position = opening − sold + returned',
      );
      const { rows: twice } = await sql<{ notes: string; n: string }>`
        select notes, count(*) as n from invoices where notes like 'fault %' group by notes having count(*) > 1`.execute(
        direct.db,
      );
      const keyed = new Set(acked.keyedNotes);
      assert.deepEqual(
        twice.filter((row) => keyed.has(row.notes)),
        [],
        'a create retried with its Idempotency-Key is written once',
      );
      const positions = await sql<{
        q: string | null;
      }>`select sum(quantity) as q from stock_positions where product_id = ${Number(productId)}`.execute(direct.db);
      assert.equal(String(positions.rows[0]!.q), String(row.balance), 'Σ store positions = the product balance');
    } finally {
      await direct.close();
    }
    const next = await server.create('invoices', {
      Invoice: { client_id: clientId },
      InvoiceItem: [{ item: 'Restarted', unit_price: 1 }],
    });
    assert.equal((await server.get(`/api2/invoices/${next}`)).status, 200);
    assert.equal(await server.stop(), 0, 'SIGTERM stops the server cleanly');
    server = undefined;
  });
});
