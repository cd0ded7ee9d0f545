/**
 * Bookings (Daftra's v1 Booking group; v2 entity `booking`): a client books services (products) and
 * staff time on a day, from start_time to end_time. Sent in Daftra's invoice shape ({"Invoice":
 * {..}, "InvoiceItem": [..]}). change_status confirms, cancels or completes it; convert_to_invoice
 * makes an invoice of its lines (priced and taxed by the invoice rules, so it posts and moves stock
 * as any invoice) and links both ways: booking.invoice_id, invoice.source_type 22 / source_id.
 * Rules: domain/bookings.ts.
 */
import { DaftarError, fieldError, validationError } from '../domain/errors.js';
import {
  BOOKING_STATUS,
  conversionProblem,
  invoiceOfBooking,
  minutesOf,
  statusChangeProblem,
} from '../domain/bookings.js';
import { bool, date, decimal, id, int, longText, text } from '../engine/fields.js';
import type { Context } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { createRecord, getOne } from '../engine/service.js';
import { formatDec, fromStored } from '../domain/money.js';
import { dayBound, timestamps, today } from './common.js';
import { invoices } from './sales-documents.js';
import { scoped } from '../db/scoped.js';

export const BOOKING_LINES_MAX = 100;

export const bookings = defineResource({
  name: 'bookings',
  model: 'Booking',
  inputModels: ['Invoice'],
  title: 'Booking',
  table: 'bookings',
  operations: ALL_OPERATIONS,
  fields: {
    client_id: id().required().ref('clients'),
    staff_id: id().doc('Staff member booked'),
    date: date().doc('Today when left out'),
    start_time: text(8).doc('HH:MM'),
    end_time: text(8).doc('HH:MM, after start_time'),
    description: longText(),
    status: int()
      .oneOf(Object.values(BOOKING_STATUS))
      .default(BOOKING_STATUS.pending)
      .doc('0 pending, 1 confirmed, 3 canceled, 4 done'),
    converted: bool().default(0).doc('1 once converted to an invoice'),
    invoice_id: id().readOnly().doc('The invoice it was converted to'),
    branch_id: id(),
    ...timestamps(),
  },
  children: [
    {
      key: 'BookingItem',
      inputKeys: ['InvoiceItem'],
      table: 'booking_items',
      foreignKey: 'booking_id',
      writable: true,
      countMax: BOOKING_LINES_MAX,
      inLists: true,
      fields: {
        booking_id: id(),
        product_id: id().required().ref('products').doc('The service booked'),
        item: text(255),
        description: longText(),
        quantity: decimal().default(1_000_000n),
        unit_price: decimal().nonNegative().doc("The product's price when left out"),
        staff_id: id(),
      },
    },
  ],
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  filters: { date_from: dayBound('date', '>='), date_to: dayBound('date', '<=') },
  keywordColumns: ['description'],
  hooks: {
    async prepare(context, draft, existing) {
      const header = draft.header;
      // Daftra's add form sends converted: 1 for a new booking; conversion is what sets it here.
      if (!existing) header.converted = 0;
      else delete header.converted;
      if (!header.date && !existing?.['date']) header.date = today(context);
      const start = String(header.start_time ?? existing?.['start_time'] ?? '');
      const end = String(header.end_time ?? existing?.['end_time'] ?? '');
      for (const [name, value] of [
        ['start_time', start],
        ['end_time', end],
      ] as const) {
        if (value && minutesOf(value) === null) throw fieldError(name, 'must be a time of day, HH:MM');
      }
      if (start && end && minutesOf(end)! <= minutesOf(start)!)
        throw fieldError('end_time', 'must be after start_time');
      if (!existing && (draft.children['BookingItem'] ?? []).length === 0)
        throw validationError({ InvoiceItem: 'at least one service is required' });
      if (existing && header.status !== undefined && header.status !== existing.status) {
        const problem = statusChangeProblem(existing.status, header.status, Number(existing.converted) === 1);
        if (problem) throw fieldError('status', problem);
      }
    },
    async beforeDelete(_context, record) {
      if (record.invoice_id)
        throw new DaftarError(
          'DAFTAR_ERR_HAS_TRANSACTIONS',
          "Can't delete item. The booking was converted to an invoice; delete the invoice first.",
        );
    },
  },
});

/** GET /api2/bookings/change_status/{id}/{status}. */
export async function changeBookingStatus(context: Context, bookingId: number, status: number): Promise<void> {
  const booking = await getOne(context, bookings, bookingId);
  const problem = statusChangeProblem(Number(booking['status']), status, Number(booking['converted']) === 1);
  if (problem) throw fieldError('status', problem);
  await scoped(context, 'bookings')
    .updateTable()
    .set({ status, modified: context.now })
    .where('id', '=', bookingId)
    .execute();
}

/** GET /api2/bookings/convert_to_invoice/{id}: the new invoice's id. */
export async function convertBookingToInvoice(context: Context, bookingId: number): Promise<number> {
  const booking = await getOne(context, bookings, bookingId);
  const problem = conversionProblem(
    Number(booking['status']),
    booking['invoice_id'] ? Number(booking['invoice_id']) : null,
  );
  if (problem) throw new DaftarError('DAFTAR_ERR_VALIDATION', problem, { id: problem });
  const lines = await scoped(context, 'booking_items')
    .selectFrom()
    .selectAll()
    .where('booking_id', '=', bookingId)
    .orderBy('id')
    .execute();
  const money = (value: unknown) => (value === null || value === undefined ? null : formatDec(fromStored(value)));
  const body = invoiceOfBooking(
    {
      id: bookingId,
      client_id: booking['client_id'],
      date: booking['date'],
      branch_id: booking['branch_id'],
      staff_id: booking['staff_id'],
      description: booking['description'],
    },
    lines.map((line) => ({
      product_id: line.product_id,
      item: line.item,
      description: line.description,
      quantity: money(line.quantity),
      unit_price: money(line.unit_price),
    })),
  );
  const invoiceId = await createRecord(context, invoices, body);
  await scoped(context, 'bookings')
    .updateTable()
    .set({ invoice_id: invoiceId, converted: 1, status: BOOKING_STATUS.done, modified: context.now })
    .where('id', '=', bookingId)
    .execute();
  return invoiceId;
}
