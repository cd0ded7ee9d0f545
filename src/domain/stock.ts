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
import { type Dec, ZERO, currencyDecimals, div, formatDec, fromStored, mul, roundTo, toStored } from './money.js';
import { validationError } from './errors.js';
import { lockRow } from './locks.js';
import type { Context } from '../engine/resource.js';

export const STOCK_DIRECTION = { in: 1, out: 2 } as const;
/** Daftra's stock-transaction `source_type` values. */
export const STOCK_SOURCE = {
  manual: 1, invoice: 2, purchase: 3, creditNote: 4, transfer: 5, refundReceipt: 6, purchaseRefund: 7, productInitial: 8,
} as const;
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

/** Σ signed movements of a product, optionally in one store. */
export async function stockOf(context: Context, productId: number, storeId?: number): Promise<Dec> {
  let query = context.db.selectFrom('stock_transactions')
    .select((eb) => eb.fn.sum<string | number | null>(
      eb.case().when('transaction_type', '=', STOCK_DIRECTION.out).then(eb.neg(eb.ref('quantity'))).else(eb.ref('quantity')).end(),
    ).as('balance'))
    .where('site_id', '=', context.siteId).where('product_id', '=', productId);
  if (storeId !== undefined) query = query.where('store_id', '=', storeId);
  const row = await query.executeTakeFirst();
  return row?.balance === null || row?.balance === undefined ? ZERO : fromStored(row.balance);
}

/** Quantity and value at cost of a product's movements (in one store, or in all). */
export async function stockValueOf(context: Context, productId: number, storeId?: number, exceptId?: number): Promise<{ quantity: Dec; value: Dec }> {
  let query = context.db.selectFrom('stock_transactions')
    .select((eb) => [
      eb.fn.sum<string | number | null>(eb.case().when('transaction_type', '=', STOCK_DIRECTION.out).then(eb.neg(eb.ref('quantity'))).else(eb.ref('quantity')).end()).as('quantity'),
      eb.fn.sum<string | number | null>(eb.case().when('transaction_type', '=', STOCK_DIRECTION.out).then(eb.neg(eb.ref('cost_value'))).else(eb.ref('cost_value')).end()).as('value'),
    ])
    .where('site_id', '=', context.siteId).where('product_id', '=', productId);
  if (storeId !== undefined) query = query.where('store_id', '=', storeId);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  const row = await query.executeTakeFirst();
  return { quantity: fromStored(row?.quantity ?? 0), value: fromStored(row?.value ?? 0) };
}

/**
 * Moving-average unit cost of a product in a store: value ÷ quantity on hand. With nothing on hand
 * (or a negative stock the site allows) it is the last receipt's cost there, else the buy price.
 */
export async function averageCost(context: Context, productId: number, storeId: number, exceptId?: number): Promise<Dec> {
  const { quantity, value } = await stockValueOf(context, productId, storeId, exceptId);
  if (quantity > ZERO && value >= ZERO) return div(value, quantity);
  const last = await context.db.selectFrom('stock_transactions').select('purchase_price')
    .where('site_id', '=', context.siteId).where('product_id', '=', productId).where('store_id', '=', storeId)
    .where('transaction_type', '=', STOCK_DIRECTION.in).where('id', '<>', exceptId ?? 0).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last && last['purchase_price'] !== null) return fromStored(last['purchase_price']);
  const product = await context.db.selectFrom('products').select('buy_price')
    .where('site_id', '=', context.siteId).where('id', '=', productId).executeTakeFirst();
  return fromStored(product?.['buy_price'] ?? 0);
}

export async function refreshProductBalance(context: Context, productId: number): Promise<void> {
  const { quantity, value } = await stockValueOf(context, productId);
  const average = quantity > ZERO && value >= ZERO ? toStored(div(value, quantity)) : undefined;
  await context.db.updateTable('products').set({ stock_balance: toStored(quantity), ...(average === undefined ? {} : { average_price: average }) })
    .where('site_id', '=', context.siteId).where('id', '=', productId).execute();
}

