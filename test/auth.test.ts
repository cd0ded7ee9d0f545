// Authentication and tenancy over real HTTP on SQLite and PostgreSQL: API keys (revoked from any
// connection), bearer tokens from the OAuth password and refresh grants, and sites walled off.
import assert from 'node:assert/strict';
import { TEST_EMAIL, TEST_PASSWORD, eachDatabase, it } from './support/harness.js';
import { invoiceOf as invoice, makeInvoice } from './support/sales.js';
import { openDatabase, parseDatabaseUrl } from '../src/db/connection.js';
import { digest } from '../src/domain/secrets.js';
import { addApiKey } from '../src/domain/sites.js';

eachDatabase('auth: API keys, tokens, sites', (server) => {
  it('refuses a revoked key on the very next request, whoever revoked it (keys are cached on SQLite)', async () => {
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
    assert.equal((await s.get('/api2/clients.json', asSecond)).status, 401, 'revoked from another connection');
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
