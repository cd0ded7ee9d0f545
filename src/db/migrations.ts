/**
 * Versioned migrations, run on every start under Kysely's migration lock (safe with several processes).
 *
 * Split of duties (see docs/architecture.md): migrations create tables, keys and indexes and move data;
 * the plain data columns a resource declares are then added by `syncDeclaredColumns`, additively, so a
 * declaration and its table cannot drift. Changing a column's type or meaning still needs a migration.
 */
import { callerNotifySql } from './caller-watch.js';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database, DialectName } from './connection.js';
import { sql } from 'kysely';
import {
  type ColumnType,
  LIST_COUNT_TABLES,
  type TableSpec,
  addColumn,
  createListCounts,
  createTable,
  ensureColumns,
  existingColumns,
  rebuildWithAutoincrement,
} from './ddl.js';
import { COUNTED_TABLES } from './list-counts.js';
import {
  ACCOUNT_ALL_TIME_TABLE,
  ACCOUNT_TOTALS_TABLE,
  ACCOUNT_DAY_TOTALS_TABLE,
  ACCOUNT_YEAR_TOTALS_TABLE,
  createAccountTotalTriggers,
  dropAccountTotalTriggers,
  rebuildAccountDayTotalsSql,
  rebuildAccountTotals,
  rebuildAccountYearTotalsSql,
} from './account-totals.js';
import { OPEN_AMOUNTS_TABLE, createOpenAmountTriggers, rebuildOpenAmounts } from './open-amounts.js';
import {
  STOCK_DAY_TOTALS_TABLE,
  STOCK_MONTH_TOTALS_TABLE,
  STOCK_SALES_TOTALS_TABLE,
  createStockSalesTriggers,
  createStockTotalTriggers,
  rebuildStockSalesTotals,
  rebuildStockTotals,
} from './stock-totals.js';
import type { Fields, FieldKind } from '../engine/fields.js';
import { seedBranchAndGateways } from '../domain/branch-defaults.js';
import { nowText } from '../domain/sites.js';
import { randomSecret } from '../domain/secrets.js';

const FOUNDATION_TABLES: TableSpec[] = [
  {
    name: 'sites',
    global: true,
    columns: [
      'subdomain text not null',
      'business_name text',
      'currency_code text not null',
      'country_code text',
      'allow_negative_stock bool not null',
      'created text',
      'modified text',
    ],
    unique: [['subdomain']],
  },
  {
    name: 'users',
    columns: [
      'email text not null',
      'password_hash text not null',
      'staff_id int not null',
      'name text',
      'created text',
    ],
    indexes: [['email']],
  },
  {
    name: 'api_keys',
    columns: [
      'key_hash text not null',
      'key_prefix text not null',
      'name text',
      'created text',
      'revoked bool not null',
    ],
    // Looked up across sites by hash before the site is known; keys are 256-bit random, so no clash.
    lookups: [['key_hash']],
  },
  {
    name: 'oauth_tokens',
    columns: [
      'user_id int not null',
      'access_hash text not null',
      'refresh_hash text not null',
      'access_expires_ms int not null',
      'refresh_expires_ms int not null',
      'revoked bool not null',
      'created text',
    ],
    lookups: [['access_hash'], ['refresh_hash']],
  },
  { name: 'counters', columns: ['key text not null', 'value int not null'], unique: [['key']] },
  { name: 'staff', columns: ['name text'] },
  { name: 'clients', columns: ['client_number text', 'email text'], indexes: [['email']], unique: [['client_number']] },
  { name: 'products', columns: ['product_code text'], indexes: [['product_code']] },
  { name: 'taxes', columns: ['name text'] },
  { name: 'stores', columns: ['name text'] },
  { name: 'treasuries', columns: ['name text'] },
  {
    name: 'invoices',
    columns: ['type int not null', 'no text', 'client_id int', 'date text'],
    indexes: [['type', 'date'], ['client_id']],
    unique: [['type', 'no']],
  },
  { name: 'invoice_items', columns: ['invoice_id int not null'], indexes: [['invoice_id']] },
  { name: 'invoice_payments', columns: ['invoice_id int'], indexes: [['invoice_id']] },
  { name: 'journal_cats', columns: ['name text', 'system_key text'], indexes: [['system_key']] },
  {
    name: 'journal_accounts',
    columns: ['name text', 'code text', 'system_key text', 'entity_type text', 'entity_id int'],
    indexes: [['code'], ['system_key'], ['entity_type', 'entity_id']],
  },
  {
    name: 'journals',
    columns: ['entity_type text', 'entity_id int', 'date text'],
    indexes: [['entity_type', 'entity_id'], ['date']],
  },
  {
    name: 'journal_transactions',
    columns: ['journal_id int not null', 'journal_account_id int not null'],
    indexes: [['journal_id'], ['journal_account_id']],
  },
  {
    name: 'stock_transactions',
    columns: ['product_id int not null', 'store_id int not null', 'date text', 'source_type int', 'order_id int'],
    indexes: [
      ['product_id', 'store_id'],
      ['source_type', 'order_id'],
    ],
  },
];

