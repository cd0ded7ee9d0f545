/**
 * Row locks for read-modify-write on shared rows (an invoice's paid sum, a product's stock). PostgreSQL
 * takes `FOR NO KEY UPDATE` inside the request's transaction: writers of the row's sums queue on it,
 * while writes that only name the row (`FOR KEY SHARE`, engine/service.ts checkReferences) do not, so
 * a write that names an invoice and then updates its paid sum cannot deadlock with another doing the
 * same. Deletes take `FOR UPDATE`, which waits for both. SQLite has one writer at a time already.
 */
import type { Context } from '../engine/resource.js';

export async function lockRow(context: Context, table: string, id: number): Promise<void> {
  if (context.dialect !== 'postgres') return;
  await context.db.selectFrom(table).select('id')
    .where('site_id', '=', context.siteId).where('id', '=', id).forNoKeyUpdate().execute();
}
