/**
 * Daftra's v2 entity names for the declared resources, derived from the registry: the entity is the
 * model key in snake case (`InvoicePayment` → `invoice_payment`, `PurchaseOrder` → `purchase_order`),
 * except where Daftra names it otherwise. Nothing here declares a resource: one declaration serves
 * /api2 and /v2/api/entity.
 */
import type { ChildSpec, Operation, ResourceSpec } from '../engine/resource.js';
import { patternEntity } from './v2-pattern-entities.js';

/** Daftra's own names where they are not the model in snake case (first is the name we document). */
const ENTITY_NAMES: Readonly<Record<string, readonly string[]>> = {
  notes: ['post', 'note'],
  client_attendance_log: ['client_attendance_log'],
  purchase_invoices: ['purchase_order', 'purchase_invoice'],
};

/**
 * Operations v2 serves beyond the declaration's: api2 lists follow-ups per item type and creates
 * attendance on its own routes (api/extra-routes.ts); v2 documents `follow_up_status/list/1`.
 */
const EXTRA_OPERATIONS: Readonly<Record<string, readonly Operation[]>> = {
  follow_up_statuses: ['list', 'get', 'create'],
  follow_up_actions: ['list', 'get'],
  client_attendance_log: ['list', 'get', 'create'],
};

export interface V2Entity {
  /** The path segment: `/v2/api/entity/{name}/...`. */
  name: string;
  spec: ResourceSpec;
  operations: ReadonlySet<Operation>;
}

/** `InvoicePayment` → `invoice_payment`. */
export function snakeCase(model: string): string {
  return model
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The key a child list has in v2 records and bodies: `InvoiceItem` → `invoice_item`, as in Daftra's v2 bodies. */
export function childKey(child: ChildSpec): string {
  return snakeCase(child.key);
}

export function entityNamesOf(spec: ResourceSpec): readonly string[] {
  return ENTITY_NAMES[spec.name] ?? [snakeCase(spec.model)];
}

/**
 * A resource's lines as a read-only entity of their own (`invoice_item/list?filter[invoice_id]=…`, in
 * Daftra's entity list): the child's table and fields, scoped by site like every read.
 */
function linesEntity(parent: ResourceSpec, child: ChildSpec): ResourceSpec {
  return {
    name: `${parent.name}.${child.key}`,
    model: child.key,
    title: `${parent.title} line`,
    table: child.table,
    fields: child.fields,
    operations: ['list', 'get'],
    defaultOrder: [['id', 'asc']],
  };
}

/**
 * Every entity name to its resource; two resources claiming one name is a declaration error. Lines
 * (children) get the names no resource has, first parent first: `invoice_item` (every sales
 * document's lines), `purchase_order_item`, `journal_transaction`.
 */
export function v2Entities(specs: readonly ResourceSpec[]): Map<string, V2Entity> {
  const entities = new Map<string, V2Entity>();
  for (const spec of specs) {
    const operations = new Set<Operation>([...spec.operations, ...(EXTRA_OPERATIONS[spec.name] ?? [])]);
    if (operations.size === 0) continue;
    for (const name of entityNamesOf(spec)) {
      const taken = entities.get(name);
      if (taken) throw new Error(`v2 entity ${name} is claimed by ${taken.spec.name} and ${spec.name}`);
      entities.set(name, { name, spec, operations });
    }
  }
  const tables = new Set(specs.map((spec) => spec.table));
  for (const spec of specs) {
    for (const child of spec.children ?? []) {
      const name = childKey(child);
      if (entities.has(name) || tables.has(child.table)) continue;
      const lines = linesEntity(spec, child);
      entities.set(name, { name, spec: lines, operations: new Set(lines.operations) });
      tables.add(child.table);
    }
  }
  return withPatternEntities(entities);
}

/** Entities named by a pattern (`le_workflow-type-entity-{id}`), resolved on lookup (api/v2-pattern-entities.ts). */
function withPatternEntities(entities: Map<string, V2Entity>): Map<string, V2Entity> {
  const get = entities.get.bind(entities);
  entities.get = (name: string) => get(name) ?? patternEntity(name);
  return entities;
}