/** The tables of the remaining endpoint groups (issue 3); their data columns come from declarations. */
const ENDPOINT_GROUP_TABLES: TableSpec[] = [
  {
    name: 'suppliers',
    columns: ['supplier_number text', 'email text'],
    indexes: [['email']],
    unique: [['supplier_number']],
  },
  { name: 'work_orders', columns: ['number text', 'client_id int'], indexes: [['client_id']], unique: [['number']] },
  {
    name: 'appointments',
    columns: ['item_type int not null', 'item_id int', 'date text'],
    indexes: [['item_type', 'item_id'], ['date']],
  },
  { name: 'notes', columns: ['item_type int', 'item_id int', 'date text'], indexes: [['item_type', 'item_id']] },
  { name: 'time_trackings', columns: ['staff_id int', 'date text'], indexes: [['date']] },
  { name: 'client_payments', columns: ['client_id int', 'date text'], indexes: [['client_id'], ['date']] },
  {
    name: 'client_payment_allocations',
    columns: ['client_payment_id int not null', 'invoice_payment_id int'],
    indexes: [['client_payment_id']],
  },
  { name: 'product_categories', columns: ['name text'], indexes: [['name']] },
  { name: 'expenses', columns: ['is_income bool not null', 'date text'], indexes: [['is_income', 'date']] },
  {
    name: 'purchase_orders',
    columns: ['type int not null', 'no text', 'supplier_id int', 'date text'],
    indexes: [['type', 'date'], ['supplier_id']],
    unique: [['type', 'no']],
  },
  { name: 'purchase_order_items', columns: ['purchase_order_id int not null'], indexes: [['purchase_order_id']] },
  { name: 'client_attendance_logs', columns: ['client_id int', 'time text'], indexes: [['client_id']] },
  { name: 'follow_up_actions', columns: ['item_type int not null'], indexes: [['item_type']] },
  { name: 'follow_up_statuses', columns: ['item_type int not null'], indexes: [['item_type']] },
];

/** Idempotency keys, rate-limit windows and the audit log (issue 6). */
const RELIABILITY_TABLES: TableSpec[] = [
  {
    name: 'idempotency_keys',
    columns: [
      'key text not null',
      'fingerprint text not null',
      'state text not null',
      'status int',
      'body text',
      'content_type text',
      'created_ms int not null',
    ],
    unique: [['key']],
    indexes: [['created_ms']],
  },
  {
    name: 'rate_limits',
    global: true,
    columns: ['bucket text not null', 'window_start int not null', 'hits int not null'],
    unique: [['bucket', 'window_start']],
    indexes: [['window_start']],
  },
  {
    name: 'audit_logs',
    columns: [
      'created text not null',
      'credential text',
      'staff_id int',
      'method text',
      'route text',
      'resource text',
      'record_id int',
      'status int',
      'request_id text',
      'changes text',
    ],
    indexes: [['created'], ['resource', 'record_id']],
  },
];

