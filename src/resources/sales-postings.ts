/**
 * Posting rules of sales documents and their payments (see docs/accounting.md for the tables):
 *   invoice         Dr client receivable (total)     Cr sales (revenue + shipping + adjustment), Cr output tax per tax
 *   sales cost      Dr cost of goods sold            Cr inventory of the store (the movements' values at cost)
 *   credit note     Dr sales returns, Dr output tax  Cr client receivable
 *   refund receipt  Dr sales returns, Dr output tax  Cr the primary treasury (money paid back), or Cr client
 *                   receivable when it has payments of its own (each pays the client out of its treasury)
 *   return cost     Dr inventory of the store        Cr cost of goods sold (goods back at moving average)
 *   payment         Dr treasury                      Cr client receivable      (completed payments only; invoices, estimates)
 *   payment out     Dr client receivable             Cr treasury               (credit notes, refund receipts)
 * Drafts and estimates post nothing. Amounts in another currency post at the document's currency_rate.
 */
import { type Posting, type PostingLine, entityAccount, recordName, removeJournal, replaceJournal, systemAccount } from '../domain/books.js';
import { inventoryLines, movementValues } from '../domain/inventory.js';
import { type Dec, ONE, ZERO, fromStored } from '../domain/money.js';
import { PAYMENT_RECORD_STATUS, hasPaymentsOfItsOwn } from '../domain/payments.js';
import { type PaymentDirection, paymentLines } from '../domain/payment-posting.js';
import { STOCK_SOURCE } from '../domain/stock.js';
import { revenueAccountKey } from '../domain/advances.js';
import type { Context, Rec } from '../engine/resource.js';
import { primaryId } from './common.js';

const ENTITY_OF_TYPE: Record<number, string> = { 0: 'invoice', 16: 'invoice', 19: 'invoice', 5: 'credit_note', 6: 'refund_receipt' };
/** The journal of the cost of the goods a sales document moved. */
const COST_ENTITY: Record<string, string> = { invoice: 'invoice_sales_cost', credit_note: 'credit_note_sales_cost', refund_receipt: 'refund_receipt_sales_cost' };
const STOCK_SOURCE_OF: Record<string, number> = { invoice: STOCK_SOURCE.invoice, credit_note: STOCK_SOURCE.creditNote, refund_receipt: STOCK_SOURCE.refundReceipt };

export async function clientAccount(context: Context, clientId: number): Promise<number> {
  return entityAccount(context, 'client', clientId, () => recordName(context, 'clients', clientId, ['business_name']));
}

export async function supplierAccount(context: Context, supplierId: number): Promise<number> {
  return entityAccount(context, 'supplier', supplierId, () => recordName(context, 'suppliers', supplierId, ['business_name']));
}

export async function treasuryAccount(context: Context, treasuryId: number): Promise<number> {
  return entityAccount(context, 'treasury', treasuryId, () => recordName(context, 'treasuries', treasuryId, ['name']));
}

/** Output tax (collected on sales and incomes) and input tax (paid on purchases and expenses), per tax. */
export async function taxAccount(context: Context, taxId: number, side: 'output' | 'input' = 'output'): Promise<number> {
  const name = async () => `${side === 'output' ? 'Output' : 'Input'} ${await recordName(context, 'taxes', taxId, ['name'])}`;
  return entityAccount(context, side === 'output' ? 'income_tax' : 'outcome_tax', taxId, name);
}

/** The exchange rate of a document (a record, or a row as stored): site currency per unit of its currency; 1 when none. */
export function rateOf(document: Record<string, unknown>): Dec {
  const raw = document['currency_rate'];
  const rate = typeof raw === 'bigint' ? raw : raw === null || raw === undefined ? ZERO : fromStored(raw);
  return rate > ZERO ? rate : ONE;
}

