/**
 * Rate limits kept in the database (fixed one-minute windows per bucket), so several server processes
 * share one count. Used by the token endpoint (per account and per address, always on) and by the
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
  const hits = Number(row['hits']);
  // The first hit of a window clears windows that can no longer count.
  if (hits === 1)
    await database.db
      .deleteFrom('rate_limits')
      .where('window_start', '<', windowStart - WINDOW_MS)
      .execute();
  return {
    allowed: hits <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - nowMs) / 1000)),
  };
}

/** The hits counted on `bucket` in this window, without counting one (for limits on failures only). */
export async function hitsSoFar(
  database: Database,
  bucket: string,
  nowMs = Date.now(),
): Promise<LimitResult & { hits: number }> {
  const windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
  const row = await database.db
    .selectFrom('rate_limits')
    .select('hits')
    .where('bucket', '=', bucket.slice(0, 300))
    .where('window_start', '=', windowStart)
    .executeTakeFirst();
  const hits = row ? Number(row['hits']) : 0;
  return { hits, allowed: true, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - nowMs) / 1000)) };
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
