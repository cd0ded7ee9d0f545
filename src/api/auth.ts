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
import { type RoleKey, roleOf } from '../domain/staff-roles.js';

export interface Caller {
  site: SiteRow;
  /** Daftra's staff_id for documents this caller writes: 0 is the owner. */
  staffId: number;
  /** How the caller proved itself, for logs and the audit trail: `key:<id>` or `token:<id>`. */
  credential: string;
  /** What the caller may do (domain/staff-roles.ts): an API key is the owner's. */
  role: RoleKey;
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

const CACHED_CALLERS_MAX = 10_000;

/**
 * The callers of API keys kept in memory for as long as the database says no key or site may have
 * changed (`Database.callerStamp`). SQLite: `data_version` moves when another connection commits (the
 * CLI revoking a key or changing a site setting, another server process) and `total_changes()` when
 * this connection writes anything. PostgreSQL: LISTEN/NOTIFY from triggers on the key and site tables,
 * and this process's own writes (db/caller-watch.ts); while not listening nothing is cached. Either
 * empties the cache, so the next request reads its key again. A key check was a tenth of a GET of an
 * invoice on SQLite, and one of its three round trips on PostgreSQL.
 */
class CallerCache {
  private stamp: string | undefined = '';
  private readonly callers = new Map<string, Caller>();

  constructor(private readonly database: Database) {}

  current(): string | undefined {
    return this.database.callerStamp();
  }

  /** The cached caller of `key`, if nothing changed since it was read. */
  get(key: string): Caller | undefined {
    const stamp = this.current();
    if (stamp !== this.stamp || stamp === undefined) {
      this.callers.clear();
      this.stamp = stamp;
      return undefined;
    }
    return this.callers.get(key);
  }

  /** Keeps `caller` if nothing changed while it was being read (since `stamp`). */
  set(key: string, caller: Caller, stamp: string | undefined): void {
    if (stamp === undefined || stamp !== this.stamp || this.current() !== stamp) return;
    if (this.callers.size >= CACHED_CALLERS_MAX) this.callers.clear();
    this.callers.set(key, caller);
  }
}

const callerCaches = new WeakMap<Database, CallerCache>();

function cacheOf(database: Database): CallerCache {
  let cache = callerCaches.get(database);
  if (!cache) {
    cache = new CallerCache(database);
    callerCaches.set(database, cache);
  }
  return cache;
}

async function byApiKey(database: Database, key: string): Promise<Caller | null> {
  const cache = cacheOf(database);
  const cached = cache.get(key);
  if (cached) return cached;
  const stamp = cache.current();
  const caller = await readApiKey(database, key);
  if (caller) cache.set(key, caller, stamp);
  return caller;
}

async function readApiKey(database: Database, key: string): Promise<Caller | null> {
  const hash = digest(key);
  const {
    rows: [row],
  } = await runShape(database.db, database.dialect, 'caller-by-key', [hash, 0], () =>
    database.db
      .selectFrom('api_keys as k')
      .innerJoin('sites as s', 's.id', 'k.site_id')
      .selectAll('s')
      .select(['k.id as key_id'])
      .where('k.key_hash', '=', hash)
      .where('k.revoked', '=', 0),
  );
  if (!row) return null;
  return Object.freeze({
    site: Object.freeze(normalizeSite(row)),
    staffId: 0,
    credential: `key:${row['key_id']}`,
    role: 'owner' as const,
  });
}

async function byAccessToken(database: Database, token: string, nowMs: number): Promise<Caller | null> {
  const row = await database.db
    .selectFrom('oauth_tokens as t')
    .innerJoin('sites as s', 's.id', 't.site_id')
    .innerJoin('users as u', (join) => join.onRef('u.id', '=', 't.user_id').onRef('u.site_id', '=', 't.site_id'))
    .leftJoin('staff as m', (join) => join.onRef('m.id', '=', 'u.staff_id').onRef('m.site_id', '=', 'u.site_id'))
    .selectAll('s')
    .select(['t.id as token_id', 't.access_expires_ms', 'u.staff_id as user_staff_id', 'm.role_id as staff_role_id'])
    .where('t.access_hash', '=', digest(token))
    .where('t.revoked', '=', 0)
    .executeTakeFirst();
  if (!row || Number(row['access_expires_ms']) <= nowMs) return null;
  const staffId = Number(row['user_staff_id']);
  return {
    site: normalizeSite(row),
    staffId,
    credential: `token:${row['token_id']}`,
    role: roleOf(staffId, row['staff_role_id']),
  };
}

/**
 * Whether the request needs a credential: every route does, but the public ones (named by the routes
 * they were registered as). Decided on the route the router matched, not on the URL as sent, so every
 * spelling the router accepts (`/%61pi2/…`, `//api2//…`, a trailing slash) is checked the same; a
 * request that matches no route gets the 404, which reads nothing.
 */
export function requiresCredential(request: FastifyRequest, publicRoutes: ReadonlySet<string>): boolean {
  const route = request.routeOptions.url;
  // A route that answers without an API credential says so where it is registered (`PUBLIC_ROUTE`):
  // public document links check their own hash, the console its own session.
  if (request.routeOptions.config?.public === true) return false;
  return route !== undefined && !publicRoutes.has(route);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without an API key or token: it proves its caller otherwise (a hash, a session). */
    public?: boolean;
  }
}

/** Route options of a route that answers without an API key or token (it proves the caller otherwise). */
export const PUBLIC_ROUTE: { config: { public: boolean } } = { config: { public: true } };

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
