/**
 * Integrity of references, derived from the declarations' `ref()` graph and nowhere else.
 *
 * A field declared `id().ref('invoices')` is an edge from its table's column to the resource
 * `invoices`. From the edges:
 * - a write's ids must name a record of the target resource: of the same site and inside the
 *   target's scope (an invoice payment's `invoice_id` names an invoice, never an estimate that shares
 *   the `invoices` table), checked with one query per target table (`checkReferences`);
 * - a delete is refused while any row of any resource names the record through an edge whose target
 *   can hold it (same table, overlapping scope), except the children the record owns and deletes with
 *   it (`refuseIfReferenced`). The refusal is Daftra's 400 "Can't delete item" naming the first record
 *   that names it.
 * Read-only ref fields are set by the server from other references (an invoice payment's client_id is
 * its invoice's): they guard deletes but are not checked on writes.
 *
 * Invariant: no committed row names, through a `ref()` field, a record that does not exist or is of
 * another scope. Resource hooks keep only rules that are not references (a primary store, a signed
 * e-invoice, stock movements in the derived ledger), and the two links clients send unchecked
 * (`branch_id`, a shop's `shipping_option_id`), whose delete guards branches.ts and shipping-options.ts
 * derive from the registry by column name.
 */
import { DaftarError, type FieldErrors } from '../domain/errors.js';
import { type FieldOptions, isEmpty } from './fields.js';
import { allResources, resourceNamed } from './registry.js';
import { rememberReferenced } from '../db/write-ledger.js';
import { type ShapeRead, compiledReads, keepPrefetched, prefetchable } from '../db/shapes.js';
import { readTogether } from '../db/trips.js';
import type { Context, Rec, ResourceSpec } from './resource.js';
import { scoped } from '../db/scoped.js';

// ---------------------------------------------------------------------------------------------------
// Writes: an id a client sends must name a record of the same site and of the target's scope.

export interface Reference {
  target: string;
  id: number;
  field: string;
  row: Rec;
  name: string;
  orphan?: FieldOptions['orphan'];
}

/** The references of a set of values, to be checked together. */
export function referencesOf(
  fields: ResourceSpec['fields'],
  values: Rec,
  errors: FieldErrors,
  prefix = '',
): Reference[] {
  const found: Reference[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const target = field.options.ref;
    const value = values[name];
    if (!target || field.options.readOnly) continue;
    // Ids are positive: 0 (and a negative id, which sample data sends) names nothing, as if left out.
    if (isEmpty(value) || (typeof value === 'number' && value <= 0) || errors[prefix + name]) continue;
    found.push({ target, id: value as number, field: prefix + name, row: values, name, orphan: field.options.orphan });
  }
  return found;
}

function article(title: string): string {
  return /^[aeiou]/i.test(title) ? `an ${title}` : `a ${title}`;
}

/** What a row of a shared table is, by its scope value: "an estimate" for an invoices row of type 3. */
function describeRow(table: string, column: string, value: unknown): string {
  const owner = allResources().find(
    (spec) => spec.table === table && spec.scope?.column === column && spec.scope.values.includes(Number(value)),
  );
  return owner ? article(owner.title.toLowerCase()) : `a record of ${column} ${String(value)}`;
}

/**
 * Checks every reference with one query per target table; names each missing or out-of-scope one. On
 * PostgreSQL the referenced rows are held `FOR KEY SHARE` until the write commits, as a foreign key
 * would hold them: a delete of one of them (which takes `FOR UPDATE`, deleteRecord) waits for this
 * write, then sees what it wrote, and a write that comes after the delete finds the row gone. Shared
 * locks never wait for each other nor for `FOR NO KEY UPDATE` (paid sums, stock), so writes naming one
 * invoice or one product still run side by side. SQLite runs one write at a time: the check and the
 * write it guards are never interleaved with a delete.
 */
