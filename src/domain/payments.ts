/**
 * A sales document's paid and unpaid sums and its payment_status, derived from its payments (an
 * invoice's payments, an estimate's deposits, the money a credit note or refund receipt paid back). Called in the
 * same transaction as every write that can change them (payment create/edit/delete, invoice edit).
 */
import { defer } from '../db/trips.js';
import { type Dec, ZERO, fromStored, toStored } from './money.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { lockRow } from './locks.js';
import { createdHere } from '../db/write-ledger.js';
import type { Context } from './context.js';
import { scoped } from '../db/scoped.js';

export const PAYMENT_STATUS = { draft: -1, unpaid: 0, partial: 1, paid: 2, refunded: 3, overpaid: 4 } as const;

/** Payment `status` values: only completed payments count toward what was paid. */
export const PAYMENT_RECORD_STATUS = { failed: 0, completed: 1, pending: 2, notCompleted: 3 } as const;

export interface PaymentState {
  draft: boolean;
  total: Dec;
  paid: Dec;
  /** Refunded through credit notes and refund receipts. */
  refunded: Dec;
}

/**
 * @example paymentStatusOf({ draft: false, total: 100, paid: 40, refunded: 0 }) → 1 (partial)
 */
export function paymentStatusOf(state: PaymentState): number {
  if (state.draft) return PAYMENT_STATUS.draft;
  if (state.refunded > ZERO && state.refunded >= state.total) return PAYMENT_STATUS.refunded;
  if (state.paid > state.total) return PAYMENT_STATUS.overpaid;
  if (state.paid === state.total) return PAYMENT_STATUS.paid;
  if (state.paid > ZERO) return PAYMENT_STATUS.partial;
  return PAYMENT_STATUS.unpaid;
}

/** What is still owed: total − paid − refunded, never below zero (an overpaid invoice owes nothing). */
export function unpaidOf(state: PaymentState): Dec {
  const unpaid = state.total - state.paid - state.refunded;
  return unpaid > ZERO ? unpaid : ZERO;
}

const REFUND_RECEIPT_TYPE = 6;
/** The resource and event names of the sales documents that are not invoices, by type. */
const OWNER_OF_TYPE: Record<number, { event: string; resource: string }> = {
  3: { event: 'estimate', resource: 'estimates' },
  5: { event: 'credit_note', resource: 'credit_notes' },
  6: { event: 'refund_receipt', resource: 'refund_receipts' },
};

