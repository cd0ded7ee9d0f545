/**
 * Row locks for read-modify-write on shared rows (an invoice's paid sum, a product's stock). PostgreSQL
 * takes `FOR UPDATE` inside the request's transaction; SQLite has one writer at a time already.
 */
import type { Context } from '../engine/resource.js';

export async function lockRow(context: Context, table: string, id: number): Promise<void> {
  if (context.dialect !== 'postgres') return;
  await context.db.selectFrom(table).select('id')
    .where('site_id', '=', context.siteId).where('id', '=', id).forUpdate().execute();
}
