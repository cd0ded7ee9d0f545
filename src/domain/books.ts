/**
 * Automatic double entry. Each document has a posting rule (document → balanced journal lines); its
 * automatic journal is replaced whenever the document is written and removed with it, inside the
 * document's transaction. A journal that does not balance to the last minor unit is a bug: it throws.
 *
 * Accounts: system accounts are found by `system_key` (chart.ts); accounts per client, treasury and
 * tax are opened on first use under the folder whose `entity_type` matches (Daftra's subkeys).
 */
import {
  type Dec,
  ONE,
  OUT_OF_RANGE,
  ZERO,
  abs,
  currencyDecimals,
  div,
  formatDec,
  inRange,
  mulTo,
  sum,
  toStored,
} from './money.js';
import { DEFAULT_ACCOUNTS, DEFAULT_CATS } from './chart.js';
import { fieldError } from './errors.js';
import type { Role, RuleLine } from './posting/roles.js';
import type { Context } from './context.js';
import { insertReturningId, insertWithChildrenLater } from '../db/insert.js';
import { readTogether } from '../db/trips.js';
import { markTouched, nothingStoredUnder } from '../db/write-ledger.js';
import { scoped } from '../db/scoped.js';

export interface PostingLine {
  accountId: number;
  debit: Dec;
  credit: Dec;
  subkey?: string;
  description?: string;
  /** Amounts already in the site currency (stock at cost); otherwise in the document's currency. */
  site?: boolean;
}

export interface Posting {
  entityType: string;
  entityId: number;
  date: string;
  description: string;
  currencyCode: string;
  /** Site-currency units per one unit of the document currency; 1 when they are the same. */
  rate?: Dec;
  lines: PostingLine[];
}

/**
 * Account ids found during one request's transaction, so a document with many lines looks each account
 * up once. Keyed by the context object, which lives exactly as long as its transaction (a rolled-back
 * account can never be served from here to another request).
 */
const accountCache = new WeakMap<Context, Map<string, number>>();

