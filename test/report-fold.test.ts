// `fold=parties` on the trial balance and balance sheet (domain/reports.ts, for the console's pages): the
// party sub-accounts (one per client and supplier) become one row per folder whose amounts are the sums
// of theirs, every other row and the totals are as without it, and `journal_cat_id` lists a folder's
// accounts as the unfolded report does. The console pages show the folded rows with a link to them.
import assert from 'node:assert/strict';
import { report } from './support/books.js';
import { TEST_EMAIL, TEST_PASSWORD, eachDatabase, it } from './support/harness.js';
import { dec } from '../src/domain/money.js';

const AMOUNTS: Record<string, string[]> = {
  trial_balance: ['opening_debit', 'opening_credit', 'debit', 'credit', 'closing_debit', 'closing_credit'],
  balance_sheet: ['balance'],
};

eachDatabase('folded party accounts in reports', (server) => {
  it('sum the party rows per folder, keep the other rows and the totals, and list a folder on request', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Fold Supplier' } });
    for (const [i, price] of ['10.00', '20.50', '3.25'].entries()) {
      const client = await s.create('clients', { Client: { business_name: `Fold ${i}` } });
      await s.create('invoices', {
        Invoice: { client_id: client, date: `2026-01-0${i + 1}` },
        InvoiceItem: [{ item: 'Thing', quantity: 2, unit_price: price }],
      });
    }
    await s.create('purchase_invoices', {
      PurchaseInvoice: { supplier_id: supplier, date: '2026-01-05' },
      PurchaseInvoiceItem: [{ item: 'Stuff', quantity: 1, unit_price: '7.00' }],
    });
    const parties = new Set(
      (await s.get('/api2/journal_accounts.json?limit=500')).body.data
        .map((r: any) => r.JournalAccount)
        .filter((a: any) => a.entity_type === 'client' || a.entity_type === 'supplier')
        .map((a: any) => String(a.id)),
    );
    for (const name of ['trial_balance', 'balance_sheet']) {
      const query = 'date_from=2026-01-01&date_to=2026-12-31';
      const full = await report(s, name, name === 'balance_sheet' ? 'date_to=2026-12-31' : query);
      const folded = await report(s, name, `${name === 'balance_sheet' ? 'date_to=2026-12-31' : query}&fold=parties`);
      assert.deepEqual(folded.totals, full.totals, `${name}: totals`);
      assert.deepEqual(folded.columns, full.columns, `${name}: columns`);
      const partyRows = full.rows.filter((r: any) => parties.has(String(r.journal_account_id)));
      assert.ok(partyRows.length >= 3, `${name}: the data has party rows`);
      assert.deepEqual(
        folded.rows.filter((r: any) => r.accounts === undefined),
        full.rows.filter((r: any) => !parties.has(String(r.journal_account_id))),
        `${name}: the other rows`,
      );
      const groups = folded.rows.filter((r: any) => r.accounts !== undefined);
      assert.equal(
        groups.reduce((n: number, r: any) => n + Number(r.accounts), 0),
        partyRows.length,
        `${name}: every party row folded once`,
      );
      for (const column of AMOUNTS[name]!) {
        const sum = (rows: any[]) => rows.reduce((t: bigint, r: any) => t + dec(r[column]), 0n);
        assert.equal(sum(groups), sum(partyRows), `${name}: ${column}`);
      }
      // A folder's detail: its accounts' rows as the unfolded report has them.
      const listed: any[] = [];
      for (const group of groups) {
        const detail = await report(
          s,
          name,
          `${name === 'balance_sheet' ? 'date_to=2026-12-31' : query}&fold=parties&journal_cat_id=${group.journal_cat_id}`,
        );
        assert.equal(detail.rows.length, Number(group.accounts), `${name}: folder ${group.journal_cat_id}`);
        listed.push(...detail.rows);
      }
      assert.deepEqual(
        listed.map((r) => r.journal_account_id).sort(),
        partyRows.map((r: any) => r.journal_account_id).sort(),
      );
      // The console page shows a folded row and links to its accounts.
      const token = await s.post('/api2/oauth/token', {
        grant_type: 'password',
        username: TEST_EMAIL,
        password: TEST_PASSWORD,
      });
      const cookie = `daftar_session=${token.body.access_token}`;
      const page = await s.get(`/app/reports/${name}?date_to=2026-12-31`, { cookie, apikey: '' });
      assert.equal(page.status, 200, page.text.slice(0, 300));
      const link = /href="([^"]*journal_cat_id=\d+[^"]*)"/.exec(page.text);
      assert.ok(link, `${name}: the page links to a folder`);
      const detail = await s.get(link[1]!.replace(/&#38;|&amp;/g, '&'), { cookie, apikey: '' });
      assert.equal(detail.status, 200, detail.text.slice(0, 300));
      assert.match(detail.text, /Fold /, `${name}: the folder page lists its accounts`);
      for (const [bad, field] of [
        ['fold=accounts', 'fold'],
        ['fold=parties&journal_cat_id=x', 'journal_cat_id'],
      ]) {
        const refused = await s.get(`/api2/reports/${name}.json?${bad}`);
        assert.equal(refused.status, 400, `${name}?${bad}: ${refused.text.slice(0, 200)}`);
        assert.ok(refused.text.includes(field), `${name}?${bad} names ${field}: ${refused.text.slice(0, 200)}`);
      }
    }
  });
});

eachDatabase('long reports in the console', (server) => {
  it('shows a report longer than a page 100 rows at a time, with the whole totals', async () => {
    const s = server();
    for (let i = 0; i < 101; i += 1) {
      const client = await s.create('clients', { Client: { business_name: `Owing ${String(i).padStart(3, '0')}` } });
      await s.create('invoices', {
        Invoice: { client_id: client, date: '2026-01-10' },
        InvoiceItem: [{ item: 'Thing', quantity: 1, unit_price: '1.00' }],
      });
    }
    const full = await report(s, 'aged_receivables', 'date_to=2026-12-31');
    assert.equal(full.rows.length, 101);
    const token = await s.post('/api2/oauth/token', {
      grant_type: 'password',
      username: TEST_EMAIL,
      password: TEST_PASSWORD,
    });
    const cookie = `daftar_session=${token.body.access_token}`;
    const rowsOn = (text: string) => (text.match(/Owing \d{3}/g) ?? []).length;
    const first = await s.get('/app/reports/aged_receivables?date_to=2026-12-31', { cookie, apikey: '' });
    assert.equal(first.status, 200, first.text.slice(0, 300));
    assert.equal(rowsOn(first.text), 100, 'the first page holds 100 rows');
    assert.equal(dec(full.totals.total), dec('101'));
    assert.match(first.text, /<tfoot>[\s\S]*>101(\.00)?<[\s\S]*<\/tfoot>/, "the whole report's total, not the page's");
    const next = /href="([^"]*page=2[^"]*)" rel="next"/.exec(first.text);
    assert.ok(next, 'a link to the second page');
    const second = await s.get(next[1]!.replace(/&#38;|&amp;/g, '&'), { cookie, apikey: '' });
    assert.equal(rowsOn(second.text), 1, 'the second page holds the last row');
  });
});
