/**
 * The benchmark's data set: one site with N invoices (5 lines each), 10,000 clients, 1,000 products,
 * payments, stock movements and the automatic journals, written by bulk SQL straight into the
 * database. Every row looks like what the API itself writes (compare with a create through the API:
 * same columns filled, money as millionths via toStored, journals balanced per document, counters set
 * past the generated numbers so new creates do not collide).
 *
 * SQLite: better-sqlite3 with big transactions and prepared statements, secondary indexes dropped
 * during the load and rebuilt after it. The file is cached under bench/.data/ keyed by size and
 * generator version. PostgreSQL: the same rows copied from that SQLite file with `unnest` batches.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config.js';
import { openMigrated } from '../src/server.js';
import { ensureDefaultSite } from '../src/domain/sites.js';
import { toStored } from '../src/domain/money.js';
import { rebuildListCountsSql } from '../src/db/ddl.js';
import { COUNTED_TABLES } from '../src/db/list-counts.js';
import { rebuildAccountTotalsSql } from '../src/db/account-totals.js';
import { rebuildOpenAmountsSql } from '../src/db/open-amounts.js';
import { rebuildStockSalesTotalsSql, rebuildStockTotalsSql } from '../src/db/stock-totals.js';

/** Bump when the generated rows change, so cached files are rebuilt. */
export const GENERATOR_VERSION = 5;
export const BENCH_KEY = 'bench-key-0123456789abcdef';
export const CLIENT_COUNT = 10_000;
export const PRODUCT_COUNT = 1_000;
export const LINES_PER_INVOICE = 5;
/** First and last day invoices are dated: about three years of trading. */
const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS = 1_096;
/** Opening stock of every product, units: far more than the data set and a run sell. */
const OPENING_UNITS = 10_000_000;
const VAT_PERCENT = 15;

const M = 1_000_000; // money and quantities are stored as millionths
const cents = (c: number) => toStored(BigInt(c) * 10_000n) as number;
const units = (u: number) => toStored(BigInt(u) * 1_000_000n) as number;

/** Small deterministic PRNG (mulberry32), so every generated file is the same. */
import { prng } from '../src/cli/prng.js';

export { prng };

const pad2 = (n: number) => String(n).padStart(2, '0');
function dayText(dayIndex: number): string {
  const d = new Date(FIRST_DAY + dayIndex * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Half away from zero, for non-negative cents × percent / 100. */
const percentCents = (amountCents: number, percent: number) => Math.floor((amountCents * percent + 50) / 100);

const FIRST_NAMES = [
  'Ahmed',
  'Sara',
  'Omar',
  'Layla',
  'Khalid',
  'Noura',
  'Faisal',
  'Huda',
  'Yousef',
  'Reem',
  'Hassan',
  'Mona',
];
const LAST_NAMES = [
  'Al-Harbi',
  'Al-Qahtani',
  'Al-Otaibi',
  'Al-Ghamdi',
  'Al-Zahrani',
  'Al-Shehri',
  'Al-Dosari',
  'Al-Mutairi',
];
const CITIES = ['Riyadh', 'Jeddah', 'Dammam', 'Mecca', 'Medina', 'Khobar', 'Tabuk', 'Abha'];
const WORDS = ['Trading', 'Supplies', 'Contracting', 'Foods', 'Logistics', 'Electronics', 'Pharmacy', 'Textiles'];
const PRODUCT_WORDS = [
  'Pen',
  'Notebook',
  'Cable',
  'Charger',
  'Lamp',
  'Chair',
  'Desk',
  'Printer paper',
  'Toner',
  'Mouse',
  'Keyboard',
  'Bottle',
];
const METHODS = ['cash', 'bank_transfer', 'credit_card'];

export interface GenerateReport {
  file: string;
  invoices: number;
  seconds: number;
  bytes: number;
  rows: Record<string, number>;
  cached: boolean;
}

function fileSize(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) total += fs.statSync(file + suffix).size;
  return total;
}

/** Creates the schema (the server's own migrations) and the default site with its chart of accounts. */
async function createSchema(file: string): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: `sqlite:${file}`,
    DAFTAR_DATA_DIR: path.dirname(file),
    DAFTAR_API_KEY: BENCH_KEY,
  });
  const database = await openMigrated(config);
  try {
    await ensureDefaultSite(database.db, {
      subdomain: config.siteSubdomain,
      businessName: 'Bench Trading Co',
      currency: 'SAR',
      country: 'SA',
      apiKey: BENCH_KEY,
      adminEmail: undefined,
      adminPassword: 'bench-password',
    });
  } finally {
    await database.close();
  }
}

