// Conformance to the rest of the official Daftra docs export (../shared/spec/daftra-docs, read at test
// time): every operation beyond the v1 groups test/conformance.test.ts covers — the "Endpoints v2"
// folder (HR, assets, points & credits, workflows, ...), Authorization, the Developers Portal, and the
// v1 groups of the rest (requisitions, bookings, advance payments). Same categories, on both engines:
//   stored    — every documented writable request field is stored on create and changed on edit, read
//               back on every GET one the group documents (api2 and v2 shapes where it shows both);
//   returned  — every documented response field is in the reply of its operation (reads and writes);
//   filtered  — every documented list parameter works (`filter[type]=19`, `per_page`);
//   validated — documented required, maxLength and enum rules are refused naming the field: api2's
//               400 failed envelope, v2's 422 {"message":"Entity not saved","errors":{field:[..]}}.
// Every failing pair must be a row of "Conformance exceptions: the rest of the export" in
// docs/compatibility.md, every row must still cover a failing pair.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  type Json,
  type Outcome,
  MISSING,
  deleteAt,
  generated,
  judge,
  lastName,
  readAny,
  readAt,
  same,
  validationRules,
  writeAll,
} from './support/conformance.js';
import { type DocField, type RestOperation, loadRestDocs } from './support/daftra-docs.js';
import { type Reply, type TestServer, TEST_EMAIL, TEST_PASSWORD, eachDatabase } from './support/harness.js';
import { type Ids, populate } from './support/records.js';

const docs = loadRestDocs();
const HEADING = '## Conformance exceptions: the rest of the export';

interface Context {
  ids: Ids;
  other: Ids;
  s: TestServer;
}
type Values = Record<string, (c: Context, variant: 0 | 1) => unknown>;

const ref = (name: string) => (c: Context, variant: 0 | 1) => Number((variant ? c.other : c.ids)[name]);
const pick = (a: unknown, b: unknown) => (_c: Context, variant: 0 | 1) => (variant ? b : a);
const skip = pick(undefined, undefined);

interface Fixture {
  /** Our v2 entity name and api2 model key. */
  v2: string;
  model: string;
  /** A minimal valid body of the documented create, in its documented shape. */
  base?: (c: Context) => Json;
  values?: Values;
  /** Envelope keys of an api2 body (`Invoice`), whose fields are the record's own. */
  models?: string[];
  /** A request child key → its key in api2 replies (and engine errors) and in v2 records. */
  children?: Record<string, [string, string]>;
  /** A request field read back under another name, as the docs' replies name it (`Status` → `status`). */
  readAs?: Record<string, string>;
  /** Documented filters: makes [kept, dropped] ids; the query value keeps the first. */
  filters?: Record<string, { make: (c: Context) => Promise<[string, string]>; value: string }>;
}

let slugs = 0;
// A record of branch 1 (every site's Main Branch) made by the seeded staff member, so the branch and
// staff Daftra nests on its v2 records are there to read.
const BRANCH: Values = { branch_id: pick(1, 1), staff_id: ref('staff') };
const place = (v2: string, model: string): Fixture => ({
  v2,
  model,
  base: () => ({ name: `${v2} place` }),
  values: { ...BRANCH, is_active: pick(1, 0) },
});

async function invoiceOfType(c: Context, type: number): Promise<string> {
  return c.s.create('invoices', {
    Invoice: { client_id: Number(c.ids['clients']), type },
    InvoiceItem: [{ item: 'Advance', unit_price: '10' }],
  });
}

