/**
 * Every event type, in one table. `<object>.created`, `.updated` and `.deleted` are derived from the
 * resource registry (every resource a client can write gets those it can be written by), so a new
 * resource gets its events without anyone listing them; the events no single operation names follow.
 * docs/webhooks.md lists the same table; a test keeps the two equal.
 */
import type { ChangeKind } from '../engine/changes.js';
import type { Operation, ResourceSpec } from '../engine/resource.js';
import { RESOURCES } from '../resources/index.js';

export interface EventType {
  type: string;
  /** The resource whose record the event carries in `data`. */
  resource: string;
  description: string;
}

/** Event object names that differ from the model's: Daftra's invoice payment is "the" payment. */
const OBJECT_NAMES: Record<string, string> = { InvoicePayment: 'payment', PurchaseOrder: 'purchase_invoice' };

/** Resources written by routes of their own rather than by their declared operations. */
const WRITTEN_ELSEWHERE: Record<string, readonly Operation[]> = {
  notes: ['create'],
  client_attendance_log: ['create'],
};

const KIND_OF: Partial<Record<Operation, ChangeKind>> = { create: 'created', edit: 'updated', delete: 'deleted' };

/** `CreditNote` → `credit_note`. */
export function objectName(spec: ResourceSpec): string {
  return OBJECT_NAMES[spec.model] ?? spec.model.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();
}

export function changeType(spec: ResourceSpec, kind: ChangeKind): string {
  return `${objectName(spec)}.${kind}`;
}

/** Events that no single record operation names; the domain reports them (engine/changes.ts). */
export const DERIVED_EVENTS: readonly EventType[] = [
  {
    type: 'invoice.paid',
    resource: 'invoices',
    description: "An invoice's payment_status reached 2 (paid), by a payment or an edit",
  },
  {
    type: 'invoice.overdue',
    resource: 'invoices',
    description: 'An unpaid invoice passed date + due_after days (found by the daily sweep; once per invoice)',
  },
  {
    type: 'product.stock_low',
    resource: 'products',
    description: "A product's stock_balance fell below its low_stock_thershold",
  },
];

function derivedFromRegistry(): EventType[] {
  const types: EventType[] = [];
  for (const spec of RESOURCES) {
    const operations = new Set([...spec.operations, ...(WRITTEN_ELSEWHERE[spec.name] ?? [])]);
    for (const operation of ['create', 'edit', 'delete'] as const) {
      const kind = KIND_OF[operation]!;
      if (!operations.has(operation)) continue;
      types.push({
        type: changeType(spec, kind),
        resource: spec.name,
        description: `${/^[aeiou]/i.test(spec.title) ? 'An' : 'A'} ${spec.title.toLowerCase()} was ${kind}`,
      });
    }
  }
  return types;
}

export const EVENT_TYPES: readonly EventType[] = [...derivedFromRegistry(), ...DERIVED_EVENTS];

const KNOWN = new Set(EVENT_TYPES.map((event) => event.type));

export function isEventType(type: string): boolean {
  return KNOWN.has(type);
}

/** Whether an endpoint's `events` list takes an event: the type itself, `*`, or `invoice.*`. */
export function subscribes(events: readonly string[], type: string): boolean {
  for (const pattern of events) {
    if (pattern === '*' || pattern === type) return true;
    if (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))) return true;
  }
  return false;
}

/** Whether a pattern an endpoint may subscribe to names at least one event. */
export function isEventPattern(pattern: string): boolean {
  if (pattern === '*' || KNOWN.has(pattern)) return true;
  return pattern.endsWith('.*') && EVENT_TYPES.some((event) => event.type.startsWith(pattern.slice(0, -1)));
}