/**
 * Stock positions: quantity and value at cost per product and store, kept by the stock ledger in the
 * transaction of every movement, so a sale reads one row instead of summing the product's history.
 */
const STOCK_POSITIONS: TableSpec = {
  name: 'stock_positions',
  columns: ['product_id int not null', 'store_id int not null', 'quantity money not null', 'value money not null'],
  unique: [['product_id', 'store_id']],
};

/**
 * Branches, payment methods and shipping options (issue 13, Daftra's v2 entities). The columns the
 * seed below writes are created here; the other declared columns come from the declarations.
 */
const V2_TABLES: TableSpec[] = [
  { name: 'branches', columns: ['name text', 'status int', 'created text', 'modified text'] },
  {
    name: 'site_payment_gateways',
    columns: [
      'payment_gateway text not null',
      'label text',
      'default bool',
      'active bool',
      'manually_added bool',
      'disable_for_client bool',
      'created text',
      'modified text',
    ],
    unique: [['payment_gateway']],
  },
  { name: 'shipping_options', columns: ['name text'] },
];

/**
 * Webhooks (issue 19, docs/webhooks.md): endpoints, the transactional outbox of events (written in the
 * transaction of the change), one delivery row per event and endpoint, and marks of events sent once
 * per record (invoice.overdue). Every column is created here: these resources are not in the
 * registry's column sync.
 */
const WEBHOOK_TABLES: TableSpec[] = [
  {
    name: 'webhook_endpoints',
    columns: [
      'url text not null',
      'events json not null',
      'description text',
      'active bool not null',
      'secret text',
      'previous_secret text',
      'previous_secret_expires_ms int',
      'disabled_reason text',
      'failing_since_ms int',
      'created text',
      'modified text',
    ],
    indexes: [['active']],
  },
  {
    name: 'webhook_events',
    columns: [
      'event_id text not null',
      'type text not null',
      'resource text',
      'record_id int',
      'payload text not null',
      'created text',
      'created_ms int not null',
    ],
    unique: [['event_id']],
    // Pruning finds old events of every site.
    lookups: [['created_ms']],
  },
  {
    name: 'webhook_deliveries',
    columns: [
      'webhook_event_id int not null',
      'endpoint_id int not null',
      'record_key text not null',
      'state text not null',
      'attempts int not null',
      'next_attempt_ms int not null',
      'give_up_ms int not null',
      'last_attempt_ms int',
      'last_status int',
      'last_response text',
      'last_error text',
      'delivered_ms int',
    ],
    indexes: [['webhook_event_id'], ['endpoint_id', 'record_key', 'state', 'id']],
    // The workers look for due deliveries of every site at once.
    lookups: [['state', 'next_attempt_ms']],
  },
  { name: 'webhook_marks', columns: ['mark text not null', 'created_ms int not null'], unique: [['mark']] },
];

/**
 * The seller's settings a tax document prints (domain/site-settings.ts), the secret behind the public
 * links of its documents, and a rotation counter per document whose link the owner has rotated
 * (domain/document-links.ts): a document without a row is at rotation 0.
 */
export const SITE_DOCUMENT_COLUMNS: ReadonlyArray<readonly [string, ColumnType]> = [
  ['vat_number', 'text'],
  ['cr_number', 'text'],
  ['address1', 'text'],
  ['address2', 'text'],
  ['city', 'text'],
  ['state', 'text'],
  ['postal_code', 'text'],
  ['building_number', 'text'],
  ['district', 'text'],
  ['logo', 'text'],
  ['logo_mime', 'text'],
  ['document_language', 'text'],
  ['document_layout', 'text'],
  ['document_hash_secret', 'text'],
];

const DOCUMENT_LINKS: TableSpec = {
  name: 'document_links',
  columns: ['doc_table text not null', 'document_id int not null', 'rotation int not null'],
  unique: [['doc_table', 'document_id']],
};

/**
 * ZATCA phase 2 (docs/zatca.md): the e-invoicing units (EGS) of a site with their sealed key, certificate
 * and chain head (ICV counter and last hash), and one signed e-invoice per tax document, which is also
 * the outbox of what is still to be reported or cleared.
 */
