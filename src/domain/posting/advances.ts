/**
 * Posting rule of applying an advance payment to a later invoice (docs/accounting.md "Advance
 * payments"; the advance invoice itself posts by sales.ts `advanceInvoiceLines`).
 */
import type { Dec } from '../money.js';
import { type TaxPart, splitApplied } from '../advances.js';
import { type RuleLine, client, credit, debit, outputTax } from './roles.js';

/**
 * Advance applied (`advance_payment_application`), in the advance's currency. The final invoice taxes
 * its full amount, so the tax of the part applied is given back (split pro rata, advances.ts).
 *
 * | account            | debit                  | credit             |
 * |--------------------|------------------------|--------------------|
 * | customer_advances  | applied − its tax part |                    |
 * | output_tax(tax)    | its part               |                    |
 * | client(id)         |                        | the amount applied |
 *
 * Example: advance 115 (100 + VAT 15), 115 applied → Dr customer_advances 100, Dr output_tax 15, Cr client 115.
 */
export function advanceApplicationLines(facts: {
  clientId: number;
  applied: Dec;
  advanceTotal: Dec;
  advanceTaxes: readonly TaxPart[];
}): RuleLine[] {
  const split = splitApplied(facts.applied, facts.advanceTotal, facts.advanceTaxes);
  return [
    debit('customer_advances', split.net),
    ...split.taxes.map((tax) => debit(outputTax(tax.taxId), tax.amount)),
    credit(client(facts.clientId), facts.applied),
  ];
}
