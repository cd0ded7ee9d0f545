/**
 * Who is calling: an `apikey` header (any capitalisation; Node lower-cases names) or an
 * `Authorization: Bearer` access token. Both resolve to a site; every query after this is scoped to it.
 */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError } from '../domain/errors.js';
import { digest } from '../domain/secrets.js';
import { runShape } from '../db/shapes.js';
import { normalizeSite } from '../domain/sites.js';
import type { SiteRow } from '../engine/resource.js';

export interface Caller {
  site: SiteRow;
  /** Daftra's staff_id for documents this caller writes: 0 is the owner. */
  staffId: number;
  /** How the caller proved itself, for logs and the audit trail: `key:<id>` or `token:<id>`. */
  credential: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function byApiKey(database: Database, key: string): Promise<Caller | null> {
  const hash = digest(key);
  const { rows: [row] } = await runShape(database.db, database.dialect, 'caller-by-key', [hash, 0], () => database.db
    .selectFrom('api_keys as k').innerJoin('sites as s', 's.id', 'k.site_id')
    .selectAll('s').select(['k.id as key_id'])
    .where('k.key_hash', '=', hash).where('k.revoked', '=', 0));
  if (!row) return null;
  return { site: normalizeSite(row), staffId: 0, credential: `key:${row['key_id']}` };
}

async function byAccessToken(database: Database, token: string, nowMs: number): Promise<Caller | null> {
  const row = await database.db.selectFrom('oauth_tokens as t').innerJoin('sites as s', 's.id', 't.site_id')
    .innerJoin('users as u', (join) => join.onRef('u.id', '=', 't.user_id').onRef('u.site_id', '=', 't.site_id'))
    .selectAll('s').select(['t.id as token_id', 't.access_expires_ms', 'u.staff_id as user_staff_id'])
    .where('t.access_hash', '=', digest(token)).where('t.revoked', '=', 0).executeTakeFirst();
  if (!row || Number(row['access_expires_ms']) <= nowMs) return null;
  return { site: normalizeSite(row), staffId: Number(row['user_staff_id']), credential: `token:${row['token_id']}` };
}

export async function authenticate(database: Database, request: FastifyRequest): Promise<Caller> {
  const authorization = headerValue(request, 'authorization');
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const apiKey = headerValue(request, 'apikey')?.trim();
  // Clients often send both headers (the docs show both); either one that is valid is enough.
  if (bearer && bearer.length <= 512) {
    const caller = await byAccessToken(database, bearer, Date.now());
    if (caller) return caller;
  }
  if (apiKey && apiKey.length <= 512) {
    const caller = await byApiKey(database, apiKey);
    if (caller) return caller;
  }
  if (!bearer && !apiKey) throw new DaftarError('DAFTAR_ERR_AUTH_MISSING');
  throw new DaftarError('DAFTAR_ERR_AUTH_INVALID');
}
