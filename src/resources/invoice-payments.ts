/**
 * Invoice payments, exactly as Daftra's "Add New Invoice Payment" documents them: every field, every
 * length limit; only completed payments (status 1) count toward the invoice's paid sum.
 */
import { DaftarError, fieldError } from '../domain/errors.js';
import { ZERO, roundAmount } from '../domain/money.js';
import { lockInvoices } from '../domain/locks.js';
import { PAYMENT_RECORD_STATUS, refreshInvoicePayments } from '../domain/payments.js';
import { type RecordOf, bool, datetime, decimal, id, int, longText, text } from '../engine/fields.js';
import type { Context, Rec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { payerFields, primaryId, textOf, timestamps } from './common.js';
import { removeJournal } from '../domain/books.js';
import { postPayment, rateOf } from './sales-postings.js';
import { documentKind, typesWhere } from '../domain/document-kinds.js';
import { scoped } from '../db/scoped.js';

/** Fields of a payment, as a standalone InvoicePayment and as an invoice's embedded Payment. */
export const paymentFields = () => ({
  invoice_id: id().required().ref('invoices').doc('Invoice id (from GET /invoices)'),
  payment_method: text(100).required().doc('Method of payment, a slug such as cash, bank_transfer, credit_card'),
  amount: decimal().required().doc('Amount paid, greater than zero'),
  transaction_id: text(100).doc('Visual identifier of the process'),
  // The docs' own examples send negative ids here (generated sample data): an id of 0 or less names
  // nothing and counts as left out.
  treasury_id: int()
    .ref('treasuries')
    .doc('Treasury the money went into; the primary treasury when left out (or 0 or less)'),
  date: datetime().doc('Date of the payment; now when left out'),
  email: text(255),
  status: int()
    .oneOf([0, 1, 2, 3])
    .default(PAYMENT_RECORD_STATUS.completed)
    .doc('0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid'),
  notes: longText(),
  response_code: text(255).doc('Response code of the payment gateway'),
  response_message: longText(),
  currency_code: text(3).doc('ISO 4217; the invoice currency when left out'),
  currency_rate: decimal()
    .readOnly()
    .doc("The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency)"),
  ...payerFields(10),
  attachment: text(255).doc('Link to an attachment'),
  staff_id: int().doc('Staff user who recorded it; 0 is the site owner; the caller when left out (or negative)'),
  receipt_notes: longText(),
  // Kept as sent, as Daftra's payment records carry them (the advance payment example of the docs).
  added_by: int().doc('Staff user who added it, as Daftra records it (0 the owner)'),
  is_paid: bool().doc('1 when the gateway reported the money received'),
  extra_details: longText().doc('Gateway details, kept as sent'),
  payment_work_order_id: id().doc('The work order the payment is for'),
  pos_shift_id: id().doc('The POS shift it was taken in'),
  branch_id: id(),
  client_id: id().readOnly().ref('clients').doc("The invoice's client"),
  client_payment_id: id()
    .readOnly()
    .doc('The client payment it is allocated from, if any: such a payment changes only through its client payment'),
  ...timestamps(),
});

/** An invoice payment in memory (also an invoice's embedded payment and a client payment's allocation). */
export type Payment = RecordOf<ReturnType<typeof paymentFields>>;

/** Sales document types that can be paid: invoices, debit notes and advance payments. */
export const PAYABLE_TYPES: ReadonlySet<number> = new Set(typesWhere('invoices', (kind) => kind.payable));
/** The Daftra model of a document whose payments are money paid back (written with the document). */
const MODEL_OF_RETURN: Record<number, string> = { 5: 'CreditNote', 6: 'RefundReceipt' };

/**
 * Why a sales document cannot be what a client payment is allocated to, or null when it can: only
 * issued invoices are owed (an estimate owes nothing yet, a credit note or refund receipt returns
 * money, a draft is not issued).
 */
export function unpayableReason(document: Record<string, unknown>): string | null {
  const type = Number(document['type']);
  if (!PAYABLE_TYPES.has(type))
    return `must be an invoice: ${documentKind('invoices', type)?.article ?? `a document of type ${type}`} takes no payments`;
  return documentUnpayableReason(document);
}

/**
 * Why a sales document cannot carry payments of its own, or null when it can: every issued document
 * can (an invoice its payments, an estimate deposits, a credit note or refund receipt the money paid
 * back, docs/accounting.md); a draft is not issued.
 */
export function documentUnpayableReason(document: Record<string, unknown>): string | null {
  if (Number(document['draft']) === 1) return 'is a draft invoice: issue it (draft 0) before paying it';
  return null;
}

/**
 * Money paid back on a credit note or refund receipt is written with the document (its InvoicePayment
 * list), never through /invoice_payments: a refund receipt's journal says where its money came from by
 * its payments, so the two change together.
 */
function articleOf(type: number): string {
  return documentKind('invoices', type)?.article ?? `a document of type ${type}`;
}

function refuseReturnPayment(document: Record<string, unknown>, field: string): void {
  const model = MODEL_OF_RETURN[Number(document['type'])];
  if (!model) return;
  const message = `is ${articleOf(Number(document['type']))}: its payments are written with it (the ${model}'s InvoicePayment list), not here`;
  if (field === '')
    throw new DaftarError(
      'DAFTAR_ERR_FORBIDDEN',
      `This payment belongs to ${articleOf(Number(document['type']))}; change it through the ${model}'s InvoicePayment list`,
    );
  throw fieldError(field, message);
}

/** Fills what a payment may leave out, from its invoice and the site. */
export async function completePayment(context: Context, payment: Payment, invoice: Rec, field = ''): Promise<void> {
  if (payment.amount !== null && payment.amount < ZERO) {
    throw fieldError(`${field}amount`, 'must not be negative');
  }
  if (!payment.treasury_id || payment.treasury_id < 0) payment.treasury_id = await primaryId(context, 'treasuries');
  // The amount counts toward the invoice's paid sum, so it is in the invoice's currency and posts at
  // its rate, whatever currency_code says (Daftra's own example sends "str"); money in another
  // currency is a client payment allocated to the invoice, converted at both rates.
  if (!payment.currency_code) payment.currency_code = textOf(invoice['currency_code']) ?? context.site.currency_code;
  if (payment.amount !== null && payment.amount !== undefined)
    payment.amount = roundAmount(payment.amount, payment.currency_code);
  if (!payment.date) payment.date = context.now;
  payment.currency_rate = rateOf(invoice);
  if (payment.staff_id === undefined || payment.staff_id === null || payment.staff_id < 0)
    payment.staff_id = context.staffId;
  payment.client_id =
    invoice['client_id'] === null || invoice['client_id'] === undefined ? null : Number(invoice['client_id']);
}

/** An allocation of a client payment is the client payment's: it changes and goes only through it. */
function refuseAllocation(record: Rec): void {
  if (record.client_payment_id) {
    throw new DaftarError(
      'DAFTAR_ERR_FORBIDDEN',
      `This payment is allocated from client payment #${record.client_payment_id}; change its allocations through the client payment`,
    );
  }
}

async function invoiceOf(context: Context, invoiceId: number): Promise<Rec> {
  const row = await scoped(context, 'invoices').selectFrom().selectAll().where('id', '=', invoiceId).executeTakeFirst();
  if (!row) throw fieldError('invoice_id', `does not exist (no invoice with id ${invoiceId})`);
  return row;
}

export const invoicePayments = defineResource({
  name: 'invoice_payments',
  model: 'InvoicePayment',
  title: 'Payment',
  deleteMessage: 'Payment has been deleted',
  table: 'invoice_payments',
  operations: ALL_OPERATIONS,
  fields: paymentFields(),
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['transaction_id', 'payment_method', 'notes', 'first_name', 'last_name', 'email'],
  hooks: {
    async prepare(context, draft, existing) {
      if (existing) refuseAllocation(existing);
      // The invoice before the payment (locks.ts): an invoice edit that replaces its payments locks the same way.
      await lockInvoices(context, [draft.header.invoice_id, existing?.['invoice_id']]);
      if (existing) refuseReturnPayment(await invoiceOf(context, existing.invoice_id), '');
      const invoice = await invoiceOf(context, draft.header.invoice_id);
      refuseReturnPayment(invoice, 'invoice_id');
      const unpayable = documentUnpayableReason(invoice);
      if (unpayable) throw fieldError('invoice_id', unpayable);
      await completePayment(context, draft.header, invoice);
    },
    async afterWrite(context, record, _draft, previous) {
      await postPayment(context, record);
      await refreshInvoicePayments(context, record.invoice_id);
      if (previous && previous.invoice_id !== record.invoice_id) {
        await refreshInvoicePayments(context, previous.invoice_id);
      }
    },
    async beforeDelete(context, record) {
      refuseAllocation(record);
      await lockInvoices(context, [record.invoice_id]);
      refuseReturnPayment(await invoiceOf(context, record.invoice_id), '');
    },
    async afterDelete(context, record) {
      await removeJournal(context, 'invoice_payment', record.id);
      await refreshInvoicePayments(context, record.invoice_id);
    },
  },
});
