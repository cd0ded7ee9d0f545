/**
 * What one Daftra resource declares. The engine derives routes, validation, storage, list filters,
 * views and the OpenAPI description from this; a resource file holds only its declaration and the
 * domain hooks where its behaviour differs from plain storage.
 */
import type { ShapeRead } from '../db/shapes.js';
import type { Expression, SqlBool } from 'kysely';
import type { Context } from '../domain/context.js';
import type { Fields, RecordOf } from './fields.js';
import type { Expressions } from '../db/schema.js';

export type Operation = 'list' | 'get' | 'create' | 'edit' | 'delete';
export const ALL_OPERATIONS: readonly Operation[] = ['list', 'get', 'create', 'edit', 'delete'];

/** A record in memory: column name to value (see fields.ts for the value types). */
export type Rec = Record<string, unknown> & { id?: number };

/** A record that is stored: loaded, or written by this operation. */
export type Saved<R> = R & { id: number };

// Context and SiteRow are the domain's (it imports nothing from the engine); re-exported for the engine's users.
export type { Context, SiteRow } from '../domain/context.js';

export interface ChildSpec<K extends string = string, F extends Fields = Fields> {
  /** The key the children are nested under in replies, and accepted under on writes. */
  key: K;
  /** More keys accepted on writes, e.g. `Payment` for an invoice's InvoicePayment rows. */
  inputKeys?: string[];
  table: string;
  foreignKey: string;
  fields: F;
  /** Whether a write may carry these children. Read-only children are only rendered. */
  writable: boolean;
  /** The most children one write may carry. */
  countMax: number;
  /** Also render in list rows; otherwise lists carry them only with recursive=1. */
  inLists?: boolean;
  /**
   * A column that, when set, marks a row as another record's (an invoice payment allocated from a
   * client payment carries client_payment_id). Such rows are shown with this parent but belong to the
   * other: an edit of the parent never replaces them, its delete never removes them (it is refused).
   */
  sharedWith?: string;
}

export type FilterFn = (
  eb: Expressions,
  value: string | string[],
  context: Context,
  /** The whole query, for filters that combine parameters (custom_field with custom_field_label). */
  query: Readonly<Record<string, unknown>>,
) => Expression<SqlBool> | null;

/**
 * A JSON value clients send under a key of its own, beside the model key or inside it
 * (`InvoiceCustomField`): kept in a json field and rendered under its keys instead of the field.
 */
export interface WireObjectSpec {
  field: string;
  /** Keys accepted on writes; the first one present wins. */
  keys: string[];
  /** Keys it is rendered under. */
  renderKeys: string[];
  /** From any of the shapes clients send to the one stored. */
  normalize?: (raw: unknown) => unknown;
}

/** The children a draft carries, by ChildSpec.key: each key's rows typed by its child's fields. */
export type ChildrenOf<C extends readonly ChildSpec[]> = string extends C[number]['key']
  ? Record<string, Rec[] | undefined>
  : { [Child in C[number] as Child['key']]?: Array<RecordOf<Child['fields']>> };

export interface Draft<R = Rec, C = Record<string, Rec[] | undefined>, S = unknown> {
  header: R;
  /** Children by ChildSpec.key; undefined when the request did not carry them (edits keep them). */
  children: C;
  /**
   * What the hooks of one write hand each other (prepare to afterWrite, beforeDelete to afterDelete):
   * a fresh value of the declaration's `state()` per operation.
   */
  state: S;
}

/**
 * A resource's hooks, typed by its declaration: `R` its record, `C` its children by key, `S` the
 * state its hooks share within one operation. Declared as methods so that a declaration's hooks are
 * also hooks of the erased `ResourceSpec` the engine runs.
 */
