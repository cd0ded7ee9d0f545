/**
 * The default chart of accounts every new site starts with. Folders are journal cats, postable leaves
 * are journal accounts; `system_key` names the accounts the posting rules use (books.ts). Accounts for
 * each client, supplier, treasury and tax are opened lazily under their folder when first posted to.
 *
 * type: '0' debit-natured (assets, expenses), '1' credit-natured (liabilities, equity, revenue).
 */
import type { Db } from '../db/connection.js';

interface CatSeed {
  key: string;
  code: string;
  name: string;
  type: '0' | '1';
  parent?: string;
  entityType?: string;
}
interface AccountSeed {
  key: string;
  code: string;
  name: string;
  cat: string;
  type: '0' | '1';
}

export const DEFAULT_CATS: CatSeed[] = [
  { key: 'assets', code: '1', name: 'Assets', type: '0' },
  { key: 'current_assets', code: '11', name: 'Current Assets', type: '0', parent: 'assets' },
  {
    key: 'treasuries',
    code: '111',
    name: 'Cash and Banks',
    type: '0',
    parent: 'current_assets',
    entityType: 'treasury',
  },
  {
    key: 'receivables',
    code: '112',
    name: 'Accounts Receivable',
    type: '0',
    parent: 'current_assets',
    entityType: 'client',
  },
  { key: 'inventory', code: '113', name: 'Inventory', type: '0', parent: 'current_assets', entityType: 'store' },
  {
    key: 'input_taxes',
    code: '114',
    name: 'Input Taxes',
    type: '0',
    parent: 'current_assets',
    entityType: 'outcome_tax',
  },
  { key: 'fixed_assets', code: '12', name: 'Fixed Assets', type: '0', parent: 'assets' },
  { key: 'liabilities', code: '2', name: 'Liabilities', type: '1' },
  { key: 'current_liabilities', code: '21', name: 'Current Liabilities', type: '1', parent: 'liabilities' },
  {
    key: 'payables',
    code: '211',
    name: 'Accounts Payable',
    type: '1',
    parent: 'current_liabilities',
    entityType: 'supplier',
  },
  {
    key: 'output_taxes',
    code: '212',
    name: 'Output Taxes',
    type: '1',
    parent: 'current_liabilities',
    entityType: 'income_tax',
  },
  { key: 'equity', code: '3', name: 'Equity', type: '1' },
  { key: 'revenue', code: '4', name: 'Revenue', type: '1' },
  {
    key: 'income_categories',
    code: '42',
    name: 'Other Income',
    type: '1',
    parent: 'revenue',
    entityType: 'income_category',
  },
  { key: 'expenses', code: '5', name: 'Expenses', type: '0' },
  {
    key: 'expense_categories',
    code: '52',
    name: 'Operating Expenses',
    type: '0',
    parent: 'expenses',
    entityType: 'expense_category',
  },
];

export const DEFAULT_ACCOUNTS: AccountSeed[] = [
  { key: 'capital', code: '31', name: 'Owner Capital', cat: 'equity', type: '1' },
  { key: 'retained_earnings', code: '32', name: 'Retained Earnings', cat: 'equity', type: '1' },
  { key: 'opening_balance', code: '33', name: 'Opening Balance Equity', cat: 'equity', type: '1' },
  { key: 'customer_advances', code: '213', name: 'Customer Advances', cat: 'current_liabilities', type: '1' },
  { key: 'sales', code: '41', name: 'Sales', cat: 'revenue', type: '1' },
  { key: 'sales_returns', code: '43', name: 'Sales Returns', cat: 'revenue', type: '0' },
  { key: 'other_income', code: '421', name: 'Other Income', cat: 'income_categories', type: '1' },
  { key: 'purchases', code: '55', name: 'Purchases and Purchase Costs', cat: 'expenses', type: '0' },
  { key: 'general_expenses', code: '521', name: 'General Expenses', cat: 'expense_categories', type: '0' },
  { key: 'cost_of_sales', code: '51', name: 'Cost of Goods Sold', cat: 'expenses', type: '0' },
  { key: 'stock_adjustments', code: '53', name: 'Inventory Adjustments', cat: 'expenses', type: '0' },
  { key: 'currency_differences', code: '54', name: 'Rounding and Currency Differences', cat: 'expenses', type: '0' },
];

export async function seedChartOfAccounts(db: Db, siteId: number, now: string): Promise<void> {
  const catIds = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const cat of DEFAULT_CATS) {
    const parentId = cat.parent ? catIds.get(cat.parent)! : null;
    const path = cat.parent ? [paths.get(cat.parent), String(parentId)].filter(Boolean).join(',') : '';
    const row = await db
      .insertInto('journal_cats')
      .values({
        site_id: siteId,
        code: cat.code,
        name: cat.name,
        type: cat.type,
        journal_cat_id: parentId,
        parent_cat_ids: path,
        entity_type: cat.entityType ?? null,
        system_key: cat.key,
        disabled: 0,
        staff_id: 0,
        created: now,
        modified: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    catIds.set(cat.key, Number(row['id']));
    paths.set(cat.key, path);
  }
  for (const account of DEFAULT_ACCOUNTS) {
    const catId = catIds.get(account.cat)!;
    await db
      .insertInto('journal_accounts')
      .values({
        site_id: siteId,
        code: account.code,
        name: account.name,
        type: account.type,
        journal_cat_id: catId,
        parent_cat_ids: [paths.get(account.cat), String(catId)].filter(Boolean).join(','),
        system_key: account.key,
        disabled: 0,
        staff_id: 0,
        created: now,
        modified: now,
      })
      .execute();
  }
}
