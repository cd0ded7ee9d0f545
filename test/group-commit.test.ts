// Group commit (src/db/group-commit.ts): SQLite writes waiting together share one transaction, each in
// its own savepoint. What must hold: writes queued together commit together; a failing write leaves
// nothing and does not take the others down; nobody is answered before the commit; when the commit (or
// SQLite's transaction) fails, every write of it is told so and nothing of it stays; reads never see a
// write that is not committed. Then, over HTTP on both engines, concurrent creates where some fail halfway.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../src/db/connection.js';
import { bookProblems, rowCount } from './support/db-state.js';
import { type Reply, eachDatabase, it } from './support/harness.js';

const settledAll = <T>(promises: Array<Promise<T>>) => Promise.allSettled(promises);

async function names(database: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from t order by id`.execute(database.db);
  return rows.map((row) => row.name);
}

describe('group commit [sqlite]', () => {
  let dir: string;
  let database: Database;
  const insert = (name: string) => async (db: Database['db']) => {
    await sql`insert into t (name) values (${name})`.execute(db);
    return name;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-group-'));
    database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'g.sqlite') }, { sqliteWriteBatch: 8 });
    await sql`create table t (id integer primary key, name text not null unique)`.execute(database.db);
    await sql`create table parent (id integer primary key)`.execute(database.db);
    await sql`create table child (id integer primary key, parent_id integer not null references parent (id) deferrable initially deferred)`.execute(
      database.db,
    );
  });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits writes queued in the same turn together, at most the configured number per commit', async () => {
    const before = { ...database.groupCommit!.stats };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => database.write(insert(`a${i}`))));
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, i) => `a${i}`),
    );
    const stats = database.groupCommit!.stats;
    assert.equal(stats.writes - before.writes, 20);
    assert.equal(stats.batches - before.batches, 3, '20 writes with at most 8 per commit: 8 + 8 + 4');
    assert.equal(stats.largestBatch, 8);
    assert.equal((await names(database)).length, 20);
  });

  it('rolls a failing write back to its savepoint; the others of its batch commit', async () => {
    await sql`delete from t`.execute(database.db);
    const first = database.write(insert('b1'));
    const failing = database.write(async (db) => {
      await sql`insert into t (name) values ('half')`.execute(db);
      await sql`insert into t (name) values ('b1')`.execute(db); // unique: b1 is written just before
      return 'never';
    });
    const outcomes = await settledAll([first, failing, database.write(insert('b2'))]);
    assert.equal(outcomes[0]!.status, 'fulfilled');
    assert.equal(outcomes[1]!.status, 'rejected');
    assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /UNIQUE/);
    assert.equal(outcomes[2]!.status, 'fulfilled');
    assert.deepEqual(await names(database), ['b1', 'b2'], 'nothing of the failed write stayed, not even its first row');
  });

  it('answers no write before its commit, and reads wait for the commit', async () => {
    await sql`delete from t`.execute(database.db);
    const events: string[] = [];
    const slow = database
      .write(async (db) => {
        await sql`insert into t (name) values ('slow')`.execute(db);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push('slow work done');
        return 'slow';
      })
      .then(() => events.push('slow answered'));
    const quick = database.write(insert('quick')).then(() => events.push('quick answered'));
    // Queued after both writes started: it must not see their rows before they are committed.
    await new Promise((resolve) => setImmediate(resolve));
    const read = names(database).then((rows) => {
      events.push(`read ${rows.join(',')}`);
    });
    await Promise.all([slow, quick, read]);
    assert.equal(
      events[0],
      'slow work done',
      'the quick write, committed with the slow one, was not answered before it',
    );
    assert.deepEqual(events.slice(1, 3).sort(), ['quick answered', 'slow answered']);
    assert.equal(events[3], 'read slow,quick');
  });

  it('fails every write of a batch whose commit fails, and writes nothing of it', async () => {
    await sql`delete from t`.execute(database.db);
    // A deferred foreign key is checked at COMMIT: the whole batch's commit fails.
    const outcomes = await settledAll([
      database.write(insert('c1')),
      database.write(async (db) => {
        await sql`insert into child (parent_id) values (999)`.execute(db);
        return 'orphan';
      }),
      database.write(insert('c2')),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['rejected', 'rejected', 'rejected'],
    );
    for (const outcome of outcomes) assert.match(String((outcome as PromiseRejectedResult).reason), /FOREIGN KEY/);
    assert.deepEqual(await names(database), []);
    assert.equal(await rowCount(database, 'child'), 0);
    assert.equal(await database.write(insert('after')), 'after', 'the writer goes on after a failed commit');
    assert.deepEqual(await names(database), ['after']);
  });

  it('when SQLite ends the transaction itself, fails the writes before it and commits the ones after', async () => {
    await sql`delete from t`.execute(database.db);
    const first = database.write(insert('d1'));
    // What SQLite does on some I/O and out-of-memory errors: the whole transaction is rolled back.
    const aborting = database.write(async (db) => {
      await sql`rollback`.execute(db);
      throw new Error('disk I/O error (simulated)');
    });
    const outcomes = await settledAll([first, aborting, database.write(insert('d2'))]);
    assert.equal(
      outcomes[0]!.status,
      'rejected',
      'd1 was rolled back with the transaction: it must not be answered as written',
    );
    assert.match(String((outcomes[0] as PromiseRejectedResult).reason), /simulated/);
    assert.equal(outcomes[1]!.status, 'rejected');
    assert.equal(outcomes[2]!.status, 'fulfilled');
    assert.deepEqual(await names(database), ['d2']);
  });

  it('with a batch of 1, commits each write alone', async () => {
    const file = path.join(dir, 'single.sqlite');
    const single = openDatabase({ kind: 'sqlite', file }, { sqliteWriteBatch: 1 });
    try {
      await sql`create table t (id integer primary key, name text not null unique)`.execute(single.db);
      await Promise.all(Array.from({ length: 5 }, (_, i) => single.write(insert(`e${i}`))));
      assert.equal(single.groupCommit!.stats.batches, 5);
      assert.equal(single.groupCommit!.stats.largestBatch, 1);
      assert.equal((await names(single)).length, 5);
    } finally {
      await single.close();
    }
  });
});

const CONCURRENT = 24;
const IN_STOCK = 10;

eachDatabase('concurrent creates, some refused halfway', (server, engine) => {
  it(`${CONCURRENT} invoices at once for ${IN_STOCK} in stock: ${IN_STOCK} written whole, the rest nothing`, async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Rush Client' } });
    const scarce = await s.create('products', {
      Product: { name: 'Scarce', unit_price: '10', buy_price: '4', track_stock: 1, stock_balance: IN_STOCK },
    });
    const service = await s.create('products', { Product: { name: 'Wrapping', unit_price: '1.5', track_stock: 0 } });
    const invoicesBefore = await rowCount(s.database, 'invoices');
    const linesBefore = await rowCount(s.database, 'invoice_items');
    const journalsBefore = await rowCount(s.database, 'journals');
    const writesBefore = s.database.groupCommit?.stats.writes ?? 0;

    // The wrapping line comes first, so a refused invoice has written its row and a line before the
    // stock check fails.
    const replies: Reply[] = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        s.post('/api2/invoices.json', {
          Invoice: { client_id: client },
          InvoiceItem: [
            { product_id: service, quantity: 1 },
            { product_id: scarce, quantity: 1 },
          ],
        }),
      ),
    );

    const written = replies.filter((reply) => reply.status === 202);
    const refused = replies.filter((reply) => reply.status !== 202);
    assert.equal(
      written.length,
      IN_STOCK,
      replies.map((reply) => `${reply.status} ${reply.text.slice(0, 120)}`).join('\n'),
    );
    for (const reply of refused) {
      assert.equal(reply.status, 400, reply.text);
      assert.equal(reply.body.result, 'failed');
    }
    assert.equal(await rowCount(s.database, 'invoices'), invoicesBefore + IN_STOCK);
    assert.equal(
      await rowCount(s.database, 'invoice_items'),
      linesBefore + 2 * IN_STOCK,
      'no line of a refused invoice stayed',
    );
    assert.equal(
      await rowCount(s.database, 'journals'),
      journalsBefore + 2 * IN_STOCK,
      'a sales and a cost journal per written invoice, none for the refused',
    );
    assert.equal((await s.get(`/api2/products/${scarce}`)).body.data.Product.stock_balance, '0');
    assert.deepEqual(await bookProblems(s.database), []);

    // Each written invoice is readable at once (it was answered after its commit), with its own number.
    const numbers = new Set<string>();
    for (const reply of written) {
      const invoice = (await s.get(`/api2/invoices/${reply.body.id}`)).body.data.Invoice;
      numbers.add(String(invoice.no));
    }
    assert.equal(numbers.size, IN_STOCK, 'numbers are distinct');
    // Refused invoices give their numbers back: the written ones are consecutive.
    const sorted = [...numbers].map(Number).sort((a, b) => a - b);
    assert.equal(sorted[sorted.length - 1]! - sorted[0]!, IN_STOCK - 1, `numbers ${sorted.join(',')}`);
    if (engine === 'sqlite') {
      assert.equal(
        s.database.groupCommit!.stats.writes - writesBefore,
        CONCURRENT,
        'every create, written or refused, ran in the group commit',
      );
    }
  });
});
