// Reading the books through the API: reports, a document's journal, and the agreements every set of
// books must satisfy (used by the reports test and the property test of books.test.ts).
import assert from 'node:assert/strict';
import { dec } from '../../src/domain/money.js';
import type { TestServer } from './harness.js';

export async function report(s: TestServer, name: string, query = ''): Promise<any> {
  const reply = await s.get(`/api2/reports/${name}.json${query ? `?${query}` : ''}`);
  assert.equal(reply.status, 200, `${name}: ${reply.text}`);
  assert.equal(reply.body.result, 'successful');
  return reply.body.data.Report;
}

export async function journalOf(s: TestServer, entityType: string, entityId: string): Promise<any | undefined> {
  const list = await s.get(`/api2/journals.json?entity_type=${entityType}&entity_id=${entityId}`);
  const found = list.body.data[0]?.Journal;
  return found ? (await s.get(`/api2/journals/${found.id}`)).body.data.Journal : undefined;
}

/** Σ of a report's rows whose account is one of the site's accounts under `entityType` (inventory: store). */
async function accountsTotal(s: TestServer, entityType: string, asOf: string): Promise<bigint> {
  const accounts = (await s.get(`/api2/journal_accounts.json?limit=500&entity_type=${entityType}`)).body.data.map((r: any) => r.JournalAccount.id);
  const trial = await report(s, 'trial_balance', `date_to=${asOf}`);
  return trial.rows.filter((row: any) => accounts.includes(row.journal_account_id))
    .reduce((acc: bigint, row: any) => acc + dec(row.closing_debit) - dec(row.closing_credit), 0n);
}

/** What every set of books must satisfy, read through the reports. */
export async function checkReportsAgree(s: TestServer, asOf: string): Promise<void> {
  const trial = await report(s, 'trial_balance', `date_to=${asOf}`);
  assert.equal(trial.balanced, true, 'the trial balance balances');
  assert.equal(trial.totals.closing_debit, trial.totals.closing_credit);
  const sheet = await report(s, 'balance_sheet', `date_to=${asOf}`);
  assert.equal(sheet.balanced, true, `the balance sheet balances: ${JSON.stringify(sheet.totals)}`);
  assert.equal(dec(sheet.totals.assets), dec(sheet.totals.liabilities_and_equity));
  const profit = await report(s, 'profit_and_loss', `date_to=${asOf}`);
  assert.equal(profit.totals.net_profit, sheet.totals.profit_to_date, 'all-time profit = the profit in equity');
  const stock = await report(s, 'stock_valuation', `date_to=${asOf}`);
  assert.equal(dec(stock.totals.value), await accountsTotal(s, 'store', asOf), 'inventory accounts = stock valuation');
  const receivables = await report(s, 'aged_receivables', `date_to=${asOf}`);
  assert.equal(dec(receivables.totals.total), await accountsTotal(s, 'client', asOf), 'aged receivables = client accounts');
  const payables = await report(s, 'aged_payables', `date_to=${asOf}`);
  assert.equal(-dec(payables.totals.total), await accountsTotal(s, 'supplier', asOf), 'aged payables = supplier accounts');
}

