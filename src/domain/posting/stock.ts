/**
 * Posting rules of stock: what a movement of goods does to the inventory accounts. Every rule here
 * posts exactly the values at cost its movements carry (site currency), per store, so Σ inventory
 * accounts = the stock valuation report.
 *
 * `values` are signed per store: + into stock, − out of it (inventory.ts `movementValues`).
 */
import { type Dec, ZERO } from '../money.js';
import { type Role, type RuleLine, credit, debit, inventory } from './roles.js';

/**
 * Inventory against one counter account.
 *
 * | movement | debit                          | credit                          |
 * |----------|--------------------------------|---------------------------------|
 * | stock in | inventory(store): value        | counter: Σ values               |
 * | stock out| counter: Σ values              | inventory(store): value         |
 *
 * Stores in id order; a store whose values net to zero posts nothing. No counter (`null`): the
 * inventory lines alone, for a rule that balances them itself (a transfer, a purchase).
 * Example: `inventoryAgainst(new Map([[2, -18n * SCALE]]), 'cost_of_sales')` → Cr inventory:2 18, Dr cost_of_sales 18.
 */
export function inventoryAgainst(values: ReadonlyMap<number, Dec>, counter: Role | null): RuleLine[] {
  const lines: RuleLine[] = [];
  let net = ZERO;
  for (const [storeId, value] of [...values].sort((a, b) => a[0] - b[0])) {
    if (value === ZERO) continue;
    lines.push(debit(inventory(storeId), value, true));
    net += value;
  }
  if (counter !== null && net !== ZERO) lines.push(credit(counter, net, true));
  return lines;
}

/**
 * A manual stock transaction (`stock_transaction`), or the stock set on a product.
 *
 * | movement  | debit                              | credit                                        |
 * |-----------|------------------------------------|-----------------------------------------------|
 * | stock in  | inventory(store): cost_value       | stock_adjustments (opening_balance for a new product's opening stock) |
 * | stock out | stock_adjustments                  | inventory(store): cost_value (moving average) |
 */
export function stockTransactionLines(values: ReadonlyMap<number, Dec>, opening: boolean): RuleLine[] {
  return inventoryAgainst(values, opening ? 'opening_balance' : 'stock_adjustments');
}

/**
 * An accepted requisition (`requisition`).
 *
 * | type      | debit                                   | credit                                   |
 * |-----------|-----------------------------------------|------------------------------------------|
 * | inbound   | inventory(store): Σ quantity × unit_price | counter (journal_account_id, else stock_adjustments) |
 * | outbound  | counter                                 | inventory(store): value at moving average |
 * | transfer  | inventory(to_store): the value that left | inventory(store): the same              |
 *
 * `counter` is null for a transfer: its two stores balance each other.
 */
export function requisitionLines(values: ReadonlyMap<number, Dec>, counter: Role | null): RuleLine[] {
  return inventoryAgainst(values, counter);
}
