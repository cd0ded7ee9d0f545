import { fieldError } from '../domain/errors.js';
import { settleNumber } from '../domain/numbering.js';
import { date, decimal, id, int, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { staffField, timestamps } from './common.js';

export const workOrders = defineResource({
  name: 'work_orders',
  model: 'WorkOrder',
  title: 'Work order',
  table: 'work_orders',
  operations: ALL_OPERATIONS,
  fields: {
    client_id: id().ref('clients'),
    number: text(255).doc('Generated when left out'),
    title: text(255).required(),
    start_date: date().required(),
    description: longText(),
    delivery_date: date(),
    budget: decimal().nonNegative(),
    budget_currency: text(3),
    status: int().oneOf([1, 2, 3, 4]).default(1).doc('1 open, 2 closed, 3 cancelled, 4 draft'),
    follow_up_status_id: id(),
    delivery_appointment_id: id().doc('The appointment the work is delivered at'),
    staff_id: staffField(),
    ...timestamps(),
  },
  keywordColumns: ['title', 'number', 'description'],
  hooks: {
    async prepare(context, draft, existing) {
      const order = draft.header;
      if (order['delivery_date'] && order.delivery_date < order.start_date) {
        throw fieldError('delivery_date', 'must not be before start_date');
      }
      order.number = await settleNumber(
        context,
        {
          table: 'work_orders',
          column: 'number',
          sequence: 'work_order',
          takenProblem: () => 'is already used by another work order',
        },
        order.number,
        existing?.id,
      );
      if (!order['budget_currency']) order['budget_currency'] = context.site.currency_code;
    },
  },
});
