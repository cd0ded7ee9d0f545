/**
 * The token endpoint of Daftra's password grant (and refresh), at every path clients call, with JSON,
 * urlencoded or multipart bodies. Daftra publishes its client id and secret, so they protect nothing and
 * any value is accepted; the password is what counts.
 *
 * Password attempts are limited per account and per address (DAFTAR_TOKEN_RATE_LIMIT a minute, 429
 * with Retry-After beyond). Tokens expire (DAFTAR_ACCESS_TOKEN_TTL, DAFTAR_REFRESH_TOKEN_TTL) and can be
 * revoked at `/api2/oauth/revoke` (RFC 7009: `token=<access or refresh token>`; always 200).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/connection.js';
import { digest, randomSecret, verifyPassword } from '../domain/secrets.js';
import { nowText } from '../domain/sites.js';
import { limited } from './limits.js';

export const TOKEN_PATHS = ['/v2/oauth/token', '/api2/oauth/token', '/oauth/token', '/api2/v2/oauth/token'];
export const REVOKE_PATHS = ['/v2/oauth/revoke', '/api2/oauth/revoke', '/oauth/revoke'];

function oauthError(reply: FastifyReply, status: number, error: string, description: string, fields?: Record<string, string>) {
  return reply.code(status).send({
    result: 'failed', code: status, message: description, error, error_description: description,
    ...(fields ? { validation_errors: fields } : {}),
  });
}

async function issueTokens(database: Database, config: Config, siteId: number, userId: number) {
  const access = randomSecret(32);
  const refresh = randomSecret(32);
  const now = Date.now();
  await database.db.insertInto('oauth_tokens').values({
    site_id: siteId, user_id: userId, access_hash: digest(access), refresh_hash: digest(refresh),
    access_expires_ms: now + config.accessTokenTtlSeconds * 1000, refresh_expires_ms: now + config.refreshTokenTtlSeconds * 1000,
    revoked: 0, created: nowText(),
  }).execute();
  const site = await database.db.selectFrom('sites').select(['subdomain']).where('id', '=', siteId).executeTakeFirst();
  // Daftra's token reply names the site the token is for; clients keep both to build URLs.
  return {
    token_type: 'Bearer', expires_in: config.accessTokenTtlSeconds, access_token: access, refresh_token: refresh,
    site_id: siteId, subdomain: site ? String(site['subdomain']) : null,
  };
}

function text(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function registerTokenRoutes(app: FastifyInstance, database: Database, config: Config): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const grant = text(body, 'grant_type');
    if (grant === 'password') {
      const username = text(body, 'username')?.trim().toLowerCase();
      const password = text(body, 'password');
      if (!username || !password) {
        return oauthError(reply, 400, 'invalid_request', 'username and password are required', {
          ...(username ? {} : { username: 'is required' }), ...(password ? {} : { password: 'is required' }),
        });
      }
      const limit = config.tokenRateLimitPerMinute;
      if (await limited(database, reply, [[`token:addr:${request.ip}`, limit], [`token:acct:${username}`, limit]], 'sign-in attempts')) return reply;
      const users = await database.db.selectFrom('users as u').innerJoin('sites as s', 's.id', 'u.site_id')
        .select(['u.id', 'u.site_id', 'u.password_hash', 's.subdomain']).where('u.email', '=', username).limit(50).execute();
      const hostSub = request.hostname.split('.')[0];
      const candidates = users.length > 1 ? users.filter((u) => u['subdomain'] === hostSub) : users;
      for (const user of candidates) {
        if (await verifyPassword(password, String(user['password_hash']))) {
          return reply.code(200).send(await issueTokens(database, config, Number(user['site_id']), Number(user['id'])));
        }
      }
      return oauthError(reply, 400, 'invalid_grant', 'The user credentials were incorrect.');
    }
    if (grant === 'refresh_token') {
      const refresh = text(body, 'refresh_token');
      if (!refresh) return oauthError(reply, 400, 'invalid_request', 'refresh_token is required', { refresh_token: 'is required' });
      const token = await database.db.selectFrom('oauth_tokens').selectAll()
        .where('refresh_hash', '=', digest(refresh)).where('revoked', '=', 0).executeTakeFirst();
      if (!token || Number(token['refresh_expires_ms']) <= Date.now()) {
        return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid.');
      }
      // Rotation: the used refresh token (and its access token) stop working.
      const revoked = await database.db.updateTable('oauth_tokens').set({ revoked: 1 })
        .where('id', '=', token['id']).where('site_id', '=', token['site_id']).where('revoked', '=', 0).executeTakeFirst();
      if (Number(revoked.numUpdatedRows) !== 1) return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid.');
      return reply.code(200).send(await issueTokens(database, config, Number(token['site_id']), Number(token['user_id'])));
    }
    return oauthError(reply, 400, 'unsupported_grant_type', 'The authorization grant type is not supported: use password or refresh_token.', {
      grant_type: 'must be password or refresh_token',
    });
  };
  for (const path of TOKEN_PATHS) app.post(path, handler);
  // RFC 7009: whoever holds a token may revoke it (and its pair); unknown tokens are not an error.
  const revoke = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const token = text(body, 'token');
    if (!token) return oauthError(reply, 400, 'invalid_request', 'token is required', { token: 'is required' });
    const hash = digest(token);
    await database.db.updateTable('oauth_tokens').set({ revoked: 1 })
      .where((eb) => eb.or([eb('access_hash', '=', hash), eb('refresh_hash', '=', hash)])).execute();
    return reply.code(200).send({ result: 'successful', code: 200 });
  };
  for (const path of REVOKE_PATHS) app.post(path, revoke);
}
