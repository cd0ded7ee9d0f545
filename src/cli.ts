/**
 * `daftar` command line: serve, migrate, create sites and API keys. Output meant for scripts is JSON
 * on stdout; messages for people go to stderr.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import type { Database, Db } from './db/connection.js';
import { fromStored, formatDec } from './domain/money.js';
import { createApiKey, createSite, listApiKeys, nowText, revokeApiKey, siteBySubdomain } from './domain/sites.js';
import type { Context, SiteRow } from './engine/resource.js';
import { createRecord, editRecord, getOne } from './engine/service.js';
import { currencyRates } from './resources/currency-rates.js';
import { openMigrated } from './server.js';
import { SELLER_SETTING_NAMES, checkSiteSettings } from './domain/site-settings.js';
import { ZATCA_USAGE, runZatcaCommand } from './zatca/cli.js';

const USAGE = `usage:
  daftar serve                        start the server (same as npm start)
  daftar migrate                      run database migrations and exit
  daftar worker                       deliver webhook events (docs/webhooks.md); run several on PostgreSQL,
                                      and DAFTAR_WEBHOOK_WORKER=0 on the servers if they should not deliver
  daftar backup <file>                a consistent online copy of the database while the server runs
                                      (SQLite: the online backup API, integrity-checked; PostgreSQL: pg_dump)
  daftar restore <file>               put a backup back (SQLite: checked, then copied in one transaction;
                                      PostgreSQL: pg_restore --clean --single-transaction)
  daftar site create <subdomain> [--currency SAR] [--country SA] [--name "Business"] [--email owner@x] [--password ...]
                                      create a site; prints {"site_id","subdomain","api_key","owner_email","owner_password"}
  daftar site set <subdomain> name=value ...
                                      change site settings:
                                        allow_negative_stock=0|1  0 (default) refuses a sale or stock out that
                                                                  would take a product below zero (400)
                                        model_key_aliases=0|1     1 (default) also answers credit notes and refund
                                                                  receipts under Invoice, purchases under PurchaseInvoice
                                        business_name, vat_number, cr_number, address1, address2, city, state,
                                        postal_code, building_number, district   what tax documents print
                                                                  (an empty value clears one)
                                        logo=<file>               a PNG, JPEG or SVG file (logo= removes it)
                                        document_language=ar|en|bilingual
  daftar invoice pdf <id> [--site S] [--lang ar|en|bilingual] [--html] > file.pdf
                                      render a sales document (invoice, estimate, credit note, refund receipt)
                                      of the invoices table; --site is the subdomain (DAFTAR_SUBDOMAIN when left out)
  daftar invoice rotate-link <id> [--site S]
                                      replace the document's public links (the old ones stop working);
                                      prints {"invoice_html_url","invoice_pdf_url",...} (relative unless DAFTAR_PUBLIC_URL is set)
  daftar rate set <subdomain> <CODE> <rate> [--date YYYY-MM-DD]
                                      set the site's exchange rate of a currency from a date (today when left
                                      out): how many site-currency units one CODE is worth; documents in CODE
                                      that send no currency_rate use it. Prints the CurrencyRate
  daftar rate list <subdomain>        the site's exchange rates, newest first (JSON lines)
  daftar key create <subdomain> [--name label]
                                      create another API key for a site; prints {"site_id","id","api_key"}
                                      (the only time the key is shown: only its hash is kept)
  daftar key list <subdomain>         the site's API keys, one JSON line each: {"id","name","key_prefix",
                                      "created","revoked"} (never the key or its hash)
  daftar key revoke <subdomain> <id>  revoke an API key: it stops working at once, in every server process

For people and scripts (each with --help; --json for scripts; see docs/cli.md):
  daftar <resource> list|get|create|edit|delete   every resource: invoices, clients, products, credit-notes, ...
  daftar reports <report> [--from D] [--to D] [--csv]   trial-balance, profit-and-loss, balance-sheet, ...
  daftar demo [--site demo] [--seed 42] [--months 12]  a year of a small Saudi shop's business
They call a running server when DAFTAR_URL and DAFTAR_API_KEY are set, the local database otherwise.
${ZATCA_USAGE}`;

/** `name=value` pairs of `site set`: the 0/1 flags, and the seller settings (logo=<file> reads the file). */
function siteSetValues(pairs: string[]): { flags: Record<string, number>; settings: Record<string, unknown> } {
  if (pairs.length === 0)
    throw new Error(`name a setting: allow_negative_stock=0|1 or ${SELLER_SETTING_NAMES.join(', ')}`);
  const flags: Record<string, number> = {};
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const split = pair.indexOf('=');
    const name = split > 0 ? pair.slice(0, split) : pair;
    const value = split > 0 ? pair.slice(split + 1) : undefined;
    if (value === undefined) throw new Error(`"${pair}" is not name=value`);
    if (name === 'allow_negative_stock' || name === 'model_key_aliases') {
      if (!['0', '1'].includes(value)) throw new Error(`unknown setting "${pair}"; ${name} is 0 or 1`);
      flags[name] = Number(value);
    } else if (name === 'logo') {
      settings[name] = value === '' ? null : readFileSync(value);
    } else if (SELLER_SETTING_NAMES.includes(name)) {
      settings[name] = value;
    } else {
      throw new Error(
        `unknown setting "${name}"; settings: allow_negative_stock, model_key_aliases, ${SELLER_SETTING_NAMES.join(', ')}`,
      );
    }
  }
  return { flags, settings };
}

