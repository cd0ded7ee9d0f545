/**
 * Opens the database named by DATABASE_URL: embedded SQLite (the default) or PostgreSQL. Everything
 * above this file talks to Kysely; the few places where the engines differ ask `dialect`.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

// The engine is dynamic by design: ~40 tables are declared by resources, not by a static interface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

export interface Database {
  readonly db: Db;
  readonly dialect: DialectName;
  /** Where it lives, without credentials, for logs. */
  readonly description: string;
  close(): Promise<void>;
}

export interface SqliteTarget { kind: 'sqlite'; file: string }
export interface PostgresTarget { kind: 'postgres'; url: string }
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
}

/** Prepared statements kept per connection; Kysely would otherwise re-prepare every query. */
const STATEMENT_CACHE_MAX = 2_000;

function openSqlite(target: SqliteTarget, synchronous: SqliteSynchronous): Database {
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const raw = new SqliteDatabase(target.file);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const prepare = raw.prepare.bind(raw);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  raw.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_MAX) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof raw.prepare;
  const db = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
  return {
    db,
    dialect: 'sqlite',
    description: `sqlite:${target.file}`,
    close: async () => { await db.destroy(); },
  };
}

function openPostgres(target: PostgresTarget, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: target.url, max: poolSize });
  // A broken idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(target.url);
  safe.password = '';
  return {
    db,
    dialect: 'postgres',
    description: safe.toString(),
    close: async () => { await db.destroy(); },
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
  return target.kind === 'sqlite' ? openSqlite(target, options.sqliteSynchronous ?? 'FULL') : openPostgres(target, options.poolSize ?? 10);
}

/** Succeeds when the database answers a trivial query. */
export async function ping(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db);
}
