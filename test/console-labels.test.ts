// What the console shows of the API's own keys is in the page's language (issue 21: no English left in
// the Arabic console), on both engines, through HTTP with a signed-in session: every column and total
// of every report has a label in both catalogues, the Arabic report pages' headings and account sections
// carry no English, and the settings' e-invoicing status is labelled before and after onboarding.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_KEY, eachDatabase, it, ownerSession } from './support/harness.js';
import { populate } from './support/records.js';
import { SECRET_HEX, SELLER, ZATCA_ENV } from './support/zatca.js';
import { CATALOGUE } from '../src/console/i18n.js';
import { keygen } from '../src/zatca/onboarding.js';
import { parseSecretKey } from '../src/zatca/vault.js';

const PAGES = [
  'monthly_summary',
  'profit_and_loss',
  'balance_sheet',
  'trial_balance',
  'aged_receivables',
  'aged_payables',
  'stock_valuation',
];
// The ledger and the statement are of a record chosen on the page (below).

/** The text of every `<th>` of a page, and of the cells of its section and class columns. */
function headings(page: string): string[] {
  return [...page.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

/** Words of three Latin letters or more, but for amounts' currency codes and the brand. */
const english = (text: string) => (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !/^(SAR|PDF|CSV)$/.test(w));

eachDatabase(
  "the console's labels of the API's keys",
  (server) => {
    let cookie = '';
    const get = async (url: string, lang: 'ar' | 'en') => {
      const s = server();
      if (!cookie) cookie = `daftar_session=${await ownerSession(s)}`;
      const reply = await s.get(url, { cookie: `${cookie}; daftar_lang=${lang}`, apikey: '' });
      assert.equal(reply.status, 200, `${url}: ${reply.text.slice(0, 300)}`);
      return reply.text;
    };

    it('labels every column and total of every report, and leaves no English in the Arabic headings', async () => {
      const s = server();
      const ids = await populate(s, 'labels');
      const keys = new Set<string>();
      for (const name of [
        ...PAGES,
        `general_ledger.json?journal_account_id=${ids['journal_accounts']}`,
        `client_statement.json?client_id=${ids['clients']}`,
        'cost_centers',
        'top_clients',
        'top_products',
      ]) {
        const reply = await s.get(`/api2/reports/${name.includes('.json') ? name : `${name}.json`}`);
        assert.equal(reply.status, 200, `${name}: ${reply.text}`);
        const report = reply.body.data.Report;
        for (const column of report.columns) keys.add(String(column));
        for (const total of Object.keys(report.totals ?? {})) keys.add(total);
      }
      assert.ok(keys.size > 40, `${keys.size} keys`);
      const missing = [...keys].filter((key) => !(`col_${key}` in CATALOGUE.en) || !(`col_${key}` in CATALOGUE.ar));
      assert.deepEqual(missing, [], 'report keys without a label');

      for (const name of PAGES) {
        const arabic = headings(await get(`/app/reports/${name}`, 'ar'));
        assert.ok(arabic.length > 0, `${name} has headings`);
        assert.deepEqual(
          arabic.flatMap(english),
          [],
          `no English in the Arabic headings of ${name}: ${arabic.join(' | ')}`,
        );
        const inEnglish = headings(await get(`/app/reports/${name}`, 'en'));
        assert.ok(
          inEnglish.every((text) => !/_/.test(text)),
          `English headings are words: ${inEnglish.join(' | ')}`,
        );
      }
      // The ledger of an account and the statement of a client: chosen on the page, then the report.
      const sales = (await s.get('/api2/journal_accounts.json?filter[name]=Sales&limit=1')).body.data[0].JournalAccount;
      const empty = await get('/app/reports/general_ledger', 'en');
      assert.match(empty, /Choose an account to see its ledger/);
      assert.match(empty, new RegExp(`<option value="${sales.id}">${sales.code} Sales</option>`));
      assert.doesNotMatch(empty, /<table>/);
      const picker = empty.slice(empty.indexOf('id="journal_account_id"'), empty.indexOf('</select>'));
      assert.match(picker, /Bank labels<\/option>/, "a treasury's account is offered");
      assert.doesNotMatch(picker, /Client labels/, "a client's account is not: its ledger is its statement");
      for (const [name, subject] of [
        ['general_ledger', `journal_account_id=${sales.id}`],
        ['client_statement', `client_id=${ids['clients']}`],
      ] as const) {
        const arabic = await get(`/app/reports/${name}?${subject}&date_from=2000-01-01`, 'ar');
        assert.deepEqual(headings(arabic).flatMap(english), [], `no English in the headings of ${name}`);
        assert.match(arabic, /<td>فاتورة<\/td>/, `${name} names its documents in Arabic`);
        const english_ = await get(`/app/reports/${name}?${subject}&date_from=2000-01-01`, 'en');
        assert.match(english_, /<td>Invoice<\/td>/);
        assert.match(english_, new RegExp(`href="/app/reports/${name}/csv\\?date_from=2000-01-01&#38;${subject}"`));
        const csv = await s.get(`/app/reports/${name}/csv?date_from=2000-01-01&${subject}`, { cookie, apikey: '' });
        assert.equal(csv.status, 200, csv.text);
        assert.match(csv.text.split('\n')[0]!, /^date,journal_id,number,entity_type/);
        assert.ok(csv.text.split('\n').length > 2, `${name} CSV has rows`);
      }
      // The API's report PDFs say what the pages say, in the PDF's language.
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'labels-'));
      for (const [name, heading, title] of [
        ['trial_balance', 'مدين ختامي', 'ميزان المراجعة'],
        ['aged_receivables', 'الحالي', 'أعمار الذمم المدينة'],
      ] as const) {
        const pdf = await fetch(`${s.url}/api2/reports/${name}.pdf?lang=ar`, { headers: { apikey: TEST_KEY } });
        assert.equal(pdf.status, 200, name);
        const file = path.join(scratch, `${name}.pdf`);
        fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
          /[\u202a-\u202e\u2066-\u2069]/g,
          '',
        );
        assert.ok(text.includes(heading), `${name}.pdf has the Arabic heading ${heading}: ${text.slice(0, 300)}`);
        assert.ok(text.includes(title), `${name}.pdf has the Arabic title`);
        assert.doesNotMatch(text, /closing debit|days over 90|Trial balance|Aged receivables/i);
      }
      fs.rmSync(scratch, { recursive: true, force: true });
      const sheet = await get('/app/reports/balance_sheet', 'ar');
      assert.ok(sheet.includes('<td>الأصول</td>'), 'the sections are named in Arabic');
      assert.ok(!/<td>assets<\/td>/.test(sheet));
    });

    it("labels the e-invoicing status in the page's language, before and after onboarding", async () => {
      const s = server();
      const before = await get('/app/settings', 'ar');
      const section = (page: string) => page.slice(page.indexOf('id="einvoicing"'));
      assert.match(section(before), /<dt>مسجّل لدى الهيئة<\/dt><dd>لا<\/dd>/);
      const site = await s.database.db.selectFrom('sites').select('id').orderBy('id').executeTakeFirstOrThrow();
      await s.database.db.updateTable('sites').set(SELLER).where('id', '=', Number(site['id'])).execute();
      await keygen(
        s.database.db,
        Number(site['id']),
        { environment: 'sandbox', selfSigned: true, replace: true },
        parseSecretKey(SECRET_HEX),
      );
      const after = section(await get('/app/settings', 'ar'));
      assert.match(after, /<dt>مسجّل لدى الهيئة<\/dt><dd>نعم<\/dd>/);
      assert.match(after, /<dt>البيئة<\/dt><dd>بيئة التجربة<\/dd>/);
      assert.match(after, /موقّعة ذاتيًا \(للتطوير\)/);
      const facts = after
        .slice(after.indexOf('>') + 1, after.indexOf('</dl>'))
        .replace(/<bdi[^>]*>[\s\S]*?<\/bdi>/g, '');
      assert.deepEqual(english(facts.replace(/<[^>]+>/g, ' ')), [], `no English in ${facts}`);
      assert.match(section(await get('/app/settings', 'en')), /<dt>Certificate<\/dt><dd>Self-signed \(development\)/);
    });
  },
  ZATCA_ENV,
);
