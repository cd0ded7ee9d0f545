// The web console at /app in a real browser (Debian's Chromium through playwright-core), on both
// engines, driven by role and label as a person would: sign in; create a client, a product with stock
// and an invoice with VAT; see the totals the server computed; record a full payment and see the
// invoice paid; download its PDF; make a credit note; open the P&L and see the sale; switch to Arabic
// (RTL, translated); sign out and see the pages and their API calls refused. axe-core checks every
// page for serious accessibility violations. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_EMAIL, TEST_PASSWORD, eachDatabase, type TestServer, it } from './support/harness.js';
import { ARTIFACTS, CHROMIUM, accessible, suiteBrowser } from './support/browser.js';

if (!CHROMIUM) {
  it('the console in a browser', { skip: 'no Chromium found (apt-get install chromium)' }, () => {});
} else {
  eachDatabase('the console in a browser', (server, engine) => {
    const browser = suiteBrowser();

    it('signs in, invoices, collects, returns, reports, speaks Arabic and signs out', async () => {
      const s: TestServer = server();
      // bypassCSP only so the test can inject axe-core; the pages themselves run under their CSP.
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const outside: string[] = [];
      await page.route('**/*', (route) => {
        const { hostname } = new URL(route.request().url());
        if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      const shot = async (name: string) => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `console-${name}-${engine}.png`), fullPage: true });
      };

      await page.goto(`${s.url}/app`);
      assert.match(page.url(), /\/app\/login$/, 'pages need a session');
      await accessible(page, 'sign-in');
      await page.getByLabel('Email').fill(TEST_EMAIL);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
      await page.getByLabel('Email').fill(TEST_EMAIL);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await accessible(page, 'dashboard');

      // A VAT tax through the API (the console's settings are not built yet), then the console.
      await s.create('taxes', { Tax: { name: 'VAT', value: 15, included: 0 } });
      await page.getByRole('link', { name: 'Clients' }).click();
      await page.getByLabel('Business name').fill('Console Client Co.');
      await page.getByLabel('VAT number').fill('300000000000003');
      await page.getByRole('button', { name: 'Save client' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.getByRole('cell', { name: 'Console Client Co.' }).waitFor();
      await accessible(page, 'clients');

      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Products' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Console Pen');
      await page.getByLabel('Price').fill('19.99');
      await page.getByLabel('Tax').selectOption({ label: 'VAT' });
      await page.getByLabel('Opening stock').fill('10');
      await page.getByRole('button', { name: 'Save product' }).click();
      await page.getByRole('cell', { name: 'Console Pen' }).waitFor();
      await accessible(page, 'products');

      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices' }).click();
      await page.getByRole('link', { name: 'New invoice' }).click();
      await page.getByLabel('Client').selectOption({ label: 'Console Client Co.' });
      await page.getByLabel('Product').fill('Console Pen');
      await page.getByLabel('Quantity').fill('2');
      // The totals while typing are the server's: 2 × 19.99 = 39.98, VAT 6.00 (5.997 rounded), 45.98.
      await page.locator('[data-total="total"]').filter({ hasText: '45.98' }).waitFor({ timeout: 10_000 });
      await accessible(page, 'new invoice');
      await page.getByRole('button', { name: 'Save invoice' }).click();
      await page.getByRole('heading', { name: /^Invoice / }).waitFor();
      assert.match(await page.locator('[data-total="total"]').innerText(), /45\.98/);

      // Edit it: the form comes filled in, and the new quantity's totals are the server's again:
      // 3 × 19.99 = 59.97, VAT 9.00 (8.9955 rounded), 68.97.
      await page.getByRole('link', { name: 'Edit invoice' }).click();
      await page.getByRole('heading', { name: 'Edit invoice', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('Quantity').inputValue(), '2');
      assert.equal(await page.getByLabel('Product').inputValue(), 'Console Pen');
      await page.locator('[data-total="total"]').filter({ hasText: '45.98' }).waitFor({ timeout: 10_000 });
      await page.getByLabel('Quantity').fill('3');
      await page.locator('[data-total="total"]').filter({ hasText: '68.97' }).waitFor({ timeout: 10_000 });
      assert.equal((await page.locator('[data-total="taxes"]').innerText()).trim(), '9.00');
      await accessible(page, 'edit invoice');
      await page.getByRole('button', { name: 'Save invoice' }).click();
      await page.getByRole('heading', { name: /^Invoice / }).waitFor();
      assert.match(await page.locator('[data-total="total"]').innerText(), /68\.97/);
      assert.equal(await page.locator('[data-status]').getAttribute('data-status'), '0');
      await accessible(page, 'invoice');
      await shot('invoice-en');

      await page.getByLabel('Amount').fill('68.97');
      await page.getByRole('button', { name: 'Record payment' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      assert.equal(await page.locator('[data-status]').getAttribute('data-status'), '2', 'paid in full');
      const invoiceUrl = page.url().split('?')[0]!;

      // The dashboard's top lists of this month show the sale (invoiced with VAT, 3 pens sold).
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Top clients this month' }).waitFor();
      const clientsText = await page
        .locator('section', { has: page.getByRole('heading', { name: 'Top clients this month' }) })
        .innerText();
      assert.match(clientsText, /Console Client Co\.[\s\S]*68\.97/);
      const productsText = await page
        .locator('section', { has: page.getByRole('heading', { name: 'Top products this month' }) })
        .innerText();
      assert.match(productsText, /Console Pen\s+3\b/);
      await accessible(page, 'dashboard with top lists');
      await page.goto(invoiceUrl);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download PDF' }).click(),
      ]);
      const pdf = fs.readFileSync((await download.path())!);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'the download is a PDF');

      await page.getByRole('button', { name: 'Make a credit note' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /Credit note .* made/ })
        .waitFor();

      await page.getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Month by month' }).waitFor();
      await page.getByRole('link', { name: 'Profit and loss' }).click();
      await page.getByRole('heading', { name: 'Profit and loss' }).waitFor();
      await page.getByRole('cell', { name: 'Sales', exact: true }).waitFor();
      assert.match(await page.locator('main').innerText(), /59\.97/, 'the sale is in the P&L');
      await accessible(page, 'profit and loss');

      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('button', { name: 'العربية' }).click();
      await page.getByRole('heading', { name: 'لوحة التحكم' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
      const words = `${await page.locator('main').innerText()}\n${await page.locator('header nav').innerText()}`;
      assert.doesNotMatch(
        words,
        /\b(Dashboard|Invoices|Clients|Products|Reports|Sales|Unpaid|Overdue|Sign out)\b/,
        'no English left in the Arabic console',
      );
      await accessible(page, 'dashboard (Arabic)');
      await shot('dashboard-ar');
      await page.goto(invoiceUrl);
      await shot('invoice-ar');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: /^Invoice / }).waitFor();
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await shot('dashboard-en');

      const session = (await context.cookies()).find((c) => c.name === 'daftar_session');
      assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
      assert.equal(session?.sameSite, 'Lax');
      // A write without the page's CSRF token is refused.
      const forged = await context.request.post(`${s.url}/app/clients`, { form: { business_name: 'Forged' } });
      assert.equal(forged.status(), 403, 'a form without its CSRF token is refused');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('status').filter({ hasText: 'signed out' }).waitFor();
      await page.goto(`${s.url}/app/invoices`);
      assert.match(page.url(), /\/app\/login/, 'after sign-out the pages need a session again');
      const api = await context.request.get(`${s.url}/api2/site_info.json`, {
        headers: { authorization: `Bearer ${session!.value}` },
      });
      assert.equal(api.status(), 401, "and the session's token is refused by the API");
      assert.deepEqual(outside, [], 'no request left the server');
      await context.close();
    });
  });
}
