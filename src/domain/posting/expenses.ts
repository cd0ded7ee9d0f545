/**
 * Posting rules of expenses and incomes (docs/accounting.md "Expense and income"): money out of or
 * into a treasury, with its taxes. total = amount + the taxes not included in it.
 */
import type { Dec } from '../money.js';
import { type RuleLine, credit, debit, flip, inputTax, outputTax, treasury } from './roles.js';

export interface MoneyMovementFacts {
  treasuryId: number;
  amount: Dec;
  /** The record's taxes that apply (an id and a non-zero amount); `included`: inside `amount`. */
  taxes: readonly { taxId: number; amount: Dec; included: boolean }[];
}

function split(facts: MoneyMovementFacts): { net: Dec; total: Dec } {
  let net = facts.amount;
  let total = facts.amount;
  for (const tax of facts.taxes) {
    if (tax.included) net -= tax.amount;
    else total += tax.amount;
  }
  return { net, total };
}

/**
 * Expense (`expense`).
 *
 * | account           | debit                     | credit        |
 * |-------------------|---------------------------|---------------|
 * | general_expenses  | amount − included taxes   |               |
 * | input_tax(tax)    | its tax                   |               |
 * | treasury(id)      |                           | total         |
 */
export function expenseLines(facts: MoneyMovementFacts): RuleLine[] {
  const { net, total } = split(facts);
  return [
    debit('general_expenses', net),
    ...facts.taxes.map((tax) => debit(inputTax(tax.taxId), tax.amount)),
    credit(treasury(facts.treasuryId), total),
  ];
}

/**
 * Income (`income`).
 *
 * | account           | debit   | credit                    |
 * |-------------------|---------|---------------------------|
 * | treasury(id)      | total   |                           |
 * | other_income      |         | amount − included taxes   |
 * | output_tax(tax)   |         | its tax                   |
 *
 * (Listed other income first, then taxes, then the treasury, as the journal always has.)
 */
export function incomeLines(facts: MoneyMovementFacts): RuleLine[] {
  const { net, total } = split(facts);
  return [
    debit('other_income', net),
    ...facts.taxes.map((tax) => debit(outputTax(tax.taxId), tax.amount)),
    credit(treasury(facts.treasuryId), total),
  ].map(flip);
}

/**
 * Treasury transfer (`treasury_transfer`, resources/treasury-transfers.ts): money from one treasury to
 * another.
 *
 * | account               | debit  | credit |
 * |-----------------------|--------|--------|
 * | treasury(to)          | amount |        |
 * | treasury(from)        |        | amount |
 */
export function treasuryTransferLines(fromTreasuryId: number, toTreasuryId: number, amount: Dec): RuleLine[] {
  return [debit(treasury(toTreasuryId), amount), credit(treasury(fromTreasuryId), amount)];
}
