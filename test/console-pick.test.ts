// The console's pages at scale (issue 21), on both engines, through HTTP with a signed-in session: a
// site with few clients gets a <select>, one with more than PICK_ALL a search box fed by
// /app/pick/{kind}; the invoice list's search finds a number from its start (padded: 1 is 000001) and
// a client by name; the overdue filter (due date = date + due_after) keeps its meaning in the API.
import assert from 'node:assert/strict';
import { eachDatabase, it, ownerSession } from './support/harness.js';
import { PICK_ALL } from '../src/console/pick.js';

eachDatabase('the console with many clients', (server) => {
  let cookie = '';
  const page = async (url: string) => {
    const s = server();
    if (!cookie) cookie = `daftar_session=${await ownerSession(s)}`;
    const reply = await s.get(url, { cookie, apikey: '' });
    assert.equal(reply.status, 200, `${url}: ${reply.text.slice(0, 300)}`);
    return reply;
  };

  it('offers a select of few clients, a search box of many', async () => {
    const s = server();
    const zebra = await s.create('clients', { Client: { business_name: 'Zebra Trading' } });
    const other = await s.create('clients', { Client: { business_name: 'Other Co' } });
    const few = (await page('/app/invoices/new')).text;
    assert.match(few, /<select id="client_id" name="client_id"/);
    assert.match(few, /Zebra Trading<\/option>/);
    for (let i = 0; i < PICK_ALL; i += 1) await s.create('clients', { Client: { business_name: `Filler ${i}` } });
    const many = (await page('/app/invoices/new')).text;
    assert.doesNotMatch(many, /<select id="client_id"/);
    assert.match(many, /<input id="client_id" type="search" list="client_id-choices" data-pick="\/app\/pick\/clients"/);
    assert.match(many, /<input type="hidden" name="client_id" value="">/);

    const picked = (await page('/app/pick/clients?q=zebra')).body;
    assert.deepEqual(
      picked.map((row: { id: string; label: string }) => [row.id, row.label]),
      [[zebra, 'Zebra Trading']],
    );
    assert.equal((await page('/app/pick/clients')).body.length, 20, 'a few at a time');
    assert.equal((await s.get('/app/pick/journals', { cookie, apikey: '' })).status, 404);

    // A filter on a client beyond the first page still shows its name.
    const filtered = (await page(`/app/invoices?client_id=${other}`)).text;
    assert.match(filtered, /value="Other Co"/);
    assert.match(filtered, new RegExp(`<input type="hidden" name="client_id" value="${other}">`));
  });

  it('searches invoices by number from its start and by client name', async () => {
    const s = server();
    const clients = (await s.get('/api2/clients.json?keywords=Zebra')).body.data;
    const zebra = clients[0].Client.id;
    const other = (await s.get('/api2/clients.json?keywords=Other')).body.data[0].Client.id;
    const first = await s.create('invoices', {
      Invoice: { client_id: zebra, date: '2020-01-10', due_after: 5 },
      InvoiceItem: [{ item: 'Old work', quantity: 1, unit_price: '10' }],
    });
    const today = new Date().toISOString().slice(0, 10);
    const second = await s.create('invoices', {
      Invoice: { client_id: other, date: today, due_after: 30 },
      InvoiceItem: [{ item: 'New work', quantity: 1, unit_price: '20' }],
    });
    const third = await s.create('invoices', {
      Invoice: { client_id: other, date: '2021-03-01' },
      InvoiceItem: [{ item: 'Undated terms', quantity: 1, unit_price: '5' }],
    });
    const numberOf = async (id: string) => (await s.get(`/api2/invoices/${id}.json`)).body.data.Invoice.no as string;
    const [no1, no2] = [await numberOf(first), await numberOf(second)];
    const links = (text: string) => [...text.matchAll(/href="\/app\/invoices\/(\d+)"/g)].map((m) => m[1]).sort();

    assert.deepEqual(links((await page('/app/invoices?keywords=zebra')).text), [first]);
    assert.deepEqual(links((await page('/app/invoices?keywords=Other')).text), [second, third].sort());
    assert.deepEqual(links((await page('/app/invoices?keywords=nobody')).text), []);
    assert.deepEqual(links((await page(`/app/invoices?keywords=${no2}`)).text), [second]);
    assert.deepEqual(links((await page(`/app/invoices?keywords=${Number(no1)}`)).text), [first], '1 is 000001');
    assert.deepEqual(links((await page(`/app/invoices?keywords=zebra&client_id=${other}`)).text), []);

    // Overdue: past date + due_after and not paid; no due_after means due on the date.
    const overdue = links((await page('/app/invoices?payment_status=0&overdue=1')).text);
    assert.deepEqual(overdue, [first, third].sort());
    const due = async (query: string) =>
      ((await s.get(`/api2/invoices.json?${query}`)).body.data as Array<{ Invoice: { id: string } }>)
        .map((row) => row.Invoice.id)
        .sort();
    assert.deepEqual(await due('due_date_to=2020-01-14'), []);
    assert.deepEqual(await due('due_date_to=2020-01-15'), [first]);
    assert.deepEqual(await due('due_date_from=2021-03-01&due_date_to=2021-03-01'), [third]);
    assert.deepEqual(await due(`due_date_from=${today}`), [second]);
  });
});
