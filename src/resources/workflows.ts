/**
 * Daftra's workflows: a site defines workflow types (`workflow_type`), and each type's records are the
 * v2 entity `le_workflow-type-entity-{type id}` (api/v2-entities.ts resolves that name to this
 * declaration scoped to the type). A record has a number (sent as {"code": ...}), a title, a client, a
 * budget (sent as {"number", "currency"}), dates, assignees and tags. Plain storage: no workflow
 * actions run on it.
 */
import { fieldError } from '../domain/errors.js';
import { date, id, int, json, longText, text } from '../engine/fields.js';
import type { ResourceSpec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { parseDec, formatDec } from '../domain/money.js';
import { timestamps } from './common.js';
import { isRecord } from '../guards.js';
import { scoped } from '../db/scoped.js';

export const workflowTypes = defineResource({
  name: 'workflow_types',
  model: 'WorkflowType',
  title: 'Workflow type',
  table: 'workflow_types',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    singular_title: text(255),
    status: int().oneOf([0, 1]).default(1),
    icon: text(255),
    entity_key: text(100).readOnly().doc('le_workflow-type-entity-{id}: the v2 entity of its records'),
    ...timestamps(),
  },
  keywordColumns: ['name'],
  hooks: {
    async afterWrite(context, record) {
      await scoped(context, 'workflow_types')
        .updateTable()
        .set({ entity_key: `le_workflow-type-entity-${record.id}` })
        .where('id', '=', record.id!)
        .execute();
    },
  },
});

/** `{"code": "WF-1", "generated": null}` or a plain string → the number's text. */
function numberText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (isRecord(value)) {
    const code = value['code'];
    return code === null || code === undefined ? null : String(code);
  }
  return String(value);
}

export const workflowRecords = defineResource({
  name: 'workflow_records',
  model: 'WorkflowRecord',
  title: 'Record',
  table: 'workflow_records',
  operations: ALL_OPERATIONS,
  // Daftra's v2 records nest the client as `work_order_client` (workflows are its generalised work orders).
  v2Aliases: { client_id: ['work_order_client'] },
  fields: {
    workflow_type_id: id().ref('workflow_types').doc('Required; set by the entity name on v2'),
    number: json().required().doc('{"code": "WF-0001"} (or the code as text)'),
    title: text(255).required(),
    client_id: id().ref('clients'),
    start_date: date(),
    delivery_date: date(),
    delivery_appointment_id: id(),
    follow_up_status_id: id(),
    budget: json().doc('{"number": 1500, "currency": "SAR"}'),
    budget_currency: text(3),
    status: int().default(1),
    description: longText(),
    assigned_users: json().doc('Staff ids assigned'),
    tags: json(),
    attachments: json(),
    client_data: json(),
    extra_details: json(),
    branch_id: id(),
    staff_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['title', 'description'],
  hooks: {
    async prepare(_context, draft, existing) {
      if (!draft.header['workflow_type_id'] && !existing?.['workflow_type_id'])
        throw fieldError('workflow_type_id', 'is required');
      if (draft.header['number'] !== undefined) {
        const code = numberText(draft.header['number']);
        if (!code || code.length > 255)
          throw fieldError('number', 'must carry a code of at most 255 characters: {"code": "WF-0001"}');
        draft.header['number'] = code;
      }
      const budget = draft.header['budget'];
      if (budget !== undefined && budget !== null) {
        const raw = isRecord(budget) ? budget['number'] : budget;
        const amount =
          raw === null || raw === undefined || raw === ''
            ? null
            : parseDec(typeof raw === 'number' || typeof raw === 'bigint' ? raw : String(raw));
        if (raw !== null && raw !== undefined && raw !== '' && amount === null)
          throw fieldError('budget', 'must be a number or {"number": 1500, "currency": "SAR"}');
        draft.header['budget'] = amount === null ? null : formatDec(amount);
        const currency = typeof budget === 'object' && 'currency' in budget ? budget.currency : undefined;
        if (typeof currency === 'string' && currency) {
          if (!/^[A-Za-z]{3}$/.test(currency)) throw fieldError('budget', 'currency must be a 3-letter ISO code');
          draft.header['budget_currency'] = currency.toUpperCase();
        }
      }
    },
  },
});

/** The records of one workflow type: what `le_workflow-type-entity-{typeId}` serves. */
export function workflowRecordsOf(typeId: number): ResourceSpec {
  return { ...workflowRecords, scope: { column: 'workflow_type_id', values: [typeId], createDefault: typeId } };
}

export const WORKFLOW_ENTITY = /^le_workflow-type-entity-(\d{1,9})$/;
