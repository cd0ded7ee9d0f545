// Webhooks under faults (slow; docs/webhooks.md "Guarantees"): the real server process killed with
// SIGKILL while deliveries are under way loses no event, and two workers on one database send every
// attempt of every event exactly once. Both engines.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe } from 'node:test';
import { loadConfig } from '../src/config.js';
import { openDatabase, parseDatabaseUrl } from '../src/db/connection.js';
import { DeliveryWorker } from '../src/webhooks/worker.js';
import {
  type Engine,
  type TestDatabase,
  type TestServer,
  freshDatabase,
  postgresProblem,
  startTestServer,
  it,
} from './support/harness.js';
import { ServerProcess, openDirect } from './support/processes.js';
import { Receiver } from './support/receiver.js';

const FAST = {
  DAFTAR_WEBHOOK_ALLOW_PRIVATE: '1',
  DAFTAR_WEBHOOK_POLL_MS: '20',
  DAFTAR_WEBHOOK_RETRY_BASE_MS: '30',
  DAFTAR_WEBHOOK_RETRY_MAX_MS: '150',
  DAFTAR_WEBHOOK_TIMEOUT_MS: '1000',
};
const WRITES = 30;
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli.js');

async function committedEventIds(database: TestDatabase): Promise<string[]> {
  const direct = openDirect(database);
  try {
    const rows = await direct.db.selectFrom('webhook_events').select('event_id').orderBy('id').execute();
    return rows.map((row) => String(row['event_id']));
  } finally {
    await direct.close();
  }
}

for (const engine of ['sqlite', 'postgres'] as const satisfies readonly Engine[]) {
  const skip = engine === 'postgres' && postgresProblem ? postgresProblem : false;

  describe(`webhooks through a crash [${engine}]`, { skip }, () => {
    let database: TestDatabase;
    let server: ServerProcess | undefined;
    let receiver: Receiver;
    before(async () => {
      database = await freshDatabase(engine);
      receiver = await Receiver.start();
    });
    after(async () => {
      await server?.crash();
      await receiver.close();
      await database.drop();
    });

    it('loses no event when the server is killed mid-delivery', async () => {
      server = await ServerProcess.start(database, FAST);
      const registered = await server.post('/api2/webhook_endpoints.json', {
        WebhookEndpoint: { url: receiver.url, events: ['client.created'] },
      });
      assert.equal(registered.status, 202, registered.text);
      receiver.delayMs = 200;
      const acked: string[] = [];
      for (let n = 0; n < WRITES; n += 1)
        acked.push(await server.create('clients', { Client: { business_name: `Crash ${n}` } }));
      await receiver.until(() => receiver.received.length >= 1, 10_000);
      await server.crash();
      const before = new Set(receiver.accepted.map((r) => r.event.id));
      const ids = await committedEventIds(database);
      assert.equal(ids.length, WRITES, 'one event per acknowledged write');
      assert.ok(
        ids.some((id) => !before.has(id)),
        'the kill came before every event was delivered',
      );
      server = await ServerProcess.start(database, FAST);
      await receiver.until(
        () => ids.every((id) => receiver.accepted.some((r) => r.event.id === id)),
        20_000,
        'every event after the restart',
      );
      const names = new Set(receiver.accepted.map((r) => r.event.data['Client'].business_name));
      assert.equal(names.size, WRITES, "every client's event arrived");
      assert.equal(await server.stop(), 0);
      server = undefined;
    });
  });

  describe(`daftar worker [${engine}]`, { skip }, () => {
    it('delivers for servers that do not, and stops cleanly on SIGTERM', async () => {
      const database = await freshDatabase(engine);
      const receiver = await Receiver.start();
      const server = await ServerProcess.start(database, { ...FAST, DAFTAR_WEBHOOK_WORKER: '0' });
      const worker = spawn(process.execPath, [CLI, 'worker'], {
        env: {
          PATH: process.env['PATH'] ?? '',
          DATABASE_URL: database.url,
          DAFTAR_DATA_DIR: database.dataDir,
          ...FAST,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      worker.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
      try {
        const registered = await server.post('/api2/webhook_endpoints.json', {
          WebhookEndpoint: { url: receiver.url, events: ['client.created'] },
        });
        assert.equal(registered.status, 202, registered.text);
        const id = await server.create('clients', { Client: { business_name: 'For the worker' } });
        await receiver.until(
          () => receiver.accepted.some((r) => r.event.data['Client'].id === id),
          15_000,
          `the worker's delivery (worker said: ${output})`,
        );
        assert.match(output, /delivering webhook events/);
        worker.kill('SIGTERM');
        assert.equal(await exited, 0, output);
      } finally {
        worker.kill('SIGKILL');
        await server.crash();
        await receiver.close();
        await database.drop();
      }
    });
  });

  describe(`two webhook workers on one database [${engine}]`, { skip }, () => {
    let s: TestServer;
    let receiver: Receiver;
    const workers: DeliveryWorker[] = [];
    const handles: Array<ReturnType<typeof openDatabase>> = [];
    before(async () => {
      s = await startTestServer(engine, { ...FAST, DAFTAR_WEBHOOK_WORKER: '0' });
      receiver = await Receiver.start();
    });
    after(async () => {
      for (const worker of workers) await worker.stop();
      for (const handle of handles) await handle.close();
      await receiver.close();
      await s.close();
    });

    it('sends every attempt of every event once', async () => {
      const registered = await s.post('/api2/webhook_endpoints.json', {
        WebhookEndpoint: { url: receiver.url, events: ['*'] },
      });
      assert.equal(registered.status, 202, registered.text);
      // Every third request fails, so events take several attempts, shared between the workers.
      receiver.answer = ({ count }) => (count % 3 === 0 ? 500 : 200);
      receiver.delayMs = 5;
      for (let n = 0; n < WRITES; n += 1) await s.create('clients', { Client: { business_name: `Shared ${n}` } });
      const config = loadConfig({ ...s.env, ...FAST }).webhooks;
      for (let n = 0; n < 2; n += 1) {
        const handle = openDatabase(parseDatabaseUrl(s.env['DATABASE_URL'], s.env['DAFTAR_DATA_DIR']!), {
          poolSize: 3,
        });
        handles.push(handle);
        const worker = new DeliveryWorker(handle, { ...config, concurrency: 4 });
        workers.push(worker);
        worker.start();
      }
      const ids = (await s.database.db.selectFrom('webhook_events').select('event_id').execute()).map((row) =>
        String(row['event_id']),
      );
      assert.equal(ids.length, WRITES);
      await receiver.until(
        () => ids.every((id) => receiver.accepted.some((r) => r.event.id === id)),
        30_000,
        'every event',
      );
      for (const worker of workers) await worker.stop();
      assert.ok(
        workers.every((worker) => worker.attempts > 0),
        `both workers sent (${workers.map((w) => w.attempts).join(', ')})`,
      );
      const rows = await s.database.db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as v', 'v.id', 'd.webhook_event_id')
        .select(['v.event_id', 'd.attempts', 'd.state'])
        .execute();
      for (const row of rows) {
        const got = receiver.received.filter((r) => r.event.id === row['event_id']);
        assert.equal(row['state'], 'delivered');
        assert.equal(got.length, Number(row['attempts']), `${row['event_id']}: one request per attempt`);
        assert.equal(got.filter((r) => r.status === 200).length, 1, `${row['event_id']}: delivered once`);
      }
      assert.equal(
        receiver.received.length,
        workers.reduce((sum, worker) => sum + worker.attempts, 0),
      );
    });
  });
}
