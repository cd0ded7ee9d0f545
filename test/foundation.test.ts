// The foundation slice over real HTTP on SQLite and PostgreSQL: envelopes, auth, validation, payments,
// money, lenient input, pagination and filters.
import assert from 'node:assert/strict';
import { TEST_EMAIL, TEST_PASSWORD, type TestServer, eachDatabase, it } from './support/harness.js';
import { openDatabase, parseDatabaseUrl } from '../src/db/connection.js';
import { digest } from '../src/domain/secrets.js';
import { addApiKey } from '../src/domain/sites.js';

/** The body of the seed page's "Add New Invoice Payment" example, as printed there. */
const SEED_PAYMENT_EXAMPLE = {
  InvoicePayment: {
    invoice_id: 0, payment_method: 'string', amount: 0, transaction_id: 'string', treasury_id: 0,
    date: '2019-08-24T14:15:22Z', email: 'string', status: 0, notes: 'string', response_code: 'string',
    response_message: 'string', created: '2019-08-24T14:15:22Z', modified: '2019-08-24T14:15:22Z', currency_code: 'str',
    first_name: 'string', last_name: 'string', address1: 'string', address2: 'string', city: 'string', state: 'string',
    postal_code: 'string', country_code: 'str', phone1: 'string', phone2: 'string', transaction_type: 'string',
    processed: true, attachment: 'string', staff_id: 0, receipt_notes: 'string',
  },
};

/** Length limits of the seed's payment fields. */
const PAYMENT_LIMITS: Record<string, number> = {
  payment_method: 100, transaction_id: 100, email: 255, currency_code: 3, first_name: 255, last_name: 255,
  address1: 255, address2: 255, city: 255, state: 100, postal_code: 10, country_code: 3, phone1: 50, phone2: 50,
  transaction_type: 255, attachment: 255,
};

async function makeInvoice(s: TestServer, extra: Record<string, unknown> = {}, items?: unknown[]): Promise<string> {
  const client = await s.create('clients', { Client: { business_name: `Client ${Math.random()}` } });
  return s.create('invoices', {
    Invoice: { client_id: client, ...extra },
    InvoiceItem: items ?? [{ item: 'Service', unit_price: '100', quantity: 1 }],
  });
}

