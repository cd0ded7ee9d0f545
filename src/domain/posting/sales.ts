/**
 * Posting rules of sales documents (docs/accounting.md "Invoice", "Credit note", "Cost of the
 * invoice", "Goods returned"). Pure: the hook in resources/sales-postings.ts gathers the facts and
 * stores the lines through domain/books.ts.
 *
 * A line's revenue is its `item_subtotal` less its taxes: net of every discount and of inclusive tax.
 */
import { type Dec, ZERO } from '../money.js';
import {
  type Role,
  type RuleLine,
  type SystemRole,
  client,
  credit,
  debit,
  flip,
  outputTax,
  treasury,
} from './roles.js';
import { inventoryAgainst } from './stock.js';

export interface SalesLineFacts {
  /** The line's `item_subtotal`: after its discount, taxes included. */
  subtotal: Dec;
  /** Its taxes (`tax1`/`tax2` and `summary_tax1`/`summary_tax2`); a tax with no id is taken off the revenue but posts nowhere. */
  taxes: readonly { taxId: number | null; amount: Dec }[];
}

export interface SalesDocumentFacts {
  clientId: number;
  /** `summary_total`. */
  total: Dec;
  shipping: Dec;
  adjustment: Dec;
  lines: readonly SalesLineFacts[];
}

/** Cr revenue and each tax per line, then shipping + adjustment; in the order the journal has always listed them. */
function revenueCredits(facts: SalesDocumentFacts, revenue: SystemRole): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const line of facts.lines) {
    const taxes = line.taxes.reduce((acc, tax) => acc + tax.amount, ZERO);
    lines.push(credit(revenue, line.subtotal - taxes));
    for (const tax of line.taxes)
      if (tax.taxId && tax.amount !== ZERO) lines.push(credit(outputTax(tax.taxId), tax.amount));
  }
  lines.push(credit(revenue, facts.shipping + facts.adjustment));
  return lines;
}

/**
 * Invoice and debit note (`invoice`, types 0 and 16).
 *
 * | account            | debit         | credit                                  |
 * |--------------------|---------------|-----------------------------------------|
 * | client(id)         | summary_total |                                         |
 * | sales              |               | Σ line revenue + shipping + adjustment  |
 * | output_tax(tax)    |               | its tax                                 |
 */
export function invoiceLines(facts: SalesDocumentFacts): RuleLine[] {
  return [debit(client(facts.clientId), facts.total), ...revenueCredits(facts, 'sales')];
}

/**
 * Advance payment invoice (`invoice`, type 19): owed to the client until applied, so not revenue.
 *
 * | account            | debit         | credit         |
 * |--------------------|---------------|----------------|
 * | client(id)         | summary_total |                |
 * | customer_advances  |               | net of tax     |
 * | output_tax(tax)    |               | its tax        |
 */
export function advanceInvoiceLines(facts: SalesDocumentFacts): RuleLine[] {
  return [debit(client(facts.clientId), facts.total), ...revenueCredits(facts, 'customer_advances')];
}

/** An invoice mirrored: the revenue side on Sales Returns, debited; the counter credited. */
function returnLines(facts: SalesDocumentFacts, counter: Role): RuleLine[] {
  return [...revenueCredits(facts, 'sales_returns').map(flip), credit(counter, facts.total)];
}

/**
 * Credit note (`credit_note`, type 5): the client owes less.
 *
 * | account            | debit                                | credit        |
 * |--------------------|--------------------------------------|---------------|
 * | sales_returns      | Σ line revenue + shipping + adjustment |             |
 * | output_tax(tax)    | its tax                              |               |
 * | client(id)         |                                      | summary_total |
 */
export function creditNoteLines(facts: SalesDocumentFacts): RuleLine[] {
  return returnLines(facts, client(facts.clientId));
}

/**
 * Refund receipt (`refund_receipt`, type 6): the money goes back out of the primary treasury; when the
 * receipt carries payments of its own (`primaryTreasuryId` null) the client is credited instead and
 * each payment pays the client out of its treasury (`paymentOutLines`).
 *
 * | account                          | debit                                  | credit        |
 * |----------------------------------|----------------------------------------|---------------|
 * | sales_returns                    | Σ line revenue + shipping + adjustment |               |
 * | output_tax(tax)                  | its tax                                |               |
 * | treasury(primary), or client(id) |                                        | summary_total |
 */
export function refundReceiptLines(facts: SalesDocumentFacts, primaryTreasuryId: number | null): RuleLine[] {
  return returnLines(facts, primaryTreasuryId === null ? client(facts.clientId) : treasury(primaryTreasuryId));
}

/**
 * Cost of the goods a sales document moved (`invoice_sales_cost`, `credit_note_sales_cost`,
 * `refund_receipt_sales_cost`), at the values its stock movements carry (moving average).
 *
 * | document             | debit                          | credit                          |
 * |----------------------|--------------------------------|---------------------------------|
 * | invoice (goods out)  | cost_of_sales: Σ cost_value    | inventory(store): its cost_value |
 * | return (goods back)  | inventory(store): its cost_value | cost_of_sales: Σ cost_value    |
 */
export function salesCostLines(values: ReadonlyMap<number, Dec>): RuleLine[] {
  return inventoryAgainst(values, 'cost_of_sales');
}