/** Whether a product's stock is tracked (services and untracked products move nothing). */
export async function tracksStock(context: Context, productId: number): Promise<boolean> {
  const row = await context.db.selectFrom('products').select('track_stock')
    .where('site_id', '=', context.siteId).where('id', '=', productId).executeTakeFirst();
  return Number(row?.['track_stock'] ?? 0) === 1;
}

async function insertMovement(context: Context, movement: Movement, sourceType: number, orderId: number | null): Promise<number | null> {
  if (movement.quantity === ZERO) return null;
  const quantity = movement.quantity > ZERO ? movement.quantity : -movement.quantity;
  const received = movement.quantity > ZERO && movement.costValue !== undefined;
  const unitCost = received ? div(movement.costValue!, quantity) : await averageCost(context, movement.productId, movement.storeId);
  const costValue = received ? movement.costValue! : roundTo(mul(quantity, unitCost), currencyDecimals(context.site.currency_code));
  const row = await context.db.insertInto('stock_transactions').values({
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
  }).returning('id').executeTakeFirstOrThrow();
  return Number(row['id']);
}

/**
 * Adds one movement that belongs to no document (opening stock, an adjustment from a product edit);
 * returns its id, or null when it moved nothing.
 */
export async function appendMovement(context: Context, movement: Movement, sourceType: number): Promise<number | null> {
  await lockRow(context, 'products', movement.productId);
  const id = await insertMovement(context, movement, sourceType, null);
  await refreshProductBalance(context, movement.productId);
  await enforceNonNegative(context, [movement]);
  return id;
}

/**
 * Replaces every movement a source (document) made with `movements`, then refreshes balances and
 * enforces the site's negative-stock rule for the stores the new movements take from.
 */
export async function replaceMovements(context: Context, sourceType: number, orderId: number, movements: Movement[]): Promise<void> {
  const previous = await context.db.selectFrom('stock_transactions').select('product_id')
    .where('site_id', '=', context.siteId).where('source_type', '=', sourceType).where('order_id', '=', orderId).execute();
  const products = new Set<number>(previous.map((row) => Number(row['product_id'])));
  for (const movement of movements) products.add(movement.productId);
  for (const productId of [...products].sort((a, b) => a - b)) await lockRow(context, 'products', productId);
  if (previous.length > 0) {
    await context.db.deleteFrom('stock_transactions')
      .where('site_id', '=', context.siteId).where('source_type', '=', sourceType).where('order_id', '=', orderId).execute();
  }
  for (const movement of movements) await insertMovement(context, movement, sourceType, orderId);
  for (const productId of products) await refreshProductBalance(context, productId);
  await enforceNonNegative(context, movements);
}

export async function enforceNonNegative(context: Context, movements: Movement[]): Promise<void> {
  if (Number(context.site.allow_negative_stock) === 1) return;
  const errors: Record<string, string> = {};
  const checked = new Set<string>();
  for (const movement of movements) {
    const key = `${movement.productId}:${movement.storeId}`;
    if (movement.quantity >= ZERO || checked.has(key)) continue;
    checked.add(key);
    const balance = await stockOf(context, movement.productId, movement.storeId);
    if (balance < ZERO) {
      const available = balance - movements
        .filter((m) => m.productId === movement.productId && m.storeId === movement.storeId)
        .reduce((total, m) => total + m.quantity, ZERO);
      errors[movement.field] = `not enough stock of product ${movement.productId} in store ${movement.storeId} (available ${formatDec(available)})`;
    }
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** Refuses to delete a product or store that has stock movements. */
export async function hasMovements(context: Context, column: 'product_id' | 'store_id', id: number): Promise<boolean> {
  const row = await context.db.selectFrom('stock_transactions').select('id')
    .where('site_id', '=', context.siteId).where(column, '=', id).executeTakeFirst();
  return row !== undefined;
}
