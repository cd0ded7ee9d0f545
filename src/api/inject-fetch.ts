/**
 * A `fetch` answered by the app in this process (Fastify's inject): the CLI's local mode and the web
 * console call the API through it, so they go through the same routes, checks and books as any
 * client, with no port and no second copy of a rule.
 */
import type { FastifyInstance } from 'fastify';

export function injectFetch(app: FastifyInstance, remoteAddress?: string): typeof fetch {
  return async (input, init) => {
    const target = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const reply = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: target.pathname + target.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      payload: typeof init?.body === 'string' ? init.body : undefined,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    return new Response(reply.statusCode === 204 ? null : new Uint8Array(reply.rawPayload), {
      status: reply.statusCode,
      headers: reply.headers as Record<string, string>,
    });
  };
}
