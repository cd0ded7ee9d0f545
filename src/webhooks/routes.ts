/**
 * The webhook API: endpoints (list, get and delete come from the engine; create and edit resolve
 * the URL before their transaction, so a slow DNS answer never holds the write lock), rolling an
 * endpoint's secret, and replaying an event. docs/webhooks.md.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { insertRows } from '../db/insert.js';
import { fieldError } from '../domain/errors.js';
import { randomSecret } from '../domain/secrets.js';
import { resourceNamed } from '../engine/registry.js';
import { createRecord, editRecord, requireRecord, unwrapBody } from '../engine/service.js';
import type { ExtraRoute } from '../api/openapi.js';
import { parseId, registerResourceRoutes, writeWith } from '../api/routes.js';
import { WEBHOOK_RESOURCES, webhookEndpoints, webhookEvents } from '../resources/webhook-endpoints.js';
import { AddressRefused, resolveTarget } from './address.js';
import type { WebhookConfig } from './config.js';
import { eventsQueued, subscribersOf } from './outbox.js';
import { subscribes } from './events.js';
import { paramsOf } from '../api/request.js';
import { scoped } from '../db/scoped.js';

export const WEBHOOK_ROUTES: ExtraRoute[] = [
  {
    method: 'POST',
    path: '/api2/webhook_endpoints',
    summary:
      'Add a webhook endpoint (url, events, description, active); the reply carries its signing secret, shown only this once',
    tag: 'Webhook endpoint',
  },
  {
    method: 'PUT',
    path: '/api2/webhook_endpoints/{id}',
    summary: 'Edit a webhook endpoint (also POST); active=1 re-enables one Daftar disabled',
    tag: 'Webhook endpoint',
  },
  {
    method: 'POST',
    path: '/api2/webhook_endpoints/{id}/roll_secret',
    summary: 'New signing secret (shown once); the old one keeps signing for the grace period',
    tag: 'Webhook endpoint',
  },
  {
    method: 'POST',
    path: '/api2/webhook_events/{id}/retry',
    summary: 'Send an event again to its endpoints now',
    tag: 'Webhook event',
  },
];

/** `whsec_` and 43 url-safe characters (256 bits). */
export function newSigningSecret(): string {
  return `whsec_${randomSecret(32)}`;
}

/** Checks where a URL in the request resolves to, before any transaction (SSRF; address.ts). */
async function checkUrl(body: unknown, config: WebhookConfig): Promise<void> {
  let url: unknown;
  try {
    url = unwrapBody(webhookEndpoints, body).header['url'];
  } catch {
    return; /* the write reports the body */
  }
  if (typeof url !== 'string' || url === '') return;
  try {
    await resolveTarget(url, config.allowPrivate);
  } catch (error) {
    if (error instanceof AddressRefused) throw fieldError('url', `is refused: it ${error.message}`);
    throw error;
  }
}

function secretExpiry(nowMs: number, config: WebhookConfig): number {
  return nowMs + config.secretGraceMs;
}

export function registerWebhookRoutes(app: FastifyInstance, database: Database, config: WebhookConfig): void {
  registerResourceRoutes(app, database, WEBHOOK_RESOURCES);

  for (const path of ['/api2/webhook_endpoints', '/api2/webhook_endpoints.json']) {
    app.post(path, async (request, reply) => {
      await checkUrl(request.body, config);
      const secret = newSigningSecret();
      const id = await writeWith(request, database, async (context) => {
        const created = await createRecord(context, webhookEndpoints, request.body);
        await scoped(context, 'webhook_endpoints').updateTable().set({ secret }).where('id', '=', created).execute();
        return created;
      });
      return reply.code(202).send({ code: 202, result: 'successful', id: String(id), secret });
    });
  }

  const edit = async (request: FastifyRequest) => {
    const id = parseId(paramsOf(request).id, webhookEndpoints);
    await checkUrl(request.body, config);
    await writeWith(request, database, async (context) => {
      await editRecord(context, webhookEndpoints, id, request.body);
      // Turned on again by its owner: the failure record starts afresh.
      const row = await scoped(context, 'webhook_endpoints')
        .selectFrom()
        .select('active')
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(row?.['active']) === 1) {
        await scoped(context, 'webhook_endpoints')
          .updateTable()
          .set({ disabled_reason: null, failing_since_ms: null })
          .where('id', '=', id)
          .execute();
      }
    });
    eventsQueued();
    return { code: 200, result: 'successful' };
  };
  app.put('/api2/webhook_endpoints/:id', edit);
  app.post('/api2/webhook_endpoints/:id', edit);

  app.post('/api2/webhook_endpoints/:id/roll_secret', async (request) => {
    const id = parseId(paramsOf(request).id, webhookEndpoints);
    const secret = newSigningSecret();
    const expiresMs = secretExpiry(Date.now(), config);
    await writeWith(request, database, async (context) => {
      await requireRecord(context, webhookEndpoints, id);
      await scoped(context, 'webhook_endpoints')
        .updateTable()
        .set((eb) => ({
          previous_secret: eb.ref('secret'),
          previous_secret_expires_ms: expiresMs,
          secret,
          modified: context.now,
        }))
        .where('id', '=', id)
        .execute();
    });
    return {
      code: 200,
      result: 'successful',
      id: String(id),
      secret,
      previous_secret_expires: new Date(expiresMs).toISOString(),
    };
  });

  app.post('/api2/webhook_events/:id/retry', async (request) => {
    const id = parseId(paramsOf(request).id, webhookEvents);
    const deliveries = await writeWith(request, database, async (context) => {
      const event = await requireRecord(context, webhookEvents, id);
      const nowMs = Date.now();
      // One more attempt now; one that had finished (delivered or failed) gets just that one.
      await scoped(context, 'webhook_deliveries')
        .updateTable()
        .set({ state: 'pending', next_attempt_ms: nowMs, give_up_ms: nowMs })
        .where('webhook_event_id', '=', id)
        .where('state', '!=', 'pending')
        .execute();
      await scoped(context, 'webhook_deliveries')
        .updateTable()
        .set({ next_attempt_ms: nowMs })
        .where('webhook_event_id', '=', id)
        .where('state', '=', 'pending')
        .execute();
      // Endpoints that subscribe now but had no delivery of it (added since) get one.
      const existing = await scoped(context, 'webhook_deliveries')
        .selectFrom()
        .select('endpoint_id')
        .where('webhook_event_id', '=', id)
        .execute();
      const had = new Set(existing.map((row) => Number(row['endpoint_id'])));
      const fresh = (await subscribersOf(context.db, context.dialect, context.siteId)).filter(
        (s) => !had.has(s.id) && subscribes(s.events, String(event['type'])),
      );
      const table = resourceNamed(String(event['resource'])).table;
      await insertRows(
        context.db,
        context.dialect,
        'webhook_deliveries',
        fresh.map((subscriber) => ({
          site_id: context.siteId,
          webhook_event_id: id,
          endpoint_id: subscriber.id,
          record_key: `${table}:${event['record_id']}`,
          state: 'pending',
          attempts: 0,
          next_attempt_ms: nowMs,
          give_up_ms: nowMs,
        })),
      );
      return had.size + fresh.length;
    });
    eventsQueued();
    return { code: 200, result: 'successful', message: `Sending again to ${deliveries} endpoint(s)` };
  });
}
