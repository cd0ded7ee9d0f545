/**
 * `daftar` command line: serve, migrate, create sites and API keys. Output meant for scripts is JSON
 * on stdout; messages for people go to stderr.
 */
import { existsSync, statSync } from 'node:fs';
import { loadConfig } from './config.js';
import type { Database, Db } from './db/connection.js';
import { fromStored, formatDec } from './domain/money.js';
import { addApiKey, createSite, nowText, siteBySubdomain } from './domain/sites.js';
import type { Context, SiteRow } from './engine/resource.js';
import { createRecord, editRecord, getOne } from './engine/service.js';
import { currencyRates } from './resources/currency-rates.js';
import { openMigrated } from './server.js';

const USAGE = `usage:
  daftar serve                        start the server (same as npm start)
  daftar migrate                      run database migrations and exit
  daftar backup <file>                a consistent online copy of the SQLite database (the server may keep
                                      running); for PostgreSQL it prints the pg_dump command to use
  daftar site create <subdomain> [--currency SAR] [--country SA] [--name "Business"] [--email owner@x] [--password ...]
                                      create a site; prints {"site_id","subdomain","api_key","owner_email","owner_password"}
  daftar site set <subdomain> allow_negative_stock=0|1 model_key_aliases=0|1
                                      change a site setting: allow_negative_stock 0 (default) refuses a sale or
                                      stock out that would take a product below zero in its store (400), 1 allows
                                      negative stock; model_key_aliases 1 (default) also answers credit notes and
                                      refund receipts under Invoice and purchase documents under PurchaseInvoice,
                                      0 the documented key only
  daftar rate set <subdomain> <CODE> <rate> [--date YYYY-MM-DD]
                                      set the site's exchange rate of a currency from a date (today when left
                                      out): how many site-currency units one CODE is worth; documents in CODE
                                      that send no currency_rate use it. Prints the CurrencyRate
  daftar rate list <subdomain>        the site's exchange rates, newest first (JSON lines)
  daftar key create <subdomain> [--name label]
                                      create another API key for a site; prints {"site_id","api_key"}
`;

/** `rate set` goes through the same declaration and checks as POST /api2/currency_rates (an existing day is edited). */
async function rateCommand(database: Database, site: SiteRow, sub: 'set' | 'list', rest: string[]): Promise<number> {
  const context = (db: Db): Context => ({ db, dialect: database.dialect, site, siteId: site.id, staffId: 0, now: nowText() });
  if (sub === 'list') {
    const rows = await database.db.selectFrom('currency_rates').select(['id', 'currency_code', 'date', 'rate'])
      .where('site_id', '=', site.id).orderBy('date', 'desc').orderBy('id', 'desc').execute();
    for (const row of rows) process.stdout.write(`${JSON.stringify({ id: String(row['id']), currency_code: row['currency_code'], date: row['date'], rate: formatDec(fromStored(row['rate'])) })}\n`);
    return 0;
  }
  const [code, rate] = rest;
  if (!code || !rate) throw new Error('usage: daftar rate set <subdomain> <CODE> <rate> [--date YYYY-MM-DD]');
  const day = option(rest, 'date') ?? nowText().slice(0, 10);
  const id = await database.write(async (db) => {
    const existing = await db.selectFrom('currency_rates').select('id').where('site_id', '=', site.id)
      .where('currency_code', '=', code.toUpperCase()).where('date', '=', day).executeTakeFirst();
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

async function run(args: string[]): Promise<number> {
  const [command, sub, target] = args;
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
  if (command === 'backup' && sub) {
    if (config.database.kind !== 'sqlite') {
      process.stderr.write(`PostgreSQL: use pg_dump, which takes a consistent snapshot while the server runs:\n  pg_dump --format=custom --file=${sub} "$DATABASE_URL"\nrestore with pg_restore --clean --dbname="$DATABASE_URL" ${sub} (see docs/operations.md)\n`);
      return 2;
    }
    if (existsSync(sub)) throw new Error(`${sub} exists; name a new file`);
    const { default: Sqlite } = await import('better-sqlite3');
    const source = new Sqlite(config.database.file, { readonly: true, fileMustExist: true });
    try {
      const started = Date.now();
      // SQLite's online backup API: pages are copied in steps while other connections keep writing;
      // the copy is one consistent state of the database.
      await source.backup(sub);
      const check = new Sqlite(sub, { readonly: true });
      const integrity = check.pragma('integrity_check', { simple: true });
      check.close();
      if (integrity !== 'ok') throw new Error(`the backup failed its integrity check: ${String(integrity)}`);
      process.stdout.write(`${JSON.stringify({ backup: sub, bytes: statSync(sub).size, ms: Date.now() - started, integrity_check: 'ok' })}\n`);
      return 0;
    } finally {
      source.close();
    }
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
      process.stdout.write(`${JSON.stringify({
        site_id: site.siteId, subdomain: site.subdomain, api_key: site.apiKey, owner_email: site.ownerEmail,
        owner_password: site.generatedPassword ?? null,
      })}\n`);
      return 0;
    } finally {
      await database.close();
    }
  }
  if (command === 'site' && sub === 'set' && target) {
    const settings = args.slice(3).map((pair) => pair.split('='));
    const known = new Set(['allow_negative_stock', 'model_key_aliases']);
    for (const [name, value] of settings) {
      if (!name || !known.has(name) || !['0', '1'].includes(value ?? '')) throw new Error(`unknown setting "${name}=${value}"; settings: allow_negative_stock=0|1, model_key_aliases=0|1`);
    }
    if (settings.length === 0) throw new Error('name a setting: allow_negative_stock=0|1, model_key_aliases=0|1');
    const database = await openMigrated(config);
    try {
      const site = await siteBySubdomain(database.db, target);
      if (!site) throw new Error(`no site with subdomain "${target}"`);
      await database.db.updateTable('sites').set(Object.fromEntries(settings.map(([name, value]) => [name!, Number(value)])))
        .where('id', '=', site.id).execute();
      process.stdout.write(`${JSON.stringify({ site_id: site.id, ...Object.fromEntries(settings.map(([name, value]) => [name!, Number(value)])) })}\n`);
      return 0;
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
  if (command === 'key' && sub === 'create' && target) {
    const database = await openMigrated(config);
    try {
      const site = await siteBySubdomain(database.db, target);
      if (!site) throw new Error(`no site with subdomain "${target}"`);
      const key = await addApiKey(database.db, site.id, undefined, option(args, 'name') ?? 'CLI key');
      process.stdout.write(`${JSON.stringify({ site_id: site.id, api_key: key })}\n`);
      return 0;
    } finally {
      await database.close();
    }
  }
  process.stderr.write(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

run(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exit(code);
}, (error: unknown) => {
  process.stderr.write(`daftar: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