export async function checkReferences(
  context: Context,
  references: Reference[],
  errors: FieldErrors,
  ahead: readonly ShapeRead[] = [],
): Promise<void> {
  const byTable = new Map<string, Reference[]>();
  for (const reference of references) {
    const table = resourceNamed(reference.target).table;
    byTable.set(table, [...(byTable.get(table) ?? []), reference]);
  }
  // Tables and ids in one order, so two writes lock what they share in the same sequence.
  const tables = [...byTable.keys()].sort();
  const queries = tables.map((table) => {
    const ids = [...new Set(byTable.get(table)!.map((reference) => reference.id))].sort((a, b) => a - b);
    // Whole rows: the write loads most of them next (an invoice's client and products), and gets them
    // from here instead of another query (db/write-ledger.ts). They hold the scope columns too.
    let query = scoped(context, table).selectFrom().selectAll().where('id', 'in', ids).orderBy('id');
    if (context.dialect === 'postgres') query = query.forKeyShare();
    return query;
  });
  // One statement per table, all in one round trip on PostgreSQL, run in this order (db/trips.ts).
  // PostgreSQL: reads the write will ask for later (its hooks' prefetchWrite) travel with these and are
  // answered from here when asked (db/shapes.ts); they are plain reads, not locks, so reading them a
  // few statements earlier in the same transaction changes nothing they see that matters.
  const early = context.dialect === 'postgres' && queries.length > 0 ? prefetchable(ahead) : [];
  const all = await readTogether(context.db, context.dialect, [...queries, ...compiledReads(context.dialect, early)]);
  const results = all.slice(0, queries.length);
  keepPrefetched(context, early, all.slice(queries.length));
  for (const [index, table] of tables.entries()) {
    const wanted = byTable.get(table)!;
    const rows = results[index]!;
    rememberReferenced(context, table, rows);
    const existing = new Map(rows.map((row) => [Number(row['id']), row as Record<string, unknown>]));
    for (const reference of wanted) {
      const target = resourceNamed(reference.target);
      const row = existing.get(reference.id);
      if (row) {
        const scope = target.scope;
        if (scope && !scope.values.includes(Number(row[scope.column]))) {
          errors[reference.field] =
            `must be ${article(target.title.toLowerCase())}: #${reference.id} is ${describeRow(table, scope.column, row[scope.column])}`;
        }
        continue;
      }
      if (reference.orphan?.when(reference.row)) {
        reference.row[reference.orphan.into] = String(reference.id);
        reference.row[reference.name] = null;
        continue;
      }
      errors[reference.field] = `does not exist (no ${target.title.toLowerCase()} with id ${reference.id})`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Deletes: a record another record names cannot be deleted.

/** A column that names records of a resource: who to look at before deleting one of them. */
export interface Referrer {
  table: string;
  column: string;
  /** Named in the refusal: "Purchase invoice PurchaseOrderItem #4 names it in tax1". */
  title: string;
  /** Rows of the record's own shared child count only when this column is set (ChildSpec.sharedWith). */
  unless?: string;
  /** Who such a row belongs to, named in the refusal: the resource whose child it is through `unless`. */
  owner?: string;
  /** The column means a reference only in rows of this scope (subscription_id of a credit note). */
  scope?: ResourceSpec['scope'];
}

const referrersByResource = new Map<string, Referrer[]>();

/** Whether a record of `held` can be a record of `wanted`: same table, and their scopes meet. */
function scopesMeet(wanted: ResourceSpec, held: ResourceSpec): boolean {
  if (wanted.table !== held.table) return false;
  if (!wanted.scope || !held.scope || wanted.scope.column !== held.scope.column) return true;
  return wanted.scope.values.some((value) => held.scope!.values.includes(value));
}

/**
 * Every (table, column) whose field is declared `ref()` to a resource whose records can be records
 * of `spec`, except the children the record owns (deleted with it). A child table shared with another
 * owner (`sharedWith`) still guards its rows of that owner. Computed once per resource.
 */
export function referrersOf(spec: ResourceSpec): Referrer[] {
  const cached = referrersByResource.get(spec.name);
  if (cached) return cached;
  const found = new Map<string, Referrer>();
  const add = (table: string, fields: ResourceSpec['fields'], title: string, scope?: ResourceSpec['scope']) => {
    for (const [column, field] of Object.entries(fields)) {
      const target = field.options.ref;
      if (!target || !field.isStored || !scopesMeet(resourceNamed(target), spec)) continue;
      // A column may mean a reference only in some rows of a shared table (subscription_id of a credit note).
      const key = `${table}.${column}.${scope?.values.join(',') ?? ''}`;
      if (found.has(key)) continue;
      const own = (spec.children ?? []).find(
        (child) => child.writable && child.table === table && child.foreignKey === column,
      );
      if (own && !own.sharedWith) continue;
      const owner = own?.sharedWith
        ? allResources().find((resource) =>
            (resource.children ?? []).some((child) => child.table === table && child.foreignKey === own.sharedWith),
          )?.title
        : undefined;
      found.set(key, { table, column, title, unless: own?.sharedWith, owner, scope });
    }
  };
  for (const resource of allResources()) {
    add(resource.table, resource.fields, resource.title, resource.scope);
    for (const child of resource.children ?? []) add(child.table, child.fields, `${resource.title} ${child.key}`);
  }
  const referrers = [...found.values()];
  referrersByResource.set(spec.name, referrers);
  return referrers;
}

/** Refuses (400 DAFTAR_ERR_HAS_TRANSACTIONS) the delete of a record any other record names. */
export async function refuseIfReferenced(context: Context, spec: ResourceSpec, id: number): Promise<void> {
  for (const referrer of referrersOf(spec)) {
    let query = scoped(context, referrer.table)
      .selectFrom()
      .select(referrer.unless ? ['id', referrer.unless] : ['id'])
      .where(referrer.column, '=', id);
    if (referrer.table === spec.table) query = query.where('id', '<>', id);
    if (referrer.unless) query = query.where(referrer.unless, 'is not', null);
    if (referrer.scope) query = query.where(referrer.scope.column, 'in', [...referrer.scope.values]);
    const row = await query.orderBy('id').limit(1).executeTakeFirst();
    if (!row) continue;
    // A row of a shared child is its other owner's: "Client payment #2 names it" (in its allocation).
    const who =
      referrer.owner && referrer.unless
        ? `${referrer.owner} #${row[referrer.unless]}`
        : `${referrer.title} #${row['id']}`;
    throw new DaftarError(
      'DAFTAR_ERR_HAS_TRANSACTIONS',
      `Can't delete item. ${who} names it in ${referrer.column}; change or delete that first.`,
    );
  }
}
