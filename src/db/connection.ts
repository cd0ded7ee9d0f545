/**
 * Opens the database named by DATABASE_URL: embedded SQLite (the default) or PostgreSQL. Everything
 * above this file talks to Kysely; the few places where the engines differ ask `dialect`.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { reuseRowShapes } from './pg-rows.js';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { DatabaseUnavailable, RetriesExhausted } from './faults.js';
import { GroupCommit, type WriteWork } from './group-commit.js';
import { registerDirectReader } from './shapes.js';
import { batchingClient, pgDriver } from './trips.js';
import { CallerWatch } from './caller-watch.js';
import { errorCode } from '../guards.js';

export type DialectName = 'sqlite' | 'postgres';

import type { Db } from './schema.js';

// The engine's untyped view of the database (why: src/db/schema.ts).
export type { Db };

export interface Database {
  readonly db: Db;
  /** The better-sqlite3 handle (SQLite only), for engine-specific upkeep such as statistics. */
  readonly sqlite?: SqliteDatabase.Database;
  readonly dialect: DialectName;
  /** Where it lives, without credentials, for logs. */
  readonly description: string;
  /**
   * Runs `work` in a write transaction: all of it or nothing. SQLite: writes waiting together share one
   * commit (group-commit.ts), each in its own savepoint. PostgreSQL: one transaction per write, retried
   * on a serialization failure or deadlock.
   */
  write<T>(work: WriteWork<T>): Promise<T>;
  /** SQLite only: how the writes were grouped into commits. */
  readonly groupCommit?: GroupCommit;
  /**
   * A value that moves whenever an API key or a site may have changed, for caching callers (api/auth.ts);
   * undefined while nothing may be cached. SQLite: `data_version` and this connection's total changes.
   * PostgreSQL: a generation moved by LISTEN/NOTIFY and by this process's own writes (caller-watch.ts).
   */
  callerStamp(): string | undefined;
  /** PostgreSQL only: how many write transactions were run again after a deadlock or serialization failure. */
  readonly conflicts?: { retried: number };
  close(): Promise<void>;
}

export interface SqliteTarget {
  kind: 'sqlite';
  file: string;
}
export interface PostgresTarget {
  kind: 'postgres';
  url: string;
}
export type DatabaseTarget = SqliteTarget | PostgresTarget;

/**
 * SQLite's `synchronous` levels we allow (with WAL): FULL syncs the WAL on every commit, so a committed
 * write survives a power cut; NORMAL syncs only at checkpoints, so it survives a crash of the process
 * but the last commits may be lost (never corrupted) when the machine loses power.
 */
export const SQLITE_SYNCHRONOUS_LEVELS = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_LEVELS)[number];

export interface OpenOptions {
  poolSize?: number;
  sqliteSynchronous?: SqliteSynchronous;
  /** The most writes that share one SQLite commit; 1 commits each write alone. */
  sqliteWriteBatch?: number;
}

/** SQLite writes in one group commit unless configured otherwise (DAFTAR_SQLITE_WRITE_BATCH). */
export const SQLITE_WRITE_BATCH_DEFAULT = 32;

/** Prepared statements kept per connection; Kysely would otherwise re-prepare every query. */
const STATEMENT_CACHE_MAX = 2_000;

/** What Kysely's SQLite driver needs of a statement. */
interface KyselyStatement {
  readonly reader: boolean;
  all(parameters: ReadonlyArray<unknown>): Array<Record<string, unknown>>;
  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown>;
}

/**
 * A function that turns a raw row (array) into the object better-sqlite3 would have made: an object
 * literal with the statement's column names, so V8 builds every row with one fixed shape. Same keys,
 * same order, same last-one-wins for repeated names. Measured: a 78-column invoice row in 13 µs
 * instead of 25 µs; 5 invoice lines in 20 µs instead of 45 µs.
 */
function rowMaker(columns: string[]): (row: unknown[]) => Record<string, unknown> {
  const fields = columns.map((name, index) => `${JSON.stringify(name)}: row[${index}]`);
  return new Function('row', `return { ${fields.join(', ')} };`) as (row: unknown[]) => Record<string, unknown>;
}

