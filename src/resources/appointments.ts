/**
 * Client, invoice, estimate and work-order appointments: one shape (Daftra's AppointmentBase), one
 * table, each resource bound to its item type. `item_id` must name an item of that type in the site.
 */
import { validationError } from '../domain/errors.js';
import { bool, datetime, id, int, longText } from '../engine/fields.js';
import type { ResourceSpec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { staffField, timestamps } from './common.js';
import { ITEM_TYPES, type ItemType } from './item-types.js';
import { scoped } from '../db/scoped.js';

function appointmentResource(name: string, model: string, title: string, kind: ItemType): ResourceSpec {
  return defineResource({
    name,
    model,
    // The docs' Add New Client Appointment body is {"FollowUpReminder": {...}}.
    inputModels: ['FollowUpReminder'],
    title,
    table: 'appointments',
    operations: ALL_OPERATIONS,
    scope: { column: 'item_type', values: [kind.code], createDefault: kind.code },
    fields: {
      item_id: id().required().doc(`Id of the ${kind.label}`),
      item_type: int().readOnly().doc('1 client, 2 invoice, 3 estimate, 8 work order'),
      staff_id: staffField(),
      date: datetime().required(),
      end_date: datetime(),
      body: longText(),
      action_id: id().doc('Follow-up action'),
      status: int().oneOf([0, 1, 2]).default(0).doc('0 scheduled, 1 done, 2 dismissed'),
      recurring: bool().default(0),
      partner_type: int(),
      partner_id: id(),
      share_with_partner: bool().default(0),
      post_id: id().doc('The note (post) the appointment came from'),
      status_date: datetime().doc('When the status last changed'),
      recurring_appointment_id: id().readOnly().doc('The first appointment of a recurring series'),
      ...timestamps(),
    },
    defaultOrder: [
      ['date', 'desc'],
      ['id', 'desc'],
    ],
    keywordColumns: ['body'],
    hooks: {
      async prepare(context, draft) {
        const appointment = draft.header;
        let query = scoped(context, kind.table!).selectFrom().select('id').where('id', '=', appointment.item_id);
        if (kind.types) query = query.where('type', 'in', kind.types);
        if (!(await query.executeTakeFirst()))
          throw validationError({ item_id: `does not exist (no ${kind.label} with id ${appointment['item_id']})` });
        if (appointment['end_date'] && appointment.end_date < appointment.date) {
          throw validationError({ end_date: 'must not be before date' });
        }
        appointment['item_type'] = kind.code;
      },
    },
  });
}

export const clientAppointments = appointmentResource(
  'client_appointments',
  'ClientAppointment',
  'Client appointment',
  ITEM_TYPES['client']!,
);
export const invoiceAppointments = appointmentResource(
  'invoice_appointments',
  'InvoiceAppointment',
  'Invoice appointment',
  ITEM_TYPES['invoice']!,
);
export const estimateAppointments = appointmentResource(
  'estimate_appointments',
  'EstimateAppointment',
  'Estimate appointment',
  ITEM_TYPES['estimate']!,
);
export const workOrderAppointments = appointmentResource(
  'work_order_appointments',
  'WorkOrderAppointment',
  'Work order appointment',
  ITEM_TYPES['work_order']!,
);
