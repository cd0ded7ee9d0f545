/**
 * Test servers on real databases over real HTTP. `eachDatabase` declares the same suite for SQLite (a
 * fresh file) and for PostgreSQL (a fresh database on the local server); when PostgreSQL cannot be
 * reached its suite is reported as skipped, never silently passed. A test declared with this module's
 * `it` that fails carries the server's last error line in its message (a 500's cause, not only "500").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type TestContext, type TestOptions, describe, before, after, it as nodeIt } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { type Server, loggerOptions, startServer } from '../../src/server.js';

export const POSTGRES_ADMIN_URL =
  process.env['DAFTAR_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_KEY = 'test-key-0123456789abcdef';
export const TEST_EMAIL = 'owner@example.com';
export const TEST_PASSWORD = 'correct horse battery';

export type Engine = 'sqlite' | 'postgres';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${POSTGRES_ADMIN_URL}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL suites are skipped, or null when PostgreSQL answers. */
export const postgresProblem = await postgresReachable();

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
  text: string;
}

/** Calls a Daftar server over HTTP with an API key. */
export class ApiClient {
  constructor(
    readonly url: string,
    readonly apiKey: string,
  ) {}

  async request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const merged: Record<string, string> = { apikey: this.apiKey };
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === 'apikey') delete merged['apikey'];
      merged[name] = value;
    }
    const init: RequestInit = { method, headers: merged };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.url + urlPath, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  get = (urlPath: string, headers?: Record<string, string>) => this.request('GET', urlPath, undefined, headers);
  post = (urlPath: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', urlPath, body, headers);
  put = (urlPath: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PUT', urlPath, body, headers);
  del = (urlPath: string, headers?: Record<string, string>) => this.request('DELETE', urlPath, undefined, headers);

  /** Creates a record and returns its id, failing loudly when the create did not answer 202. */
  async create(resource: string, body: unknown): Promise<string> {
    const reply = await this.post(`/api2/${resource}.json`, body);
    if (reply.status !== 202) throw new Error(`create ${resource} answered ${reply.status}: ${reply.text}`);
    return reply.body.id as string;
  }
}

/** The most lines of a server's errors kept for failing tests' messages. */
const ERROR_LINES_MAX = 20;
/** The longest error line appended to a message. */
const ERROR_LINE_LENGTH_MAX = 600;

/**
 * The server's log lines at level error or above (pino's 50+), each made one readable line: the
 * message, the error's type and message, and the first frame of its stack.
 */
export class ErrorLines {
  /** How many error lines the server has written so far. */
  count = 0;
  private readonly kept: string[] = [];

  write(line: string): void {
    let entry: { level?: number; msg?: string; err?: { type?: string; message?: string; stack?: string } };
    try {
      entry = JSON.parse(line);
    } catch {
      return;
    }
    if ((entry.level ?? 0) < 50) return;
    const frame = entry.err?.stack
      ?.split('\n')
      .find((text) => text.trim().startsWith('at '))
      ?.trim();
    const cause = entry.err
      ? `${entry.err.type ?? 'Error'}: ${entry.err.message ?? ''}${frame ? ` (${frame})` : ''}`
      : '';
    this.count += 1;
    this.kept.push([entry.msg, cause].filter(Boolean).join(': ').slice(0, ERROR_LINE_LENGTH_MAX));
    if (this.kept.length > ERROR_LINES_MAX) this.kept.shift();
  }

  /** The last error line written after the first `count` ones, if any. */
  lastSince(count: number): string | null {
    return this.count > count ? (this.kept.at(-1) ?? null) : null;
  }
}

/** Servers started and not yet closed: whose error lines a failing test's message may name. */
const liveServers = new Set<TestServer>();

/** A server running in this process on a fresh database, and a client of it. */
export class TestServer extends ApiClient {
  /** The environment the server was configured from (DATABASE_URL, DAFTAR_DATA_DIR, ...), for the CLI. */
  env: Record<string, string> = {};
  /** `errors`: the server's error log lines (always collected, whatever else the test logs). */
  constructor(
    readonly server: Server,
    url: string,
    apiKey: string,
    private readonly cleanup: () => Promise<void>,
    readonly errors = new ErrorLines(),
  ) {
    super(url, apiKey);
  }

  get database() {
    return this.server.database;
  }

  /** The server's last error line, to append to a failure's message. */
  get lastError(): string | null {
    return this.errors.lastSince(0);
  }

  override async create(resource: string, body: unknown): Promise<string> {
    const before = this.errors.count;
    const reply = await this.post(`/api2/${resource}.json`, body);
    if (reply.status !== 202) {
      const line = this.errors.lastSince(before);
      throw new Error(
        `create ${resource} answered ${reply.status}: ${reply.text}${line ? `\n    server's last error: ${line}` : ''}`,
      );
    }
    return reply.body.id as string;
  }

  async close(): Promise<void> {
    liveServers.delete(this);
    await this.server.close();
    await this.cleanup();
  }
}

type TestFn = (context: TestContext) => void | Promise<void>;

/** Runs a test body; when it fails, appends the last error line any live server wrote meanwhile. */
export function withServerErrors(fn: TestFn): TestFn {
  return async (context) => {
    const marks = new Map([...liveServers].map((server) => [server, server.errors.count]));
    try {
      await fn(context);
    } catch (error) {
      const lines = [...liveServers]
        .map((server) => server.errors.lastSince(marks.get(server) ?? 0))
        .filter((line) => line !== null);
      if (lines.length > 0 && error instanceof Error) {
        error.message += `\n    server's last error: ${lines.at(-1)}`;
      }
      throw error;
    }
  };
}

/** node:test's `it`, whose failures name the server's last error line (see withServerErrors). */
export function it(name: string, optionsOrFn?: TestOptions | TestFn, maybeFn?: TestFn): Promise<void> {
  const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn;
  const options = typeof optionsOrFn === 'function' || optionsOrFn === undefined ? {} : optionsOrFn;
  if (!fn) return nodeIt(name, options);
  return nodeIt(name, options, withServerErrors(fn));
}

let counter = 0;

export interface TestDatabase {
  url: string;
  dataDir: string;
  /** Drops the database and removes the data directory. */
  drop(): Promise<void>;
}

/** A fresh, empty database of the engine: a SQLite file in a new directory, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  counter += 1;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-test-'));
  let databaseUrl = `sqlite:${path.join(dataDir, 'test.sqlite')}`;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const name = `daftar_test_${process.pid}_${counter}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    };
  }
  return {
    url: databaseUrl,
    dataDir,
    async drop() {
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(
  engine: Engine,
  env: Record<string, string> = {},
  logStream?: { write(line: string): void },
): Promise<TestServer> {
  const { url: databaseUrl, dataDir, drop } = await freshDatabase(engine);
  const settings = {
    DATABASE_URL: databaseUrl,
    DAFTAR_DATA_DIR: dataDir,
    DAFTAR_API_KEY: TEST_KEY,
    DAFTAR_ADMIN_EMAIL: TEST_EMAIL,
    DAFTAR_ADMIN_PASSWORD: TEST_PASSWORD,
    DAFTAR_DB_POOL_SIZE: '5',
    ...env,
  };
  const config = loadConfig(settings);
  const errors = new ErrorLines();
  // Error lines are always collected; the test's own stream, when given, gets every line from info up.
  const stream = {
    write(line: string) {
      errors.write(line);
      logStream?.write(line);
    },
  };
  const server = await startServer(config, loggerOptions(logStream ? 'info' : 'error', stream));
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const running = new TestServer(server, `http://127.0.0.1:${port}`, TEST_KEY, drop, errors);
  running.env = settings;
  liveServers.add(running);
  return running;
}

/** Declares `suite` once per engine; `server()` is the running server of that engine. */
/** The owner's access token from the password grant: the console's session (its cookie's value). */
export async function ownerSession(s: TestServer): Promise<string> {
  const token = await s.post('/api2/oauth/token', {
    grant_type: 'password',
    username: TEST_EMAIL,
    password: TEST_PASSWORD,
  });
  if (token.status !== 200) throw new Error(`the owner could not sign in: ${token.text}`);
  return String(token.body.access_token);
}

export function eachDatabase(
  title: string,
  suite: (server: () => TestServer, engine: Engine) => void,
  env: Record<string, string> = {},
): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const skip = engine === 'postgres' && postgresProblem ? postgresProblem : false;
    describe(`${title} [${engine}]`, { skip }, () => {
      let running: TestServer | undefined;
      before(async () => {
        running = await startTestServer(engine, env);
      });
      after(async () => {
        await running?.close();
      });
      suite(() => {
        if (!running) throw new Error('test server did not start');
        return running;
      }, engine);
    });
  }
}

/** Runs tasks with at most `width` in flight. */
export async function inParallel<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}