/**
 * Integers past ±2^53 (money past about 9.007 billion, in millionths) do not fit a double, so
 * better-sqlite3 would hand them back rounded. Reads stay on plain numbers, which is cheap, and a
 * result that holds any integer past that line is read again with `safeIntegers` (every integer as a
 * BigInt), then the small ones turned back into numbers, so ids and counts stay numbers and only the
 * large amounts come back as bigint (what `fromStored` takes). Statements that write (RETURNING) are
 * never run twice: they read with `safeIntegers` from the start.
 */
const DOUBLE_EXACT_MAX = Number.MAX_SAFE_INTEGER;
const BIGINT_SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

function holdsInexactInteger(rows: unknown[][]): boolean {
  for (const row of rows) {
    for (let index = 0; index < row.length; index += 1) {
      const value = row[index];
      if (typeof value === 'number' && (value > DOUBLE_EXACT_MAX || value < -DOUBLE_EXACT_MAX)) return true;
    }
  }
  return false;
}

/** A row read with safeIntegers: BigInts that a double holds exactly become numbers again. */
function narrowIntegers(row: unknown[]): unknown[] {
  for (let index = 0; index < row.length; index += 1) {
    const value = row[index];
    if (typeof value === 'bigint' && value <= BIGINT_SAFE_MAX && value >= -BIGINT_SAFE_MAX) row[index] = Number(value);
  }
  return row;
}

function kyselyStatement(raw: SqliteDatabase.Database, source: string): KyselyStatement {
  // Read raw (below), a row is the list of its columns' values.
  const statement = raw.prepare<unknown[], unknown[]>(source);
  if (!statement.reader) {
    return {
      reader: false,
      // Kysely asks a statement that writes for run() only; better-sqlite3's all() refuses one the same way.
      all: () => {
        throw new TypeError('This statement does not return data. Use run() instead');
      },
      run: (parameters) => statement.run(parameters),
      iterate: (parameters) => statement.iterate(parameters),
    };
  }
  statement.raw(true);
  const make = rowMaker(statement.columns().map((column) => column.name));
  if (!statement.readonly) {
    statement.safeIntegers(true);
    return {
      reader: true,
      all: (parameters) => statement.all(parameters).map((row) => make(narrowIntegers(row))),
      run: (parameters) => statement.run(parameters),
      *iterate(parameters) {
        for (const row of statement.iterate(parameters)) yield make(narrowIntegers(row));
      },
    };
  }
  let exactTwin: SqliteDatabase.Statement<unknown[], unknown[]> | undefined;
  const exact = () => (exactTwin ??= raw.prepare<unknown[], unknown[]>(source).raw(true).safeIntegers(true));
  return {
    reader: true,
    all: (parameters) => {
      let rows = statement.all(parameters);
      if (holdsInexactInteger(rows)) rows = exact().all(parameters).map(narrowIntegers);
      return rows.map(make);
    },
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const row of exact().iterate(parameters)) yield make(narrowIntegers(row));
    },
  };
}

function openSqlite(target: SqliteTarget, synchronous: SqliteSynchronous, writeBatch: number): Database {
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const raw = new SqliteDatabase(target.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const cache = new Map<string, KyselyStatement>();
  const database = {
    prepare(source: string): KyselyStatement {
      let statement = cache.get(source);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_MAX) cache.clear();
        statement = kyselyStatement(raw, source);
        cache.set(source, statement);
      }
      return statement;
    },
    close() {
      raw.close();
    },
  };
  const db = new Kysely({ dialect: new SqliteDialect({ database }) });
  const groupCommit = new GroupCommit(db, () => raw.inTransaction, writeBatch);
  // Reads outside any transaction go straight to SQLite (shapes.ts); inside one they queue behind it.
  registerDirectReader(db, (sqlText, parameters) => {
    if (raw.inTransaction) return undefined;
    const statement = database.prepare(sqlText);
    return statement.reader ? statement.all(parameters) : undefined;
  });
  const version = raw.prepare(`select data_version || ':' || total_changes() from pragma_data_version`).pluck();
  return {
    db,
    sqlite: raw,
    dialect: 'sqlite',
    callerStamp: () => String(version.get()),
    description: `sqlite:${target.file}`,
    write: (work) => groupCommit.run(work),
    groupCommit,
    close: async () => {
      try {
        raw.pragma('optimize');
      } catch {
        /* closing anyway */
      }
      await db.destroy();
    },
  };
}

