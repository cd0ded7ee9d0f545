/**
 * Webhook endpoints and the events sent to them (docs/webhooks.md). Daftar's own resources, not
 * Daftra's: the engine serves their lists, single reads and deletes; creating and editing endpoints
 * (which resolve the URL first), rolling a secret and replaying an event are in webhooks/routes.ts.
 * An endpoint's signing secret is a column no declaration renders: it is shown once, on create or roll.
 */
import { fieldError } from '../domain/errors.js';
import { bool, datetime, id, int, json, longText, text } from '../engine/fields.js';
import { defineResource } from '../engine/resource.js';
import type { Rec } from '../engine/resource.js';
import { urlProblem } from '../webhooks/address.js';
import { isEventPattern } from '../webhooks/events.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

/** The most event types one endpoint may list. */
export const ENDPOINT_EVENTS_MAX = 200;
/** The most endpoints one site may have: each write renders its records once per subscribed event. */
export const ENDPOINTS_PER_SITE_MAX = 20;

/** `events` as a client sends it (a list, or one comma-separated string) to a list of known patterns. */
function settleEvents(record: Rec): void {
  const raw = record['events'];
  const list =
    typeof raw === 'string'
      ? raw
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : raw;
  if (!Array.isArray(list) || list.length === 0)
    throw fieldError('events', 'must be a non-empty list of event types ("*" for all)');
  if (list.length > ENDPOINT_EVENTS_MAX)
    throw fieldError('events', `must list at most ${ENDPOINT_EVENTS_MAX} event types`);
  for (const [index, item] of list.entries()) {
    if (typeof item !== 'string' || !isEventPattern(item))
      throw fieldError(`events.${index}`, `is not an event type (${JSON.stringify(item)}); see docs/webhooks.md`);
  }
  record['events'] = [...new Set(list.filter((item) => typeof item === 'string'))];
}

export const webhookEndpoints = defineResource({
  name: 'webhook_endpoints',
  model: 'WebhookEndpoint',
  title: 'Webhook endpoint',
  table: 'webhook_endpoints',
  operations: ['list', 'get', 'delete'],
  fields: {
    url: text(2_048)
      .required()
      .doc('Where events are POSTed: http(s), a public address unless DAFTAR_WEBHOOK_ALLOW_PRIVATE=1'),
    events: json()
      .required()
      .doc('Event types to send: a list such as ["invoice.created", "invoice.*"], or ["*"] for all'),
    description: text(255),
    active: bool().default(1).doc('0: nothing is sent; set back to 1 to resume (pending events are then sent)'),
    disabled_reason: text(500)
      .readOnly()
      .doc('Why Daftar disabled the endpoint (its deliveries failed for days), if it did'),
    failing_since_ms: int()
      .readOnly()
      .doc('Unix ms of the first failure since the last success; null while deliveries succeed'),
    ...timestamps(),
  },
  defaultOrder: [['id', 'asc']],
  hooks: {
    async prepare(context, draft, existing) {
      const problem = urlProblem(String(draft.header['url'] ?? ''));
      if (problem) throw fieldError('url', problem);
      settleEvents(draft.header);
      if (existing) return;
      const row = await scoped(context, 'webhook_endpoints')
        .selectFrom()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(row.n) >= ENDPOINTS_PER_SITE_MAX)
        throw fieldError('url', `cannot be added: a site has at most ${ENDPOINTS_PER_SITE_MAX} webhook endpoints`);
    },
    async afterDelete(context, record) {
      await scoped(context, 'webhook_deliveries')
        .deleteFrom()
        .where('endpoint_id', '=', record.id!)
        .where('state', '=', 'pending')
        .execute();
    },
  },
  description: 'Where Daftar sends events (webhooks). The signing secret is shown once, on create and on roll_secret.',
});

export const webhookEvents = defineResource({
  name: 'webhook_events',
  model: 'WebhookEvent',
  title: 'Webhook event',
  table: 'webhook_events',
  operations: ['list', 'get'],
  fields: {
    event_id: text(64).readOnly().doc("The event's id (evt_…), as in its body and the Daftar-Event-Id header"),
    type: text(100).readOnly().doc('e.g. invoice.created'),
    resource: text(100).readOnly().doc('The resource of the record it carries, e.g. invoices'),
    record_id: id().readOnly(),
    created: datetime().readOnly().doc('When the change committed (site time)'),
  },
  children: [
    {
      key: 'WebhookDelivery',
      table: 'webhook_deliveries',
      foreignKey: 'webhook_event_id',
      writable: false,
      countMax: 1_000,
      inLists: true,
      fields: {
        webhook_event_id: id().readOnly(),
        endpoint_id: id().readOnly(),
        state: text(20).readOnly().doc('pending (sending or waiting for a retry), delivered, failed (gave up)'),
        attempts: int().readOnly(),
        next_attempt_ms: int().readOnly().doc('Unix ms of the next attempt while pending'),
        last_attempt_ms: int().readOnly(),
        last_status: int().readOnly().doc('HTTP status of the last attempt; null when it got no answer'),
        last_response: longText().readOnly().doc("The first 1 KiB of the last answer's body"),
        last_error: text(500).readOnly().doc('Why the last attempt failed'),
        delivered_ms: int().readOnly(),
      },
    },
  ],
  defaultOrder: [['id', 'desc']],
  hooks: {
    async related(context, records, wire, mode) {
      if (mode.kind !== 'one') return;
      const row = await scoped(context, 'webhook_events')
        .selectFrom()
        .select('payload')
        .where('id', '=', records[0]!.id!)
        .executeTakeFirst();
      wire[0]!['payload'] = row ? JSON.parse(String(row['payload'])) : null;
    },
  },
  description:
    'Events sent to webhook endpoints, each with its deliveries (attempts, last answer). Read-only; replay with POST /api2/webhook_events/{id}/retry.',
});

export const WEBHOOK_RESOURCES = [webhookEndpoints, webhookEvents] as const;
