/**
 * Real server processes (`node dist/src/main.js`), for what one process cannot show: a crash in the
 * middle of writes, and several processes on one database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase, parseDatabaseUrl } from '../../src/db/connection.js';
import { freePort } from './ports.js';
import { ApiClient, TEST_EMAIL, TEST_KEY, TEST_PASSWORD, type TestDatabase } from './harness.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/main.js');

export { freePort };

export class ServerProcess extends ApiClient {
  private exited: Promise<number | null>;
  private output = '';

  private constructor(
    readonly child: ChildProcess,
    url: string,
  ) {
    super(url, TEST_KEY);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts `node dist/src/main.js` on the database and waits until /ready answers. */
  static async start(database: TestDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const child = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env['PATH'] ?? '',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          DAFTAR_DATA_DIR: database.dataDir,
          DAFTAR_API_KEY: TEST_KEY,
          DAFTAR_ADMIN_EMAIL: TEST_EMAIL,
          DAFTAR_ADMIN_PASSWORD: TEST_PASSWORD,
          DAFTAR_DB_POOL_SIZE: '5',
          LOG_LEVEL: 'error',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
      try {
        await server.waitReady();
        return server;
      } catch (error) {
        child.kill('SIGKILL');
        await server.exited;
        // Another process may have taken the port between probe and listen: try another.
        if (attempt < 3 && /EADDRINUSE/.test(server.output)) continue;
        throw error;
      }
    }
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => {
      exitCode = code;
    });
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`server exited (${exitCode}) before it was ready:\n${this.output}`);
      try {
        const reply = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(1_000) });
        if (reply.status === 200) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`server not ready after 30 s:\n${this.output}`);
  }

  /** What the process printed last (for failure messages). */
  get log(): string {
    return this.output;
  }

  /** Kills the process with no chance to clean up, as a power cut or OOM killer would. */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop: SIGTERM, in-flight requests finish. Returns the exit code. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** Opens the database directly (no migrations), for checks beside the servers. */
export function openDirect(database: TestDatabase): Database {
  return openDatabase(parseDatabaseUrl(database.url, database.dataDir), { poolSize: 2 });
}
