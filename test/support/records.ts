/**
 * One record of every resource the server declares, made over HTTP in dependency order. The table is
 * keyed by resource name; `missingSeeds()` names resources of the registry it does not cover, so a new
 * resource fails the tests that use it until it gets a seed here.
 */
import { RESOURCES } from '../../src/resources/index.js';
import { TestServer } from './harness.js';
import { createSite } from '../../src/domain/sites.js';

export type Ids = Record<string, string>;

/** The same server, called with another API key (another site). */
export function withKey(s: TestServer, apiKey: string): TestServer {
  return new TestServer(s.server, s.url, apiKey, async () => {}, s.errors);
}

/** A new site of its own on the same server (subdomain, name, currency, country), called with its key. */
export async function anotherSite(
  s: TestServer,
  subdomain: string,
  businessName: string,
  currency: string,
  country: string,
): Promise<TestServer> {
  const created = await createSite(s.database.db, { subdomain, businessName, currency, country });
  return withKey(s, created.apiKey);
}

async function firstId(s: TestServer, path: string, model: string): Promise<string> {
  const reply = await s.get(path);
  if (reply.status !== 200 || !reply.body.data?.[0])
    throw new Error(`GET ${path} answered ${reply.status}: ${reply.text}`);
  return reply.body.data[0][model].id as string;
}

async function posted(s: TestServer, path: string, body: unknown): Promise<string> {
  const reply = await s.post(path, body);
  if (reply.status !== 202) throw new Error(`POST ${path} answered ${reply.status}: ${reply.text}`);
  return reply.body.id as string;
}

type Seed = (s: TestServer, ids: Ids, tag: string) => Promise<string>;

