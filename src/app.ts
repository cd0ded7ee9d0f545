/**
 * Builds the HTTP application from a configuration and an open database. No side effects on import:
 * tests and the server build it the same way.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.js';
import { type Database, ping } from './db/connection.js';
import { authenticate } from './api/auth.js';
import { registerCors } from './api/cors.js';
import { registerIdempotency } from './api/idempotency.js';
import { limited } from './api/limits.js';
import { registerBodyParsers } from './api/body.js';
import { failedReply, oneReply } from './api/envelope.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './api/errors.js';
import { EXTRA_ROUTES, registerExtraRoutes } from './api/extra-routes.js';
import { REST_ROUTES, registerRestRoutes } from './api/rest-routes.js';
import { REVOKE_PATHS, TOKEN_PATHS, registerTokenRoutes } from './api/oauth.js';
import { REPORT_ROUTES, registerReportRoutes } from './api/reports.js';
import { registerResourceRoutes } from './api/routes.js';
import { renderSite } from './api/site.js';
import { V2_ROUTES, registerV2Routes } from './api/v2.js';
import { RESOURCES } from './resources/index.js';
import { VERSION } from './version.js';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Paths anyone may call without a credential. */
const PUBLIC_PATHS = new Set(['/api2/openapi.json', '/docs', '/health', '/ready', ...TOKEN_PATHS, ...REVOKE_PATHS]);

export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    requestIdHeader: 'x-request-id',
    // Requests that arrive while shutting down get our own 503 (below), in Daftra's envelope.
    return503OnClosing: false,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    // Node enforces requestTimeout only when the server is created with it, and checks it every
    // connectionsCheckingInterval (30 s by default): a stalled upload is cut off near the set time.
    http: { requestTimeout: config.requestTimeoutMs, connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.requestTimeoutMs / 4))) },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  registerErrorHandling(app);
  await registerBodyParsers(app, config.bodyLimitBytes);
  registerCors(app, config.corsOrigins);

  // One access-log line per request, written when the reply is sent (Fastify's own request logging
  // writes two lines, each serializing the request: a fifth of a cheap request's time).
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    done();
  });

  // Graceful shutdown: requests already running finish; new ones are turned away whole, to be retried.
  // Then the caller: every /api2 path but the public ones needs a key or a token.
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      return reply.code(503).header('connection', 'close').header('retry-after', '1')
        .send(failedReply(503, 'The server is shutting down; retry the request', 'DAFTAR_ERR_UNAVAILABLE'));
    }
    const url = request.url;
    const query = url.indexOf('?');
    let path = query === -1 ? url : url.slice(0, query);
    // The router ignores doubled and trailing slashes; so must the check, or `//api2/…` would skip it.
    if (path.includes('//')) path = path.replace(/\/{2,}/g, '/');
    if (path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
    if (!(path.startsWith('/api2/') || path.startsWith('/v2/api/')) || PUBLIC_PATHS.has(path)) return;
    request.caller = await authenticate(database, request);
    if (config.rateLimitPerMinute > 0) {
      const limit = config.rateLimitPerMinute;
      if (await limited(database, reply, [[`api:${request.caller.credential}`, limit], [`addr:${request.ip}`, limit]], 'requests')) return reply;
    }
  });
  registerIdempotency(app, database, config.requestTimeoutMs);

  // The OpenAPI document and the docs page are built on first request: building them (and loading
  // TypeBox) was a sixth of the server's start (docs/performance.md).
  let reference: Promise<{ openapi: Record<string, unknown>; docsPage: string }> | undefined;
  const referenceDocs = () => (reference ??= (async () => {
    const [{ buildOpenApi }, { renderDocsPage }] = await Promise.all([import('./api/openapi.js'), import('./api/docs-page.js')]);
    const openapi = buildOpenApi(RESOURCES, [
      { method: 'GET', path: '/api2/site_info', summary: 'GET Site Info', tag: 'Site' },
      { method: 'GET', path: '/api2/site_info.json', summary: 'GET Site Info', tag: 'Site' },
      { method: 'GET', path: '/api2/api_key_info.json', summary: 'Which key is calling (connection test)', tag: 'Site' },
      { method: 'GET', path: '/api2/openapi.json', summary: 'This document', tag: 'Meta' },
      { method: 'GET', path: '/docs', summary: 'Human-readable reference', tag: 'Meta' },
      { method: 'GET', path: '/health', summary: 'Liveness: the process answers', tag: 'Meta' },
      { method: 'GET', path: '/ready', summary: 'Readiness: the database answers', tag: 'Meta' },
      ...EXTRA_ROUTES,
      ...REST_ROUTES,
      ...REPORT_ROUTES,
      ...V2_ROUTES,
    ], VERSION);
    return { openapi, docsPage: renderDocsPage(openapi) };
  })());

  app.get('/api2/openapi.json', async () => (await referenceDocs()).openapi);
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send((await referenceDocs()).docsPage));
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await ping(database);
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ result: 'failed', code: 503, message: 'Database unavailable' });
    }
  });
  for (const path of ['/api2/site_info', '/api2/site_info.json']) {
    app.get(path, async (request) => oneReply('Site', await renderSite(database, request.caller!)));
  }
  app.get('/api2/api_key_info.json', async (request) => ({
    result: 'successful', code: 200, data: { key: request.caller!.credential, site_id: String(request.caller!.site.id) },
  }));
  registerTokenRoutes(app, database, config);
  registerExtraRoutes(app, database);
  registerRestRoutes(app, database);
  registerReportRoutes(app, database);
  registerResourceRoutes(app, database, RESOURCES);
  registerV2Routes(app, database, RESOURCES);
  return app;
}
