/**
 * The client attendance log: POST /client-attendance-log/store records a visit (a time, and the
 * client when given).
 */
import { datetime, id, longText } from '../engine/fields.js';
import { defineResource } from '../engine/resource.js';
import { staffField, timestamps } from './common.js';

export const clientAttendance = defineResource({
  name: 'client_attendance_log',
  model: 'ClientAttendance',
  title: 'Client attendance',
  table: 'client_attendance_logs',
  operations: [],
  fields: {
    client_id: id().ref('clients'),
    time: datetime().doc('YYYY-MM-DD HH:MM:SS; now when left out'),
    notes: longText(),
    staff_id: staffField(),
    ...timestamps(),
  },
  hooks: {
    async prepare(context, draft) {
      if (!draft.header['time']) draft.header['time'] = context.now;
    },
  },
});
