/**
 * GET /api2/site_info: the calling site, in Daftra's `Site` shape, with the seller settings a tax
 * document prints (`bn1` VAT number, `bn2` CR number, the national address). PUT /api2/site_info
 * (`{"Site": {...}}`) lets the owner change those settings (domain/site-settings.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { Database, Db } from '../db/connection.js';
import { DaftarError, validationError } from '../domain/errors.js';
import { currencyDecimals } from '../domain/money.js';
import { checkSiteSettings, documentLanguageOf } from '../domain/site-settings.js';
import { nowText } from '../domain/sites.js';
import type { Caller } from './auth.js';
import { isRecord, recordAt } from '../guards.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Base of absolute links in replies, set with the caller (baseUrlOf). */
    baseUrl?: string;
  }
}

const nullable = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

/** The base of absolute links: DAFTAR_PUBLIC_URL, else the scheme and host the request came to. */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const host = request.host || 'localhost';
  return `${request.protocol}://${host}`;
}

export async function renderSite(
  database: Database,
  caller: Caller,
  baseUrl: string,
): Promise<Record<string, unknown>> {
  const site = caller.site;
  const owner = await database.db
    .selectFrom('users')
    .select(['email'])
    .where('site_id', '=', site.id)
    .where('staff_id', '=', 0)
    .executeTakeFirst();
  const places = currencyDecimals(site.currency_code);
  const logo = site['logo'] ? `${baseUrl}/api2/site_info/logo` : null;
  return {
    id: String(site.id),
    business_name: site.business_name,
    first_name: null,
    last_name: null,
    subdomain: site.subdomain,
    site_logo: logo,
    invoice_logo: logo,
    address1: nullable(site['address1']),
    address2: nullable(site['address2']),
    city: nullable(site['city']),
    state: nullable(site['state']),
    postal_code: nullable(site['postal_code']),
    phone1: null,
    phone2: null,
    country_code: site.country_code,
    timezone: null,
    date_format: 'YYYY-MM-DD',
    currency_code: site.currency_code,
    language_code: null,
    email: owner ? String(owner['email']) : null,
    // Daftra reports -1 for calls made with an API key and the staff id for a logged-in user.
    staff_id: caller.credential.startsWith('key:') ? -1 : caller.staffId,
    currencyFormat: `%s ${site.currency_code}`,
    numberFormat: [places, '.', ','],
    SITE_HASH: null,
    // The live site_info's registration numbers: bn1 the VAT number, bn2 the commercial registration.
    bn1: nullable(site['vat_number']),
    bn1_label: site['vat_number'] ? 'VAT Number' : null,
    bn2: nullable(site['cr_number']),
    bn2_label: site['cr_number'] ? 'CR Number' : null,
    // Daftar's own: the rest of the Saudi national address, and the language of rendered documents.
    building_number: nullable(site['building_number']),
    district: nullable(site['district']),
    document_language: documentLanguageOf(site),
    document_layout: nullable(site['document_layout']) ?? 'standard',
    is_super_admin: '0',
    // Daftar's own: 0 refuses to take a product's stock below zero in a store, 1 allows it.
    allow_negative_stock: String(site.allow_negative_stock ?? 0),
    // Daftar's own: 1 (default) also answers credit notes and refund receipts under Invoice and
    // purchase documents under PurchaseInvoice; 0 the documented model key only.
    model_key_aliases: String(site['model_key_aliases'] ?? 1),
  };
}

/** Accepted on PUT /api2/site_info under their site_info names as well as their column names. */
const WIRE_ALIASES: Record<string, string> = {
  bn1: 'vat_number',
  bn2: 'cr_number',
  site_logo: 'logo',
  invoice_logo: 'logo',
};

/**
 * Applies the owner's changes to the seller settings, in the request's write transaction (`db`, from
 * writeWith: with its audit row and idempotency mark); every field is checked before anything is written.
 */
export async function updateSite(db: Db, caller: Caller, body: unknown): Promise<void> {
  // Only the owner (an API key, or the owner's login) changes how the business presents itself.
  if (caller.staffId !== 0)
    throw new DaftarError('DAFTAR_ERR_FORBIDDEN', 'Only the site owner may change site settings');
  const object = isRecord(body) ? body : null;
  const inner = recordAt(object, 'Site') ?? object;
  if (!inner || Object.keys(inner).length === 0)
    throw validationError({ Site: 'send the settings to change, e.g. {"Site":{"bn1":"300000000000003"}}' });
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(inner)) {
    if (name.endsWith('_label')) continue;
    input[WIRE_ALIASES[name] ?? name] = value;
  }
  const { values, errors } = checkSiteSettings(input, caller.site.country_code);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  await db
    .updateTable('sites')
    .set({ ...values, modified: nowText() })
    .where('id', '=', caller.site.id)
    .execute();
}