/** Whether a sales document has payments of its own (not allocations of client payments). */
export async function hasPaymentsOfItsOwn(context: Context, invoiceId: number): Promise<boolean> {
  const row = await scoped(context, 'invoice_payments')
    .selectFrom()
    .select('id')
    .where('invoice_id', '=', invoiceId)
    .where('client_payment_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sum of an invoice's completed payments. */
export async function completedPaymentsOf(context: Context, invoiceId: number): Promise<Dec> {
  const row = await exactSums(context.dialect, (sums) =>
    scoped(context, 'invoice_payments')
      .selectFrom()
      .select((eb) => sums(eb.ref('amount'), 'paid'))
      .where('invoice_id', '=', invoiceId)
      .where('status', '=', PAYMENT_RECORD_STATUS.completed)
      .executeTakeFirst(),
  );
  return readSum(row, 'paid');
}

/** Sum of the advance payments applied to an invoice (docs/accounting.md "Advance payments"): they pay it too. */
export async function advancesAppliedTo(context: Context, invoiceId: number): Promise<Dec> {
  const row = await scoped(context, 'advance_applications')
    .selectFrom()
    .select((eb) => eb.fn.sum<string | number | null>('amount').as('applied'))
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst();
  return row?.applied === null || row?.applied === undefined ? ZERO : fromStored(row.applied);
}

/**
 * The invoice's stored sums; on PostgreSQL with its completed payments and applied advances summed in
 * the same statement (SUM of bigint is an exact numeric there), read after the row lock was taken, so
 * in a snapshot that sees every payment committed before. SQLite sums them apart (db/exact-sum.ts
 * guards its 64-bit SUM).
 */
async function readInvoiceAndSums(context: Context, invoiceId: number): Promise<Record<string, unknown> | undefined> {
  const query = scoped(context, 'invoices')
    .selectFrom()
    .select(['type', 'draft', 'summary_total', 'summary_refund', 'summary_paid', 'summary_unpaid', 'payment_status'])
    .where('id', '=', invoiceId);
  if (context.dialect !== 'postgres') return query.executeTakeFirst();
  return query
    .select((eb) => [
      eb
        .selectFrom('invoice_payments')
        .select((inner) => inner.fn.sum('amount').as('s'))
        .where('site_id', '=', context.siteId)
        .where('invoice_id', '=', invoiceId)
        .where('status', '=', PAYMENT_RECORD_STATUS.completed)
        .as('paid'),
      eb
        .selectFrom('advance_applications')
        .select((inner) => inner.fn.sum('amount').as('s'))
        .where('site_id', '=', context.siteId)
        .where('invoice_id', '=', invoiceId)
        .as('applied'),
    ])
    .executeTakeFirst();
}

/** Recomputes and stores summary_paid, summary_unpaid and payment_status of one invoice. */
export async function refreshInvoicePayments(context: Context, invoiceId: number): Promise<void> {
  // An invoice this write inserted is seen by no one else until it commits: no lock to take.
  if (!createdHere(context, 'invoices', invoiceId)) await lockRow(context, 'invoices', invoiceId);
  const invoice = await readInvoiceAndSums(context, invoiceId);
  if (!invoice) return;
  const total = fromStored(invoice['summary_total']);
  const state: PaymentState = {
    draft: Number(invoice['draft']) === 1,
    total,
    // A refund receipt with no payments of its own was paid out of the primary treasury by its journal.
    paid:
      Number(invoice['type']) === REFUND_RECEIPT_TYPE && !(await hasPaymentsOfItsOwn(context, invoiceId))
        ? total
        : context.dialect === 'postgres'
          ? fromStored(invoice['paid'] ?? 0) + fromStored(invoice['applied'] ?? 0)
          : (await completedPaymentsOf(context, invoiceId)) + (await advancesAppliedTo(context, invoiceId)),
    refunded: fromStored(invoice['summary_refund']),
  };
  const status = paymentStatusOf(state);
  const stored = (value: unknown) => (value === null || value === undefined ? null : fromStored(value));
  // Nothing to write when the stored sums are already these (a new invoice without payments).
  const unchanged =
    stored(invoice['summary_paid']) === state.paid &&
    stored(invoice['summary_unpaid']) === unpaidOf(state) &&
    invoice['payment_status'] !== null &&
    Number(invoice['payment_status']) === status;
  if (!unchanged) {
    // Nothing waits for it: on PostgreSQL it travels with the next statement (db/trips.ts).
    await defer(
      context.db,
      context.dialect,
      scoped(context, 'invoices')
        .updateTable()
        .set({
          summary_paid: toStored(state.paid),
          summary_unpaid: toStored(unpaidOf(state)),
          payment_status: status,
        })
        .where('id', '=', invoiceId),
    );
  }
  // Webhooks: a payment changes its document too (engine/changes.ts): an invoice, or an estimate's
  // deposits, or the money a credit note or refund receipt paid back.
  const owner = OWNER_OF_TYPE[Number(invoice['type'])] ?? { event: 'invoice', resource: 'invoices' };
  if (fromStored(invoice['summary_paid'] ?? 0) !== state.paid || Number(invoice['payment_status']) !== status)
    context.changes?.derived(`${owner.event}.updated`, owner.resource, invoiceId);
  if (
    owner.resource === 'invoices' &&
    status === PAYMENT_STATUS.paid &&
    Number(invoice['payment_status']) !== PAYMENT_STATUS.paid
  )
    context.changes?.derived('invoice.paid', 'invoices', invoiceId);
}
