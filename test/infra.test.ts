// The request path's mechanisms, on SQLite and PostgreSQL: which paths need a credential, document
// numbering next to numbers set by hand, lock order under concurrent edits and credit notes, and what
// the logs and the audit trail keep of a request.
import assert from 'node:assert/strict';
import { WRITE_ATTEMPTS_MAX } from '../src/db/connection.js';
import { sql } from 'kysely';
import { type TestServer, eachDatabase, postgresProblem, startTestServer, it } from './support/harness.js';

const anonymous = { apikey: '' };

eachDatabase('credential check on the path the router matches', (server) => {
  it('refuses percent-encoded, doubled-slash and trailing-slash spellings of protected paths without a credential', async () => {
    const s = server();
    const spellings = [
      '/%61pi2/invoices.json',
      '/api2/%69nvoices.json',
      '/%61%70%692/clients',
      '//api2//invoices.json',
      '/api2/invoices.json/',
      '/api2/%73ite_info',
      '/%61pi2/invoices/1.json',
      '/api2/invoices%2Ejson',
    ];
    for (const path of spellings) {
      const reply = await s.get(path, anonymous);
      assert.ok(
        reply.status === 401 || reply.status === 404,
        `${path} without a key answered ${reply.status}: ${reply.text.slice(0, 200)}`,
      );
      assert.notEqual(reply.status, 500, path);
      assert.equal(reply.body.result, 'failed', path);
      const keyed = await s.get(path);
      assert.ok(keyed.status < 500, `${path} with the key answered ${keyed.status}: ${keyed.text.slice(0, 200)}`);
    }
    const encoded = await s.get('/%61pi2/invoices.json', anonymous);
    assert.equal(encoded.status, 401, 'the router serves /%61pi2/… as /api2/…, so it needs a key');
    assert.equal((await s.get('/%61pi2/invoices.json')).status, 200, 'and with the key it is the invoice list');
    assert.equal(
      (await s.post('/%61pi2/clients.json', { Client: { business_name: 'Sneaky' } }, anonymous)).status,
      401,
    );
    // Public paths stay public in any spelling the router accepts.
    assert.equal((await s.get('/%68ealth', anonymous)).status, 200);
    assert.equal(
      (await s.post('/api2/oauth/%74oken', { grant_type: 'password', username: 'x@y.z', password: 'nope' }, anonymous))
        .status,
      400,
    );
  });
});

