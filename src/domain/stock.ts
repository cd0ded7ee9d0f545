/**
 * The stock ledger. Every movement is a row of stock_transactions with its source (a document or a
 * manual entry); a product's `stock_balance` is a cache of Σ movements, rewritten in the same
 * transaction as every movement so it never drifts. Selling below zero follows the site's
 * `allow_negative_stock` setting (refused with a 400 naming the line by default).
 *
 * Cost: each movement carries its unit cost (`purchase_price`, site currency) and its value at cost
 * (`cost_value` = quantity × unit cost, rounded to the site currency). Receipts come in at their own
 * cost; everything that goes out (and returns from customers) moves at the moving average of its
 * product in its store at that moment: Σ value ÷ Σ quantity of the movements before it. Stock value is
 * therefore Σ in-values − Σ out-values, and each document's journal posts exactly its movements'
 * values, so the inventory accounts always equal the stock valuation.
 */
import { type Dec, ZERO, checkRange, currencyDecimals, div, formatDec, fromStored, mulTo, toStored } from './money.js';
import { validationError } from './errors.js';
import { CompiledQuery, type ExpressionBuilder } from 'kysely';
import type { Context } from './context.js';
import { insertRows, insertRowsLater } from '../db/insert.js';
import { defer, deferCompiled, readTogether } from '../db/trips.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { lockRows, lockRowsQuery } from './locks.js';
import { forgetReferenced, markTouched, nothingStoredUnder, rememberRows } from '../db/write-ledger.js';

import { STOCK_DIRECTION, STOCK_SOURCE } from './stock-sources.js';
import type { AnyTables } from '../db/schema.js';
import { scoped } from '../db/scoped.js';
export { STOCK_DIRECTION, STOCK_SOURCE };
export const STOCK_STATUS_PROCESSED = 4;

export interface Movement {
  productId: number;
  storeId: number;
  /** Positive: into the store; negative: out of it. */
  quantity: Dec;
  /** Unit price of the movement in the document's currency (sale price out, cost in). */
  price: Dec;
  /** Value at cost in the site currency, for receipts (quantity × cost, rounded); left out, the movement moves at moving average. */
  costValue?: Dec;
  date: string;
  /** Field named in the 400 when this movement would take stock below zero. */
  field: string;
}

/** A movement column with stock out counted negative, to be summed (db/exact-sum.ts): quantity on hand, or value at cost. */
export function signedAmount(
  eb: ExpressionBuilder<AnyTables, 'stock_transactions'>,
  column: 'quantity' | 'cost_value',
) {
  return eb
    .case()
    .when('transaction_type', '=', STOCK_DIRECTION.out)
    .then(eb.neg(eb.ref(column)))
    .else(eb.ref(column))
    .end();
}

/** Σ signed movements of a product, optionally in one store. */
export async function stockOf(context: Context, productId: number, storeId?: number): Promise<Dec> {
  const row = await exactSums(context.dialect, (sums) => {
    let query = scoped(context, 'stock_transactions')
      .selectFrom()
      .select((eb) => sums(signedAmount(eb, 'quantity'), 'balance'))
      .where('product_id', '=', productId);
    if (storeId !== undefined) query = query.where('store_id', '=', storeId);
    return query.executeTakeFirst();
  });
  return readSum(row, 'balance');
}

/** Quantity and value at cost of a product's movements (in one store, or in all). */
export async function stockValueOf(
  context: Context,
  productId: number,
  storeId?: number,
  exceptId?: number,
): Promise<{ quantity: Dec; value: Dec }> {
  const row = await exactSums(context.dialect, (sums) => {
    let query = scoped(context, 'stock_transactions')
      .selectFrom()
      .select((eb) => [
        ...sums(signedAmount(eb, 'quantity'), 'quantity'),
        ...sums(signedAmount(eb, 'cost_value'), 'value'),
      ])
      .where('product_id', '=', productId);
    if (storeId !== undefined) query = query.where('store_id', '=', storeId);
    if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
    return query.executeTakeFirst();
  });
  return { quantity: readSum(row, 'quantity'), value: readSum(row, 'value') };
}

/**
 * Moving-average unit cost of a product in a store: value ÷ quantity on hand. With nothing on hand
 * (or a negative stock the site allows) it is the last receipt's cost there, else the buy price.
 */