const ZATCA_TABLES: TableSpec[] = [
  {
    name: 'zatca_units',
    columns: [
      'name text not null',
      'environment text not null',
      'private_key text not null',
      'csr text',
      'certificate text',
      'certificate_source text not null',
      'csid_token text',
      'csid_secret text',
      'compliance_request_id text',
      'icv int not null',
      'last_hash text not null',
      'active bool not null',
      'created text',
      'modified text',
    ],
    unique: [['name']],
  },
  {
    name: 'zatca_documents',
    columns: [
      'invoice_id int not null',
      'unit_id int not null',
      'icv int not null',
      'uuid text not null',
      'hash text not null',
      'previous_hash text not null',
      'xml text not null',
      'qr text not null',
      'standard bool not null',
      'content_digest text not null',
      'status text not null',
      'attempts int not null',
      'next_attempt_ms int not null',
      'lease_until_ms int not null',
      'response text',
      'cleared_xml text',
      'created text',
      'sent text',
    ],
    unique: [['invoice_id'], ['unit_id', 'icv']],
    // The sender looks across sites for what is due.
    lookups: [['status', 'next_attempt_ms']],
  },
];

/** The rest of the docs export's groups; declared columns are added by the column sync. */
const REST_TABLES: TableSpec[] = [
  { name: 'departments', columns: ['name text'] },
  { name: 'employment_types', columns: ['name text'] },
  {
    name: 'designations',
    columns: ['name text', 'department_id int', 'employment_type_id int'],
    indexes: [['department_id']],
  },
  {
    name: 'leave_applications',
    columns: ['staff_id int', 'date_from text', 'date_to text'],
    indexes: [['staff_id', 'date_from']],
  },
  { name: 'attendance_logs', columns: ['staff_id int', 'time text'], indexes: [['staff_id', 'time']] },
  { name: 'asset_types', columns: ['name text'] },
  { name: 'asset_locations', columns: ['name text'] },
  { name: 'storages', columns: ['name text'] },
  { name: 'employee_assets', columns: ['name text', 'asset_type_id int', 'location_id int', 'storage_id int'] },
  { name: 'brands', columns: ['name text'] },
  { name: 'unit_templates', columns: ['template_name text'] },
  { name: 'unit_template_factors', columns: ['unit_template_id int', 'factor money'], indexes: [['unit_template_id']] },
  { name: 'cost_centers', columns: ['name text', 'cost_center_id int'] },
  { name: 'credit_types', columns: ['name text'] },
  { name: 'packages', columns: ['name text'] },
  {
    name: 'credit_type_packages',
    columns: ['credit_type_id int', 'package_id int', 'amount money'],
    indexes: [['package_id']],
  },
  {
    name: 'credit_charges',
    columns: ['client_id int', 'credit_type_id int', 'amount money'],
    indexes: [['client_id', 'credit_type_id']],
  },
  {
    name: 'credit_usages',
    columns: ['client_id int', 'credit_type_id int', 'amount money'],
    indexes: [['client_id', 'credit_type_id']],
  },
  {
    name: 'charge_usages',
    columns: ['credit_charge_id int', 'credit_usage_id int', 'amount money'],
    indexes: [['credit_charge_id'], ['credit_usage_id']],
  },
  { name: 'workflow_types', columns: ['name text'] },
  { name: 'workflow_records', columns: ['workflow_type_id int', 'title text'], indexes: [['workflow_type_id']] },
  {
    name: 'requisitions',
    columns: ['number text', 'type int', 'status int', 'order_type int', 'order_id int'],
    indexes: [['order_type', 'order_id']],
  },
  {
    name: 'bookings',
    columns: ['client_id int', 'date text', 'status int', 'invoice_id int'],
    indexes: [['client_id'], ['date']],
  },
  { name: 'booking_items', columns: ['booking_id int', 'product_id int'], indexes: [['booking_id']] },
  {
    name: 'product_bundles',
    columns: ['bundle_product_id int', 'product_id int', 'quantity money'],
    indexes: [['bundle_product_id']],
  },
  {
    name: 'advance_applications',
    columns: ['advance_invoice_id int', 'invoice_id int', 'amount money'],
    indexes: [['advance_invoice_id'], ['invoice_id']],
  },
  {
    name: 'requisition_items',
    columns: ['requisition_id int', 'product_id int', 'quantity money'],
    indexes: [['requisition_id'], ['product_id']],
  },
];

