// The wire over real HTTP on SQLite and PostgreSQL: Daftra's envelopes on every route form, the
// operations of every slice resource, lenient input, clear 4xx for bad requests, pagination and
// filters, and the OpenAPI description and docs page.
import assert from 'node:assert/strict';
import { eachDatabase, it } from './support/harness.js';
import { invoiceOf as invoice } from './support/sales.js';

eachDatabase('wire: envelopes, operations, input, lists', (server) => {
  it('answers Daftra envelopes on every route form of a resource', async () => {
    const s = server();
    const created = await s.post('/api2/clients.json', {
      Client: { business_name: 'Envelope Co', email: 'e@example.com' },
    });
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
    for (const path of [
      '/api2/clients',
      '/api2/clients.json',
      '/api2/clients/',
      '/api2/clients?Default=".json"&Value=".json"',
    ]) {
      const list = await s.get(path);
      assert.equal(list.status, 200, path);
      assert.ok(Array.isArray(list.body.data));
      assert.ok(list.body.data.every((row: any) => row.Client && typeof row.Client.id === 'string'));
      assert.deepEqual(Object.keys(list.body.pagination).sort(), [
        'next',
        'page',
        'page_count',
        'prev',
        'total_results',
      ]);
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
    assert.deepEqual(gone.body, {
      result: 'failed',
      code: 404,
      message: 'Client not found',
      error_code: 'DAFTAR_ERR_NOT_FOUND',
    });
  });

  it('serves every operation of the slice resources', async () => {
    const s = server();
    type Case = [string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, string];
    const bodies: Record<string, Case> = {
      taxes: ['Tax', { name: 'VAT', value: 15 }, { description: 'KSA VAT' }, { name: 'Too much', value: 150 }, 'value'],
      stores: ['Store', { name: 'Jeddah' }, { shipping_address: 'Port road' }, { shipping_address: 'no name' }, 'name'],
      treasuries: [
        'Treasury',
        { name: 'Bank', type: 1 },
        { description: 'Main bank' },
        { name: 'Odd', type: 2 },
        'type',
      ],
      products: [
        'Product',
        { name: 'Widget', unit_price: '5' },
        { barcode: '123' },
        { name: 'x', tax1: 99999 },
        'tax1',
      ],
      clients: [
        'Client',
        { first_name: 'Sara', last_name: 'Ali' },
        { phone1: '0500000000' },
        { email: 'nobody' },
        'business_name',
      ],
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
      assert.ok(
        listed.body.data.some((row: any) => row[model].id === id),
        `${resource} lists it`,
      );
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

  it('accepts lenient input forms', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Lenient' } });
    const nested = await s.post('/api2/invoices', {
      Invoice: {
        client_id: String(client),
        is_offline: true,
        draft: '0',
        InvoiceItem: [{ item: 'nested', unit_price: '7.5', quantity: '2' }],
      },
    });
    assert.equal(nested.status, 202, nested.text);
    assert.equal((await invoice(s, nested.body.id)).summary_total, '15');
    const form = new URLSearchParams({
      'Invoice[client_id]': client,
      'InvoiceItem[0][item]': 'form',
      'InvoiceItem[0][unit_price]': '3',
      'InvoiceItem[1][item]': 'form2',
      'InvoiceItem[1][unit_price]': '4',
    }).toString();
    const fromForm = await s.post('/api2/invoices.json', form, { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(fromForm.status, 202, fromForm.text);
    assert.equal((await invoice(s, fromForm.body.id)).summary_total, '7');
    const textPlain = await s.post('/api2/clients.json', JSON.stringify({ Client: { business_name: 'Plain' } }), {
      'content-type': 'text/plain',
    });
    assert.equal(textPlain.status, 202);
    const bare = await s.post('/api2/clients.json', { business_name: 'Bare object' });
    assert.equal(bare.status, 202, 'a body without the model key is taken as the model');
    const unknown = await s.post('/api2/clients.json', {
      Client: { business_name: 'Extra', no_such_field: 1, site_id: 999 },
    });
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
    const noClient = await s.post('/api2/invoices.json', {
      Invoice: { client_id: 424242 },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    assert.equal(noClient.status, 400);
    assert.match(noClient.body.validation_errors.client_id, /does not exist/);
    const noItems = await s.post('/api2/invoices.json', {
      Invoice: { client_id: await s.create('clients', { Client: { business_name: 'x' } }) },
    });
    assert.equal(noItems.status, 400);
    assert.ok(noItems.body.validation_errors.InvoiceItem);
    const badTax = await s.post('/api2/invoices.json', {
      Invoice: { client_id: 1 },
      InvoiceItem: [{ item: 'x', unit_price: 1, tax1: 15 }],
    });
    assert.equal(badTax.status, 400);
    assert.ok(badTax.body.validation_errors['InvoiceItem.0.tax1'], 'a percentage where a tax id belongs is named');
    const huge = await s.post('/api2/products.json', { Product: { name: 'x', unit_price: '1e30' } });
    assert.equal(huge.status, 400);
    assert.ok(huge.body.validation_errors.unit_price);
    const before = (await s.get('/api2/invoices.json')).body.pagination.total_results;
    await s.post('/api2/invoices.json', {
      Invoice: { client_id: 1 },
      InvoiceItem: [
        { item: 'ok', unit_price: 1 },
        { item: 'bad', unit_price: 'x' },
      ],
    });
    assert.equal((await s.get('/api2/invoices.json')).body.pagination.total_results, before, 'nothing half-written');
  });

  it('paginates and filters lists', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Pager' } });
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(
        await s.create('invoices', {
          Invoice: { client_id: client, date: `2024-01-0${i + 1}` },
          InvoiceItem: [{ item: 'x', unit_price: i + 1 }],
        }),
      );
    }
    const page2 = await s.get(`/api2/invoices.json?client_id=${client}&limit=3&page=2`);
    assert.equal(page2.body.data.length, 3);
    assert.equal(page2.body.pagination.page, 2);
    assert.equal(page2.body.pagination.page_count, 3);
    assert.equal(page2.body.pagination.total_results, 7);
    assert.match(page2.body.pagination.next, /^\/api2\/invoices\/\?page=3/);
    assert.match(page2.body.pagination.prev, /page=1/);
    assert.deepEqual(
      page2.body.data.map((r: any) => r.Invoice.date),
      ['2024-01-04', '2024-01-03', '2024-01-02'],
      'newest first',
    );
    for (const resource of [
      'treasuries',
      'invoices',
      'purchase_invoices',
      'journal_accounts',
      'time_tracking',
      'clients',
    ]) {
      const empty = await s.get(`/api2/${resource}.json?filter[id]=999999999`);
      assert.equal(empty.status, 200, `${resource} empty page: ${empty.text}`);
      assert.deepEqual(empty.body.data, []);
    }
    const beyond = await s.get(`/api2/invoices.json?client_id=${client}&limit=3&page=9`);
    assert.equal(beyond.status, 200);
    assert.deepEqual(beyond.body.data, []);
    const ranged = await s.get(
      `/api2/invoices.json?filter[client_id]=${client}&date_from=2024-01-03&date_to=2024-01-05`,
    );
    assert.equal(ranged.body.pagination.total_results, 3);
    const op = await s.get(`/api2/invoices.json?filter[client_id]=${client}&filter[summary_total][gte]=6`);
    assert.equal(op.body.pagination.total_results, 2);
    const sorted = await s.get(`/api2/invoices.json?client_id=${client}&sort=summary_total&direction=ASC&limit=2`);
    assert.deepEqual(
      sorted.body.data.map((r: any) => r.Invoice.summary_total),
      ['1', '2'],
    );
    const product = await s.create('products', { Product: { name: 'Coded', product_code: 'SKU-XYZ' } });
    const byCode = await s.get('/api2/products.json?filter[product_code]=SKU-XYZ');
    assert.deepEqual(
      byCode.body.data.map((r: any) => r.Product.id),
      [product],
    );
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

  it('describes every route in OpenAPI and serves the docs page', async () => {
    const s = server();
    const spec = (await s.get('/api2/openapi.json', { apikey: '' })).body;
    assert.equal(spec.openapi, '3.1.0');
    for (const path of [
      '/api2/invoices.json',
      '/api2/invoices/{id}',
      '/api2/invoice_payments/{id}',
      '/api2/site_info.json',
      '/v2/oauth/token',
    ]) {
      assert.ok(spec.paths[path], path);
    }
    assert.equal(spec.paths['/api2/invoices'], undefined, 'each operation is listed once');
    assert.deepEqual(spec.paths['/api2/invoices.json']['x-daftar-also'], ['/api2/invoices']);
    assert.ok(spec.paths['/api2/invoices/{id}'].put && spec.paths['/api2/invoices/{id}'].delete);
    assert.equal(spec.paths['/api2/staff/{id}'].put, undefined, 'read-only resources have no edit');
    const payment =
      spec.paths['/api2/invoice_payments.json'].post.requestBody.content['application/json'].schema.properties
        .InvoicePayment;
    assert.equal(payment.properties.payment_method.maxLength, 100);
    const docs = await s.get('/docs', { apikey: '' });
    assert.equal(docs.status, 200);
    assert.match(
      docs.text,
      /id="api-reference"/,
      'the interactive reference (test/openapi.test.ts and docs-browser check it whole)',
    );
    assert.match(docs.text, /\/api2\/openapi\.json/);
  });
});
