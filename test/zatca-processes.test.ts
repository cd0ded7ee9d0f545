// The ZATCA chain across processes: two server processes on one database create documents at the same
// time, one is killed (SIGKILL) in the middle, both restart; ICV stays gapless, every PIH is the hash of
// the document before, and every stored hash is the hash of its stored XML.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { FIRST_PREVIOUS_HASH } from '../src/zatca/hash.js';
import type { Database } from '../src/db/connection.js';
import { type Engine, type TestDatabase, freshDatabase, postgresProblem, it } from './support/harness.js';
import { ServerProcess, openDirect } from './support/processes.js';
import { type SaudiSite, ZATCA_ENV, independentHash, setupSaudiSite } from './support/zatca.js';

const PER_ROUND = 16;

async function checkChain(direct: Database, siteId: number): Promise<number> {
  const rows = await direct.db
    .selectFrom('zatca_documents')
    .select(['icv', 'hash', 'previous_hash', 'xml'])
    .where('site_id', '=', siteId)
    .orderBy('icv')
    .execute();
  rows.forEach((row, index) => {
    assert.equal(Number(row['icv']), index + 1, 'ICV without gaps');
    assert.equal(
      row['previous_hash'],
      index === 0 ? FIRST_PREVIOUS_HASH : rows[index - 1]!['hash'],
      `PIH of ICV ${index + 1}`,
    );
    assert.equal(independentHash(String(row['xml'])), row['hash'], `hash of ICV ${index + 1}`);
  });
  const unit = await direct.db
    .selectFrom('zatca_units')
    .select(['icv', 'last_hash'])
    .where('site_id', '=', siteId)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  assert.equal(Number(unit['icv']), rows.length, 'the unit counter is the last ICV');
  assert.equal(unit['last_hash'], rows.at(-1)?.['hash'] ?? FIRST_PREVIOUS_HASH);
  return rows.length;
}

for (const engine of ['sqlite', 'postgres'] as const satisfies readonly Engine[]) {
  const skip = engine === 'postgres' && postgresProblem ? postgresProblem : false;
  describe(`ZATCA chain across two processes and restarts [${engine}]`, { skip }, () => {
    let database: TestDatabase;
    let servers: ServerProcess[] = [];
    let direct: Database;
    let site: SaudiSite;
    const createRound = (tag: string) =>
      Promise.all(
        Array.from({ length: PER_ROUND }, (_v, index) =>
          servers[index % 2]!.post('/api2/invoices.json', {
            Invoice: { client_id: index % 3 ? site.person : site.business },
            InvoiceItem: [{ item: `${tag} ${index}`, unit_price: `${index + 1}.10`, quantity: 2, tax1: site.vat }],
          }).catch(() => ({ status: -1, text: 'connection lost' })),
        ),
      ); // the killed process drops its connections

    before(async () => {
      database = await freshDatabase(engine);
      servers = [await ServerProcess.start(database, ZATCA_ENV)];
      servers.push(await ServerProcess.start(database, ZATCA_ENV));
      direct = openDirect(database);
      site = await setupSaudiSite(servers[0]!, direct.db);
    });
    after(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await direct?.close();
      await database?.drop();
    });

    it(`chains ${PER_ROUND} concurrent creates split across both processes`, async () => {
      const replies = await createRound('first');
      assert.deepEqual(
        replies.filter((reply) => reply.status !== 202).map((reply) => `${reply.status} ${reply.text.slice(0, 200)}`),
        [],
      );
      assert.equal(await checkChain(direct, site.siteId), PER_ROUND);
    });

    it('keeps the chain when a process is killed during a round of creates and both restart', async () => {
      const round = createRound('crash');
      await new Promise((resolve) => setTimeout(resolve, 30));
      await servers[1]!.crash();
      const replies = await round;
      // Requests to the killed process fail; what was acknowledged is in the chain, what was not left no gap.
      const accepted = replies.filter((reply) => reply.status === 202).length;
      assert.ok(
        replies.every((reply) => reply.status === 202 || reply.status === -1 || reply.status >= 500),
        replies.map((reply) => reply.status).join(),
      );
      await servers[0]!.stop();
      servers = [await ServerProcess.start(database, ZATCA_ENV), await ServerProcess.start(database, ZATCA_ENV)];
      const total = await checkChain(direct, site.siteId);
      assert.ok(total >= PER_ROUND + accepted, `${total} documents after ${PER_ROUND} + ${accepted} acknowledged`);
      const after = await createRound('after restart');
      assert.ok(after.every((reply) => reply.status === 202));
      assert.equal(await checkChain(direct, site.siteId), total + PER_ROUND);
    });
  });
}
