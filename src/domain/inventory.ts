/**
 * Inventory in the books: the values at cost of a document's stock movements, which its journal
 * posts (the rules: posting/stock.ts). Each store has its inventory account (under the Inventory
 * folder); a document posts exactly the cost values of the movements it made, so Σ inventory
 * accounts = the stock valuation report, always.
 */
import { postJournal } from './books.js';
import { stockTransactionLines } from './posting/stock.js';
import { type Dec, ZERO, fromStored } from './money.js';
import { STOCK_DIRECTION, movementsKey } from './stock.js';
import { rememberedRows } from '../db/write-ledger.js';
import type { Context } from './context.js';
import { scoped } from '../db/scoped.js';

/** Signed value at cost per store (+ into stock, − out of it) of a document's or one row's movements. */
export async function movementValues(
  context: Context,
  where: { sourceType: number; orderId: number } | { id: number },
): Promise<Map<number, Dec>> {
  let query = scoped(context, 'stock_transactions').selectFrom().select(['store_id', 'transaction_type', 'cost_value']);
  query =
    'id' in where
      ? query.where('id', '=', where.id)
      : query.where('source_type', '=', where.sourceType).where('order_id', '=', where.orderId);
  // Movements this write has just stored for the document are all of them (db/write-ledger.ts).
  const remembered = 'id' in where ? undefined : rememberedRows(context, movementsKey(where.sourceType, where.orderId));
  const values = new Map<number, Dec>();
  for (const row of remembered ?? (await query.execute())) {
    const storeId = Number(row['store_id']);
    const value = fromStored(row['cost_value']);
    values.set(
      storeId,
      (values.get(storeId) ?? ZERO) + (Number(row['transaction_type']) === STOCK_DIRECTION.out ? -value : value),
    );
  }
  return values;
}

/** The journal of one stock transaction that no document made (posting/stock.ts `stockTransactionLines`). */
export async function postStockTransaction(
  context: Context,
  id: number,
  date: string,
  counterKey: 'stock_adjustments' | 'opening_balance',
): Promise<void> {
  const opening = counterKey === 'opening_balance';
  await postJournal(context, {
    entityType: 'stock_transaction',
    entityId: id,
    date,
    currencyCode: context.site.currency_code,
    description: opening ? `opening stock, stock transaction #${id}` : `stock adjustment #${id}`,
    lines: stockTransactionLines(await movementValues(context, { id }), opening),
  });
}
