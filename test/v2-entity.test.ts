// Daftra's v2 entity API (/v2/api/entity): the same declarations as api2 in v2's shapes — Laravel's
// paginator, filter[field][op], flat records with native types, relations by level, v2's errors —
// and the same data: what one surface writes, the other reads, within the caller's site only.
import assert from 'node:assert/strict';
import { before } from 'node:test';
import { sql } from 'kysely';
import { migrate } from '../src/db/migrations.js';
import { createSite } from '../src/domain/sites.js';
import { pageWindow } from '../src/api/v2-paginator.js';
import { v2Entities } from '../src/api/v2-entities.js';
import { RESOURCES, declaredTables } from '../src/resources/index.js';
import { TEST_EMAIL, TEST_PASSWORD, eachDatabase, it } from './support/harness.js';
import { anotherSite, withKey } from './support/records.js';

const V2 = '/v2/api/entity';

/** The api2 rendering of a v2 value: stored scalars as strings, nulls as null. */
function asApi2(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? value : String(value);
}

/** Every field api2 renders equals the v2 value of the same name (relations and lines aside). */
function assertSameRecord(api2: Record<string, unknown>, v2: Record<string, unknown>, where: string): void {
  let compared = 0;
  for (const [name, value] of Object.entries(api2)) {
    if (value !== null && typeof value === 'object') continue;
    assert.ok(Object.hasOwn(v2, name), `${where}: v2 lacks ${name}`);
    assert.deepEqual(asApi2(v2[name]), value, `${where}: ${name}`);
    compared += 1;
  }
  assert.ok(compared > 5, `${where}: compared ${compared} fields`);
}

it('gives every declared resource a v2 entity name, and the three v2 resources their Daftra names', () => {
  const entities = v2Entities(RESOURCES);
  const served = new Set([...entities.values()].map((entity) => entity.spec.name));
  const unserved = RESOURCES.filter((spec) => !served.has(spec.name)).map((spec) => spec.name);
  assert.deepEqual(unserved, []);
  for (const name of [
    'client',
    'invoice',
    'invoice_payment',
    'product',
    'supplier',
    'estimate',
    'credit_note',
    'purchase_order',
    'journal_account',
    'branch',
    'site_payment_gateway',
    'shipping_option',
    'follow_up_status',
    'post',
    'client_attendance_log',
  ]) {
    assert.ok(entities.has(name), `entity ${name}`);
  }
  assert.ok(entities.get('follow_up_status')!.operations.has('list'), 'follow_up_status/list/1 is documented');
  assert.deepEqual([...entities.get('invoice_item')!.operations], ['list', 'get'], 'lines are read-only entities');
});

