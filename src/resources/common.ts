import { type ShapeRead, runShape } from '../db/shapes.js';
import { type FieldErrors, hasTransactions } from '../domain/errors.js';
import { type Dec, ONE, ZERO, fromStored } from '../domain/money.js';
import { bool, datetime, decimal, id, text } from '../engine/fields.js';
import type { Context, FilterFn, Rec } from '../engine/resource.js';
import type { Expressions } from '../db/schema.js';
import { scoped } from '../db/scoped.js';

/**
 * The payer's name, address and phone on a payment, as Daftra's payment records carry them. The docs
 * give postal_code 10 characters on invoice payments and 20 on client payments.
 */
export const payerFields = (postalCodeMax: number) => ({
  first_name: text(255),
  last_name: text(255),
  address1: text(255),
  address2: text(255),
  city: text(255),
  state: text(100),
  postal_code: text(postalCodeMax),
  country_code: text(3),
  phone1: text(50),
  phone2: text(50),
  transaction_type: text(255),
  processed: bool(),
});

export const timestamps = () => ({
  created: datetime().readOnly().doc('Time of creation'),
  modified: datetime().readOnly().doc('Last time this record was updated'),
});

/** Exchange rate of a document in another currency than the site's (an extension of Daftra's fields). */
export const currencyRateField = () =>
  decimal().doc(
    "Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate.",
  );

/**
 * Settles a document's exchange rate: 1 in the site currency; otherwise the rate sent, or the site's
 * rate for the currency (currency-rates.ts) on the document's date — the latest on or before it, else
 * the earliest after it. Only a currency the site has no rate for is an error.
 */
export async function settleCurrencyRate(context: Context, record: Rec, errors: FieldErrors): Promise<void> {
  const site = context.site.currency_code.toUpperCase();
  const code = String(record['currency_code'] ?? site).toUpperCase();
  if (code === site) {
    record['currency_rate'] = ONE;
    return;
  }
  const rate = record['currency_rate'];
  if (typeof rate === 'bigint' && rate > ZERO) return;
  if (typeof rate === 'bigint') {
    errors['currency_rate'] = 'must be greater than 0';
    return;
  }
  const known = await siteRate(context, code, String(record['date'] ?? today(context)).slice(0, 10));
  if (known !== null) {
    record['currency_rate'] = known;
    return;
  }
  errors['currency_rate'] =
    `is required when currency_code (${code}) is not the site currency (${site}) and the site has no ${code} rate: send how many ${site} one ${code} is worth, or add a rate (POST /api2/currency_rates, or daftar rate set)`;
}

/** The site's rate of a currency for a day: the latest on or before it, else the earliest after it. */
export async function siteRate(context: Context, code: string, day: string): Promise<Dec | null> {
  const base = () => scoped(context, 'currency_rates').selectFrom().select('rate').where('currency_code', '=', code);
  const before = await base()
    .where('date', '<=', day)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row =
    before ??
    (await base().where('date', '>', day).orderBy('date', 'asc').orderBy('id', 'asc').limit(1).executeTakeFirst());
  return row ? fromStored(row['rate']) : null;
}

export const staffField = () => id().doc('Staff user who created it; 0 is the site owner');

/** Address and contact fields of clients, suppliers and payment payers. */
export const contactFields = () => ({
  address1: text(255),
  address2: text(255),
  city: text(100),
  state: text(100),
  postal_code: text(20),
  phone1: text(50).doc('Phone number'),
  phone2: text(50).doc('Mobile number'),
  country_code: text(3).doc('ISO 3166 alpha-2 country code'),
});

/** The client snapshot copied onto sales documents. */
export const CLIENT_SNAPSHOT: ReadonlyArray<readonly [string, string]> = [
  ['client_business_name', 'business_name'],
  ['client_first_name', 'first_name'],
  ['client_last_name', 'last_name'],
  ['client_email', 'email'],
  ['client_address1', 'address1'],
  ['client_address2', 'address2'],
  ['client_postal_code', 'postal_code'],
  ['client_city', 'city'],
  ['client_state', 'state'],
  ['client_country_code', 'country_code'],
  ['client_active_secondary_address', 'active_secondary_address'],
  ['client_secondary_name', 'secondary_name'],
  ['client_secondary_address1', 'secondary_address1'],
  ['client_secondary_address2', 'secondary_address2'],
  ['client_secondary_city', 'secondary_city'],
  ['client_secondary_state', 'secondary_state'],
  ['client_secondary_postal_code', 'secondary_postal_code'],
  ['client_secondary_country_code', 'secondary_country_code'],
];

/** Refuses a delete while any row of `table` names the record in `column`. */
export async function refuseIfUsed(
  context: Context,
  checks: ReadonlyArray<readonly [string, string]>,
  recordId: number,
  message?: string,
): Promise<void> {
  for (const [table, column] of checks) {
    const row = await scoped(context, table).selectFrom().select('id').where(column, '=', recordId).executeTakeFirst();
    if (row) throw hasTransactions(message);
  }
}

/** A list filter comparing a column to a day bound: `date_from` → date >= value. */
export function dayBound(column: string, op: '>=' | '<='): FilterFn {
  return (eb: Expressions, value) => {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text || !/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
    return eb(column, op, text.slice(0, 10));
  };
}

/** A text column's value as read back from either engine: the text, or null. */
export function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Today's date in the request's time, YYYY-MM-DD. */
export function today(context: Context): string {
  return context.now.slice(0, 10);
}

/** The site's primary row of a table with a primary flag (stores.primary, treasuries.is_primary). */
export async function primaryId(context: Context, table: 'stores' | 'treasuries'): Promise<number | null> {
  const read = primaryRead(context, table);
  const { rows } = await runShape(context.db, context.dialect, read.shape, read.values, read.build, context);
  return rows[0] ? Number(rows[0]['id']) : null;
}

/** The read of `primaryId`, to be sent ahead (prefetchWrite) and answered to it. */
export function primaryRead(context: Context, table: 'stores' | 'treasuries'): ShapeRead {
  const flag = table === 'stores' ? 'primary' : 'is_primary';
  return {
    shape: `primary:${table}`,
    values: [context.siteId],
    build: () => scoped(context, table).selectFrom().select('id').orderBy(flag, 'desc').orderBy('id'),
  };
}

/** Keeps exactly one primary row: when `id` becomes primary, the others stop being so. */
export async function makeSolePrimary(
  context: Context,
  table: 'stores' | 'treasuries',
  recordId: number,
): Promise<void> {
  const flag = table === 'stores' ? 'primary' : 'is_primary';
  await scoped(context, table)
    .updateTable()
    .set({ [flag]: 0 })
    .where('id', '<>', recordId)
    .execute();
}
