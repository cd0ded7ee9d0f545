/**
 * The webhook settings, read from the environment by config.ts (the one place env is read). Every
 * duration is configurable so the tests can run the retry schedule in milliseconds.
 */
import { type Env, integer } from '../env.js';

export interface WebhookConfig {
  /** 1: endpoints may resolve to loopback, link-local and private addresses (tests, private networks). */
  allowPrivate: boolean;
  /** Run the delivery worker inside the server process (default); 0 when `daftar worker` processes do it. */
  workerInServer: boolean;
  /** How often an idle worker looks for due deliveries. */
  pollMs: number;
  /** The most deliveries one worker sends at once. */
  concurrency: number;
  /** A delivery that has not answered 2xx within this is a failure. */
  timeoutMs: number;
  /** First retry after about this (±50 % jitter); each later one waits twice as long, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this long since the event, a delivery that still fails is marked failed. */
  retryForMs: number;
  /** An endpoint whose every delivery has failed for this long is disabled. */
  disableAfterMs: number;
  /** How long a rolled secret's predecessor still signs deliveries. */
  secretGraceMs: number;
  /** How often the daily upkeep runs: the overdue-invoice sweep and pruning old events. */
  overdueSweepMs: number;
  /** Events whose deliveries are all finished are deleted this long after they were made. */
  keepMs: number;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be 0 or 1 (got "${raw}")`);
}

const SECOND_MS = 1_000;
const HOUR_MS = 3_600 * SECOND_MS;
const DAY_MS = 24 * HOUR_MS;

export function webhookConfig(env: Env): WebhookConfig {
  return {
    allowPrivate: flag(env, 'DAFTAR_WEBHOOK_ALLOW_PRIVATE', false),
    workerInServer: flag(env, 'DAFTAR_WEBHOOK_WORKER', true),
    pollMs: integer(env, 'DAFTAR_WEBHOOK_POLL_MS', 1_000, 10, HOUR_MS),
    concurrency: integer(env, 'DAFTAR_WEBHOOK_CONCURRENCY', 16, 1, 256),
    timeoutMs: integer(env, 'DAFTAR_WEBHOOK_TIMEOUT_MS', 10 * SECOND_MS, 100, 60 * SECOND_MS),
    retryBaseMs: integer(env, 'DAFTAR_WEBHOOK_RETRY_BASE_MS', 15 * SECOND_MS, 1, HOUR_MS),
    retryMaxMs: integer(env, 'DAFTAR_WEBHOOK_RETRY_MAX_MS', 6 * HOUR_MS, 1, DAY_MS),
    retryForMs: integer(env, 'DAFTAR_WEBHOOK_RETRY_FOR_MS', 3 * DAY_MS, 1, 30 * DAY_MS),
    disableAfterMs: integer(env, 'DAFTAR_WEBHOOK_DISABLE_AFTER_MS', 5 * DAY_MS, 1, 365 * DAY_MS),
    secretGraceMs: integer(env, 'DAFTAR_WEBHOOK_SECRET_GRACE_MS', DAY_MS, 0, 30 * DAY_MS),
    overdueSweepMs: integer(env, 'DAFTAR_WEBHOOK_OVERDUE_SWEEP_MS', DAY_MS, 1_000, 30 * DAY_MS),
    keepMs: integer(env, 'DAFTAR_WEBHOOK_KEEP_MS', 30 * DAY_MS, 1_000, 3_650 * DAY_MS),
  };
}
