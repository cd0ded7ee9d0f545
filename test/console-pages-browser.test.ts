// The console's other pages in a real browser (Debian's Chromium through playwright-core), on both
// engines, by role and label: the owner fills the business details, adds a tax, a store and a staff
// sign-in, creates and revokes an API key (and sees the API refuse it); adds a supplier and a product,
// records a purchase and sees the stock per store and the moving-average cost; pays the supplier in two
// payments from the purchase invoice's page; records an expense and
// an income and sees the treasury's balance; adds a bank treasury and moves money into it; makes an estimate and converts it to an invoice; exports
// a report as PDF; then the staff member signs in with their own email and password. axe-core checks
// every page for serious violations; screenshots go to test-artifacts/. (The first pages are in
// console-browser.test.ts; the files run in parallel.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { TEST_EMAIL, TEST_PASSWORD, eachDatabase, type TestServer } from './support/harness.js';
import { ARTIFACTS, CHROMIUM, accessible, suiteBrowser } from './support/browser.js';

const STAFF_EMAIL = 'cashier@example.com';
const STAFF_PASSWORD = 'a cashier password';
const SELLER_EMAIL = 'seller@example.com';

if (!CHROMIUM) {
  it('the console pages in a browser', { skip: 'no Chromium found (apt-get install chromium)' }, () => {});
} else {
  eachDatabase('the console pages in a browser', (server, engine) => {
    const browser = suiteBrowser();

    it('settings, keys, purchases, stock, expenses, treasuries, estimates, report PDF and staff sign-in', async () => {
      const s: TestServer = server();
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const shot = async (name: string) => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `console-${name}-${engine}.png`), fullPage: true });
      };
      const nav = () => page.getByRole('navigation', { name: 'Main navigation' });
      // Saved, or the page's errors in the failure message.
      const saved = async () => {
        const alert = page.getByRole('alert');
        await Promise.race([page.getByRole('status').filter({ hasText: 'Saved' }).waitFor(), alert.waitFor()]);
        if ((await alert.count()) > 0) assert.fail(`not saved: ${await alert.first().innerText()}`);
      };
      const signIn = async (email: string, password: string, landing = 'Dashboard') => {
        await page.goto(`${s.url}/app/login`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: landing, level: 1 }).waitFor();
      };
      await signIn(TEST_EMAIL, TEST_PASSWORD);

      // ---- Settings: business details, a tax, a store, a staff sign-in, an API key made and revoked.
      await nav().getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      const business = page.locator('#business');
      await business.getByLabel('VAT number').fill('300000000000003');
      await business.getByLabel('CR number').fill('1010010000');
      await business.getByLabel('City').fill('Riyadh');
      await page.getByRole('button', { name: 'Save business details' }).click();
      await saved();
      assert.equal(await page.locator('#business').getByLabel('VAT number').inputValue(), '300000000000003');
      const site = await s.get('/api2/site_info.json');
      assert.equal(site.body.data.Site.bn1, '300000000000003', 'the API has the VAT number the page saved');
      assert.equal(site.body.data.Site.bn2, '1010010000');

      await page.locator('#taxes').getByLabel('Name').fill('VAT');
      await page.locator('#taxes').getByLabel('Rate').fill('15');
      await page.getByRole('button', { name: 'Add tax' }).click();
      await saved();
      await page.locator('#taxes').getByRole('cell', { name: 'VAT' }).waitFor();
      await page.locator('#stores').getByLabel('Name').fill('Second Store');
      await page.getByRole('button', { name: 'Add store' }).click();
      await saved();
      await page.locator('#stores').getByRole('cell', { name: 'Second Store' }).waitFor();

      await page.locator('#users').getByLabel('Name').fill('Cashier');
      await page.locator('#users').getByLabel('Email').fill(STAFF_EMAIL);
      await page.locator('#users').getByLabel('Password').fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: 'Add user' }).click();
      await saved();
      await page.locator('#users').getByRole('cell', { name: STAFF_EMAIL, exact: true }).waitFor();
      // A second one with the Sales role: it sells, and the books stay closed to it.
      await page.locator('#users').getByLabel('Name').fill('Seller');
      await page.locator('#users').getByLabel('Email').fill(SELLER_EMAIL);
      await page.locator('#users').getByLabel('Password').fill(STAFF_PASSWORD);
      await page.locator('#users').getByLabel('Role').selectOption({ label: 'Sales' });
      await page.getByRole('button', { name: 'Add user' }).click();
      await saved();
      await page
        .locator('#users')
        .getByRole('row')
        .filter({ hasText: SELLER_EMAIL })
        .getByRole('cell', { name: 'Sales', exact: true })
        .waitFor();

      await page.locator('#api-keys').getByLabel('Key name').fill('Shop');
      await page.getByRole('button', { name: 'Create key' }).click();
      const key = (await page.locator('[data-secret]').innerText()).trim();
      assert.ok(key.length >= 20, 'the new key is shown once');
      assert.equal((await s.get('/api2/site_info.json', { apikey: key })).status, 200, 'the new key works');
      await accessible(page, 'settings');
      await shot('settings-en');
      await page.getByRole('button', { name: 'Revoke Shop' }).click();
      await page.getByRole('status').filter({ hasText: 'Removed' }).waitFor();
      await page.locator('#api-keys').getByRole('cell', { name: 'Revoked', exact: true }).waitFor();
      assert.equal((await s.get('/api2/site_info.json', { apikey: key })).status, 401, 'a revoked key is refused');

      // ---- A supplier, a product, a purchase: stock per store and the moving-average cost.
      await nav().getByRole('link', { name: 'Suppliers' }).click();
      await page.getByLabel('Business name').fill('Paper Supplier Ltd');
      await page.getByRole('button', { name: 'Save supplier' }).click();
      await saved();
      await page.getByRole('cell', { name: 'Paper Supplier Ltd' }).waitFor();
      await accessible(page, 'suppliers');

      await nav().getByRole('link', { name: 'Products' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Notebook');
      await page.getByLabel('Price').fill('25');
      await page.getByLabel('Cost').fill('10');
      await page.getByLabel('Opening stock').fill('5');
      await page.getByRole('button', { name: 'Save product' }).click();
      await page.getByRole('link', { name: 'Notebook' }).waitFor();

      await nav().getByRole('link', { name: 'Purchases' }).click();
      await page.getByLabel('Supplier').selectOption({ label: 'Paper Supplier Ltd' });
      await page.getByLabel('Store').selectOption({ label: 'Main Store' });
      await page.locator('#purchase_product_0').selectOption({ label: 'Notebook' });
      await page.locator('#purchase_quantity_0').fill('5');
      await page.locator('#purchase_cost_0').fill('12');
      await page.getByRole('button', { name: 'Save purchase' }).click();
      await saved();
      await page.getByRole('cell', { name: 'Paper Supplier Ltd' }).waitFor();
      await accessible(page, 'purchases');

      // ---- Paying the supplier from the purchase invoice's page: a part, then the rest (5 × 12 = 60).
      await page
        .getByRole('row', { name: /Paper Supplier Ltd/ })
        .getByRole('link')
        .click();
      await page.getByRole('heading', { name: /^Purchase invoice / }).waitFor();
      assert.equal(await page.locator('[data-status]').getAttribute('data-status'), '0', 'unpaid');
      assert.match(await page.locator('[data-total="unpaid"]').innerText(), /60\.00/);
      await accessible(page, 'purchase');
      await page.getByLabel('Amount').fill('20');
      await page.getByLabel('Treasury').selectOption({ label: 'Main Treasury' });
      await page.getByRole('button', { name: 'Record payment' }).click();
      await saved();
      assert.equal(await page.locator('[data-status]').getAttribute('data-status'), '1', 'partly paid');
      assert.match(await page.locator('[data-total="unpaid"]').innerText(), /40\.00/);
      // The form offers what is left; the first payment stays beside the second.
      assert.match(await page.getByLabel('Amount').inputValue(), /^40(\.0+)?$/);
      await page.getByRole('button', { name: 'Record payment' }).click();
      await saved();
      assert.equal(await page.locator('[data-status]').getAttribute('data-status'), '2', 'paid in full');
      assert.equal(await page.getByRole('table').nth(1).getByRole('row').count(), 3, 'two payments and the heading');

      await nav().getByRole('link', { name: 'Products' }).click();
      await page.getByRole('link', { name: 'Notebook' }).click();
      await page.getByRole('heading', { name: 'Notebook' }).waitFor();
      assert.match(await page.locator('[data-total="stock"]').innerText(), /^10(\.0+)?$/, 'opening 5 + purchased 5');
      // (5 × 10 + 5 × 12) / 10 = 11: the moving-average cost after the purchase.
      assert.match(await page.locator('[data-total="average_cost"]').innerText(), /11\.00/);
      await page.getByRole('cell', { name: 'Main Store' }).waitFor();
      assert.equal(
        await page.getByRole('table').nth(1).getByRole('row').count(),
        3,
        'two movements (opening and the purchase) and the heading',
      );
      await accessible(page, 'product');
      await shot('product-en');

      // ---- An expense and an income through the main treasury, and its balance.
      await nav().getByRole('link', { name: 'Expenses and incomes' }).click();
      await page.getByRole('heading', { name: 'Expenses', level: 1 }).waitFor();
      await page.getByLabel('Amount').fill('100');
      await page.getByLabel('Category').fill('Rent');
      await page.getByLabel('Treasury').selectOption({ label: 'Main Treasury' });
      await page.getByRole('button', { name: 'Save expense' }).click();
      await saved();
      await page.getByRole('cell', { name: 'Rent' }).waitFor();
      await accessible(page, 'expenses');
      await page.getByRole('link', { name: 'Incomes', exact: true }).click();
      await page.getByLabel('Amount').fill('250');
      await page.getByLabel('Category').fill('Consulting');
      await page.getByRole('button', { name: 'Save income' }).click();
      await saved();
      await page.getByRole('cell', { name: 'Consulting' }).waitFor();
      await nav().getByRole('link', { name: 'Treasuries' }).click();
      assert.match(
        await page.locator('[data-balance="Main Treasury"]').innerText(),
        /90\.00/,
        '250 in − 100 out − 60 to the supplier',
      );
      // ---- A second treasury, and 40 moved into it from the main one.
      await page.getByLabel('Name').fill('Bank Account');
      await page.getByLabel('Kind').selectOption({ label: 'Bank account' });
      await page.getByRole('button', { name: 'Save treasury' }).click();
      await saved();
      await page.getByLabel('From treasury').selectOption({ label: 'Main Treasury' });
      await page.getByLabel('To treasury').selectOption({ label: 'Bank Account' });
      await page.locator('#transfer_amount').fill('40');
      await page.getByRole('button', { name: 'Save transfer' }).click();
      await saved();
      assert.match(await page.locator('[data-balance="Main Treasury"]').innerText(), /50\.00/, '90 − 40');
      assert.match(await page.locator('[data-balance="Bank Account"]').innerText(), /40\.00/);
      await page.getByRole('cell', { name: 'Bank Account' }).nth(1).waitFor();
      await accessible(page, 'treasuries');

      // ---- An estimate, converted to an invoice.
      await s.create('clients', { Client: { business_name: 'Estimate Client' } });
      await nav().getByRole('link', { name: 'Estimates' }).click();
      await page.getByRole('link', { name: 'New estimate' }).click();
      await page.getByLabel('Client').selectOption({ label: 'Estimate Client' });
      await page.getByLabel('Product').fill('Notebook');
      await page.getByLabel('Quantity').fill('2');
      await page.locator('[data-total="total"]').filter({ hasText: '50.00' }).waitFor({ timeout: 10_000 });
      await accessible(page, 'new estimate');
      await page.getByRole('button', { name: 'Save estimate' }).click();
      await page.getByRole('heading', { name: /^Estimate / }).waitFor();
      await accessible(page, 'estimate');
      const [estimatePdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download PDF' }).click(),
      ]);
      assert.equal(
        fs
          .readFileSync((await estimatePdf.path())!)
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );
      const estimateUrl = page.url().split('?')[0]!;
      await page.getByRole('button', { name: 'Convert to invoice' }).click();
      await page.getByRole('heading', { name: /^Invoice / }).waitFor();
      assert.match(await page.locator('[data-total="total"]').innerText(), /50\.00/);
      await page.goto(estimateUrl);
      await page.getByRole('status').filter({ hasText: 'Converted to' }).waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Convert to invoice' }).count(),
        0,
        'an estimate converts once',
      );

      // ---- Reports: month by month, and a PDF export.
      await nav().getByRole('link', { name: 'Reports' }).click();
      await page.getByRole('heading', { name: 'Month by month' }).waitFor();
      assert.match(await page.locator('main').innerText(), /250\.00/, 'the income is in this month');
      await accessible(page, 'month by month');
      const [reportPdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download PDF' }).click(),
      ]);
      const pdf = fs.readFileSync((await reportPdf.path())!);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'the report exports as PDF');
      assert.ok(pdf.length > 2_000);
      await page.getByRole('link', { name: 'Profit and loss' }).click();
      const [plPdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download PDF' }).click(),
      ]);
      assert.equal(
        fs
          .readFileSync((await plPdf.path())!)
          .subarray(0, 5)
          .toString(),
        '%PDF-',
      );

      // ---- Arabic: a new page is translated too.
      await nav().getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'العربية' }).click();
      await page.getByRole('heading', { name: 'الإعدادات', level: 1 }).waitFor();
      const words = `${await page.locator('main h2').allInnerTexts()}\n${await page.locator('main label').allInnerTexts()}\n${await page.locator('header nav').innerText()}`;
      assert.doesNotMatch(
        words,
        /\b(Settings|Business|Taxes|Stores|Users|Name|Rate|Revoke|Treasuries|Suppliers|Purchases)\b/,
        'no English left on the Arabic settings',
      );
      await accessible(page, 'settings (Arabic)');
      await shot('settings-ar');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();

      // ---- The staff member signs in with their own email and password; owner-only parts stay closed.
      await signIn(STAFF_EMAIL, STAFF_PASSWORD);
      const site2 = await page.request.get(`${s.url}/app/settings`);
      assert.equal(site2.status(), 200);
      await nav().getByRole('link', { name: 'Settings' }).click();
      assert.equal(
        await page.locator('#api-keys').getByRole('cell', { name: 'Shop', exact: true }).count(),
        0,
        'staff see no API keys',
      );
      await page.locator('#api-keys').getByLabel('Key name').fill('Staff key');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('alert').filter({ hasText: 'owner' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();

      // ---- The Sales sign-in lands on the invoices, sees only the sales pages and is refused the rest.
      await signIn(SELLER_EMAIL, STAFF_PASSWORD, 'Invoices');
      const links = await nav().getByRole('link').allInnerTexts();
      assert.deepEqual(
        links,
        ['Invoices', 'Estimates', 'Clients', 'Products'],
        'the navigation shows what Sales opens',
      );
      const refused = await page.goto(`${s.url}/app/purchases`);
      assert.equal(refused?.status(), 403);
      await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
      assert.match(await page.locator('main').innerText(), /Your role \(Sales\) does not allow this/);
      await accessible(page, 'not allowed');
      await page.goto(`${s.url}/app/invoices`);
      await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
      await context.close();
    });
  });
}
