/**
 * Daftra's v2 HR entities: leave applications and attendance logs of staff. Plain storage with the
 * checks a payroll would rely on: a leave runs forward in time (date_to on or after date_from) and its
 * days are positive; an attendance log names its staff member and time.
 */
import { fieldError } from '../domain/errors.js';
import { date, datetime, decimal, id, int, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { ZERO } from '../domain/money.js';
import { dayBound, timestamps } from './common.js';

export const leaveApplications = defineResource({
  name: 'leave_applications',
  model: 'LeaveApplication',
  title: 'Leave application',
  table: 'leave_applications',
  operations: ALL_OPERATIONS,
  fields: {
    staff_id: id().required().doc('The staff member on leave'),
    days: decimal().required().doc('Working days of leave, e.g. 2 or 0.5'),
    date_from: date().required(),
    date_to: date().required(),
    type: text(50).doc('Leave kind as Daftra names it (leave, delay, early)'),
    leave_type_id: id(),
    late_time: text(20),
    early_time: text(20),
    description: longText(),
    attachments: longText(),
    status: text(20).oneOf(['pending', 'approved', 'rejected']).default('pending'),
    branch_id: id(),
    ...timestamps(),
  },
  filters: { date_from: dayBound('date_from', '>='), date_to: dayBound('date_to', '<=') },
  keywordColumns: ['description', 'type'],
  hooks: {
    async prepare(_context, draft, existing) {
      const from = String(draft.header['date_from'] ?? existing?.['date_from'] ?? '');
      const to = String(draft.header['date_to'] ?? existing?.['date_to'] ?? '');
      if (from && to && to < from) throw fieldError('date_to', 'must be on or after date_from');
      const days = draft.header['days'];
      if (typeof days === 'bigint' && days <= ZERO) throw fieldError('days', 'must be greater than 0');
    },
  },
});

export const attendanceLogs = defineResource({
  name: 'attendance_logs',
  model: 'AttendanceLog',
  title: 'Attendance log',
  table: 'attendance_logs',
  operations: ALL_OPERATIONS,
  fields: {
    staff_id: id().required(),
    time: datetime().required().doc('When the staff member signed, YYYY-MM-DD HH:MM:SS'),
    status: text(50).doc('sign_in, sign_out, ...'),
    session_id: int(),
    source_id: int(),
    source_method: text(50),
    source_name: text(255),
    source_type: text(50),
    branch_id: id(),
    ...timestamps(),
  },
  defaultOrder: [
    ['time', 'desc'],
    ['id', 'desc'],
  ],
  filters: { date_from: dayBound('time', '>='), date_to: dayBound('time', '<=') },
});
