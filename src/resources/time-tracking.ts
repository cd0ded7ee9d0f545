/**
 * Time tracking: `time` as H:MM, rendered with `time_formatted`; `cost` is the hours times the staff
 * member's hourly rate where one is known.
 */
import { validationError } from '../domain/errors.js';
import { type Dec, currencyDecimals, divRound, fromStored, roundTo } from '../domain/money.js';
import { date, decimal, id, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { staffField, timestamps, today } from './common.js';
import { scoped } from '../db/scoped.js';

const TIME_TEXT = /^(\d{1,3}):([0-5]\d)$/;

export function minutesOf(time: string): number | null {
  const match = TIME_TEXT.exec(time.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export const timeTracking = defineResource({
  name: 'time_tracking',
  model: 'TimeTracking',
  title: 'Time tracking',
  table: 'time_trackings',
  operations: ALL_OPERATIONS,
  fields: {
    staff_id: staffField().required(),
    user_id: id().doc('The user who logged the time, as sent'),
    project_id: id(),
    activity_id: id(),
    date: date().doc('Today when left out'),
    time: text(8).required().doc('Duration as H:MM, e.g. 1:30'),
    notes: longText(),
    work_order_id: id().ref('work_orders'),
    cost: decimal().readOnly().doc('Hours × the staff hourly rate, where one is set'),
    currency: text(5).readOnly(),
    ...timestamps(),
  },
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['notes'],
  hooks: {
    async prepare(context, draft) {
      const entry = draft.header;
      const minutes = minutesOf(String(entry['time']));
      if (minutes === null) throw validationError({ time: 'must be a duration as H:MM (e.g. 1:30)' });
      if (!entry['date']) entry['date'] = today(context);
      const staff = await scoped(context, 'staff')
        .selectFrom()
        .select(['hourly_rate', 'hourly_rate_currency_code'])
        .where('id', '=', entry.staff_id)
        .executeTakeFirst();
      const rate =
        staff?.['hourly_rate'] === null || staff?.['hourly_rate'] === undefined
          ? null
          : fromStored(staff['hourly_rate']);
      const currency = String(staff?.['hourly_rate_currency_code'] || context.site.currency_code);
      entry['currency'] = currency;
      // cost = rate × minutes / 60, rounded to the currency at the end.
      entry['cost'] =
        rate === null ? null : roundTo(divRound(rate * BigInt(minutes), 60n) as Dec, currencyDecimals(currency));
    },
    async related(_context, records, wire) {
      records.forEach((record, index) => {
        const minutes = minutesOf(String(record.time ?? '')) ?? 0;
        const hours = Math.floor(minutes / 60);
        const rest = minutes % 60;
        wire[index]!['time_formatted'] = {
          hours: String(hours),
          minutes: String(rest),
          seconds: '0',
          string: `${hours}:${String(rest).padStart(2, '0')}`,
        };
      });
    },
  },
});
