/**
 * Follow-up actions and statuses per item type. Every new site gets a default set
 * (domain/follow-up-defaults.ts), so the read and delete endpoints have data; Daftra's API has no create.
 */
import { fieldError, notFound } from '../domain/errors.js';
import { id, int, text } from '../engine/fields.js';
import { listRecords, type ListResult } from '../engine/listing.js';
import type { Context, ResourceSpec } from '../engine/resource.js';
import { defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { itemTypeOf } from './item-types.js';

const followUpFields = () => ({
  item_type: int().readOnly().doc('1 client, 2 invoice, 3 estimate, 8 work order'),
  name: text(255),
  color: text(20),
  display_order: int(),
  staff_id: id(),
  ...timestamps(),
});

/** GET single is served by the follow-up route (the segment is a type name or an id). */
export const followUpActions = defineResource({
  name: 'follow_up_actions',
  model: 'FollowUpAction',
  title: 'Follow up action',
  table: 'follow_up_actions',
  operations: ['delete'],
  fields: followUpFields(),
  defaultOrder: [
    ['display_order', 'asc'],
    ['id', 'asc'],
  ],
});

/** Item types a status can be made for (v2 `POST follow_up_status`, as Daftra documents the enum). */
export const FOLLOW_UP_STATUS_ITEM_TYPES = [0, 1, 2, 3, 8, 14, 23, 24, 27] as const;

/** Entities a status may be for (the docs' enum); a workflow type's records are `le_workflow-type-entity-{id}`. */
const STATUS_ENTITY_KEYS = ['rental_reservation_order', 'manufacturing_order', 'production_plan', 'lease_contract'];
const WORKFLOW_ENTITY_KEY = /^le_workflow-type-entity-\d{1,9}$/;

export const followUpStatuses = defineResource({
  name: 'follow_up_statuses',
  model: 'FollowUpStatus',
  title: 'Follow up status',
  table: 'follow_up_statuses',
  operations: ['delete'],
  defaultOrder: [
    ['display_order', 'asc'],
    ['id', 'asc'],
  ],
  fields: {
    ...followUpFields(),
    item_type: int()
      .oneOf(FOLLOW_UP_STATUS_ITEM_TYPES)
      .default(1)
      .doc('1 client, 2 invoice, 3 estimate, 8 work order, ...'),
    name: text(255).required(),
    status: int().oneOf([1, 2]).default(1).doc('1 open, 2 closed'),
    entity_key: text(100).doc(
      'For statuses of an entity: rental_reservation_order, manufacturing_order, production_plan, lease_contract, le_workflow-type-entity-{id}',
    ),
  },
  hooks: {
    async prepare(_context, draft) {
      const key = draft.header['entity_key'];
      if (
        typeof key === 'string' &&
        key !== '' &&
        !STATUS_ENTITY_KEYS.includes(key) &&
        !WORKFLOW_ENTITY_KEY.test(key)
      ) {
        throw fieldError(
          'entity_key',
          `must be one of: ${STATUS_ENTITY_KEYS.join(', ')}, le_workflow-type-entity-{workflow type id}`,
        );
      }
    },
  },
});

/** GET /follow_up_actions/{type}: the list for an item type (by name or code). */
export async function listFollowUps(
  context: Context,
  spec: ResourceSpec,
  typeSegment: string,
  query: Record<string, unknown>,
): Promise<ListResult> {
  const type = itemTypeOf(typeSegment);
  if (!type) throw notFound('Invalid Endpoint');
  return listRecords(context, spec, { ...query, item_type: String(type.code) }, `/api2/${spec.name}/${typeSegment}`);
}
