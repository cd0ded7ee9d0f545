/**
 * PostgreSQL: tells the API-key cache (api/auth.ts) when what a caller is read from may have changed,
 * so a GET or a create no longer spends a round trip of its three or ten on reading its own key.
 *
 * - **Other processes** (the `daftar` CLI, another server, SQL by hand): statement triggers on
 *   `api_keys` and `sites` call `pg_notify('daftar_callers')` (migration `0024_caller_notify`).
 *   PostgreSQL delivers a notification when the writing transaction commits; a connection of our own
 *   that LISTENs bumps the generation, which empties the cache.
 * - **This process**: every pooled connection that sent anything but a read bumps the generation when
 *   it goes back to the pool (after its COMMIT), so a key revoked through this server's API or its own
 *   connection is refused from the next request on, without waiting for the notification.
 * - **While not listening** (before LISTEN is confirmed, after the listening connection dropped, while
 *   the database refuses connections) `stamp()` answers undefined and nothing is cached: every request
 *   reads its key, as before. The connection is opened again with a growing pause (up to 5 s).
 *
 * A key revoked by another process is refused once the notification has arrived (it is sent at the
 * revoking COMMIT; on one machine that is well under a millisecond) — the same moment a request already
 * in flight would have read it anyway.
 */
import type pg from 'pg';

export const CALLERS_CHANNEL = 'daftar_callers';
/** The tables whose rows make up a cached caller (the key and its site). */
export const CALLER_TABLES = ['api_keys', 'sites'] as const;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;

export class CallerWatch {
  private generation = 0;
  private listening = false;
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MIN_MS;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly Client: typeof pg.Client,
  ) {}

  /** A value that moves whenever a cached caller may be stale; undefined while nothing may be cached. */
  stamp(): string | undefined {
    if (!this.listening) {
      this.listen();
      return undefined;
    }
    return String(this.generation);
  }

  /** Something that callers are read from may have changed (a write of this process committed). */
  bump(): void {
    this.generation += 1;
  }

  private listen(): void {
    if (this.client || this.timer || this.closed) return;
    const client = new this.Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    this.client = client;
    const lost = () => this.lost(client);
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.bump());
    client
      .connect()
      .then(() => client.query(`listen ${CALLERS_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        // Whatever was read before LISTEN took effect is never kept: the generation moves now.
        this.bump();
        this.listening = true;
        this.retryMs = RETRY_MIN_MS;
      })
      .catch(lost);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening = false;
    this.bump();
    client.end().catch(() => {});
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.listen();
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}

/** PostgreSQL statements that make writes to the caller tables notify the listeners (migration 0024). */
export function callerNotifySql(): string[] {
  return [
    `create or replace function "daftar_notify_callers"() returns trigger language plpgsql as $$
     begin perform pg_notify('${CALLERS_CHANNEL}', ''); return null; end $$`,
    ...CALLER_TABLES.flatMap((table) => [
      `drop trigger if exists "${table}_notify_callers" on "${table}"`,
      `create trigger "${table}_notify_callers" after insert or update or delete or truncate on "${table}"
       for each statement execute function "daftar_notify_callers"()`,
    ]),
  ];
}
