/**
 * CORS for browser clients, off unless DAFTAR_CORS_ORIGINS lists origins (`*` for any). An allowed
 * origin gets Access-Control-Allow-Origin on every reply and its preflight (OPTIONS) answered 204
 * before authentication; any other origin gets no CORS headers, so browsers refuse the reply, and its
 * preflight a plain refusal (204 without them), not the 401 of a request without a key.
 */
import type { FastifyInstance } from 'fastify';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'apikey, authorization, content-type, idempotency-key, x-request-id, accept';
const EXPOSED_HEADERS = 'retry-after, idempotent-replayed, x-request-id, content-disposition';

export function registerCors(app: FastifyInstance, origins: string[]): void {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (typeof origin !== 'string' || !(any || allowed.has(origin.toLowerCase()))) {
      if (preflight) return reply.code(204).header('vary', 'Origin').send();
      return;
    }
    reply.header('access-control-allow-origin', any ? '*' : origin);
    if (!any) reply.header('vary', 'Origin');
    reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      const asked = request.headers['access-control-request-headers'];
      return reply
        .code(204)
        .header('access-control-allow-methods', ALLOWED_METHODS)
        .header(
          'access-control-allow-headers',
          typeof asked === 'string' && asked.length <= 1000 ? asked : ALLOWED_HEADERS,
        )
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
