/**
 * The cost-center report: journal lines tagged with a cost center (`JournalTransaction.cost_center_id`)
 * summed per center and account over a date range (journal date), optionally for one center
 * (`cost_center_id`) and the centers under it (cost_center_id is the parent). Read from the books
 * only, so it agrees with the trial balance for the tagged lines.
 *
 * Example: two lines on center 3, account 521 (debit 40) and account 521 (credit 10) give one row
 * {cost_center_id: 3, journal_account_id: 521, debit: 40, credit: 10, net: 30}.
 */
import { dayAfter } from './account-movements.js';
import type { Context } from './context.js';
import { validationError } from './errors.js';
import { type Dec, ZERO, formatDec, fromStored } from './money.js';
import type { Report, ReportQuery, Row } from './reports.js';
import { scoped } from '../db/scoped.js';

/** A center and every center under it. */
async function centerTree(context: Context, root: number): Promise<number[]> {
  const rows = await scoped(context, 'cost_centers').selectFrom().select(['id', 'cost_center_id']).execute();
  const children = new Map<number, number[]>();
  for (const row of rows) {
    const parent = Number(row['cost_center_id'] ?? 0);
    children.set(parent, [...(children.get(parent) ?? []), Number(row['id'])]);
  }
  // Breadth first; each center is visited once, so a cycle in stored parents cannot loop.
  const found = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return [...found];
}

export async function costCenterReport(context: Context, query: ReportQuery): Promise<Report> {
  const raw = query.params['cost_center_id'];
  let centers: number[] | null = null;
  if (raw !== undefined && raw !== '') {
    if (!/^\d{1,15}$/.test(String(raw))) throw validationError({ cost_center_id: 'must be a cost center id' });
    centers = await centerTree(context, Number(raw));
  }
  let lines = context.db
    .selectFrom('journal_transactions as t')
    .innerJoin('journals as j', (join) => join.onRef('j.id', '=', 't.journal_id').onRef('j.site_id', '=', 't.site_id'))
    .innerJoin('cost_centers as c', (join) =>
      join.onRef('c.id', '=', 't.cost_center_id').onRef('c.site_id', '=', 't.site_id'),
    )
    .innerJoin('journal_accounts as a', (join) =>
      join.onRef('a.id', '=', 't.journal_account_id').onRef('a.site_id', '=', 't.site_id'),
    )
    .select([
      't.cost_center_id',
      'c.name as cost_center',
      'c.code as cost_center_code',
      't.journal_account_id',
      'a.code',
      'a.name',
      (eb) => eb.fn.sum<string | number>('t.debit').as('debit'),
      (eb) => eb.fn.sum<string | number>('t.credit').as('credit'),
    ])
    .where('t.site_id', '=', context.siteId)
    .where('j.date', '<', dayAfter(query.date_to));
  if (query.date_from) lines = lines.where('j.date', '>=', query.date_from);
  if (centers) lines = lines.where('t.cost_center_id', 'in', centers);
  const rows = await lines
    .groupBy(['t.cost_center_id', 'c.name', 'c.code', 't.journal_account_id', 'a.code', 'a.name'])
    .orderBy('t.cost_center_id')
    .orderBy('a.code')
    .execute();
  let debit = ZERO;
  let credit = ZERO;
  const out: Row[] = rows.map((row) => {
    const d: Dec = fromStored(row['debit']);
    const c: Dec = fromStored(row['credit']);
    debit += d;
    credit += c;
    return {
      cost_center_id: String(row['cost_center_id']),
      cost_center: (row['cost_center'] as string | null) ?? null,
      cost_center_code: (row['cost_center_code'] as string | null) ?? null,
      journal_account_id: String(row['journal_account_id']),
      code: (row['code'] as string | null) ?? null,
      name: (row['name'] as string | null) ?? null,
      debit: formatDec(d),
      credit: formatDec(c),
      net: formatDec(d - c),
    };
  });
  return {
    name: 'cost_centers',
    title: 'Cost centers',
    currency_code: context.site.currency_code,
    date_from: query.date_from,
    date_to: query.date_to,
    columns: [
      'cost_center_id',
      'cost_center',
      'cost_center_code',
      'journal_account_id',
      'code',
      'name',
      'debit',
      'credit',
      'net',
    ],
    rows: out,
    totals: { debit: formatDec(debit), credit: formatDec(credit), net: formatDec(debit - credit) },
  };
}