/** Runs pending migrations on an existing file (a cached data set made before a new migration). */
export async function migrateFile(file: string): Promise<void> {
  const config = loadConfig({ DATABASE_URL: `sqlite:${file}`, DAFTAR_DATA_DIR: path.dirname(file) });
  const database = await openMigrated(config);
  await database.close();
}

type Row = unknown[];

class Inserter {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  readonly counts: Record<string, number> = {};
  constructor(private readonly db: SqliteDatabase.Database) {}
  /** One prepared INSERT per table and column list. */
  add(table: string, columns: readonly string[], values: Row): void {
    const key = `${table}:${columns.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(key, statement);
    }
    statement.run(values);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
  }
}

const BULK_TABLES = [
  'clients',
  'products',
  'invoices',
  'invoice_items',
  'invoice_payments',
  'journals',
  'journal_transactions',
  'journal_accounts',
  'stock_transactions',
];

const CLIENT_COLUMNS = [
  'id',
  'site_id',
  'client_number',
  'email',
  'is_offline',
  'staff_id',
  'business_name',
  'first_name',
  'last_name',
  'address1',
  'city',
  'postal_code',
  'phone1',
  'country_code',
  'active_secondary_address',
  'bn1',
  'type',
  'created',
  'modified',
] as const;
const PRODUCT_COLUMNS = [
  'id',
  'site_id',
  'product_code',
  'staff_id',
  'name',
  'unit_price',
  'tax1',
  'buy_price',
  'track_stock',
  'stock_balance',
  'status',
  'type',
  'created',
  'modified',
] as const;
const INVOICE_COLUMNS = [
  'id',
  'site_id',
  'type',
  'no',
  'client_id',
  'date',
  'staff_id',
  'store_id',
  'is_offline',
  'currency_code',
  'client_business_name',
  'client_first_name',
  'client_last_name',
  'client_email',
  'client_address1',
  'client_postal_code',
  'client_city',
  'client_country_code',
  'client_bn1',
  'issue_date',
  'payment_status',
  'draft',
  'currency_rate',
  'summary_subtotal',
  'summary_discount',
  'summary_tax1',
  'summary_tax2',
  'summary_total',
  'summary_paid',
  'summary_unpaid',
  'item_discount_amount',
  'summary_refund',
  'client_active_secondary_address',
  'external_source',
  'created',
  'modified',
] as const;
const ITEM_COLUMNS = [
  'id',
  'site_id',
  'invoice_id',
  'item',
  'unit_price',
  'quantity',
  'tax1',
  'summary_tax1',
  'summary_tax2',
  'subtotal',
  'product_id',
  'discount_type',
  'store_id',
  'calculated_discount',
  'item_subtotal',
  'tax1_percent',
  'created',
  'modified',
] as const;
const PAYMENT_COLUMNS = [
  'id',
  'site_id',
  'invoice_id',
  'payment_method',
  'amount',
  'treasury_id',
  'date',
  'status',
  'currency_code',
  'currency_rate',
  'staff_id',
  'client_id',
  'created',
  'modified',
] as const;
const JOURNAL_COLUMNS = [
  'id',
  'site_id',
  'entity_type',
  'entity_id',
  'date',
  'number',
  'staff_id',
  'is_automatic',
  'description',
  'total_debit',
  'total_credit',
  'currency_code',
  'currency_debit',
  'currency_credit',
  'created',
  'modified',
] as const;
const LINE_COLUMNS = [
  'id',
  'site_id',
  'journal_id',
  'journal_account_id',
  'debit',
  'credit',
  'currency_debit',
  'currency_credit',
  'currency_code',
  'currency_rate',
  'subkey',
  'description',
  'created',
  'modified',
] as const;
const STOCK_COLUMNS = [
  'id',
  'site_id',
  'product_id',
  'store_id',
  'date',
  'source_type',
  'order_id',
  'transaction_type',
  'status',
  'quantity',
  'price',
  'purchase_price',
  'cost_value',
  'currency_code',
  'added_by',
  'created',
  'modified',
] as const;
const ACCOUNT_COLUMNS = [
  'id',
  'site_id',
  'name',
  'code',
  'entity_type',
  'entity_id',
  'journal_cat_id',
  'type',
  'staff_id',
  'parent_cat_ids',
  'disabled',
  'created',
  'modified',
] as const;

/** Fills the site: everything below is what the API would have written for the same history. */
function fill(db: SqliteDatabase.Database, invoiceCount: number): Record<string, number> {
  const random = prng(20_240_101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out = new Inserter(db);
  const siteId = 1;
  const stamp = '2022-12-31 09:00:00';
  const one = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Record<string, any>;

  // Reference rows the first requests would have made: one tax, one store, one treasury (seeded).
  db.prepare(
    `insert into taxes (site_id, name, tax_id, value, included, created, modified) values (1, 'VAT', null, ?, 0, ?, ?)`,
  ).run(units(VAT_PERCENT), stamp, stamp);
  const taxId = Number(one('select max(id) as id from taxes').id);
  db.prepare('update taxes set tax_id = id where id = ?').run(taxId);
  const storeId = Number(one('select id from stores where site_id = 1 order by "primary" desc, id limit 1').id);
  const treasuryId = Number(one('select id from treasuries where site_id = 1 order by is_primary desc, id limit 1').id);
  const storeName = String(one('select name from stores where id = ?', storeId).name);
  const treasuryName = String(one('select name from treasuries where id = ?', treasuryId).name);
  const systemAccount = (key: string) =>
    Number(one('select id from journal_accounts where site_id = 1 and system_key = ?', key).id);
  const salesAccount = systemAccount('sales');
  const cogsAccount = systemAccount('cost_of_sales');

  // Accounts opened on first use (books.ts entityAccount): tax, store inventory, treasury, one per client.
  let accountId = Number(one('select max(id) as id from journal_accounts').id);
  const folder = (entityType: string) =>
    one(
      'select id, type, code, parent_cat_ids from journal_cats where site_id = 1 and entity_type = ? order by id limit 1',
      entityType,
    );
  const openAccount = (entityType: string, entityId: number, name: string): number => {
    const cat = folder(entityType);
    accountId += 1;
    out.add('journal_accounts', ACCOUNT_COLUMNS, [
      accountId,
      siteId,
      name,
      `${cat.code}-${entityId}`,
      entityType,
      entityId,
      cat.id,
      cat.type,
      0,
      [cat.parent_cat_ids, String(cat.id)].filter(Boolean).join(','),
      0,
      stamp,
      stamp,
    ]);
    return accountId;
  };
  const taxAccount = openAccount('income_tax', taxId, 'Output VAT');
  const inventoryAccount = openAccount('store', storeId, `Inventory ${storeName}`);
  const treasuryAccount = openAccount('treasury', treasuryId, treasuryName);

  // Clients.
  interface Client {
    name: string;
    first: string;
    last: string;
    email: string;
    address: string;
    postal: string;
    city: string;
    bn1: string;
    account: number;
  }
  const clients: Client[] = [];
  for (let id = 1; id <= CLIENT_COUNT; id += 1) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const client: Client = {
      name: `${last.replace('Al-', '')} ${pick(WORDS)} ${id}`,
      first,
      last,
      email: `ap${id}@client${id}.example`,
      address: `${1 + Math.floor(random() * 9000)} King Fahd Road`,
      postal: String(10_000 + Math.floor(random() * 89_999)),
      city: pick(CITIES),
      bn1: `3${String(id).padStart(9, '0')}00003`,
      account: 0,
    };
    out.add('clients', CLIENT_COLUMNS, [
      id,
      siteId,
      String(id).padStart(6, '0'),
      client.email,
      0,
      0,
      client.name,
      first,
      last,
      client.address,
      client.city,
      client.postal,
      `+9665${String(10_000_000 + id)}`,
      'SA',
      0,
      client.bn1,
      3,
      stamp,
      stamp,
    ]);
    clients.push(client);
  }
  for (let id = 1; id <= CLIENT_COUNT; id += 1)
    clients[id - 1]!.account = openAccount('client', id, clients[id - 1]!.name);

  // Products, each with an opening stock movement.
  let stockId = 0;
  interface Product {
    name: string;
    price: number;
    buy: number;
    sold: number;
  }
  const products: Product[] = [];
  for (let id = 1; id <= PRODUCT_COUNT; id += 1) {
    const price = 100 + Math.floor(random() * 49_900); // cents: 1.00 .. 500.00
    products.push({ name: `${pick(PRODUCT_WORDS)} ${id}`, price, buy: Math.round(price * 0.6), sold: 0 });
    stockId += 1;
    const buy = Math.round(price * 0.6);
    out.add('stock_transactions', STOCK_COLUMNS, [
      stockId,
      siteId,
      id,
      storeId,
      '2022-12-31',
      1,
      null,
      1,
      4,
      units(OPENING_UNITS),
      cents(buy),
      cents(buy),
      cents(OPENING_UNITS * buy),
      'SAR',
      0,
      stamp,
      stamp,
    ]);
  }

  // Invoices: dated in id order over three years, 5 lines of distinct products, 15% VAT.
  let itemId = 0;
  let paymentId = 0;
  let journalId = 0;
  let lineId = 0;
  const journal = (
    entityType: string,
    entityId: number,
    date: string,
    description: string,
    total: number,
    created: string,
    lines: Array<[number, number, number, string | null]>,
  ) => {
    journalId += 1;
    out.add('journals', JOURNAL_COLUMNS, [
      journalId,
      siteId,
      entityType,
      entityId,
      date,
      `${entityType}-${entityId}`,
      0,
      1,
      description,
      total,
      total,
      'SAR',
      total,
      total,
      created,
      created,
    ]);
    for (const [account, debit, credit, subkey] of lines) {
      lineId += 1;
      out.add('journal_transactions', LINE_COLUMNS, [
        lineId,
        siteId,
        journalId,
        account,
        debit,
        credit,
        debit,
        credit,
        'SAR',
        M,
        subkey,
        description,
        created,
        created,
      ]);
    }
  };
  const lineProducts = new Set<number>();
  for (let id = 1; id <= invoiceCount; id += 1) {
    const date = dayText(Math.floor(((id - 1) * DAYS) / invoiceCount));
    const created = `${date} ${pad2(8 + Math.floor(random() * 10))}:${pad2(Math.floor(random() * 60))}:${pad2(Math.floor(random() * 60))}`;
    const clientId = 1 + Math.floor(random() * CLIENT_COUNT);
    const client = clients[clientId - 1]!;
    const no = String(id).padStart(6, '0');
    lineProducts.clear();
    while (lineProducts.size < LINES_PER_INVOICE) lineProducts.add(1 + Math.floor(random() * PRODUCT_COUNT));
    let subtotal = 0;
    let tax = 0;
    let cost = 0;
    const items: Row[] = [];
    for (const productId of lineProducts) {
      const product = products[productId - 1]!;
      const quantity = 1 + Math.floor(random() * 5);
      const gross = quantity * product.price;
      const lineTax = percentCents(gross, VAT_PERCENT);
      subtotal += gross;
      tax += lineTax;
      cost += quantity * product.buy;
      product.sold += quantity;
      itemId += 1;
      items.push([
        itemId,
        siteId,
        id,
        product.name,
        cents(product.price),
        units(quantity),
        taxId,
        cents(lineTax),
        0,
        cents(gross),
        productId,
        1,
        storeId,
        0,
        cents(gross + lineTax),
        units(VAT_PERCENT),
        created,
        created,
      ]);
      stockId += 1;
      // Every receipt was at the buy price, so the moving average is the buy price.
      out.add('stock_transactions', STOCK_COLUMNS, [
        stockId,
        siteId,
        productId,
        storeId,
        date,
        2,
        id,
        2,
        4,
        units(quantity),
        cents(product.price),
        cents(product.buy),
        cents(quantity * product.buy),
        'SAR',
        0,
        created,
        created,
      ]);
    }
    const total = subtotal + tax;
    // 60% paid in full, 15% in part, the rest open.
    const roll = random();
    const paid = roll < 0.6 ? total : roll < 0.75 ? Math.round(total * 0.4) : 0;
    const status = paid === 0 ? 0 : paid === total ? 2 : 1;
    out.add('invoices', INVOICE_COLUMNS, [
      id,
      siteId,
      0,
      no,
      clientId,
      date,
      0,
      storeId,
      0,
      'SAR',
      client.name,
      client.first,
      client.last,
      client.email,
      client.address,
      client.postal,
      client.city,
      'SA',
      client.bn1,
      date,
      status,
      0,
      units(1),
      cents(subtotal),
      0,
      cents(tax),
      0,
      cents(total),
      cents(paid),
      cents(total - paid),
      0,
      0,
      0,
      'api',
      created,
      created,
    ]);
    for (const item of items) out.add('invoice_items', ITEM_COLUMNS, item);
    journal('invoice', id, date, `invoice #${no}`, cents(total), created, [
      [client.account, cents(total), 0, 'client'],
      [salesAccount, 0, cents(subtotal), null],
      [taxAccount, 0, cents(tax), 'income_tax'],
    ]);
    journal('invoice_sales_cost', id, date, `cost of sales, invoice #${no}`, cents(cost), created, [
      [cogsAccount, cents(cost), 0, null],
      [inventoryAccount, 0, cents(cost), 'store'],
    ]);
    if (paid > 0) {
      paymentId += 1;
      const method = pick(METHODS);
      const when = `${date} 16:${pad2(Math.floor(random() * 60))}:00`;
      out.add('invoice_payments', PAYMENT_COLUMNS, [
        paymentId,
        siteId,
        id,
        method,
        cents(paid),
        treasuryId,
        when,
        1,
        'SAR',
        units(1),
        0,
        clientId,
        when,
        when,
      ]);
      journal('invoice_payment', paymentId, date, `payment #${paymentId} (${method})`, cents(paid), when, [
        [treasuryAccount, cents(paid), 0, 'treasury'],
        [client.account, 0, cents(paid), 'client'],
      ]);
    }
  }

  // Products: the stock balance is the cached Σ of their movements (stock.ts).
  for (let id = 1; id <= PRODUCT_COUNT; id += 1) {
    const product = products[id - 1]!;
    out.add('products', PRODUCT_COLUMNS, [
      id,
      siteId,
      `P-${String(id).padStart(4, '0')}`,
      0,
      product.name,
      cents(product.price),
      taxId,
      cents(product.buy),
      1,
      units(OPENING_UNITS - product.sold),
      0,
      1,
      stamp,
      stamp,
    ]);
  }

  // Stock positions (stock.ts keeps them with every movement): the Σ of each product's movements.
  db.exec(`insert into stock_positions (site_id, product_id, store_id, quantity, value)
    select site_id, product_id, store_id, sum(case when transaction_type = 2 then -quantity else quantity end),
      sum(case when transaction_type = 2 then -cost_value else cost_value end)
    from stock_transactions group by site_id, product_id, store_id`);

  // Numbering continues after the generated numbers (numbering.ts bumps these rows).
  const counter = db.prepare(
    'insert into counters (site_id, key, value) values (1, ?, ?) on conflict (site_id, key) do update set value = excluded.value',
  );
  counter.run('invoice', invoiceCount);
  counter.run('client', CLIENT_COUNT);
  return out.counts;
}

