/**
 * Idempotency keys with Stripe's semantics, for every POST, PUT, PATCH and DELETE under /api2 that
 * sends an `Idempotency-Key` header (clients that send none are not affected):
 *
 * - the first request with a key claims it (a row per site and key) and runs; its 2xx reply is stored
 *   and any later request with the same key and the same method, path and body gets that reply again
 *   (header `Idempotent-Replayed: true`) without writing anything;
 * - the same key with a different request is a 422 naming `Idempotency-Key`;
 * - a second request arriving while the first runs waits for it, then replays its reply; so two
 *   concurrent requests with one key execute once;
 * - a reply that is not 2xx is not kept: the key is released and a retry runs again (nothing was
 *   written, the write's transaction rolled back);
 * - the write's own transaction marks the key `committed`, so if the process dies between the commit
 *   and storing the reply, a retry is told so (409) instead of writing twice;
 * - keys are kept 24 hours per site;
 * - a route whose reply holds a secret (creating an API key) does not take part (`config.idempotency`
 *   false): its reply is never stored.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Database } from '../db/connection.js';
import { failedReply } from './envelope.js';
import { isRecord } from '../guards.js';

const KEEP_MS = 24 * 60 * 60 * 1000;
const METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const POLL_MS = 25;

interface Claim {
  id: number;
  siteId: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: Claim;
  }
  interface FastifyContextConfig {
    /** false: the route's reply holds a secret, so it is never kept for a replay. */
    idempotency?: boolean;
  }
}

/** JSON with object keys sorted, so the same body always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonical(request.body ?? null)}`)
    .digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks the request's key as written, inside the write's transaction (see writeWith). */
export async function markCommitted(db: Db, request: FastifyRequest): Promise<void> {
  const claim = request.idempotency;
  if (!claim) return;
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'committed' })
    .where('site_id', '=', claim.siteId)
    .where('id', '=', claim.id)
    .execute();
}

export function registerIdempotency(app: FastifyInstance, database: Database, requestTimeoutMs: number): void {
  const db = database.db;

  const claim = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.caller) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key) || Array.isArray(header)) {
      return reply.code(400).send(
        failedReply(400, 'Validation error', 'DAFTAR_ERR_VALIDATION', {
          'Idempotency-Key': 'must be one value of 1 to 255 visible ASCII characters (a UUID is a good choice)',
        }),
      );
    }
    const siteId = request.caller.site.id;
    const print = fingerprint(request);
    const deadline = Date.now() + requestTimeoutMs;
    await db
      .deleteFrom('idempotency_keys')
      .where('site_id', '=', siteId)
      .where('created_ms', '<', Date.now() - KEEP_MS)
      .execute();
    for (;;) {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({ site_id: siteId, key, fingerprint: print, state: 'running', created_ms: Date.now() })
        .onConflict((conflict) => conflict.columns(['site_id', 'key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        request.idempotency = { id: Number(inserted['id']), siteId };
        return;
      }
      const existing = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!existing) continue; // released in between: claim it again
      if (existing['fingerprint'] !== print) {
        return reply.code(422).send(
          failedReply(422, 'Idempotency key reused with a different request', 'DAFTAR_ERR_IDEMPOTENCY', {
            'Idempotency-Key': 'was already used with another method, path or body; send a new key for a new request',
          }),
        );
      }
      if (existing['state'] === 'done') {
        return reply
          .code(Number(existing['status']))
          .header('idempotent-replayed', 'true')
          .type(String(existing['content_type'] ?? 'application/json; charset=utf-8'))
          .send(existing['body'] ?? '');
      }
      // Running, or written and about to store its reply ('committed'): wait for it. A claim older than
      // the longest request belongs to a process that died: before writing (running: take the key
      // over) or after (committed: never write twice; say so).
      const stale = Number(existing['created_ms']) < Date.now() - requestTimeoutMs - 5_000;
      if (stale && existing['state'] === 'committed') {
        return reply
          .code(409)
          .send(
            failedReply(
              409,
              'The first request with this Idempotency-Key was written, but its reply was lost when the server stopped; look the record up instead of retrying',
              'DAFTAR_ERR_CONFLICT',
            ),
          );
      }
      if (stale) {
        await db
          .deleteFrom('idempotency_keys')
          .where('site_id', '=', siteId)
          .where('id', '=', existing['id'])
          .where('state', '=', 'running')
          .execute();
        continue;
      }
      if (Date.now() > deadline) {
        return reply
          .code(409)
          .send(
            failedReply(
              409,
              'A request with this Idempotency-Key is still running; retry later',
              'DAFTAR_ERR_CONFLICT',
            ),
          );
      }
      await sleep(POLL_MS);
    }
  };

  const settle = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    const where = db.updateTable('idempotency_keys').where('site_id', '=', claim.siteId).where('id', '=', claim.id);
    // If the database fails here (it dropped the connection a moment ago), the reply still goes out as
    // it is: a committed write stays a 2xx (a retry is then told 409, its reply was lost), and a key
    // that could not be released is taken over once stale.
    try {
      if (
        reply.statusCode >= 200 &&
        reply.statusCode < 300 &&
        (typeof payload === 'string' || Buffer.isBuffer(payload))
      ) {
        await where
          .set({
            state: 'done',
            status: reply.statusCode,
            body: payload.toString(),
            content_type: String(reply.getHeader('content-type') ?? ''),
          })
          .execute();
      } else {
        await db
          .deleteFrom('idempotency_keys')
          .where('site_id', '=', claim.siteId)
          .where('id', '=', claim.id)
          .where('state', '=', 'running')
          .execute();
      }
    } catch (error) {
      request.log.warn({ err: error }, 'idempotency key not settled');
    }
    return payload;
  };

  // On the write routes only (the hooks are added to each route as it is declared): reads skip them.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((method) => METHODS.has(method))) return;
    // A route whose reply holds a secret (a new API key) opts out: the reply would be kept in clear.
    if (route.config?.idempotency === false) return;
    route.preHandler = [...asList(route.preHandler), claim];
    route.onSend = [...asList(route.onSend), settle];
  });
}

function asList<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}
