/**
 * Rate limits kept in the database, so several server processes share one count. Each bucket counts
 * hits per one-minute window, and a limit applies to a sliding minute: this window's hits plus the
 * previous window's hits still inside the last 60 seconds, taking them as spread evenly over that
 * window and rounding up. So a burst across a window's edge counts as one burst (fixed windows let
 * twice the limit through there), and the count does not fall to zero on the minute. Used by the token endpoint (per account and per address, always on) and by the
 * optional global limit (DAFTAR_RATE_LIMIT requests a minute per credential and per address).
 */
import { sql } from 'kysely';
import type { FastifyReply } from 'fastify';
import type { Database } from '../db/connection.js';
import { failedReply } from './envelope.js';

const WINDOW_MS = 60_000;

export interface LimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Counts one hit on `bucket`; allowed while the window's hits are at most `limit`. */
export async function hit(database: Database, bucket: string, limit: number, nowMs = Date.now()): Promise<LimitResult> {
  const windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
  const row = await database.db
    .insertInto('rate_limits')
    .values({ bucket: bucket.slice(0, 300), window_start: windowStart, hits: 1 })
    .onConflict((conflict) =>
      conflict.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  const current = Number(row['hits']);
  // The first hit of a window clears windows that can no longer count.
  if (current === 1)
    await database.db
      .deleteFrom('rate_limits')
      .where('window_start', '<', windowStart - WINDOW_MS)
      .execute();
  // Over the limit on this window alone needs no look at the one before.
  const hits = current > limit ? current : current + (await stillCounted(database, bucket, windowStart, nowMs));
  return { allowed: hits <= limit, retryAfterSeconds: retryAfter(windowStart, nowMs) };
}

function retryAfter(windowStart: number, nowMs: number): number {
  return Math.max(1, Math.ceil((windowStart + WINDOW_MS - nowMs) / 1000));
}

/** The previous window's hits still inside the sliding minute ending now, spread evenly, rounded up. */
async function stillCounted(database: Database, bucket: string, windowStart: number, nowMs: number): Promise<number> {
  const row = await database.db
    .selectFrom('rate_limits')
    .select('hits')
    .where('bucket', '=', bucket.slice(0, 300))
    .where('window_start', '=', windowStart - WINDOW_MS)
    .executeTakeFirst();
  return previousShare(row ? Number(row['hits']) : 0, nowMs - windowStart);
}

/** `previous` hits of the last window, weighted by the part of it still inside the sliding minute. */
export function previousShare(previous: number, elapsedMs: number): number {
  const remaining = Math.max(0, WINDOW_MS - elapsedMs);
  return Math.ceil((previous * remaining) / WINDOW_MS);
}

/** The hits counted on `bucket` in the sliding minute, without counting one (for limits on failures only). */
export async function hitsSoFar(
  database: Database,
  bucket: string,
  nowMs = Date.now(),
): Promise<LimitResult & { hits: number }> {
  const windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
  const rows = await database.db
    .selectFrom('rate_limits')
    .select(['window_start', 'hits'])
    .where('bucket', '=', bucket.slice(0, 300))
    .where('window_start', 'in', [windowStart - WINDOW_MS, windowStart])
    .execute();
  const hitsOf = (start: number) => Number(rows.find((row) => Number(row['window_start']) === start)?.['hits'] ?? 0);
  const hits = hitsOf(windowStart) + previousShare(hitsOf(windowStart - WINDOW_MS), nowMs - windowStart);
  return { hits, allowed: true, retryAfterSeconds: retryAfter(windowStart, nowMs) };
}

/** Checks every bucket (all are counted); the first one over its limit answers 429 with Retry-After. */
export async function limited(
  database: Database,
  reply: FastifyReply,
  buckets: Array<[string, number]>,
  what: string,
): Promise<boolean> {
  let retryAfter = 0;
  for (const [bucket, limit] of buckets) {
    const result = await hit(database, bucket, limit);
    if (!result.allowed) retryAfter = Math.max(retryAfter, result.retryAfterSeconds);
  }
  if (retryAfter === 0) return false;
  await reply
    .code(429)
    .header('retry-after', String(retryAfter))
    .send(failedReply(429, `Too many ${what}; retry after ${retryAfter} seconds`, 'DAFTAR_ERR_RATE_LIMITED'));
  return true;
}