it('windows page links as Laravel does (three on each side, "..." between)', () => {
  assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
  assert.deepEqual(
    pageWindow(5, 13),
    Array.from({ length: 13 }, (_, i) => i + 1),
  );
  assert.deepEqual(pageWindow(1, 20), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, 19, 20]);
  assert.deepEqual(pageWindow(10, 20), [1, 2, null, 7, 8, 9, 10, 11, 12, 13, null, 19, 20]);
  assert.deepEqual(pageWindow(18, 20), [1, 2, null, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
});

eachDatabase('v2 entity API', (server) => {
  let productIds: number[] = [];
  let clientId = 0;

  before(async () => {
    const s = server();
    const client = await s.post(`${V2}/client`, { business_name: 'Paging Client', email: 'paging@example.com' });
    assert.equal(client.status, 200, client.text);
    clientId = client.body.id;
    productIds = [];
    // 25 products tagged "pg-": prices 1..25, every fifth without a barcode.
    for (let n = 1; n <= 25; n += 1) {
      const reply = await s.post(`${V2}/product`, {
        name: `pg-${String(n).padStart(2, '0')}`,
        unit_price: String(n),
        barcode: n % 5 === 0 ? null : `BC${n}`,
      });
      assert.equal(reply.status, 200, reply.text);
      productIds.push(reply.body.id);
    }
  });

  it('answers 401 {"message":"Unauthenticated."} without a key or with a wrong one, and serves a Bearer token', async () => {
    const s = server();
    for (const headers of [
      { apikey: '' },
      { apikey: 'wrong-key' },
      { apikey: '', authorization: 'Bearer nope' },
    ] as Array<Record<string, string>>) {
      for (const [method, path] of [
        ['GET', `${V2}/client/list/1`],
        ['GET', `${V2}/client/${clientId}`],
        ['POST', `${V2}/client`],
        ['DELETE', `${V2}/client/${clientId}`],
      ] as const) {
        const reply = await s.request(method, path, method === 'POST' ? { business_name: 'x' } : undefined, headers);
        assert.equal(reply.status, 401, `${method} ${path} ${JSON.stringify(headers)}: ${reply.text}`);
        assert.deepEqual(reply.body, { message: 'Unauthenticated.' });
      }
    }
    const token = await s.request(
      'POST',
      '/v2/oauth/token',
      { grant_type: 'password', client_id: '1', client_secret: 'x', username: TEST_EMAIL, password: TEST_PASSWORD },
      { apikey: '' },
    );
    assert.equal(token.status, 200, token.text);
    const bearer = await s.get(`${V2}/client/${clientId}`, {
      apikey: '',
      authorization: `Bearer ${token.body.access_token}`,
    });
    assert.equal(bearer.status, 200, bearer.text);
    assert.equal(bearer.body.id, clientId);
  });

  it('answers {"error":"Entity Not exists"} for an entity no declaration serves, on every method', async () => {
    const s = server();
    for (const [method, path] of [
      ['GET', `${V2}/nothing/list/1`],
      ['GET', `${V2}/nothing/list`],
      ['GET', `${V2}/nothing/1`],
      ['POST', `${V2}/nothing`],
      ['PUT', `${V2}/nothing/1`],
      ['DELETE', `${V2}/nothing/1`],
      ['GET', `${V2}/__proto__/list/1`],
      ['GET', `${V2}/clients/list/1`],
    ] as const) {
      const reply = await s.request(method, path, method === 'POST' || method === 'PUT' ? { name: 'x' } : undefined);
      assert.equal(reply.status, 404, `${method} ${path}: ${reply.text}`);
      assert.deepEqual(reply.body, { error: 'Entity Not exists' });
    }
  });

  it('creates, reads, edits and deletes a record with v2 bodies and replies', async () => {
    const s = server();
    const created = await s.post(`${V2}/supplier`, {
      business_name: 'Nile Traders',
      email: 'nile@example.com',
      country_code: 'EG',
      id: 999,
    });
    assert.equal(created.status, 200, created.text);
    assert.equal(created.body.message, 'Supplier added successfully');
    assert.equal(typeof created.body.id, 'number');
    const id = created.body.id as number;
    assert.notEqual(id, 999, 'an id in the body is not taken');

    const read = await s.get(`${V2}/supplier/${id}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.id, id);
    assert.equal(read.body.business_name, 'Nile Traders');
    assert.equal(read.body.code, undefined, 'no envelope: the record itself');
    assert.equal(typeof read.body.staff_id, 'number', 'ints are JSON numbers on v2');
    assert.equal((await s.get(`${V2}/supplier/${id}/1`)).body.business_name, 'Nile Traders');

    const edited = await s.put(`${V2}/supplier/${id}`, { id, city: 'Cairo' });
    assert.equal(edited.status, 200, edited.text);
    assert.deepEqual(edited.body, { message: 'Supplier updated successfully', id });
    const after = (await s.get(`${V2}/supplier/${id}`)).body;
    assert.equal(after.city, 'Cairo');
    assert.equal(after.business_name, 'Nile Traders', 'an edit keeps the fields it did not send');
    assert.equal((await s.post(`${V2}/supplier/${id}`, { city: 'Giza' })).status, 200, 'POST to the id edits too');
    assert.equal((await s.get(`/api2/suppliers/${id}.json`)).body.data.Supplier.city, 'Giza');

    const deleted = await s.del(`${V2}/supplier/${id}`);
    assert.equal(deleted.status, 200, deleted.text);
    assert.deepEqual(deleted.body, { message: 'Supplier deleted successfully', id });
    const gone = await s.get(`${V2}/supplier/${id}`);
    assert.equal(gone.status, 404);
    assert.deepEqual(gone.body, { message: 'Record not found' });
    assert.equal((await s.get(`/api2/suppliers/${id}.json`)).status, 404, 'gone from api2 too');
  });

  it('answers 404/400 {"message":"Record not found"} for ids that are not records, and 405 for an operation the entity lacks', async () => {
    const s = server();
    for (const path of [`${V2}/client/987654`, `${V2}/client/0`, `${V2}/client/abc`, `${V2}/client/987654/1`]) {
      const reply = await s.get(path);
      assert.equal(reply.status, 404, `${path}: ${reply.text}`);
      assert.deepEqual(reply.body, { message: 'Record not found' });
    }
    // Daftra documents 400 for an edit of a missing record.
    const put = await s.put(`${V2}/client/987654`, { business_name: 'x' });
    assert.equal(put.status, 400, put.text);
    assert.deepEqual(put.body, { message: 'Record not found' });
    assert.equal((await s.del(`${V2}/client/987654`)).status, 404);
    const method = await s.del(`${V2}/product_category/1`);
    assert.equal(method.status, 405, method.text);
    assert.equal(typeof method.body.message, 'string');
  });

  it('refuses bad input with 422 {"message":"Entity not saved","errors":{field:[..]}} and writes nothing', async () => {
    const s = server();
    const before = (await s.get(`${V2}/client/list/1?per_page=1`)).body.total;
    const reply = await s.post(`${V2}/client`, { email: 'no-name@example.com' });
    assert.equal(reply.status, 422, reply.text);
    assert.equal(reply.body.message, 'Entity not saved');
    assert.ok(
      Array.isArray(reply.body.errors.business_name) && typeof reply.body.errors.business_name[0] === 'string',
      reply.text,
    );
    const typed = await s.post(`${V2}/client`, { business_name: 'Typed', credit_limit: 'lots' });
    assert.equal(typed.status, 422, typed.text);
    assert.ok(Array.isArray(typed.body.errors.credit_limit), typed.text);
    assert.equal((await s.get(`${V2}/client/list/1?per_page=1`)).body.total, before);
    const edit = await s.put(`${V2}/product/${productIds[0]}`, { unit_price: 'ten' });
    assert.equal(edit.status, 422, edit.text);
    assert.ok(Array.isArray(edit.body.errors.unit_price));
    assert.equal(
      (await s.get(`${V2}/product/${productIds[0]}`)).body.unit_price,
      1,
      'the refused edit left the record',
    );
    const badJson = await s.request('POST', `${V2}/client`, '{"business_name":', {
      'content-type': 'application/json',
    });
    assert.equal(badJson.status, 400, badJson.text);
    assert.equal(typeof badJson.body.message, 'string');
    const badPage = await s.get(`${V2}/product/list/1?per_page=0`);
    assert.equal(badPage.status, 422, badPage.text);
    assert.ok(Array.isArray(badPage.body.errors.per_page));
  });

  it('pages with Laravel paginator fields and URLs that keep the filters', async () => {
    const s = server();
    const path = `${V2}/product/list/1`;
    const reply = await s.get(`${path}?filter[name][like]=pg-&per_page=10&page=2&sort=unit_price`);
    assert.equal(reply.status, 200, reply.text);
    const body = reply.body;
    assert.deepEqual(Object.keys(body), [
      'current_page',
      'data',
      'first_page_url',
      'from',
      'last_page',
      'last_page_url',
      'links',
      'next_page_url',
      'path',
      'per_page',
      'prev_page_url',
      'to',
      'total',
    ]);
    assert.equal(body.current_page, 2);
    assert.equal(body.per_page, 10);
    assert.equal(body.total, 25);
    assert.equal(body.last_page, 3);
    assert.equal(body.from, 11);
    assert.equal(body.to, 20);
    assert.deepEqual(
      body.data.map((row: any) => row.unit_price),
      [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
    );
    assert.equal(body.path, `${s.url}${path}`);
    const url = (page: number) =>
      `${s.url}${path}?filter%5Bname%5D%5Blike%5D=pg-&per_page=10&sort=unit_price&page=${page}`;
    assert.equal(body.first_page_url, url(1));
    assert.equal(body.last_page_url, url(3));
    assert.equal(body.prev_page_url, url(1));
    assert.equal(body.next_page_url, url(3));
    assert.deepEqual(body.links, [
      { url: url(1), label: 'pagination.previous', page: 1, active: false },
      { url: url(1), label: '1', page: 1, active: false },
      { url: url(2), label: '2', page: 2, active: true },
      { url: url(3), label: '3', page: 3, active: false },
      { url: url(3), label: 'pagination.next', page: 3, active: false },
    ]);
    // Following next_page_url gets the last page; past it, an empty page.
    const last = (await s.get(body.next_page_url.slice(s.url.length))).body;
    assert.equal(last.current_page, 3);
    assert.equal(last.data.length, 5);
    assert.equal(last.next_page_url, null);
    assert.equal(last.to, 25);
    const past = (await s.get(`${path}?filter[name][like]=pg-&per_page=10&page=4`)).body;
    assert.deepEqual([past.data, past.from, past.to, past.total, past.last_page], [[], null, null, 25, 3]);
    // Defaults: 20 a page; `limit` (which v2 clients also send) sets the size when per_page is absent.
    const first = (await s.get(`${V2}/product/list?filter[name][like]=pg-`)).body;
    assert.equal(first.per_page, 20);
    assert.equal(first.data.length, 20);
    assert.equal(first.prev_page_url, null);
    assert.equal(first.links[0].url, null);
    assert.equal((await s.get(`${V2}/product/list/1?filter[name][like]=pg-&limit=7`)).body.data.length, 7);
    // Plain field names are not filters on v2 (a real client sends type=sales).
    assert.equal((await s.get(`${V2}/invoice/list/1?type=sales`)).status, 200);
  });

  it('filters with every documented operator: equal, in, gte, lte, from, to, like, is_null', async () => {
    const s = server();
    const prices = async (filter: string) => {
      const reply = await s.get(`${V2}/product/list/1?filter[name][like]=pg-&per_page=100&sort=unit_price&${filter}`);
      assert.equal(reply.status, 200, `${filter}: ${reply.text}`);
      return reply.body.data.map((row: any) => row.unit_price);
    };
    assert.deepEqual(await prices('filter[unit_price][equal]=7'), [7]);
    assert.deepEqual(await prices('filter[unit_price]=7'), [7], 'no operator is equal');
    assert.deepEqual(await prices('filter[unit_price][in]=3,9,30'), [3, 9]);
    assert.deepEqual(await prices('filter[unit_price][in][]=4&filter[unit_price][in][]=8'), [4, 8]);
    assert.deepEqual(
      await prices('filter[unit_price][in][0]=5&filter[unit_price][in][1]=6'),
      [5, 6],
      "PHP's http_build_query form",
    );
    assert.deepEqual(await prices('filter[unit_price][gte]=23'), [23, 24, 25]);
    assert.deepEqual(await prices('filter[unit_price][lte]=2'), [1, 2]);
    assert.deepEqual(await prices('filter[unit_price][from]=24'), [24, 25]);
    assert.deepEqual(await prices('filter[unit_price][to]=1'), [1]);
    assert.deepEqual(await prices('filter[unit_price][gte]=10&filter[unit_price][lte]=12'), [10, 11, 12]);
    const like = (
      await s.get(`${V2}/product/list/1?filter[name][like]=pg-1&per_page=100&sort=unit_price`)
    ).body.data.map((row: any) => row.unit_price);
    assert.deepEqual(like, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    assert.deepEqual(await prices('filter[barcode][is_null]=1'), [5, 10, 15, 20, 25]);
    assert.equal((await prices('filter[barcode][is_null]=0')).length, 20);
    assert.deepEqual(await prices(`filter[id][in]=${productIds[1]},${productIds[2]}`), [2, 3]);
    const bad = await s.get(`${V2}/product/list/1?filter[unit_price][gte]=cheap`);
    assert.equal(bad.status, 422, bad.text);
    assert.ok(Array.isArray(bad.body.errors['filter[unit_price][gte]']), bad.text);
  });

  it('reads a record made over v2 identically over api2, and one made over api2 identically over v2', async () => {
    const s = server();
    const viaV2 = await s.post(`${V2}/invoice`, {
      client_id: clientId,
      date: '2024-03-05',
      notes: 'via v2',
      invoice_item: [
        { product_id: productIds[2], item: 'Exact', unit_price: '999999999.123456', quantity: 3 },
        { item: 'Service', unit_price: '0.1', quantity: 7 },
      ],
    });
    assert.equal(viaV2.status, 200, viaV2.text);
    const viaApi2 = await s.create('invoices', {
      Invoice: { client_id: clientId, date: '2024-03-06', notes: 'via api2' },
      InvoiceItem: [
        { product_id: productIds[3], quantity: 2 },
        { item: 'Fee', unit_price: '12.345', quantity: 1 },
      ],
      Payment: [{ payment_method: 'cash', amount: '5.5' }],
    });
    for (const id of [String(viaV2.body.id), viaApi2]) {
      const api2 = (await s.get(`/api2/invoices/${id}.json`)).body.data.Invoice;
      const v2Reply = await s.get(`${V2}/invoice/${id}/1`);
      const v2 = v2Reply.body;
      assertSameRecord(api2, v2, `invoice ${id}`);
      assert.equal(v2.invoice_item.length, api2.InvoiceItem.length);
      for (const [index, line] of api2.InvoiceItem.entries())
        assertSameRecord(line, v2.invoice_item[index], `invoice ${id} line ${index}`);
      assert.equal((v2.invoice_payment ?? []).length, api2.InvoicePayment.length);
      // Amounts are written exactly: the JSON text carries the digits, not a float's rounding.
      for (const line of api2.InvoiceItem)
        assert.ok(v2Reply.text.includes(`"unit_price":${line.unit_price}`), `${line.unit_price} written exactly`);
      // The v2 list row is the same record.
      const row = (await s.get(`${V2}/invoice/list/1?filter[id][equal]=${id}`)).body.data[0];
      assertSameRecord(api2, row, `invoice ${id} in the list`);
    }
    assert.ok((await s.get(`${V2}/invoice/${viaV2.body.id}`)).text.includes('"unit_price":999999999.123456'));
    // Lines sent in a v2 edit replace the invoice's lines; totals follow, on both surfaces.
    const edited = await s.put(`${V2}/invoice/${viaApi2}`, {
      invoice_item: [{ item: 'Only line', unit_price: '40', quantity: 2 }],
    });
    assert.equal(edited.status, 200, edited.text);
    const api2After = (await s.get(`/api2/invoices/${viaApi2}.json`)).body.data.Invoice;
    assert.deepEqual(
      api2After.InvoiceItem.map((line: any) => line.item),
      ['Only line'],
    );
    assert.equal(api2After.summary_subtotal, '80');
    assertSameRecord(api2After, (await s.get(`${V2}/invoice/${viaApi2}`)).body, 'invoice after a v2 edit');
    // A client made over api2 reads back over v2, and an edit over v2 shows over api2.
    const api2Client = await s.create('clients', {
      Client: { business_name: 'Api2 Co', email: 'api2@example.com', credit_limit: '1500.75' },
    });
    assertSameRecord(
      (await s.get(`/api2/clients/${api2Client}`)).body.data.Client,
      (await s.get(`${V2}/client/${api2Client}`)).body,
      'client',
    );
    await s.put(`${V2}/client/${api2Client}`, { phone1: '+20 100 000 0000' });
    assertSameRecord(
      (await s.get(`/api2/clients/${api2Client}`)).body.data.Client,
      (await s.get(`${V2}/client/${api2Client}`)).body,
      'client after a v2 edit',
    );
  });

  it('nests by level: -1 and 0 the record alone, 1 the records it names, 2 lines in lists', async () => {
    const s = server();
    const invoice = await s.post(`${V2}/invoice`, {
      client_id: clientId,
      invoice_item: [{ product_id: productIds[0], quantity: 1 }],
      invoice_payment: [{ payment_method: 'cash', amount: '1' }],
    });
    assert.equal(invoice.status, 200, invoice.text);
    const filter = `filter[id][equal]=${invoice.body.id}`;
    for (const level of ['-1', '0']) {
      const row = (await s.get(`${V2}/invoice/list/${level}?${filter}`)).body.data[0];
      assert.equal(row.client, undefined, `level ${level}`);
      assert.equal(row.invoice_item, undefined, `level ${level}`);
    }
    const one = (await s.get(`${V2}/invoice/list/1?${filter}`)).body.data[0];
    assert.equal(one.client.id, clientId);
    assert.equal(one.client.business_name, 'Paging Client');
    assert.equal(one.store.id, one.store_id);
    assert.equal(one.invoice_item, undefined, 'lists carry lines from level 2');
    const two = (await s.get(`${V2}/invoice/list/2?${filter}`)).body.data[0];
    assert.equal(two.invoice_item.length, 1);
    assert.equal(two.invoice_item[0].product_id, productIds[0]);
    assert.equal(two.invoice_payment.length, 1, 'payments sent as invoice_payment were taken');
    const single = (await s.get(`${V2}/invoice/${invoice.body.id}`)).body;
    assert.equal(single.invoice_item.length, 1, 'a single record carries its lines at level 1');
    assert.equal(single.client.id, clientId);
    assert.equal(single.staff, null, 'staff_id 0 (the owner) names no staff row');
    const mainBranch = (await s.get(`${V2}/branch/list/0`)).body.data[0];
    const tax = await s.post(`${V2}/tax`, { name: 'Branch VAT', value: 15, branch_id: mainBranch.id });
    assert.deepEqual(
      (await s.get(`${V2}/tax/${tax.body.id}/1`)).body.branch,
      mainBranch,
      'branch_id nests the branch, as Daftra does',
    );
    const bare = (await s.get(`${V2}/invoice/${invoice.body.id}/0`)).body;
    assert.equal(bare.invoice_item, undefined);
    assert.equal(bare.client, undefined);
    // Lines are read-only entities of their own.
    const lines = (await s.get(`${V2}/invoice_item/list?filter[invoice_id]=${invoice.body.id}`)).body;
    assert.equal(lines.total, 1);
    assert.equal(lines.data[0].product_id, productIds[0]);
    assert.equal((await s.get(`${V2}/invoice_item/${lines.data[0].id}`)).body.invoice_id, invoice.body.id);
    assert.equal((await s.del(`${V2}/invoice_item/${lines.data[0].id}`)).status, 405);
    // A POS sync checks an order's payments through v2 (filter[invoice_id]).
    const payments = (await s.get(`${V2}/invoice_payment/list?filter[invoice_id]=${invoice.body.id}`)).body;
    assert.equal(payments.total, 1);
    assert.equal(payments.data[0].amount, 1);
    assert.equal(payments.data[0].payment_method, 'cash');
  });

  it('suggests {id, name, avatar} for a search box (client/filter-auto-suggest)', async () => {
    const s = server();
    const reply = await s.get(`${V2}/client/filter-auto-suggest?filter[business_name][like]=paging`);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.body, [{ id: clientId, name: 'Paging Client', avatar: null }]);
    assert.deepEqual(
      (await s.get(`${V2}/client/filter-auto-suggest?filter[id]=${clientId}`)).body.map((row: any) => row.id),
      [clientId],
    );
    assert.equal(
      (await s.get(`${V2}/product/filter-auto-suggest?filter[name][like]=pg-`)).body.length,
      20,
      'at most 20',
    );
    assert.deepEqual((await s.get(`${V2}/nothing/filter-auto-suggest`)).body, { error: 'Entity Not exists' });
  });

  it('serves branch, site_payment_gateway (seeded, list and create), shipping_option and follow_up_status/list/1', async () => {
    const s = server();
    const branches = (await s.get(`${V2}/branch/list`)).body;
    assert.equal(branches.data[0].name, 'Main Branch');
    assert.equal(branches.data[0].status, 1);
    assert.equal(
      (await s.get('/api2/branches.json')).body.data[0].Branch.name,
      'Main Branch',
      'api2 serves the same declaration',
    );
    const mainDelete = await s.del(`${V2}/branch/${branches.data[0].id}`);
    assert.equal(mainDelete.status, 422, mainDelete.text);

    const gateways = (await s.get(`${V2}/site_payment_gateway/list?per_page=100`)).body;
    assert.deepEqual(gateways.data.map((row: any) => row.payment_gateway).slice(0, 4), [
      'cash',
      'bank_transfer',
      'credit_card',
      'cheque',
    ]);
    const card = await s.post(`${V2}/site_payment_gateway`, {
      payment_gateway: 'card',
      label: 'Card',
      manually_added: 1,
      active: 1,
      treasury_id: null,
      branch_id: branches.data[0].id,
    });
    assert.equal(card.status, 200, card.text);
    const listed = (await s.get(`${V2}/site_payment_gateway/list?per_page=100&filter[payment_gateway]=card`)).body;
    assert.deepEqual(
      listed.data.map((row: any) => [row.id, row.label, row.active]),
      [[card.body.id, 'Card', 1]],
    );
    const again = await s.post(`${V2}/site_payment_gateway`, { payment_gateway: 'card', label: 'Card again' });
    assert.equal(again.status, 422, again.text);
    assert.ok(Array.isArray(again.body.errors.payment_gateway));
    const notSlug = await s.post(`${V2}/site_payment_gateway`, { payment_gateway: 'Visa Card!', label: 'Visa' });
    assert.equal(notSlug.status, 422, notSlug.text);
    // A payment by the new method over api2; the method in use cannot be deleted.
    const invoice = await s.create('invoices', {
      Invoice: { client_id: clientId },
      InvoiceItem: [{ item: 'x', unit_price: '4' }],
      Payment: [{ payment_method: 'card', amount: '4' }],
    });
    assert.ok(invoice);
    assert.equal((await s.del(`${V2}/site_payment_gateway/${card.body.id}`)).status, 400);

    // One default method: making one default unmarks the others.
    await s.put(`${V2}/site_payment_gateway/${card.body.id}`, { default: 1 });
    const defaults = (await s.get(`${V2}/site_payment_gateway/list?per_page=100&filter[default]=1`)).body.data.map(
      (row: any) => row.id,
    );
    assert.deepEqual(defaults, [card.body.id]);
    // A second branch can be deleted, but not while a record names it.
    const second = await s.post(`${V2}/branch`, { name: 'Jeddah', city: 'Jeddah' });
    assert.equal(second.status, 200, second.text);
    const store = await s.post(`${V2}/store`, { name: 'Jeddah store', branch_id: second.body.id });
    assert.equal((await s.del(`${V2}/branch/${second.body.id}`)).status, 400, 'named by a store');
    await s.del(`${V2}/store/${store.body.id}`);
    assert.equal((await s.del(`${V2}/branch/${second.body.id}`)).status, 200);

    const shipping = await s.post(`${V2}/shipping_option`, { name: 'Aramex', fees: '25.50' });
    assert.equal(shipping.status, 200, shipping.text);
    const option = (await s.get(`${V2}/shipping_option/${shipping.body.id}`)).body;
    assert.deepEqual([option.name, option.fees, option.status], ['Aramex', 25.5, 1]);
    assert.equal((await s.get(`${V2}/shipping_option/list/1`)).body.total, 1);

    const statuses = (await s.get(`${V2}/follow_up_status/list/1`)).body;
    assert.ok(statuses.total >= 4, JSON.stringify(statuses).slice(0, 300));
    assert.equal(typeof statuses.data[0].name, 'string');
    assert.equal((await s.get(`${V2}/follow_up_status/${statuses.data[0].id}/1`)).body.name, statuses.data[0].name);
  });

  it('writes through the api2 write path: audit row, and an Idempotency-Key replays the reply without a second record', async () => {
    const s = server();
    const headers = { 'idempotency-key': 'v2-create-tax-1' };
    const first = await s.post(`${V2}/tax`, { name: 'Idempotent VAT', value: 14 }, headers);
    const second = await s.post(`${V2}/tax`, { name: 'Idempotent VAT', value: 14 }, headers);
    assert.equal(first.status, 200, first.text);
    assert.equal(second.text, first.text);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal((await s.get(`${V2}/tax/list?filter[name]=Idempotent%20VAT`)).body.total, 1);
    const reused = await s.post(`${V2}/tax`, { name: 'Another VAT', value: 5 }, headers);
    assert.equal(reused.status, 422, reused.text);
    assert.deepEqual(Object.keys(reused.body), ['message', 'errors'], 'in v2 shape');
    assert.ok(Array.isArray(reused.body.errors['Idempotency-Key']), reused.text);
    const audit = (
      await s.get(`/api2/audit_logs.json?filter[record_id]=${first.body.id}&filter[resource]=tax`)
    ).body.data.map((row: any) => row.AuditLog);
    assert.equal(audit.length, 1, JSON.stringify(audit));
    assert.equal(audit[0].method, 'POST');
    assert.equal(audit[0].route, `${V2}/tax`);
    assert.equal(audit[0].status, '200');
  });

  it("keeps sites apart: another site's ids are not records, and its lists hold only its own", async () => {
    const s = server();
    const other = await anotherSite(s, 'v2-other', 'Other Co', 'EGP', 'EG');
    const theirs = await other.post(`${V2}/client`, { business_name: 'Other Client' });
    assert.equal(theirs.status, 200, theirs.text);
    for (const id of [clientId, productIds[0]]) {
      const entity = id === clientId ? 'client' : 'product';
      const read = await other.get(`${V2}/${entity}/${id}`);
      assert.equal(read.status, 404, read.text);
      assert.equal((await other.put(`${V2}/${entity}/${id}`, { name: 'hijack', business_name: 'hijack' })).status, 400);
      assert.equal((await other.del(`${V2}/${entity}/${id}`)).status, 404);
      assert.equal((await other.get(`${V2}/${entity}/list/1?filter[id][equal]=${id}`)).body.total, 0);
    }
    assert.equal((await s.get(`${V2}/client/${clientId}`)).body.business_name, 'Paging Client', 'untouched');
    const mine = await s.get(`${V2}/client/${theirs.body.id}`);
    assert.equal(mine.status, 404, 'and the other way round');
    const otherClients = (await other.get(`${V2}/client/list/1`)).body;
    assert.deepEqual(
      otherClients.data.map((row: any) => row.business_name),
      ['Other Client'],
    );
    assert.equal((await other.get(`${V2}/product/list/1`)).body.total, 0);
    assert.deepEqual(
      (await other.get(`${V2}/branch/list`)).body.data.map((row: any) => row.name),
      ['Main Branch'],
    );
    assert.equal((await other.get(`${V2}/invoice_item/list`)).body.total, 0, 'lines too');
    // A level-1 relation never shows another site's record, even if a row named one.
    const invoice = await other.post(`${V2}/invoice`, {
      client_id: theirs.body.id,
      invoice_item: [{ item: 'x', unit_price: '1' }],
    });
    assert.equal(invoice.status, 200, invoice.text);
    await s.database.db
      .updateTable('invoices')
      .set({ client_id: clientId })
      .where('id', '=', invoice.body.id)
      .execute();
    const nested = (await other.get(`${V2}/invoice/${invoice.body.id}/1`)).body;
    assert.equal(nested.client_id, clientId);
    assert.equal(nested.client, null, JSON.stringify(nested.client));
    // A reference to another site's record is refused.
    const linked = await other.post(`${V2}/invoice`, {
      client_id: clientId,
      invoice_item: [{ item: 'x', unit_price: '1' }],
    });
    assert.equal(linked.status, 422, linked.text);
    assert.ok(Array.isArray(linked.body.errors.client_id));
  });

  // Last: it takes the database back to before migration 0013_v2.
  it('gives sites made before 0013_v2 their main branch and payment methods when the migration runs', async () => {
    const s = server();
    const older = await createSite(s.database.db, {
      subdomain: 'v2-older',
      businessName: 'Older Co',
      currency: 'SAR',
      country: 'SA',
    });
    for (const table of ['branches', 'site_payment_gateways', 'shipping_options'])
      await sql.raw(`drop table "${table}"`).execute(s.database.db);
    await s.database.db.deleteFrom('kysely_migration').where('name', '=', '0013_v2').execute();
    await migrate(s.database, declaredTables());
    for (const client of [s, withKey(s, older.apiKey)]) {
      const branches = (await client.get(`${V2}/branch/list`)).body;
      assert.deepEqual(
        branches.data.map((row: any) => row.name),
        ['Main Branch'],
        JSON.stringify(branches).slice(0, 300),
      );
      const gateways = (await client.get(`${V2}/site_payment_gateway/list?per_page=100`)).body;
      assert.deepEqual(
        gateways.data.map((row: any) => row.payment_gateway),
        ['cash', 'bank_transfer', 'credit_card', 'cheque'],
      );
      assert.equal(
        (await client.post(`${V2}/shipping_option`, { name: 'After migration', fees: 3 })).status,
        200,
        'the declared columns are back',
      );
    }
  });
});
