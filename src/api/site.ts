/**
 * GET /api2/site_info: the calling site, in Daftra's `Site` shape.
 */
import type { Database } from '../db/connection.js';
import { currencyDecimals } from '../domain/money.js';
import type { Caller } from './auth.js';

export async function renderSite(database: Database, caller: Caller): Promise<Record<string, unknown>> {
  const site = caller.site;
  const owner = await database.db.selectFrom('users').select(['email']).where('site_id', '=', site.id).where('staff_id', '=', 0).executeTakeFirst();
  const places = currencyDecimals(site.currency_code);
  return {
    id: String(site.id),
    business_name: site.business_name,
    first_name: null,
    last_name: null,
    subdomain: site.subdomain,
    site_logo: null,
    invoice_logo: null,
    address1: null,
    address2: null,
    city: null,
    state: null,
    postal_code: null,
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
    is_super_admin: '0',
    // Daftar's own: 0 refuses to take a product's stock below zero in a store, 1 allows it.
    allow_negative_stock: String(site.allow_negative_stock ?? 0),
    // Daftar's own: 1 (default) also answers credit notes and refund receipts under Invoice and
    // purchase documents under PurchaseInvoice; 0 the documented model key only.
    model_key_aliases: String(site['model_key_aliases'] ?? 1),
  };
}