/** By our resource name. */
const FIXTURES: Record<string, Fixture> = {
  requisitions: {
    v2: 'requisition',
    model: 'Requisition',
    models: ['Requisition'],
    readAs: {
      'Requisition.Status': 'status',
      'Requisition.Order_type': 'order_type',
      'Requisition.To_store_id': 'to_store_id',
    },
    children: { RequisitionItem: ['RequisitionItem', 'requisition_item'] },
    base: (c) => ({
      Requisition: { type: 1, store_id: Number(c.ids['stores']) },
      RequisitionItem: [{ product_id: Number(c.ids['products']), quantity: 1, unit_price: '4' }],
    }),
    values: {
      type: pick(1, 1),
      store_id: ref('stores'),
      To_store_id: ref('stores'),
      journal_account_id: ref('journal_accounts'),
      work_order_id: ref('work_orders'),
      product_id: ref('products'),
      Status: pick('1', '4'),
      Order_type: pick('1', '1'),
      currency_code: pick('SAR', 'SAR'),
      date: pick('2024-02-03 10:11:12', '2024-03-04 11:12:13'),
      quantity: pick(2, 3),
      unit_price: pick('4', '5'),
      lot: pick(['LOT-A'], ['LOT-B']),
      expiry_date: pick(['2026-01-01'], ['2027-01-01']),
      serials: pick(['SN-A'], ['SN-B']),
    },
  },
  bookings: {
    v2: 'booking',
    model: 'Booking',
    models: ['Invoice'],
    children: { InvoiceItem: ['BookingItem', 'booking_item'] },
    base: (c) => ({
      Invoice: { client_id: Number(c.ids['clients']), start_time: '10:00', end_time: '11:00' },
      InvoiceItem: [{ product_id: Number(c.ids['products']) }],
    }),
    values: {
      client_id: ref('clients'),
      product_id: ref('products'),
      staff_id: pick(0, 0),
      start_time: pick('10:00', '12:00'),
      end_time: pick('11:00', '13:00'),
      branch_id: pick(1, 1),
      converted: pick(0, 0),
      date: pick('2024-02-03', '2024-03-04'),
    },
  },
  invoices: {
    v2: 'invoice',
    model: 'Invoice',
    models: ['Invoice'],
    children: { InvoiceItem: ['InvoiceItem', 'invoice_item'], Payment: ['InvoicePayment', 'invoice_payment'] },
    base: (c) => ({
      Invoice: { client_id: Number(c.ids['clients']), type: 19 },
      InvoiceItem: [{ item: 'Advance', unit_price: '100', quantity: 1 }],
    }),
    values: {
      'Invoice.type': pick(19, 19),
      client_id: ref('clients'),
      store_id: ref('stores'),
      tax1: ref('taxes'),
      tax2: ref('taxes'),
      product_id: ref('products'),
      subscription_id: skip,
      estimate_id: ref('estimates'),
      treasury_id: ref('treasuries'),
      staff_id: pick(0, 0),
      'Payment.client_id': skip,
      'Payment.staff_id': pick(0, 0),
      draft: pick(false, false),
      payment_status: skip,
      'Payment.amount': pick('5', '5'),
      'Payment.status': pick(1, 1),
      'Payment.payment_method': pick('cash', 'cash'),
      currency_code: pick('SAR', 'SAR'),
      date: pick('2024-02-03', '2024-03-04'),
      'Payment.date': pick('2024-02-03 10:11:12', '2024-03-04 11:12:13'),
      discount: pick(10, 5),
      discount_amount: pick(0, 0),
      deposit: pick(1, 2),
      deposit_type: pick(1, 1),
      unit_price: pick('100', '120'),
      quantity: pick(1, 1),
      follow_up_status: skip,
      shipping_amount: skip,
      requisition_delivery_status: skip,
      pos_shift_id: pick(81, 82),
      branch_id: pick(1, 1),
      shipping_options: pick(1, 2),
      invoice_layout_id: pick(1, 1),
      is_offline: pick(0, 0),
      InvoiceCustomField: pick([{ label: 'order_id', value: 'A-1001' }], [{ label: 'order_id', value: 'B-2002' }]),
    },
    filters: {
      'filter[type]': { make: async (c) => [await invoiceOfType(c, 19), await invoiceOfType(c, 0)], value: '19' },
    },
  },
  leave_applications: {
    v2: 'leave_application',
    model: 'LeaveApplication',
    base: (c) => ({ staff_id: Number(c.ids['staff']), days: 2, date_from: '2024-03-01', date_to: '2024-03-02' }),
    values: {
      staff_id: ref('staff'),
      days: pick('2', '3'),
      date_from: pick('2024-03-01', '2024-04-01'),
      date_to: pick('2024-03-02', '2024-04-03'),
      type: pick('leave', 'delay'),
      leave_type_id: pick(1, 2),
      late_time: pick('00:30', '00:45'),
      early_time: pick('00:10', '00:20'),
    },
  },
  attendance_logs: {
    v2: 'attendance_log',
    model: 'AttendanceLog',
    base: (c) => ({ staff_id: Number(c.ids['staff']), time: '2024-03-03 09:00:00' }),
    values: {
      staff_id: ref('staff'),
      time: pick('2024-03-03 09:00:00', '2024-03-04 17:30:00'),
      session_id: pick(1, 2),
      source_id: pick(1, 2),
      status: pick('sign_in', 'sign_out'),
      source_method: pick('web', 'mobile'),
    },
  },
  purchase_debit_notes: {
    v2: 'purchase_debit_note',
    model: 'PurchaseDebitNote',
    children: { purchase_order_item: ['PurchaseOrderItem', 'purchase_order_item'] },
    base: (c) => ({
      supplier_id: Number(c.ids['suppliers']),
      purchase_order_item: [{ item: 'Price correction', unit_price: '2', quantity: 1 }],
    }),
    values: {
      supplier_id: ref('suppliers'),
      store_id: ref('stores'),
      work_order_id: ref('work_orders'),
      product_id: ref('products'),
      tax1: ref('taxes'),
      tax2: ref('taxes'),
      type: pick('14', '14'),
      currency_code: pick('SAR', 'SAR'),
      draft: pick('0', '0'),
      invoice_layout_id: pick(1, 1),
      language_id: pick(1, 1),
      quantity: pick(1, 1),
      unit_price: pick('2', '3'),
      discount: pick(0, 0),
      discount_amount: pick(0, 0),
      shipping_tax_id: ref('taxes'),
      shipping_amount: pick('0', '0'),
      date: pick('2024-02-03', '2024-03-04'),
      supplier_default_currency_code: pick('SAR', 'SAR'),
      show_item_stores: pick('0', '0'),
      adjustment_value: pick('0', '0'),
    },
  },
  product_bundles: {
    v2: 'product_bundle',
    model: 'ProductBundle',
    base: (c) => ({
      bundle_product_id: Number(c.ids['bundle_product']),
      product_id: Number(c.ids['products']),
      quantity: 1,
    }),
    values: {
      bundle_product_id: (c) => Number(c.ids['bundle_product']),
      product_id: (c) => Number(c.ids['products']),
      quantity: pick(2, 3),
      unit_name: pick('box', 'box'),
      unit_factor: pick('12', '12'),
      unit_small_name: pick('bx', 'bx'),
    },
  },
  brands: { v2: 'brand', model: 'Brand', base: () => ({ name: 'Brand conformance' }) },
  follow_up_statuses: {
    v2: 'follow_up_status',
    model: 'FollowUpStatus',
    base: () => ({ name: 'Waiting', status: 1, item_type: 1 }),
    values: {
      item_type: pick(1, 2),
      status: pick(1, 2),
      staff_id: pick(0, 0),
      color: pick('#ff0000', '#00ff00'),
      display_order: pick(1, 2),
      entity_key: pick('manufacturing_order', 'lease_contract'),
    },
  },
  unit_templates: {
    v2: 'unit_template',
    model: 'UnitTemplate',
    children: { unit_templates_unit_factors: ['UnitTemplatesUnitFactors', 'unit_templates_unit_factors'] },
    base: () => ({
      template_name: 'Weights',
      main_unit_name: 'gram',
      unit_templates_unit_factors: [{ factor_name: 'kilo', factor: 1000 }],
    }),
    values: { ...BRANCH, active: pick(1, 0), factor: pick(1000, 500), 'unit_templates_unit_factors[].id': skip },
  },
  follow_up_actions: { v2: 'follow_up_action', model: 'FollowUpAction' },
  cost_centers: {
    v2: 'cost_center',
    model: 'CostCenter',
    base: () => ({ name: 'Center conformance' }),
    values: {
      ...BRANCH,
      cost_center_id: ref('cost_centers'),
      is_primary: pick('0', '0'),
      cost_center_ids: pick('', ''),
    },
  },
  site_payment_gateways: {
    v2: 'site_payment_gateway',
    model: 'SitePaymentGateway',
    base: () => ({ payment_gateway: `conformance-${++slugs}`, label: 'Conformance pay' }),
    values: {
      ...BRANCH,
      payment_gateway: pick('conformance-pay-a', 'conformance-pay-b'),
      treasury_id: ref('treasuries'),
      default: pick(0, 0),
      active: pick(1, 1),
      manually_added: pick(1, 1),
      disable_for_client: pick(0, 1),
      settings: skip,
    },
  },
  credit_usages: {
    v2: 'credit_usage',
    model: 'CreditUsage',
    base: (c) => ({
      client_id: Number(c.ids['clients']),
      credit_type_id: Number(c.ids['credit_types']),
      amount: 1,
      usage_date: '2024-02-02',
    }),
    values: {
      client_id: ref('clients'),
      credit_type_id: ref('credit_types'),
      usage_date: pick('2024-02-02', '2024-02-03'),
      added_by: pick(0, 0),
      amount: pick(1, 2),
    },
  },
  charge_usages: {
    v2: 'charge_usage',
    model: 'ChargeUsage',
    base: (c) => ({
      credit_charge_id: Number(c.ids['credit_charges']),
      credit_usage_id: Number(c.ids['credit_usages']),
      amount: 1,
    }),
    // A usage takes from charges of its own client and type: the edit keeps the charge.
    values: {
      credit_charge_id: (c) => Number(c.ids['credit_charges']),
      credit_usage_id: pick(undefined, undefined),
      amount: pick(1, 2),
    },
  },
  credit_types: {
    v2: 'credit_type',
    model: 'CreditType',
    base: () => ({ name: 'Stars', unit: 'star' }),
    values: { status: pick(1, 0), allow_decimal: pick(1, 0) },
  },
  credit_charges: {
    v2: 'credit_charge',
    model: 'CreditCharge',
    base: (c) => ({
      client_id: Number(c.ids['clients']),
      credit_type_id: Number(c.ids['credit_types']),
      amount: 10,
      start_date: '2024-01-01',
    }),
    values: {
      client_id: ref('clients'),
      credit_type_id: ref('credit_types'),
      staff_id: pick(0, 0),
      is_suspended: pick('0', '1'),
      start_date: pick('2024-01-01', '2024-01-02'),
      expiry_date: pick('2025-01-01', '2025-02-01'),
      amount: pick(10, 20),
    },
  },
  packages: {
    v2: 'package',
    model: 'Package',
    base: () => ({ name: 'Silver', price: '10', period_value: 1, period_unit: 'month' }),
    values: {
      ...BRANCH,
      status: pick(1, 0),
      price: pick('10', '20'),
      period_value: pick(1, 2),
      period_unit: pick('month', 'year'),
      type: pick('subscription', 'subscription'),
    },
  },
  credit_type_packages: {
    v2: 'credit_type_package',
    model: 'CreditTypePackage',
    base: (c) => ({ credit_type_id: Number(c.ids['credit_types']), package_id: Number(c.ids['packages']), amount: 5 }),
    values: { credit_type_id: ref('credit_types'), package_id: ref('packages'), amount: pick(5, 6) },
  },
  workflow_records: {
    v2: 'le_workflow-type-entity',
    model: 'WorkflowRecord',
    base: () => ({ title: 'Fit-out' }),
    readAs: { 'number.code': 'number', 'budget.number': 'budget', 'budget.currency': 'budget_currency' },
    values: {
      ...BRANCH,
      client_id: ref('clients'),
      'number.code': pick('WF-C-1', 'WF-C-2'),
      'number.generated': skip,
      follow_up_status_id: skip,
      'budget.number': pick(100, 200),
      'budget.currency': pick('SAR', 'SAR'),
      assigned_users: pick([1], [2]),
      tags: pick(['a'], ['b']),
      attachments: pick(['a.pdf'], ['b.pdf']),
    },
  },
  asset_types: place('asset_type', 'AssetType'),
  asset_locations: place('asset_location', 'AssetLocation'),
  storages: place('storage', 'Storage'),
  employee_assets: {
    v2: 'employee_asset',
    model: 'EmployeeAsset',
    base: (c) => ({ name: 'Laptop 9', used_by: 'not_assigned', location_id: Number(c.ids['asset_locations']) }),
    values: {
      asset_type_id: ref('asset_types'),
      storage_id: ref('storages'),
      location_id: ref('asset_locations'),
      employee_id: ref('staff'),
      used_by: pick('storage', 'storage'),
      serial_number: pick('SER-1', 'SER-2'),
      barcode: pick('BAR-1', 'BAR-2'),
      code: pick('A-1', 'A-2'),
    },
  },
  designations: {
    v2: 'designation',
    model: 'Designation',
    base: () => ({ name: 'Clerk conformance' }),
    values: { ...BRANCH, department_id: ref('departments'), active: pick(1, 0) },
  },
  departments: {
    v2: 'department',
    model: 'Department',
    base: () => ({ name: 'Department conformance' }),
    values: { ...BRANCH, active: pick(1, 0), managers: pick([1], [2]) },
  },
  employment_types: {
    v2: 'employment_type',
    model: 'EmploymentType',
    base: () => ({ name: 'Type conformance' }),
    values: { active: pick(1, 0) },
  },
  branches: { v2: 'branch', model: 'Branch' },
  clients: { v2: 'client', model: 'Client' },
};

