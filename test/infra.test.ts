// The request path's mechanisms, on SQLite and PostgreSQL: which paths need a credential, document
// numbering next to numbers set by hand, lock order under concurrent edits and credit notes, and what
// the logs and the audit trail keep of a request.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { type TestServer, TEST_KEY, eachDatabase, startTestServer } from './support/harness.js';

const anonymous = { apikey: '' };

eachDatabase('credential check on the path the router matches', (server) => {
  it('refuses percent-encoded, doubled-slash and trailing-slash spellings of protected paths without a credential', async () => {
    const s = server();
    const spellings = ['/%61pi2/invoices.json', '/api2/%69nvoices.json', '/%61%70%692/clients', '//api2//invoices.json', '/api2/invoices.json/',
      '/api2/%73ite_info', '/%61pi2/invoices/1.json', '/api2/invoices%2Ejson'];
    for (const path of spellings) {
      const reply = await s.get(path, anonymous);
      assert.ok(reply.status === 401 || reply.status === 404, `${path} without a key answered ${reply.status}: ${reply.text.slice(0, 200)}`);
      assert.notEqual(reply.status, 500, path);
      assert.equal(reply.body.result, 'failed', path);
      const keyed = await s.get(path);
      assert.ok(keyed.status < 500, `${path} with the key answered ${keyed.status}: ${keyed.text.slice(0, 200)}`);
    }
    const encoded = await s.get('/%61pi2/invoices.json', anonymous);
    assert.equal(encoded.status, 401, 'the router serves /%61pi2/… as /api2/…, so it needs a key');
    assert.equal((await s.get('/%61pi2/invoices.json')).status, 200, 'and with the key it is the invoice list');
    assert.equal((await s.post('/%61pi2/clients.json', { Client: { business_name: 'Sneaky' } }, anonymous)).status, 401);
    // Public paths stay public in any spelling the router accepts.
    assert.equal((await s.get('/%68ealth', anonymous)).status, 200);
    assert.equal((await s.post('/api2/oauth/%74oken', { grant_type: 'password', username: 'x@y.z', password: 'nope' }, anonymous)).status, 400);
  });
});
