// Staff roles on both engines (domain/staff-roles.ts): what a Sales and a Read only sign-in may call
// through /api2, /v2/api/entity and multi-entity, refused with a 403 that names the role before anything
// is read or written; Full access as before.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eachDatabase, type TestServer } from './support/harness.js';
import { type Ids, populate } from './support/records.js';
import { RESOURCES } from '../src/resources/index.js';

type Headers = Record<string, string>;

async function signIn(s: TestServer, email: string, roleId: string): Promise<Headers> {
  const made = await s.post('/api2/users.json', {
    User: { name: email, email, password: 'a long enough password', role_id: roleId },
  });
  assert.equal(made.status, 202, made.text);
  const token = await s.post('/api2/oauth/token', {
    grant_type: 'password',
    username: email,
    password: 'a long enough password',
  });
  assert.equal(token.status, 200, token.text);
  return { authorization: `Bearer ${token.body.access_token}`, apikey: '' };
}

/** How many records a list says there are. */
async function countOf(s: TestServer, name: string): Promise<number> {
  const reply = await s.get(`/api2/${name}.json?limit=1`);
  assert.equal(reply.status, 200, `${name}: ${reply.text}`);
  return Number(reply.body.pagination?.total_results ?? reply.body.data.length);
}

eachDatabase('staff roles', (server) => {
  let ids: Ids;
  let sales: Headers;
  let readOnly: Headers;
  let full: Headers;

  it('accepts only the roles there are, and says each sign-in its role', async () => {
    const s = server();
    ids = await populate(s, 'roles');
    const wrong = await s.post('/api2/users.json', {
      User: { name: 'X', email: 'x@example.com', password: 'a long enough password', role_id: '9' },
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.validation_errors.role_id, /2 \(Sales\)/);
    sales = await signIn(s, 'sales@example.com', '2');
    readOnly = await signIn(s, 'reader@example.com', '3');
    full = await signIn(s, 'full@example.com', '1');
    assert.equal((await s.get('/api2/api_key_info.json', sales)).body.data.role, 'sales');
    assert.equal((await s.get('/api2/api_key_info.json', readOnly)).body.data.role, 'read_only');
    assert.equal((await s.get('/api2/api_key_info.json', full)).body.data.role, 'full');
    assert.equal((await s.get('/api2/api_key_info.json')).body.data.role, 'owner', 'an API key is the owner');
    const roles = await s.get('/api2/listing/Role');
    assert.equal(roles.status, 200, roles.text);
    assert.deepEqual(roles.body.data.Listing, { '0': 'Owner', '1': 'Full access', '2': 'Sales', '3': 'Read only' });
    const users = (await s.get('/api2/users.json')).body.data.map((row: any) => row.User);
    assert.equal(users.find((u: any) => u.email === 'sales@example.com').role_id, '2');
  });

  it('lets Sales sell and refuses it the books, on every spelling of a path', async () => {
    const s = server();
    const client = await s.post('/api2/clients.json', { Client: { business_name: 'Walk-in' } }, sales);
    assert.equal(client.status, 202, client.text);
    const invoice = await s.post(
      '/api2/invoices.json',
      {
        Invoice: { client_id: client.body.id },
        InvoiceItem: [{ product_id: ids['products'], quantity: 1 }],
        Payment: [{ payment_method: 'cash', amount: '1', treasury_id: ids['treasuries'] }],
      },
      sales,
    );
    assert.equal(invoice.status, 202, invoice.text);
    assert.equal((await s.get(`/api2/products/${ids['products']}.json`, sales)).status, 200, 'reads what it sells');
    const statement = await s.get(`/api2/reports/client_statement.json?client_id=${client.body.id}`, sales);
    assert.equal(statement.status, 200, statement.text);

    const expenses = await countOf(s, 'expenses');
    const purchases = await countOf(s, 'purchase_invoices');
    const refused = await s.post(
      '/api2/purchase_invoices.json',
      {
        PurchaseOrder: { supplier_id: ids['suppliers'], store_id: ids['stores'] },
        PurchaseOrderItem: [{ product_id: ids['products'], quantity: 1 }],
      },
      sales,
    );
    assert.equal(refused.status, 403, refused.text);
    assert.equal(refused.body.result, 'failed');
    assert.equal(refused.body.code, 403);
    assert.match(refused.body.message, /Sales/);
    for (const path of [
      '/api2/journals.json',
      '/api2/journals',
      '/api2//journals.json',
      '/%61pi2/journals.json',
      '/api2/reports/trial_balance.json',
      '/api2/reports/profit_and_loss.json',
      `/api2/suppliers/${ids['suppliers']}.json`,
      '/v2/api/entity/journal/list/1',
      '/v2/api/entity/expense/list/1',
    ])
      assert.equal((await s.get(path, sales)).status, 403, `${path} is refused to Sales`);
    assert.equal((await s.get('/v2/api/entity/invoice/list/1', sales)).status, 200);
    const v2 = await s.post('/v2/api/entity/expense', { amount: '5', treasury_id: ids['treasuries'] }, sales);
    assert.equal(v2.status, 403, v2.text);
    const multi = await s.post(
      '/v2/api/multi-entity',
      [
        { key: 'client', action: 'create', data: { business_name: 'Before the refusal' } },
        { key: 'expense', action: 'create', data: { amount: '5', treasury_id: ids['treasuries'] } },
      ],
      sales,
    );
    assert.equal(multi.status, 403, multi.text);
    assert.equal(await countOf(s, 'expenses'), expenses, 'no expense was written');
    assert.equal(await countOf(s, 'purchase_invoices'), purchases, 'no purchase was written');
    const before = await s.get('/api2/clients.json?filter[business_name]=Before the refusal');
    assert.equal(before.body.data.length, 0, 'the operation before the refused one was rolled back');
  });

  it('lets Read only read everything a full sign-in reads and change nothing', async () => {
    const s = server();
    const counts = new Map<string, number>();
    for (const spec of RESOURCES) {
      if (!spec.operations.includes('list') || !ids[spec.name]) continue;
      const reply = await s.get(`/api2/${spec.name}.json?limit=1`, readOnly);
      assert.equal(reply.status, 200, `Read only lists ${spec.name}: ${reply.text}`);
      counts.set(spec.name, await countOf(s, spec.name));
    }
    assert.ok(counts.size > 20, `listed ${counts.size} resources`);
    assert.equal((await s.get('/api2/reports/trial_balance.json', readOnly)).status, 200);
    for (const name of counts.keys()) {
      const spec = RESOURCES.find((r) => r.name === name)!;
      if (spec.operations.includes('create'))
        assert.equal((await s.post(`/api2/${name}.json`, {}, readOnly)).status, 403, `create ${name}`);
      if (spec.operations.includes('delete'))
        assert.equal((await s.del(`/api2/${name}/${ids[name]}.json`, readOnly)).status, 403, `delete ${name}`);
      if (spec.operations.includes('edit'))
        assert.equal((await s.put(`/api2/${name}/${ids[name]}.json`, {}, readOnly)).status, 403, `edit ${name}`);
    }
    for (const [name, count] of counts) assert.equal(await countOf(s, name), count, `${name} unchanged`);
    const multi = await s.post('/v2/api/multi-entity', [{ key: 'invoice', action: 'list', options: {} }], readOnly);
    assert.equal(multi.status, 200, multi.text);
    const write = await s.post(
      '/v2/api/multi-entity',
      [{ key: 'invoice', action: 'delete', options: ids['invoices'] }],
      readOnly,
    );
    assert.equal(write.status, 403, write.text);
    assert.equal((await s.get(`/api2/invoices/${ids['invoices']}.json`)).status, 200, 'the invoice is still there');
  });

  it("leaves out of the console's pages the forms the role may not send", async () => {
    const s = server();
    const page = async (who: Headers, url: string) => {
      const reply = await s.get(url, { cookie: `daftar_session=${who['authorization']!.slice(7)}`, apikey: '' });
      assert.equal(reply.status, 200, `${url}: ${reply.text.slice(0, 200)}`);
      return reply.text;
    };
    const invoice = `/app/invoices/${ids['invoices']}`;
    // Read only: every page, no form that writes.
    assert.doesNotMatch(await page(readOnly, '/app/products'), /action="\/app\/products"/);
    assert.doesNotMatch(await page(readOnly, '/app/clients'), /action="\/app\/clients"/);
    assert.doesNotMatch(await page(readOnly, '/app/invoices'), /href="\/app\/invoices\/new"/);
    const read = await page(readOnly, invoice);
    assert.doesNotMatch(read, /\/payments"|\/credit-note"|\/edit"/, 'no payment, credit note or edit on an invoice');
    assert.doesNotMatch(await page(readOnly, '/app/treasuries'), /action="\/app\/treasuries/);
    assert.doesNotMatch(await page(readOnly, '/app/expenses'), /action="\/app\/expenses"/);
    // Sales: sells to clients, but the products are not its to change.
    assert.match(await page(sales, '/app/clients'), /action="\/app\/clients"/);
    assert.doesNotMatch(await page(sales, '/app/products'), /action="\/app\/products"/);
    assert.match(await page(sales, '/app/invoices'), /href="\/app\/invoices\/new"/);
    const sold = await page(sales, invoice);
    assert.match(sold, /\/credit-note"/);
    assert.match(sold, /\/edit"/);
    // Full access: the forms are there.
    assert.match(await page(full, '/app/products'), /action="\/app\/products"/);
    assert.match(await page(full, '/app/treasuries'), /action="\/app\/treasuries"/);
  });

  it('lets Full access write the books but not manage the site', async () => {
    const s = server();
    const expense = await s.post(
      '/api2/expenses.json',
      { Expense: { amount: '3', treasury_id: ids['treasuries'] } },
      full,
    );
    assert.equal(expense.status, 202, expense.text);
    assert.equal((await s.get('/api2/reports/trial_balance.json', full)).status, 200);
    assert.equal((await s.get('/api2/users.json', full)).status, 403, 'users stay the owner’s');
    assert.equal((await s.post('/api2/api_keys.json', { ApiKey: { name: 'x' } }, full)).status, 403);
  });
});