export async function averageCost(
  context: Context,
  productId: number,
  storeId: number,
  exceptId?: number,
): Promise<Dec> {
  const { quantity, value } = await stockValueOf(context, productId, storeId, exceptId);
  if (quantity > ZERO && value >= ZERO) return div(value, quantity);
  return fallbackCost(context, productId, storeId, exceptId);
}

/**
 * Recomputes a product's positions from its whole ledger (after a manual stock transaction is written or
 * deleted), then its balance and average. Documents use the incremental path (applyMovements).
 */
export async function refreshProductBalance(context: Context, productId: number): Promise<void> {
  const rows = await exactSums(context.dialect, (sums) =>
    scoped(context, 'stock_transactions')
      .selectFrom()
      .select((eb) => [
        'store_id',
        ...sums(signedAmount(eb, 'quantity'), 'quantity'),
        ...sums(signedAmount(eb, 'cost_value'), 'value'),
      ])
      .where('product_id', '=', productId)
      .groupBy('store_id')
      .execute(),
  );
  const positions = new Map<string, Position>();
  for (const row of rows)
    positions.set(positionKey(productId, Number(row['store_id'])), {
      quantity: readSum(row, 'quantity'),
      value: readSum(row, 'value'),
    });
  await scoped(context, 'stock_positions').deleteFrom().where('product_id', '=', productId).execute();
  await writePositions(context, positions, [productId]);
}

interface Position {
  quantity: Dec;
  value: Dec;
}

const positionKey = (productId: number, storeId: number) => `${productId}:${storeId}`;

/** The stored positions (quantity and value per store) of the given products: one indexed read. */
async function positionsOf(context: Context, productIds: number[]): Promise<Map<string, Position>> {
  if (productIds.length === 0) return new Map();
  return positionsFrom(await positionsQuery(context, productIds).execute());
}

function positionsQuery(context: Context, productIds: number[]) {
  return scoped(context, 'stock_positions')
    .selectFrom()
    .select(['product_id', 'store_id', 'quantity', 'value'])
    .where('product_id', 'in', productIds);
}

function positionsFrom(rows: ReadonlyArray<Record<string, unknown>>): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const row of rows) {
    positions.set(positionKey(Number(row['product_id']), Number(row['store_id'])), {
      quantity: fromStored(row['quantity']),
      value: fromStored(row['value']),
    });
  }
  return positions;
}

/** Reports a product whose balance falls below its low-stock threshold with this write (webhooks). */
async function noteLowStock(context: Context, productId: number, balance: Dec): Promise<void> {
  const row = await scoped(context, 'products')
    .selectFrom()
    .select(['stock_balance', 'low_stock_thershold'])
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!row || row['low_stock_thershold'] === null || row['low_stock_thershold'] === undefined) return;
  const threshold = fromStored(row['low_stock_thershold']);
  const before = row['stock_balance'] === null ? ZERO : fromStored(row['stock_balance']);
  if (balance < threshold && before >= threshold) context.changes!.derived('product.stock_low', 'products', productId);
}

/** Stores the positions of the given products, and each product's balance and moving average. */
async function writePositions(context: Context, positions: Map<string, Position>, productIds: number[]): Promise<void> {
  if (positions.size > 0) {
    // Nothing waits for these writes: on PostgreSQL they travel with the next statement (db/trips.ts).
    await defer(
      context.db,
      context.dialect,
      context.db
        .insertInto('stock_positions')
        .values(
          [...positions].map(([key, position]) => {
            const [productId, storeId] = key.split(':').map(Number);
            return {
              site_id: context.siteId,
              product_id: productId,
              store_id: storeId,
              quantity: toStored(position.quantity, 'quantity'),
              value: toStored(position.value, 'quantity'),
            };
          }),
        )
        .onConflict((conflict) =>
          conflict
            .columns(['site_id', 'product_id', 'store_id'])
            .doUpdateSet((eb) => ({ quantity: eb.ref('excluded.quantity'), value: eb.ref('excluded.value') })),
        ),
    );
  }
  const balances: Array<[number, unknown, unknown]> = [];
  for (const productId of productIds) {
    let quantity = ZERO;
    let value = ZERO;
    for (const [key, position] of positions) {
      if (!key.startsWith(`${productId}:`)) continue;
      quantity += position.quantity;
      value += position.value;
    }
    if (context.changes?.wants('product.stock_low')) await noteLowStock(context, productId, quantity);
    // Webhooks: a movement changes the product's stock_balance (engine/changes.ts).
    context.changes?.derived('product.updated', 'products', productId);
    // The moving average moves only while there is stock of positive value; otherwise it stays.
    balances.push([
      productId,
      toStored(quantity, 'stock_balance'),
      quantity > ZERO && value >= ZERO ? toStored(div(value, quantity), 'average_price') : null,
    ]);
  }
  await writeBalances(context, balances);
}

