// Lists read through the trigger-kept row counts (db/list-counts.ts) must give exactly what counting and
// OFFSET give: the same total_results and the same rows on every page, in both orders, after creates,
// date and type changes and deletes, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { listTuning } from '../src/engine/listing.js';
import { runShape } from '../src/db/shapes.js';
import { type TestServer, eachDatabase, it } from './support/harness.js';

/** What the list must show, computed straight from the table. */
async function expected(s: TestServer, types: number[], direction: 'asc' | 'desc'): Promise<string[]> {
  const rows = await s.database.db
    .selectFrom('invoices')
    .select('id')
    .where('type', 'in', types)
    .orderBy('date', direction)
    .orderBy('id', direction)
    .execute();
  return rows.map((row) => String(row['id']));
}

async function listed(
  s: TestServer,
  resource: string,
  model: string,
  query: string,
  limit: number,
): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let page = 1; ; page += 1) {
    const reply = await s.get(`/api2/${resource}.json?limit=${limit}&page=${page}${query}`);
    assert.equal(reply.status, 200, reply.text);
    totals.push(reply.body.pagination.total_results);
    if (reply.body.data.length === 0) break;
    ids.push(...reply.body.data.map((row: any) => row[model].id));
    if (reply.body.pagination.next === null) break;
  }
  return { ids, totals };
}

eachDatabase('lists at scale', (server) => {
  const seekFrom = listTuning.seekFromOffset;
  // Every page past the first starts from its day, as deep pages of a big table do.
  before(() => {
    listTuning.seekFromOffset = 1;
  });
  after(() => {
    listTuning.seekFromOffset = seekFrom;
  });

  it('pages through counted invoices exactly as OFFSET does, in both orders, through every kind of write', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Paging Co' } });
    const days = [
      '2024-01-05',
      '2024-01-05',
      '2024-01-06',
      '2023-12-31',
      '2024-01-05',
      '2024-02-29',
      '2024-01-06',
      '2022-07-01',
    ];
    const invoices: string[] = [];
    for (const [index, date] of [...days, ...days].entries()) {
      invoices.push(
        await s.create('invoices', {
          Invoice: { client_id: client, date, type: index % 5 === 4 ? 16 : 0 },
          InvoiceItem: [{ item: 'x', unit_price: 1 + index }],
        }),
      );
    }
    await s.create('estimates', {
      Estimate: { client_id: client, date: '2024-01-05' },
      InvoiceItem: [{ item: 'e', unit_price: 1 }],
    });
    await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoices[0], date: '2024-01-06' },
      InvoiceItem: [{ item: 'c', unit_price: 1 }],
    });
    // Writes that move rows between days and scopes, and out of the table.
    await s.put(`/api2/invoices/${invoices[3]}`, { Invoice: { date: '2025-03-01' } });
    await s.put(`/api2/invoices/${invoices[5]}`, { Invoice: { notes: 'same day, same type' } });
    await s.put(`/api2/invoices/${invoices[6]}`, { Invoice: { type: 19 } });
    await s.del(`/api2/invoices/${invoices[7]}`);
    await s.del(`/api2/invoices/${invoices[12]}`);

    for (const limit of [1, 2, 3, 7]) {
      for (const direction of ['desc', 'asc'] as const) {
        const query = direction === 'asc' ? '&sort=date&direction=asc' : '';
        const want = await expected(s, [0, 16, 19], direction);
        const got = await listed(s, 'invoices', 'Invoice', query, limit);
        assert.deepEqual(got.ids, want, `invoices, limit ${limit}, ${direction}`);
        assert.ok(
          got.totals.every((total) => total === want.length),
          `total_results ${got.totals} = ${want.length}`,
        );
      }
    }
    for (const [resource, model, types] of [
      ['estimates', 'Estimate', [3]],
      ['credit_notes', 'CreditNote', [5]],
    ] as const) {
      const got = await listed(s, resource, model, '', 1);
      assert.deepEqual(got.ids, await expected(s, [...types], 'desc'), resource);
    }
    const beyond = await s.get('/api2/invoices.json?limit=5&page=99');
    assert.deepEqual(
      [beyond.body.data, beyond.body.pagination.total_results],
      [[], (await expected(s, [0, 16, 19], 'desc')).length],
    );
    // Filtered lists count what they match.
    const filtered = await s.get(`/api2/invoices.json?client_id=${client}&date_from=2024-01-06&limit=2`);
    const matching = (
      await s.database.db
        .selectFrom('invoices')
        .select('id')
        .where('type', 'in', [0, 16, 19])
        .where('date', '>=', '2024-01-06')
        .execute()
    ).length;
    assert.equal(filtered.body.pagination.total_results, matching);
  });

  it('reuses a compiled query shape only with values in the order its builder takes them', async () => {
    const s = server();
    const db = s.database.db;
    const build = () => db.selectFrom('invoices').select('id').where('site_id', '=', 1).where('id', '=', 7);
    await assert.rejects(runShape(db, s.database.dialect, 'test:swapped', [7, 1], build), /not in the builder's order/);
    const { rows } = await runShape(db, s.database.dialect, 'test:ordered', [1, 7], build);
    assert.ok(rows.length <= 1);
    const again = await runShape(db, s.database.dialect, 'test:ordered', [1, 999_999], build);
    assert.deepEqual(again.rows, [], 'the kept shape runs with the new values');
  });

  it('keeps the counts equal to the rows of every site, scope and day', async () => {
    const s = server();
    const db = s.database.db;
    const actual = await db
      .selectFrom('invoices')
      .select(['site_id', 'type', 'date', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['site_id', 'type', 'date'])
      .execute();
    const kept = await db
      .selectFrom('list_day_counts')
      .select(['site_id', 'scope', 'day', 'n'])
      .where('tbl', '=', 'invoices')
      .where('n', '<>', 0)
      .execute();
    const key = (site: unknown, scope: unknown, day: unknown, n: unknown) => `${site}/${scope}/${day}=${n}`;
    assert.deepEqual(
      kept.map((r) => key(r['site_id'], r['scope'], r['day'], r['n'])).sort(),
      actual.map((r) => key(r['site_id'], r['type'], r['date'], r['n'])).sort(),
    );
    const totals = await db
      .selectFrom('list_counts')
      .select(['scope', 'n'])
      .where('tbl', '=', 'invoices')
      .where('n', '<>', 0)
      .execute();
    const byType = await db
      .selectFrom('invoices')
      .select(['type', (eb) => eb.fn.countAll().as('n')])
      .groupBy('type')
      .execute();
    assert.deepEqual(
      totals.map((r) => `${r['scope']}=${r['n']}`).sort(),
      byType.map((r) => `${r['type']}=${r['n']}`).sort(),
    );
  });
});
