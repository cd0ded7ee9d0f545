/**
 * What one write has done so far in its transaction, so that statements whose answer it already knows
 * are not sent (on PostgreSQL each is a round trip). Kept per request context, which lives exactly as
 * long as one attempt of one write (api/routes.ts makes a new one per attempt), so nothing here can
 * outlive a rollback.
 *
 * - `created`: rows this write inserted (engine/service.ts createRecord). Ids are never handed out
 *   twice (AUTOINCREMENT on SQLite, identity columns on PostgreSQL), so nothing written before this
 *   write can name them: a new invoice has no journal, no stock movements and no row lock to take.
 * - `rows`: what a replace-all write (a source's stock movements) stored under its key, all of it, so a
 *   read of the same key later in the write is answered from here.
 * - `referenced`: the whole rows the reference checks read (engine/service.ts), for the loads of the
 *   same rows that follow in the write (the client and products of an invoice); forgotten for a table as
 *   soon as the engine or the stock code writes it.
 * - `touched`: what this write has itself written under a key (a journal of an entity, the movements of
 *   a source). A record created here and then written twice by its hooks is looked up again the
 *   second time, as before.
 */
import type { Context } from '../engine/resource.js';

interface Ledger {
  created: Set<string>;
  touched: Set<string>;
  /** Rows that are, as this write left them, all the stored rows under a key (a source's movements). */
  rows: Map<string, ReadonlyArray<Record<string, unknown>>>;
  /** Whole rows read by this write's reference checks, by table and id, until this write changes the table. */
  referenced: Map<string, Map<number, Record<string, unknown>>>;
}

const ledgers = new WeakMap<Context, Ledger>();

function ledgerOf(context: Context): Ledger {
  let ledger = ledgers.get(context);
  if (!ledger) {
    ledger = { created: new Set(), touched: new Set(), rows: new Map(), referenced: new Map() };
    ledgers.set(context, ledger);
  }
  return ledger;
}

/** Notes that this write inserted row `id` of `table`. */
export function markCreated(context: Context, table: string, id: number): void {
  ledgerOf(context).created.add(`${table}:${id}`);
}

/** Notes that this write wrote what `key` names (a journal, a source's movements). */
export function markTouched(context: Context, key: string): void {
  ledgerOf(context).touched.add(key);
}

/**
 * True when `table` row `id` was inserted by this write and nothing under `key` was written since:
 * then nothing stored can hang under it yet, and the write may skip looking.
 */
export function nothingStoredUnder(context: Context, table: string | undefined, id: number, key: string): boolean {
  if (table === undefined) return false;
  const ledger = ledgers.get(context);
  return ledger?.created.has(`${table}:${id}`) === true && !ledger.touched.has(key);
}

/** True when this write inserted row `id` of `table` (its row lock is already held: nobody else sees it). */
export function createdHere(context: Context, table: string, id: number): boolean {
  return ledgers.get(context)?.created.has(`${table}:${id}`) ?? false;
}

/** Notes that `rows` are now all the stored rows under `key` (written by this write, replacing any before). */
export function rememberRows(context: Context, key: string, rows: ReadonlyArray<Record<string, unknown>>): void {
  markTouched(context, key);
  ledgerOf(context).rows.set(key, rows);
}

/** The rows stored under `key` when this write replaced them all, or undefined (then read them). */
export function rememberedRows(context: Context, key: string): ReadonlyArray<Record<string, unknown>> | undefined {
  return ledgers.get(context)?.rows.get(key);
}

/** Keeps whole rows of `table` that this write has just read (and locked) to check references. */
export function rememberReferenced(
  context: Context,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): void {
  const ledger = ledgerOf(context);
  let byId = ledger.referenced.get(table);
  if (!byId) {
    byId = new Map();
    ledger.referenced.set(table, byId);
  }
  for (const row of rows) byId.set(Number(row['id']), row);
}

/** The rows of `ids` as the reference checks read them, when every one of them was read; else undefined. */
export function referencedRows(
  context: Context,
  table: string,
  ids: readonly number[],
): Map<number, Record<string, unknown>> | undefined {
  const byId = ledgers.get(context)?.referenced.get(table);
  if (!byId) return undefined;
  const found = new Map<number, Record<string, unknown>>();
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) return undefined;
    found.set(id, row);
  }
  return found;
}

/** Forgets the rows of `table` read by reference checks: this write is changing that table. */
export function forgetReferenced(context: Context, table: string): void {
  ledgers.get(context)?.referenced.delete(table);
}
