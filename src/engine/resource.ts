/**
 * What one Daftra resource declares. The engine derives routes, validation, storage, list filters,
 * views and the OpenAPI description from this; a resource file holds only its declaration and the
 * domain hooks where its behaviour differs from plain storage.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, DialectName } from '../db/connection.js';
import type { ChangeLog } from './changes.js';
import type { Fields } from './fields.js';

export type Operation = 'list' | 'get' | 'create' | 'edit' | 'delete';
export const ALL_OPERATIONS: readonly Operation[] = ['list', 'get', 'create', 'edit', 'delete'];

/** A record in memory: column name to value (see fields.ts for the value types). */
export type Rec = Record<string, unknown> & { id?: number };

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
  /** Writes only: where the engine reports what it changed (webhook events, engine/changes.ts). */
  readonly changes?: ChangeLog;
  /** Base of absolute links in replies (DAFTAR_PUBLIC_URL or the request's host); relative when unset. */
  readonly baseUrl?: string;
  /**
   * The branch the request works in (`request_branch_id` query parameter or `Site-Id` header), when
   * it names one: new records take it as branch_id and lists show only its records.
   */
  readonly branchId?: number;
}

export interface ChildSpec {
  /** The key the children are nested under in replies, and accepted under on writes. */
  key: string;
  /** More keys accepted on writes, e.g. `Payment` for an invoice's InvoicePayment rows. */
  inputKeys?: string[];
  table: string;
  foreignKey: string;
  fields: Fields;
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
  eb: ExpressionBuilder<any, any>,
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

export interface Draft {
  header: Rec;
  /** Children by ChildSpec.key; undefined when the request did not carry them (edits keep them). */
  children: Record<string, Rec[] | undefined>;
}

export interface ResourceHooks {
  /** After coercion, defaults and reference checks, before anything is stored: derive, check rules. */
  prepare?(context: Context, draft: Draft, existing: Rec | null): Promise<void>;
  /** After the header and children are stored, in the same transaction. */
  afterWrite?(context: Context, record: Rec, draft: Draft, previous: Rec | null): Promise<void>;
  /** Before a delete: refuse with a DaftarError when the record has transactions. */
  beforeDelete?(context: Context, record: Rec): Promise<void>;
  afterDelete?(context: Context, record: Rec): Promise<void>;
  /** Nest related records inside each rendered record (they are wire objects by then). */
  related?(context: Context, records: Rec[], wire: Record<string, unknown>[], mode: ViewMode): Promise<void>;
  /** Add computed output fields to each rendered record, in every view whatever `recursive` says. */
  computed?(context: Context, records: Rec[], wire: Record<string, unknown>[]): Promise<void>;
}

export interface ViewMode {
  kind: 'one' | 'list';
  /** Daftra's `recursive` list parameter: -1 header only, 0 header + main relation, 1 everything. */
  recursive: number;
}

export interface ResourceSpec {
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
  fields: Fields;
  operations: readonly Operation[];
  /** Rows of a shared table this resource owns, e.g. invoices of type 0, 16 or 19. */
  scope?: {
    column: string;
    values: readonly number[];
    createDefault: number;
    /** Values a create may choose, when more than `values` (invoices accept type 3 to make an estimate). */
    createValues?: readonly number[];
  };
  children?: ChildSpec[];
  wireObjects?: WireObjectSpec[];
  /** Named list filters beyond plain field equality (`keywords`, `date_from`, ...). */
  filters?: Record<string, FilterFn>;
  /** Columns searched by `keywords`. */
  keywordColumns?: string[];
  defaultOrder?: ReadonlyArray<readonly [string, 'asc' | 'desc']>;
  hooks?: ResourceHooks;
  description?: string;
  /**
   * More keys Daftra's v2 records show a nested record or lines under, beside ours (a field's name
   * without `_id`, a child's key in snake case): `{ client_id: ['invoice_client'], InvoicePayment: ['payment'] }`.
   */
  v2Aliases?: Record<string, readonly string[]>;
  /** Extra operations documented for the group (e.g. the invoice's `add_bulk`). */
  notes?: string;
}

export function defineResource(spec: ResourceSpec): ResourceSpec {
  for (const child of spec.children ?? []) {
    if (!child.fields[child.foreignKey] && child.writable) {
      throw new Error(`${spec.name}: child ${child.key} must declare its foreign key ${child.foreignKey}`);
    }
  }
  return spec;
}
