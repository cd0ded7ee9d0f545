// Rows from node-postgres with the result shapes reused (src/db/pg-rows.ts) must be exactly the rows
// pg builds itself: the same keys in the same order, the same values and nulls, a repeated column name
// answered by its last column, and each of several result sets of one message with its own shape.
// Compared on a real PostgreSQL against a client of an unpatched copy of pg's row building.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { reuseRowShapes } from '../src/db/pg-rows.js';
import { POSTGRES_ADMIN_URL, postgresProblem } from './support/harness.js';

const STATEMENTS = [
  `select 1::int as a, null::text as b, 'x'::text as "c d", 2::bigint as a, 1.50::numeric as n, true as t,
     '2026-12-02'::date::text as day, '{"k":1}'::jsonb as j, array[1,2]::int[] as arr`,
  'select g as id, md5(g::text) as name, case when g % 2 = 0 then null else g end as odd from generate_series(1, 5) g',
  'select \'فاتورة\' as "الاسم", 3 as "1", 4 as "z"',
];

describe('node-postgres rows with reused result shapes', { skip: postgresProblem ?? false }, () => {
  const clients: pg.Client[] = [];
  let reference: Array<Array<Record<string, unknown>>> = [];
  before(async () => {
    const plain = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await plain.connect();
    clients.push(plain);
    // pg's own rows, taken before the patch is applied to the (shared) Result class.
    reference = [];
    for (const text of STATEMENTS) reference.push((await plain.query(text)).rows);
    reuseRowShapes(pg.Result);
  });
  after(async () => {
    for (const client of clients) await client.end();
  });

  it('gives the rows pg gives, the first time a shape is seen and every time after', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    clients.push(client);
    for (let round = 0; round < 3; round += 1) {
      for (const [i, text] of STATEMENTS.entries()) {
        const rows = (await client.query(text)).rows;
        assert.deepEqual(rows, reference[i], `statement ${i}, round ${round}`);
        for (const [r, row] of rows.entries())
          assert.deepEqual(Object.keys(row), Object.keys(reference[i]![r]!), 'keys in the same order');
      }
    }
  });

  it('keeps each result set of a message of several statements to its own shape', async () => {
    const client = clients[1]!;
    const results = await client.query(STATEMENTS.join(';\n'));
    assert.ok(Array.isArray(results));
    const sets = results as unknown as pg.QueryResult[];
    assert.equal(sets.length, STATEMENTS.length);
    for (const [i, set] of sets.entries()) assert.deepEqual(set.rows, reference[i], `result set ${i}`);
  });

  it('leaves rows asked for as arrays as they were', async () => {
    const client = clients[1]!;
    const result = await client.query({ text: STATEMENTS[1]!, rowMode: 'array' });
    assert.deepEqual(result.rows[1], [2, 'c81e728d9d4c2f636f067f89cc14862c', null]);
  });
});
