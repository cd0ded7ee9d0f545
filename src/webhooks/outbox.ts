/**
 * The transactional outbox. A write opens an Outbox with the site's active endpoints; the engine and
 * the domain report what changed (engine/changes.ts); at the end of the write, still inside its
 * transaction (on SQLite inside the write's savepoint of the group commit), `flush` renders each
 * changed record as a GET would and inserts one event row and one delivery row per subscribed
 * endpoint. So an event exists exactly when its change committed, and a rolled-back write leaves none.
 *
 * An event is written only when an active endpoint of the site subscribes to its type at that moment
 * (a site without endpoints pays one indexed read per write). The delivery worker (worker.ts) sends it.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DialectName } from '../db/connection.js';
import { sql } from 'kysely';
import { insertReturningId, insertRows } from '../db/insert.js';
import { runShape } from '../db/shapes.js';
import { DaftarError } from '../domain/errors.js';
import type { ChangeLog } from '../engine/changes.js';
import { resourceNamed } from '../engine/registry.js';
import type { Context, ResourceSpec } from '../engine/resource.js';
import { getOne } from '../engine/service.js';
import { changeType, isEventType, subscribes } from './events.js';

export interface Subscriber {
  id: number;
  events: readonly string[];
}

interface PendingEvent {
  type: string;
  spec: ResourceSpec;
  id: number;
  /** Rendered already (deletes are rendered before the record goes). */
  data?: Record<string, unknown>;
}

/** The most events one write may produce (a bulk write past this is a bug, not a use). */
const EVENTS_PER_WRITE_MAX = 10_000;

/** The active endpoints of a site and what they subscribe to. */
export async function subscribersOf(db: Db, dialect: DialectName, siteId: number): Promise<Subscriber[]> {
  // Every write asks this: a compiled shape (db/shapes.ts), one indexed read.
  const { rows } = await runShape(db, dialect, 'webhook:subscribers', [siteId], () =>
    db
      .selectFrom('webhook_endpoints')
      .select(['id', 'events'])
      .where('site_id', '=', siteId)
      .where('active', '=', sql<number>`1`),
  );
  return rows.map((row) => ({ id: Number(row['id']), events: parseEvents(row['events']) }));
}

function parseEvents(raw: unknown): string[] {
  try {
    const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** `evt_` and 32 hex digits: unique without coordination between processes. */
export function newEventId(): string {
  return `evt_${randomUUID().replaceAll('-', '')}`;
}

export interface EventBody {
  id: string;
  type: string;
  created: number;
  site_id: string;
  data: Record<string, unknown>;
}

export class Outbox implements ChangeLog {
  private readonly pending: PendingEvent[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly subscribers: readonly Subscriber[]) {}

  static async open(db: Db, dialect: DialectName, siteId: number): Promise<Outbox> {
    return new Outbox(await subscribersOf(db, dialect, siteId));
  }

  wants(type: string): boolean {
    return this.subscribers.some((subscriber) => subscribes(subscriber.events, type));
  }

  changed(spec: ResourceSpec, kind: 'created' | 'updated', id: number): void {
    // A record created and then touched again in the same write is one `created` event.
    if (kind === 'updated' && this.seen.has(`${changeType(spec, 'created')}:${spec.table}:${id}`)) return;
    this.add({ type: changeType(spec, kind), spec, id });
  }

  async deleting(context: Context, spec: ResourceSpec, id: number): Promise<void> {
    const type = changeType(spec, 'deleted');
    if (!this.wants(type)) return;
    this.add({ type, spec, id, data: (await render(context, spec, id)) ?? undefined });
  }

  derived(type: string, resource: string, id: number): void {
    this.add({ type, spec: resourceNamed(resource), id });
  }

  private add(event: PendingEvent): void {
    const key = `${event.type}:${event.spec.table}:${event.id}`;
    if (!isEventType(event.type) || !this.wants(event.type) || this.seen.has(key)) return;
    if (this.pending.length >= EVENTS_PER_WRITE_MAX)
      throw new Error(`a write produced more than ${EVENTS_PER_WRITE_MAX} webhook events`);
    this.seen.add(key);
    this.pending.push(event);
  }

  /** Writes the events of this write and their deliveries, in its transaction. Returns how many. */
  async flush(context: Context): Promise<number> {
    let written = 0;
    // Per record: created first, deleted last, as a reader of the events would expect; otherwise in
    // the order reported (the sort is stable).
    this.pending.sort((a, b) => rank(a.type) - rank(b.type));
    for (const event of this.pending) {
      // A record created in this write is announced as created, whatever else touched it (an
      // invoice's payments are posted before the create reports it).
      if (
        event.type.endsWith('.updated') &&
        this.seen.has(`${event.type.replace(/updated$/, 'created')}:${event.spec.table}:${event.id}`)
      )
        continue;
      const data = event.data ?? (await render(context, event.spec, event.id));
      if (!data) continue;
      await writeEvent(
        context.db,
        context.dialect,
        context,
        event,
        data,
        this.subscribers.filter((s) => subscribes(s.events, event.type)),
      );
      written += 1;
    }
    this.pending.length = 0;
    return written;
  }
}

function rank(type: string): number {
  return type.endsWith('.created') ? 0 : type.endsWith('.deleted') ? 2 : 1;
}

/** The record in Daftra's envelope, as a GET of it answers (`{"Invoice": {...}}`); null if it is gone. */
async function render(context: Context, spec: ResourceSpec, id: number): Promise<Record<string, unknown> | null> {
  try {
    return { [spec.model]: await getOne(context, spec, id) };
  } catch (error) {
    // Out of the resource's scope (a credit note's row reported as `invoices`) or deleted later in the write.
    if (error instanceof DaftarError && error.code === 'DAFTAR_ERR_NOT_FOUND') return null;
    throw error;
  }
}

async function writeEvent(
  db: Db,
  dialect: DialectName,
  context: Context,
  event: PendingEvent,
  data: Record<string, unknown>,
  to: readonly Subscriber[],
): Promise<void> {
  const nowMs = Date.now();
  const body: EventBody = {
    id: newEventId(),
    type: event.type,
    created: Math.floor(nowMs / 1000),
    site_id: String(context.siteId),
    data,
  };
  const eventRow = await insertReturningId(db, dialect, 'webhook_events', {
    site_id: context.siteId,
    event_id: body.id,
    type: event.type,
    resource: event.spec.name,
    record_id: event.id,
    payload: JSON.stringify(body),
    created: context.now,
    created_ms: nowMs,
  });
  await insertRows(
    db,
    dialect,
    'webhook_deliveries',
    to.map((subscriber) => ({
      site_id: context.siteId,
      webhook_event_id: eventRow,
      endpoint_id: subscriber.id,
      record_key: `${event.spec.table}:${event.id}`,
      state: 'pending',
      attempts: 0,
      next_attempt_ms: nowMs,
      give_up_ms: 0,
    })),
  );
}

// One bell per process: a write that queued events rings it after its commit, so the in-process
// worker sends at once instead of at its next poll.
const listeners = new Set<() => void>();

export function onEventsQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function eventsQueued(): void {
  for (const listener of listeners) listener();
}
