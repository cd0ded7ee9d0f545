/**
 * `daftar` command line: serve, migrate, create sites and API keys. Output meant for scripts is JSON
 * on stdout; messages for people go to stderr.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadConfig } from './config.js';
import { addApiKey, createSite, siteBySubdomain } from './domain/sites.js';
import { openMigrated } from './server.js';
import { SELLER_SETTING_NAMES, checkSiteSettings } from './domain/site-settings.js';
import { ZATCA_USAGE, runZatcaCommand } from './zatca/cli.js';

const USAGE = `usage:
  daftar serve                        start the server (same as npm start)
  daftar migrate                      run database migrations and exit
  daftar backup <file>                a consistent online copy of the SQLite database (the server may keep
                                      running); for PostgreSQL it prints the pg_dump command to use
  daftar site create <subdomain> [--currency SAR] [--country SA] [--name "Business"] [--email owner@x] [--password ...]
                                      create a site; prints {"site_id","subdomain","api_key","owner_email","owner_password"}
  daftar site set <subdomain> name=value ...
                                      change site settings:
                                        allow_negative_stock=0|1  0 (default) refuses a sale or stock out that
                                                                  would take a product below zero (400)
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
  daftar key create <subdomain> [--name label]
                                      create another API key for a site; prints {"site_id","api_key"}
${ZATCA_USAGE}`;

/** `name=value` pairs of `site set`: the 0/1 flags, and the seller settings (logo=<file> reads the file). */
function siteSetValues(pairs: string[]): { flags: Record<string, number>; settings: Record<string, unknown> } {
  if (pairs.length === 0) throw new Error(`name a setting: allow_negative_stock=0|1 or ${SELLER_SETTING_NAMES.join(', ')}`);
  const flags: Record<string, number> = {};
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const split = pair.indexOf('=');
    const name = split > 0 ? pair.slice(0, split) : pair;
    const value = split > 0 ? pair.slice(split + 1) : undefined;
    if (value === undefined) throw new Error(`"${pair}" is not name=value`);
    if (name === 'allow_negative_stock') {
      if (!['0', '1'].includes(value)) throw new Error(`unknown setting "${pair}"; allow_negative_stock is 0 or 1`);
      flags[name] = Number(value);
    } else if (name === 'logo') {
      settings[name] = value === '' ? null : readFileSync(value);
    } else if (SELLER_SETTING_NAMES.includes(name)) {
      settings[name] = value;
    } else {
      throw new Error(`unknown setting "${name}"; settings: allow_negative_stock, ${SELLER_SETTING_NAMES.join(', ')}`);
    }
  }
  return { flags, settings };
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
      const shown = { ...columns, ...(typeof columns['logo'] === 'string' ? { logo: `${columns['logo_mime']}, ${Buffer.from(columns['logo'], 'base64').length} bytes` } : {}) };
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
        site: option(args, 'site') ?? config.siteSubdomain, lang: option(args, 'lang'), html: args.includes('--html'),
      });
    } finally {
      await database.close();
    }
  }
  if (command === 'zatca') return runZatcaCommand(args.slice(1), config);
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