eachDatabase('lock order: invoice edits racing credit notes', (server, engine) => {
  it('answers every one of 180 concurrent edits and credit notes of one invoice without a deadlock or a 5xx', async (t) => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Lock Order Co' } });
    const products = [];
    for (const name of ['Lock A', 'Lock B']) {
      products.push(
        await s.create('products', {
          Product: { name, unit_price: 5, buy_price: 1, track_stock: 1, stock_balance: 100_000 },
        }),
      );
    }
    const [a, b] = products as [string, string];
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [
        { product_id: b, quantity: 50 },
        { product_id: a, quantity: 50 },
      ],
    });
    const deadlocksBefore = engine === 'postgres' ? await deadlockCount(s) : 0;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const requests = Array.from({ length: 180 }, (_, n) => async () => {
      const reply =
        n % 2 === 0
          ? await s.put(`/api2/invoices/${invoice}.json`, {
              Invoice: { notes: `edit ${n}` },
              InvoiceItem: [
                { product_id: b, quantity: 50 + (n % 5) },
                { product_id: a, quantity: 50 },
              ],
            })
          : await s.post('/api2/credit_notes.json', {
              CreditNote: { client_id: client, subscription_id: invoice },
              InvoiceItem: [
                { product_id: a, quantity: 1, unit_price: '0.01' },
                { product_id: b, quantity: 1, unit_price: '0.01' },
              ],
            });
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status >= 500) failures.push(`${reply.status} ${reply.text.slice(0, 200)}`);
    });
    // 12 at a time, as a busy shop's integrations would.
    for (let start = 0; start < requests.length; start += 12)
      await Promise.all(requests.slice(start, start + 12).map((run) => run()));
    t.diagnostic(`replies ${JSON.stringify(Object.fromEntries(statuses))}`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of 180 answered 5xx`);
    assert.equal((statuses.get(200) ?? 0) + (statuses.get(202) ?? 0), 180);
    if (engine === 'postgres') {
      const deadlocks = (await deadlockCount(s)) - deadlocksBefore;
      t.diagnostic(`PostgreSQL counted ${deadlocks} deadlocks`);
      assert.equal(deadlocks, 0, 'no deadlock happened at all (not merely retried away)');
    }
  });
});

/** Deadlocks PostgreSQL detected in this database so far (its statistics are flushed within about a second). */
async function deadlockCount(s: TestServer): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await sql`select pg_stat_force_next_flush()`.execute(s.database.db).catch(() => {});
  await sql`select pg_stat_clear_snapshot()`.execute(s.database.db);
  const { rows } = await sql<{
    n: string;
  }>`select deadlocks as n from pg_stat_database where datname = current_database()`.execute(s.database.db);
  return Number(rows[0]!.n);
}

eachDatabase('numbering past numbers set by hand', (server) => {
  it('gives the next automatic invoice the first free number after 1,000 taken ones, quickly and without a 5xx', async (t) => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Numbering Co' } });
    const first = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'First', unit_price: 1 }],
    });
    const firstNo = (await s.get(`/api2/invoices/${first}.json`)).body.data.Invoice.no as string;
    assert.match(firstNo, /^\d{6}$/);
    // 1,000 invoices numbered by hand, just ahead of the counter (written directly: the HTTP path is not what is tested).
    const template = await s.database.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', Number(first))
      .executeTakeFirstOrThrow();
    const { id: _id, ...row } = template;
    const base = Number(firstNo);
    for (let start = 1; start <= 1_000; start += 100) {
      await s.database.db
        .insertInto('invoices')
        .values(
          Array.from({ length: 100 }, (_, index) => ({
            ...row,
            no: String(base + start + index).padStart(6, '0'),
          })),
        )
        .execute();
    }
    // One more by hand over the API, a gap, and one past it: the counter fills the gap, then skips on.
    const manual = await s.post('/api2/invoices.json', {
      Invoice: { client_id: client, no: String(base + 1_002).padStart(6, '0') },
      InvoiceItem: [{ item: 'Manual', unit_price: 1 }],
    });
    assert.equal(manual.status, 202, manual.text);
    const started = Date.now();
    const next = await s.post('/api2/invoices.json', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Next', unit_price: 1 }],
    });
    const ms = Date.now() - started;
    t.diagnostic(`the create after 1,000 taken numbers took ${ms} ms`);
    assert.equal(next.status, 202, next.text);
    assert.equal(
      (await s.get(`/api2/invoices/${next.body.id}.json`)).body.data.Invoice.no,
      String(base + 1_001).padStart(6, '0'),
      'the first free number',
    );
    const after = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'After', unit_price: 1 }],
    });
    assert.equal(
      (await s.get(`/api2/invoices/${after}.json`)).body.data.Invoice.no,
      String(base + 1_003).padStart(6, '0'),
      'skips the hand-set 1002 too',
    );
    // Numbers are per type: an estimate still starts at its own counter.
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'Quote', unit_price: 1 }],
    });
    assert.match((await s.get(`/api2/estimates/${estimate}.json`)).body.data.Estimate.no, /^0000\d\d$/);
    assert.ok(ms < 5_000, `bounded work (${ms} ms)`);
  });
});

for (const engine of ['sqlite', 'postgres'] as const) {
  it(`keeps credentials sent in the query string out of the access log, and bounds client request ids [${engine}]`, {
    skip: engine === 'postgres' ? (postgresProblem ?? false) : false,
  }, async () => {
    const lines: string[] = [];
    const s = await startTestServer(
      engine,
      {},
      {
        write: (line: string) => {
          lines.push(line);
        },
      },
    );
    try {
      const secret = 'dft_querystringsecret0123456789';
      const refused = await s.get(
        `/api2/invoices.json?page=1&apikey=${secret}&access_token=tok-${secret}&API_KEY=${secret}`,
        anonymous,
      );
      assert.equal(refused.status, 401, 'a key in the query string is not a credential');
      const text = lines.join('');
      assert.ok(!text.includes(secret), 'no log line holds the key');
      const logged = lines
        .map((line) => JSON.parse(line))
        .find((entry) => entry.msg === 'request' && entry.url.startsWith('/api2/invoices.json'));
      assert.ok(logged, 'the request is logged');
      assert.match(logged.url, /page=1/, 'the rest of the query stays for the operator');
      assert.match(logged.url, /apikey=\[redacted\]/);

      const longId = 'r'.repeat(5_000);
      const created = await s.post(
        '/api2/clients.json',
        { Client: { business_name: 'Long Id' } },
        { 'x-request-id': longId },
      );
      assert.equal(created.status, 202);
      const kept = await s.post(
        '/api2/clients.json',
        { Client: { business_name: 'Short Id' } },
        { 'x-request-id': 'order-77-retry-2' },
      );
      assert.equal(kept.status, 202);
      const rows = await s.database.db
        .selectFrom('audit_logs')
        .select(['record_id', 'request_id'])
        .where('resource', '=', 'clients')
        .execute();
      const idOf = (record: string) =>
        String(rows.find((row) => Number(row['record_id']) === Number(record))?.['request_id']);
      assert.ok(
        idOf(created.body.id).length <= 128,
        `the audit log keeps at most 128 characters (kept ${idOf(created.body.id).length})`,
      );
      assert.equal(idOf(kept.body.id), 'order-77-retry-2', 'a normal request id is kept as sent');
      assert.equal(kept.headers.get('x-request-id'), 'order-77-retry-2', 'and returned');
      assert.equal(created.headers.get('x-request-id'), 'r'.repeat(128), 'a long one returned as kept');
      assert.match(refused.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, 'a generated one when none was sent');
      const withControl = await s.post(
        '/api2/clients.json',
        { Client: { business_name: 'Control Id' } },
        { 'x-request-id': 'ab\tcd' },
      );
      assert.equal(withControl.status, 202);
      assert.ok(
        lines
          .map((line) => JSON.parse(line))
          .every((entry) => entry.reqId === undefined || String(entry.reqId).length <= 128),
        'log lines carry bounded ids',
      );
    } finally {
      await s.close();
    }
  });
}

eachDatabase('a spent retry budget', (server, engine) => {
  it('answers 503 with Retry-After, not 500, when a write keeps losing to concurrent ones', async () => {
    const s = server();
    let attempts = 0;
    const failing = async (db: Parameters<Parameters<typeof s.database.write>[0]>[0]) => {
      attempts += 1;
      // A real deadlock error from PostgreSQL each time; SQLite's equivalent is "database is busy".
      if (engine === 'postgres')
        await sql`do $$ begin raise exception 'simulated' using errcode = '40P01'; end $$`.execute(db);
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    };
    const error = await s.database.write(failing).then(
      () => null,
      (caught: unknown) => caught,
    );
    assert.ok(error, 'the write failed');
    if (engine === 'postgres')
      assert.equal(
        attempts,
        WRITE_ATTEMPTS_MAX,
        `a deadlock is retried ${WRITE_ATTEMPTS_MAX - 1} times before giving up`,
      );
    const { toDaftarError } = await import('../src/api/errors.js');
    const mapped = toDaftarError(error);
    assert.equal(mapped?.status, 503, `mapped to ${mapped?.status}: ${String(error)}`);
    assert.equal(mapped?.headers?.['retry-after'], '1');
  });
});
