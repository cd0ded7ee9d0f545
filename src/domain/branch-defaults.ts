/**
 * What every site starts with besides its books: a main branch, the payment methods a shop accepts
 * out of the box (cash, bank transfer, card, cheque) and no shipping options. Called when a site is
 * created and, for sites made before branches existed, by migration 0013_v2.
 */
import type { Db } from '../db/connection.js';

/** The payment methods a new site accepts: `payment_gateway` is the slug payments carry as payment_method. */
export const DEFAULT_PAYMENT_GATEWAYS: ReadonlyArray<{ payment_gateway: string; label: string }> = [
  { payment_gateway: 'cash', label: 'Cash' },
  { payment_gateway: 'bank_transfer', label: 'Bank Transfer' },
  { payment_gateway: 'credit_card', label: 'Credit Card' },
  { payment_gateway: 'cheque', label: 'Cheque' },
];

export const MAIN_BRANCH_NAME = 'Main Branch';

/** Inserts the main branch and the default payment methods of a site that has none. */
export async function seedBranchAndGateways(db: Db, siteId: number, now: string): Promise<void> {
  const branch = await db.selectFrom('branches').select('id').where('site_id', '=', siteId).executeTakeFirst();
  if (!branch)
    await db
      .insertInto('branches')
      .values({ site_id: siteId, name: MAIN_BRANCH_NAME, status: 1, created: now, modified: now })
      .execute();
  const gateway = await db
    .selectFrom('site_payment_gateways')
    .select('id')
    .where('site_id', '=', siteId)
    .executeTakeFirst();
  if (gateway) return;
  for (const [index, method] of DEFAULT_PAYMENT_GATEWAYS.entries()) {
    await db
      .insertInto('site_payment_gateways')
      .values({
        site_id: siteId,
        payment_gateway: method.payment_gateway,
        label: method.label,
        default: index === 0 ? 1 : 0,
        active: 1,
        manually_added: 0,
        disable_for_client: 0,
        created: now,
        modified: now,
      })
      .execute();
  }
}

/** The main branch: the site's first (it is made with the site and cannot be deleted). */
export async function mainBranchId(db: Db, siteId: number): Promise<number | null> {
  const row = await db
    .selectFrom('branches')
    .select('id')
    .where('site_id', '=', siteId)
    .orderBy('id')
    .executeTakeFirst();
  return row ? Number(row['id']) : null;
}
