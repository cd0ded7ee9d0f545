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
import type { Context, ResourceSpec } from './resource.js';

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface ChangeLog {
  changed(spec: ResourceSpec, kind: 'created' | 'updated', id: number): void;
  deleting(context: Context, spec: ResourceSpec, id: number): Promise<void>;
  wants(type: string): boolean;
  derived(type: string, resource: string, id: number): void;
}
