// What the browser tests share: Debian's Chromium (or DAFTAR_CHROMIUM), where screenshots go, and the
// axe-core check that a page has no serious or critical accessibility violations.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';

export const CHROMIUM = [process.env['DAFTAR_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && fs.existsSync(p),
);
export const ARTIFACTS = path.resolve('test-artifacts');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Page = import('playwright-core').Page;
export type Browser = import('playwright-core').Browser;

/**
 * Chromium for the enclosing suite: launched before its tests, closed after them. Call it inside the
 * suite; it answers the running browser.
 */
export function suiteBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start');
    return browser;
  };
}

/** Runs axe-core in the page (the browser context must bypass CSP to inject it) and fails on serious violations. */
export async function accessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: any) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n: any) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
  });
  assert.deepEqual(violations, [], `${label}: serious accessibility violations`);
}