/** PostgreSQL errors worth one more try of the whole transaction: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
// Six attempts, each retry waiting longer (up to 10·2^n ms). The API's writes of one site queue on the
// site's write lock (lockSiteWrites in trips.ts), so they no longer deadlock on the running totals they
// share; what is left to retry is a conflict with a write outside the API (a worker, the CLI).
export const WRITE_ATTEMPTS_MAX = 6;
/** How long opening one connection to PostgreSQL may take before the request gets its 503. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How long a request waits for a free pool slot before its 503. Waiting in line under load is normal
 * back-pressure, so this is as long as a request may take (DAFTAR_REQUEST_TIMEOUT_MS's default).
 */
const ACQUIRE_TIMEOUT_MS = 30_000;

/**
 * A pool whose clients can lose their connection at any moment without taking the process down.
 * node-postgres emits 'error' on a client whose socket closed; pg-pool listens only while the client
 * is idle, so a connection dropped while a request holds it (pg_terminate_backend, a restart or
 * failover, a pooler restart) was an unhandled 'error' event, and the process exited. Every client
 * gets a listener of its own for its whole life: the request's query fails with the connection error
 * (→ 503, errors.ts), and the pool discards the dead client when it is released and opens a fresh
 * one for the next request. A failure to connect at all is a DatabaseUnavailable.
 */
function resilientPool(url: string, poolSize: number, watch: CallerWatch): pg.Pool {
  const driver = pgDriver();
  const { Client, Pool } = driver;
  reuseRowShapes(driver.Result);
  // The pool's connectionTimeoutMillis bounds the wait for a slot; each client's bounds its own connect.
  // BEGIN and deferred writes travel with the next statement (trips.ts).
  class BoundedClient extends batchingClient(Client) {
    constructor(config: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
    Client: BoundedClient as unknown as new () => pg.ClientBase,
  });
  // A broken idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  // A client goes back to the pool with nothing held back for the next request. One that wrote
  // anything (now committed or rolled back) may have changed a key or a site: cached callers go.
  pool.on('release', (_error: unknown, client: pg.PoolClient) => {
    const batching = client as unknown as { resetBatch?: () => void; wrote?: boolean };
    if (batching.wrote) watch.bump();
    batching.resetBatch?.();
  });
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  Object.assign(pool, {
    connect: async () => {
      try {
        return await connect();
      } catch (error) {
        throw new DatabaseUnavailable(error);
      }
    },
  });
  return pool;
}

function openPostgres(target: PostgresTarget, poolSize: number): Database {
  const watch = new CallerWatch(target.url, pgDriver().Client);
  const pool = resilientPool(target.url, poolSize, watch);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(target.url);
  safe.password = '';
  const conflicts = { retried: 0 };
  return {
    db,
    dialect: 'postgres',
    description: safe.toString(),
    conflicts,
    callerStamp: () => watch.stamp(),
    write: async (work) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction().execute(work);
        } catch (error) {
          const code = errorCode(error);
          if (!code || !RETRYABLE.has(code)) throw error;
          // A budget spent is the database's fault, not the client's: 503 with Retry-After.
          if (attempt >= WRITE_ATTEMPTS_MAX) throw new RetriesExhausted(attempt, error);
          conflicts.retried += 1;
          // A short random pause, so the transactions that collided do not collide again at once.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
        }
      }
    },
    close: async () => {
      await watch.close();
      await db.destroy();
    },
  };
}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { kind: 'sqlite', file: path.join(dataDir, 'daftar.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got ${url.split(':')[0]}:...)`);
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Database {
  return target.kind === 'sqlite'
    ? openSqlite(target, options.sqliteSynchronous ?? 'FULL', options.sqliteWriteBatch ?? SQLITE_WRITE_BATCH_DEFAULT)
    : openPostgres(target, options.poolSize ?? 10);
}

/**
 * Gives SQLite's query planner statistics (sqlite_stat1) for tables and indexes that have none or
 * changed much, as SQLite recommends for long-lived connections. Without them it guesses that
 * `site_id = ?` is selective, and answers `site_id = ? AND id IN (…)` by scanning every row of the
 * site instead of looking the ids up (measured: 15 ms instead of 0.1 ms at 100,000 invoices).
 * `analysis_limit` bounds the work to a sample per index (tens of milliseconds on a large file).
 */
export function refreshStatistics(database: Database): void {
  if (!database.sqlite) return;
  database.sqlite.pragma('analysis_limit = 1000');
  database.sqlite.pragma('optimize = 0x10002');
}

/** Succeeds when the database answers a trivial query. */
export async function ping(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
