/**
 * Row locks for read-modify-write on shared rows (an invoice's paid and refunded sums, a product's
 * stock). PostgreSQL takes `FOR UPDATE` inside the request's transaction; SQLite has one writer at a
 * time already, so these are no-ops there.
 *
 * Two transactions that take the same locks in opposite orders deadlock, and PostgreSQL kills one of
 * them (an invoice edit locked the invoice then its products while a credit note locked the products
 * then the invoice: 24 of 180 such requests failed). Every write therefore takes its locks in one
 * global order:
 *
 *   1. invoices whose sums the write recomputes (the invoice itself when it is edited or deleted, the
 *      invoice a credit note, refund receipt or payment belongs to, the invoices a client payment is
 *      allocated to), all at once, by id, before anything else (`lockInvoices`, called first in the
 *      resources' `prepare` and `beforeDelete` hooks);
 *   2. the record being written (its own UPDATE or DELETE);
 *   3. document counters (numbering.ts);
 *   4. products, by id (stock.ts `lockProducts`, once per write, for every product it moves).
 *
 * A lock taken again later in the same transaction (refreshInvoicePayments re-locks its invoice) is
 * already held and waits for nothing.
 *
 * The running totals the triggers keep (account totals, open amounts) are outside this order — a
 * payment reaches them through its journal before its invoice — so API writes of one site first queue
 * on the site's advisory lock (db/trips.ts lockSiteWrites); this order still keeps writes outside the
 * API (workers, the CLI) from deadlocking with them on the rows above.
 *
 * The lock is `FOR NO KEY UPDATE`: writers of a row's sums queue on it, while writes that only name the
 * row (`FOR KEY SHARE`, engine/integrity.ts checkReferences) do not, so a write that names an invoice and
 * then updates its paid sum cannot deadlock with another doing the same. Deletes take `FOR UPDATE`,
 * which waits for both.
 */
import type { Context } from './context.js';

/** Locks rows of `table` in id order, in one statement; ids that are not numbers are skipped. */
export async function lockRows(context: Context, table: string, ids: Iterable<unknown>): Promise<void> {
  await lockRowsQuery(context, table, ids)?.execute();
}

/** The statement `lockRows` sends (PostgreSQL, some ids), for a caller that sends it with others; else undefined. */
export function lockRowsQuery(context: Context, table: string, ids: Iterable<unknown>) {
  if (context.dialect !== 'postgres') return undefined;
  const wanted = [
    ...new Set([...ids].filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0)),
  ].sort((a, b) => a - b);
  if (wanted.length === 0) return undefined;
  return context.db.selectFrom(table).select('id').where('id', 'in', wanted).orderBy('id').forNoKeyUpdate();
}

/** Step 1 of the order: the invoices a write will recompute, by id. */
export async function lockInvoices(context: Context, ids: Iterable<unknown>): Promise<void> {
  await lockRows(context, 'invoices', ids);
}

export async function lockRow(context: Context, table: string, id: number): Promise<void> {
  await lockRows(context, table, [id]);
}
