/**
 * Server time of each web-console page on the bench's data set (bench/generate.ts): `npm run build &&
 * node dist/bench/console-pages.js [invoices]` (default 100,000; the file is cached under bench/.data/).
 * Each page is asked 3 times to warm up, then RUNS times through Fastify's inject with a signed-in
 * session (no network, no browser): the figure is the server's whole work for the page, including its
 * calls of the API. Then the report endpoints themselves, and what the dashboard used to do (12 P&L
 * reports and 2 trial balances). `PAGES=a,b` times only the URLs containing one of them, `SKIP=c,d` leaves those out; `WARMUPS=n` (default 3);
 * `FROM_LINES=1` makes the reports sum every journal line, as before the account totals.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { ensureSqliteDataset } from './generate.js';
import { movementSource } from '../src/domain/account-movements.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env['RUNS'] ?? 15);
const WARMUPS = Number(process.env['WARMUPS'] ?? 3);
/** PAGES=a,b: only the URLs containing one of them; SKIP=c,d: not those containing one of these. */
const listed = (name: string) => (process.env[name] ?? '').split(',').filter(Boolean);
const wanted = (url: string) =>
  (listed('PAGES').length === 0 || listed('PAGES').some((p) => url.includes(p))) &&
  !listed('SKIP').some((p) => url.includes(p));
// FROM_LINES=1: reports sum every journal line, as before the maintained account totals (for a before/after).
if (process.env['FROM_LINES']) movementSource.fromLines = true;
const invoices = Number(process.argv[2] ?? 100_000);

const dataset = await ensureSqliteDataset(path.join(ROOT, 'bench', '.data'), invoices, (line) =>
  process.stderr.write(`${line}\n`),
);
const file = dataset.file;
const owner = new SqliteDatabase(file, { readonly: true })
  .prepare('select email from users where staff_id = 0 limit 1')
  .get() as { email: string };
const config = loadConfig({
  DATABASE_URL: `sqlite:${file}`,
  DAFTAR_DATA_DIR: path.dirname(file),
  DAFTAR_TOKEN_RATE_LIMIT: '1000',
});
const server = await startServer(config, false);
const app = server.app;
const token = (
  await app.inject({
    method: 'POST',
    url: '/api2/oauth/token',
    payload: { grant_type: 'password', username: owner.email, password: 'bench-password' },
  })
).json() as { access_token: string };
if (!token.access_token) throw new Error('could not sign in as the bench owner');
const cookie = `daftar_session=${token.access_token}`;

async function time(label: string, run: () => Promise<number>): Promise<void> {
  if (!wanted(label)) return;
  for (let i = 0; i < WARMUPS; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    const status = await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (status !== 200) throw new Error(`${label} answered ${status}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  process.stdout.write(`| ${label} | ${at(0.5)} | ${at(0.9)} | ${times[times.length - 1]!.toFixed(1)} |\n`);
}

const page = (url: string) =>
  time(url, async () => (await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode);
process.stdout.write(
  `${invoices} invoices, SQLite, ${RUNS} runs after ${WARMUPS} warm-ups${movementSource.fromLines ? ', reports summed from the lines (FROM_LINES)' : ''}; milliseconds\n\n| page | median | p90 | max |\n|---|---|---|---|\n`,
);
for (const url of [
  '/app',
  '/app/invoices',
  '/app/invoices?keywords=INV',
  '/app/invoices?keywords=000123',
  '/app/invoices?keywords=Ghamdi',
  '/app/invoices?payment_status=0&overdue=1',
  '/app/invoices?page=50',
  '/app/invoices/1',
  '/app/invoices/new',
  '/app/estimates',
  '/app/clients',
  '/app/suppliers',
  '/app/products',
  '/app/products/1',
  '/app/purchases',
  '/app/expenses',
  '/app/incomes',
  '/app/treasuries',
  '/app/settings',
  '/app/reports/monthly_summary',
  '/app/reports/profit_and_loss',
  '/app/reports/balance_sheet',
  '/app/reports/trial_balance',
  '/app/reports/trial_balance?date_from=2024-03-17&date_to=2025-08-11',
  '/app/reports/balance_sheet?date_to=2024-06-30',
  '/app/reports/aged_receivables',
  '/app/reports/aged_payables',
  '/app/reports/stock_valuation',
  '/app/reports/general_ledger',
  // A client's statement over its whole history, and the ledger of the Sales account (id 5 in the
  // bench's chart, a line per invoice) over a month and over the data set's last year.
  '/app/reports/client_statement?client_id=1&date_from=2023-01-01',
  '/app/reports/general_ledger?journal_account_id=5&date_from=2025-12-01&date_to=2025-12-31',
  '/app/reports/general_ledger?journal_account_id=5&date_from=2025-01-01&date_to=2025-12-31',
  // A page far into it: the lines before it are summed by the database.
  '/app/reports/general_ledger?journal_account_id=5&date_from=2025-01-01&date_to=2025-12-31&page=2000',
].filter(wanted))
  await page(url);
// The report endpoints themselves, over all time to today (the API's default range).
const api = (url: string) =>
  time(
    url,
    async () =>
      (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token.access_token}` } })).statusCode,
  );
for (const url of [
  '/api2/reports/profit_and_loss.json',
  '/api2/reports/balance_sheet.json',
  '/api2/reports/trial_balance.json',
  '/api2/reports/trial_balance.json?date_from=2024-03-17&date_to=2025-08-11',
  '/api2/reports/monthly_summary.json',
  '/api2/reports/monthly_summary.json?date_from=2023-01-01&date_to=2025-12-31',
  '/api2/treasuries.json',
  '/api2/reports/aged_receivables.json',
  '/api2/reports/aged_receivables.json?date_to=2025-12-31',
  '/api2/reports/aged_payables.json',
  '/api2/reports/stock_valuation.json',
  '/api2/reports/stock_valuation.json?date_to=2025-06-30',
  '/api2/reports/stock_valuation.json?date_to=2024-02-14',
  // The dashboard's top lists for the data set's last month (the dashboard asks for this month).
  '/api2/reports/top_clients.json?date_from=2025-12-01&date_to=2025-12-31&limit=5',
  '/api2/reports/top_products.json?date_from=2025-12-01&date_to=2025-12-31&limit=5',
].filter(wanted))
  await api(url);
// What the dashboard did before: one P&L a month for 12 months and two trial balances.
await time('(before) 12 P&L + 2 trial balances', async () => {
  const now = new Date();
  const replies = await Promise.all([
    ...Array.from({ length: 12 }, (_, i) => {
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 10 + i, 0)).toISOString().slice(0, 10);
      return app.inject({
        method: 'GET',
        url: `/api2/reports/profit_and_loss.json?date_from=${start}&date_to=${end}`,
        headers: { authorization: `Bearer ${token.access_token}` },
      });
    }),
    ...[0, 1].map(() =>
      app.inject({
        method: 'GET',
        url: '/api2/reports/trial_balance.json',
        headers: { authorization: `Bearer ${token.access_token}` },
      }),
    ),
  ]);
  return replies.every((r) => r.statusCode === 200) ? 200 : 500;
});
await server.close();
