// Reading the books through the API: reports, a document's journal, and the agreements every set of
// books must satisfy (used by the reports test and the property test of books.test.ts).
import assert from 'node:assert/strict';
import { dec, fromStored } from '../../src/domain/money.js';
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
  const accounts = (await s.get(`/api2/journal_accounts.json?limit=500&entity_type=${entityType}`)).body.data.map(
    (r: any) => r.JournalAccount.id,
  );
  const trial = await report(s, 'trial_balance', `date_to=${asOf}`);
  return trial.rows
    .filter((row: any) => accounts.includes(row.journal_account_id))
    .reduce((acc: bigint, row: any) => acc + dec(row.closing_debit) - dec(row.closing_credit), 0n);
}

/** Journals opened line by line on each read-back check (the newest ones): a bound on the test's requests. */
const JOURNALS_READ_MAX = 25;

/**
 * The paired half of books.ts's check when a journal is built: read back through the API, every
 * journal's totals agree, and the newest ones' lines balance to those totals.
 */
export async function checkJournalsReadBack(s: TestServer): Promise<void> {
  const list = await s.get(`/api2/journals.json?limit=${JOURNALS_READ_MAX}&sort=id&direction=desc`);
  assert.equal(list.status, 200, list.text);
  for (const { Journal: head } of list.body.data) {
    assert.equal(
      dec(head.total_debit),
      dec(head.total_credit),
      `journal ${head.id} (${head.entity_type} ${head.entity_id}) read back: total debit = total credit`,
    );
    const full = (await s.get(`/api2/journals/${head.id}`)).body.data.Journal;
    const lines: any[] = full.JournalTransaction;
    const debit = lines.reduce((acc: bigint, line: any) => acc + dec(line.debit), 0n);
    const credit = lines.reduce((acc: bigint, line: any) => acc + dec(line.credit), 0n);
    assert.equal(
      debit,
      credit,
      `journal ${head.id} (${head.entity_type} ${head.entity_id}) read back: its lines balance`,
    );
    assert.equal(debit, dec(head.total_debit), `journal ${head.id} read back: its lines make its total`);
  }
}

/**
 * Stock read back: each product's `stock_balance` (kept on write) and the stored positions per store
 * equal what the ledger adds up to (the stock valuation report, which reads the movements).
 */
export async function checkStockReadBack(s: TestServer): Promise<void> {
  const valuation = await report(s, 'stock_valuation', 'date_to=2999-12-31');
  const ledger = new Map<string, { quantity: bigint; value: bigint }>();
  const perProduct = new Map<string, bigint>();
  for (const row of valuation.rows) {
    ledger.set(`${row.product_id}:${row.store_id}`, { quantity: dec(row.quantity), value: dec(row.value) });
    perProduct.set(row.product_id, (perProduct.get(row.product_id) ?? 0n) + dec(row.quantity));
  }
  const products = (await s.get('/api2/products.json?limit=1000')).body.data.map((row: any) => row.Product);
  for (const product of products) {
    if (Number(product.track_stock) !== 1) continue;
    assert.equal(
      dec(product.stock_balance ?? '0'),
      perProduct.get(product.id) ?? 0n,
      `product ${product.id} read back: stock_balance = Σ its movements`,
    );
  }
  const ids = products.map((product: any) => Number(product.id));
  if (ids.length === 0) return;
  const stored = await s.database.db
    .selectFrom('stock_positions')
    .select(['product_id', 'store_id', 'quantity', 'value'])
    .where('product_id', 'in', ids)
    .execute();
  const positions = new Map(
    stored.map((row) => [
      `${row['product_id']}:${row['store_id']}`,
      { quantity: fromStored(row['quantity']), value: fromStored(row['value']) },
    ]),
  );
  for (const [key, position] of ledger)
    assert.deepEqual(positions.get(key), position, `stock position ${key} read back = the ledger`);
  for (const [key, position] of positions)
    if (!ledger.has(key))
      assert.deepEqual(position, { quantity: 0n, value: 0n }, `stock position ${key} without movements is empty`);
}

/** What every set of books must satisfy, read through the reports. */
export async function checkReportsAgree(s: TestServer, asOf: string): Promise<void> {
  await checkJournalsReadBack(s);
  await checkStockReadBack(s);
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
  assert.equal(
    dec(receivables.totals.total),
    await accountsTotal(s, 'client', asOf),
    'aged receivables = client accounts',
  );
  const payables = await report(s, 'aged_payables', `date_to=${asOf}`);
  assert.equal(
    -dec(payables.totals.total),
    await accountsTotal(s, 'supplier', asOf),
    'aged payables = supplier accounts',
  );
}
