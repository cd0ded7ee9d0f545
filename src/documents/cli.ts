/**
 * `daftar invoice pdf <id>` and `daftar invoice rotate-link <id>`: the same rendering and links as the
 * API, for one site named by its subdomain. The PDF (or HTML) goes to stdout, messages to stderr.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { DOCUMENT_LANGUAGES, documentLanguageOf } from '../domain/site-settings.js';
import { nowText, siteBySubdomain } from '../domain/sites.js';
import type { Context } from '../engine/resource.js';
import { SALES_DOCUMENTS, renderDocument } from '../api/documents.js';
import { linksOf, rotateLink } from './links.js';
import { loadRecord } from '../engine/service.js';
import { oneOf } from '../guards.js';

export interface DocumentCommandOptions {
  site: string;
  lang: string | undefined;
  html: boolean;
}

export async function documentCommand(
  database: Database,
  config: Config,
  action: 'pdf' | 'rotate-link',
  id: number,
  options: DocumentCommandOptions,
): Promise<number> {
  const site = await siteBySubdomain(database.db, options.site);
  if (!site) throw new Error(`no site with subdomain "${options.site}"`);
  const context: Context = {
    db: database.db,
    dialect: database.dialect,
    site,
    siteId: site.id,
    staffId: 0,
    now: nowText(),
    baseUrl: config.publicUrl ?? '',
  };
  const row = await database.db
    .selectFrom('invoices')
    .select(['type'])
    .where('site_id', '=', site.id)
    .where('id', '=', id)
    .executeTakeFirst();
  const spec = row
    ? SALES_DOCUMENTS.find((candidate) => candidate.scope!.values.includes(Number(row['type'])))
    : undefined;
  if (!spec) throw new Error(`site "${options.site}" has no sales document ${id}`);
  if (action === 'rotate-link') {
    const record = await loadRecord(context, spec, id);
    const rotation = await database.write((trx) => rotateLink(trx, site.id, id));
    process.stdout.write(`${JSON.stringify({ id: String(id), rotation, ...linksOf(context, record!, rotation) })}\n`);
    return 0;
  }
  const chosen = oneOf(DOCUMENT_LANGUAGES, options.lang);
  if (options.lang !== undefined && !chosen) {
    throw new Error(`--lang is one of ${DOCUMENT_LANGUAGES.join(', ')}`);
  }
  const lang = chosen ?? documentLanguageOf(site);
  // The command renders one document: on its own thread, with no worker to start.
  const rendered = await renderDocument(
    context,
    spec,
    id,
    options.html ? 'html' : 'pdf',
    lang,
    config.templatesDir,
    false,
  );
  if (!rendered) throw new Error(`site "${options.site}" has no sales document ${id}`);
  if (process.stdout.isTTY && !options.html)
    throw new Error('the PDF is binary: redirect it to a file (> invoice.pdf)');
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(rendered.body, (error) => (error ? reject(error) : resolve())),
  );
  return 0;
}
