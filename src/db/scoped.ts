/**
 * Every tenant table has `site_id` (ddl.ts), and every query of a request's data must be held to the
 * request's site. `scoped(context, table)` starts the query with that filter already in it, so a
 * query of a tenant table does not depend on remembering `.where('site_id', '=', ...)`:
 *
 *   scoped(context, 'invoices').selectFrom().select(['id', 'no']).where('client_id', '=', clientId)
 *   scoped(context, 'invoices').updateTable().set({ draft: 0 }).where('id', '=', id)
 *   scoped(context, 'invoices').deleteFrom().where('id', '=', id)
 *
 * The filter is the query's first condition; Kysely writes the statement the same whichever order
 * the builder's calls come in, so where the filter sits in the chain changes nothing else.
 * Queries that join name their columns by table (`i.site_id`) and keep their own filters.
 */
import type { Db } from './schema.js';

/** What `scoped` needs of a request's context: its transaction (or database) and its site. */
export interface SiteScope {
  readonly db: Db;
  readonly siteId: number;
}

export function scoped(context: SiteScope, table: string) {
  const { db, siteId } = context;
  return {
    selectFrom: () => db.selectFrom(table).where('site_id', '=', siteId),
    updateTable: () => db.updateTable(table).where('site_id', '=', siteId),
    deleteFrom: () => db.deleteFrom(table).where('site_id', '=', siteId),
  };
}