// ---------------------------------------------------------------------------------------------------
// Where an operation is called here: the apidog export's server, `{format}` paths on api2 wherever filed.

interface Route {
  surface: 'api2' | 'v2' | 'root';
  /** Our resource the operation reads or writes. */
  resource: string | null;
  kind: 'one' | 'list' | 'create' | 'edit' | 'delete' | 'other';
  /** The URL for a record id (or none). */
  url: (c: Context, id?: string) => string;
}

const V2 = '/v2/api/entity';

function resourceOfKey(surface: Route['surface'], key: string): string | null {
  if (surface === 'api2') return FIXTURES[key] ? key : null;
  if (/^le_workflow-type-entity-/.test(key)) return 'workflow_records';
  return Object.entries(FIXTURES).find(([, fixture]) => fixture.v2 === key)?.[0] ?? null;
}

function routeOf(operation: RestOperation): Route {
  let raw = operation.path.replace(/^https?:\/\/[^/]+/, '');
  if (!raw.startsWith('/')) raw = `/${raw}`;
  let surface: Route['surface'];
  let rest: string;
  if (raw.startsWith(`${V2}/`)) [surface, rest] = ['v2', raw.slice(V2.length)];
  else if (raw.startsWith('/api2/')) [surface, rest] = ['api2', raw.slice(5)];
  else if (raw.startsWith('/v2/')) [surface, rest] = ['root', raw];
  else if (/(^|[^{])\{format\}/.test(raw)) [surface, rest] = ['api2', raw];
  else [surface, rest] = [operation.server, raw];
  const hasId = /\{\{?(id|ID|bookingId|record_id)\}\}?/.test(rest);
  const key =
    surface === 'root'
      ? ''
      : rest
          .split('/')[1]!
          .replace(/\{\{workflow_id\}\}/, '0')
          .replace(/\{format\}$/, '');
  const resource = key === '{entity}' ? 'clients' : resourceOfKey(surface, key);
  const prefix = surface === 'api2' ? '/api2' : surface === 'v2' ? V2 : '';
  const url = (c: Context, id?: string) =>
    prefix +
    rest
      .replace(/\{\{workflow_id\}\}/g, c.ids['workflow_types']!)
      .replace(/\{\{?(id|ID|bookingId|record_id)\}\}?/g, id ?? '0')
      .replace(/\{\{format\}\}/g, '1')
      .replace(/\{format\}/g, '.json')
      .replace(/\{type\}/g, 'client')
      .replace(/\{bookingStatus\}/g, '1')
      .replace(/\{entity\}/g, 'client');
  const edit = operation.method === 'put' || (operation.method === 'post' && /^\s*edit/i.test(operation.name));
  let kind: Route['kind'];
  if (/change_status|convert_to_invoice/.test(rest)) kind = 'other';
  else if (operation.method === 'get') kind = hasId ? 'one' : 'list';
  else if (edit) kind = 'edit';
  else if (operation.method === 'post') kind = 'create';
  else if (operation.method === 'delete') kind = 'delete';
  else kind = 'other';
  return { surface, resource, kind, url };
}

// ---------------------------------------------------------------------------------------------------
// Bodies and names.

const SKIP = Symbol('skip');

function fixtureValue(fixture: Fixture, field: DocField, c: Context, variant: 0 | 1): unknown {
  // Ids are the server's: the docs' creates send `"id": ""`, their edits name the record in the path
  // (or, for POST edits, in the body: set by the caller).
  if (field.path === 'id' || (field.path.endsWith('.id') && !field.path.includes('[]'))) return SKIP;
  if (field.type === 'object' && (fixture.models ?? []).includes(field.path)) return SKIP;
  const values = fixture.values ?? {};
  const inner = field.path.split('.').slice(1).join('.');
  const top = field.path.split('.')[0]!;
  for (const key of [
    field.path,
    `${top.replace(/\[\]$/, '')}[].${inner}`,
    top.replace(/\[\]$/, '') + (inner ? `.${inner}` : ''),
    lastName(field.path),
  ]) {
    if (Object.hasOwn(values, key)) {
      const value = values[key]!(c, variant);
      return value === undefined ? SKIP : value;
    }
  }
  return generated(field, variant);
}

/** Where a request field is read back in a record of a surface. */
function replyPathOf(fixture: Fixture, requestPath: string, surface: 'api2' | 'v2'): string {
  const renamed = fixture.readAs?.[requestPath];
  if (renamed) return renamed;
  const parts = requestPath.split('.');
  const top = parts[0]!.replace(/\[\]$/, '');
  if ((fixture.models ?? []).includes(top) && parts.length > 1) return parts.slice(1).join('.');
  const child = fixture.children?.[top];
  if (child) return [parts[0]!.replace(top, surface === 'api2' ? child[0] : child[1]), ...parts.slice(1)].join('.');
  return requestPath;
}

function errorsOf(reply: Reply): string[] {
  const errors = reply.body?.errors ?? reply.body?.validation_errors;
  return errors && typeof errors === 'object' ? Object.keys(errors) : [];
}

/** Whether an error key names the documented field (`UnitTemplatesUnitFactors.0.factor` ~ `unit_templates_unit_factors[].factor`). */
function names(errorKey: string, field: DocField, fixture: Fixture): boolean {
  const key = errorKey.replace(/\.\d+(\.|$)/g, '$1');
  const [top, ...rest] = field.path.replace(/\[\]/g, '').split('.');
  const candidates = [
    [top, ...rest].join('.'),
    ...(fixture.children?.[top!] ?? []).map((child) => [child, ...rest].join('.')),
  ];
  if ((fixture.models ?? []).includes(top!)) candidates.push(rest.join('.'));
  // A field inside an object sent as one value (`number: {"code"}`): an error naming the object names it.
  else if (rest.length > 0 && !fixture.children?.[top!] && !field.path.includes('[]')) candidates.push(top!);
  return candidates.includes(key);
}

function written(reply: Reply, surface: Route['surface'], editing?: string): string | null {
  if (editing && reply.status === 200) return editing;
  if (surface === 'api2' && reply.status === 202) return String(reply.body.id);
  if (surface !== 'api2' && reply.status === 200 && reply.body?.id !== undefined) return String(reply.body.id);
  return null;
}

/** The record at a GET one route, as that surface shapes it. */
async function readRecord(c: Context, route: Route, fixture: Fixture, id: string): Promise<unknown> {
  const reply = await c.s.get(route.url(c, id));
  if (reply.status !== 200) return undefined;
  return route.surface === 'api2' ? reply.body?.data?.[fixture.model] : reply.body;
}

// ---------------------------------------------------------------------------------------------------
// The checks of one group.

interface GroupState {
  ids: Map<string, string>;
  replies: Map<RestOperation, Reply>;
}

async function checkStored(
  c: Context,
  group: string,
  operations: RestOperation[],
  state: GroupState,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const writes = operations.filter((operation) => ['create', 'edit'].includes(routeOf(operation).kind));
  // Creates first: an edit changes what a create of its group made.
  writes.sort((a, b) => Number(routeOf(a).kind === 'edit') - Number(routeOf(b).kind === 'edit'));
  for (const operation of writes) {
    const route = routeOf(operation);
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    const fields = operation.request.filter((field) => !field.readOnly);
    const fixture = route.resource ? FIXTURES[route.resource] : undefined;
    const note = (field: string, ok: boolean, why: string) =>
      out.push({ group, operation: name, category: 'stored', field, ok, why });
    if (!fixture?.base || !route.resource) {
      for (const field of fields) note(field.path, false, 'no fixture');
      continue;
    }
    const editing = route.kind === 'edit' ? state.ids.get(route.resource) : undefined;
    if (route.kind === 'edit' && !editing) {
      for (const field of fields) note(field.path, false, "no record made by the group's create");
      continue;
    }
    const body = route.kind === 'create' ? fixture.base(c) : {};
    if (route.kind === 'edit' && operation.method === 'post') body['id'] = Number(editing);
    const url = route.url(c, editing);
    const variant = route.kind === 'create' ? 0 : 1;
    const write = await writeAll({
      body,
      fields,
      valueOf: (field) => fixtureValue(fixture, field, c, variant),
      skip: SKIP,
      send: (sending) => c.s.request(operation.method.toUpperCase(), url, sending),
      accepted: (reply) => {
        const id = written(reply, route.surface, editing);
        return id ? { id } : undefined;
      },
      errorsOf,
      names: (key, field) => names(key, field, fixture),
      refusalOf: (reply) => reply.body.errors ?? reply.body.validation_errors,
    });
    if (write.reply) state.replies.set(operation, write.reply);
    if (route.kind === 'create' && write.id && !state.ids.has(route.resource)) state.ids.set(route.resource, write.id);
    const target = route.kind === 'create' ? write.id : editing!;
    // Read back on every GET one of the group that reads this resource, else on the v2 entity.
    const reads = operations.map(routeOf).filter((read) => read.kind === 'one' && read.resource === route.resource);
    const surfaces: Array<{ surface: 'api2' | 'v2'; record: unknown }> = [];
    for (const read of reads.length > 0
      ? reads
      : [
          routeOf({
            ...operation,
            method: 'get',
            path: `${V2}/${fixture.v2 === 'le_workflow-type-entity' ? 'le_workflow-type-entity-{{workflow_id}}' : fixture.v2}/{{id}}/1`,
            server: 'v2',
          }),
        ]) {
      if (read.surface === 'root') continue;
      surfaces.push({ surface: read.surface, record: target ? await readRecord(c, read, fixture, target) : undefined });
    }
    for (const field of fields) {
      if (write.refused.has(field.path)) {
        note(field.path, false, write.refused.get(field.path)!);
        continue;
      }
      if (!write.sent.has(field.path)) continue;
      if (write.failure) {
        note(field.path, false, write.failure);
        continue;
      }
      const sent = write.sent.get(field.path);
      const misses: string[] = [];
      for (const { surface, record } of surfaces) {
        const read = readAt(record, replyPathOf(fixture, field.path, surface));
        if (read === MISSING || !same(sent, read))
          misses.push(
            read === MISSING
              ? `not in the ${surface} record`
              : `${surface}: sent ${JSON.stringify(sent)}, read ${JSON.stringify(read)}`,
          );
      }
      note(field.path, misses.length === 0, misses.join('; '));
    }
  }
  return out;
}

async function checkReturned(
  c: Context,
  group: string,
  operations: RestOperation[],
  state: GroupState,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const operation of operations) {
    const route = routeOf(operation);
    // Some GETs document the record's fields as a request body (payment gateways): they are what the record returns.
    const asRecord =
      operation.method === 'get' && operation.response.length === 0
        ? operation.request.map((field) => ({
            ...field,
            path:
              route.kind === 'list'
                ? route.surface === 'api2'
                  ? `data[].${field.path}`
                  : `data[].${field.path}`
                : field.path,
          }))
        : [];
    const fields = [...operation.response, ...asRecord].filter((field) => !field.writeOnly);
    if (fields.length === 0) continue;
    let reply = state.replies.get(operation) ?? null;
    const id = route.resource ? (state.ids.get(route.resource) ?? c.ids[route.resource]) : undefined;
    if (!reply && (route.kind === 'one' || route.kind === 'list')) reply = await c.s.get(route.url(c, id));
    // A delete's reply: of the other set's record, so the checks after it still find theirs.
    if (!reply && route.kind === 'delete' && route.resource)
      reply = await c.s.del(route.url(c, c.other[route.resource]));
    for (const field of fields) {
      const read = reply && reply.status < 300 ? readAny(reply.body, field.path) : MISSING;
      out.push({
        group,
        operation: `${operation.method.toUpperCase()} ${operation.path}`,
        category: 'returned',
        field: field.path,
        ok: read !== MISSING,
        why: reply
          ? reply.status < 300
            ? 'not in the reply'
            : `answered ${reply.status} ${reply.text.slice(0, 120)}`
          : 'no reply to read',
      });
    }
  }
  return out;
}

