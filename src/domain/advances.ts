/**
 * Advance payment invoices (sales document type 19) and their application to later invoices.
 * Their posting rules (docs/accounting.md "Advance payments"): posting/sales.ts `advanceInvoiceLines`
 * and posting/advances.ts `advanceApplicationLines`.
 *
 * The advance's tax is collected when it is invoiced; the final invoice taxes its full amount, so
 * applying the advance gives back the tax of the part applied. Example: advance 115 (100 + VAT 15),
 * final invoice 1150 (1000 + VAT 150); applying 115 posts Dr advances 100, Dr VAT 15, Cr client 115:
 * sales 1000, VAT 150 in all, the client owes 1035 more after paying the advance.
 */
import { type Dec, ZERO, divRound, formatDec } from './money.js';

export const ADVANCE_PAYMENT_TYPE = 19;

export interface TaxPart {
  taxId: number;
  amount: Dec;
}

/**
 * Splits an applied amount into the advance's net and its taxes, pro rata to the advance's total (each
 * tax rounded half away from zero at the millionth, net the rest, so the parts sum to the amount).
 */
export function splitApplied(applied: Dec, total: Dec, taxes: readonly TaxPart[]): { net: Dec; taxes: TaxPart[] } {
  if (total <= ZERO) return { net: applied, taxes: [] };
  const parts = taxes
    .filter((tax) => tax.amount !== ZERO)
    .map((tax) => ({ taxId: tax.taxId, amount: divRound(applied * tax.amount, total) }));
  return { net: applied - parts.reduce((sum, part) => sum + part.amount, ZERO), taxes: parts };
}

/** Why `amount` cannot be applied, or null: positive, within what is left of the advance and of the invoice. */
export function applicationProblem(amount: Dec, advanceLeft: Dec, invoiceUnpaid: Dec): string | null {
  if (amount <= ZERO) return 'must be greater than 0';
  if (amount > advanceLeft) return `exceeds what is left of the advance (${formatDec(advanceLeft)})`;
  if (amount > invoiceUnpaid) return `exceeds what is unpaid on the invoice (${formatDec(invoiceUnpaid)})`;
  return null;
}
