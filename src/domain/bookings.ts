/**
 * Bookings of services and staff time. Pure rules: the statuses Daftra documents, which changes are
 * allowed, and the invoice a booking converts to.
 *
 * Example: a booking of product 96 for client 18 on 2025-09-28 10:00–11:00 converts to
 *   {Invoice: {client_id: 18, date: '2025-09-28', source_type: 22, source_id: <booking id>},
 *    InvoiceItem: [{product_id: 96, quantity: 1}]}
 */
export const BOOKING_STATUS = { pending: 0, confirmed: 1, canceled: 3, done: 4 } as const;
/** `source_type` of an invoice made from a booking (source_id is the booking). */
export const INVOICE_SOURCE_BOOKING = 22;

export type BookingProblem = string | null;

/** Why `to` cannot follow `from`, or null. A converted booking is done; a canceled one stays so. */
const STATUSES: readonly number[] = Object.values(BOOKING_STATUS);

export function statusChangeProblem(
  from: number | null | undefined,
  to: number | null,
  converted: boolean,
): BookingProblem {
  if (to === null || !STATUSES.includes(to)) return 'must be 1 (confirmed), 3 (canceled) or 4 (done)';
  if (converted && to !== BOOKING_STATUS.done) return 'the booking was converted to an invoice; it can only be done';
  if (from === BOOKING_STATUS.canceled && to !== BOOKING_STATUS.canceled)
    return 'a canceled booking cannot be reopened';
  return null;
}

export function conversionProblem(status: number, invoiceId: number | null): BookingProblem {
  if (invoiceId) return `the booking was already converted to invoice ${invoiceId}`;
  if (status === BOOKING_STATUS.canceled) return 'a canceled booking cannot be invoiced';
  return null;
}

/** "HH:MM" → minutes since midnight, or null. */
export function minutesOf(time: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export interface BookingLine {
  product_id: unknown;
  item?: unknown;
  description?: unknown;
  quantity?: unknown;
  unit_price?: unknown;
  staff_id?: unknown;
}

/** The invoice body a booking converts to (the invoice rules then price and tax it). */
export function invoiceOfBooking(
  booking: {
    id: number;
    client_id: unknown;
    date: unknown;
    branch_id?: unknown;
    staff_id?: unknown;
    description?: unknown;
  },
  lines: readonly BookingLine[],
) {
  return {
    Invoice: {
      client_id: booking.client_id,
      date: booking.date,
      branch_id: booking.branch_id ?? null,
      staff_id: booking.staff_id ?? null,
      notes: booking.description ?? null,
      source_type: INVOICE_SOURCE_BOOKING,
      source_id: booking.id,
    },
    InvoiceItem: lines.map((line) => ({
      product_id: line.product_id,
      item: line.item ?? null,
      description: line.description ?? null,
      quantity: line.quantity ?? 1,
      ...(line.unit_price !== null && line.unit_price !== undefined ? { unit_price: line.unit_price } : {}),
    })),
  };
}
