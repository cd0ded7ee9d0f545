// The write paths' INSERT text (src/db/insert.ts) must be what Kysely builds for the same rows, on both
// dialects, with the values in the same order; rows it cannot take (differing columns, expressions)
// must be left to Kysely. Then the rows really land, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import fc from 'fast-check';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { compileInsert, insertReturningIds, insertRows, insertWithChildren } from '../src/db/insert.js';
import type { Db } from '../src/db/connection.js';
import { eachDatabase, it } from './support/harness.js';

// Compiling needs no connection: these dialects are never connected.
const kysely: Record<'sqlite' | 'postgres', Db> = {
  sqlite: new Kysely({
    dialect: new SqliteDialect({
      database: async () => {
        throw new Error('not connected');
      },
    }),
  }),
  postgres: new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) }),
};

const column = fc.constantFrom('site_id', 'name', 'amount', 'date', 'notes', 'weird"name', 'order');
const value = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.double({ noNaN: true }),
  fc.constant(undefined),
);

describe('insert text', () => {
  it('is what Kysely builds for the same rows, with the same values, on both dialects', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(column, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(value, { minLength: 28, maxLength: 28 }),
        fc.boolean(),
        fc.constantFrom('sqlite' as const, 'postgres' as const),
        (columns, count, pool, returning, dialect) => {
          const rows = Array.from({ length: count }, (_, r) =>
            Object.fromEntries(columns.map((name, c) => [name, pool[(r * columns.length + c) % pool.length]])),
          );
          const ours = compileInsert(dialect, 'things', rows, returning ? 'id' : undefined);
          const defined = (row: Record<string, unknown>) =>
            Object.keys(row)
              .filter((key) => row[key] !== undefined)
              .join(',');
          const uniform = rows.every((row) => defined(row) === defined(rows[0]!)) && defined(rows[0]!) !== '';
          if (!uniform) {
            assert.equal(ours, null, 'rows whose columns differ are left to Kysely');
            return;
          }
          const query = kysely[dialect].insertInto('things').values(rows);
          const theirs = returning ? query.returning('id').compile() : query.compile();
          assert.ok(ours);
          assert.equal(ours.sql, theirs.sql);
          assert.deepEqual(ours.parameters, theirs.parameters);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('leaves rows with an expression to Kysely', () => {
    assert.equal(compileInsert('sqlite', 'things', [{ name: 'a', amount: sql`1 + 1` }]), null);
  });
});

eachDatabase('insertRows', (server) => {
  it('writes the rows and returns their ids in the order of the rows', async () => {
    const { database } = server();
    const db = database.db;
    const rows = Array.from({ length: 5 }, (_, i) => ({
      site_id: 1,
      name: `store ${i}`,
      primary: 0,
      active: 1,
      created: '2026-01-01 00:00:00',
    }));
    const ids = (await insertRows(db, database.dialect, 'stores', rows, 'id')).map((row) => Number(row['id']));
    assert.equal(ids.length, 5);
    const stored = await db.selectFrom('stores').select(['id', 'name']).where('id', 'in', ids).orderBy('id').execute();
    assert.deepEqual(
      stored.map((row) => row['name']),
      rows.map((row) => row.name),
    );
    assert.deepEqual(
      [...ids].sort((a, b) => a - b),
      stored.map((row) => Number(row['id'])),
    );
    // Differing columns go through Kysely and land too.
    await insertRows(db, database.dialect, 'stores', [
      { site_id: 1, name: 'x', primary: 0, active: 1 },
      { site_id: 1, name: 'y', primary: 0 },
    ]);
    assert.equal((await db.selectFrom('stores').select('id').where('name', 'in', ['x', 'y']).execute()).length, 2);
  });

  it('inserts many rows in one statement with ids paired to rows by position, ascending, as one-at-a-time inserts would', async () => {
    const { database } = server();
    const db = database.db;
    // Values PostgreSQL gets as JSON: a bigint past 2^53, a string that looks like a number, quotes, null.
    const rows = [
      { site_id: 1, name: 'line "a"', primary: 0, active: 1, created: null },
      { site_id: 1, name: '00123', primary: 0, active: 1, created: '2026-01-01 00:00:00' },
      { site_id: 1, name: "it's", primary: 0, active: 0, created: null },
    ];
    const before = Number(
      (
        await db
          .selectFrom('stores')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.['m'] ?? 0,
    );
    const ids = await insertReturningIds(db, database.dialect, 'stores', rows);
    assert.equal(ids.length, 3);
    assert.ok(ids[0]! > before && ids[0]! < ids[1]! && ids[1]! < ids[2]!, `ids ascend after ${before}: ${ids}`);
    const stored = await db.selectFrom('stores').selectAll().where('id', 'in', ids).orderBy('id').execute();
    assert.deepEqual(
      stored.map((row) => [Number(row['id']), row['name'], Number(row['active']), row['created']]),
      rows.map((row, index) => [ids[index], row.name, row.active, row.created]),
    );
    // The next one-at-a-time insert gets an id after them (the sequence moved past what was drawn).
    const [next] = await insertRows(
      db,
      database.dialect,
      'stores',
      [{ site_id: 1, name: 'after', primary: 0, active: 1 }],
      'id',
    );
    assert.ok(Number(next!['id']) > ids[2]!);
    const big = 2n ** 60n + 7n;
    const [money] = await insertReturningIds(db, database.dialect, 'stock_positions', [
      { site_id: 1, product_id: 1, store_id: 901, quantity: big, value: 1 },
      { site_id: 1, product_id: 1, store_id: 902, quantity: -5, value: 2 },
    ]);
    const back = await db
      .selectFrom('stock_positions')
      .select(['quantity'])
      .where('id', '=', money!)
      .executeTakeFirstOrThrow();
    assert.equal(BigInt(back['quantity'] as string | number | bigint), big);
  });

  it('inserts a parent and its children, the children naming the parent, in the order given', async () => {
    const { database } = server();
    const db = database.db;
    const journal = {
      site_id: 1,
      number: 'test-1',
      staff_id: 0,
      date: '2026-01-02',
      entity_type: 'test',
      entity_id: 1,
      is_automatic: 1,
      description: 'd',
      total_debit: 5,
      total_credit: 5,
      currency_debit: 5,
      currency_credit: 5,
      currency_code: 'SAR',
      created: '2026-01-02 00:00:00',
      modified: '2026-01-02 00:00:00',
    };
    const lines = [3, 2, 1].map((n) => ({
      site_id: 1,
      journal_account_id: n,
      debit: n,
      credit: 0,
      currency_code: 'SAR',
      subkey: null,
      description: `line ${n}`,
    }));
    const id = await insertWithChildren(
      db,
      database.dialect,
      'journals',
      journal,
      'journal_transactions',
      'journal_id',
      lines,
    );
    const stored = await db
      .selectFrom('journal_transactions')
      .select(['journal_id', 'journal_account_id', 'description'])
      .where('journal_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      stored.map((row) => [Number(row['journal_id']), Number(row['journal_account_id']), row['description']]),
      lines.map((line) => [id, line.journal_account_id, line.description]),
    );
    assert.equal(
      (await db.selectFrom('journals').select('number').where('id', '=', id).executeTakeFirstOrThrow())['number'],
      'test-1',
    );
    // No children: the parent alone.
    const alone = await insertWithChildren(
      db,
      database.dialect,
      'journals',
      { ...journal, number: 'test-2' },
      'journal_transactions',
      'journal_id',
      [],
    );
    assert.ok(alone > id);
  });
});

process.on('exit', () => {
  void kysely.postgres.destroy();
});
