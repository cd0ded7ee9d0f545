/**
 * Which way a payment moves money, and the two journal lines that say so (docs/accounting.md
 * "Invoice payment", "Payment out"). A pure rule: the caller resolves the accounts.
 *
 *   in   money received: an invoice's payment, an estimate's deposit   Dr treasury   Cr the party
 *   out  money paid out: a credit note's cash refund, a refund          Dr the party  Cr treasury
 *        receipt's payment, a payment to a supplier for a purchase
 *
 * The party is the client (subkey `client`) or the supplier (subkey `supplier`). A payment that is not
 * completed posts nothing; that is the caller's test, since only it knows the record's status.
 */
import type { PostingLine } from './books.js';
import { type Dec, ZERO } from './money.js';

export type PaymentDirection = 'in' | 'out';

/** Sales document types whose payments are money paid back to the client: credit notes (5) and refund receipts (6). */
const PAID_OUT_TYPES: ReadonlySet<number> = new Set([5, 6]);

/** @example paymentDirectionOf(6) → 'out' (a refund receipt pays the client); paymentDirectionOf(0) → 'in' */
export function paymentDirectionOf(documentType: number): PaymentDirection {
  return PAID_OUT_TYPES.has(documentType) ? 'out' : 'in';
}

export interface PaymentAccounts {
  treasuryAccountId: number;
  partyAccountId: number;
  partySubkey: 'client' | 'supplier';
}

/**
 * @example paymentLines('out', { treasuryAccountId: 7, partyAccountId: 9, partySubkey: 'client' }, 30n * 10n ** 6n)
 *   → [{ accountId: 9, debit: 30, credit: 0, subkey: 'client' }, { accountId: 7, debit: 0, credit: 30, subkey: 'treasury' }]
 */
export function paymentLines(direction: PaymentDirection, accounts: PaymentAccounts, amount: Dec): PostingLine[] {
  const treasury: PostingLine = { accountId: accounts.treasuryAccountId, debit: amount, credit: ZERO, subkey: 'treasury' };
  const party: PostingLine = { accountId: accounts.partyAccountId, debit: ZERO, credit: amount, subkey: accounts.partySubkey };
  if (direction === 'in') return [treasury, party];
  return [{ ...party, debit: amount, credit: ZERO }, { ...treasury, debit: ZERO, credit: amount }];
}