/**
 * Each product's balance and average in one UPDATE, whatever the number of products: the new values
 * come as a derived table joined on the id (`UPDATE … FROM`, SQLite 3.33+ and PostgreSQL); a null
 * average keeps the stored one.
 */
async function writeBalances(context: Context, balances: Array<[number, unknown, unknown]>): Promise<void> {
  if (balances.length === 0) return;
  forgetReferenced(context, 'products');
  const pg = context.dialect === 'postgres';
  let next = 0;
  const placeholder = () => (pg ? `cast($${++next} as bigint)` : 'cast(? as integer)');
  const tuples = balances.map(
    () => `select ${placeholder()} as id, ${placeholder()} as balance, ${placeholder()} as average`,
  );
  const site = pg ? `$${++next}` : '?';
  const text =
    `update "products" set "stock_balance" = "v"."balance", "average_price" = coalesce("v"."average", "products"."average_price") ` +
    `from (${tuples.join(' union all ')}) as "v" where "products"."site_id" = ${site} and "products"."id" = "v"."id"`;
  await deferCompiled(context.db, context.dialect, CompiledQuery.raw(text, [...balances.flat(), context.siteId]));
}

/** Locks the products a write moves (PostgreSQL), in id order, last in the global order (locks.ts). */
async function lockProducts(context: Context, productIds: number[]): Promise<void> {
  await lockRows(context, 'products', productIds);
}

/**
 * Locks the products (as lockProducts), then reads their positions, in two statements on PostgreSQL.
 * Not one: a join read `FOR NO KEY UPDATE OF` the products that waits for another write re-reads the
 * locked product rows after it commits but keeps the positions of the statement's first snapshot
 * (READ COMMITTED's re-check), so the other write's movements would be lost from the running sums —
 * the fault-injection test found exactly that. The read after the lock sees every committed write.
 */
async function lockAndReadPositions(context: Context, productIds: number[]): Promise<Map<string, Position>> {
  const lock = lockRowsQuery(context, 'products', productIds);
  if (!lock) return positionsOf(context, productIds);
  // Still two statements, sent in one message (db/trips.ts): PostgreSQL runs them one after the other
  // and, under READ COMMITTED, the read takes its snapshot when it starts, after the lock was granted —
  // exactly as when they were two round trips.
  const [, rows] = await readTogether(context.db, context.dialect, [lock, positionsQuery(context, productIds)]);
  return positionsFrom(rows!);
}

/**
 * Inserts movements in order, each valued at cost against the running positions (so two lines of one
 * product in one document see each other), then writes each product's balance and average and applies
 * the negative-stock rule. Reads the positions once; returns the inserted ids in order (none for a
 * document's movements, `orderId` set: nobody reads them, and their INSERT is not waited for).
 */
