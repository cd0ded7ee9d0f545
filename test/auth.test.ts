// Authentication and tenancy over real HTTP on SQLite and PostgreSQL: API keys (revoked from any
// connection), bearer tokens from the OAuth password and refresh grants, and sites walled off.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import {
  TEST_EMAIL,
  TEST_PASSWORD,
  type TestServer,
  eachDatabase,
  it,
  postgresProblem,
  startTestServer,
} from './support/harness.js';
import { invoiceOf as invoice, makeInvoice } from './support/sales.js';
import { openDatabase, parseDatabaseUrl } from '../src/db/connection.js';
import { digest } from '../src/domain/secrets.js';
import { addApiKey } from '../src/domain/sites.js';

/**
 * The status `request` answers once it answers `wanted`, asking again for up to a second (then the
 * last status): for a change another process makes, which a PostgreSQL server hears of by NOTIFY.
 */
async function statusSoon(request: () => Promise<{ status: number }>, wanted: number): Promise<number> {
  const deadline = Date.now() + 1_000;
  for (;;) {
    const { status } = await request();
    if (status === wanted || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

eachDatabase('auth: API keys, tokens, sites', (server) => {
  it('refuses a revoked key on the next request, whoever revoked it (keys are cached)', async () => {
    const s = server();
    const key = await addApiKey(s.database.db, 1, 'second-key-0123456789abcdef', 'second');
    const asSecond = { apikey: key };
    const setRevoked = (db: typeof s.database.db, revoked: number) =>
      db.updateTable('api_keys').set({ revoked }).where('key_hash', '=', digest(key)).execute();
    assert.equal((await s.get('/api2/clients.json', asSecond)).status, 200);
    assert.equal((await s.get('/api2/clients.json', asSecond)).status, 200);
    // Another connection, as `daftar` CLI or a second server process would do it.
    const other = openDatabase(parseDatabaseUrl(s.env['DATABASE_URL'], s.env['DAFTAR_DATA_DIR']!));
    try {
      await setRevoked(other.db, 1);
    } finally {
      await other.close();
    }
    // SQLite sees another connection's commit at once (data_version); a PostgreSQL server hears of it by
    // NOTIFY, which arrives a moment after the COMMIT (db/caller-watch.ts): within a second, as promised.
    assert.equal(
      await statusSoon(() => s.get('/api2/clients.json', asSecond), 401),
      401,
      'revoked from another connection',
    );
    // The server's own connection.
    await setRevoked(s.database.db, 0);
    assert.equal((await s.get('/api2/clients.json', asSecond)).status, 200);
    assert.equal((await s.get('/api2/clients.json', asSecond)).status, 200);
    await setRevoked(s.database.db, 1);
    assert.equal((await s.get('/api2/clients.json', asSecond)).status, 401, 'revoked from this connection');
    assert.equal((await s.get('/api2/clients.json')).status, 200, 'the other key is not affected');
  });

  it('authenticates with API keys and bearer tokens', async () => {
    const s = server();
    assert.equal((await s.get('/api2/clients.json', { apikey: '' })).status, 401);
    const wrong = await s.get('/api2/clients.json', { apikey: 'not-a-key' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, {
      result: 'failed',
      code: 401,
      message: 'Unauthorized',
      error_code: 'DAFTAR_ERR_AUTH_INVALID',
    });
    assert.equal((await s.get('/api2/clients.json', { APIKEY: s.apiKey })).status, 200);
    // The router ignores doubled and trailing slashes; the key check must not (this was a 500 once).
    for (const path of [
      '//api2/clients.json',
      '/api2//clients.json',
      '//api2//clients/1.json',
      '/api2/clients.json/',
      '///api2/clients',
    ]) {
      const anonymous = await s.get(path, { apikey: '' });
      assert.equal(anonymous.status, 401, `${path} without a key: ${anonymous.text}`);
      assert.equal(anonymous.body.error_code, 'DAFTAR_ERR_AUTH_MISSING');
    }
    assert.equal((await s.get('//api2//clients.json')).status, 200, 'with a key, the doubled slashes still route');
    for (const path of ['/v2/oauth/token', '/api2/oauth/token', '/oauth/token', '/api2/v2/oauth/token']) {
      const token = await s.request(
        'POST',
        path,
        {
          grant_type: 'password',
          client_id: '1',
          client_secret: 'published',
          username: TEST_EMAIL,
          password: TEST_PASSWORD,
        },
        { apikey: '' },
      );
      assert.equal(token.status, 200, `${path}: ${token.text}`);
      assert.equal(token.body.token_type, 'Bearer');
      assert.ok(token.body.expires_in > 0);
    }
    const form = new FormData();
    for (const [k, v] of Object.entries({
      grant_type: 'password',
      client_id: '1',
      client_secret: 's',
      username: TEST_EMAIL.toUpperCase(),
      password: TEST_PASSWORD,
    }))
      form.append(k, v);
    const multipart = await fetch(`${s.url}/v2/oauth/token`, { method: 'POST', body: form });
    const tokens = (await multipart.json()) as Record<string, string>;
    assert.equal(multipart.status, 200, JSON.stringify(tokens));
    const urlencoded = await s.request(
      'POST',
      '/v2/oauth/token',
      `grant_type=password&username=${encodeURIComponent(TEST_EMAIL)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
      { apikey: '', 'content-type': 'application/x-www-form-urlencoded' },
    );
    assert.equal(urlencoded.status, 200);
    const bearer = { apikey: '', authorization: `Bearer ${tokens['access_token']}` };
    assert.equal((await s.get('/api2/site_info.json', bearer)).body.data.Site.staff_id, 0, 'the owner');
    const refreshed = await s.request(
      'POST',
      '/v2/oauth/token',
      { grant_type: 'refresh_token', refresh_token: tokens['refresh_token'] },
      { apikey: '' },
    );
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.access_token, tokens['access_token']);
    assert.equal((await s.get('/api2/clients.json', bearer)).status, 401, 'the old token is revoked by refresh');
    assert.equal(
      (await s.get('/api2/clients.json', { apikey: '', authorization: `Bearer ${refreshed.body.access_token}` }))
        .status,
      200,
    );
    const reused = await s.request(
      'POST',
      '/v2/oauth/token',
      { grant_type: 'refresh_token', refresh_token: tokens['refresh_token'] },
      { apikey: '' },
    );
    assert.equal(reused.status, 400, 'a refresh token works once');
    const badPassword = await s.request(
      'POST',
      '/v2/oauth/token',
      { grant_type: 'password', username: TEST_EMAIL, password: 'wrong' },
      { apikey: '' },
    );
    assert.equal(badPassword.status, 400);
    assert.equal(badPassword.body.error, 'invalid_grant');
    const badGrant = await s.request('POST', '/v2/oauth/token', { grant_type: 'client_credentials' }, { apikey: '' });
    assert.equal(badGrant.body.error, 'unsupported_grant_type');
  });

  it('walls sites off from each other', async () => {
    const s = server();
    const invoiceId = await makeInvoice(s);
    const { createSite } = await import('../src/domain/sites.js');
    const other = await createSite(s.database.db, {
      subdomain: `other${Date.now()}`,
      businessName: 'Other',
      currency: 'KWD',
      country: 'KW',
    });
    const as = { apikey: other.apiKey };
    assert.equal((await s.get(`/api2/invoices/${invoiceId}`, as)).status, 404);
    assert.equal((await s.get('/api2/invoices.json', as)).body.pagination.total_results, 0);
    assert.equal((await s.put(`/api2/invoices/${invoiceId}`, { Invoice: { notes: 'x' } }, as)).status, 404);
    assert.equal((await s.del(`/api2/invoices/${invoiceId}`, as)).status, 404);
    const pay = await s.post(
      '/api2/invoice_payments.json',
      { InvoicePayment: { invoice_id: invoiceId, payment_method: 'cash', amount: 1 } },
      as,
    );
    assert.equal(pay.status, 400, 'an invoice of another site does not exist');
    assert.equal((await s.get('/api2/site_info.json', as)).body.data.Site.currency_code, 'KWD');
    assert.equal((await invoice(s, invoiceId)).summary_paid, '0');
  });
});

describe('auth: cached API keys on PostgreSQL', { skip: postgresProblem ?? false }, () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer('postgres');
  });
  after(async () => {
    await s?.close();
  });

  /** Until the server's LISTEN is in place (it starts with the first request), or gone when `wanted` is false. */
  async function listening(wanted = true): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((s.database.callerStamp() !== undefined) !== wanted) {
      if (Date.now() > deadline) assert.fail(`the server's LISTEN for key changes is not ${wanted ? 'up' : 'down'}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Revokes `key` from `other` with triggers silenced: no notification is sent. */
  async function revokeSilently(other: pg.Client, key: string): Promise<void> {
    await other.query('begin');
    await other.query('set local session_replication_role = replica');
    await other.query('update api_keys set revoked = 1 where key_hash = $1', [digest(key)]);
    await other.query('commit');
  }

  it('answers from the cache, and a change by another process empties it by NOTIFY', async () => {
    const key = await addApiKey(s.database.db, 1, 'cached-key-0123456789abcdef', 'cached');
    const as = { apikey: key };
    assert.equal((await s.get('/api2/clients.json', as)).status, 200);
    await listening();
    assert.equal((await s.get('/api2/clients.json', as)).status, 200, 'read and kept');
    const other = new pg.Client({ connectionString: s.env['DATABASE_URL'] });
    await other.connect();
    try {
      // With triggers silenced no notification is sent: the revoked key still passing shows the cache is used.
      await revokeSilently(other, key);
      assert.equal((await s.get('/api2/clients.json', as)).status, 200, 'answered from the cache');
      // The same change made normally notifies: refused on the next request.
      await other.query('update api_keys set revoked = 1 where key_hash = $1', [digest(key)]);
      assert.equal(await statusSoon(() => s.get('/api2/clients.json', as), 401), 401, 'revoked by another process');
      await other.query('update api_keys set revoked = 0 where key_hash = $1', [digest(key)]);
      assert.equal((await s.get('/api2/clients.json', as)).status, 200);
      // The listening connection dropped: nothing is cached until it is back, so a silent change is seen.
      const { rows } = await other.query(
        `select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and query = 'listen daftar_callers'`,
      );
      assert.equal(Number(rows[0].n), 1, 'the server had one listening connection');
      await listening(false);
      await revokeSilently(other, key);
      assert.equal((await s.get('/api2/clients.json', as)).status, 401, 'not cached while not listening');
      await listening();
      assert.equal((await s.get('/api2/clients.json')).status, 200, 'listening again');
    } finally {
      await other.end();
    }
  });

  it('drops cached keys when this process writes, without waiting for a notification', async () => {
    await listening();
    const made = await s.post('/api2/api_keys.json', { ApiKey: { name: 'short-lived' } });
    assert.equal(made.status, 202, made.text);
    const key = made.body.key as string;
    assert.equal((await s.get('/api2/clients.json', { apikey: key })).status, 200);
    assert.equal((await s.get('/api2/clients.json', { apikey: key })).status, 200);
    // Revoked on the server's own pool with the trigger silenced: only the process's own bump can tell.
    await s.database.write(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('api_keys').set({ revoked: 1 }).where('key_hash', '=', digest(key)).execute();
    });
    assert.equal((await s.get('/api2/clients.json', { apikey: key })).status, 401, 'revoked by this process');
  });
});
