/**
 * The token endpoint of Daftra's password grant (and refresh), at every path clients call, with JSON,
 * urlencoded or multipart bodies. Daftra publishes its client id and secret, so they protect nothing and
 * any value is accepted; the password is what counts.
 *
 * Password attempts are limited per address, and failures per account and address together
 * (DAFTAR_TOKEN_RATE_LIMIT a minute each, 429 with Retry-After beyond); an unknown account costs the
 * same time as a wrong password. Tokens expire (DAFTAR_ACCESS_TOKEN_TTL, DAFTAR_REFRESH_TOKEN_TTL; a
 * sign-in's refresh tokens for good after DAFTAR_REFRESH_FAMILY_TTL), rotate on every refresh, and can
 * be revoked at `/api2/oauth/revoke` (RFC 7009: `token=<access or refresh token>`; always 200).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/connection.js';
import { type Schema, typed } from '../db/schema.js';
import { digest, hashPassword, randomSecret, verifyPassword } from '../domain/secrets.js';
import { nowText } from '../domain/sites.js';
import { failedReply } from './envelope.js';
import { hit, hitsSoFar, limited } from './limits.js';
import { isRecord } from '../guards.js';

export const TOKEN_PATHS = ['/v2/oauth/token', '/api2/oauth/token', '/oauth/token', '/api2/v2/oauth/token'];
export const REVOKE_PATHS = ['/v2/oauth/revoke', '/api2/oauth/revoke', '/oauth/revoke'];

function oauthError(
  reply: FastifyReply,
  status: number,
  error: string,
  description: string,
  fields?: Record<string, string>,
) {
  return reply.code(status).send({
    result: 'failed',
    code: status,
    message: description,
    error,
    error_description: description,
    ...(fields ? { validation_errors: fields } : {}),
  });
}

/** One sign-in: every token rotated from it shares the id and the absolute end. */
interface Family {
  id: string;
  expiresMs: number;
}

async function issueTokens(db: Kysely<Schema>, config: Config, siteId: number, userId: number, family: Family) {
  const access = randomSecret(32);
  const refresh = randomSecret(32);
  const now = Date.now();
  await db
    .insertInto('oauth_tokens')
    .values({
      site_id: siteId,
      user_id: userId,
      access_hash: digest(access),
      refresh_hash: digest(refresh),
      access_expires_ms: Math.min(now + config.accessTokenTtlSeconds * 1000, family.expiresMs),
      refresh_expires_ms: Math.min(now + config.refreshTokenTtlSeconds * 1000, family.expiresMs),
      family: family.id,
      family_expires_ms: family.expiresMs,
      revoked: 0,
      created: nowText(),
    })
    .execute();
  const site = await db.selectFrom('sites').select(['subdomain']).where('id', '=', siteId).executeTakeFirst();
  // Daftra's token reply names the site the token is for; clients keep both to build URLs.
  return {
    token_type: 'Bearer',
    expires_in: config.accessTokenTtlSeconds,
    access_token: access,
    refresh_token: refresh,
    site_id: siteId,
    subdomain: site ? String(site['subdomain']) : null,
  };
}

/** Revokes every token of a sign-in (a replayed refresh token, or a refresh token revoked by its holder). */
async function revokeFamily(db: Kysely<Schema>, siteId: number, family: string): Promise<void> {
  await db
    .updateTable('oauth_tokens')
    .set({ revoked: 1 })
    .where('site_id', '=', siteId)
    .where('family', '=', family)
    .where('revoked', '=', 0)
    .execute();
}

