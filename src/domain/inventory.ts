/**
 * Inventory in the books: the journal lines that mirror stock movements. Each store has its inventory
 * account (under the Inventory folder); a document posts exactly the cost values of the movements it
 * made, so Σ inventory accounts = the stock valuation report, always.
 */
import { type PostingLine, entityAccount, recordName, replaceJournal, systemAccount } from './books.js';
import { type Dec, ZERO, fromStored } from './money.js';
import { STOCK_DIRECTION, movementsKey } from './stock.js';
import { rememberedRows } from '../db/write-ledger.js';
import type { Context } from './context.js';

export async function inventoryAccount(context: Context, storeId: number): Promise<number> {
  return entityAccount(context, 'store', storeId, async () => `Inventory ${await recordName(context, 'stores', storeId, ['name'])}`);
}

/** Signed value at cost per store (+ into stock, − out of it) of a document's or one row's movements. */
export async function movementValues(context: Context, where: { sourceType: number; orderId: number } | { id: number }): Promise<Map<number, Dec>> {
  let query = context.db.selectFrom('stock_transactions').select(['store_id', 'transaction_type', 'cost_value'])
    .where('site_id', '=', context.siteId);
  query = 'id' in where
    ? query.where('id', '=', where.id)
    : query.where('source_type', '=', where.sourceType).where('order_id', '=', where.orderId);
  // Movements this write has just stored for the document are all of them (db/write-ledger.ts).
  const remembered = 'id' in where ? undefined : rememberedRows(context, movementsKey(where.sourceType, where.orderId));
  const values = new Map<number, Dec>();
  for (const row of remembered ?? await query.execute()) {
    const storeId = Number(row['store_id']);
    const value = fromStored(row['cost_value']);
    values.set(storeId, (values.get(storeId) ?? ZERO) + (Number(row['transaction_type']) === STOCK_DIRECTION.out ? -value : value));
  }
  return values;
}

/**
 * Inventory lines for `values` and their counterpart on `counterAccount`: stock in debits inventory
 * and credits the counterpart, stock out the reverse. Amounts are in the site currency.
 */
export async function inventoryLines(context: Context, values: Map<number, Dec>, counterAccount: number | null): Promise<PostingLine[]> {
  const lines: PostingLine[] = [];
  let net = ZERO;
  for (const [storeId, value] of [...values].sort((a, b) => a[0] - b[0])) {
    if (value === ZERO) continue;
    lines.push({ accountId: await inventoryAccount(context, storeId), debit: value, credit: ZERO, subkey: 'store', site: true });
    net += value;
  }
  if (counterAccount !== null && net !== ZERO) lines.push({ accountId: counterAccount, debit: ZERO, credit: net, site: true });
  return lines;
}

/** The journal of one stock transaction that no document made: inventory against `counterKey`. */
export async function postStockTransaction(context: Context, id: number, date: string, counterKey: 'stock_adjustments' | 'opening_balance'): Promise<void> {
  await replaceJournal(context, {
    entityType: 'stock_transaction', entityId: id, date, currencyCode: context.site.currency_code,
    description: counterKey === 'opening_balance' ? `opening stock, stock transaction #${id}` : `stock adjustment #${id}`,
    lines: await inventoryLines(context, await movementValues(context, { id }), await systemAccount(context, counterKey)),
  });
}
