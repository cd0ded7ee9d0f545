/**
 * Client payments: money received from a client on account. It may be allocated to the client's
 * invoices (`InvoicePayment: [{invoice_id, amount}]`, beside or inside `ClientPayment`); each
 * allocation is an invoice payment, so the invoices' paid sums and payment status follow. What is not
 * allocated stays on the client's account (its own journal: Dr treasury, Cr client).
 */
import { postJournal, removeJournal } from '../domain/books.js';
import { allocationLines, paymentLines } from '../domain/posting/payments.js';
import { type FieldErrors, validationError } from '../domain/errors.js';
import { type Dec, ONE, ZERO, currencyDecimals, formatDec, mulDivTo, roundAmount, sum } from '../domain/money.js';
import { lockInvoices } from '../domain/locks.js';
import { PAYMENT_RECORD_STATUS, refreshInvoicePayments } from '../domain/payments.js';
import { type RecordOf, datetime, decimal, id, int, longText, text } from '../engine/fields.js';
import type { Context, Saved } from '../engine/resource.js';
import { ALL_OPERATIONS, childOf, defineResource } from '../engine/resource.js';
import { currencyRateField, payerFields, primaryId, settleCurrencyRate, staffField, timestamps } from './common.js';
import { paymentFields, unpayableReason } from './invoice-payments.js';
import { rateOf } from './sales-postings.js';
import { scoped } from '../db/scoped.js';

const clientPaymentFields = {
  client_id: id().required().ref('clients'),
  status: int()
    .oneOf([0, 1, 2, 3])
    .default(PAYMENT_RECORD_STATUS.completed)
    .doc('0 failed, 1 completed, 2 pending, 3 not completed'),
  payment_method: text(100).required(),
  amount: decimal().required(),
  currency_code: text(3),
  invoice_id: id().readOnly().doc('The invoice when the payment pays exactly one (see InvoicePayment for allocations)'),
  email: text(255),
  ...payerFields(20),
  attachment: text(255).doc('Link to an attachment'),
  response_code: text(255),
  response_message: longText(),
  currency_rate: currencyRateField(),
  transaction_id: text(100),
  treasury_id: id().ref('treasuries').doc('The primary treasury when left out'),
  date: datetime().doc('Now when left out'),
  staff_id: staffField(),
  notes: longText(),
  receipt_notes: longText(),
  ...timestamps(),
};
type ClientPayment = Saved<RecordOf<typeof clientPaymentFields>>;
/** An allocation: an invoice payment of the client payment (its method is the client payment's). */
const allocationFields = () => ({ ...paymentFields(), payment_method: text(100) });
type Allocation = RecordOf<ReturnType<typeof allocationFields>>;

/** What one write's or delete's hooks share: the invoices whose allocations it removed, from before to after. */
interface ClientPaymentState {
  touchedInvoices: number[];
}

async function allocationsOf(
  context: Context,
  clientPaymentId: number,
): Promise<Array<{ id: number; invoiceId: number }>> {
  const rows = await scoped(context, 'invoice_payments')
    .selectFrom()
    .select(['id', 'invoice_id'])
    .where('client_payment_id', '=', clientPaymentId)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), invoiceId: Number(row.invoice_id) }));
}

async function forgetAllocations(context: Context, recordId: number, state: ClientPaymentState): Promise<void> {
  const previous = await allocationsOf(context, recordId);
  for (const allocation of previous) await removeJournal(context, 'invoice_payment', allocation.id);
  state.touchedInvoices = previous.map((a) => a.invoiceId);
}

/**
 * What an allocation takes of its client payment, in the payment's currency. The allocation's amount
 * is in its invoice's currency: the same currency is taken as it is; another converts through the site
 * currency at both documents' rates (amount × invoice rate ÷ payment rate), rounded half away from
 * zero to the payment currency's minor unit.
 * @example 93.75 EUR at 4 from a USD payment at 3.75 → 375 SAR → 100 USD
 */
function shareOf(
  context: Context,
  allocation: Allocation,
  payment: Pick<ClientPayment, 'currency_code' | 'currency_rate'>,
): Dec {
  const amount = allocation.amount ?? ZERO;
  const paymentCurrency = String(payment.currency_code ?? context.site.currency_code).toUpperCase();
  if (String(allocation.currency_code ?? context.site.currency_code).toUpperCase() === paymentCurrency) return amount;
  return mulDivTo(amount, rateOf(allocation), rateOf(payment), currencyDecimals(paymentCurrency));
}

/**
 * Journal of one allocation, completed payments only: Dr the treasury with what the payment brought
 * in for it (its share at the payment's rate), Cr the client with what it settles (its amount at the
 * invoice's rate); a difference between the two rates goes to Rounding and Currency Differences.
 */
async function postAllocation(context: Context, allocation: Allocation, payment: ClientPayment): Promise<void> {
  if (payment.status !== PAYMENT_RECORD_STATUS.completed) {
    await removeJournal(context, 'invoice_payment', allocation.id!);
    return;
  }
  await postJournal(context, {
    entityType: 'invoice_payment',
    entityId: allocation.id!,
    date: String(allocation.date).slice(0, 10),
    rate: rateOf(allocation),
    currencyCode: String(allocation.currency_code),
    description: `payment #${allocation.id} (${allocation.payment_method}) from client payment #${payment.id}`,
    lines: allocationLines({
      treasuryId: Number(payment.treasury_id),
      clientId: payment.client_id,
      share: shareOf(context, allocation, payment),
      paymentRate: rateOf(payment),
      amount: allocation.amount ?? ZERO,
      invoiceRate: rateOf(allocation),
      sitePlaces: currencyDecimals(context.site.currency_code),
    }),
  });
}