async function applyMovements(
  context: Context,
  sourceType: number,
  orderId: number | null,
  movements: Movement[],
  productIds: number[],
  removed: Record<string, unknown>[] = [],
  removedField = 'id',
  read?: Map<string, Position>,
): Promise<number[]> {
  const positions = read ?? (await positionsOf(context, productIds));
  const before = quantitiesOf(positions);
  const checks = new Map<string, string>();
  for (const row of removed) checks.set(positionKey(Number(row['product_id']), Number(row['store_id'])), removedField);
  // A key with a new movement names that movement's line; the first line of a key wins.
  for (const movement of [...movements].reverse())
    checks.set(positionKey(movement.productId, movement.storeId), movement.field);
  for (const row of removed) {
    const key = positionKey(Number(row['product_id']), Number(row['store_id']));
    const position = positions.get(key) ?? { quantity: ZERO, value: ZERO };
    const sign = Number(row['transaction_type']) === STOCK_DIRECTION.out ? -1n : 1n;
    positions.set(key, {
      quantity: position.quantity - sign * fromStored(row['quantity']),
      value: position.value - sign * fromStored(row['cost_value']),
    });
  }
  const places = currencyDecimals(context.site.currency_code);
  const rows: Record<string, unknown>[] = [];
  for (const movement of movements) {
    if (movement.quantity === ZERO) continue;
    const key = positionKey(movement.productId, movement.storeId);
    const position = positions.get(key) ?? { quantity: ZERO, value: ZERO };
    const quantity = movement.quantity > ZERO ? movement.quantity : -movement.quantity;
    const received = movement.quantity > ZERO && movement.costValue !== undefined;
    const unitCost = received
      ? div(movement.costValue!, quantity)
      : position.quantity > ZERO && position.value >= ZERO
        ? div(position.value, position.quantity)
        : await fallbackCost(context, movement.productId, movement.storeId);
    const costValue = checkRange(
      received ? movement.costValue! : mulTo(quantity, unitCost, places),
      movement.field,
      'quantity × unit cost',
    );
    const next =
      movement.quantity > ZERO
        ? { quantity: position.quantity + quantity, value: position.value + costValue }
        : { quantity: position.quantity - quantity, value: position.value - costValue };
    // Positions are running sums: each movement is in range, their sum must be too (money.ts).
    checkRange(
      next.quantity,
      movement.field,
      `the stock of product ${movement.productId} in store ${movement.storeId} after this movement`,
    );
    checkRange(
      next.value,
      movement.field,
      `the value at cost of product ${movement.productId} in store ${movement.storeId} after this movement`,
    );
    positions.set(key, next);
    rows.push({
      site_id: context.siteId,
      product_id: movement.productId,
      store_id: movement.storeId,
      transaction_type: movement.quantity > ZERO ? STOCK_DIRECTION.in : STOCK_DIRECTION.out,
      quantity: toStored(quantity),
      price: toStored(movement.price),
      purchase_price: toStored(unitCost),
      cost_value: toStored(costValue),
      currency_code: context.site.currency_code,
      date: movement.date,
      status: STOCK_STATUS_PROCESSED,
      source_type: sourceType,
      order_id: orderId,
      added_by: context.staffId,
      created: context.now,
      modified: context.now,
    });
  }
  // A document's movements: nothing waits for their ids, so the INSERT travels with the next statement.
  let ids: number[] = [];
  if (orderId !== null) await insertRowsLater(context.db, context.dialect, 'stock_transactions', rows);
  else
    ids = (await insertRows(context.db, context.dialect, 'stock_transactions', rows, 'id')).map((row) =>
      Number(row['id']),
    );
  // replaceMovements deleted the source's movements before: these rows are now all of them.
  if (orderId !== null) rememberRows(context, movementsKey(sourceType, orderId), rows);
  await writePositions(context, positions, productIds);
  refuseNegative(context, checks, before, quantitiesOf(positions), movements);
  return ids;
}

function quantitiesOf(positions: Map<string, Position>): Map<string, Dec> {
  return new Map([...positions].map(([key, position]) => [key, position.quantity]));
}

/** Cost of goods leaving a store with nothing (or less than nothing) on hand: the last receipt's, else the buy price. */
async function fallbackCost(context: Context, productId: number, storeId: number, exceptId = 0): Promise<Dec> {
  const last = await scoped(context, 'stock_transactions')
    .selectFrom()
    .select('purchase_price')
    .where('product_id', '=', productId)
    .where('store_id', '=', storeId)
    .where('transaction_type', '=', STOCK_DIRECTION.in)
    .where('id', '<>', exceptId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last['purchase_price'] !== null) return fromStored(last['purchase_price']);
  const product = await scoped(context, 'products')
    .selectFrom()
    .select('buy_price')
    .where('id', '=', productId)
    .executeTakeFirst();
  return fromStored(product?.['buy_price'] ?? 0);
}

/**
 * The negative-stock rule, on the resulting position of every (product, store) a write touched,
 * whatever the direction of its movements: a sale, and equally a receipt deleted, reduced, drafted
 * or moved to another store or product after its goods were sold. A position refused is one that
 * ends below zero and lower than it was (a position already below zero, from a time the site allowed
 * it, may still rise). `checks` names the field for each key; `movements` are the write's new ones.
 */