/** The journal of a sales document, and its cost-of-sales journal. */
export async function postSalesDocument(context: Context, document: Rec, lines: Rec[]): Promise<void> {
  const type = document['type'] as number;
  const entityType = ENTITY_OF_TYPE[type];
  const id = document.id!;
  if (!entityType) return;
  const draft = document['draft'] === 1;
  const currencyCode = String(document['currency_code'] ?? context.site.currency_code);
  const base: Omit<Posting, 'lines'> = {
    entityType, entityId: id, date: String(document['date']), currencyCode, rate: rateOf(document),
    description: `${entityType.replace('_', ' ')} #${document['no']}`,
  };
  if (draft) {
    await removeJournal(context, entityType, id);
    await removeJournal(context, COST_ENTITY[entityType]!, id);
    return;
  }
  const reversing = entityType !== 'invoice';
  // An advance payment (type 19) is owed to the client until applied: customer advances, not sales.
  const revenueAccount = await systemAccount(context, revenueAccountKey(type, reversing));
  const revenueLines: PostingLine[] = [];
  for (const line of lines) {
    const tax1 = (line['summary_tax1'] as Dec | null) ?? ZERO;
    const tax2 = (line['summary_tax2'] as Dec | null) ?? ZERO;
    const revenue = ((line['item_subtotal'] as Dec | null) ?? ZERO) - tax1 - tax2;
    revenueLines.push({ accountId: revenueAccount, debit: ZERO, credit: revenue });
    if (line['tax1'] && tax1 !== ZERO) revenueLines.push({ accountId: await taxAccount(context, line['tax1'] as number), debit: ZERO, credit: tax1, subkey: 'income_tax' });
    if (line['tax2'] && tax2 !== ZERO) revenueLines.push({ accountId: await taxAccount(context, line['tax2'] as number), debit: ZERO, credit: tax2, subkey: 'income_tax' });
  }
  const extras = ((document['shipping_amount'] as Dec | null) ?? ZERO) + ((document['adjustment_value'] as Dec | null) ?? ZERO);
  revenueLines.push({ accountId: revenueAccount, debit: ZERO, credit: extras });
  const total = (document['summary_total'] as Dec | null) ?? ZERO;
  // A refund receipt with payments of its own pays the client through them (Dr client, Cr their
  // treasury); without any, it is paid at once out of the primary treasury.
  const fromTreasury = entityType === 'refund_receipt' && !(await hasPaymentsOfItsOwn(context, id));
  const counterAccount = fromTreasury
    ? await treasuryAccount(context, (await primaryId(context, 'treasuries'))!)
    : await clientAccount(context, document['client_id'] as number);
  const counter: PostingLine = { accountId: counterAccount, debit: total, credit: ZERO, subkey: fromTreasury ? 'treasury' : 'client' };
  const postingLines = reversing
    ? [...revenueLines.map((l) => ({ ...l, debit: l.credit, credit: l.debit })), { ...counter, debit: counter.credit, credit: counter.debit }]
    : [counter, ...revenueLines];
  await replaceJournal(context, { ...base, lines: postingLines });
  await postSalesCost(context, document, entityType);
}

/**
 * Cost of the goods a document moved, at the values its stock movements carry (moving average):
 * a sale credits inventory and debits cost of goods sold; a return does the reverse.
 */
async function postSalesCost(context: Context, document: Rec, entityType: string): Promise<void> {
  const values = await movementValues(context, { sourceType: STOCK_SOURCE_OF[entityType]!, orderId: document.id! });
  await replaceJournal(context, {
    entityType: COST_ENTITY[entityType]!, entityId: document.id!, date: String(document['date']), currencyCode: context.site.currency_code,
    description: `cost of sales, ${entityType.replace('_', ' ')} #${document['no']}`,
    lines: await inventoryLines(context, values, await systemAccount(context, 'cost_of_sales')),
  });
}

export async function removeSalesJournals(context: Context, document: Rec): Promise<void> {
  const entityType = ENTITY_OF_TYPE[document['type'] as number];
  if (!entityType) return;
  await removeJournal(context, entityType, document.id!);
  await removeJournal(context, COST_ENTITY[entityType]!, document.id!);
}

/**
 * Journal of one invoice payment: a completed payment to an invoice (or an estimate's deposit) moves
 * money from the client into the treasury; one of a credit note or refund receipt pays the client out
 * of the treasury (domain/payment-posting.ts).
 */
export async function postPayment(context: Context, payment: Rec, direction: PaymentDirection = 'in'): Promise<void> {
  const id = payment.id!;
  const treasuryId = payment['treasury_id'];
  const clientId = payment['client_id'];
  const amount = payment['amount'];
  if (payment['status'] !== PAYMENT_RECORD_STATUS.completed || typeof treasuryId !== 'number' || treasuryId <= 0
    || typeof clientId !== 'number' || typeof amount !== 'bigint') {
    await removeJournal(context, 'invoice_payment', id);
    return;
  }
  const accounts = { treasuryAccountId: await treasuryAccount(context, treasuryId), partyAccountId: await clientAccount(context, clientId), partySubkey: 'client' as const };
  await replaceJournal(context, {
    entityType: 'invoice_payment', entityId: id, date: String(payment['date']).slice(0, 10), rate: rateOf(payment),
    currencyCode: String(payment['currency_code'] ?? context.site.currency_code), description: `payment #${id} (${payment['payment_method']})`,
    lines: paymentLines(direction, accounts, amount),
  });
}

/**
 * Removes the journals of an invoice's own payments (before they are deleted or replaced); payments
 * allocated from a client payment are that payment's and keep theirs.
 */
export async function removePaymentJournalsOf(context: Context, invoiceId: number): Promise<void> {
  const payments = await context.db.selectFrom('invoice_payments').select('id')
    .where('site_id', '=', context.siteId).where('invoice_id', '=', invoiceId).where('client_payment_id', 'is', null).execute();
  for (const payment of payments) await removeJournal(context, 'invoice_payment', Number(payment['id']));
}
