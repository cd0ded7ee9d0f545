/**
 * The delivery worker: takes due deliveries from the outbox, sends them, and records each attempt.
 * It runs inside the server by default and as `daftar worker` for scale; several workers share one
 * PostgreSQL database safely, one SQLite file takes one at a time (its writes are serialized anyway).
 *
 * How a delivery is taken, and why nothing is lost or sent twice in one attempt:
 * - claiming is a write transaction that picks due rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so
 *   two workers never pick the same row) and pushes each one's `next_attempt_ms` past the attempt's
 *   timeout (a lease) with `attempts + 1`. The HTTP call happens after that commit, outside any
 *   transaction; its outcome is written only if the row is still at that attempt.
 * - a worker that dies mid-delivery leaves the row pending: when the lease runs out it is due again
 *   and the next worker sends it (at-least-once; receivers dedupe on the event id).
 * - order: a delivery is due only when no earlier delivery of the same record to the same endpoint
 *   is still pending, so the events of one record arrive in the order they were committed.
 * - failures wait `retryBaseMs · 2^(attempt−1)` (at most `retryMaxMs`), ±50 % jitter; past
 *   `retryForMs` after the event the delivery is failed. An endpoint whose deliveries have all failed
 *   for `disableAfterMs` is disabled, with the reason on the endpoint.
 */
import { type Kysely, sql } from 'kysely';
import { type Schema, typed } from '../db/schema.js';
import type { Database } from '../db/connection.js';
import { normalizeSite, nowText } from '../domain/sites.js';
import { resourceNamed } from '../engine/registry.js';
import type { Context } from '../engine/resource.js';
import type { WebhookConfig } from './config.js';
import { type Attempt, attemptDelivery } from './deliver.js';
import { subscribes } from './events.js';
import { Outbox, type Subscriber, eventsQueued, onEventsQueued } from './outbox.js';
import { signatureHeader } from './signature.js';
import { isStringList } from '../guards.js';

interface Claimed {
  id: number;
  siteId: number;
  attempt: number;
  endpointId: number;
  url: string;
  secrets: string[];
  eventId: string;
  payload: string;
  giveUpMs: number;
}

/** Text columns of a delivery are kept short: they are for people reading the event list. */
const ERROR_KEPT_CHARS = 500;
const OVERDUE_BATCH_MAX = 200;
const PRUNE_BATCH_MAX = 500;
/** When the first upkeep runs after start. */
const UPKEEP_FIRST_MS = 60_000;

/** @example retryDelayMs(1, {retryBaseMs: 15000, retryMaxMs: 21600000}, 0.5) → 15000 (jitter 0.5 is none) */
export function retryDelayMs(
  attempts: number,
  config: Pick<WebhookConfig, 'retryBaseMs' | 'retryMaxMs'>,
  random = Math.random(),
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  const raw = Math.min(config.retryBaseMs * 2 ** exponent, config.retryMaxMs);
  return Math.max(1, Math.round(raw * (0.5 + random)));
}

/** How long a claimed delivery is held before another worker may take it again. */
function leaseMs(config: WebhookConfig): number {
  return config.timeoutMs + Math.min(30_000, config.timeoutMs);
}

export type WorkerLog = (level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>) => void;