/** In dependency order: a seed may use the ids of the seeds above it. */
export const SEEDS: Array<[string, Seed]> = [
  ['taxes', (s, _ids, tag) => s.create('taxes', { Tax: { name: `VAT ${tag}`, value: 15 } })],
  ['stores', (s, _ids, tag) => s.create('stores', { Store: { name: `Store ${tag}` } })],
  ['treasuries', (s, _ids, tag) => s.create('treasuries', { Treasury: { name: `Bank ${tag}`, type: 1 } })],
  ['staff', (s) => firstId(s, '/api2/staff.json', 'Staff')],
  [
    'clients',
    (s, _ids, tag) =>
      s.create('clients', {
        Client: { business_name: `Client ${tag}`, email: `c-${tag}@example.com`, bn1: `3000${tag}` },
      }),
  ],
  ['suppliers', (s, _ids, tag) => s.create('suppliers', { Supplier: { business_name: `Supplier ${tag}` } })],
  [
    'products',
    (s, ids, tag) =>
      s.create('products', {
        Product: {
          name: `Product ${tag}`,
          unit_price: '10',
          buy_price: '4',
          product_code: `SKU-${tag}`,
          track_stock: 1,
          stock_balance: 100,
          tax1: ids['taxes'],
          category: `Category ${tag}`,
        },
      }),
  ],
  [
    'product_categories',
    (s, _ids, tag) =>
      firstId(
        s,
        `/api2/product_categories.json?filter[name]=${encodeURIComponent(`Category ${tag}`)}`,
        'ProductCategory',
      ),
  ],
  [
    'invoices',
    (s, ids) =>
      s.create('invoices', {
        Invoice: { client_id: ids['clients'] },
        InvoiceItem: [
          { product_id: ids['products'], quantity: 2, tax1: ids['taxes'] },
          { item: 'Service', unit_price: '5' },
        ],
        Payment: [{ payment_method: 'cash', amount: '3', treasury_id: ids['treasuries'] }],
      }),
  ],
  [
    'estimates',
    (s, ids) =>
      s.create('estimates', {
        Estimate: { client_id: ids['clients'] },
        InvoiceItem: [{ product_id: ids['products'], quantity: 1 }],
      }),
  ],
  [
    'credit_notes',
    (s, ids) =>
      s.create('credit_notes', {
        CreditNote: { client_id: ids['clients'], subscription_id: ids['invoices'] },
        InvoiceItem: [{ product_id: ids['products'], quantity: 1 }],
      }),
  ],
  [
    'refund_receipts',
    (s, ids) =>
      s.create('refund_receipts', {
        RefundReceipt: { client_id: ids['clients'], subscription_id: ids['invoices'] },
        InvoiceItem: [{ item: 'Refund', unit_price: '1' }],
      }),
  ],
  [
    'invoice_payments',
    (s, ids) =>
      s.create('invoice_payments', {
        InvoicePayment: {
          invoice_id: ids['invoices'],
          payment_method: 'cash',
          amount: '2',
          treasury_id: ids['treasuries'],
        },
      }),
  ],
  [
    'client_payments',
    (s, ids) =>
      s.create('client_payments', {
        ClientPayment: {
          client_id: ids['clients'],
          payment_method: 'cash',
          amount: '4',
          treasury_id: ids['treasuries'],
        },
        InvoicePayment: [{ invoice_id: ids['invoices'], amount: '1' }],
      }),
  ],
  [
    'work_orders',
    (s, ids, tag) =>
      s.create('work_orders', {
        WorkOrder: { client_id: ids['clients'], title: `Job ${tag}`, start_date: '2024-01-01' },
      }),
  ],
  [
    'client_appointments',
    (s, ids) =>
      s.create('client_appointments', { ClientAppointment: { item_id: ids['clients'], date: '2024-01-02 10:00:00' } }),
  ],
  [
    'invoice_appointments',
    (s, ids) =>
      s.create('invoice_appointments', {
        InvoiceAppointment: { item_id: ids['invoices'], date: '2024-01-02 10:00:00' },
      }),
  ],
  [
    'estimate_appointments',
    (s, ids) =>
      s.create('estimate_appointments', {
        EstimateAppointment: { item_id: ids['estimates'], date: '2024-01-02 10:00:00' },
      }),
  ],
  [
    'work_order_appointments',
    (s, ids) =>
      s.create('work_order_appointments', {
        WorkOrderAppointment: { item_id: ids['work_orders'], date: '2024-01-02 10:00:00' },
      }),
  ],
  ['journal_cats', (s, _ids, tag) => s.create('journal_cats', { JournalCat: { name: `Folder ${tag}`, type: '0' } })],
  [
    'journal_accounts',
    (s, ids, tag) =>
      s.create('journal_accounts', {
        JournalAccount: { name: `Account ${tag}`, type: '0', journal_cat_id: ids['journal_cats'] },
      }),
  ],
  [
    'journals',
    async (s, ids) => {
      const other = await firstId(s, '/api2/journal_accounts.json?limit=1', 'JournalAccount');
      return s.create('journals', {
        Journal: { description: 'Manual entry' },
        JournalTransaction: [
          { journal_account_id: ids['journal_accounts'], debit: '7' },
          { journal_account_id: other, credit: '7' },
        ],
      });
    },
  ],
  [
    'time_tracking',
    (s, ids) =>
      s.create('time_tracking', {
        TimeTracking: { staff_id: ids['staff'], time: '1:30', work_order_id: ids['work_orders'] },
      }),
  ],
  [
    'expenses',
    (s, ids) =>
      s.create('expenses', {
        Expense: { amount: '11', tax1_id: ids['taxes'], supplier_id: ids['suppliers'], treasury_id: ids['treasuries'] },
      }),
  ],
  [
    'incomes',
    (s, ids) =>
      s.create('incomes', {
        Income: { amount: '12', tax1_id: ids['taxes'], client_id: ids['clients'], treasury_id: ids['treasuries'] },
      }),
  ],
  [
    'treasury_transfers',
    async (s, ids) => {
      // From the site's other treasury (its primary one) into the seeded bank.
      const all = (await s.get('/api2/treasuries.json?limit=100')).body.data.map((r: any) => String(r.Treasury.id));
      return s.create('treasury_transfers', {
        TreasuryTransfer: {
          from_treasury_id: all.find((id: string) => id !== ids['treasuries']),
          to_treasury_id: ids['treasuries'],
          amount: '7',
        },
      });
    },
  ],
  [
    'stock_transactions',
    (s, ids) =>
      s.create('stock_transactions', {
        StockTransaction: { product_id: ids['products'], store_id: ids['stores'], transaction_type: 1, quantity: 5 },
      }),
  ],
  [
    'purchase_invoices',
    (s, ids) =>
      s.create('purchase_invoices', {
        PurchaseOrder: { supplier_id: ids['suppliers'], store_id: ids['stores'] },
        PurchaseOrderItem: [{ product_id: ids['products'], quantity: 3, tax1: ids['taxes'] }],
      }),
  ],
  [
    'purchase_refunds',
    (s, ids) =>
      s.create('purchase_refunds', {
        PurchaseRefund: {
          supplier_id: ids['suppliers'],
          subscription_id: ids['purchase_invoices'],
          store_id: ids['stores'],
        },
        PurchaseOrderItem: [{ product_id: ids['products'], quantity: 1 }],
      }),
  ],
  ['notes', (s, ids) => posted(s, `/api2/notes/client/${ids['clients']}`, { Note: { body: 'A note' } })],
  ['follow_up_actions', (s) => firstId(s, '/api2/follow_up_actions/client', 'FollowUpAction')],
  ['follow_up_statuses', (s) => firstId(s, '/api2/follow_up_statuses/client', 'FollowUpStatus')],
  [
    'client_attendance_log',
    (s, ids) =>
      posted(s, '/api2/client-attendance-log/store', {
        ClientAttendance: { client_id: ids['clients'], notes: 'Visit' },
      }),
  ],
  ['audit_logs', (s) => firstId(s, '/api2/audit_logs.json?limit=1', 'AuditLog')],
  ['branches', (s, _ids, tag) => s.create('branches', { Branch: { name: `Branch ${tag}`, city: 'Riyadh' } })],
  [
    'site_payment_gateways',
    (s, ids, tag) =>
      s.create('site_payment_gateways', {
        SitePaymentGateway: {
          payment_gateway: `wallet-${tag}`,
          label: `Wallet ${tag}`,
          treasury_id: ids['treasuries'],
        },
      }),
  ],
  [
    'shipping_options',
    (s, ids, tag) =>
      s.create('shipping_options', { ShippingOption: { name: `Courier ${tag}`, fees: '12.5', tax_id: ids['taxes'] } }),
  ],
  // A day of its own per tag: one rate per currency and day.
  [
    'currency_rates',
    (s, _ids, tag) =>
      s.create('currency_rates', {
        CurrencyRate: {
          currency_code: 'USD',
          rate: '3.75',
          date: `2020-01-${String(1 + ([...tag].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 28)).padStart(2, '0')}`,
        },
      }),
  ],
  [
    'leave_applications',
    (s, ids) =>
      s.create('leave_applications', {
        LeaveApplication: {
          staff_id: ids['staff'],
          days: 2,
          date_from: '2024-03-01',
          date_to: '2024-03-02',
          type: 'leave',
        },
      }),
  ],
  [
    'attendance_logs',
    (s, ids) =>
      s.create('attendance_logs', {
        AttendanceLog: { staff_id: ids['staff'], time: '2024-03-03 09:00:00', status: 'sign_in' },
      }),
  ],
  ['departments', (s, _ids, tag) => s.create('departments', { Department: { name: `Sales ${tag}`, managers: [1] } })],
  [
    'employment_types',
    (s, _ids, tag) => s.create('employment_types', { EmploymentType: { name: `Full time ${tag}` } }),
  ],
  [
    'designations',
    (s, ids, tag) =>
      s.create('designations', {
        Designation: {
          name: `Clerk ${tag}`,
          department_id: ids['departments'],
          employment_type_id: ids['employment_types'],
        },
      }),
  ],
  ['asset_types', (s, _ids, tag) => s.create('asset_types', { AssetType: { name: `Laptop ${tag}` } })],
  ['asset_locations', (s, _ids, tag) => s.create('asset_locations', { AssetLocation: { name: `HQ ${tag}` } })],
  ['storages', (s, _ids, tag) => s.create('storages', { Storage: { name: `Shelf ${tag}` } })],
  [
    'employee_assets',
    (s, ids, tag) =>
      s.create('employee_assets', {
        EmployeeAsset: {
          name: `Asset ${tag}`,
          asset_type_id: ids['asset_types'],
          location_id: ids['asset_locations'],
          used_by: 'storage',
          storage_id: ids['storages'],
        },
      }),
  ],
  ['brands', (s, _ids, tag) => s.create('brands', { Brand: { name: `Brand ${tag}` } })],
  [
    'unit_templates',
    (s, _ids, tag) =>
      s.create('unit_templates', {
        UnitTemplate: { template_name: `Boxes ${tag}`, main_unit_name: 'piece' },
        UnitTemplatesUnitFactors: [{ factor_name: 'box', factor: 12 }],
      }),
  ],
  [
    'cost_centers',
    (s, _ids, tag) => s.create('cost_centers', { CostCenter: { name: `Center ${tag}`, code: `CC${tag}` } }),
  ],
  [
    'credit_types',
    (s, _ids, tag) => s.create('credit_types', { CreditType: { name: `Points ${tag}`, unit: 'point' } }),
  ],
  [
    'packages',
    (s, _ids, tag) =>
      s.create('packages', { Package: { name: `Gold ${tag}`, price: '100', period_value: 1, period_unit: 'month' } }),
  ],
  [
    'credit_type_packages',
    (s, ids) =>
      s.create('credit_type_packages', {
        CreditTypePackage: { credit_type_id: ids['credit_types'], package_id: ids['packages'], amount: 50 },
      }),
  ],
  [
    'credit_charges',
    (s, ids) =>
      s.create('credit_charges', {
        CreditCharge: {
          client_id: ids['clients'],
          credit_type_id: ids['credit_types'],
          amount: 50,
          start_date: '2024-01-01',
        },
      }),
  ],
  [
    'credit_usages',
    (s, ids) =>
      s.create('credit_usages', {
        CreditUsage: {
          client_id: ids['clients'],
          credit_type_id: ids['credit_types'],
          amount: 5,
          usage_date: '2024-02-01',
        },
      }),
  ],
  [
    'charge_usages',
    (s, ids) => firstId(s, `/api2/charge_usages.json?filter[credit_usage_id]=${ids['credit_usages']}`, 'ChargeUsage'),
  ],
  [
    'purchase_debit_notes',
    (s, ids) =>
      s.create('purchase_debit_notes', {
        PurchaseDebitNote: { supplier_id: ids['suppliers'], subscription_id: ids['purchase_invoices'] },
        PurchaseOrderItem: [{ item: 'Price correction', unit_price: '2', quantity: 1 }],
      }),
  ],
  [
    'requisitions',
    (s, ids) =>
      s.create('requisitions', {
        Requisition: { type: 1, Status: '3', store_id: ids['stores'] },
        RequisitionItem: [{ product_id: ids['products'], quantity: 2, unit_price: '4' }],
      }),
  ],
  [
    'bookings',
    (s, ids) =>
      posted(s, '/api2/bookings/add', {
        Invoice: {
          client_id: ids['clients'],
          date: '28/09/2025',
          start_time: '10:00',
          end_time: '11:00',
          converted: 1,
        },
        InvoiceItem: [{ product_id: ids['products'] }],
      }),
  ],
  [
    'product_bundles',
    async (s, ids, tag) => {
      const bundle = await s.create('products', { Product: { name: `Bundle ${tag}`, type: 3, unit_price: '30' } });
      return s.create('product_bundles', {
        ProductBundle: { bundle_product_id: bundle, product_id: ids['products'], quantity: 2 },
      });
    },
  ],
  [
    'advance_applications',
    async (s, ids) => {
      const advance = await s.create('invoices', {
        Invoice: { client_id: ids['clients'], type: 19 },
        InvoiceItem: [{ item: 'Advance', unit_price: '20' }],
      });
      const later = await s.create('invoices', {
        Invoice: { client_id: ids['clients'] },
        InvoiceItem: [{ item: 'Work', unit_price: '50' }],
      });
      return s.create('advance_applications', {
        AdvanceApplication: { advance_invoice_id: advance, invoice_id: later, amount: '20' },
      });
    },
  ],
  ['workflow_types', (s, _ids, tag) => s.create('workflow_types', { WorkflowType: { name: `Projects ${tag}` } })],
  [
    'workflow_records',
    (s, ids, tag) =>
      s.create('workflow_records', {
        WorkflowRecord: {
          workflow_type_id: ids['workflow_types'],
          number: { code: `WF-${tag}` },
          title: `Fit-out ${tag}`,
        },
      }),
  ],
];

/** Resources of the registry that have no seed here. */
export function missingSeeds(): string[] {
  const seeded = new Set(SEEDS.map(([name]) => name));
  return RESOURCES.map((spec) => spec.name).filter((name) => !seeded.has(name));
}

/** Makes one record of every resource; returns resource name → id. */
export async function populate(s: TestServer, tag: string): Promise<Ids> {
  const ids: Ids = {};
  for (const [name, seed] of SEEDS) {
    try {
      ids[name] = await seed(s, ids, tag);
    } catch (error) {
      throw new Error(`seeding ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ids;
}
