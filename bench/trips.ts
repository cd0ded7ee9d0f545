/**
 * `node dist/bench/trips.js [--invoices N] [--ops K] [--sql] [--profile] [--no-sqlite] [--no-postgres]`: a focused,
 * mostly deterministic measurement of the write and read paths, for work on them (docs/performance.md,
 * "Round four"). On a small generated site (default 5,000 invoices, cached like the bench's), one
 * Daftar server per engine, pinned like the bench's, gets K sequential creates of the bench's 5-line
 * invoice and K GETs of random invoices from one client. It prints, per operation:
 *
 * - server CPU µs (from /proc, over the K requests; one client, so no group commit on SQLite);
 * - on PostgreSQL, statements and round trips counted by a proxy between server and database
 *   (bench/pg-proxy.ts); with `--sql`, the SQL of one create and one GET.
 *
 * The figures are the ones `npm run bench` reports as pg_create_round_trips and friends; this script
 * only exists to get them in seconds instead of minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { BENCH_KEY, CLIENT_COUNT, PRODUCT_COUNT, ensureSqliteDataset, loadPostgres, prng } from './generate.js';
import { invoiceBody } from './bodies.js';
import { startPgProxy, throughProxy } from './pg-proxy.js';
import { ROOT, SERVER_CPU, cpuMicros, freePort, start, stop, waitFor200 } from './procs.js';

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const invoices = Number(value('invoices') ?? 5_000);
const ops = Number(value('ops') ?? 200);
const showSql = argv.includes('--sql');
/** `--profile`: servers run under `node --cpu-prof`, profiles in bench/.profiles/ (read with profile-summary.js). */
const profile = argv.includes('--profile');
const ADMIN = process.env['DAFTAR_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const headers = { apikey: BENCH_KEY, 'content-type': 'application/json' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-trips-'));

async function serve(label: string, databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const flags = profile
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(ROOT, 'bench', '.profiles')}`,
        `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const proc = start(
    label,
    SERVER_CPU,
    [process.execPath, ...flags, path.join(ROOT, 'dist', 'src', 'main.js')],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DAFTAR_DATA_DIR: tmp,
      DAFTAR_API_KEY: BENCH_KEY,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    tmp,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(proc, `${url}/api2/site_info.json`, headers, performance.now());
  return { proc, url };
}

interface Measured {
  createCpuUs: number;
  getCpuUs: number;
}

async function drive(
  url: string,
  pid: number,
  between?: (phase: 'create' | 'get', done: boolean) => void,
): Promise<Measured> {
  const random = prng(7);
  const send = async (method: string, urlPath: string, body?: unknown) => {
    const response = await fetch(url + urlPath, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${urlPath}: ${response.status} ${text}`);
  };
  // Warm-up: shapes compiled, statements prepared, caches filled.
  for (let i = 0; i < 30; i += 1)
    await send('POST', '/api2/invoices.json', invoiceBody(random, CLIENT_COUNT, PRODUCT_COUNT));
  for (let i = 0; i < 30; i += 1) await send('GET', `/api2/invoices/${1 + Math.floor(random() * invoices)}.json`);
  const measure = async (phase: 'create' | 'get', one: () => Promise<void>) => {
    between?.(phase, false);
    const before = cpuMicros(pid)!;
    for (let i = 0; i < ops; i += 1) await one();
    const used = cpuMicros(pid)! - before;
    between?.(phase, true);
    return used / ops;
  };
  const createCpuUs = await measure('create', () =>
    send('POST', '/api2/invoices.json', invoiceBody(random, CLIENT_COUNT, PRODUCT_COUNT)),
  );
  const getCpuUs = await measure('get', () =>
    send('GET', `/api2/invoices/${1 + Math.floor(random() * invoices)}.json`),
  );
  return { createCpuUs, getCpuUs };
}

async function main(): Promise<void> {
  const dataset = await ensureSqliteDataset(path.join(ROOT, 'bench', '.data'), invoices, (line) =>
    process.stderr.write(`${line}\n`),
  );
  const out: Record<string, number> = {};
  if (!argv.includes('--no-sqlite')) {
    const file = path.join(tmp, 'work.sqlite');
    fs.copyFileSync(dataset.file, file);
    const server = await serve('trips-sqlite', `sqlite:${file}`);
    try {
      const m = await drive(server.url, server.proc.pid);
      out['sqlite_create_cpu_us'] = Math.round(m.createCpuUs);
      out['sqlite_get_cpu_us'] = Math.round(m.getCpuUs);
    } finally {
      await stop(server.proc);
    }
  }
  if (!argv.includes('--no-postgres')) {
    const name = `daftar_trips_${process.pid}`;
    const admin = new pg.Client({ connectionString: ADMIN });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(ADMIN);
    url.pathname = `/${name}`;
    try {
      await loadPostgres(url.toString(), dataset.file, () => {});
      const proxy = await startPgProxy({ host: url.hostname, port: Number(url.port || 5432) }, showSql);
      // The webhook worker polls the database on its own: off, so only the requests' statements count.
      const server = await serve('trips-pg', throughProxy(url.toString(), proxy), { DAFTAR_WEBHOOK_WORKER: '0' });
      try {
        let at = proxy.counts();
        const m = await drive(server.url, server.proc.pid, (phase, done) => {
          if (!done) {
            at = proxy.counts();
            proxy.takeSql();
            return;
          }
          const now = proxy.counts();
          out[`pg_${phase}_statements`] = Math.round(((now.statements - at.statements) / ops) * 10) / 10;
          out[`pg_${phase}_round_trips`] = Math.round(((now.roundTrips - at.roundTrips) / ops) * 10) / 10;
          if (showSql) {
            const texts = proxy.takeSql();
            const per = Math.round(texts.length / ops);
            process.stdout.write(
              `\n-- one ${phase} (${per} statements of ${texts.length}):\n${texts
                .slice(-per)
                .map(
                  (t, i) =>
                    `${i + 1}. ${t
                      .trim()
                      .split(/;\n/)
                      .map((statement) => statement.trim().replace(/\s+/g, ' ').slice(0, 200))
                      .join('\n     + ')}`,
                )
                .join('\n')}\n`,
            );
          }
        });
        out['pg_create_cpu_us'] = Math.round(m.createCpuUs);
        out['pg_get_cpu_us'] = Math.round(m.getCpuUs);
      } finally {
        await stop(server.proc);
        await proxy.close();
      }
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
  if (out['pg_create_cpu_us'] && out['sqlite_create_cpu_us'])
    out['pg_create_vs_sqlite_cpu'] = Math.round((out['pg_create_cpu_us'] / out['sqlite_create_cpu_us']) * 100) / 100;
  if (out['pg_get_cpu_us'] && out['sqlite_get_cpu_us'])
    out['pg_get_vs_sqlite_cpu'] = Math.round((out['pg_get_cpu_us'] / out['sqlite_get_cpu_us']) * 100) / 100;
  process.stdout.write(`\n${JSON.stringify(out, null, 2)}\n`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