async function postOnAccount(context: Context, payment: ClientPayment, allocated: Dec): Promise<void> {
  const remainder = payment.amount - allocated;
  if (payment.status !== PAYMENT_RECORD_STATUS.completed || remainder <= ZERO) {
    await removeJournal(context, 'client_payment', payment.id);
    return;
  }
  await postJournal(context, {
    entityType: 'client_payment',
    entityId: payment.id,
    date: String(payment.date).slice(0, 10),
    rate: rateOf(payment),
    currencyCode: String(payment.currency_code),
    description: `client payment #${payment.id} on account`,
    lines: paymentLines({ treasuryId: Number(payment.treasury_id), clientId: payment.client_id, amount: remainder }),
  });
}

export const clientPayments = defineResource({
  name: 'client_payments',
  model: 'ClientPayment',
  title: 'Client payment',
  table: 'client_payments',
  operations: ALL_OPERATIONS,
  fields: clientPaymentFields,
  state: (): ClientPaymentState => ({ touchedInvoices: [] }),
  children: [
    childOf({
      key: 'InvoicePayment',
      table: 'invoice_payments',
      foreignKey: 'client_payment_id',
      fields: allocationFields(),
      writable: true,
      countMax: 500,
    }),
  ],
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['transaction_id', 'payment_method', 'notes'],
  hooks: {
    async prepare(context, draft, existing) {
      const payment = draft.header;
      // Every invoice the payment is or was allocated to, by id, before anything else (locks.ts).
      const previous = existing ? (await allocationsOf(context, existing.id)).map((a) => a.invoiceId) : [];
      await lockInvoices(context, [
        ...(draft.children['InvoicePayment'] ?? []).map((a) => a['invoice_id']),
        ...previous,
      ]);
      const errors: FieldErrors = {};
      if (payment.amount < ZERO) errors['amount'] = 'must not be negative';
      if (!payment.treasury_id) payment.treasury_id = await primaryId(context, 'treasuries');
      if (!payment.currency_code) payment.currency_code = context.site.currency_code;
      if (payment.amount !== null && payment.amount !== undefined)
        payment.amount = roundAmount(payment.amount, payment.currency_code);
      if (!payment.date) payment.date = context.now;
      await settleCurrencyRate(context, payment, errors);
      const allocations = draft.children['InvoicePayment'] ?? [];
      for (const [index, allocation] of allocations.entries()) {
        const invoice = await scoped(context, 'invoices')
          .selectFrom()
          .select(['client_id', 'type', 'draft', 'currency_code', 'currency_rate'])
          .where('id', '=', allocation.invoice_id)
          .executeTakeFirst();
        const unpayable = invoice ? unpayableReason(invoice) : null;
        if (!invoice || Number(invoice['client_id']) !== payment.client_id)
          errors[`InvoicePayment.${index}.invoice_id`] = "must be one of this client's invoices";
        else if (unpayable) errors[`InvoicePayment.${index}.invoice_id`] = unpayable;
        if ((allocation.amount ?? ZERO) < ZERO) errors[`InvoicePayment.${index}.amount`] = 'must not be negative';
        if (allocation.amount !== null && allocation.amount !== undefined)
          allocation.amount = roundAmount(allocation.amount, payment.currency_code);
        Object.assign(allocation, {
          payment_method: payment.payment_method,
          treasury_id: payment.treasury_id,
          date: payment.date,
          status: payment.status,
          client_id: payment.client_id,
          staff_id: payment.staff_id ?? context.staffId,
          transaction_id: allocation.transaction_id ?? payment.transaction_id,
          // The amount settles the invoice, so it is in the invoice's currency, at the invoice's rate.
          currency_code: invoice?.['currency_code'] ?? context.site.currency_code,
          currency_rate: invoice ? rateOf(invoice) : ONE,
        });
      }
      if (Object.keys(errors).length === 0) {
        const allocated = sum(allocations.map((allocation) => shareOf(context, allocation, payment)));
        if (allocated > payment.amount) {
          errors['amount'] =
            `must cover the allocations (${formatDec(allocated)} ${payment.currency_code} at the invoices' rates)`;
        }
      }
      if (Object.keys(errors).length > 0) throw validationError(errors);
      // Allocations sent with an edit (an empty list too) replace the stored ones; kept ones carry their ids.
      if (existing && allocations.every((a) => a.id === undefined))
        await forgetAllocations(context, existing.id, draft.state);
    },
    async afterWrite(context, record, draft) {
      const allocations = draft.children['InvoicePayment'] ?? [];
      for (const allocation of allocations) await postAllocation(context, allocation, record);
      const invoices = new Set([...draft.state.touchedInvoices, ...allocations.map((a) => a.invoice_id)]);
      for (const invoiceId of invoices) await refreshInvoicePayments(context, invoiceId);
      await postOnAccount(context, record, sum(allocations.map((allocation) => shareOf(context, allocation, record))));
    },
    async beforeDelete(context, record, state) {
      await lockInvoices(
        context,
        (await allocationsOf(context, record.id)).map((a) => a.invoiceId),
      );
      await forgetAllocations(context, record.id, state);
      await removeJournal(context, 'client_payment', record.id);
    },
    async afterDelete(context, _record, state) {
      for (const invoiceId of new Set(state.touchedInvoices)) await refreshInvoicePayments(context, invoiceId);
    },
  },
});
