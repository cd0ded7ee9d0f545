/**
 * The site's API keys, for its owner (an API key, or a token of the owner's login): list them, create
 * one (the key is in that reply and nowhere ever again: only its SHA-256 is kept), revoke one. A key
 * hash is never returned. Staff logins get 403. Paths follow Daftra's: `/api2/api_keys[.json]`,
 * `/api2/api_keys/{id}`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError, fieldError, notFound } from '../domain/errors.js';
import { type ApiKeyInfo, apiKeyById, createApiKey, listApiKeys, revokeApiKey } from '../domain/sites.js';
import { doneReply, listReply, oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { parseId, writeWith } from './routes.js';
import { paramsOf } from './request.js';
import { isRecord } from '../guards.js';

export const CREDENTIAL_ROUTES: ExtraRoute[] = [
  {
    method: 'GET',
    path: '/api2/api_keys',
    summary: "List the site's API keys (owner only; prefixes, never the keys or their hashes)",
    tag: 'API key',
  },
  {
    method: 'POST',
    path: '/api2/api_keys',
    summary: 'Create an API key: {"ApiKey":{"name":"Shop"}}; the reply holds the key, shown this once (owner only)',
    tag: 'API key',
  },
  { method: 'GET', path: '/api2/api_keys/{id}', summary: 'One API key (owner only)', tag: 'API key' },
  {
    method: 'DELETE',
    path: '/api2/api_keys/{id}',
    summary: 'Revoke an API key: it stops working at once (owner only)',
    tag: 'API key',
  },
];

const NAME_MAX = 100;
const MODEL = 'ApiKey';

function requireOwner(request: FastifyRequest): number {
  const caller = request.caller!;
  if (caller.staffId !== 0)
    throw new DaftarError('DAFTAR_ERR_FORBIDDEN', 'Only the owner of the site can manage its API keys');
  return caller.site.id;
}

function render(key: ApiKeyInfo): Record<string, unknown> {
  return {
    id: String(key.id),
    name: key.name,
    key_prefix: key.key_prefix,
    created: key.created,
    revoked: key.revoked ? '1' : '0',
  };
}

function nameOf(body: unknown): string {
  const outer = isRecord(body) ? body : {};
  const nested = outer[MODEL];
  const inner = isRecord(nested) ? nested : Array.isArray(nested) ? {} : outer;
  const name = inner['name'];
  if (name === undefined || name === null || name === '') return 'API key';
  if (typeof name !== 'string') throw fieldError('name', 'must be text');
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX)
    throw fieldError('name', `must be 1 to ${NAME_MAX} characters`);
  return trimmed;
}

export function registerCredentialRoutes(app: FastifyInstance, database: Database): void {
  for (const path of ['/api2/api_keys', '/api2/api_keys.json']) {
    app.get(path, async (request) => {
      const keys = (await listApiKeys(database.db, requireOwner(request))).map((key) => ({ [MODEL]: render(key) }));
      return listReply(keys, { page: 1, page_count: 1, total_results: keys.length, limit: keys.length });
    });
    // Not idempotent by key: the reply holds the new key, which must not be stored to be replayed.
    app.post(path, { config: { idempotency: false } }, async (request, reply) => {
      const siteId = requireOwner(request);
      const name = nameOf(request.body);
      const created = await writeWith(request, database, (context) => createApiKey(context.db, siteId, name));
      return reply.code(202).send({ code: 202, result: 'successful', id: String(created.id), key: created.key });
    });
  }
  app.get('/api2/api_keys/:id', async (request) => {
    const siteId = requireOwner(request);
    const id = parseId(paramsOf(request).id, { title: 'API key' });
    const key = await apiKeyById(database.db, siteId, id);
    if (!key) throw notFound('API key not found');
    return oneReply(MODEL, render(key));
  });
  app.delete('/api2/api_keys/:id', async (request) => {
    const siteId = requireOwner(request);
    const id = parseId(paramsOf(request).id, { title: 'API key' });
    // Revoking the key a request is made with would lock its caller out mid-conversation: refused.
    if (request.caller!.credential === `key:${id}`) {
      throw fieldError(
        'id',
        'is the API key making this request: revoke it with another key, a token of the owner, or `daftar key revoke`',
      );
    }
    const outcome = await writeWith(request, database, async (context) => {
      const result = await revokeApiKey(context.db, siteId, id);
      if (result === 'missing') throw notFound('API key not found');
      return result;
    });
    return doneReply(outcome === 'revoked' ? 'API key has been revoked' : 'API key was already revoked');
  });
}
