/**
 * The types Kysely checks queries against.
 *
 * The engine is dynamic by design: about 60 tables are declared by resources (src/resources/*,
 * `defineResource`), and the generic service, listing and integrity code build their queries from
 * those declarations by table name at run time. Kysely cannot check a table or column named by a
 * string it only learns then, so that code works on an untyped view: `Db`, a `Kysely` whose tables
 * are `AnyTables`. This is the one place that view is declared; see docs/architecture.md ("Typed
 * queries") for what is typed and what is not yet.
 */
import type { ColumnType, ExpressionBuilder, Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the engine's tables are named by declarations at run time (above)
export type AnyTables = any;

/** The database as the engine sees it: any table, any column (see above). */
export type Db = Kysely<AnyTables>;

/** An expression builder over whatever table a declaration names: a list filter's `eb`. */
export type Expressions = ExpressionBuilder<AnyTables, AnyTables>;

// ---------------------------------------------------------------------------------------------------
// The typed view: tables whose columns are known here, read and written through `Kysely<Schema>`.
// A module that queries only these takes a `Kysely<Schema>` (a `Db` converts to one without a cast:
// `typed(db)`), and the compiler checks its table and column names and the types of its values.

/**
 * An integer column as read back: a number on SQLite, its text on PostgreSQL (whose `bigint` columns
 * node-postgres returns as strings). Inserted as a number; an update may also set what was read (or
 * an expression over it, `attempts + 1`).
 */
export type StoredInt = ColumnType<number | string, number, number | string>;
/** An integer column that may be null. */
export type StoredIntOrNull = ColumnType<number | string | null, number | null | undefined, number | string | null>;
/** A flag (`bool` in ddl.ts): 0 or 1, a smallint on PostgreSQL, which node-postgres reads as a number. */
export type StoredFlag = ColumnType<number, number, number>;
/** The row id, made by the database. */
export type RowId = ColumnType<number | string, number | undefined, never>;

/** `sites` (migrations.ts FOUNDATION_TABLES): the columns code outside the engine reads by name. */
export interface SitesTable {
  id: RowId;
  subdomain: string;
  business_name: string | null;
  currency_code: string;
  country_code: string | null;
  allow_negative_stock: StoredFlag;
  created: string | null;
  modified: string | null;
}

/** `users`: who signs in to the console and the OAuth password grant. */
export interface UsersTable {
  id: RowId;
  site_id: StoredInt;
  email: string;
  password_hash: string;
  staff_id: StoredInt;
  name: string | null;
  created: string | null;
}

/** `oauth_tokens`: one access/refresh pair; `family` (a later migration) groups the pairs of one sign-in. */
export interface OauthTokensTable {
  id: RowId;
  site_id: StoredInt;
  user_id: StoredInt;
  access_hash: string;
  refresh_hash: string;
  access_expires_ms: StoredInt;
  refresh_expires_ms: StoredInt;
  revoked: StoredFlag;
  created: string | null;
  family: string | null;
  family_expires_ms: StoredIntOrNull;
}

/** `api_keys`: a site's API keys, kept as hashes; found by hash before the site is known. */
export interface ApiKeysTable {
  id: RowId;
  site_id: StoredInt;
  key_hash: string;
  key_prefix: string;
  name: string | null;
  created: string | null;
  revoked: StoredFlag;
}

/** `counters`: the last number drawn per sequence key (domain/numbering.ts). */
export interface CountersTable {
  id: RowId;
  site_id: StoredInt;
  key: string;
  value: StoredInt;
}

/** The webhook tables (migrations.ts WEBHOOK_TABLES, every column created there; docs/webhooks.md). */
export interface WebhookEndpointsTable {
  id: RowId;
  site_id: StoredInt;
  url: string;
  /** JSON text: the list of event patterns. */
  events: string;
  description: string | null;
  active: StoredFlag;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires_ms: StoredIntOrNull;
  disabled_reason: string | null;
  failing_since_ms: StoredIntOrNull;
  created: string | null;
  modified: string | null;
}

export interface WebhookEventsTable {
  id: RowId;
  site_id: StoredInt;
  event_id: string;
  type: string;
  resource: string | null;
  record_id: StoredIntOrNull;
  payload: string;
  created: string | null;
  created_ms: StoredInt;
}

export interface WebhookDeliveriesTable {
  id: RowId;
  site_id: StoredInt;
  webhook_event_id: StoredInt;
  endpoint_id: StoredInt;
  record_key: string;
  state: string;
  attempts: StoredInt;
  next_attempt_ms: StoredInt;
  give_up_ms: StoredInt;
  last_attempt_ms: StoredIntOrNull;
  last_status: StoredIntOrNull;
  last_response: string | null;
  last_error: string | null;
  delivered_ms: StoredIntOrNull;
}

export interface WebhookMarksTable {
  id: RowId;
  site_id: StoredInt;
  mark: string;
  created_ms: StoredInt;
}

export interface Schema {
  sites: SitesTable;
  users: UsersTable;
  oauth_tokens: OauthTokensTable;
  api_keys: ApiKeysTable;
  counters: CountersTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_marks: WebhookMarksTable;
}

/** The typed view of a database or transaction (the same object: only the compiler's view changes). */
export const typed = (db: Db): Kysely<Schema> => db;
