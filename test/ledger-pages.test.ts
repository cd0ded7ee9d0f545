// The general ledger and client statement a page at a time (`page`, `limit`), on both engines: the pages
// put together are the unpaged report row for row (running balances included), the totals are the
// range's on every page, and bad paging parameters are a 400 naming the field.
import assert from 'node:assert/strict';
import { report } from './support/books.js';
import { eachDatabase, it } from './support/harness.js';

eachDatabase('ledgers a page at a time', (server) => {
  it('pages the statement and the ledger into the same rows, balances and totals', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Paged Co' } });
    const days = ['2026-01-05', '2026-01-05', '2026-02-10', '2026-03-01', '2026-03-15', '2026-04-02', '2026-05-20'];
    for (const [index, date] of days.entries()) {
      const invoice = await s.create('invoices', {
        Invoice: { client_id: client, date },
        InvoiceItem: [{ item: `Work ${index}`, unit_price: String(10 + index * 7), quantity: 1 }],
      });
      if (index % 2 === 0)
        await s.create('invoice_payments', {
          InvoicePayment: { invoice_id: invoice, payment_method: 'cash', amount: '5', date },
        });
    }
    const sales = (await s.get('/api2/journal_accounts.json?filter[name]=Sales&limit=1')).body.data[0].JournalAccount
      .id;
    for (const [name, subject] of [
      ['client_statement', `client_id=${client}`],
      ['general_ledger', `journal_account_id=${sales}`],
    ] as const) {
      for (const range of ['', '&date_from=2026-02-01&date_to=2026-04-30']) {
        const whole = await report(s, name, `${subject}${range}`);
        assert.equal(whole.pagination, undefined, 'unpaged, as before');
        const limit = 3;
        const first = await report(s, name, `${subject}${range}&limit=${limit}`);
        assert.equal(first.pagination.total_results, whole.rows.length, `${name}${range}: every line counted`);
        assert.equal(first.pagination.page_count, Math.max(1, Math.ceil(whole.rows.length / limit)));
        const rows = [...first.rows];
        for (let page = 2; page <= first.pagination.page_count; page += 1) {
          const next = await report(s, name, `${subject}${range}&limit=${limit}&page=${page}`);
          assert.deepEqual(next.totals, whole.totals, 'the range totals on every page');
          assert.equal(next.pagination.page, page);
          rows.push(...next.rows);
        }
        assert.deepEqual(rows, whole.rows, `${name}${range}: the pages are the report`);
        assert.deepEqual(first.totals, whole.totals);
        const past = await report(s, name, `${subject}${range}&limit=${limit}&page=99`);
        assert.deepEqual(past.rows, [], 'a page past the end is empty');
      }
    }
    assert.ok((await report(s, 'client_statement', `client_id=${client}`)).rows.length >= 10);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=5001', 'limit'],
      ['page=0', 'page'],
      ['page=x&limit=2', 'page'],
    ] as const) {
      const bad = await s.get(`/api2/reports/client_statement.json?client_id=${client}&${query}`);
      assert.equal(bad.status, 400, `${query}: ${bad.text}`);
      assert.ok(bad.body.validation_errors[field], bad.text);
    }
  });
});