export interface ResourceHooks<R = Rec, C = Record<string, Rec[] | undefined>, S = unknown> {
  /** After coercion, defaults and reference checks, before anything is stored: derive, check rules. */
  prepare?(context: Context, draft: Draft<R, C, S>, existing: Saved<R> | null): Promise<void>;
  /** After the header and children are stored, in the same transaction. */
  afterWrite?(context: Context, record: Saved<R>, draft: Draft<R, C, S>, previous: Saved<R> | null): Promise<void>;
  /** Before a delete: refuse with a DaftarError when the record has transactions. */
  beforeDelete?(context: Context, record: Saved<R>, state: S): Promise<void>;
  afterDelete?(context: Context, record: Saved<R>, state: S): Promise<void>;
  /** Nest related records inside each rendered record (they are wire objects by then). */
  related?(context: Context, records: Array<Saved<R>>, wire: Record<string, unknown>[], mode: ViewMode): Promise<void>;
  /**
   * Reads that rendering one record (GET) makes and that depend on its id alone, as shapes
   * (db/shapes.ts): on PostgreSQL they are sent with the record's own read, in one round trip.
   */
  prefetchOne?(context: Context, id: number): ShapeRead[];
  /**
   * Reads a create or update will make later that depend only on what was sent (the primary store, the
   * signing unit): on PostgreSQL they travel with the reference checks (engine/integrity.ts) and are
   * answered from there (db/shapes.ts), one round trip each the fewer.
   */
  prefetchWrite?(context: Context, draft: Draft<R, C, S>, existing: Saved<R> | null): ShapeRead[];
  /** Add computed output fields to each rendered record, in every view whatever `recursive` says. */
  computed?(context: Context, records: Array<Saved<R>>, wire: Record<string, unknown>[]): Promise<void>;
}

/** The hooks of a declaration with fields `F`, children `C` and shared state `S`. */
export type HooksOf<F extends Fields, C extends readonly ChildSpec[] = [], S = unknown> = ResourceHooks<
  RecordOf<F>,
  ChildrenOf<C>,
  S
>;

export interface ViewMode {
  kind: 'one' | 'list';
  /** Daftra's `recursive` list parameter: -1 header only, 0 header + main relation, 1 everything. */
  recursive: number;
}

export interface ResourceSpec<
  F extends Fields = Fields,
  C extends readonly ChildSpec[] = readonly ChildSpec[],
  S = unknown,
> {
  /** Path segment under /api2, e.g. `invoices`. */
  name: string;
  /** Other path segments that serve the same resource (e.g. `purchase_orders`). */
  aliases?: string[];
  /** Model key of the JSON envelope, e.g. `Invoice`. */
  model: string;
  /** More model keys accepted on writes (e.g. `PurchaseInvoice`). */
  inputModels?: string[];
  /**
   * More model keys replies carry the same record under (credit notes also as `Invoice`), for clients
   * that read them so; a site with `model_key_aliases` 0 gets the documented key alone.
   */
  aliasModels?: string[];
  /** Singular human name used in messages: "Invoice not found". */
  title: string;
  /** Added as `message` to a successful delete's reply (invoice payments: "Payment has been deleted"). */
  deleteMessage?: string;
  table: string;
  fields: F;
  operations: readonly Operation[];
  /** Rows of a shared table this resource owns, e.g. invoices of type 0, 16 or 19. */
  scope?: {
    column: string;
    values: readonly number[];
    createDefault: number;
    /** Values a create may choose, when more than `values` (invoices accept type 3 to make an estimate). */
    createValues?: readonly number[];
  };
  children?: C;
  wireObjects?: WireObjectSpec[];
  /** Named list filters beyond plain field equality (`keywords`, `date_from`, ...). */
  filters?: Record<string, FilterFn>;
  /** Columns searched by `keywords`. */
  keywordColumns?: string[];
  defaultOrder?: ReadonlyArray<readonly [string, 'asc' | 'desc']>;
  /** The state one operation's hooks share (Draft.state), made fresh for each create, edit or delete. */
  state?: () => S;
  hooks?: ResourceHooks<RecordOf<F>, ChildrenOf<C>, S>;
  description?: string;
  /**
   * More keys Daftra's v2 records show a nested record or lines under, beside ours (a field's name
   * without `_id`, a child's key in snake case): `{ client_id: ['invoice_client'], InvoicePayment: ['payment'] }`.
   */
  v2Aliases?: Record<string, readonly string[]>;
  /** Extra operations documented for the group (e.g. the invoice's `add_bulk`). */
  notes?: string;
}

/**
 * A resource's declaration, its hooks typed by it: `draft.header.amount` is the `amount` field's value
 * (a Dec, or null unless required), `draft.children.InvoiceItem` the rows of that child.
 */
export function defineResource<const F extends Fields, const C extends readonly ChildSpec[] = [], S = unknown>(
  spec: ResourceSpec<F, C, S>,
): ResourceSpec<F, C, S> {
  for (const child of spec.children ?? []) {
    if (!child.fields[child.foreignKey] && child.writable) {
      throw new Error(`${spec.name}: child ${child.key} must declare its foreign key ${child.foreignKey}`);
    }
  }
  return spec;
}

/** A child declaration, its key kept as a literal so the parent's draft types its rows. */
export function childOf<const K extends string, F extends Fields>(spec: ChildSpec<K, F>): ChildSpec<K, F> {
  return spec;
}
