/**
 * Cost centers (Daftra v2 `cost_center`): a tree (cost_center_id is the parent) that journal lines are
 * tagged with (`JournalTransaction.cost_center_id`); the cost-center report sums them
 * (domain/cost-centers.ts). A center named by a journal line or a child center stays.
 */
import { fieldError } from '../domain/errors.js';
import { bool, id, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

export const costCenters = defineResource({
  name: 'cost_centers',
  model: 'CostCenter',
  title: 'Cost center',
  table: 'cost_centers',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    code: text(50),
    is_primary: bool().default(0).doc('1: a parent (group) center; lines are tagged with its children'),
    cost_center_id: id().ref('cost_centers').doc('Parent center'),
    cost_center_ids: text(1000).doc('Ids of the centers under it, comma-separated (as Daftra echoes them)'),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name', 'code'],
  hooks: {
    async prepare(context, draft, existing) {
      const parent = draft.header['cost_center_id'];
      if (!existing || typeof parent !== 'number' || parent === 0) return;
      // Walk up from the new parent: reaching this center would make a cycle.
      let at: number | null = parent;
      for (let depth = 0; at && depth < 100; depth += 1) {
        if (at === existing.id)
          throw fieldError('cost_center_id', 'cannot be the center itself or one of its descendants');
        const row: Record<string, unknown> | undefined = await scoped(context, 'cost_centers')
          .selectFrom()
          .select('cost_center_id')
          .where('id', '=', at)
          .executeTakeFirst();
        at = row?.['cost_center_id'] ? Number(row['cost_center_id']) : null;
      }
    },
  },
});
