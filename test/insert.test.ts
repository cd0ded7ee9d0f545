// The write paths' INSERT text (src/db/insert.ts) must be what Kysely builds for the same rows, on both
// dialects, with the values in the same order; rows it cannot take (differing columns, expressions)
// must be left to Kysely. Then the rows really land, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import fc from 'fast-check';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { compileInsert, insertRows } from '../src/db/insert.js';
import type { Db } from '../src/db/connection.js';
import { eachDatabase, it } from './support/harness.js';

// Compiling needs no connection: these dialects are never connected.
const kysely: Record<'sqlite' | 'postgres', Db> = {
  sqlite: new Kysely({ dialect: new SqliteDialect({ database: async () => { throw new Error('not connected'); } }) }),
  postgres: new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) }),
};

const column = fc.constantFrom('site_id', 'name', 'amount', 'date', 'notes', 'weird"name', 'order');
const value = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double({ noNaN: true }), fc.constant(undefined));

describe('insert text', () => {
  it('is what Kysely builds for the same rows, with the same values, on both dialects', () => {
    fc.assert(fc.property(
      fc.uniqueArray(column, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 4 }), fc.array(value, { minLength: 28, maxLength: 28 }),
      fc.boolean(), fc.constantFrom('sqlite' as const, 'postgres' as const),
      (columns, count, pool, returning, dialect) => {
        const rows = Array.from({ length: count }, (_, r) => Object.fromEntries(columns.map((name, c) => [name, pool[(r * columns.length + c) % pool.length]])));
        const ours = compileInsert(dialect, 'things', rows, returning ? 'id' : undefined);
        const defined = (row: Record<string, unknown>) => Object.keys(row).filter((key) => row[key] !== undefined).join(',');
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
    ), { numRuns: 400 });
  });

  it('leaves rows with an expression to Kysely', () => {
    assert.equal(compileInsert('sqlite', 'things', [{ name: 'a', amount: sql`1 + 1` }]), null);
  });
});

eachDatabase('insertRows', (server) => {
  it('writes the rows and returns their ids in the order of the rows', async () => {
    const { database } = server();
    const db = database.db;
    const rows = Array.from({ length: 5 }, (_, i) => ({ site_id: 1, name: `store ${i}`, primary: 0, active: 1, created: '2026-01-01 00:00:00' }));
    const ids = (await insertRows(db, database.dialect, 'stores', rows, 'id')).map((row) => Number(row['id']));
    assert.equal(ids.length, 5);
    const stored = await db.selectFrom('stores').select(['id', 'name']).where('id', 'in', ids).orderBy('id').execute();
    assert.deepEqual(stored.map((row) => row['name']), rows.map((row) => row.name));
    assert.deepEqual([...ids].sort((a, b) => a - b), stored.map((row) => Number(row['id'])));
    // Differing columns go through Kysely and land too.
    await insertRows(db, database.dialect, 'stores', [{ site_id: 1, name: 'x', primary: 0, active: 1 }, { site_id: 1, name: 'y', primary: 0 }]);
    assert.equal((await db.selectFrom('stores').select('id').where('name', 'in', ['x', 'y']).execute()).length, 2);
  });
});

process.on('exit', () => { void kysely.postgres.destroy(); });
