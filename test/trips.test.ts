// Statements that travel together to PostgreSQL (src/db/trips.ts) carry their values as literals: the
// literal must be exactly the value, or refused. Checked as text here, and on a real PostgreSQL by
// reading each value back through the inlined text and through an ordinary parameter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { batchingClient, inlineSql, sqlLiteral } from '../src/db/trips.js';
import { POSTGRES_ADMIN_URL, postgresProblem } from './support/harness.js';

describe('literals of inlined statements', () => {
  it('quotes every value as an untyped string literal, as node-postgres sends it', () => {
    assert.equal(sqlLiteral(null), 'NULL');
    assert.equal(sqlLiteral(undefined), 'NULL');
    assert.equal(sqlLiteral(12), "'12'");
    assert.equal(sqlLiteral(-1.5), "'-1.5'");
    assert.equal(sqlLiteral(12345678901234567890n), "'12345678901234567890'");
    assert.equal(sqlLiteral(true), "'true'");
    assert.equal(sqlLiteral("O'Brien"), "'O''Brien'");
    assert.equal(sqlLiteral('a\\b'), " E'a\\\\b'");
    assert.equal(sqlLiteral('فاتورة ✓ 😀'), "'فاتورة ✓ 😀'");
    assert.equal(sqlLiteral([1, 2]), '\'{"1","2"}\'');
  });

  it('refuses what cannot be exact: NUL, binary', () => {
    assert.equal(sqlLiteral('a\0b'), undefined);
    assert.equal(sqlLiteral(Buffer.from('x')), undefined);
    assert.equal(inlineSql('select $1', ['a\0']), undefined);
  });

  it('replaces only placeholders outside quotes, and refuses text it cannot read safely', () => {
    assert.equal(inlineSql('select $1, $2', [1, 'x']), "select '1', 'x'");
    assert.equal(inlineSql('select $1, $1::text', [1]), undefined, 'a parameter used twice is typed once');
    assert.equal(
      inlineSql(`select "a$1", 'b$1''$2' from t where x = $1`, [5]),
      `select "a$1", 'b$1''$2' from t where x = '5'`,
    );
    assert.equal(
      inlineSql(
        'select $10',
        Array.from({ length: 10 }, (_, i) => i),
      ),
      "select '9'",
    );
    assert.equal(inlineSql('select $2', [1]), undefined, 'a placeholder past the values');
    assert.equal(inlineSql('select $$x$$ || $1', [1]), undefined, 'dollar quoting');
    assert.equal(inlineSql("select E'\\'' || $1", [1]), undefined, 'a backslash in the text');
    assert.equal(inlineSql('select 1 -- $1\n, $1', [1]), undefined, 'a comment');
    assert.equal(inlineSql('select /* $1 */ $1', [1]), undefined, 'a block comment');
    assert.equal(inlineSql("select 'open", []), "select 'open", 'no values: the text as it is');
    assert.equal(inlineSql("select 'open $1", [1]), undefined, 'an unclosed quote');
  });
});

describe('inlined statements on PostgreSQL', { skip: postgresProblem ?? false }, () => {
  const Client = batchingClient(pg.Client);
  let client: InstanceType<typeof Client>;
  before(async () => {
    client = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
  });
  after(async () => {
    await client.end();
  });

  const tricky = [
    "O'Brien",
    "''",
    '\\',
    "\\'",
    "a\\'; select 1; --",
    '$1',
    '$$',
    '"',
    '\n\r\t',
    'مرحبا',
    '😀',
    '\u2028',
    ' E',
    '',
  ];

  it('reads back every string as the parameter would give it', async () => {
    const strings = [...tricky, ...fc.sample(fc.string({ unit: 'grapheme' }), 200), ...fc.sample(fc.string(), 200)];
    for (const value of strings) {
      if (value.includes('\0')) continue;
      const text = inlineSql('select $1::text as v, $2 = $3 as same', [value, value, value]);
      assert.ok(text !== undefined);
      const inlined = await client.query(text);
      const parameter = await client.query('select $1::text as v', [value]);
      assert.equal(inlined.rows[0].v, parameter.rows[0].v, JSON.stringify(value));
      assert.equal(inlined.rows[0].same, true);
    }
  });

  it('types numbers, booleans, nulls and JSON from their context as parameters are typed (or fails alike)', async () => {
    const outcome = async (run: () => Promise<pg.QueryResult>) => {
      try {
        return { rows: (await run()).rows };
      } catch (error) {
        return { code: (error as { code?: string }).code };
      }
    };
    const values = [
      0,
      -7,
      2 ** 53 + 2,
      1.25,
      1e21,
      123456789012345678901234567890n,
      true,
      null,
      { a: "it's" },
      [1, 'b'],
    ];
    const queries = [
      'select pg_typeof(coalesce($1, null::numeric)) as t',
      'select $1 as v',
      'select $1::jsonb as v',
      'select $1::bigint + 1 as v',
      'select $1::text[] as v',
    ];
    for (const query of queries) {
      for (const value of values) {
        const inlined = await outcome(() => client.query(inlineSql(query, [value])!));
        const parameter = await outcome(() => client.query(query, [value]));
        assert.deepEqual(inlined, parameter, `${query} with ${String(value)}`);
      }
    }
  });

  it('sends BEGIN and deferred writes with the next statement, and a failure rolls all of it back', async () => {
    await client.query('create temporary table trips_probe (id int primary key, note text)');
    await client.query('begin');
    await client.query('/*daftar:defer*/insert into trips_probe values ($1, $2)', [1, "it's"]);
    const seen = await client.query('select note from trips_probe where id = $1', [1]);
    assert.deepEqual(seen.rows, [{ note: "it's" }], 'a read sees the deferred write');
    await client.query('/*daftar:defer*/insert into trips_probe values ($1, $2)', [1, 'again']);
    await assert.rejects(client.query('commit'), /duplicate key/);
    await client.query('rollback');
    const after = await client.query('select count(*)::int as n from trips_probe');
    assert.equal(after.rows[0].n, 0, 'nothing of the failed transaction stayed');
    await client.query('begin');
    const ended = await client.query('commit');
    assert.equal(ended.command, 'COMMIT', 'an empty transaction ends without a word to the server');
  });
});
