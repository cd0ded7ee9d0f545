/**
 * The follow-up actions and statuses every new site starts with, per item type.
 */
import type { Db } from '../db/connection.js';

const DEFAULT_ACTIONS = ['Call', 'Email', 'Meeting', 'Visit'];
const DEFAULT_STATUSES: Array<[string, string]> = [
  ['New', '#3b82f6'],
  ['In progress', '#f59e0b'],
  ['Waiting', '#a855f7'],
  ['Done', '#10b981'],
];
/** Item types with defaults: 1 client, 2 invoice, 3 estimate, 8 work order. */
const SEEDED_TYPES = [1, 2, 3, 8];

export async function seedFollowUps(db: Db, siteId: number, now: string): Promise<void> {
  for (const itemType of SEEDED_TYPES) {
    for (const [order, name] of DEFAULT_ACTIONS.entries()) {
      await db
        .insertInto('follow_up_actions')
        .values({ site_id: siteId, item_type: itemType, name, display_order: order + 1, created: now, modified: now })
        .execute();
    }
    for (const [order, [name, color]] of DEFAULT_STATUSES.entries()) {
      await db
        .insertInto('follow_up_statuses')
        .values({
          site_id: siteId,
          item_type: itemType,
          name,
          color,
          display_order: order + 1,
          created: now,
          modified: now,
        })
        .execute();
    }
  }
}
