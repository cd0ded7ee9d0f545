// The reference at /docs in a real browser (Debian's Chromium driven by playwright-core), with the
// network limited to loopback: the invoices group is there, "Test Request" on GET /api2/site_info.json
// with a key shows the site's reply, and nothing is fetched from anywhere but this server. Reported
// as skipped when no Chromium can be found (.ci/run installs it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { TEST_KEY, type TestServer, startTestServer, it } from './support/harness.js';

const CHROMIUM_CANDIDATES = [
  process.env['DAFTAR_CHROMIUM'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const chromiumPath = CHROMIUM_CANDIDATES.find((candidate) => candidate && fs.existsSync(candidate));
export const ARTIFACTS_DIR = path.resolve('test-artifacts');

describe('the reference in a browser', {
  skip: chromiumPath ? false : 'no Chromium found (apt-get install chromium)',
}, () => {
  let server: TestServer;
  let browser: import('playwright-core').Browser;
  before(async () => {
    const { chromium } = await import('playwright-core');
    server = await startTestServer('sqlite');
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the invoices group and runs "Test Request" on site_info with a key, fetching nothing from outside', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${server.url}/docs`);
    await page.getByRole('button', { name: /Open Group - Invoice$/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /Open Group - Invoice$/ }).click();
    await page
      .locator('a, button')
      .filter({ hasText: /Add New Invoice/ })
      .first()
      .waitFor();

    await page.getByRole('button', { name: /Open Group - Site/ }).click();
    await page
      .locator('a, button')
      .filter({ hasText: /GET Site Info/ })
      .first()
      .click();
    await page.getByRole('button', { name: /Test Request\s*\(get \/api2\/site_info\.json\)/ }).click();
    await page.locator('input[id^="scalar-client"]').first().fill(TEST_KEY);
    await page.getByRole('button', { name: /^Send/ }).first().click();
    // Wait for the reply's status line: the operation's example response already shows "successful"
    // before the request is sent, so waiting for that text could read the page too early.
    await page
      .getByText(/200 OK/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByText('"subdomain": "default"').first().waitFor({ timeout: 5_000 });
    const reply = await page.locator('body').innerText();
    assert.match(reply, /200 OK/);
    assert.match(reply, /"subdomain": "default"/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'docs-try-it.png') });
    assert.deepEqual(outside, [], 'the reference fetched something from outside this server');
  });
});
