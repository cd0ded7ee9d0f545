/**
 * The posting hooks of sales documents and their payments: gather the facts, call the rule
 * (src/domain/posting/sales.ts, payments.ts), store the journal through domain/books.ts. Which
 * journals a document posts and which rule applies come from its kind (domain/document-kinds.ts).
 * Drafts and estimates post nothing. Amounts in another currency post at the document's currency_rate.
 */
import { type Posting, postJournal, removeJournal } from '../domain/books.js';
import { documentKind } from '../domain/document-kinds.js';
import { movementValues } from '../domain/inventory.js';
import { type Dec, ONE, ZERO, fromStored } from '../domain/money.js';
import { PAYMENT_RECORD_STATUS, hasPaymentsOfItsOwn } from '../domain/payments.js';
import { type PaymentDirection, paymentLines, paymentOutLines } from '../domain/posting/payments.js';
import type { RuleLine } from '../domain/posting/roles.js';
import {
  type SalesDocumentFacts,
  type SalesLineFacts,
  advanceInvoiceLines,
  creditNoteLines,
  invoiceLines,
  refundReceiptLines,
  salesCostLines,
} from '../domain/posting/sales.js';
import type { Context, Rec } from '../engine/resource.js';
import { primaryId } from './common.js';
import { scoped } from '../db/scoped.js';

/** The exchange rate of a document (a record, or a row as stored): site currency per unit of its currency; 1 when none. */
export function rateOf(document: Record<string, unknown>): Dec {
  const raw = document['currency_rate'];
  const rate = typeof raw === 'bigint' ? raw : raw === null || raw === undefined ? ZERO : fromStored(raw);
  return rate > ZERO ? rate : ONE;
}

const decOf = (value: unknown): Dec => (typeof value === 'bigint' ? value : ZERO);
const idOf = (value: unknown): number | null => (typeof value === 'number' && value > 0 ? value : null);

function salesFacts(document: Rec, lines: Rec[]): SalesDocumentFacts {
  const lineFacts: SalesLineFacts[] = lines.map((line) => ({
    subtotal: decOf(line['item_subtotal']),
    taxes: [
      { taxId: idOf(line['tax1']), amount: decOf(line['summary_tax1']) },
      { taxId: idOf(line['tax2']), amount: decOf(line['summary_tax2']) },
    ],
  }));
  return {
    clientId: Number(document['client_id']),
    total: decOf(document['summary_total']),
    shipping: decOf(document['shipping_amount']),
    adjustment: decOf(document['adjustment_value']),
    lines: lineFacts,
  };
}

/** The journal of a sales document, and its cost-of-sales journal. */
export async function postSalesDocument(context: Context, document: Rec, lines: Rec[]): Promise<void> {
  const kind = documentKind('invoices', document['type']);
  const id = document.id!;
  if (!kind?.journal || !kind.costJournal) return;
  if (document['draft'] === 1) {
    await removeJournal(context, kind.journal.entityType, id);
    await removeJournal(context, kind.costJournal, id);
    return;
  }
  const facts = salesFacts(document, lines);
  let journalLines: RuleLine[];
  // A refund receipt with payments of its own pays the client through them (each Dr client, Cr its
  // treasury); without any, it is paid at once out of the primary treasury.
  if (kind.rule === 'refund_receipt') {
    journalLines = refundReceiptLines(
      facts,
      (await hasPaymentsOfItsOwn(context, id)) ? null : (await primaryId(context, 'treasuries'))!,
    );
  } else if (kind.rule === 'credit_note') journalLines = creditNoteLines(facts);
  else if (kind.rule === 'advance_invoice') journalLines = advanceInvoiceLines(facts);
  else journalLines = invoiceLines(facts);
  const base: Omit<Posting, 'lines'> = {
    entityType: kind.journal.entityType,
    entityId: id,
    date: String(document['date']),
    rate: rateOf(document),
    currencyCode: String(document['currency_code'] ?? context.site.currency_code),
    description: `${kind.journal.label} #${document['no']}`,
  };
  await postJournal(context, { ...base, lines: journalLines });
  // Cost of the goods the document moved, at the values its stock movements carry (moving average).
  const values = kind.stock
    ? await movementValues(context, { sourceType: kind.stock.source, orderId: id })
    : new Map<number, Dec>();
  await postJournal(context, {
    entityType: kind.costJournal,
    entityId: id,
    date: String(document['date']),
    currencyCode: context.site.currency_code,
    description: `cost of sales, ${kind.journal.label} #${document['no']}`,
    lines: salesCostLines(values),
  });
}

export async function removeSalesJournals(context: Context, document: Rec): Promise<void> {
  const kind = documentKind('invoices', document['type']);
  if (!kind?.journal || !kind.costJournal) return;
  await removeJournal(context, kind.journal.entityType, document.id!);
  await removeJournal(context, kind.costJournal, document.id!);
}

/**
 * Journal of one invoice payment: a completed payment to an invoice (or an estimate's deposit) moves
 * money from the client into the treasury; one of a credit note or refund receipt pays the client out
 * of the treasury (domain/posting/payments.ts).
 */
export async function postPayment(context: Context, payment: Rec, direction: PaymentDirection = 'in'): Promise<void> {
  const id = payment.id!;
  const treasuryId = idOf(payment['treasury_id']);
  const clientId = idOf(payment['client_id']);
  if (payment['status'] !== PAYMENT_RECORD_STATUS.completed || treasuryId === null || clientId === null) {
    await removeJournal(context, 'invoice_payment', id);
    return;
  }
  const facts = { treasuryId, clientId, amount: decOf(payment['amount']) };
  await postJournal(context, {
    entityType: 'invoice_payment',
    entityId: id,
    date: String(payment['date']).slice(0, 10),
    rate: rateOf(payment),
    currencyCode: String(payment['currency_code'] ?? context.site.currency_code),
    description: `payment #${id} (${payment['payment_method']})`,
    lines: direction === 'in' ? paymentLines(facts) : paymentOutLines(facts),
  });
}

/**
 * Removes the journals of an invoice's own payments (before they are deleted or replaced); payments
 * allocated from a client payment are that payment's and keep theirs.
 */
export async function removePaymentJournalsOf(context: Context, invoiceId: number): Promise<void> {
  const payments = await scoped(context, 'invoice_payments')
    .selectFrom()
    .select('id')
    .where('invoice_id', '=', invoiceId)
    .where('client_payment_id', 'is', null)
    .execute();
  for (const payment of payments) await removeJournal(context, 'invoice_payment', Number(payment['id']));
}
