/**
 * Payments to the supplier of a purchase invoice (Daftra's `PurchaseOrderPayment`), written with the
 * purchase invoice as its `PurchaseOrderPayment` list and answered inside it. A completed payment pays
 * the supplier out of a treasury (Dr supplier, Cr treasury: domain/posting/purchases.ts `supplierPaymentLines`) and counts
 * toward the purchase invoice's `summary_paid`, `summary_unpaid` and `payment_status`, as an invoice's
 * payments do.
 */
import { exactSums, readSum } from '../db/exact-sum.js';
import { postJournal, removeJournal } from '../domain/books.js';
import { fieldError, validationError } from '../domain/errors.js';
import { ZERO, roundAmount, toStored } from '../domain/money.js';
import { supplierPaymentLines } from '../domain/posting/purchases.js';
import { PAYMENT_RECORD_STATUS, paymentStatusOf, unpaidOf } from '../domain/payments.js';
import { id } from '../engine/fields.js';
import type { ChildSpec, Context, Rec } from '../engine/resource.js';
import { primaryId } from './common.js';
import { paymentFields } from './invoice-payments.js';
import { rateOf } from './sales-postings.js';
import { scoped } from '../db/scoped.js';

export const PURCHASE_PAYMENT_KEY = 'PurchaseOrderPayment';
const PAYMENTS_MAX = 100;

function purchasePaymentFields() {
  const { invoice_id: _invoice, client_id: _client, client_payment_id: _allocation, ...payment } = paymentFields();
  return {
    purchase_order_id: id().doc('The purchase invoice paid'),
    ...payment,
  };
}

export const purchasePaymentsChild = (): ChildSpec => ({
  key: PURCHASE_PAYMENT_KEY,
  inputKeys: ['PurchaseInvoicePayment'],
  table: 'purchase_order_payments',
  foreignKey: 'purchase_order_id',
  fields: purchasePaymentFields(),
  writable: true,
  countMax: PAYMENTS_MAX,
});

/** Fills what a payment may leave out, from its purchase invoice and the site; a draft takes none. */
export async function completePurchasePayments(context: Context, document: Rec, payments: Rec[]): Promise<void> {
  if (payments.length > 0 && document['draft'] === 1) {
    throw validationError({
      [PURCHASE_PAYMENT_KEY]: 'cannot be sent: the purchase invoice is a draft; issue it (draft 0) before paying it',
    });
  }
  for (const [index, payment] of payments.entries()) {
    const amount = payment['amount'];
    if (typeof amount === 'bigint' && amount < ZERO)
      throw fieldError(`${PURCHASE_PAYMENT_KEY}.${index}.amount`, 'must not be negative');
    const treasuryId = payment['treasury_id'];
    if (typeof treasuryId !== 'number' || treasuryId <= 0)
      payment['treasury_id'] = await primaryId(context, 'treasuries');
    // In the purchase invoice's currency, posted at its rate (as an invoice payment).
    if (!payment['currency_code']) payment['currency_code'] = document['currency_code'] ?? context.site.currency_code;
    if (typeof amount === 'bigint') payment['amount'] = roundAmount(amount, String(payment['currency_code']));
    if (!payment['date']) payment['date'] = context.now;
    payment['currency_rate'] = rateOf(document);
    const staffId = payment['staff_id'];
    if (typeof staffId !== 'number' || staffId < 0) payment['staff_id'] = context.staffId;
  }
}

/** Removes the journals of a purchase invoice's stored payments (before they are replaced or deleted). */
export async function removePurchasePaymentJournals(context: Context, purchaseOrderId: number): Promise<void> {
  const rows = await scoped(context, 'purchase_order_payments')
    .selectFrom()
    .select('id')
    .where('purchase_order_id', '=', purchaseOrderId)
    .execute();
  for (const row of rows) await removeJournal(context, 'purchase_order_payment', Number(row['id']));
}

/** The journal of one payment to the supplier: completed ones only. */
export async function postPurchasePayment(context: Context, payment: Rec, supplierId: number): Promise<void> {
  const paymentId = payment.id!;
  const treasuryId = payment['treasury_id'];
  const amount = payment['amount'];
  if (
    payment['status'] !== PAYMENT_RECORD_STATUS.completed ||
    typeof treasuryId !== 'number' ||
    treasuryId <= 0 ||
    typeof amount !== 'bigint'
  ) {
    await removeJournal(context, 'purchase_order_payment', paymentId);
    return;
  }
  await postJournal(context, {
    entityType: 'purchase_order_payment',
    entityId: paymentId,
    date: String(payment['date']).slice(0, 10),
    rate: rateOf(payment),
    currencyCode: String(payment['currency_code'] ?? context.site.currency_code),
    description: `supplier payment #${paymentId} (${payment['payment_method']})`,
    lines: supplierPaymentLines({ treasuryId, supplierId, amount }),
  });
}

/** Recomputes summary_paid, summary_unpaid and payment_status of a purchase invoice from its completed payments. */
export async function refreshPurchasePayments(context: Context, document: Rec): Promise<void> {
  const row = await exactSums(context.dialect, (sums) =>
    scoped(context, 'purchase_order_payments')
      .selectFrom()
      .select((eb) => sums(eb.ref('amount'), 'paid'))
      .where('purchase_order_id', '=', document.id!)
      .where('status', '=', PAYMENT_RECORD_STATUS.completed)
      .executeTakeFirst(),
  );
  const total = document['summary_total'];
  const state = {
    draft: document['draft'] === 1,
    total: typeof total === 'bigint' ? total : ZERO,
    paid: readSum(row, 'paid'),
    refunded: ZERO,
  };
  const status = paymentStatusOf(state);
  document['summary_paid'] = state.paid;
  document['summary_unpaid'] = unpaidOf(state);
  document['payment_status'] = status;
  await scoped(context, 'purchase_orders')
    .updateTable()
    .set({
      summary_paid: toStored(state.paid),
      summary_unpaid: toStored(unpaidOf(state)),
      payment_status: status,
    })
    .where('id', '=', document.id!)
    .execute();
}
