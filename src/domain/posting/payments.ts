/**
 * Posting rules of money received from clients (docs/accounting.md "Invoice payment"). Only completed
 * payments post; the hooks remove the journal of any other status.
 */
import { type Dec, ZERO, mulTo } from '../money.js';
import { type RuleLine, client, credit, debit, treasury } from './roles.js';

/**
 * Invoice payment, completed (`invoice_payment`), and the unallocated part of a client payment
 * (`client_payment`), in the payment's currency.
 *
 * | account        | debit  | credit |
 * |----------------|--------|--------|
 * | treasury(id)   | amount |        |
 * | client(id)     |        | amount |
 */
export function paymentLines(facts: { treasuryId: number; clientId: number; amount: Dec }): RuleLine[] {
  return [debit(treasury(facts.treasuryId), facts.amount), credit(client(facts.clientId), facts.amount)];
}

/** Which way a payment moves money: in (received from the party) or out (paid to the party). */
export type PaymentDirection = 'in' | 'out';

/**
 * Payment out, completed (`invoice_payment` of a credit note or refund receipt): the credit paid back
 * to the client in money.
 *
 * | account        | debit  | credit |
 * |----------------|--------|--------|
 * | client(id)     | amount |        |
 * | treasury(id)   |        | amount |
 */
export function paymentOutLines(facts: { treasuryId: number; clientId: number; amount: Dec }): RuleLine[] {
  return [debit(client(facts.clientId), facts.amount), credit(treasury(facts.treasuryId), facts.amount)];
}

export interface AllocationFacts {
  treasuryId: number;
  clientId: number;
  /** What the allocation takes of the client payment, in the payment's currency. */
  share: Dec;
  paymentRate: Dec;
  /** The allocation's amount, in its invoice's currency. */
  amount: Dec;
  invoiceRate: Dec;
  /** Decimals of the site currency. */
  sitePlaces: number;
}

/**
 * An allocation of a client payment to an invoice (`invoice_payment` carrying `client_payment_id`),
 * in the site currency: the treasury gets what the payment brought in for it, the client is settled
 * at the invoice's rate, and what the two rates leave goes to Rounding and Currency Differences.
 *
 * | account              | debit                                   | credit                                |
 * |----------------------|-----------------------------------------|---------------------------------------|
 * | treasury(id)         | share × payment rate (site minor unit)  |                                       |
 * | client(id)           |                                         | amount × invoice rate (site minor unit) |
 * | currency_differences | settled − received, when positive       | received − settled, when positive     |
 */
export function allocationLines(facts: AllocationFacts): RuleLine[] {
  const received = mulTo(facts.share, facts.paymentRate, facts.sitePlaces);
  const settled = mulTo(facts.amount, facts.invoiceRate, facts.sitePlaces);
  const difference = received - settled;
  return [
    debit(treasury(facts.treasuryId), received, true),
    credit(client(facts.clientId), settled, true),
    {
      role: 'currency_differences',
      debit: difference < ZERO ? -difference : ZERO,
      credit: difference > ZERO ? difference : ZERO,
      site: true,
    },
  ];
}