async function cachedAccount(context: Context, key: string, find: () => Promise<number>): Promise<number> {
  let cache = accountCache.get(context);
  if (!cache) {
    cache = new Map();
    accountCache.set(context, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const id = await find();
  cache.set(key, id);
  return id;
}

/**
 * The first time a write asks for a system account, all of the site's system accounts are read in one
 * query (a document's journals use two to four of them): each later one is found in the cache.
 */
async function preloadSystemAccounts(context: Context): Promise<Map<string, number>> {
  let cache = accountCache.get(context);
  if (!cache) {
    cache = new Map();
    accountCache.set(context, cache);
  }
  if (!cache.has('system:*')) fillSystemAccounts(cache, await systemAccountsQuery(context).execute());
  return cache;
}

function systemAccountsQuery(context: Context) {
  return scoped(context, 'journal_accounts')
    .selectFrom()
    .select(['id', 'system_key'])
    .where('system_key', 'is not', null)
    .orderBy('id');
}

function fillSystemAccounts(cache: Map<string, number>, rows: ReadonlyArray<Record<string, unknown>>): void {
  cache.set('system:*', 0);
  for (const row of rows) {
    const key = `system:${String(row['system_key'])}`;
    if (!cache.has(key)) cache.set(key, Number(row['id']));
  }
}

/** An account the posting rules use, by `system_key`; one missing from an older chart is opened. */
export async function systemAccount(context: Context, key: string): Promise<number> {
  await preloadSystemAccounts(context);
  return cachedAccount(context, `system:${key}`, async () => {
    const row = await scoped(context, 'journal_accounts')
      .selectFrom()
      .select('id')
      .where('system_key', '=', key)
      .executeTakeFirst();
    if (row) return Number(row['id']);
    const seed = DEFAULT_ACCOUNTS.find((account) => account.key === key);
    if (!seed) throw new Error(`no posting rule uses a system account named ${key}`);
    const folder = await systemCat(context, seed.cat);
    const inserted = await context.db
      .insertInto('journal_accounts')
      .values({
        site_id: context.siteId,
        code: seed.code,
        name: seed.name,
        type: seed.type,
        journal_cat_id: folder['id'],
        parent_cat_ids: [folder['parent_cat_ids'], String(folder['id'])].filter(Boolean).join(','),
        system_key: key,
        disabled: 0,
        staff_id: 0,
        created: context.now,
        modified: context.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(inserted['id']);
  });
}

type CatRow = { id: unknown; type: unknown; code: unknown; parent_cat_ids: unknown };

/**
 * A folder of the default chart by `system_key`. The folders the rules post under cannot be deleted
 * (journals.ts), but a chart from before that, or one edited in the database, may lack one: it is
 * opened again, with its parents, as the default chart has it, so a posting never fails for it.
 */
async function systemCat(context: Context, key: string): Promise<CatRow> {
  const found = await scoped(context, 'journal_cats')
    .selectFrom()
    .select(['id', 'type', 'code', 'parent_cat_ids'])
    .where('system_key', '=', key)
    .orderBy('id')
    .executeTakeFirst();
  if (found) return found as CatRow;
  const seed = DEFAULT_CATS.find((cat) => cat.key === key);
  if (!seed) throw new Error(`the default chart has no folder named ${key}`);
  const parent = seed.parent ? await systemCat(context, seed.parent) : null;
  const path = parent ? [String(parent.parent_cat_ids ?? ''), String(parent.id)].filter(Boolean).join(',') : '';
  const id = await insertReturningId(context.db, context.dialect, 'journal_cats', {
    site_id: context.siteId,
    code: seed.code,
    name: seed.name,
    type: seed.type,
    journal_cat_id: parent ? Number(parent.id) : null,
    parent_cat_ids: path,
    entity_type: seed.entityType ?? null,
    system_key: seed.key,
    disabled: 0,
    staff_id: 0,
    created: context.now,
    modified: context.now,
  });
  return { id, type: seed.type, code: seed.code, parent_cat_ids: path };
}

/** A record's name for an account title: the named columns joined, or `#id`. */
export async function recordName(context: Context, table: string, id: number, columns: string[]): Promise<string> {
  const row = await scoped(context, table).selectFrom().select(columns).where('id', '=', id).executeTakeFirst();
  return (
    columns
      .map((c) => row?.[c])
      .filter(Boolean)
      .join(' ') || `#${id}`
  );
}

/**
 * The account of one client, treasury, tax, supplier or store, opened under its folder on first use
 * (named by `name`, asked only then).
 */
export async function entityAccount(
  context: Context,
  entityType: string,
  entityId: number,
  name: () => Promise<string>,
): Promise<number> {
  return cachedAccount(context, `${entityType}:${entityId}`, () =>
    openEntityAccount(context, entityType, entityId, name),
  );
}

async function openEntityAccount(
  context: Context,
  entityType: string,
  entityId: number,
  name: () => Promise<string>,
): Promise<number> {
  const existing = await scoped(context, 'journal_accounts')
    .selectFrom()
    .select('id')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  if (existing) return Number(existing['id']);
  let folder: CatRow | undefined = (await scoped(context, 'journal_cats')
    .selectFrom()
    .select(['id', 'type', 'code', 'parent_cat_ids'])
    .where('entity_type', '=', entityType)
    .orderBy('id')
    .executeTakeFirst()) as CatRow | undefined;
  if (!folder) {
    const seed = DEFAULT_CATS.find((cat) => cat.entityType === entityType);
    if (!seed) throw new Error(`no folder of the default chart holds ${entityType} accounts`);
    folder = await systemCat(context, seed.key);
  }
  const inserted = await context.db
    .insertInto('journal_accounts')
    .values({
      site_id: context.siteId,
      journal_cat_id: folder['id'],
      code: `${folder['code']}-${entityId}`,
      name: await name(),
      type: folder['type'],
      entity_type: entityType,
      entity_id: entityId,
      disabled: 0,
      staff_id: 0,
      parent_cat_ids: [folder['parent_cat_ids'], String(folder['id'])].filter(Boolean).join(','),
      created: context.now,
      modified: context.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted['id']);
}

export async function clientAccount(context: Context, clientId: number): Promise<number> {
  return entityAccount(context, 'client', clientId, () => recordName(context, 'clients', clientId, ['business_name']));
}

export async function supplierAccount(context: Context, supplierId: number): Promise<number> {
  return entityAccount(context, 'supplier', supplierId, () =>
    recordName(context, 'suppliers', supplierId, ['business_name']),
  );
}

export async function treasuryAccount(context: Context, treasuryId: number): Promise<number> {
  return entityAccount(context, 'treasury', treasuryId, () => recordName(context, 'treasuries', treasuryId, ['name']));
}

/** Output tax (collected on sales and incomes) and input tax (paid on purchases and expenses), per tax. */
export async function taxAccount(
  context: Context,
  taxId: number,
  side: 'output' | 'input' = 'output',
): Promise<number> {
  const name = async () =>
    `${side === 'output' ? 'Output' : 'Input'} ${await recordName(context, 'taxes', taxId, ['name'])}`;
  return entityAccount(context, side === 'output' ? 'income_tax' : 'outcome_tax', taxId, name);
}

export async function inventoryAccount(context: Context, storeId: number): Promise<number> {
  return entityAccount(
    context,
    'store',
    storeId,
    async () => `Inventory ${await recordName(context, 'stores', storeId, ['name'])}`,
  );
}

/** A role of a posting rule (posting/roles.ts) as the account it names here, and the `subkey` its lines carry. */
export async function accountOf(context: Context, role: Role): Promise<{ accountId: number; subkey?: string }> {
  const colon = role.indexOf(':');
  if (colon < 0) return { accountId: await systemAccount(context, role) };
  const id = Number(role.slice(colon + 1));
  switch (role.slice(0, colon)) {
    case 'client':
      return { accountId: await clientAccount(context, id), subkey: 'client' };
    case 'supplier':
      return { accountId: await supplierAccount(context, id), subkey: 'supplier' };
    case 'treasury':
      return { accountId: await treasuryAccount(context, id), subkey: 'treasury' };
    case 'output_tax':
      return { accountId: await taxAccount(context, id, 'output'), subkey: 'income_tax' };
    case 'input_tax':
      return { accountId: await taxAccount(context, id, 'input'), subkey: 'outcome_tax' };
    case 'inventory':
      return { accountId: await inventoryAccount(context, id), subkey: 'store' };
    case 'account':
      return { accountId: id };
    default:
      throw new Error(`no account plays the role ${role}`);
  }
}

/** A journal as a posting rule makes it: lines on roles. */
export interface RolePosting extends Omit<Posting, 'lines'> {
  lines: readonly RuleLine[];
}

/**
 * The order roles are resolved in, so accounts opened on first use get their ids in one predictable
 * order whatever order a rule lists its lines in: system accounts, then taxes, then stores, then the
 * parties (clients, suppliers, treasuries) and named accounts.
 */
function resolutionRank(role: Role): number {
  if (!role.includes(':')) return 0;
  if (role.startsWith('output_tax:') || role.startsWith('input_tax:')) return 1;
  if (role.startsWith('inventory:')) return 2;
  return 3;
}

/** The `entity_type` of a role's account (accountOf), for the roles whose account belongs to a record. */
const ENTITY_OF_ROLE: Record<string, string> = {
  client: 'client',
  supplier: 'supplier',
  treasury: 'treasury',
  output_tax: 'income_tax',
  input_tax: 'outcome_tax',
  inventory: 'store',
};

/**
 * Reads, in one round trip, what resolving `roles` would otherwise read one at a time: the site's
 * system accounts (the first time in a write) and the existing accounts of the records the roles name,
 * into the write's cache. An entity with no account (opened on first use) or, unexpectedly, with more
 * than one is left to `entityAccount`, which looks it up as before.
 */
async function preloadAccounts(context: Context, roles: readonly Role[]): Promise<void> {
  const cache = accountCache.get(context) ?? new Map<string, number>();
  accountCache.set(context, cache);
  const entities: Array<[string, number]> = [];
  for (const role of roles) {
    const colon = role.indexOf(':');
    if (colon < 0) continue;
    const type = ENTITY_OF_ROLE[role.slice(0, colon)];
    const id = Number(role.slice(colon + 1));
    if (type === undefined || !Number.isSafeInteger(id) || cache.has(`${type}:${id}`)) continue;
    entities.push([type, id]);
  }
  const systemWanted = !cache.has('system:*') && roles.some((role) => !role.includes(':'));
  if (entities.length === 0) {
    if (systemWanted) await preloadSystemAccounts(context);
    return;
  }
  const entityQuery = scoped(context, 'journal_accounts')
    .selectFrom()
    .select(['id', 'entity_type', 'entity_id'])
    .where((eb) =>
      eb.or(entities.map(([type, id]) => eb.and([eb('entity_type', '=', type), eb('entity_id', '=', id)]))),
    );
  let rows: Array<Record<string, unknown>>;
  if (systemWanted) {
    const [system, found] = await readTogether(context.db, context.dialect, [
      systemAccountsQuery(context),
      entityQuery,
    ]);
    fillSystemAccounts(cache, system!);
    rows = found!;
  } else {
    rows = await entityQuery.execute();
  }
  const seen = new Map<string, number | null>();
  for (const row of rows) {
    const key = `${String(row['entity_type'])}:${Number(row['entity_id'])}`;
    seen.set(key, seen.has(key) ? null : Number(row['id']));
  }
  for (const [key, id] of seen) if (id !== null) cache.set(key, id);
}

/**
 * Stores the journal of a posting rule: each role resolved to its account (opened on first use),
 * then as `replaceJournal`.
 */
export async function postJournal(context: Context, posting: RolePosting): Promise<void> {
  const roles = [...new Set(posting.lines.map((line) => line.role))];
  await preloadAccounts(context, roles);
  const accounts = new Map<Role, { accountId: number; subkey?: string }>();
  for (const role of roles.sort((a, b) => resolutionRank(a) - resolutionRank(b)))
    accounts.set(role, await accountOf(context, role));
  const lines: PostingLine[] = [];
  for (const line of posting.lines) {
    const found = accounts.get(line.role);
    if (!found) throw new Error(`role ${line.role} was not resolved`);
    const { accountId, subkey } = found;
    lines.push({
      accountId,
      debit: line.debit,
      credit: line.credit,
      ...(subkey !== undefined ? { subkey } : {}),
      ...(line.site ? { site: true } : {}),
      ...(line.description !== undefined ? { description: line.description } : {}),
    });
  }
  await replaceJournal(context, { ...posting, lines });
}

/** Merges lines on the same account and side, and drops zero lines. */
function compact(lines: PostingLine[]): PostingLine[] {
  const merged = new Map<string, PostingLine>();
  for (const line of lines) {
    if (line.debit < ZERO || line.credit < ZERO) {
      // A negative amount is the other side: a negative discount, an adjustment below zero.
      lines.push({
        ...line,
        debit: line.credit < ZERO ? -line.credit : ZERO,
        credit: line.debit < ZERO ? -line.debit : ZERO,
      });
      continue;
    }
    const key = `${line.accountId}:${line.debit > ZERO ? 'd' : 'c'}:${line.subkey ?? ''}:${line.site ? 's' : ''}`;
    const found = merged.get(key);
    if (found) {
      found.debit += line.debit;
      found.credit += line.credit;
    } else if (line.debit > ZERO || line.credit > ZERO) merged.set(key, { ...line });
  }
  return [...merged.values()];
}

/**
 * The table of the record an automatic journal's entity_type names, where it is known: a journal of a
 * record created by this very write cannot exist yet unless this write posted it (db/write-ledger.ts).
 */
const ENTITY_TABLE: Record<string, string> = {
  invoice: 'invoices',
  credit_note: 'invoices',
  refund_receipt: 'invoices',
  invoice_sales_cost: 'invoices',
  credit_note_sales_cost: 'invoices',
  refund_receipt_sales_cost: 'invoices',
  invoice_payment: 'invoice_payments',
};

export async function removeJournal(context: Context, entityType: string, entityId: number): Promise<void> {
  if (nothingStoredUnder(context, ENTITY_TABLE[entityType], entityId, `journal:${entityType}:${entityId}`)) return;
  const journals = await scoped(context, 'journals')
    .selectFrom()
    .select('id')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('is_automatic', '=', 1)
    .execute();
  if (journals.length === 0) return;
  const ids = journals.map((row) => Number(row['id']));
  await scoped(context, 'journal_transactions').deleteFrom().where('journal_id', 'in', ids).execute();
  await scoped(context, 'journals').deleteFrom().where('id', 'in', ids).execute();
}

interface ConvertedLine extends PostingLine {
  currencyDebit: Dec;
  currencyCredit: Dec;
}

/**
 * Lines in the site currency: document-currency amounts × rate, each rounded to the site's minor unit.
 * What per-line rounding leaves over (at most a minor unit a line) goes to the rounding account; any
 * larger difference is a bug in a posting rule and throws.
 */
async function toSiteCurrency(context: Context, posting: Posting, lines: PostingLine[]): Promise<ConvertedLine[]> {
  const rate = posting.rate ?? ONE;
  const places = currencyDecimals(context.site.currency_code);
  const converted: ConvertedLine[] = lines.map((line) =>
    line.site
      ? {
          ...line,
          currencyDebit: rate === ONE ? line.debit : div(line.debit, rate),
          currencyCredit: rate === ONE ? line.credit : div(line.credit, rate),
        }
      : {
          ...line,
          debit: mulTo(line.debit, rate, places),
          credit: mulTo(line.credit, rate, places),
          currencyDebit: line.debit,
          currencyCredit: line.credit,
        },
  );
  if (rate !== ONE) {
    for (const line of converted) {
      const beyond = [line.debit, line.credit].find((amount) => !inRange(amount));
      if (beyond !== undefined)
        throw fieldError(
          'currency_rate',
          `an amount of this document × currency_rate is ${formatDec(beyond)}, which ${OUT_OF_RANGE}`,
        );
    }
  }
  const exact = lines.every((line) => !line.site) && rate === ONE;
  const residual = sum(converted.map((l) => l.debit)) - sum(converted.map((l) => l.credit));
  const tolerance = exact ? ZERO : BigInt(posting.lines.length) * 10n ** BigInt(6 - places);
  if (abs(residual) > tolerance) {
    throw new Error(
      `unbalanced ${posting.entityType} ${posting.entityId} journal: debit − credit = ${formatDec(residual)}`,
    );
  }
  if (residual !== ZERO) {
    converted.push({
      accountId: await systemAccount(context, 'currency_differences'),
      debit: residual < ZERO ? -residual : ZERO,
      credit: residual > ZERO ? residual : ZERO,
      currencyDebit: ZERO,
      currencyCredit: ZERO,
      site: true,
      description: 'rounding of the currency conversion',
    });
  }
  return converted;
}

/**
 * The request field a journal beyond the range is refused under: the lines of a document (whose sums
 * are in range, but whose lines of one sign can add up past it on one account), else the amount.
 */
const FIELD_OF_ENTITY: Record<string, string> = {
  invoice: 'InvoiceItem',
  credit_note: 'InvoiceItem',
  refund_receipt: 'InvoiceItem',
  invoice_sales_cost: 'InvoiceItem',
  credit_note_sales_cost: 'InvoiceItem',
  refund_receipt_sales_cost: 'InvoiceItem',
  purchase_order: 'PurchaseOrderItem',
  purchase_refund: 'PurchaseOrderItem',
  stock_transaction: 'quantity',
};

function checkJournalRange(posting: Posting, lines: ConvertedLine[], debit: Dec): void {
  const largest = lines.reduce(
    (acc, line) =>
      [line.debit, line.credit, line.currencyDebit, line.currencyCredit].reduce(
        (a, v) => (abs(v) > a ? abs(v) : a),
        acc,
      ),
    abs(debit),
  );
  if (inRange(largest)) return;
  const what = posting.entityType.replace(/_/g, ' ');
  throw fieldError(
    FIELD_OF_ENTITY[posting.entityType] ?? 'amount',
    `the journal of this ${what} would post ${formatDec(largest)} on one side, which ${OUT_OF_RANGE}`,
  );
}

/** Replaces the automatic journal of a document; no lines means the document posts nothing. */
export async function replaceJournal(context: Context, posting: Posting): Promise<void> {
  await removeJournal(context, posting.entityType, posting.entityId);
  markTouched(context, `journal:${posting.entityType}:${posting.entityId}`);
  const lines = await toSiteCurrency(context, posting, compact([...posting.lines]));
  if (lines.length === 0) return;
  const debit = sum(lines.map((l) => l.debit));
  const credit = sum(lines.map((l) => l.credit));
  if (debit !== credit) {
    throw new Error(
      `unbalanced ${posting.entityType} ${posting.entityId} journal: debit ${formatDec(debit)} ≠ credit ${formatDec(credit)}`,
    );
  }
  checkJournalRange(posting, lines, debit);
  const rate = toStored(posting.rate ?? ONE);
  // The journal and its lines in one statement on PostgreSQL (db/insert.ts), sent with the next one.
  await insertWithChildrenLater(
    context.db,
    context.dialect,
    'journals',
    {
      site_id: context.siteId,
      number: `${posting.entityType}-${posting.entityId}`,
      staff_id: context.staffId,
      date: posting.date,
      entity_type: posting.entityType,
      entity_id: posting.entityId,
      is_automatic: 1,
      description: posting.description,
      total_debit: toStored(debit, 'total_debit'),
      total_credit: toStored(credit, 'total_credit'),
      currency_debit: toStored(sum(lines.map((l) => l.currencyDebit))),
      currency_credit: toStored(sum(lines.map((l) => l.currencyCredit))),
      currency_code: posting.currencyCode,
      created: context.now,
      modified: context.now,
    },
    'journal_transactions',
    'journal_id',
    lines.map((line) => ({
      site_id: context.siteId,
      journal_account_id: line.accountId,
      debit: toStored(line.debit),
      credit: toStored(line.credit),
      currency_debit: toStored(line.currencyDebit),
      currency_credit: toStored(line.currencyCredit),
      currency_code: posting.currencyCode,
      currency_rate: rate,
      subkey: line.subkey ?? null,
      description: line.description ?? posting.description,
      created: context.now,
      modified: context.now,
    })),
  );
}
