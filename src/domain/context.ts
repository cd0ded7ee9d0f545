/**
 * What every domain function and resource hook is given: the request's transaction, its site and who
 * is acting. It lives in the domain, which imports nothing from the engine; the engine passes it on.
 */
import type { Db, DialectName } from '../db/connection.js';

export interface SiteRow {
  id: number;
  subdomain: string;
  business_name: string;
  currency_code: string;
  country_code: string;
  /** 1: selling more than is in stock is allowed; 0: refused with a 400. */
  allow_negative_stock: number;
  /** 0: replies carry the documented model key only; 1 or null (default): also the alias keys. */
  model_key_aliases?: number | null;
  [column: string]: unknown;
}

/** A resource as the change log sees it (engine/resource.ts ResourceSpec is one). */
export interface ChangedResource {
  readonly name: string;
}

/**
 * What a write changed, told to whoever listens (the webhook outbox, src/webhooks/outbox.ts), inside the
 * write's transaction. The engine and the domain only report; they know nothing of events or endpoints.
 *
 * - `changed` after a record was created or edited: the listener renders it at the end of the write,
 *   so the event carries the record as the commit leaves it;
 * - `deleting` before a record is deleted (it can still be rendered then); if the delete fails, the
 *   whole write rolls back and whatever the listener wrote with it;
 * - `derived` for an event no single record operation names (an invoice became paid, a product fell
 *   below its low-stock threshold); `wants` lets the domain skip the work of noticing one nobody wants.
 */
export interface ChangeLog<Resource extends ChangedResource = ChangedResource> {
  changed(spec: Resource, kind: 'created' | 'updated', id: number): void;
  deleting(context: Context, spec: Resource, id: number): Promise<void>;
  wants(type: string): boolean;
  derived(type: string, resource: string, id: number): void;
}

/** Everything a domain hook may use: the request's transaction, its site and who is acting. */
export interface Context {
  readonly db: Db;
  readonly dialect: DialectName;
  readonly site: SiteRow;
  readonly siteId: number;
  /** Daftra's staff_id of the caller: 0 is the site owner. */
  readonly staffId: number;
  /** Local wall-clock time of the request, `YYYY-MM-DD HH:MM:SS`. */
  readonly now: string;
  /**
   * Writes only: where the engine reports what it changed (webhook events). The listener takes the
   * engine's declarations (webhooks/outbox.ts); the domain itself reports only derived events.
   */
  readonly changes?: ChangeLog;
  /** Base of absolute links in replies (DAFTAR_PUBLIC_URL or the request's host); relative when unset. */
  readonly baseUrl?: string;
  /**
   * The branch the request works in (`request_branch_id` query parameter or `Site-Id` header), when
   * it names one: new records take it as branch_id and lists show only its records.
   */
  readonly branchId?: number;
}
