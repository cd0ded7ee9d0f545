/**
 * The stock ledger. Every movement is a row of stock_transactions with its source (a document or a
 * manual entry); a product's `stock_balance` is a cache of Σ movements, rewritten in the same
 * transaction as every movement so it never drifts. Selling below zero follows the site's
 * `allow_negative_stock` setting (refused with a 400 naming the line by default).
 */
import { type Dec, ZERO, formatDec, fromStored, toStored } from './money.js';
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
  /** Unit price of the movement (sale price out, cost in). */
  price: Dec;
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

export async function refreshProductBalance(context: Context, productId: number): Promise<void> {
  await context.db.updateTable('products').set({ stock_balance: toStored(await stockOf(context, productId)) })
    .where('site_id', '=', context.siteId).where('id', '=', productId).execute();
}

/** Whether a product's stock is tracked (services and untracked products move nothing). */
export async function tracksStock(context: Context, productId: number): Promise<boolean> {
  const row = await context.db.selectFrom('products').select('track_stock')
    .where('site_id', '=', context.siteId).where('id', '=', productId).executeTakeFirst();
  return Number(row?.['track_stock'] ?? 0) === 1;
}

async function insertMovement(context: Context, movement: Movement, sourceType: number, orderId: number | null): Promise<void> {
  if (movement.quantity === ZERO) return;
  await context.db.insertInto('stock_transactions').values({
    site_id: context.siteId,
    product_id: movement.productId,
    store_id: movement.storeId,
    transaction_type: movement.quantity > ZERO ? STOCK_DIRECTION.in : STOCK_DIRECTION.out,
    quantity: toStored(movement.quantity > ZERO ? movement.quantity : -movement.quantity),
    price: toStored(movement.price),
    date: movement.date,
    status: STOCK_STATUS_PROCESSED,
    source_type: sourceType,
    order_id: orderId,
    added_by: context.staffId,
    created: context.now,
    modified: context.now,
  }).execute();
}

/** Adds one movement that belongs to no document (opening stock, an adjustment from a product edit). */
export async function appendMovement(context: Context, movement: Movement, sourceType: number): Promise<void> {
  await lockRow(context, 'products', movement.productId);
  await insertMovement(context, movement, sourceType, null);
  await refreshProductBalance(context, movement.productId);
  await enforceNonNegative(context, [movement]);
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
