import { bool, datetime, decimal, id, longText, text } from '../engine/fields.js';
import { renderRecord, rowToRecord } from '../engine/records.js';
import type { Context } from '../engine/resource.js';
import { defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

/** Read-only over the API: the owner and staff created with the CLI. */
export const staff = defineResource({
  name: 'staff',
  model: 'Staff',
  title: 'Staff',
  table: 'staff',
  operations: ['list', 'get'],
  fields: {
    role_id: id().doc('0 is the site owner'),
    name: text(255),
    last_name: text(255),
    email_address: text(255),
    home_phone: text(50),
    business_Phone: text(50),
    mobile: text(50),
    country_code: text(3),
    address1: text(255),
    address2: text(255),
    city: text(100),
    state: text(100),
    postal_code: text(20),
    notes: longText(),
    active: bool().default(1),
    hourly_rate: decimal(),
    hourly_rate_currency_code: text(5),
    default_store_id: id(),
    default_treasury_id: id(),
    language_code: text(10),
    fax: text(50),
    added_by: id().readOnly(),
    deleted: bool().readOnly().default(0),
    follow_up_status: id(),
    last_login: datetime().readOnly(),
    maximum_general_discount: decimal().doc('Largest document discount this staff member may give, percent'),
    ...timestamps(),
  },
  keywordColumns: ['name', 'last_name', 'email_address'],
});

/**
 * Staff members rendered as GET /staff does, by the `staff_id` documents carry: 0 (or none) is the
 * site owner, the staff row of role 0.
 */
export async function staffOf(context: Context, staffIds: unknown[]): Promise<Map<number, Record<string, unknown>>> {
  const ids = [
    ...new Set(staffIds.map((value) => Number(value ?? 0)).filter((value) => Number.isInteger(value) && value >= 0)),
  ];
  const out = new Map<number, Record<string, unknown>>();
  if (ids.length === 0) return out;
  const rows = await scoped(context, 'staff')
    .selectFrom()
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', ids), eb('role_id', '=', 0)]))
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const rendered = renderRecord(staff.fields, rowToRecord(staff.fields, row));
    if (ids.includes(Number(row['id']))) out.set(Number(row['id']), rendered);
    if (Number(row['role_id']) === 0 && ids.includes(0) && !out.has(0)) out.set(0, rendered);
  }
  return out;
}
