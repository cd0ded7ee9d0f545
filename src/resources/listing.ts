/**
 * GET /listing/{model}: id → title maps for pickers. Models backed by records read the site's data;
 * the others are fixed lists. An unknown model is 404 "Invalid Endpoint", as Daftra answers.
 */
import { notFound } from '../domain/errors.js';
import type { Context } from '../engine/resource.js';
import { scoped } from '../db/scoped.js';
import { STAFF_ROLES } from '../domain/staff-roles.js';

const FIXED: Record<string, Record<string, string>> = {
  timezone: {
    '1': 'Asia/Riyadh',
    '2': 'Africa/Cairo',
    '3': 'Asia/Dubai',
    '4': 'Asia/Kuwait',
    '5': 'Asia/Qatar',
    '6': 'Asia/Bahrain',
    '7': 'Asia/Muscat',
    '8': 'UTC',
  },
  dateformats: { '0': 'YYYY-MM-DD', '1': 'DD/MM/YYYY', '2': 'MM/DD/YYYY', '3': 'DD-MM-YYYY', '4': 'DD.MM.YYYY' },
  languagecodes: { '7': 'Arabic', '41': 'English', '9': 'French' },
  branch: { '1': 'Main Branch' },
  // The owner and the built-in staff roles (domain/staff-roles.ts).
  role: Object.fromEntries([['0', 'Owner'], ...STAFF_ROLES.map((role) => [String(role.id), role.name])]),
  invoicelayout: { '1': 'Default layout' },
};

const FROM_TABLE: Record<string, { table: string; title: string }> = {
  product: { table: 'products', title: 'name' },
  client: { table: 'clients', title: 'business_name' },
  supplier: { table: 'suppliers', title: 'business_name' },
  store: { table: 'stores', title: 'name' },
  treasury: { table: 'treasuries', title: 'name' },
  tax: { table: 'taxes', title: 'name' },
  staff: { table: 'staff', title: 'name' },
  productcategory: { table: 'product_categories', title: 'name' },
};

/** The longest map served; pickers for larger sets page through the resource itself. */
const LISTING_MAX = 5_000;

/** Own keys only: a model such as `constructor` or `__proto__` must not find Object.prototype. */
const known = (key: string) => Object.hasOwn(FIXED, key) || Object.hasOwn(FROM_TABLE, key);

function keyOf(model: string): string {
  const text = model
    .replace(/\.json$/, '')
    .toLowerCase()
    .replace(/[_-]/g, '');
  if (known(text)) return text;
  const singular = text.replace(/(ies)$/, 'y').replace(/s$/, '');
  return singular === 'timezone' || known(singular) ? singular : text;
}

export async function generalListing(context: Context, model: string): Promise<Record<string, string>> {
  const key = keyOf(model);
  if (key === 'groupprice' || key === 'timeactivity') return {};
  if (Object.hasOwn(FIXED, key)) return FIXED[key]!;
  const source = Object.hasOwn(FROM_TABLE, key) ? FROM_TABLE[key] : undefined;
  if (!source) throw notFound('Invalid Endpoint');
  const rows = await scoped(context, source.table)
    .selectFrom()
    .select(['id', source.title])
    .orderBy('id')
    .limit(LISTING_MAX)
    .execute();
  return Object.fromEntries(rows.map((row) => [String(row['id']), String(row[source.title] ?? '')]));
}
