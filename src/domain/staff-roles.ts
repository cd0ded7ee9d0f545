/**
 * What a staff member's role lets their sign-in do through the API (and so through the console, which
 * calls the API with the sign-in's token). Daftra's roles are made in its own UI and its docs give no
 * endpoint or list for them, so Daftar has three built in (docs/compatibility.md, "Staff roles"):
 *
 * - 1 Full access: everything but the owner's own calls (users, API keys, seller settings), as
 *   every staff sign-in could before roles were enforced;
 * - 2 Sales: clients and the sales side (invoices, estimates, credit notes, refund receipts, their
 *   payments, appointments, notes, work orders), reading what a sale needs (products, stores, taxes,
 *   treasuries, …) and the client statement; no purchases, expenses, journals or other reports;
 * - 3 Read only: reads everything a full-access sign-in may read, changes nothing.
 *
 * A role id stored before these (any other number) acts as Full access, as it did. The owner (API
 * keys and the owner's sign-in) is not limited here.
 */

export type RoleKey = 'owner' | 'full' | 'sales' | 'read_only';

/** The roles a staff member can be given, by id (0 is the owner, not a role one is given). */
export const STAFF_ROLES: ReadonlyArray<{ id: number; key: Exclude<RoleKey, 'owner'>; name: string }> = [
  { id: 1, key: 'full', name: 'Full access' },
  { id: 2, key: 'sales', name: 'Sales' },
  { id: 3, key: 'read_only', name: 'Read only' },
];

/** The role of a sign-in: the owner (staff 0), else the staff member's role id. */
export function roleOf(staffId: number, roleId: unknown): RoleKey {
  if (staffId === 0) return 'owner';
  return STAFF_ROLES.find((role) => role.id === Number(roleId))?.key ?? 'full';
}

export function roleName(role: RoleKey): string {
  return role === 'owner' ? 'Owner' : (STAFF_ROLES.find((r) => r.key === role)?.name ?? role);
}

/** What the Sales role reads and writes: the sales side and its clients. */
const SALES_WRITES: ReadonlySet<string> = new Set([
  'clients',
  'invoices',
  'estimates',
  'credit_notes',
  'refund_receipts',
  'invoice_payments',
  'client_payments',
  'client_appointments',
  'invoice_appointments',
  'estimate_appointments',
  'work_order_appointments',
  'work_orders',
  'notes',
  'follow_up_actions',
  'bookings',
  'client_attendance_log',
  'client-attendance-log',
]);

/** What the Sales role reads besides: what a sale is made of, and the client statement. */
const SALES_READS: ReadonlySet<string> = new Set([
  ...SALES_WRITES,
  'products',
  'product_categories',
  'product_bundles',
  'brands',
  'unit_templates',
  'stores',
  'stock_transactions',
  'taxes',
  'treasuries',
  'currency_rates',
  'branches',
  'staff',
  'shipping_options',
  'site_payment_gateways',
  'follow_up_statuses',
  'site_info',
  'api_key_info',
  'listing',
  'einvoicing',
  'openapi',
  'reports/client_statement',
]);

/**
 * Whether `role` may call `area` (a resource's name, `reports/<name>` or another `/api2` path's first
 * segment), to change something (`write`) or only to read.
 */
export function mayCall(role: RoleKey, area: string, write: boolean): boolean {
  switch (role) {
    case 'owner':
    case 'full':
      return true;
    case 'read_only':
      return !write;
    case 'sales':
      return write ? SALES_WRITES.has(area) : SALES_READS.has(area);
  }
}

/** The refusal's text: which role, and what it may not do. */
export function refusal(role: RoleKey, area: string, write: boolean): string {
  return `This sign-in's role (${roleName(role)}) may not ${write ? 'change' : 'read'} ${area.replace(/_/g, ' ')}`;
}
