/**
 * Notes on any item (client, invoice, product, ...). Daftra creates them at POST /notes/{type}/{id};
 * list, get, edit and delete are the usual routes.
 */
import { notFound, validationError } from '../domain/errors.js';
import { datetime, id, int, json, longText } from '../engine/fields.js';
import type { Context } from '../engine/resource.js';
import { defineResource } from '../engine/resource.js';
import { createRecord, unwrapBody } from '../engine/service.js';
import { staffField, timestamps } from './common.js';
import { itemTypeOf } from './item-types.js';
import { scoped } from '../db/scoped.js';

export const notes = defineResource({
  name: 'notes',
  model: 'Note',
  title: 'Note',
  table: 'notes',
  operations: ['list', 'get', 'edit', 'delete'],
  fields: {
    item_type: int()
      .readOnly()
      .doc('1 client, 2 invoice, 3 estimate, 4 purchase order, 5 staff, 6 supplier, 7 product, 8 work order'),
    item_id: id().readOnly(),
    date: datetime().doc('Now when left out'),
    staff_id: staffField(),
    body: longText().doc('HTML allowed'),
    action_id: id(),
    status_id: id(),
    follow_up_reminder: json().doc(
      'FollowUpReminder: the follow-up the note schedules, as sent (the docs give it no fields)',
    ),
    ...timestamps(),
  },
  // Documented as an object with no fields, beside or inside Note: kept and answered as sent.
  wireObjects: [{ field: 'follow_up_reminder', keys: ['FollowUpReminder'], renderKeys: ['FollowUpReminder'] }],
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['body'],
  hooks: {
    async prepare(context, draft) {
      if (!draft.header['date']) draft.header['date'] = context.now;
    },
  },
});

/** POST /notes/{type}/{id}: the type by name or code; the item must exist in the site. */
export async function createNote(
  context: Context,
  typeSegment: string,
  itemId: number,
  body: unknown,
): Promise<number> {
  const type = itemTypeOf(typeSegment);
  if (!type) throw notFound('Invalid Endpoint');
  if (type.table) {
    let query = scoped(context, type.table).selectFrom().select('id').where('id', '=', itemId);
    if (type.types) query = query.where('type', 'in', type.types);
    if (!(await query.executeTakeFirst()))
      throw validationError({ item_id: `does not exist (no ${type.label} with id ${itemId})` });
  }
  const { header } = unwrapBody(notes, body ?? {});
  // FollowUpReminder may come beside Note, as on an edit.
  const beside =
    body !== null && typeof body === 'object' && !Array.isArray(body) && 'FollowUpReminder' in body
      ? { FollowUpReminder: body.FollowUpReminder }
      : {};
  const noteId = await createRecord(context, notes, { ...beside, Note: header });
  await scoped(context, 'notes')
    .updateTable()
    .set({ item_type: type.code, item_id: itemId })
    .where('id', '=', noteId)
    .execute();
  return noteId;
}