/** The path of the cached SQLite data set of this size (bench/.data/, gitignored). */
export function cachedFile(dataDir: string, invoiceCount: number): string {
  return path.join(dataDir, `sqlite-${invoiceCount}-v${GENERATOR_VERSION}.sqlite`);
}

/** Builds (or reuses) the cached SQLite data set; pending migrations are applied to a cached file. */
export async function ensureSqliteDataset(
  dataDir: string,
  invoiceCount: number,
  log: (line: string) => void,
): Promise<GenerateReport> {
  const file = cachedFile(dataDir, invoiceCount);
  if (fs.existsSync(file)) {
    try {
      await migrateFile(file);
    } catch (error) {
      // A file migrated by another branch's migrations (an order Kysely refuses): build it again.
      log(`cached data set unusable (${error instanceof Error ? error.message : String(error)}): rebuilding`);
      for (const suffix of ['', '-wal', '-shm', '.json']) fs.rmSync(file + suffix, { force: true });
      return ensureSqliteDataset(dataDir, invoiceCount, log);
    }
    const db = new SqliteDatabase(file, { readonly: true });
    const rows: Record<string, number> = {};
    for (const table of BULK_TABLES)
      rows[table] = Number((db.prepare(`select max(id) as n from "${table}"`).get() as { n: number }).n);
    db.close();
    const meta = path.join(dataDir, `${path.basename(file)}.json`);
    const seconds = fs.existsSync(meta) ? Number(JSON.parse(fs.readFileSync(meta, 'utf8')).seconds) : NaN;
    return { file, invoices: invoiceCount, seconds, bytes: fileSize(file), rows, cached: true };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(building + suffix, { force: true });
  const started = performance.now();
  log(`generating ${invoiceCount.toLocaleString('en')} invoices into ${path.relative(process.cwd(), file)} ...`);
  await createSchema(building);
  const db = new SqliteDatabase(building);
  // The schema was made by the server in WAL mode; leave WAL first, or the load goes through the WAL.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  // Secondary indexes are rebuilt once after the load: much faster than maintaining them row by row.
  const indexes = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${BULK_TABLES.map(() => '?').join(',')})`,
    )
    .all(...BULK_TABLES) as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`drop index "${index.name}"`);
  // So are the row counts and account totals that triggers keep (migrations 0005, 0020): counted once after the load.
  const triggers = db
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger' and tbl_name in (${BULK_TABLES.map(() => '?').join(',')})`,
    )
    .all(...BULK_TABLES) as Array<{ name: string; sql: string }>;
  for (const trigger of triggers) db.exec(`drop trigger "${trigger.name}"`);
  const rows = db.transaction(() => fill(db, invoiceCount))();
  log(
    `  rows written in ${((performance.now() - started) / 1000).toFixed(1)} s; building ${indexes.length} indexes ...`,
  );
  for (const index of indexes) db.exec(index.sql);
  for (const trigger of triggers) db.exec(trigger.sql);
  const counts =
    db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'list_counts'`).get() !== undefined;
  if (counts)
    for (const counted of COUNTED_TABLES) for (const statement of rebuildListCountsSql(counted)) db.exec(statement);
  // And the account month totals (migration 0020), summed once from the journal lines.
  const totals =
    db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'account_month_totals'`).get() !==
    undefined;
  if (totals) for (const statement of rebuildAccountTotalsSql()) db.exec(statement);
  // And the open amounts per due day (migration 0023), summed once from the invoices. A data set
  // cached before that migration gets them from the migration itself when it is next opened.
  const open =
    db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'open_amounts'`).get() !== undefined;
  if (open) for (const statement of rebuildOpenAmountsSql('sqlite')) db.exec(statement);
  // And the stock totals per month and day (migration 0025), likewise.
  const stock =
    db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'stock_month_totals'`).get() !== undefined;
  if (stock) for (const statement of rebuildStockTotalsSql()) db.exec(statement);
  // And the sales per product and month (migration 0028).
  const sales =
    db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'stock_sales_month_totals'`).get() !==
    undefined;
  if (sales) for (const statement of rebuildStockSalesTotalsSql()) db.exec(statement);
  const check = db.prepare('select sum(debit) as d, sum(credit) as c from journal_transactions').get() as {
    d: number;
    c: number;
  };
  if (check.d !== check.c) throw new Error(`generated books do not balance: ${check.d} ≠ ${check.c}`);
  // Planner statistics taken on the empty schema would say every table is empty: drop them, and let
  // the server's own upkeep (refreshStatistics, on open) take them as it does for any database.
  db.exec('drop table if exists sqlite_stat1');
  db.exec('drop table if exists sqlite_stat4');
  db.pragma('journal_mode = DELETE');
  db.close();
  await migrateFile(building);
  fs.renameSync(building, file);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(building + suffix, { force: true });
  const seconds = (performance.now() - started) / 1000;
  fs.writeFileSync(path.join(dataDir, `${path.basename(file)}.json`), JSON.stringify({ seconds, rows }, null, 2));
  return { file, invoices: invoiceCount, seconds, bytes: fileSize(file), rows, cached: false };
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL: the same rows, copied from the SQLite file with COPY.

export interface PostgresReport {
  seconds: number;
  bytes: number;
}

/**
 * One row as a line of COPY's text format, made by SQLite itself (tab-separated, \\N for null,
 * backslash, newline, carriage return and tab escaped in text columns): several times faster than
 * formatting the values in JavaScript.
 */
function copyLineSql(columns: string[], textColumns: Set<string>): string {
  const value = (column: string) => {
    const ref = `"${column}"`;
    if (!textColumns.has(column)) return `coalesce(${ref}, '\\N')`;
    const escaped = `replace(replace(replace(replace(${ref}, '\\', '\\\\'), char(10), '\\n'), char(13), '\\r'), char(9), '\\t')`;
    return `coalesce(${escaped}, '\\N')`;
  };
  return columns.map(value).join(` || char(9) || `);
}

async function copyTable(
  client: pg.Client,
  source: SqliteDatabase.Database,
  table: string,
  columns: string[],
  textColumns: Set<string>,
): Promise<number> {
  const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const select = source.prepare(`select ${copyLineSql(columns, textColumns)} from "${table}" order by id`).pluck(true);
  let chunk = '';
  let count = 0;
  for (const line of select.iterate() as Iterable<string>) {
    chunk += `${line}\n`;
    count += 1;
    if (chunk.length > 1_000_000) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
  return count;
}

/** Copies one table: indexes and the primary key are dropped for the copy and built once after it. */
async function loadTable(
  client: pg.Client,
  source: SqliteDatabase.Database,
  table: string,
  log: (line: string) => void,
): Promise<void> {
  const types = new Map(
    (
      await client.query<{ column_name: string; data_type: string }>(
        'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [table],
      )
    ).rows.map((r) => [r.column_name, r.data_type]),
  );
  if (types.size === 0) return;
  const textColumns = new Set([...types].filter(([, type]) => type === 'text').map(([name]) => name));
  const columns = (source.prepare('select name from pragma_table_info(?)').all(table) as Array<{ name: string }>)
    .map((c) => c.name)
    .filter((c) => types.has(c));
  const indexes = (
    await client.query<{ indexname: string; indexdef: string }>(
      `select i.indexname, i.indexdef from pg_indexes i where i.schemaname = current_schema() and i.tablename = $1
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      [table],
    )
  ).rows;
  const keys = (
    await client.query<{ conname: string; definition: string }>(
      `select conname, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = $1::regclass and contype = 'p'`,
      [`"${table}"`],
    )
  ).rows;
  await client.query(`truncate "${table}"`);
  for (const index of indexes) await client.query(`drop index "${index.indexname}"`);
  for (const key of keys) await client.query(`alter table "${table}" drop constraint "${key.conname}"`);
  const started = performance.now();
  const count = await copyTable(client, source, table, columns, textColumns);
  const copied = performance.now();
  for (const key of keys)
    await client.query(`alter table "${table}" add constraint "${key.conname}" ${key.definition}`);
  for (const index of indexes) await client.query(index.indexdef);
  await client.query(
    `select setval(pg_get_serial_sequence('"${table}"', 'id'), greatest((select max(id) from "${table}"), 1))`,
  );
  // VACUUM as autovacuum would on a live database: without the visibility map and hint bits set, an
  // index-only scan (a product's stock sum) fetches every row from the heap: 289 ms instead of 0.2 ms.
  await client.query(`vacuum (analyze) "${table}"`);
  if (count > 100_000) {
    log(
      `  postgres: ${table} ${count.toLocaleString('en')} rows (copy ${((copied - started) / 1000).toFixed(1)} s, keys, indexes and statistics ${((performance.now() - copied) / 1000).toFixed(1)} s)`,
    );
  }
}