function refuseNegative(
  context: Context,
  checks: Map<string, string>,
  before: Map<string, Dec>,
  after: Map<string, Dec>,
  movements: Movement[],
): void {
  if (Number(context.site.allow_negative_stock) === 1) return;
  const errors: Record<string, string> = {};
  for (const [key, field] of checks) {
    const quantity = after.get(key) ?? ZERO;
    if (quantity >= ZERO || quantity >= (before.get(key) ?? ZERO) || errors[field]) continue;
    const [productId, storeId] = key.split(':');
    const added = movements
      .filter((m) => positionKey(m.productId, m.storeId) === key)
      .reduce((total, m) => total + m.quantity, ZERO);
    errors[field] =
      added < ZERO
        ? `not enough stock of product ${productId} in store ${storeId} (available ${formatDec(quantity - added)})`
        : `not enough stock of product ${productId} in store ${storeId}: this would leave ${formatDec(quantity)} (its goods were already sold or moved)`;
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/**
 * Adds one movement that belongs to no document (opening stock, an adjustment from a product edit);
 * returns its id, or null when it moved nothing.
 */
export async function appendMovement(context: Context, movement: Movement, sourceType: number): Promise<number | null> {
  await lockProducts(context, [movement.productId]);
  const [id] = await applyMovements(context, sourceType, null, [movement], [movement.productId]);
  return id ?? null;
}

/** The table of the documents whose movements carry `source_type` (and their id as order_id), where known. */
const SOURCE_TABLE: Record<number, string> = {
  [STOCK_SOURCE.invoice]: 'invoices',
  [STOCK_SOURCE.creditNote]: 'invoices',
  [STOCK_SOURCE.refundReceipt]: 'invoices',
};

export const movementsKey = (sourceType: number, orderId: number) => `movements:${sourceType}:${orderId}`;

/**
 * Replaces every movement a source (document) made with `movements`, then refreshes balances and
 * enforces the site's negative-stock rule for the stores the new movements take from.
 */
export async function replaceMovements(
  context: Context,
  sourceType: number,
  orderId: number,
  movements: Movement[],
  removedField = 'id',
): Promise<void> {
  const key = movementsKey(sourceType, orderId);
  // A document created by this write has no movements yet, unless this write made them (db/write-ledger.ts).
  const previous = nothingStoredUnder(context, SOURCE_TABLE[sourceType], orderId, key)
    ? []
    : await scoped(context, 'stock_transactions')
        .selectFrom()
        .select(['product_id', 'store_id', 'transaction_type', 'quantity', 'cost_value'])
        .where('source_type', '=', sourceType)
        .where('order_id', '=', orderId)
        .execute();
  markTouched(context, key);
  const products = new Set<number>(previous.map((row) => Number(row['product_id'])));
  for (const movement of movements) products.add(movement.productId);
  if (products.size === 0) return;
  const productIds = [...products].sort((a, b) => a - b);
  // Deleting the old movements leaves the positions table alone: they are read before it, and the
  // removed rows are taken out of them in memory (applyMovements).
  const positions = await lockAndReadPositions(context, productIds);
  if (previous.length > 0) {
    await scoped(context, 'stock_transactions')
      .deleteFrom()
      .where('source_type', '=', sourceType)
      .where('order_id', '=', orderId)
      .execute();
  }
  await applyMovements(context, sourceType, orderId, movements, productIds, previous, removedField, positions);
}

/**
 * Recomputes the positions of products whose ledger rows were written directly (manual stock
 * transactions), then applies the negative-stock rule to the (product, store) keys named in `checks`
 * (key → field), comparing each position with what it was before.
 */
export async function refreshAndCheck(
  context: Context,
  productIds: number[],
  checks: Array<{ productId: number; storeId: number; field: string }>,
  movements: Movement[] = [],
): Promise<void> {
  const before = quantitiesOf(await positionsOf(context, productIds));
  for (const productId of productIds) await refreshProductBalance(context, productId);
  const after = quantitiesOf(await positionsOf(context, productIds));
  const named = new Map<string, string>();
  for (const check of [...checks].reverse()) named.set(positionKey(check.productId, check.storeId), check.field);
  refuseNegative(context, named, before, after, movements);
}

/** Refuses to delete a product or store that has stock movements. */
export async function hasMovements(context: Context, column: 'product_id' | 'store_id', id: number): Promise<boolean> {
  const row = await scoped(context, 'stock_transactions')
    .selectFrom()
    .select('id')
    .where(column, '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
