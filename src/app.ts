/**
 * Builds the HTTP application from a configuration and an open database. No side effects on import:
 * tests and the server build it the same way.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.js';
import { type Database, ping } from './db/connection.js';
import { authenticate, requiresCredential } from './api/auth.js';
import { registerCors } from './api/cors.js';
import { DOCS_SCRIPT_PATH, docsScript, renderDocsPage } from './api/docs-page.js';
import { registerIdempotency } from './api/idempotency.js';
import { limited } from './api/limits.js';
import { registerBodyParsers } from './api/body.js';
import { failedReply, oneReply } from './api/envelope.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './api/errors.js';
import { CREDENTIAL_ROUTES, registerCredentialRoutes } from './api/credentials.js';
import { EXTRA_ROUTES, registerExtraRoutes } from './api/extra-routes.js';
import { EINVOICE_ROUTES, registerEInvoiceRoutes } from './api/einvoice-routes.js';
import { REST_ROUTES, registerRestRoutes } from './api/rest-routes.js';
import { REVOKE_PATHS, TOKEN_PATHS, registerTokenRoutes } from './api/oauth.js';
import { REPORT_ROUTES, registerReportRoutes } from './api/reports.js';
import { USER_ROUTES, registerUserRoutes } from './api/users.js';
import { registerResourceRoutes, writeWith } from './api/routes.js';
import {
  DOCUMENT_ROUTES,
  PUBLIC_DOCUMENT_ROUTES,
  RENDERED_DOCUMENTS,
  registerDocumentRoutes,
  serveOwnDocument,
} from './api/documents.js';
import { baseUrlOf, renderSite, updateSite } from './api/site.js';
import { V2_ROUTES, registerV2Routes } from './api/v2.js';
import { registerConsole } from './console/routes.js';
import { RESOURCES } from './resources/index.js';
import { checkRole } from './api/role-check.js';
import { VERSION } from './version.js';
import { WEBHOOK_RESOURCES } from './resources/webhook-endpoints.js';
import { WEBHOOK_ROUTES, registerWebhookRoutes } from './webhooks/routes.js';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Query parameters whose values are secrets: a key sent there is refused, and must not be logged either. */
const SECRET_PARAMETER = /^(api[-_]?key|access[-_]?token|refresh[-_]?token|token|password|client[-_]?secret|key)$/i;

/** The URL for the access log, with the values of secret query parameters replaced. */
export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const parts = url
    .slice(query + 1)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=');
      const rawName = equals === -1 ? part : part.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        /* keep it raw */
      }
      return equals !== -1 && SECRET_PARAMETER.test(name.trim()) ? `${rawName}=[redacted]` : part;
    });
  return `${url.slice(0, query)}?${parts.join('&')}`;
}

/** The most of a client's X-Request-Id that is kept (logs, audit log); control characters are dropped. */
export const REQUEST_ID_MAX = 128;

function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const visible =
    typeof value === 'string'
      ? value
          .replace(/[^\x20-\x7e]/g, '')
          .trim()
          .slice(0, REQUEST_ID_MAX)
      : '';
  return visible || randomUUID();
}

/** Routes anyone may call without a credential; every other route needs one (api/auth.ts). */
const PUBLIC_PATHS = new Set([
  '/api2/openapi.json',
  '/docs',
  DOCS_SCRIPT_PATH,
  '/health',
  '/ready',
  ...TOKEN_PATHS,
  ...REVOKE_PATHS,
]);