/** Documented children of issue 13's conformance work: supplier payments and product images. */
const CONFORM_TABLES: TableSpec[] = [
  {
    name: 'purchase_order_payments',
    columns: ['purchase_order_id int', 'amount money'],
    indexes: [['purchase_order_id']],
  },
  { name: 'product_images', columns: ['product_id int', 'file text'], indexes: [['product_id']] },
];

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_foundation': {
      async up(db) {
        for (const table of FOUNDATION_TABLES) await createTable(db, dialect, table);
      },
    },
    '0002_endpoint_groups': {
      async up(db) {
        for (const table of ENDPOINT_GROUP_TABLES) await createTable(db, dialect, table);
      },
    },
    '0003_reliability': {
      async up(db) {
        for (const table of RELIABILITY_TABLES) await createTable(db, dialect, table);
      },
    },
    '0004_stock_positions': {
      async up(db) {
        await createTable(db, dialect, STOCK_POSITIONS);
        // A database from before positions: fill them from its ledger (a new one has no movements yet).
        const columns = await existingColumns(db, dialect, 'stock_transactions');
        if (!columns.has('quantity') || !columns.has('transaction_type')) return;
        if (!columns.has('cost_value')) await addColumn(db, dialect, 'stock_transactions', 'cost_value', 'money');
        await sql`insert into stock_positions (site_id, product_id, store_id, quantity, value)
          select site_id, product_id, store_id,
            sum(case when transaction_type = 2 then -quantity else quantity end),
            sum(case when transaction_type = 2 then -coalesce(cost_value, 0) else coalesce(cost_value, 0) end)
          from stock_transactions group by site_id, product_id, store_id`.execute(db);
      },
    },
    // Measured with `npm run bench` (docs/performance.md): lists of a million invoices, stock sums.
    '0005_performance': {
      async up(db) {
        // Invoices in list order (date, id), with type for the scope, read from the index alone;
        // the same per client for the usual filter (client_id with a date range).
        await sql
          .raw('create index "invoices_site_id_date_id_type" on "invoices" ("site_id", "date", "id", "type")')
          .execute(db);
        await sql
          .raw(
            'create index "invoices_site_id_client_id_date_id_type" on "invoices" ("site_id", "client_id", "date", "id", "type")',
          )
          .execute(db);
        // A product's stock is Σ of its movements (domain/stock.ts): sum them from the index alone. The
        // two columns are declared by the stock-transactions resource; on a new database they do not
        // exist yet when migrations run, so they are added here with the declared types.
        await ensureColumns(db, dialect, 'stock_transactions', [
          ['transaction_type', 'int'],
          ['quantity', 'money'],
        ]);
        await sql
          .raw(`create index "stock_transactions_site_id_product_id_store_id_quantity"
          on "stock_transactions" ("site_id", "product_id", "store_id", "transaction_type", "quantity")`)
          .execute(db);
        await sql.raw('drop index if exists "stock_transactions_site_id_product_id_store_id"').execute(db);
        // Row counts for total_results and deep pages (db/list-counts.ts).
        for (const table of LIST_COUNT_TABLES) await createTable(db, dialect, table);
        for (const counted of COUNTED_TABLES) await createListCounts(db, dialect, counted);
      },
    },
    // Integrity (issue 12): ids never reused on SQLite, and indexes for the columns that name another
    // record, which deletes now look up (engine/integrity.ts refuseIfReferenced).
    '0007_integrity': {
      async up(db) {
        if (dialect === 'sqlite') {
          const { rows } = await sql<{ name: string }>`
            select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
            db,
          );
          for (const { name } of rows) await rebuildWithAutoincrement(db, name);
        }
        const referenced: Array<[string, string]> = [
          ['invoices', 'subscription_id'],
          ['invoice_payments', 'client_payment_id'],
          ['invoice_items', 'product_id'],
          ['purchase_orders', 'subscription_id'],
          ['purchase_order_items', 'product_id'],
        ];
        for (const [table, column] of referenced) {
          // Declared columns are added after migrations; on a new database they do not exist yet.
          if (!(await existingColumns(db, dialect, table)).has(column))
            await addColumn(db, dialect, table, column, 'int');
          await sql
            .raw(`create index if not exists "${table}_site_id_${column}" on "${table}" ("site_id", "${column}")`)
            .execute(db);
        }
      },
    },
    // Refresh-token families (api/oauth.ts): every token rotated from one sign-in shares `family` and
    // its absolute end `family_expires_ms`; a replayed refresh token revokes the whole family.
    '0008_credentials': {
      async up(db) {
        await addColumn(db, dialect, 'oauth_tokens', 'family', 'text');
        await addColumn(db, dialect, 'oauth_tokens', 'family_expires_ms', 'int');
        await sql`update oauth_tokens set family = 'sign-in-' || id, family_expires_ms = refresh_expires_ms where family is null`.execute(
          db,
        );
        await sql.raw('create index "oauth_tokens_site_id_family" on "oauth_tokens" ("site_id", "family")').execute(db);
      },
    },
    '0013_v2': {
      async up(db) {
        for (const table of V2_TABLES) await createTable(db, dialect, table);
        // Sites made before branches existed get their main branch and payment methods now.
        const sites = await db.selectFrom('sites').select('id').execute();
        for (const site of sites) await seedBranchAndGateways(db, Number(site['id']), nowText());
      },
    },
    '0012_webhooks': {
      async up(db) {
        for (const table of WEBHOOK_TABLES) await createTable(db, dialect, table);
      },
    },
    '0010_documents': {
      async up(db) {
        await ensureColumns(db, dialect, 'sites', SITE_DOCUMENT_COLUMNS);
        await createTable(db, dialect, DOCUMENT_LINKS);
        // Each existing site gets its own secret (new sites get one in createSite).
        const sites = await db.selectFrom('sites').select('id').execute();
        for (const site of sites) {
          await db
            .updateTable('sites')
            .set({ document_hash_secret: randomSecret(32) })
            .where('id', '=', site['id'])
            .execute();
        }
      },
    },
    '0011_zatca': {
      async up(db) {
        for (const table of ZATCA_TABLES) await createTable(db, dialect, table);
      },
    },
    // Issue 13 (conformance to the docs): site exchange rates by date.
    '0009_conformance': {
      async up(db) {
        await createTable(db, dialect, {
          name: 'currency_rates',
          columns: ['currency_code text not null', 'date text not null'],
          indexes: [['currency_code', 'date']],
        });
        // Site setting: replies also carry alias model keys (credit notes as Invoice); null means 1.
        await addColumn(db, dialect, 'sites', 'model_key_aliases', 'bool');
        // Invoice.terminal_id is a string in the docs (POS terminals are named); it was a number.
        if (dialect === 'postgres' && (await existingColumns(db, dialect, 'invoices')).has('terminal_id')) {
          await sql`alter table invoices alter column terminal_id type text using terminal_id::text`.execute(db);
        }
      },
    },
    '0014_rest': {
      async up(db) {
        for (const table of REST_TABLES) await createTable(db, dialect, table);
      },
    },
    '0019_conform': {
      async up(db) {
        for (const table of CONFORM_TABLES) await createTable(db, dialect, table);
      },
    },
    // Issue 21: Σ debit and credit per account and month, kept by triggers (db/account-totals.ts), so
    // reports over long periods read a row per account and month instead of every journal line.
    '0020_account_month_totals': {
      async up(db) {
        // The amounts are declared columns (added after migrations): a new database lacks them yet.
        await ensureColumns(db, dialect, 'journal_transactions', [
          ['debit', 'money'],
          ['credit', 'money'],
        ]);
        await createTable(db, dialect, ACCOUNT_TOTALS_TABLE);
        await createTable(db, dialect, ACCOUNT_ALL_TIME_TABLE);
        // The triggers made here keep the day and year totals too (migration 0026): a new database gets
        // their tables now.
        await createTable(db, dialect, ACCOUNT_DAY_TOTALS_TABLE);
        await createTable(db, dialect, ACCOUNT_YEAR_TOTALS_TABLE);
        await createAccountTotalTriggers(db, dialect);
        // Existing books: counted once from their lines.
        await rebuildAccountTotals(db);
      },
    },
    // Issue 21 (console pages): the unpaid and overdue lists count their invoices from an index alone
    // (payment status, then the scope and the due date's parts), not by reading every invoice. The
    // columns are declared by the sales-document resources; a new database does not have them yet.
    '0021_console_indexes': {
      async up(db) {
        await ensureColumns(db, dialect, 'invoices', [
          ['payment_status', 'int'],
          ['draft', 'bool'],
          ['due_after', 'int'],
        ]);
        await sql
          .raw(
            'create index if not exists "invoices_site_id_payment_status_draft_type_date_due_after" on "invoices" ("site_id", "payment_status", "draft", "type", "date", "due_after")',
          )
          .execute(db);
      },
    },
    // Issue 21 (report pages): the stock valuation as of a date reads the positions and only the
    // movements dated after it (or its first and last date), and the aged receivables the longest
    // payment terms, each from an index (domain/open-items.ts). The columns are declared by the
    // stock and sales-document resources; a new database does not have them yet.
    '0022_report_indexes': {
      async up(db) {
        await ensureColumns(db, dialect, 'stock_transactions', [['date', 'text']]);
        await ensureColumns(db, dialect, 'invoices', [['due_after', 'int']]);
        await sql
          .raw(
            'create index if not exists "stock_transactions_site_id_date" on "stock_transactions" ("site_id", "date")',
          )
          .execute(db);
        await sql
          .raw('create index if not exists "invoices_site_id_due_after" on "invoices" ("site_id", "due_after")')
          .execute(db);
      },
    },
    // Issue 21 (dashboard): Σ unpaid of the open invoices per due day, kept by triggers on invoices
    // (db/open-amounts.ts), so "unpaid" and "overdue" read a row per day instead of every open invoice.
    '0023_open_amounts': {
      async up(db) {
        // The columns the triggers read are declared by the sales-document resources: a new database lacks some yet.
        await ensureColumns(db, dialect, 'invoices', [
          ['type', 'int'],
          ['draft', 'bool'],
          ['payment_status', 'int'],
          ['summary_unpaid', 'money'],
          ['date', 'text'],
          ['due_after', 'int'],
        ]);
        await createTable(db, dialect, OPEN_AMOUNTS_TABLE);
        await createOpenAmountTriggers(db, dialect);
        // Existing invoices: counted once.
        await rebuildOpenAmounts(db, dialect);
      },
    },
    // Issue 15: PostgreSQL servers cache callers and hear of key and site changes by NOTIFY
    // (db/caller-watch.ts). SQLite asks data_version instead: nothing to add there.
    '0024_caller_notify': {
      async up(db) {
        if (dialect !== 'postgres') return;
        for (const statement of callerNotifySql()) await sql.raw(statement).execute(db);
      },
    },
    // Issue 21 (stock valuation as of a past date): Σ quantity and value per product, store and month
    // and per day, kept by triggers on the movements (db/stock-totals.ts), so a date half a year back
    // reads a few thousand rows instead of every movement since.
    '0025_stock_totals': {
      async up(db) {
        // The columns the triggers read are declared by the stock resource: a new database lacks some yet.
        await ensureColumns(db, dialect, 'stock_transactions', [
          ['date', 'text'],
          ['transaction_type', 'int'],
          ['quantity', 'money'],
          ['cost_value', 'money'],
        ]);
        await createTable(db, dialect, STOCK_MONTH_TOTALS_TABLE);
        await createTable(db, dialect, STOCK_DAY_TOTALS_TABLE);
        await createStockTotalTriggers(db, dialect);
        // Existing movements: counted once.
        await rebuildStockTotals(db);
      },
    },
    // Issue 21 (reports over a range): Σ debit and credit per account and day, and per year, beside the
    // months, kept by the same triggers (db/account-totals.ts), so the part-months at a range's edges
    // read a row per account and day instead of every journal line of those days, and whole years a
    // row per account and year.
    '0026_account_period_totals': {
      async up(db) {
        // A database made since has the tables from migration 0020; one made before gets them here.
        for (const table of [ACCOUNT_DAY_TOTALS_TABLE, ACCOUNT_YEAR_TOTALS_TABLE])
          if ((await existingColumns(db, dialect, table.name)).size === 0) await createTable(db, dialect, table);
        await dropAccountTotalTriggers(db, dialect);
        await createAccountTotalTriggers(db, dialect);
        for (const statement of [...rebuildAccountDayTotalsSql(), ...rebuildAccountYearTotalsSql()])
          await sql.raw(statement).execute(db);
      },
    },
    // Issue 21 (the console's treasuries): money moved between two treasuries, Daftar's own resource
    // (resources/treasury-transfers.ts); its other columns are declared by the resource.
    '0027_treasury_transfers': {
      async up(db) {
        await createTable(db, dialect, {
          name: 'treasury_transfers',
          columns: ['from_treasury_id int', 'to_treasury_id int', 'date text'],
          indexes: [['date'], ['from_treasury_id'], ['to_treasury_id']],
        });
      },
    },
    // Issue 21 (the dashboard's top products): net quantity sold per product and month, kept by
    // triggers on the movements (db/stock-totals.ts); existing movements counted once.
    '0028_stock_sales_totals': {
      async up(db) {
        await ensureColumns(db, dialect, 'stock_transactions', [['source_type', 'int']]);
        await createTable(db, dialect, STOCK_SALES_TOTALS_TABLE);
        await createStockSalesTriggers(db, dialect);
        await rebuildStockSalesTotals(db);
      },
    },
  };
}

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect);
  }
}

const KIND_COLUMN: Record<FieldKind, ColumnType> = {
  text: 'text',
  date: 'text',
  datetime: 'text',
  int: 'int',
  bool: 'bool',
  decimal: 'money',
  json: 'json',
};

export interface DeclaredTable {
  table: string;
  fields: Fields;
}

/** Adds every declared, stored field that its table lacks. Returns the columns it added. */
export async function syncDeclaredColumns(database: Database, tables: DeclaredTable[]): Promise<string[]> {
  const added: string[] = [];
  const merged = new Map<string, Map<string, FieldKind>>();
  for (const { table, fields } of tables) {
    const columns = merged.get(table) ?? new Map<string, FieldKind>();
    for (const [name, field] of Object.entries(fields)) if (field.isStored) columns.set(name, field.kind);
    merged.set(table, columns);
  }
  for (const [table, columns] of merged) {
    const existing = await existingColumns(database.db, database.dialect, table);
    if (existing.size === 0) throw new Error(`table ${table} is declared by a resource but no migration creates it`);
    for (const [name, kind] of columns) {
      if (existing.has(name)) continue;
      await addColumn(database.db, database.dialect, table, name, KIND_COLUMN[kind]);
      added.push(`${table}.${name}`);
    }
  }
  return added;
}

export async function migrate(database: Database, tables: DeclaredTable[]): Promise<void> {
  // Migrations are independent of one another's order past 0005 (each adds its own tables or columns),
  // so one that a database has not run is run even when later ones have: a database that ran a
  // development branch's migration before the ones merged beside it still upgrades.
  const migrator = new Migrator({
    db: database.db,
    provider: new InCodeMigrations(database.dialect),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await syncDeclaredColumns(database, tables);
}
