/**
 * `daftar backup <file>` and `daftar restore <file>`.
 * SQLite: the online backup API copies pages in steps while the server keeps writing; the copy is one
 * consistent state, checked with `integrity_check`. A restore copies a checked backup over the live
 * database the same way, in one transaction of the destination, so a running server sees the old
 * state or the restored one, never a mix.
 * PostgreSQL: `pg_dump --format=custom` (a consistent snapshot while the server runs) and
 * `pg_restore --clean --if-exists --single-transaction`.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { Config } from '../config.js';
import { UsageError } from './connect.js';
import { progressBar } from './people.js';

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  integrity_check?: 'ok';
}

/** Copies a SQLite database page by page, with a progress bar; checks the copy. */
async function copySqlite(from: string, to: string, label: string): Promise<void> {
  const { default: Sqlite } = await import('better-sqlite3');
  const source = new Sqlite(from, { readonly: true, fileMustExist: true });
  const bar = await progressBar(label);
  try {
    await source.backup(to, {
      progress({ totalPages, remainingPages }) {
        bar.update(totalPages - remainingPages, totalPages);
        return 256; // pages per step: other connections write between steps
      },
    });
  } finally {
    bar.stop();
    source.close();
  }
}

function integrity(file: string, Sqlite: typeof import('better-sqlite3')): string {
  const check = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    return String(check.pragma('integrity_check', { simple: true }));
  } finally {
    check.close();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) =>
      reject(new Error(`${command} could not be started (${error.message}); install the PostgreSQL client tools`)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

export async function backup(config: Config, file: string): Promise<BackupResult> {
  if (existsSync(file)) throw new UsageError(`${file} exists; name a new file`);
  const started = Date.now();
  if (config.database.kind === 'postgres') {
    await run('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${config.database.url}`]);
    return { file, bytes: statSync(file).size, ms: Date.now() - started };
  }
  await copySqlite(config.database.file, file, 'backup');
  const { default: Sqlite } = await import('better-sqlite3');
  const result = integrity(file, Sqlite);
  if (result !== 'ok') throw new Error(`the backup failed its integrity check: ${result}`);
  return { file, bytes: statSync(file).size, ms: Date.now() - started, integrity_check: 'ok' };
}

export async function restore(config: Config, file: string): Promise<BackupResult> {
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  const started = Date.now();
  if (config.database.kind === 'postgres') {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${config.database.url}`,
      file,
    ]);
    return { file, bytes: statSync(file).size, ms: Date.now() - started };
  }
  const { default: Sqlite } = await import('better-sqlite3');
  // Refuse anything but a whole, healthy SQLite database before touching the live one.
  let result: string;
  try {
    result = integrity(file, Sqlite);
  } catch (error) {
    throw new UsageError(`${file} is not a SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (result !== 'ok') throw new UsageError(`${file} failed its integrity check (${result}); nothing was restored`);
  await copySqlite(file, config.database.file, 'restore');
  return { file, bytes: statSync(file).size, ms: Date.now() - started, integrity_check: 'ok' };
}
