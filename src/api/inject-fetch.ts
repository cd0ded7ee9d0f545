/**
 * A `fetch` answered by the app in this process (Fastify's inject): the CLI's local mode and the web
 * console call the API through it, so they go through the same routes, checks and books as any
 * client, with no port and no second copy of a rule.
 */
import type { FastifyInstance } from 'fastify';

/** Node's reply headers as fetch's: a list joined with commas, a number as its text (as `Response` reads a record). */
function headerText(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) text[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return text;
}

export function injectFetch(app: FastifyInstance, remoteAddress?: string): typeof fetch {
  return async (input, init) => {
    const target = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const reply = await app.inject({
      method: init?.method ?? 'GET',
      url: target.pathname + target.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      payload: typeof init?.body === 'string' ? init.body : undefined,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    return new Response(reply.statusCode === 204 ? null : new Uint8Array(reply.rawPayload), {
      status: reply.statusCode,
      headers: headerText(reply.headers),
    });
  };
}
