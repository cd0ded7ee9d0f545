/**
 * Applying an advance payment invoice (type 19) to a later invoice of the same client
 * (`advance_applications`, v2 `advance_application`): the amount applied moves from customer
 * advances (and the advance's tax) to the client's receivable, posted in the same transaction
 * (domain/advances.ts, docs/accounting.md). At most what is left of the advance and what the invoice
 * still owes after earlier applications.
 */
import { postJournal, removeJournal } from '../domain/books.js';
import { advanceApplicationLines } from '../domain/posting/advances.js';
import { ADVANCE_PAYMENT_TYPE, type TaxPart, applicationProblem } from '../domain/advances.js';
import { fieldError } from '../domain/errors.js';
import { refreshInvoicePayments } from '../domain/payments.js';
import { type Dec, ZERO, fromStored } from '../domain/money.js';
import { type RecordOf, date, decimal, id, longText } from '../engine/fields.js';
import type { Context, Saved } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps, today } from './common.js';
import { scoped } from '../db/scoped.js';

async function invoiceRow(context: Context, invoiceId: number) {
  return scoped(context, 'invoices').selectFrom().selectAll().where('id', '=', invoiceId).executeTakeFirst();
}

async function appliedSum(
  context: Context,
  column: 'advance_invoice_id' | 'invoice_id',
  invoiceId: number,
  except: number | undefined,
): Promise<Dec> {
  let query = scoped(context, 'advance_applications').selectFrom().select('amount').where(column, '=', invoiceId);
  if (except !== undefined) query = query.where('id', '<>', except);
  return (await query.execute()).reduce((total, row) => total + fromStored(row.amount), ZERO);
}

async function advanceTaxes(context: Context, advanceId: number): Promise<TaxPart[]> {
  const lines = await scoped(context, 'invoice_items')
    .selectFrom()
    .select(['tax1', 'tax2', 'summary_tax1', 'summary_tax2'])
    .where('invoice_id', '=', advanceId)
    .execute();
  const byTax = new Map<number, Dec>();
  for (const line of lines) {
    for (const slot of [1, 2] as const) {
      const taxId = Number(line[`tax${slot}`] ?? 0);
      if (taxId) byTax.set(taxId, (byTax.get(taxId) ?? ZERO) + fromStored(line[`summary_tax${slot}`] ?? 0));
    }
  }
  return [...byTax].sort((a, b) => a[0] - b[0]).map(([taxId, amount]) => ({ taxId, amount }));
}

const applicationFields = {
  advance_invoice_id: id().required().ref('invoices').doc('The advance payment invoice (type 19)'),
  invoice_id: id().required().ref('invoices').doc('The later invoice of the same client it pays'),
  amount: decimal().required().doc('Amount applied, tax included'),
  date: date().doc('Today when left out'),
  notes: longText(),
  ...timestamps(),
};
type Application = Saved<RecordOf<typeof applicationFields>>;

async function post(context: Context, record: Application): Promise<void> {
  const advance = (await invoiceRow(context, record.advance_invoice_id))!;
  const applied = record.amount;
  const lines = advanceApplicationLines({
    clientId: Number(advance['client_id']),
    applied,
    advanceTotal: fromStored(advance['summary_total']),
    advanceTaxes: await advanceTaxes(context, record.advance_invoice_id),
  });
  await postJournal(context, {
    entityType: 'advance_payment_application',
    entityId: record.id,
    date: String(record.date),
    currencyCode: String(advance['currency_code'] ?? context.site.currency_code),
    description: `advance payment #${advance['no']} applied to invoice #${record.invoice_id}`,
    lines,
  });
}

export const advanceApplications = defineResource({
  name: 'advance_applications',
  model: 'AdvanceApplication',
  title: 'Advance payment application',
  table: 'advance_applications',
  operations: ALL_OPERATIONS,
  fields: applicationFields,
  hooks: {
    async prepare(context, draft, existing) {
      const merged = { ...existing, ...draft.header };
      if (!merged['date']) draft.header.date = today(context);
      const advance = await invoiceRow(context, merged.advance_invoice_id);
      const invoice = await invoiceRow(context, merged.invoice_id);
      if (!advance || !invoice) return;
      if (Number(advance['type']) !== ADVANCE_PAYMENT_TYPE || Number(advance['draft']) === 1)
        throw fieldError('advance_invoice_id', 'must be an issued advance payment invoice (type 19)');
      if (Number(invoice['type']) !== 0 || Number(invoice['draft']) === 1)
        throw fieldError('invoice_id', 'must be an issued sales invoice (type 0)');
      if (Number(invoice['client_id']) !== Number(advance['client_id']))
        throw fieldError('invoice_id', "must be an invoice of the advance's client");
      if (String(invoice['currency_code']) !== String(advance['currency_code']))
        throw fieldError('invoice_id', "must be in the advance's currency");
      const advanceLeft =
        fromStored(advance['summary_total']) -
        (await appliedSum(context, 'advance_invoice_id', Number(advance['id']), existing?.id));
      // The invoice's unpaid sum already counts the applications to it; on an edit, this one's own amount is free again.
      const own = existing && Number(existing.invoice_id) === Number(invoice['id']) ? existing.amount : ZERO;
      const invoiceLeft = fromStored(invoice['summary_unpaid']) + own;
      const problem = applicationProblem(merged.amount, advanceLeft, invoiceLeft);
      if (problem) throw fieldError('amount', problem);
    },
    async afterWrite(context, record, _draft, previous) {
      await post(context, record);
      // An applied advance pays the invoice: its paid sum and payment status include it.
      await refreshInvoicePayments(context, record.invoice_id);
      if (previous && previous.invoice_id !== record.invoice_id)
        await refreshInvoicePayments(context, previous.invoice_id);
    },
    async afterDelete(context, record) {
      await removeJournal(context, 'advance_payment_application', record.id);
      await refreshInvoicePayments(context, record.invoice_id);
    },
  },
});
