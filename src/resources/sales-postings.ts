/**
 * Posting rules of sales documents and their payments (see docs/accounting.md for the tables):
 *   invoice         Dr client receivable (total)     Cr sales (revenue + shipping + adjustment), Cr output tax per tax
 *   sales cost      Dr cost of goods sold            Cr inventory of the store (quantity × unit cost)
 *   credit note     Dr sales returns, Dr output tax  Cr client receivable
 *   refund receipt  Dr sales returns, Dr output tax  Cr the primary treasury (money paid back)
 *   payment         Dr treasury                      Cr client receivable      (completed payments only)
 * Drafts and estimates post nothing.
 */
import { type Posting, type PostingLine, entityAccount, removeJournal, replaceJournal, systemAccount } from '../domain/books.js';
import { type Dec, ZERO, fromStored, mul, roundTo, currencyDecimals } from '../domain/money.js';
import { PAYMENT_RECORD_STATUS } from '../domain/payments.js';
import type { Context, Rec } from '../engine/resource.js';
import { primaryId } from './common.js';

const ENTITY_OF_TYPE: Record<number, string> = { 0: 'invoice', 16: 'invoice', 19: 'invoice', 5: 'credit_note', 6: 'refund_receipt' };

async function nameOf(context: Context, table: string, id: number, columns: string[]): Promise<string> {
  const row = await context.db.selectFrom(table).select(columns).where('site_id', '=', context.siteId).where('id', '=', id).executeTakeFirst();
  return columns.map((c) => row?.[c]).filter(Boolean).join(' ') || `#${id}`;
}

export async function clientAccount(context: Context, clientId: number): Promise<number> {
  return entityAccount(context, 'client', clientId, await nameOf(context, 'clients', clientId, ['business_name']));
}

export async function treasuryAccount(context: Context, treasuryId: number): Promise<number> {
  return entityAccount(context, 'treasury', treasuryId, await nameOf(context, 'treasuries', treasuryId, ['name']));
}

async function taxAccount(context: Context, taxId: number): Promise<number> {
  return entityAccount(context, 'income_tax', taxId, `Output ${await nameOf(context, 'taxes', taxId, ['name'])}`);
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
    entityType, entityId: id, date: String(document['date']), currencyCode,
    description: `${entityType.replace('_', ' ')} #${document['no']}`,
  };
  if (draft) {
    await removeJournal(context, entityType, id);
    if (entityType === 'invoice') await removeJournal(context, 'invoice_sales_cost', id);
    return;
  }
  const reversing = entityType !== 'invoice';
  const revenueAccount = await systemAccount(context, reversing ? 'sales_returns' : 'sales');
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
  const counterAccount = entityType === 'refund_receipt'
    ? await treasuryAccount(context, (await primaryId(context, 'treasuries'))!)
    : await clientAccount(context, document['client_id'] as number);
  const counter: PostingLine = { accountId: counterAccount, debit: total, credit: ZERO, subkey: entityType === 'refund_receipt' ? 'treasury' : 'client' };
  const postingLines = reversing
    ? [...revenueLines.map((l) => ({ ...l, debit: l.credit, credit: l.debit })), { ...counter, debit: counter.credit, credit: counter.debit }]
    : [counter, ...revenueLines];
  await replaceJournal(context, { ...base, lines: postingLines });
  if (entityType === 'invoice') await postSalesCost(context, document, lines);
}

/** Cost of the tracked products sold, at the product's average cost (buy price until one is known). */
async function postSalesCost(context: Context, document: Rec, lines: Rec[]): Promise<void> {
  const places = currencyDecimals(String(document['currency_code'] ?? context.site.currency_code));
  const cost: PostingLine[] = [];
  const cogs = await systemAccount(context, 'cost_of_sales');
  for (const line of lines) {
    if (!line['product_id']) continue;
    const product = await context.db.selectFrom('products').select(['track_stock', 'average_price', 'buy_price'])
      .where('site_id', '=', context.siteId).where('id', '=', line['product_id'] as number).executeTakeFirst();
    if (!product || Number(product['track_stock']) !== 1) continue;
    const unitCost = product['average_price'] !== null ? fromStored(product['average_price']) : fromStored(product['buy_price']);
    const amount = roundTo(mul(line['quantity'] as Dec, unitCost), places);
    if (amount === ZERO) continue;
    const storeId = (line['store_id'] as number) || (document['store_id'] as number);
    const inventory = await entityAccount(context, 'store', storeId, `Inventory ${await nameOf(context, 'stores', storeId, ['name'])}`);
    cost.push({ accountId: cogs, debit: amount, credit: ZERO }, { accountId: inventory, debit: ZERO, credit: amount, subkey: 'store' });
  }
  await replaceJournal(context, {
    entityType: 'invoice_sales_cost', entityId: document.id!, date: String(document['date']),
    currencyCode: String(document['currency_code'] ?? context.site.currency_code), description: `cost of sales, invoice #${document['no']}`, lines: cost,
  });
}

export async function removeSalesJournals(context: Context, document: Rec): Promise<void> {
  const entityType = ENTITY_OF_TYPE[document['type'] as number];
  if (!entityType) return;
  await removeJournal(context, entityType, document.id!);
  if (entityType === 'invoice') await removeJournal(context, 'invoice_sales_cost', document.id!);
}

/** Journal of one invoice payment: completed ones move money from the client into the treasury. */
export async function postPayment(context: Context, payment: Rec): Promise<void> {
  const id = payment.id!;
  if (payment['status'] !== PAYMENT_RECORD_STATUS.completed || !payment['treasury_id'] || !payment['client_id']) {
    await removeJournal(context, 'invoice_payment', id);
    return;
  }
  const amount = payment['amount'] as Dec;
  await replaceJournal(context, {
    entityType: 'invoice_payment', entityId: id, date: String(payment['date']).slice(0, 10),
    currencyCode: String(payment['currency_code'] ?? context.site.currency_code), description: `payment #${id} (${payment['payment_method']})`,
    lines: [
      { accountId: await treasuryAccount(context, payment['treasury_id'] as number), debit: amount, credit: ZERO, subkey: 'treasury' },
      { accountId: await clientAccount(context, payment['client_id'] as number), debit: ZERO, credit: amount, subkey: 'client' },
    ],
  });
}

/** Removes the journals of an invoice's payments (before they are deleted or replaced). */
export async function removePaymentJournalsOf(context: Context, invoiceId: number): Promise<void> {
  const payments = await context.db.selectFrom('invoice_payments').select('id')
    .where('site_id', '=', context.siteId).where('invoice_id', '=', invoiceId).execute();
  for (const payment of payments) await removeJournal(context, 'invoice_payment', Number(payment['id']));
}