export class DeliveryWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = true;
  private rung = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Attempts made by this worker, for tests and logs. */
  attempts = 0;

  constructor(
    private readonly database: Database,
    private readonly config: WebhookConfig,
    private readonly log: WorkerLog = () => {},
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = onEventsQueued(() => this.ring());
    this.loopDone = this.loop();
    // The first upkeep soon after start (a server restarted daily would otherwise never run it), then daily.
    const upkeep = () => {
      void this.upkeep().catch((error: unknown) => this.log('error', 'webhook upkeep failed', { err: String(error) }));
      this.sweepTimer = setTimeout(upkeep, this.config.overdueSweepMs);
      this.sweepTimer.unref();
    };
    this.sweepTimer = setTimeout(upkeep, Math.min(this.config.overdueSweepMs, UPKEEP_FIRST_MS));
    this.sweepTimer.unref();
  }

  /** The overdue sweep and the pruning of old events. */
  async upkeep(): Promise<void> {
    await this.sweepOverdue();
    await this.prune();
  }

  /**
   * Deletes events older than `keepMs` whose deliveries have all finished (delivered or failed), and
   * those deliveries. Pending ones stay, whatever their age. Returns the events deleted.
   */
  async prune(nowMs = Date.now()): Promise<number> {
    const cutoff = nowMs - this.config.keepMs;
    let deleted = 0;
    for (;;) {
      const old = await typed(this.database.db)
        .selectFrom('webhook_events as v')
        .select(['v.site_id', 'v.id'])
        .where('v.created_ms', '<', cutoff)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('webhook_deliveries as d')
                .select('d.id')
                .whereRef('d.site_id', '=', 'v.site_id')
                .whereRef('d.webhook_event_id', '=', 'v.id')
                .where('d.state', '=', 'pending'),
            ),
          ),
        )
        .orderBy('v.created_ms')
        .limit(PRUNE_BATCH_MAX)
        .execute();
      if (old.length === 0) return deleted;
      await this.database.write(async (trx) => {
        const db = typed(trx);
        for (const row of old) {
          await db
            .deleteFrom('webhook_deliveries')
            .where('site_id', '=', row['site_id'])
            .where('webhook_event_id', '=', row['id'])
            .execute();
          await db
            .deleteFrom('webhook_events')
            .where('site_id', '=', row['site_id'])
            .where('id', '=', row['id'])
            .execute();
        }
      });
      deleted += old.length;
    }
  }

  /** Stops taking deliveries and waits for those under way (each ends within the timeout). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    this.unsubscribe?.();
    this.ring();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  private ring(): void {
    this.rung = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.rung || this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = null;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.rung = false;
      const free = this.config.concurrency - this.inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          claimed = this.launch(await this.claim(free));
        } catch (error) {
          this.log('error', 'claiming webhook deliveries failed', { err: String(error) });
        }
      }
      if (claimed === 0 || claimed >= free) await this.sleep(this.config.pollMs);
    }
  }

  private launch(claimed: Claimed[]): number {
    for (const delivery of claimed) {
      const running: Promise<void> = this.send(delivery)
        .catch((error: unknown) =>
          this.log('error', 'webhook delivery failed to record', { err: String(error), delivery: delivery.id }),
        )
        .finally(() => {
          this.inFlight.delete(running);
          this.ring();
        });
      this.inFlight.add(running);
    }
    return claimed.length;
  }

  /** Sends every delivery due now and waits for them (tests and the CLI's one-shot use). */
  async runOnce(): Promise<number> {
    const claimed = await this.claim(this.config.concurrency);
    await Promise.all(claimed.map((delivery) => this.send(delivery)));
    return claimed.length;
  }

  /** A read outside any transaction: an idle worker never takes the write lock (SQLite) to find nothing. */
  private async anythingDue(nowMs: number): Promise<boolean> {
    const row = await typed(this.database.db)
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', (join) =>
        join.onRef('e.site_id', '=', 'd.site_id').onRef('e.id', '=', 'd.endpoint_id'),
      )
      .select('d.id')
      .where('d.state', '=', 'pending')
      .where('d.next_attempt_ms', '<=', nowMs)
      .where('e.active', '=', 1)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async claim(limit: number): Promise<Claimed[]> {
    if (!(await this.anythingDue(Date.now()))) return [];
    return this.database.write(async (trx) => {
      const db = typed(trx);
      const nowMs = Date.now();
      let due = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as e', (join) =>
          join.onRef('e.site_id', '=', 'd.site_id').onRef('e.id', '=', 'd.endpoint_id'),
        )
        .select(['d.id', 'd.site_id'])
        .where('d.state', '=', 'pending')
        .where('d.next_attempt_ms', '<=', nowMs)
        .where('e.active', '=', 1)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('webhook_deliveries as p')
                .select('p.id')
                .whereRef('p.site_id', '=', 'd.site_id')
                .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
                .whereRef('p.record_key', '=', 'd.record_key')
                .where('p.state', '=', 'pending')
                .whereRef('p.id', '<', 'd.id'),
            ),
          ),
        )
        .orderBy('d.next_attempt_ms')
        .orderBy('d.id')
        .limit(limit);
      if (this.database.dialect === 'postgres') due = due.forUpdate(['d']).skipLocked();
      const rows = await due.execute();
      if (rows.length === 0) return [];
      // By site, so PostgreSQL finds the rows by their primary key (site_id, id).
      const bySite = new Map<number, number[]>();
      for (const row of rows)
        bySite.set(Number(row['site_id']), [...(bySite.get(Number(row['site_id'])) ?? []), Number(row['id'])]);
      const claimed: Claimed[] = [];
      for (const [siteId, ids] of bySite) {
        await db
          .updateTable('webhook_deliveries')
          .set((eb) => ({
            next_attempt_ms: nowMs + leaseMs(this.config),
            attempts: eb('attempts', '+', 1),
            last_attempt_ms: nowMs,
          }))
          .where('site_id', '=', siteId)
          .where('id', 'in', ids)
          .execute();
        claimed.push(...(await this.details(db, siteId, ids, nowMs)));
      }
      return claimed;
    });
  }

  private async details(db: Kysely<Schema>, siteId: number, ids: number[], nowMs: number): Promise<Claimed[]> {
    const rows = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as v', (join) =>
        join.onRef('v.site_id', '=', 'd.site_id').onRef('v.id', '=', 'd.webhook_event_id'),
      )
      .innerJoin('webhook_endpoints as e', (join) =>
        join.onRef('e.site_id', '=', 'd.site_id').onRef('e.id', '=', 'd.endpoint_id'),
      )
      .select([
        'd.id',
        'd.site_id',
        'd.attempts',
        'd.give_up_ms',
        'v.event_id',
        'v.payload',
        'v.created_ms',
        'e.id as endpoint_id',
        'e.url',
        'e.secret',
        'e.previous_secret',
        'e.previous_secret_expires_ms',
      ])
      .where('d.site_id', '=', siteId)
      .where('d.id', 'in', ids)
      .orderBy('d.id')
      .execute();
    return rows.map((row) => {
      const secrets = [String(row['secret'])];
      if (row['previous_secret'] && Number(row['previous_secret_expires_ms'] ?? 0) > nowMs)
        secrets.push(String(row['previous_secret']));
      const giveUp = Number(row['give_up_ms']);
      return {
        id: Number(row['id']),
        siteId: Number(row['site_id']),
        attempt: Number(row['attempts']),
        endpointId: Number(row['endpoint_id']),
        url: String(row['url']),
        secrets,
        eventId: String(row['event_id']),
        payload: String(row['payload']),
        giveUpMs: giveUp > 0 ? giveUp : Number(row['created_ms']) + this.config.retryForMs,
      };
    });
  }

  private async send(delivery: Claimed): Promise<void> {
    this.attempts += 1;
    const signature = signatureHeader(delivery.payload, delivery.secrets, Math.floor(Date.now() / 1000));
    const attempt = await attemptDelivery(
      { url: delivery.url, body: delivery.payload, eventId: delivery.eventId, signature },
      this.config.allowPrivate,
      this.config.timeoutMs,
    );
    await this.record(delivery, attempt);
  }

  /** Writes an attempt's outcome, unless another worker has taken the delivery since (lease ran out). */
  private async record(delivery: Claimed, attempt: Attempt): Promise<void> {
    const nowMs = Date.now();
    const outcome = {
      last_status: attempt.status,
      last_response: attempt.response,
      last_error: attempt.error?.slice(0, ERROR_KEPT_CHARS) ?? null,
    };
    await this.database.write(async (trx) => {
      const db = typed(trx);
      // Only while the row is still at this attempt: a worker whose lease ran out must not overwrite a later one.
      const update = (values: Record<string, unknown>) =>
        db
          .updateTable('webhook_deliveries')
          .set(values)
          .where('site_id', '=', delivery.siteId)
          .where('id', '=', delivery.id)
          .where('state', '=', 'pending')
          .where('attempts', '=', delivery.attempt);
      if (attempt.ok) {
        await update({ ...outcome, state: 'delivered', delivered_ms: nowMs }).execute();
        await db
          .updateTable('webhook_endpoints')
          .set({ failing_since_ms: null })
          .where('site_id', '=', delivery.siteId)
          .where('id', '=', delivery.endpointId)
          .where('failing_since_ms', 'is not', null)
          .execute();
        return;
      }
      const next = nowMs + retryDelayMs(delivery.attempt, this.config);
      const final = next > delivery.giveUpMs;
      const { numUpdatedRows } = await update({
        ...outcome,
        state: final ? 'failed' : 'pending',
        next_attempt_ms: final ? nowMs : next,
      }).executeTakeFirst();
      if (BigInt(numUpdatedRows) > 0n) await this.noteFailure(db, delivery, nowMs, outcome.last_error ?? 'failed');
    });
    if (!attempt.ok)
      this.log('warn', 'webhook delivery failed', {
        delivery: delivery.id,
        event: delivery.eventId,
        attempt: delivery.attempt,
        error: attempt.error,
      });
  }

  private async noteFailure(db: Kysely<Schema>, delivery: Claimed, nowMs: number, error: string): Promise<void> {
    const endpoint = await db
      .selectFrom('webhook_endpoints')
      .select(['failing_since_ms', 'active'])
      .where('site_id', '=', delivery.siteId)
      .where('id', '=', delivery.endpointId)
      .executeTakeFirst();
    if (!endpoint) return;
    const since = endpoint['failing_since_ms'] === null ? nowMs : Number(endpoint['failing_since_ms']);
    const disable = Number(endpoint['active']) === 1 && nowMs - since >= this.config.disableAfterMs;
    await db
      .updateTable('webhook_endpoints')
      .set({
        failing_since_ms: since,
        ...(disable
          ? {
              active: 0,
              disabled_reason:
                `Disabled ${new Date(nowMs).toISOString()}: every delivery failed since ${new Date(since).toISOString()}; last: ${error}`.slice(
                  0,
                  500,
                ),
            }
          : {}),
      })
      .where('site_id', '=', delivery.siteId)
      .where('id', '=', delivery.endpointId)
      .execute();
    if (disable)
      this.log('warn', 'webhook endpoint disabled after failing', {
        site: delivery.siteId,
        endpoint: delivery.endpointId,
      });
  }

  /**
   * The daily sweep: one `invoice.overdue` per unpaid invoice past its date + due_after days, for
   * sites with an endpoint that wants it. A mark row per invoice (in the event's transaction) makes it
   * once, whichever worker or day finds it. Returns the events written.
   */
  async sweepOverdue(today = nowText().slice(0, 10)): Promise<number> {
    const rows = await typed(this.database.db)
      .selectFrom('webhook_endpoints')
      .select(['site_id', 'id', 'events'])
      .where('active', '=', 1)
      .execute();
    const bySite = new Map<number, Subscriber[]>();
    for (const row of rows) {
      const parsed: unknown = JSON.parse(String(row['events']));
      const events = isStringList(parsed) ? parsed : [];
      const list = bySite.get(Number(row['site_id'])) ?? [];
      list.push({ id: Number(row['id']), events });
      bySite.set(Number(row['site_id']), list);
    }
    let written = 0;
    for (const [siteId, subscribers] of bySite) {
      if (!subscribers.some((subscriber) => subscribes(subscriber.events, 'invoice.overdue'))) continue;
      for (const invoiceId of await this.overdueInvoices(siteId, today))
        written += await this.markOverdue(siteId, subscribers, invoiceId);
    }
    if (written > 0) eventsQueued();
    return written;
  }

  private async overdueInvoices(siteId: number, today: string): Promise<number[]> {
    const types = resourceNamed('invoices').scope!.values;
    const dueDay =
      this.database.dialect === 'sqlite'
        ? sql`date(i.date, '+' || coalesce(i.due_after, 0) || ' days')`
        : sql`(cast(i.date as date) + cast(coalesce(i.due_after, 0) as integer))`;
    const todayValue = this.database.dialect === 'sqlite' ? sql`${today}` : sql`cast(${today} as date)`;
    const { rows } = await sql<{ id: number | string }>`
      select i.id from invoices i
      where i.site_id = ${siteId} and i.type in (${sql.join(types)}) and i.draft = 0 and i.payment_status in (0, 1)
        and i.date is not null and ${dueDay} < ${todayValue}
        and not exists (select 1 from webhook_marks m where m.site_id = i.site_id and m.mark = 'invoice.overdue:' || i.id)
      order by i.id limit ${OVERDUE_BATCH_MAX}`.execute(this.database.db);
    return rows.map((row) => Number(row.id));
  }

  private async markOverdue(siteId: number, subscribers: Subscriber[], invoiceId: number): Promise<number> {
    return this.database.write(async (trx) => {
      const db = typed(trx);
      const inserted = await db
        .insertInto('webhook_marks')
        .values({ site_id: siteId, mark: `invoice.overdue:${invoiceId}`, created_ms: Date.now() })
        .onConflict((conflict) => conflict.columns(['site_id', 'mark']).doNothing())
        .executeTakeFirst();
      if (BigInt(inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) return 0;
      const site = normalizeSite(
        await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow(),
      );
      const outbox = new Outbox(subscribers);
      const context: Context = {
        db,
        dialect: this.database.dialect,
        site,
        siteId,
        staffId: 0,
        now: nowText(),
        changes: outbox,
      };
      outbox.derived('invoice.overdue', 'invoices', invoiceId);
      return outbox.flush(context);
    });
  }
}