const PAGING = new Set(['per_page']);

async function checkFiltered(c: Context, group: string, operation: RestOperation): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const route = routeOf(operation);
  const fixture = route.resource ? FIXTURES[route.resource] : undefined;
  const name = `GET ${operation.path}`;
  for (const documented of operation.query) {
    const [param, example] = documented.split('=') as [string, string | undefined];
    const rowIds = (reply: Reply): string[] =>
      reply.status === 200 && Array.isArray(reply.body?.data)
        ? reply.body.data.map((row: Json) => String(row['id']))
        : [];
    if (PAGING.has(param)) {
      const reply = await c.s.get(`${route.url(c)}?${param}=1`);
      const ok =
        reply.status === 200 &&
        Number(reply.body?.per_page) === 1 &&
        rowIds(reply).length === 1 &&
        Number(reply.body?.total) > 1;
      out.push({
        group,
        operation: name,
        category: 'filtered',
        field: param,
        ok,
        why: `answered ${reply.status}, ${rowIds(reply).length} rows of ${reply.body?.total}`,
      });
      continue;
    }
    const filter = fixture?.filters?.[param];
    if (!filter) {
      out.push({
        group,
        operation: name,
        category: 'filtered',
        field: param,
        ok: false,
        why: 'no filter of that name is checked here',
      });
      continue;
    }
    const [kept, dropped] = await filter.make(c);
    const reply = await c.s.get(
      `${route.url(c)}?per_page=5000&${encodeURIComponent(param)}=${encodeURIComponent(example || filter.value)}`,
    );
    const ids = rowIds(reply);
    out.push({
      group,
      operation: name,
      category: 'filtered',
      field: param,
      ok: ids.includes(kept) && !ids.includes(dropped),
      why:
        reply.status !== 200
          ? `answered ${reply.status} ${reply.text.slice(0, 120)}`
          : `kept ${ids.includes(kept)}, dropped ${!ids.includes(dropped)} (${ids.length} rows)`,
    });
  }
  return out;
}