export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
    // The client's X-Request-Id when it sends one (bounded, visible ASCII), else a UUID.
    requestIdHeader: false,
    // Requests that arrive while shutting down get our own 503 (below), in Daftra's envelope.
    return503OnClosing: false,
    trustProxy: config.trustProxy,
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    // Node enforces requestTimeout only when the server is created with it, and checks it every
    // connectionsCheckingInterval (30 s by default): a stalled upload is cut off near the set time.
    http: {
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.requestTimeoutMs / 4))),
    },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  registerErrorHandling(app);
  await registerBodyParsers(app, config.bodyLimitBytes);
  registerCors(app, config.corsOrigins);

  // One access-log line per request, written when the reply is sent (Fastify's own request logging
  // writes two lines, each serializing the request: a fifth of a cheap request's time).
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: loggableUrl(request.url),
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });

  // Graceful shutdown: requests already running finish; new ones are turned away whole, to be retried.
  // Then the caller: every route but the public ones needs a key or a token.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    // Every reply names its request id, for the client to quote (it is in the log line and audit row).
    void reply.header('x-request-id', request.id);
    if (closing) {
      return reply
        .code(503)
        .header('connection', 'close')
        .header('retry-after', '1')
        .send(failedReply(503, 'The server is shutting down; retry the request', 'DAFTAR_ERR_UNAVAILABLE'));
    }
    if (!requiresCredential(request, PUBLIC_PATHS)) return;
    request.caller = await authenticate(database, request);
    request.baseUrl = baseUrlOf(request, config.publicUrl);
    if (config.rateLimitPerMinute > 0) {
      const limit = config.rateLimitPerMinute;
      if (
        await limited(
          database,
          reply,
          [
            [`api:${request.caller.credential}`, limit],
            [`addr:${request.ip}`, limit],
          ],
          'requests',
        )
      )
        return reply;
    }
    // After the rate limit, so refused calls count against it like any other.
    checkRole(request);
  });
  registerIdempotency(app, database, config.requestTimeoutMs);

  // The OpenAPI document and the docs page are built on first request: building them (and loading
  // TypeBox) was a sixth of the server's start (docs/performance.md).
  let reference: Promise<{ openapi: Record<string, unknown>; docsPage: string }> | undefined;
  const referenceDocs = () =>
    (reference ??= (async () => {
      const { buildOpenApi } = await import('./api/openapi.js');
      const openapi = buildOpenApi(
        [...RESOURCES, ...WEBHOOK_RESOURCES],
        [
          { method: 'GET', path: '/api2/site_info.json', summary: 'GET Site Info', tag: 'Site' },
          {
            method: 'PUT',
            path: '/api2/site_info',
            summary:
              'Change the seller settings (owner only): bn1 VAT number, bn2 CR number, address, building_number, district, logo, document_language',
            tag: 'Site',
          },
          { method: 'GET', path: '/api2/site_info/logo', summary: "The site's logo image", tag: 'Site' },
          {
            method: 'GET',
            path: '/api2/api_key_info.json',
            summary:
              'Which credential is calling (connection test): the site, the staff id (0 is the owner) and its role',
            tag: 'Site',
          },
          { method: 'GET', path: '/api2/openapi.json', summary: 'This document', tag: 'Meta' },
          { method: 'GET', path: '/docs', summary: 'Human-readable reference', tag: 'Meta' },
          { method: 'GET', path: '/health', summary: 'Liveness: the process answers', tag: 'Meta' },
          { method: 'GET', path: '/ready', summary: 'Readiness: the database answers', tag: 'Meta' },
          ...EXTRA_ROUTES,
          ...CREDENTIAL_ROUTES,
          ...USER_ROUTES,
          ...EINVOICE_ROUTES,
          ...REST_ROUTES,
          ...REPORT_ROUTES,
          ...DOCUMENT_ROUTES,
          ...PUBLIC_DOCUMENT_ROUTES,
          ...V2_ROUTES,
          ...WEBHOOK_ROUTES,
        ],
        VERSION,
      );
      return { openapi, docsPage: renderDocsPage() };
    })());

  app.get('/api2/openapi.json', async () => (await referenceDocs()).openapi);
  app.get('/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send((await referenceDocs()).docsPage),
  );
  app.get(DOCS_SCRIPT_PATH, async (_request, reply) => {
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await docsScript());
  });
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
    app.get(path, async (request) =>
      oneReply('Site', await renderSite(database, request.caller!, baseUrlOf(request, config.publicUrl))),
    );
    app.put(path, async (request) => {
      await writeWith(request, database, (context) => updateSite(context.db, request.caller!, request.body));
      return { code: 200, result: 'successful' };
    });
  }
  app.get('/api2/site_info/logo', async (request, reply) => {
    const site = request.caller!.site;
    if (!site['logo']) return reply.code(404).send(failedReply(404, 'The site has no logo', 'DAFTAR_ERR_NOT_FOUND'));
    return reply
      .type(String(site['logo_mime']))
      .header('cache-control', 'private, max-age=60')
      .send(Buffer.from(String(site['logo']), 'base64'));
  });
  app.get('/api2/api_key_info.json', async (request) => ({
    result: 'successful',
    code: 200,
    data: {
      key: request.caller!.credential,
      site_id: String(request.caller!.site.id),
      staff_id: String(request.caller!.staffId),
      role: request.caller!.role,
    },
  }));
  registerTokenRoutes(app, database, config);
  registerExtraRoutes(app, database);
  registerCredentialRoutes(app, database);
  registerUserRoutes(app, database);
  registerEInvoiceRoutes(app, database);
  registerRestRoutes(app, database);
  registerReportRoutes(app, database);
  registerDocumentRoutes(app, database, config);
  registerResourceRoutes(app, database, RESOURCES, {
    specs: RENDERED_DOCUMENTS,
    serve: (request, reply, spec, id, format) => serveOwnDocument(request, reply, database, config, spec, id, format),
  });
  registerV2Routes(app, database, RESOURCES);
  registerWebhookRoutes(app, database, config.webhooks);
  registerConsole(app);
  return app;
}
