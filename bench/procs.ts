/**
 * Child processes of the benchmark: servers pinned to CPU 0, load generators pinned to CPU 1 (with
 * `taskset` where it exists), readiness polling, peak RSS and clean shutdown.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (dist/bench/ → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The machine's cores; with 4 or more, a second server process gets a core of its own. */
export const CPUS = os.cpus().length;
export const SERVER_CPU = '0';
/** The second server process of the two-process runs: its own core when there are 4 or more. */
export const SECOND_SERVER_CPU = CPUS >= 4 ? '1' : '0';
/** The load generators: the core after the servers' (PostgreSQL gets the ones after that). */
export const LOAD_CPU = CPUS >= 4 ? '2' : '1';

export const HAS_TASKSET = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The command line that runs `args` on `cpu` (or unpinned where taskset is missing). */
export function pinned(cpu: string, args: string[]): [string, string[]] {
  return HAS_TASKSET ? ['taskset', ['-c', cpu, ...args]] : [args[0]!, args.slice(1)];
}

export { freePort } from '../test/support/ports.js';

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

const running = new Set<Proc>();

/** Starts a process with output to a log file. `taskset` execs the command, so the pid is the program's. */
export function start(name: string, cpu: string, args: string[], env: Record<string, string>, logDir: string): Proc {
  const [command, argv] = pinned(cpu, args);
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: Proc = { name, child, pid: child.pid!, logFile, exited };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  return proc;
}

/** SIGTERM (the servers drain and exit), then SIGKILL after a grace period. */
export async function stop(proc: Proc, graceMs = 5_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Ends every process this run started (on errors and Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((proc) => stop(proc, 2_000)));
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** One GET; resolves with the status code, or 0 when nothing answers. */
export function probe(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', () => resolve(0));
    request.setTimeout(5_000, () => request.destroy());
  });
}

/** Polls `url` until it answers 200; returns the milliseconds since `sinceMs`. */
export async function waitFor200(
  proc: Proc,
  url: string,
  headers: Record<string, string>,
  sinceMs: number,
  timeoutMs = 120_000,
): Promise<number> {
  for (;;) {
    if ((await probe(url, headers)) === 200) return performance.now() - sinceMs;
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited (${proc.child.exitCode}) before answering:\n${tail(proc.logFile)}`);
    if (performance.now() - sinceMs > timeoutMs)
      throw new Error(`${proc.name} did not answer 200 on ${url} within ${timeoutMs} ms:\n${tail(proc.logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Peak resident set size of a live process, MB (VmHWM from /proc), or null where /proc is missing. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a live process has used, in microseconds, or null where /proc is missing. */
export function cpuMicros(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3): indexes 11 and 12.
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

const CLOCK_TICKS = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const value = Number(result.stdout?.trim());
  return Number.isFinite(value) && value > 0 ? value : 100;
})();
