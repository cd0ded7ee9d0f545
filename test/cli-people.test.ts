// The CLI for people and scripts, run as a user runs it (the real `daftar` binary in a child process)
// on both engines: demo data that is the same for the same seed, reports over it, the resource verbs
// with --json and tables, and exit codes that mean something; against a running server (DAFTAR_URL)
// and against the local database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_KEY, eachDatabase, freshDatabase, it } from './support/harness.js';

const BIN = path.resolve('bin/daftar.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function daftar(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const json = (run: Run) => {
  assert.equal(run.code, 0, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
};

eachDatabase('daftar CLI for people', (server, engine) => {
  it('fills a demo site, the same for the same seed, and reports on it', async () => {
    const local = server().env;
    const first = json(await daftar(['demo', '--months', '1', '--seed', '7', '--json'], local));
    assert.equal(first.site.subdomain, 'demo');
    assert.ok(first.invoices >= 35 && first.purchases >= 1 && first.expenses === 3, JSON.stringify(first));

    // The same seed on another empty database writes the same business.
    const other = await freshDatabase(engine);
    try {
      const env = { ...local, DATABASE_URL: other.url, DAFTAR_DATA_DIR: other.dataDir };
      const second = json(await daftar(['demo', '--months', '1', '--seed', '7', '--json'], env));
      assert.deepEqual({ ...second, site: undefined }, { ...first, site: undefined });
      const totals = async (e: Record<string, string>) =>
        (
          json(await daftar(['invoices', 'list', '--all', '--json', '--site', 'demo', '--limit', '100'], e)) as Array<{
            summary_total: string;
          }>
        ).map((row) => row.summary_total);
      assert.deepEqual(await totals(env), await totals(local));
    } finally {
      await other.drop();
    }

    const pnl = json(await daftar(['reports', 'profit-and-loss', '--site', 'demo', '--json'], local));
    assert.ok(Number(pnl.totals.revenue) > 0, 'the year shows sales');
    const trial = json(await daftar(['reports', 'trial_balance', '--site', 'demo', '--json'], local));
    assert.equal(trial.totals.closing_debit, trial.totals.closing_credit, 'the books balance');
    const table = await daftar(['reports', 'profit-and-loss', '--site', 'demo'], local);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /Sales/);
    const csv = await daftar(['reports', 'trial-balance', '--site', 'demo', '--csv'], local);
    assert.match(csv.stdout.split('\n')[0]!, /journal_account_id/);
  });

  it("writes the first start's year of demo business whole, warehouse purchases too", async () => {
    // `DAFTAR_DEMO=1 npm start` runs seed 42 over 12 months; its purchases into the warehouse once
    // counted as stock the shop's invoices (sold from the main store) could take, and a refused invoice
    // stopped the demo half-written.
    const other = await freshDatabase(engine);
    try {
      const env = { ...server().env, DATABASE_URL: other.url, DAFTAR_DATA_DIR: other.dataDir };
      const year = json(await daftar(['demo', '--months', '12', '--seed', '42', '--json'], env));
      assert.ok(year.invoices > 500 && year.purchases >= 20, JSON.stringify(year));
      const warehouse = json(
        await daftar(['stock_transactions', 'list', '--all', '--json', '--site', 'demo', '--limit', '1000'], env),
      ) as Array<{ store_id: string }>;
      const stores = json(await daftar(['stores', 'list', '--all', '--json', '--site', 'demo'], env)) as Array<{
        id: string;
        name: string;
      }>;
      const jeddah = stores.find((store) => store.name.startsWith('Warehouse'))!;
      assert.ok(
        warehouse.some((movement) => movement.store_id === jeddah.id),
        'some purchases went into the warehouse',
      );
    } finally {
      await other.drop();
    }
  });

  it('runs every verb against a running server, with tables, --json and meaningful exit codes', async () => {
    const remote = { DAFTAR_URL: server().url, DAFTAR_API_KEY: TEST_KEY };
    const created = json(
      await daftar(
        ['clients', 'create', '--file', '-', '--json'],
        remote,
        JSON.stringify({ Client: { business_name: 'From the CLI' } }),
      ),
    );
    const got = json(await daftar(['clients', 'get', created.id, '--json'], remote));
    assert.equal(got.business_name, 'From the CLI');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-cli-'));
    fs.writeFileSync(path.join(dir, 'edit.json'), JSON.stringify({ Client: { business_name: 'Renamed by the CLI' } }));
    assert.equal(
      (await daftar(['clients', 'edit', created.id, '--file', path.join(dir, 'edit.json')], remote)).code,
      0,
    );
    const listed = await daftar(['clients', 'list', '--filter', `id=${created.id}`], remote);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /Renamed by the CLI/);
    assert.match(listed.stdout, /1 records/);

    const refused = await daftar(
      ['invoices', 'create', '--file', '-'],
      remote,
      JSON.stringify({ Invoice: { client_id: 999_999 } }),
    );
    assert.equal(refused.code, 3, 'a refused write exits 3');
    assert.match(refused.stderr, /client_id/, 'and names the field');
    assert.equal((await daftar(['invoices', 'get', '999999'], remote)).code, 4, 'not found exits 4');
    assert.equal(
      (await daftar(['invoices', 'list'], { ...remote, DAFTAR_API_KEY: 'not-a-key-0123456789' })).code,
      5,
      'a refused key exits 5',
    );
    assert.equal(
      (await daftar(['invoices', 'list'], { DAFTAR_URL: 'http://127.0.0.1:9', DAFTAR_API_KEY: TEST_KEY })).code,
      6,
      'no server exits 6',
    );
    assert.equal((await daftar(['invoices', 'frobnicate'], remote)).code, 2, 'a usage mistake exits 2');
    const help = await daftar(['credit-notes', '--help'], remote);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /list|get|create/);
    assert.equal((await daftar(['clients', 'delete', created.id], remote)).code, 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up and restores the database while the server runs', async () => {
    const env = server().env;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-restore-'));
    const file = path.join(dir, engine === 'sqlite' ? 'copy.sqlite' : 'copy.dump');
    try {
      const before = await server().create('clients', { Client: { business_name: 'In the backup' } });
      assert.equal(json(await daftar(['backup', file], env)).backup, file);
      const after = await server().create('clients', { Client: { business_name: 'Not in the backup' } });
      const restored = json(await daftar(['restore', file], env));
      assert.equal(restored.restore, file);
      assert.equal((await server().get(`/api2/clients/${before}.json`)).status, 200, 'what was backed up is back');
      assert.equal((await server().get(`/api2/clients/${after}.json`)).status, 404, 'what came after is gone');
      fs.writeFileSync(path.join(dir, 'not-a-backup'), 'hello');
      if (engine === 'sqlite')
        assert.equal(
          (await daftar(['restore', path.join(dir, 'not-a-backup')], env)).code,
          2,
          'a file that is no database is refused',
        );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