async function checkValidated(c: Context, group: string, operation: RestOperation): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const route = routeOf(operation);
  const fixture = route.resource ? FIXTURES[route.resource] : undefined;
  for (const field of operation.request) {
    if (field.readOnly) continue;
    for (const [rule, apply] of validationRules(field)) {
      let ok = false;
      let why = 'no fixture';
      if (fixture?.base) {
        const body = fixture.base(c);
        apply(body);
        const reply = await c.s.post(route.url(c), body);
        const shaped =
          route.surface === 'api2'
            ? reply.status === 400 && reply.body?.result === 'failed'
            : reply.status === 422 && reply.body?.message === 'Entity not saved';
        ok = shaped && errorsOf(reply).some((key) => names(key, field, fixture));
        why = `answered ${reply.status} ${reply.status >= 400 ? JSON.stringify(reply.body?.errors ?? reply.body?.validation_errors ?? reply.body?.message).slice(0, 160) : ''}`;
      }
      out.push({
        group,
        operation: `POST ${operation.path}`,
        category: 'validated',
        field: `${field.path} (${rule})`,
        ok,
        why,
      });
    }
  }
  return out;
}

/**
 * An operation the docs give no field to check (a delete, change_status, a list whose reply schema is
 * empty) still answers: the pair `(reply)` is honoured by a success on a real record, for a GET one
 * the record itself (its id) in the surface's shape.
 */
