/**
 * Posting rules of purchase documents (docs/accounting.md "Purchase invoice", "Purchase refund",
 * "Purchase debit note"). Goods with tracked stock go to the store's inventory at the values their
 * movements carry; everything else bought is a purchase cost.
 */
import { type Dec, ZERO, abs, mulTo } from '../money.js';
import { type RuleLine, credit, debit, flip, inputTax, supplier, treasury } from './roles.js';
import { inventoryAgainst } from './stock.js';

export interface PurchaseLineFacts {
  /** The line before tax, after its share of the document's discount. */
  net: Dec;
  taxes: readonly { taxId: number | null; amount: Dec }[];
  /** It moved tracked stock (its value is in `inventoryValues`). */
  stocked: boolean;
}

export interface PurchaseFacts {
  supplierId: number;
  /** `summary_total`. */
  total: Dec;
  lines: readonly PurchaseLineFacts[];
  /** Site-currency units per one unit of the document's currency. */
  rate: Dec;
  sitePlaces: number;
  /** Signed value at cost per store of the document's movements (+ in, − out). */
  inventoryValues: ReadonlyMap<number, Dec>;
}

/** The debit side of a purchase invoice, before the inventory lines. */
function purchaseDebits(facts: PurchaseFacts, inventoryValue: Dec): RuleLine[] {
  const lines: RuleLine[] = [];
  let taxes = ZERO;
  let stockNet = ZERO;
  let stockNetInSite = ZERO;
  for (const line of facts.lines) {
    for (const tax of line.taxes) {
      if (!tax.taxId || tax.amount === ZERO) continue;
      lines.push(debit(inputTax(tax.taxId), tax.amount));
      taxes += tax.amount;
    }
    if (line.stocked) {
      stockNet += line.net;
      stockNetInSite += mulTo(line.net, facts.rate, facts.sitePlaces);
    }
  }
  lines.push(debit('purchases', facts.total - taxes - stockNet));
  // Receipts: zero (goods come in at their price). Refunds: refund price − moving-average cost of the goods sent back.
  lines.push(debit('purchases', stockNetInSite - inventoryValue, true));
  return lines;
}

/**
 * Purchase invoice (`purchase_order`).
 *
 * | account            | debit                                                              | credit        |
 * |--------------------|--------------------------------------------------------------------|---------------|
 * | inventory(store)   | Σ cost_value of the received goods (their lines before tax)        |               |
 * | purchases          | lines without tracked stock + shipping + adjustment − discount share |             |
 * | input_tax(tax)     | its tax                                                            |               |
 * | supplier(id)       |                                                                    | summary_total |
 */
export function purchaseInvoiceLines(facts: PurchaseFacts): RuleLine[] {
  const inventory = inventoryAgainst(facts.inventoryValues, null);
  const inventoryValue = abs(inventory.reduce((acc, line) => acc + line.debit, ZERO));
  return [...purchaseDebits(facts, inventoryValue), credit(supplier(facts.supplierId), facts.total), ...inventory];
}

/**
 * Purchase refund (`purchase_refund`), the goods leaving at moving average; also the purchase debit
 * note (`purchase_debit_note`), which moves no stock (`inventoryValues` empty).
 *
 * | account            | debit         | credit                                                           |
 * |--------------------|---------------|------------------------------------------------------------------|
 * | supplier(id)       | summary_total |                                                                  |
 * | input_tax(tax)     |               | its tax                                                          |
 * | inventory(store)   |               | Σ cost_value of the goods sent back (moving average)             |
 * | purchases          |               | the rest: other lines, and refund price − cost (a debit when negative) |
 */
export function purchaseRefundLines(facts: PurchaseFacts): RuleLine[] {
  // Inventory lines are signed already: stock out credits inventory.
  const inventory = inventoryAgainst(facts.inventoryValues, null);
  const inventoryValue = abs(inventory.reduce((acc, line) => acc + line.debit, ZERO));
  return [
    ...purchaseDebits(facts, inventoryValue).map(flip),
    debit(supplier(facts.supplierId), facts.total),
    ...inventory,
  ];
}

/**
 * Payment to the supplier of a purchase invoice, completed (`purchase_order_payment`): money paid out.
 *
 * | account        | debit  | credit |
 * |----------------|--------|--------|
 * | supplier(id)   | amount |        |
 * | treasury(id)   |        | amount |
 */
export function supplierPaymentLines(facts: { treasuryId: number; supplierId: number; amount: Dec }): RuleLine[] {
  return [debit(supplier(facts.supplierId), facts.amount), credit(treasury(facts.treasuryId), facts.amount)];
}
