// The console's search-box pickers in a real browser (Debian's Chromium through playwright-core), on
// both engines: with more than PICK_ALL clients and products, a new invoice's client and product are
// found by typing (suggestions from /app/pick/{kind}); the chosen ids are what the invoice is saved
// with, and the product's price fills in. axe-core checks the page for serious violations.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TEST_EMAIL, TEST_PASSWORD, eachDatabase } from './support/harness.js';
import { CHROMIUM, accessible, suiteBrowser } from './support/browser.js';
import { PICK_ALL } from '../src/console/pick.js';

if (!CHROMIUM) {
  it('the console pickers in a browser', { skip: 'no Chromium found (apt-get install chromium)' }, () => {});
} else {
  eachDatabase('the console pickers in a browser', (server) => {
    const browser = suiteBrowser();

    it('finds a client and a product by typing when there are many', async () => {
      const s = server();
      for (let i = 0; i < PICK_ALL; i += 1) {
        await s.create('clients', { Client: { business_name: `Filler client ${i}` } });
        await s.create('products', { Product: { name: `Filler product ${i}`, unit_price: 1 } });
      }
      // Made last: beyond the first page the form carries, so only the search finds them.
      const client = await s.create('clients', { Client: { business_name: 'Zebra Trading' } });
      const product = await s.create('products', { Product: { name: 'Zeta Pen', unit_price: '19.99' } });
      const token = await s.post('/api2/oauth/token', {
        grant_type: 'password',
        username: TEST_EMAIL,
        password: TEST_PASSWORD,
      });
      const context = await browser().newContext({ bypassCSP: true });
      await context.addCookies([{ name: 'daftar_session', value: token.body.access_token, url: s.url }]);
      const page = await context.newPage();
      await page.goto(`${s.url}/app/invoices/new`);
      await page.getByRole('heading', { name: 'New invoice' }).waitFor();
      await accessible(page, 'new invoice, search boxes');

      await page.getByLabel('Client').fill('Zebra Trading');
      await page.waitForFunction(
        (id) => document.querySelector<HTMLInputElement>('input[type="hidden"][name="client_id"]')?.value === id,
        client,
      );
      await page.getByLabel('Product').fill('Zeta Pen');
      await page.waitForFunction(
        (id) => document.querySelector<HTMLInputElement>('input[name="product_id[]"]')?.value === id,
        product,
      );
      assert.equal(await page.getByLabel('Unit price').inputValue(), '19.99', 'the price came with the product');
      await page.getByLabel('Quantity').fill('2');
      await page.getByRole('button', { name: 'Save invoice' }).click();
      await page.getByRole('heading', { name: /^Invoice / }).waitFor();
      const id = /\/app\/invoices\/(\d+)/.exec(page.url())![1]!;
      const saved = (await s.get(`/api2/invoices/${id}.json`)).body.data.Invoice;
      assert.equal(String(saved.client_id), client);
      assert.equal(String(saved.InvoiceItem[0].product_id), product);
      await context.close();
    });
  });
}