/**
 * Creates the schema with the server's migrations, then copies every table of the SQLite data set,
 * two tables at a time (one connection each) so both cores work.
 */
export async function loadPostgres(
  url: string,
  sqliteFile: string,
  log: (line: string) => void,
): Promise<PostgresReport> {
  const started = performance.now();
  const config = loadConfig({ DATABASE_URL: url, DAFTAR_DATA_DIR: path.dirname(sqliteFile) });
  const database = await openMigrated(config);
  await database.close();
  const source = new SqliteDatabase(sqliteFile, { readonly: true });
  const tables = (
    source
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`,
      )
      .all() as Array<{ name: string }>
  )
    .map((t) => t.name)
    .map((name) => ({
      name,
      rows: Number((source.prepare(`select max(id) as n from "${name}"`).get() as { n: number | null }).n ?? 0),
    }))
    .sort((a, b) => b.rows - a.rows);
  const queue = tables.map((t) => t.name);
  const worker = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('set synchronous_commit = off');
      await client.query("set maintenance_work_mem = '256MB'");
      // The copied tables include the trigger-kept row counts: triggers stay off while rows go in.
      await client.query('set session_replication_role = replica');
      for (let table = queue.shift(); table !== undefined; table = queue.shift())
        await loadTable(client, source, table, log);
    } finally {
      await client.end();
    }
  };
  try {
    await Promise.all([worker(), worker()]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const size = await client.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
    await client.end();
    return { seconds: (performance.now() - started) / 1000, bytes: Number(size.rows[0]!.bytes) };
  } finally {
    source.close();
  }
}