/** `rate set` goes through the same declaration and checks as POST /api2/currency_rates (an existing day is edited). */
async function rateCommand(database: Database, site: SiteRow, sub: 'set' | 'list', rest: string[]): Promise<number> {
  const context = (db: Db): Context => ({
    db,
    dialect: database.dialect,
    site,
    siteId: site.id,
    staffId: 0,
    now: nowText(),
  });
  if (sub === 'list') {
    const rows = await database.db
      .selectFrom('currency_rates')
      .select(['id', 'currency_code', 'date', 'rate'])
      .where('site_id', '=', site.id)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const row of rows)
      process.stdout.write(
        `${JSON.stringify({ id: String(row['id']), currency_code: row['currency_code'], date: row['date'], rate: formatDec(fromStored(row['rate'])) })}\n`,
      );
    return 0;
  }
  const [code, rate] = rest;
  if (!code || !rate) throw new Error('usage: daftar rate set <subdomain> <CODE> <rate> [--date YYYY-MM-DD]');
  const day = option(rest, 'date') ?? nowText().slice(0, 10);
  const id = await database.write(async (db) => {
    const existing = await db
      .selectFrom('currency_rates')
      .select('id')
      .where('site_id', '=', site.id)
      .where('currency_code', '=', code.toUpperCase())
      .where('date', '=', day)
      .executeTakeFirst();
    const body = { CurrencyRate: { currency_code: code, rate, date: day } };
    if (!existing) return createRecord(context(db), currencyRates, body);
    await editRecord(context(db), currencyRates, Number(existing['id']), body);
    return Number(existing['id']);
  });
  const record = await getOne(context(database.db), currencyRates, id);
  process.stdout.write(`${JSON.stringify(record)}\n`);
  return 0;
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Runs the webhook delivery worker until SIGTERM or SIGINT, then lets deliveries under way finish. */
async function runWorker(config: ReturnType<typeof loadConfig>): Promise<void> {
  const database = await openMigrated(config);
  const { DeliveryWorker } = await import('./webhooks/worker.js');
  const worker = new DeliveryWorker(database, config.webhooks, (level, message, details) => {
    process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...details })}\n`);
  });
  worker.start();
  process.stderr.write(`daftar worker: delivering webhook events from ${database.description}\n`);
  const stop = async () => {
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

async function run(args: string[]): Promise<number> {
  const [command, sub, target] = args;
  const people = await import('./cli/people.js');
  if (people.answers(command)) return people.runPeopleCommand(args);
  if (command === 'serve') {
    await import('./main.js');
    return -1;
  }
  const config = loadConfig();
  if (command === 'migrate') {
    const database = await openMigrated(config);
    await database.close();
    process.stderr.write('migrations are up to date\n');
    return 0;
  }
  if (command === 'worker') {
    await runWorker(config);
    return -1;
  }
  if ((command === 'backup' || command === 'restore') && sub) {
    const { backup, restore } = await import('./cli/backup.js');
    const result = await (command === 'backup' ? backup(config, sub) : restore(config, sub));
    process.stdout.write(
      `${JSON.stringify({ [command]: result.file, bytes: result.bytes, ms: result.ms, ...(result.integrity_check ? { integrity_check: result.integrity_check } : {}) })}\n`,
    );
    return 0;
  }
  if (command === 'site' && sub === 'create' && target) {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(target)) throw new Error('a subdomain is letters, digits and dashes');
    const database = await openMigrated(config);
    try {
      const site = await createSite(database.db, {
        subdomain: target,
        businessName: option(args, 'name') ?? target,
        currency: (option(args, 'currency') ?? config.siteCurrency).toUpperCase(),
        country: (option(args, 'country') ?? config.siteCountry).toUpperCase(),
        ownerEmail: option(args, 'email'),
        ownerPassword: option(args, 'password'),
      });
      process.stdout.write(
        `${JSON.stringify({
          site_id: site.siteId,
          subdomain: site.subdomain,
          api_key: site.apiKey,
          owner_email: site.ownerEmail,
          owner_password: site.generatedPassword ?? null,
        })}\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  }
  if (command === 'site' && sub === 'set' && target) {
    const values = siteSetValues(args.slice(3));
    const database = await openMigrated(config);
    try {
      const site = await siteBySubdomain(database.db, target);
      if (!site) throw new Error(`no site with subdomain "${target}"`);
      const { values: settings, errors } = checkSiteSettings(values.settings, site.country_code);
      const problems = Object.entries(errors).map(([name, problem]) => `${name} ${problem}`);
      if (problems.length > 0) throw new Error(problems.join('; '));
      const columns: Record<string, unknown> = { ...settings, ...values.flags };
      await database.db.updateTable('sites').set(columns).where('id', '=', site.id).execute();
      // The logo is shown by its type and size, not as a page of base64.
      const shown = {
        ...columns,
        ...(typeof columns['logo'] === 'string'
          ? { logo: `${columns['logo_mime']}, ${Buffer.from(columns['logo'], 'base64').length} bytes` }
          : {}),
      };
      process.stdout.write(`${JSON.stringify({ site_id: site.id, ...shown })}\n`);
      return 0;
    } finally {
      await database.close();
    }
  }
  if (command === 'invoice' && (sub === 'pdf' || sub === 'rotate-link') && target) {
    if (!/^\d{1,15}$/.test(target)) throw new Error('name the document by its id');
    const database = await openMigrated(config);
    try {
      const { documentCommand } = await import('./documents/cli.js');
      return await documentCommand(database, config, sub, Number(target), {
        site: option(args, 'site') ?? config.siteSubdomain,
        lang: option(args, 'lang'),
        html: args.includes('--html'),
      });
    } finally {
      await database.close();
    }
  }
  if (command === 'rate' && (sub === 'set' || sub === 'list') && target) {
    const database = await openMigrated(config);
    try {
      const site = await siteBySubdomain(database.db, target);
      if (!site) throw new Error(`no site with subdomain "${target}"`);
      return await rateCommand(database, site, sub, args.slice(3));
    } finally {
      await database.close();
    }
  }
  if (command === 'zatca') return runZatcaCommand(args.slice(1), config);
  if (command === 'key' && (sub === 'create' || sub === 'list' || sub === 'revoke') && target) {
    const database = await openMigrated(config);
    try {
      const site = await siteBySubdomain(database.db, target);
      if (!site) throw new Error(`no site with subdomain "${target}"`);
      if (sub === 'create') {
        const created = await createApiKey(database.db, site.id, option(args, 'name') ?? 'CLI key');
        process.stdout.write(`${JSON.stringify({ site_id: site.id, id: created.id, api_key: created.key })}\n`);
        return 0;
      }
      if (sub === 'list') {
        for (const key of await listApiKeys(database.db, site.id)) process.stdout.write(`${JSON.stringify(key)}\n`);
        return 0;
      }
      const id = Number(args[3]);
      if (!Number.isSafeInteger(id) || id <= 0)
        throw new Error('name the id of the key to revoke (see daftar key list)');
      const outcome = await revokeApiKey(database.db, site.id, id);
      if (outcome === 'missing') throw new Error(`site "${target}" has no API key ${id}`);
      process.stdout.write(
        `${JSON.stringify({ site_id: site.id, id, revoked: true, already: outcome === 'already' })}\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  }
  process.stderr.write(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    // Exit only once stdout is flushed: a pipe takes a large --json output in several writes.
    if (code >= 0) process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`daftar: ${error instanceof Error ? error.message : String(error)}\n`);
    // A mistake in how the command was called exits 2, like a usage error (docs/cli.md).
    process.exit(error instanceof Error && error.name === 'UsageError' ? 2 : 1);
  },
);