async function checkAnswered(c: Context, group: string, operation: RestOperation, state: GroupState): Promise<Outcome> {
  const route = routeOf(operation);
  const resource = route.resource;
  // Deletes take the other set's record (or the group's own), so reads after them still find theirs.
  const id = resource
    ? route.kind === 'delete'
      ? c.other[resource]
      : (state.ids.get(resource) ?? c.ids[resource])
    : undefined;
  const reply = await c.s.request(operation.method.toUpperCase(), route.url(c, id ?? '1'));
  let ok = reply.status < 300;
  if (ok && route.kind === 'one' && resource) {
    const record = route.surface === 'api2' ? reply.body?.data?.[FIXTURES[resource]!.model] : reply.body;
    ok = String(record?.id) === String(id);
  }
  if (ok && route.kind === 'list') ok = Array.isArray(reply.body?.data) && reply.body.data.length > 0;
  return {
    group,
    operation: `${operation.method.toUpperCase()} ${operation.path}`,
    category: 'returned',
    field: '(reply)',
    ok,
    why: `answered ${reply.status} ${reply.text.slice(0, 160)}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// The two groups that are no entity: the token endpoint and the multi-entity request.

/** The token endpoint, with the docs' multipart form; `without` leaves a field out. */
async function token(c: Context, path: string, without?: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    grant_type: 'password',
    client_id: '1',
    client_secret: 'x',
    username: TEST_EMAIL,
    password: TEST_PASSWORD,
  })) {
    if (name !== without) form.append(name, value);
  }
  const response = await fetch(c.s.url + path, { method: 'POST', body: form });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function checkAuthorization(c: Context, group: string, operations: RestOperation[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const operation of operations) {
    const name = `POST ${operation.path}`;
    const reply = await token(c, operation.path);
    for (const field of operation.response) {
      const read = reply.status === 200 ? readAt(reply.body, field.path) : MISSING;
      out.push({
        group,
        operation: name,
        category: 'returned',
        field: field.path,
        ok: read !== MISSING,
        why: `answered ${reply.status}`,
      });
    }
    // Form fields are sent, not stored: a sign-in with all of them is the stored pair; each required one
    // left out is refused naming it (OAuth's error, with api2's validation_errors).
    for (const field of operation.request) {
      out.push({
        group,
        operation: name,
        category: 'stored',
        field: field.path,
        ok: reply.status === 200,
        why: `answered ${reply.status}`,
      });
      if (!field.required) continue;
      const refused = await token(c, operation.path, field.path);
      const named = refused.status === 400 && Object.keys(refused.body?.validation_errors ?? {}).includes(field.path);
      out.push({
        group,
        operation: name,
        category: 'validated',
        field: `${field.path} (required)`,
        ok: named,
        why: `answered ${refused.status} ${JSON.stringify(refused.body).slice(0, 160)}`,
      });
    }
  }
  return out;
}

async function checkMultiEntity(c: Context, group: string, operations: RestOperation[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const invoice = await c.s.create('invoices', {
    Invoice: { client_id: Number(c.ids['clients']) },
    InvoiceItem: [{ item: 'Goods', unit_price: '5' }],
  });
  const requisition = (orderId: string) =>
    c.s.create('requisitions', {
      Requisition: { type: 2, store_id: Number(c.ids['stores']), order_type: 3, order_id: Number(orderId) },
      RequisitionItem: [{ product_id: Number(c.ids['products']), quantity: 1 }],
    });
  const mine = await requisition(invoice);
  const others = await requisition(c.ids['invoices']!);
  const body = () => [
    { key: 'invoice', action: 'show', options: invoice, data_level: 1 },
    { key: 'requisition', action: 'list', options: { order_id: invoice, order_type: 3 }, alias: 'for_invoice' },
  ];
  for (const operation of operations) {
    const name = `POST ${operation.path}`;
    const reply = await c.s.post('/v2/api/multi-entity', body());
    const listed: string[] = Array.isArray(reply.body?.for_invoice)
      ? reply.body.for_invoice.map((row: Json) => String(row['id']))
      : [];
    const checks: Record<string, [Outcome['category'], boolean]> = {
      '[].key': ['returned', String(reply.body?.invoice?.id) === invoice],
      '[].action': ['returned', String(reply.body?.invoice?.id) === invoice && Array.isArray(reply.body?.for_invoice)],
      '[].alias': [
        'returned',
        Object.hasOwn(reply.body ?? {}, 'for_invoice') && !Object.hasOwn(reply.body ?? {}, 'requisition'),
      ],
      '[].data_level': ['returned', Array.isArray(reply.body?.invoice?.invoice_item)],
      '[].options.order_id': ['filtered', listed.includes(mine) && !listed.includes(others)],
      '[].options.order_type': ['filtered', listed.includes(mine)],
    };
    for (const field of operation.request) {
      const [category, ok] = checks[field.path] ?? ['stored', false];
      out.push({
        group,
        operation: name,
        category,
        field: field.path,
        ok,
        why: `answered ${reply.status} ${reply.text.slice(0, 160)}`,
      });
      if (!field.required) continue;
      const refused = body();
      deleteAt(refused[1] as Json, field.path.replace(/^\[\]\./, ''));
      const bad = await c.s.post('/v2/api/multi-entity', refused);
      const wanted = `1.${field.path.replace(/^\[\]\./, '').split('.')[0]}`;
      const named = bad.status === 422 && errorsOf(bad).some((key) => key === wanted || key.startsWith(`${wanted}.`));
      out.push({
        group,
        operation: name,
        category: 'validated',
        field: `${field.path} (required)`,
        ok: named,
        why: `answered ${bad.status} ${bad.text.slice(0, 160)}`,
      });
    }
  }
  return out;
}

const CUSTOM: Record<string, (c: Context, group: string, operations: RestOperation[]) => Promise<Outcome[]>> = {
  Authorization: checkAuthorization,
  'Multity entity request': checkMultiEntity,
};

// ---------------------------------------------------------------------------------------------------

const describeOrSkip = docs
  ? eachDatabase
  : (title: string) =>
      it(title, { skip: 'the docs export ../shared/spec/daftra-docs is not beside the project' }, () => {});

describeOrSkip('conformance to the rest of the docs export', (server, engine) => {
  it('every documented field, parameter and rule of the rest is honoured or a listed exception', {
    timeout: 600_000,
  }, async () => {
    const s = server();
    const c: Context = { ids: await populate(s, 'a'), other: await populate(s, 'b'), s };
    // A bundle is a product of type 3 (docs/rest-of-docs.md "Product bundles").
    c.ids['bundle_product'] = await s.create('products', {
      Product: { name: 'Bundle for conformance', type: 3, unit_price: '30' },
    });
    const outcomes: Outcome[] = [];
    assert.equal(
      docs!.operations.length,
      107,
      'the export documents 107 operations beyond the 32 v1 groups of the v1 suite',
    );
    for (const group of docs!.groups) {
      const operations = docs!.operations.filter((operation) => operation.group === group);
      const custom = CUSTOM[group];
      if (custom) {
        outcomes.push(...(await custom(c, group, operations)));
        continue;
      }
      for (const operation of operations) {
        const route = routeOf(operation);
        assert.ok(
          route.kind === 'other' || route.surface === 'root' || (route.resource && FIXTURES[route.resource]),
          `a fixture for ${operation.method} ${operation.path} (${group})`,
        );
      }
      const state: GroupState = { ids: new Map(), replies: new Map() };
      outcomes.push(...(await checkStored(c, group, operations, state)));
      outcomes.push(...(await checkReturned(c, group, operations, state)));
      for (const list of operations.filter(
        (operation) => routeOf(operation).kind === 'list' && operation.query.length > 0,
      ))
        outcomes.push(...(await checkFiltered(c, group, list)));
      for (const create of operations.filter((operation) => routeOf(operation).kind === 'create'))
        outcomes.push(...(await checkValidated(c, group, create)));
      const checked = new Set(
        outcomes.filter((outcome) => outcome.group === group).map((outcome) => outcome.operation),
      );
      const unchecked = operations.filter(
        (operation) => !checked.has(`${operation.method.toUpperCase()} ${operation.path}`),
      );
      // Deletes last: the other checks of the group read the records they would remove.
      unchecked.sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
      for (const operation of unchecked) outcomes.push(await checkAnswered(c, group, operation, state));
    }
    const covered = new Set(outcomes.map((outcome) => `${outcome.group} ${outcome.operation}`));
    const missed = docs!.operations.filter(
      (operation) => !covered.has(`${operation.group} ${operation.method.toUpperCase()} ${operation.path}`),
    );
    assert.deepEqual(
      missed.map((operation) => `${operation.group}: ${operation.method} ${operation.path}`),
      [],
      'every operation of the rest has a checked pair',
    );
    judge(outcomes, HEADING, `conformance-rest [${engine}]`);
  });
});