async function invoice(s: TestServer, id: string): Promise<Record<string, any>> {
  const reply = await s.get(`/api2/invoices/${id}.json`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.data.Invoice;
}

eachDatabase('foundation', (server) => {
  it('answers Daftra envelopes on every route form of a resource', async () => {
    const s = server();
    const created = await s.post('/api2/clients.json', { Client: { business_name: 'Envelope Co', email: 'e@example.com' } });
    assert.equal(created.status, 202);
    assert.deepEqual(Object.keys(created.body).sort(), ['code', 'id', 'result']);
    assert.equal(created.body.code, 202);
    assert.equal(created.body.result, 'successful');
    assert.match(created.body.id, /^\d+$/, 'id is a string of digits');
    const id = created.body.id;

    for (const path of [`/api2/clients/${id}`, `/api2/clients/${id}.json`, `/api2/clients/${id}/`]) {
      const one = await s.get(path);
      assert.equal(one.status, 200, path);
      assert.equal(one.body.code, 200);
      assert.equal(one.body.result, 'successful');
      assert.equal(one.body.data.Client.id, id);
      assert.equal(one.body.data.Client.business_name, 'Envelope Co');
    }
    for (const path of ['/api2/clients', '/api2/clients.json', '/api2/clients/', '/api2/clients?Default=".json"&Value=".json"']) {
      const list = await s.get(path);
      assert.equal(list.status, 200, path);
      assert.ok(Array.isArray(list.body.data));
      assert.ok(list.body.data.every((row: any) => row.Client && typeof row.Client.id === 'string'));
      assert.deepEqual(Object.keys(list.body.pagination).sort(), ['next', 'page', 'page_count', 'prev', 'total_results']);
      assert.equal(typeof list.body.pagination.page, 'number');
    }
    const put = await s.put(`/api2/clients/${id}.json`, { Client: { city: 'Riyadh' } });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body, { code: 200, result: 'successful' });
    const postEdit = await s.post(`/api2/clients/${id}`, { Client: { state: 'Riyadh Region' } });
    assert.equal(postEdit.status, 200);
    const after = (await s.get(`/api2/clients/${id}`)).body.data.Client;
    assert.equal(after.city, 'Riyadh', 'PUT kept');
    assert.equal(after.state, 'Riyadh Region', 'POST to the id edits');
    assert.equal(after.business_name, 'Envelope Co', 'partial edit keeps other fields');

    const deleted = await s.del(`/api2/clients/${id}.json`);
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, { code: 200, result: 'successful' });
    const gone = await s.get(`/api2/clients/${id}`);
    assert.equal(gone.status, 404);
    assert.deepEqual(gone.body, { result: 'failed', code: 404, message: 'Client not found', error_code: 'DAFTAR_ERR_NOT_FOUND' });
  });

  it('serves every operation of the slice resources', async () => {
    const s = server();
    type Case = [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, string];
    const bodies: Record<string, Case> = {
      taxes: ['Tax', { name: 'VAT', value: 15 }, { description: 'KSA VAT' }, { name: 'Too much', value: 150 }, 'value'],
      stores: ['Store', { name: 'Jeddah' }, { shipping_address: 'Port road' }, { shipping_address: 'no name' }, 'name'],
      treasuries: ['Treasury', { name: 'Bank', type: 1 }, { description: 'Main bank' }, { name: 'Odd', type: 2 }, 'type'],
      products: ['Product', { name: 'Widget', unit_price: '5' }, { barcode: '123' }, { name: 'x', tax1: 99999 }, 'tax1'],
      clients: ['Client', { first_name: 'Sara', last_name: 'Ali' }, { phone1: '0500000000' }, { email: 'nobody' }, 'business_name'],
    };
    for (const [resource, [model, createBody, editBody, invalidBody, invalidField]] of Object.entries(bodies)) {
      const invalid = await s.post(`/api2/${resource}.json`, { [model]: invalidBody });
      assert.equal(invalid.status, 400, `${resource} invalid`);
      assert.ok(invalid.body.validation_errors[invalidField], `${resource} names ${invalidField}: ${invalid.text}`);
      const id = await s.create(resource, { [model]: createBody });
      const got = await s.get(`/api2/${resource}/${id}.json`);
      assert.equal(got.status, 200, `${resource} get`);
      assert.ok(got.body.data[model], `${resource} nests its model key`);
      const edited = await s.put(`/api2/${resource}/${id}.json`, { [model]: editBody });
      assert.equal(edited.status, 200, `${resource} edit: ${edited.text}`);
      const [field, value] = Object.entries(editBody)[0]!;
      assert.equal((await s.get(`/api2/${resource}/${id}`)).body.data[model][field], String(value));
      const listed = await s.get(`/api2/${resource}.json?limit=100`);
      assert.ok(listed.body.data.some((row: any) => row[model].id === id), `${resource} lists it`);
      assert.equal((await s.del(`/api2/${resource}/${id}`)).status, 200, `${resource} delete`);
      assert.equal((await s.get(`/api2/${resource}/${id}`)).status, 404);
    }
    const site = await s.get('/api2/site_info.json');
    assert.equal(site.status, 200);
    assert.equal(site.body.data.Site.currency_code, 'SAR');
    assert.equal(site.body.data.Site.subdomain, 'default');
    const staff = await s.get('/api2/staff.json');
    assert.equal(staff.status, 200);
    assert.equal(staff.body.data.length, 1, 'the owner');
    assert.equal((await s.post('/api2/staff.json', { Staff: { name: 'x' } })).status, 404, 'staff is read-only');
  });

  it('computes invoice totals exactly and fills defaults', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT 15', value: '15', included: '0' } });
    const client = await s.create('clients', { Client: { business_name: 'Money Co', email: 'm@example.com', city: 'Dammam', bn1: '300000000000003' } });
    const id = await s.create('invoices', {
      Invoice: { client_id: client, summary_total: '1', payment_status: 2, created: '2001-01-01 00:00:00' },
      InvoiceItem: [{ item: 'Pen', unit_price: 19.99, quantity: '3', tax1: tax }],
    });
    const inv = await invoice(s, id);
    assert.equal(inv.summary_subtotal, '59.97');
    assert.equal(inv.summary_tax1, '9');
    assert.equal(inv.summary_total, '68.97', 'computed by the server, client summary ignored');
    assert.equal(inv.summary_unpaid, '68.97');
    assert.equal(inv.payment_status, '0', 'read-only payment_status ignored');
    assert.notEqual(inv.created, '2001-01-01 00:00:00');
    assert.equal(inv.currency_code, 'SAR');
    assert.equal(inv.client_business_name, 'Money Co', 'client snapshot');
    assert.equal(inv.client_city, 'Dammam');
    assert.equal(inv.client_bn1, '300000000000003');
    assert.match(inv.no, /^\d{6}$/);
    assert.equal(inv.store_id, '1', 'primary store');
    assert.equal(inv.Client.id, client, 'client nested inside the invoice');
    assert.equal(inv.InvoiceItem.length, 1);
    assert.equal(inv.InvoiceItem[0].subtotal, '59.97');
    assert.equal(inv.InvoiceItem[0].summary_tax1, '9');
    assert.deepEqual(inv.InvoicePayment, []);

    const next = await s.create('invoices', { Invoice: { client_id: client }, InvoiceItem: [{ item: 'x', unit_price: 1 }] });
    assert.equal(Number((await invoice(s, next)).no), Number(inv.no) + 1, 'numbers follow each other');
    const custom = await s.create('invoices', { Invoice: { client_id: client, no: 'WEB-1001' }, InvoiceItem: [{ item: 'x', unit_price: 1 }] });
    assert.equal((await invoice(s, custom)).no, 'WEB-1001');
    const duplicate = await s.post('/api2/invoices.json', { Invoice: { client_id: client, no: 'WEB-1001' }, InvoiceItem: [{ item: 'x', unit_price: 1 }] });
    assert.equal(duplicate.status, 400);
    assert.ok(duplicate.body.validation_errors.no);
  });

  it('handles inclusive taxes, discounts and shipping', async () => {
    const s = server();
    const inclusive = await s.create('taxes', { Tax: { name: 'VAT incl', value: 15, included: 1 } });
    const id = await makeInvoice(s, { discount: 10, shipping_amount: '20' }, [
      { item: 'A', unit_price: '115', quantity: 2, tax1: inclusive },
      { item: 'B', unit_price: '50', quantity: 1, discount: 5, discount_type: 2 },
    ]);
    const inv = await invoice(s, id);
    // gross 230 + 50; line discount 5; nets 230 + 45 = 275; 10% header = 27.5 split 23 / 4.5
    assert.equal(inv.summary_subtotal, '280');
    assert.equal(inv.summary_discount, '32.5');
    assert.equal(inv.summary_tax1, '27', 'tax inside 207 at 15%');
    assert.equal(inv.summary_total, '267.5', '275 - 27.5 + 20 shipping; inclusive tax adds nothing');
    const both = await s.post('/api2/invoices.json', { Invoice: { client_id: inv.client_id, discount: 5, discount_amount: 3 }, InvoiceItem: [{ item: 'x', unit_price: 1 }] });
    assert.equal(both.status, 400);
    assert.ok(both.body.validation_errors.discount_amount);
  });

  it('keeps payment status true through payment create, edit and delete', async () => {
    const s = server();
    const id = await makeInvoice(s);
    assert.equal((await invoice(s, id)).payment_status, '0');
    const first = await s.create('invoice_payments', { InvoicePayment: { invoice_id: id, payment_method: 'cash', amount: '40' } });
    let inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['1', '40', '60']);
    const pending = await s.create('invoice_payments', { InvoicePayment: { invoice_id: id, payment_method: 'bank_transfer', amount: '60', status: 2 } });
    inv = await invoice(s, id);
    assert.equal(inv.summary_paid, '40', 'a pending payment does not count');
    assert.equal((await s.put(`/api2/invoice_payments/${pending}`, { InvoicePayment: { status: '1' } })).status, 200);
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['2', '100', '0']);
    assert.equal((await s.put(`/api2/invoice_payments/${first}`, { InvoicePayment: { amount: '45.5' } })).status, 200);
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['4', '105.5', '0'], 'overpaid');
    const deleted = await s.del(`/api2/invoice_payments/${pending}.json`);
    assert.deepEqual(deleted.body, { code: 200, result: 'successful', message: 'Payment has been deleted' });
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['1', '45.5', '54.5']);
    assert.equal(inv.InvoicePayment.length, 1, 'payments nested in the invoice');
    await s.del(`/api2/invoice_payments/${first}`);
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['0', '0', '100']);
    const payment = await s.get(`/api2/invoice_payments/${first}`);
    assert.equal(payment.status, 404);
  });

  it('takes payments embedded in the invoice and marks drafts', async () => {
    const s = server();
    const paid = await makeInvoice(s, {}, [{ item: 'x', unit_price: '10', quantity: 2 }]);
    const withPayment = await s.create('invoices', {
      Invoice: { client_id: (await invoice(s, paid)).client_id },
      InvoiceItem: { item: 'one object where a list belongs', unit_price: '25' },
      Payment: { payment_method: 'cash', amount: '25', transaction_id: 'POS-1' },
    });
    const inv = await invoice(s, withPayment);
    assert.deepEqual([inv.payment_status, inv.summary_paid], ['2', '25']);
    assert.equal(inv.InvoicePayment[0].transaction_id, 'POS-1');
    assert.equal(inv.InvoicePayment[0].treasury_id, '1', 'primary treasury by default');
    assert.equal(inv.InvoicePayment[0].currency_code, 'SAR');
    const draft = await makeInvoice(s, { draft: '1' });
    assert.equal((await invoice(s, draft)).payment_status, '-1');
    assert.equal((await s.put(`/api2/invoices/${draft}`, { Invoice: { draft: false } })).status, 200);
    assert.equal((await invoice(s, draft)).payment_status, '0');
  });

  it('accepts the seed page example body as sent, with a real invoice id', async () => {
    const s = server();
    const id = await makeInvoice(s);
    const literal = await s.post('/api2/invoice_payments', SEED_PAYMENT_EXAMPLE);
    assert.equal(literal.status, 400, 'invoice_id 0 names no invoice');
    assert.deepEqual(Object.keys(literal.body.validation_errors), ['invoice_id']);
    const body = { InvoicePayment: { ...SEED_PAYMENT_EXAMPLE.InvoicePayment, invoice_id: Number(id) } };
    const reply = await s.post('/api2/invoice_payments', body);
    assert.equal(reply.status, 202, reply.text);
    const payment = (await s.get(`/api2/invoice_payments/${reply.body.id}.json`)).body.data.InvoicePayment;
    assert.equal(payment.date, '2019-08-24 14:15:22');
    assert.equal(payment.status, '0');
    assert.equal(payment.processed, '1');
    assert.equal(payment.treasury_id, '1', 'treasury 0 means the primary treasury');
    assert.notEqual(payment.created, '2019-08-24 14:15:22', 'created is set by the server');
    assert.equal((await invoice(s, id)).summary_paid, '0', 'a failed payment does not count');
  });

  it('enforces every length limit and required field of the payment', async () => {
    const s = server();
    const id = Number(await makeInvoice(s));
    for (const [field, limit] of Object.entries(PAYMENT_LIMITS)) {
      const base = { invoice_id: id, payment_method: 'cash', amount: 1 };
      const atLimit = await s.post('/api2/invoice_payments.json', { InvoicePayment: { ...base, [field]: 'a'.repeat(limit) } });
      assert.equal(atLimit.status, 202, `${field} at ${limit}: ${atLimit.text}`);
      const over = await s.post('/api2/invoice_payments.json', { InvoicePayment: { ...base, [field]: 'a'.repeat(limit + 1) } });
      assert.equal(over.status, 400, `${field} over ${limit}`);
      assert.equal(over.body.result, 'failed');
      assert.equal(over.body.validation_errors[field], `must be at most ${limit} characters`);
    }
    const missing = await s.post('/api2/invoice_payments.json', { InvoicePayment: {} });
    assert.equal(missing.status, 400);
    for (const field of ['invoice_id', 'payment_method', 'amount']) assert.equal(missing.body.validation_errors[field], 'is required', field);
    const wrong = await s.post('/api2/invoice_payments.json', { InvoicePayment: { invoice_id: 'abc', payment_method: ['x'], amount: '1,2,3', status: 9, date: '2024-13-45' } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(Object.keys(wrong.body.validation_errors).sort(), ['amount', 'date', 'invoice_id', 'payment_method', 'status']);
    const negative = await s.post('/api2/invoice_payments.json', { InvoicePayment: { invoice_id: id, payment_method: 'cash', amount: -5 } });
    assert.equal(negative.status, 400);
    assert.ok(negative.body.validation_errors.amount);
  });

  it('accepts lenient input forms', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Lenient' } });
    const nested = await s.post('/api2/invoices', {
      Invoice: { client_id: String(client), is_offline: true, draft: '0', InvoiceItem: [{ item: 'nested', unit_price: '7.5', quantity: '2' }] },
    });
    assert.equal(nested.status, 202, nested.text);
    assert.equal((await invoice(s, nested.body.id)).summary_total, '15');
    const form = new URLSearchParams({
      'Invoice[client_id]': client, 'InvoiceItem[0][item]': 'form', 'InvoiceItem[0][unit_price]': '3', 'InvoiceItem[1][item]': 'form2', 'InvoiceItem[1][unit_price]': '4',
    }).toString();
    const fromForm = await s.post('/api2/invoices.json', form, { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(fromForm.status, 202, fromForm.text);
    assert.equal((await invoice(s, fromForm.body.id)).summary_total, '7');
    const textPlain = await s.post('/api2/clients.json', JSON.stringify({ Client: { business_name: 'Plain' } }), { 'content-type': 'text/plain' });
    assert.equal(textPlain.status, 202);
    const bare = await s.post('/api2/clients.json', { business_name: 'Bare object' });
    assert.equal(bare.status, 202, 'a body without the model key is taken as the model');
    const unknown = await s.post('/api2/clients.json', { Client: { business_name: 'Extra', no_such_field: 1, site_id: 999 } });
    assert.equal(unknown.status, 202, 'unknown fields are ignored');
  });

  it('rejects bad requests with a clear 4xx', async () => {
    const s = server();
    const badJson = await s.post('/api2/clients.json', '{"Client": {', { 'content-type': 'application/json' });
    assert.equal(badJson.status, 400);
    assert.equal(badJson.body.result, 'failed');
    assert.equal((await s.get('/api2/nothing_here.json')).body.message, 'Invalid Endpoint');
    assert.equal((await s.get('/api2/clients/not-a-number')).status, 404);
    assert.equal((await s.get('/api2/clients/99999999')).status, 404);
    const array = await s.post('/api2/clients.json', [1, 2]);
    assert.equal(array.status, 400);
    const noClient = await s.post('/api2/invoices.json', { Invoice: { client_id: 424242 }, InvoiceItem: [{ item: 'x', unit_price: 1 }] });
    assert.equal(noClient.status, 400);
    assert.match(noClient.body.validation_errors.client_id, /does not exist/);
    const noItems = await s.post('/api2/invoices.json', { Invoice: { client_id: await s.create('clients', { Client: { business_name: 'x' } }) } });
    assert.equal(noItems.status, 400);
    assert.ok(noItems.body.validation_errors.InvoiceItem);
    const badTax = await s.post('/api2/invoices.json', { Invoice: { client_id: 1 }, InvoiceItem: [{ item: 'x', unit_price: 1, tax1: 15 }] });
    assert.equal(badTax.status, 400);
    assert.ok(badTax.body.validation_errors['InvoiceItem.0.tax1'], 'a percentage where a tax id belongs is named');
    const huge = await s.post('/api2/products.json', { Product: { name: 'x', unit_price: '1e30' } });
    assert.equal(huge.status, 400);
    assert.ok(huge.body.validation_errors.unit_price);
    const before = (await s.get('/api2/invoices.json')).body.pagination.total_results;
    await s.post('/api2/invoices.json', { Invoice: { client_id: 1 }, InvoiceItem: [{ item: 'ok', unit_price: 1 }, { item: 'bad', unit_price: 'x' }] });
    assert.equal((await s.get('/api2/invoices.json')).body.pagination.total_results, before, 'nothing half-written');
  });

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
    assert.deepEqual(wrong.body, { result: 'failed', code: 401, message: 'Unauthorized', error_code: 'DAFTAR_ERR_AUTH_INVALID' });
    assert.equal((await s.get('/api2/clients.json', { APIKEY: s.apiKey })).status, 200);
    // The router ignores doubled and trailing slashes; the key check must not (this was a 500 once).
    for (const path of ['//api2/clients.json', '/api2//clients.json', '//api2//clients/1.json', '/api2/clients.json/', '///api2/clients']) {
      const anonymous = await s.get(path, { apikey: '' });
      assert.equal(anonymous.status, 401, `${path} without a key: ${anonymous.text}`);
      assert.equal(anonymous.body.error_code, 'DAFTAR_ERR_AUTH_MISSING');
    }
    assert.equal((await s.get('//api2//clients.json')).status, 200, 'with a key, the doubled slashes still route');
    for (const path of ['/v2/oauth/token', '/api2/oauth/token', '/oauth/token', '/api2/v2/oauth/token']) {
      const token = await s.request('POST', path, { grant_type: 'password', client_id: '1', client_secret: 'published', username: TEST_EMAIL, password: TEST_PASSWORD }, { apikey: '' });
      assert.equal(token.status, 200, `${path}: ${token.text}`);
      assert.equal(token.body.token_type, 'Bearer');
      assert.ok(token.body.expires_in > 0);
    }
    const form = new FormData();
    for (const [k, v] of Object.entries({ grant_type: 'password', client_id: '1', client_secret: 's', username: TEST_EMAIL.toUpperCase(), password: TEST_PASSWORD })) form.append(k, v);
    const multipart = await fetch(`${s.url}/v2/oauth/token`, { method: 'POST', body: form });
    const tokens = await multipart.json() as Record<string, string>;
    assert.equal(multipart.status, 200, JSON.stringify(tokens));
    const urlencoded = await s.request('POST', '/v2/oauth/token', `grant_type=password&username=${encodeURIComponent(TEST_EMAIL)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
      { apikey: '', 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(urlencoded.status, 200);
    const bearer = { apikey: '', authorization: `Bearer ${tokens['access_token']}` };
    assert.equal((await s.get('/api2/site_info.json', bearer)).body.data.Site.staff_id, 0, 'the owner');
    const refreshed = await s.request('POST', '/v2/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens['refresh_token'] }, { apikey: '' });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.access_token, tokens['access_token']);
    assert.equal((await s.get('/api2/clients.json', bearer)).status, 401, 'the old token is revoked by refresh');
    assert.equal((await s.get('/api2/clients.json', { apikey: '', authorization: `Bearer ${refreshed.body.access_token}` })).status, 200);
    const reused = await s.request('POST', '/v2/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens['refresh_token'] }, { apikey: '' });
    assert.equal(reused.status, 400, 'a refresh token works once');
    const badPassword = await s.request('POST', '/v2/oauth/token', { grant_type: 'password', username: TEST_EMAIL, password: 'wrong' }, { apikey: '' });
    assert.equal(badPassword.status, 400);
    assert.equal(badPassword.body.error, 'invalid_grant');
    const badGrant = await s.request('POST', '/v2/oauth/token', { grant_type: 'client_credentials' }, { apikey: '' });
    assert.equal(badGrant.body.error, 'unsupported_grant_type');
  });

  it('paginates and filters lists', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Pager' } });
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(await s.create('invoices', { Invoice: { client_id: client, date: `2024-01-0${i + 1}` }, InvoiceItem: [{ item: 'x', unit_price: i + 1 }] }));
    }
    const page2 = await s.get(`/api2/invoices.json?client_id=${client}&limit=3&page=2`);
    assert.equal(page2.body.data.length, 3);
    assert.equal(page2.body.pagination.page, 2);
    assert.equal(page2.body.pagination.page_count, 3);
    assert.equal(page2.body.pagination.total_results, 7);
    assert.match(page2.body.pagination.next, /^\/api2\/invoices\/\?page=3/);
    assert.match(page2.body.pagination.prev, /page=1/);
    assert.deepEqual(page2.body.data.map((r: any) => r.Invoice.date), ['2024-01-04', '2024-01-03', '2024-01-02'], 'newest first');
    for (const resource of ['treasuries', 'invoices', 'purchase_invoices', 'journal_accounts', 'time_tracking', 'clients']) {
      const empty = await s.get(`/api2/${resource}.json?filter[id]=999999999`);
      assert.equal(empty.status, 200, `${resource} empty page: ${empty.text}`);
      assert.deepEqual(empty.body.data, []);
    }
    const beyond = await s.get(`/api2/invoices.json?client_id=${client}&limit=3&page=9`);
    assert.equal(beyond.status, 200);
    assert.deepEqual(beyond.body.data, []);
    const ranged = await s.get(`/api2/invoices.json?filter[client_id]=${client}&date_from=2024-01-03&date_to=2024-01-05`);
    assert.equal(ranged.body.pagination.total_results, 3);
    const op = await s.get(`/api2/invoices.json?filter[client_id]=${client}&filter[summary_total][gte]=6`);
    assert.equal(op.body.pagination.total_results, 2);
    const sorted = await s.get(`/api2/invoices.json?client_id=${client}&sort=summary_total&direction=ASC&limit=2`);
    assert.deepEqual(sorted.body.data.map((r: any) => r.Invoice.summary_total), ['1', '2']);
    const product = await s.create('products', { Product: { name: 'Coded', product_code: 'SKU-XYZ' } });
    const byCode = await s.get('/api2/products.json?filter[product_code]=SKU-XYZ');
    assert.deepEqual(byCode.body.data.map((r: any) => r.Product.id), [product]);
    const keywords = await s.get('/api2/clients.json?keywords=pag');
    assert.ok(keywords.body.data.some((r: any) => r.Client.id === client));
    const tooMany = await s.get('/api2/invoices.json?limit=100000');
    assert.equal(tooMany.status, 400);
    assert.ok(tooMany.body.validation_errors.limit);
    const badFilter = await s.get('/api2/invoices.json?client_id=abc');
    assert.equal(badFilter.status, 400);
    const full = await s.get(`/api2/invoices.json?client_id=${client}&recursive=1&limit=1`);
    assert.ok(Array.isArray(full.body.data[0].Invoice.InvoiceItem), 'recursive=1 adds items');
    const headerOnly = await s.get(`/api2/invoices.json?client_id=${client}&recursive=-1&limit=1`);
    assert.equal(headerOnly.body.data[0].Invoice.Client, undefined, 'recursive=-1 is the header only');
  });

  it('moves stock with sales and refuses to sell what is not there', async () => {
    const s = server();
    const product = await s.create('products', { Product: { name: 'Stocked', unit_price: '10', track_stock: 1, stock_balance: '5' } });
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '5');
    const sale = await makeInvoice(s, {}, [{ product_id: product, quantity: 2 }]);
    assert.equal((await invoice(s, sale)).InvoiceItem[0].item, 'Stocked', 'line label from the product');
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '3');
    const tooMuch = await s.post('/api2/invoices.json', { Invoice: { client_id: (await invoice(s, sale)).client_id }, InvoiceItem: [{ product_id: product, quantity: 4 }] });
    assert.equal(tooMuch.status, 400);
    assert.match(tooMuch.body.validation_errors['InvoiceItem.0.quantity'], /not enough stock/);
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '3', 'nothing moved');
    await s.put(`/api2/invoices/${sale}`, { InvoiceItem: [{ product_id: product, quantity: 1 }] });
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '4');
    await s.del(`/api2/invoices/${sale}`);
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '5');
    const moves = await s.get(`/api2/stock_transactions.json?product_id=${product}`);
    assert.equal(moves.body.pagination.total_results, 1, 'only the opening stock remains');
    assert.equal((await s.put(`/api2/products/${product}`, { Product: { stock_balance: 8 } })).status, 200);
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '8', 'a new level is an adjustment');
    assert.equal((await s.del(`/api2/products/${product}`)).status, 400, 'a product with movements is kept');
  });

  it('walls sites off from each other', async () => {
    const s = server();
    const invoiceId = await makeInvoice(s);
    const { createSite } = await import('../src/domain/sites.js');
    const other = await createSite(s.database.db, { subdomain: `other${Date.now()}`, businessName: 'Other', currency: 'KWD', country: 'KW' });
    const as = { apikey: other.apiKey };
    assert.equal((await s.get(`/api2/invoices/${invoiceId}`, as)).status, 404);
    assert.equal((await s.get('/api2/invoices.json', as)).body.pagination.total_results, 0);
    assert.equal((await s.put(`/api2/invoices/${invoiceId}`, { Invoice: { notes: 'x' } }, as)).status, 404);
    assert.equal((await s.del(`/api2/invoices/${invoiceId}`, as)).status, 404);
    const pay = await s.post('/api2/invoice_payments.json', { InvoicePayment: { invoice_id: invoiceId, payment_method: 'cash', amount: 1 } }, as);
    assert.equal(pay.status, 400, 'an invoice of another site does not exist');
    assert.equal((await s.get('/api2/site_info.json', as)).body.data.Site.currency_code, 'KWD');
    assert.equal((await invoice(s, invoiceId)).summary_paid, '0');
  });

  it('describes every route in OpenAPI and serves the docs page', async () => {
    const s = server();
    const spec = (await s.get('/api2/openapi.json', { apikey: '' })).body;
    assert.equal(spec.openapi, '3.1.0');
    for (const path of ['/api2/invoices.json', '/api2/invoices/{id}', '/api2/invoice_payments/{id}', '/api2/site_info.json', '/v2/oauth/token']) {
      assert.ok(spec.paths[path], path);
    }
    assert.equal(spec.paths['/api2/invoices'], undefined, 'each operation is listed once');
    assert.deepEqual(spec.paths['/api2/invoices.json']['x-daftar-also'], ['/api2/invoices']);
    assert.ok(spec.paths['/api2/invoices/{id}'].put && spec.paths['/api2/invoices/{id}'].delete);
    assert.equal(spec.paths['/api2/staff/{id}'].put, undefined, 'read-only resources have no edit');
    const payment = spec.paths['/api2/invoice_payments.json'].post.requestBody.content['application/json'].schema.properties.InvoicePayment;
    assert.equal(payment.properties.payment_method.maxLength, 100);
    const docs = await s.get('/docs', { apikey: '' });
    assert.equal(docs.status, 200);
    assert.match(docs.text, /id="api-reference"/, 'the interactive reference (test/openapi.test.ts and docs-browser check it whole)');
    assert.match(docs.text, /\/api2\/openapi\.json/);
  });
});
