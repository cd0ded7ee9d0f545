/** The demo's site on the local database: made (SAR, Saudi Arabia) when missing. */
import { loadConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { createSite, siteBySubdomain } from '../domain/sites.js';
import { openMigrated } from '../server.js';
import { UsageError } from './connect.js';

export interface DemoSite {
  subdomain: string;
  api_key: string;
  owner_email: string;
  owner_password: string | null;
}

/** Returns the new site's credentials, or undefined when the site exists (its data is then added to). */
export async function ensureDemoSite(subdomain: string, open?: Db): Promise<DemoSite | undefined> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(subdomain)) throw new UsageError('a subdomain is letters, digits and dashes');
  const database = open ? undefined : await openMigrated(loadConfig());
  const db = open ?? database!.db;
  try {
    if (await siteBySubdomain(db, subdomain)) return undefined;
    const site = await createSite(db, {
      subdomain,
      businessName: 'Demo Stationery Co. (مكتبة العرض)',
      currency: 'SAR',
      country: 'SA',
    });
    return {
      subdomain,
      api_key: site.apiKey,
      owner_email: site.ownerEmail,
      owner_password: site.generatedPassword ?? null,
    };
  } finally {
    await database?.close();
  }
}

/**
 * `npm start` with DAFTAR_DEMO=1: on first start, a "demo" site filled with DAFTAR_DEMO_MONTHS (12)
 * months of business through the running server's own API. Returns the lines to print.
 */
export async function demoOnFirstStart(db: Db, baseUrl: string, months: number): Promise<string[]> {
  const site = await ensureDemoSite('demo', db);
  if (!site) return ['Demo site "demo" exists already (DAFTAR_DEMO=1 fills it only on its first start).'];
  const [{ Daftar }, { runDemo }] = await Promise.all([
    import('../../packages/client/src/index.js'),
    import('./demo.js'),
  ]);
  const summary = await runDemo(new Daftar({ baseUrl, apiKey: site.api_key }), { seed: 42, months });
  return [
    `Demo site "demo" with ${months} months of business (${summary.invoices} invoices, ${summary.purchases} purchases, ${summary.expenses} expenses):`,
    `  API key:        ${site.api_key}`,
    `  Owner login:    ${site.owner_email}`,
    `  Owner password: ${site.owner_password}`,
  ];
}