function text(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function registerTokenRoutes(app: FastifyInstance, database: Database, config: Config): void {
  // Checked against when the account does not exist, so that answer takes as long as a wrong password.
  const dummyHash = hashPassword(randomSecret(16));
  dummyHash.catch(() => {});

  const passwordGrant = async (request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>) => {
    const username = text(body, 'username')?.trim().toLowerCase();
    const password = text(body, 'password');
    if (!username || !password) {
      return oauthError(reply, 400, 'invalid_request', 'username and password are required', {
        ...(username ? {} : { username: 'is required' }),
        ...(password ? {} : { password: 'is required' }),
      });
    }
    const limit = config.tokenRateLimitPerMinute;
    // Every attempt from an address counts (each costs a password hash); failures count per account
    // AND address together, so guesses from elsewhere cannot lock the owner out of their own sign-in.
    if (await limited(database, reply, [[`token:addr:${request.ip}`, limit]], 'sign-in attempts')) return reply;
    const pair = `token:fail:${username.slice(0, 200)}|${request.ip}`;
    const failures = await hitsSoFar(database, pair);
    if (failures.hits >= limit) {
      return reply
        .code(429)
        .header('retry-after', String(failures.retryAfterSeconds))
        .send(
          failedReply(
            429,
            `Too many failed sign-in attempts; retry after ${failures.retryAfterSeconds} seconds`,
            'DAFTAR_ERR_RATE_LIMITED',
          ),
        );
    }
    const users = await typed(database.db)
      .selectFrom('users as u')
      .innerJoin('sites as s', 's.id', 'u.site_id')
      .select(['u.id', 'u.site_id', 'u.password_hash', 's.subdomain'])
      .where('u.email', '=', username)
      .limit(50)
      .execute();
    const hostSub = request.hostname.split('.')[0];
    const candidates = users.length > 1 ? users.filter((u) => u['subdomain'] === hostSub) : users;
    // Constant work whether or not the account exists: one password hash at least, always.
    if (candidates.length === 0) await verifyPassword(password, await dummyHash);
    for (const user of candidates) {
      if (await verifyPassword(password, String(user['password_hash']))) {
        const family = { id: randomSecret(16), expiresMs: Date.now() + config.refreshFamilyTtlSeconds * 1000 };
        return reply
          .code(200)
          .send(
            await database.write((db) => issueTokens(db, config, Number(user['site_id']), Number(user['id']), family)),
          );
      }
    }
    await hit(database, pair, limit);
    return oauthError(reply, 400, 'invalid_grant', 'The user credentials were incorrect.');
  };

  /**
   * Rotation (OAuth 2.0 Security BCP): a refresh token works once; the reply carries the next one of the
   * same sign-in. A refresh token presented again after it was used means it leaked (or the client
   * raced itself): every token of that sign-in is revoked. A sign-in ends for good
   * DAFTAR_REFRESH_FAMILY_TTL after the password was given, however often it was refreshed.
   */
  const refreshGrant = async (reply: FastifyReply, body: Record<string, unknown>) => {
    const refresh = text(body, 'refresh_token');
    if (!refresh)
      return oauthError(reply, 400, 'invalid_request', 'refresh_token is required', { refresh_token: 'is required' });
    if (refresh.length > 512) return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid.');
    const issued = await database.write(async (trx) => {
      const db = typed(trx);
      const token = await db
        .selectFrom('oauth_tokens')
        .selectAll()
        .where('refresh_hash', '=', digest(refresh))
        .executeTakeFirst();
      if (!token) return null;
      const siteId = Number(token['site_id']);
      const family: Family = {
        id: String(token['family'] ?? `sign-in-${token['id']}`),
        expiresMs: Number(token['family_expires_ms'] ?? token['refresh_expires_ms']),
      };
      const now = Date.now();
      if (Number(token['revoked']) === 1) {
        await revokeFamily(db, siteId, family.id);
        return null;
      }
      if (Number(token['refresh_expires_ms']) <= now || family.expiresMs <= now) return null;
      const used = await db
        .updateTable('oauth_tokens')
        .set({ revoked: 1 })
        .where('id', '=', token['id'])
        .where('site_id', '=', siteId)
        .where('revoked', '=', 0)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) {
        // Used by a concurrent request a moment ago: a replay all the same.
        await revokeFamily(db, siteId, family.id);
        return null;
      }
      return issueTokens(db, config, siteId, Number(token['user_id']), family);
    });
    if (!issued) return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid.');
    return reply.code(200).send(issued);
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = isRecord(request.body) ? request.body : {};
    const grant = text(body, 'grant_type');
    if (grant === 'password') return passwordGrant(request, reply, body);
    if (grant === 'refresh_token') return refreshGrant(reply, body);
    return oauthError(
      reply,
      400,
      'unsupported_grant_type',
      'The authorization grant type is not supported: use password or refresh_token.',
      {
        grant_type: 'must be password or refresh_token',
      },
    );
  };
  for (const path of TOKEN_PATHS) app.post(path, handler);
  // RFC 7009: whoever holds a token may revoke it (and its pair); unknown tokens are not an error.
  const revoke = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = isRecord(request.body) ? request.body : {};
    const token = text(body, 'token');
    if (!token) return oauthError(reply, 400, 'invalid_request', 'token is required', { token: 'is required' });
    const hash = digest(token);
    await database.write(async (trx) => {
      const db = typed(trx);
      const rows = await db
        .selectFrom('oauth_tokens')
        .select(['id', 'site_id', 'family', 'refresh_hash'])
        .where((eb) => eb.or([eb('access_hash', '=', hash), eb('refresh_hash', '=', hash)]))
        .execute();
      for (const row of rows) {
        await db
          .updateTable('oauth_tokens')
          .set({ revoked: 1 })
          .where('id', '=', row['id'])
          .where('site_id', '=', row['site_id'])
          .execute();
        // A refresh token stands for the whole sign-in (RFC 7009 §2.1): its family goes with it.
        if (row['refresh_hash'] === hash && row['family'])
          await revokeFamily(db, Number(row['site_id']), String(row['family']));
      }
    });
    return reply.code(200).send({ result: 'successful', code: 200 });
  };
  for (const path of REVOKE_PATHS) app.post(path, revoke);
}
