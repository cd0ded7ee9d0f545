/**
 * What a posting rule produces: journal lines on account *roles*, not account ids. A role names the
 * part an account plays (the Sales account, the client's receivable, the store's inventory); only
 * `domain/books.ts` turns a role into an account of the site's chart, opening it on first use.
 *
 * Amounts are Dec. A negative amount is posted on the other side (books.ts), so a rule can write a
 * signed difference (a negative adjustment, a refund above cost) without a branch.
 */
import type { Dec } from '../money.js';

/** Accounts of the default chart the rules post to, by `system_key` (chart.ts). */
export const SYSTEM_ROLES = [
  'sales',
  'sales_returns',
  'customer_advances',
  'cost_of_sales',
  'purchases',
  'general_expenses',
  'other_income',
  'stock_adjustments',
  'opening_balance',
  'currency_differences',
] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Accounts opened per record (Daftra's `entity_type`/`entity_id` on the account), and an account named by id. */
export type EntityRole =
  | `client:${number}`
  | `supplier:${number}`
  | `treasury:${number}`
  | `output_tax:${number}`
  | `input_tax:${number}`
  | `inventory:${number}`
  | `account:${number}`;

export type Role = SystemRole | EntityRole;

export const client = (id: number): EntityRole => `client:${id}`;
export const supplier = (id: number): EntityRole => `supplier:${id}`;
export const treasury = (id: number): EntityRole => `treasury:${id}`;
/** Tax collected (sales, incomes): a liability. */
export const outputTax = (taxId: number): EntityRole => `output_tax:${taxId}`;
/** Tax paid (purchases, expenses): an asset. */
export const inputTax = (taxId: number): EntityRole => `input_tax:${taxId}`;
/** The inventory account of one store. */
export const inventory = (storeId: number): EntityRole => `inventory:${storeId}`;
/** An account chosen on the document itself (a requisition's `journal_account_id`). */
export const account = (accountId: number): EntityRole => `account:${accountId}`;

export interface RuleLine {
  role: Role;
  debit: Dec;
  credit: Dec;
  /** Amounts already in the site currency (stock at cost, converted payment sums); otherwise in the document's currency. */
  site?: boolean;
  description?: string;
}

export const debit = (role: Role, amount: Dec, site?: boolean): RuleLine => ({
  role,
  debit: amount,
  credit: 0n,
  ...(site ? { site } : {}),
});
export const credit = (role: Role, amount: Dec, site?: boolean): RuleLine => ({
  role,
  debit: 0n,
  credit: amount,
  ...(site ? { site } : {}),
});
/** The same line on the other side: how a reversing document (credit note, refund) mirrors its original. */
export const flip = (line: RuleLine): RuleLine => ({ ...line, debit: line.credit, credit: line.debit });

/** One tax of a line or record: which tax and how much. */
export interface TaxAmount {
  taxId: number;
  amount: Dec;
}
