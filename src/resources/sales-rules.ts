/**
 * What happens when a sales document is written: defaults, the client snapshot, server-computed totals,
 * numbering, embedded payments, stock movements and the linked invoice's refund sum — all inside the
 * request's transaction.
 */
import { type FieldErrors, validationError } from '../domain/errors.js';
import {
  type Dec,
  HUNDRED,
  ZERO,
  currencyDecimals,
  formatDec,
  fromStored,
  mulTo,
  roundTo,
  toStored,
} from '../domain/money.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { settleNumber } from '../domain/numbering.js';
import { lockInvoices, lockRow } from '../domain/locks.js';
import { refreshInvoicePayments } from '../domain/payments.js';
import { type Movement, replaceMovements } from '../domain/stock.js';
import { documentKind, paymentDirectionOf, typesWhere } from '../domain/document-kinds.js';
import { documentStockUnits } from './product-bundles.js';
import { type LineInput, type TaxRate, computeTotals, rangeErrors } from '../domain/totals.js';
import { renderRecord, rowToRecord } from '../engine/records.js';
import { resourceNamed } from '../engine/registry.js';
import type { Context, Draft, Rec, ResourceHooks, Saved } from '../engine/resource.js';
import type { SalesChildren, SalesDocument, SalesLine } from './sales-documents.js';
import type { Payment } from './invoice-payments.js';
import { type ShapeRead, runShape } from '../db/shapes.js';
import { CLIENT_SNAPSHOT, primaryId, primaryRead, settleCurrencyRate, textOf, today } from './common.js';
import { completePayment, documentUnpayableReason } from './invoice-payments.js';
import { PAYMENT_RECORD_STATUS } from '../domain/payments.js';
import {
  postPayment,
  postSalesDocument,
  rateOf,
  removePaymentJournalsOf,
  removeSalesJournals,
} from './sales-postings.js';
import { activeUnitRead, issueEInvoice, refuseDeleteOfEInvoiced, signsEInvoice } from '../zatca/chain.js';
import { referencedRows } from '../db/write-ledger.js';
import { scoped } from '../db/scoped.js';

/** Types whose documents reverse an invoice and take stock back in (domain/document-kinds.ts). */
// Asked of any document's type, which the engine's scope always sets (a type out of scope is in neither).
const REVERSING_TYPES: ReadonlySet<number | null | undefined> = new Set(
  typesWhere('invoices', (kind) => kind.reverses === 'invoice'),
);
/** Types that post as an invoice: invoices, debit notes, advance payments. */
const INVOICE_TYPES: ReadonlySet<number | null | undefined> = new Set(
  typesWhere('invoices', (kind) => kind.journal?.entityType === 'invoice'),
);

/** Rows of `table` by id; ids that name nothing (null, 0, not whole) are left out. */
async function loadById(
  context: Context,
  table: string,
  ids: ReadonlyArray<number | null | undefined>,
): Promise<Map<number, Record<string, unknown>>> {
  const unique = [...new Set(ids.filter((value): value is number => Number.isInteger(value) && value! > 0))];
  if (unique.length === 0) return new Map();
  // Clients, products and taxes the write's reference check has just read whole (db/write-ledger.ts).
  // Not invoices: their sums are rewritten by the hooks of the write that names them.
  const checked = table === 'invoices' ? undefined : referencedRows(context, table, unique);
  if (checked) return checked;
  const { rows } = await runShape(
    context.db,
    context.dialect,
    byIdShape(table, unique.length),
    [context.siteId, ...unique],
    () => scoped(context, table).selectFrom().selectAll().where('id', 'in', unique),
    context,
  );
  return new Map(rows.map((row) => [Number(row.id), row]));
}

const byIdShape = (table: string, count: number) => `by-id:${table}:${count}`;

/**
 * The client of document `id`, read with the document in one round trip on PostgreSQL (getOne's
 * prefetch): it answers the `related` hook's read of that client, whose id is not known until the
 * document is. If the document names no client (or another by the time it is read) nothing is answered.
 */
export function documentClientRead(context: Context, table: string, id: number): ShapeRead {
  const siteId = context.siteId;
  return {
    shape: `client-of:${table}`,
    values: [siteId, id],
    // A join from the document's key, so both rows are found by their primary keys (site_id, id);
    // `id in (select client_id …)` correlated on the site was planned as a scan of the site's clients.
    build: () =>
      context.db
        .selectFrom(`${table} as document`)
        .innerJoin('clients', (join) =>
          join.onRef('clients.site_id', '=', 'document.site_id').onRef('clients.id', '=', 'document.client_id'),
        )
        .selectAll('clients')
        .where('document.site_id', '=', siteId)
        .where('document.id', '=', id),
    answers: {
      shape: byIdShape('clients', 1),
      values: (rows) => (rows.length === 1 ? [siteId, Number(rows[0]!['id'])] : undefined),
    },
  };
}

async function fillClientSnapshot(
  context: Context,
  document: SalesDocument,
  existing: Saved<SalesDocument> | null,
): Promise<void> {
  const clientId = document.client_id;
  const changedClient = !existing || existing.client_id !== clientId;
  if (!changedClient) return;
  const client = (await loadById(context, 'clients', [clientId])).get(clientId);
  if (!client) return;
  // The snapshot's columns are named by a table: read and written as plain records.
  const snapshot: Rec = document;
  const before: Rec | null = existing;
  for (const [target, source] of CLIENT_SNAPSHOT) {
    const current = snapshot[target];
    const sentByClient = before
      ? current !== before[target]
      : current !== undefined && current !== null && current !== '';
    if (!sentByClient) snapshot[target] = client[source] === undefined ? null : client[source];
  }
  document.client_bn1 = document.client_bn1 || textOf(client['bn1']) || null;
  document.client_bn2 = document.client_bn2 || textOf(client['bn2']) || null;
  if (!document.currency_code && client['default_currency_code'])
    document.currency_code = textOf(client['default_currency_code']);
}

export function checkDiscounts(
  document: Pick<SalesDocument, 'discount' | 'discount_amount'>,
  errors: FieldErrors,
): void {
  const percent = document.discount ?? ZERO;
  const amount = document.discount_amount ?? ZERO;
  if (percent > HUNDRED) errors['discount'] = 'must be a percentage between 0 and 100';
  if (percent > ZERO && amount > ZERO)
    errors['discount_amount'] = 'cannot be combined with discount (a percentage); send one of them';
}

function taxRate(row: Record<string, unknown> | undefined): TaxRate | null {
  if (!row) return null;
  return {
    id: Number(row.id),
    name: String(row.name ?? ''),
    rate: fromStored(row.value),
    included: Number(row.included) === 1,
  };
}

/** What computeDocument reads and writes of a document and of its lines (sales and purchase documents alike). */
type TotalledDocument = Pick<
  SalesDocument,
  | 'currency_code'
  | 'store_id'
  | 'discount'
  | 'discount_amount'
  | 'shipping_amount'
  | 'adjustment_value'
  | 'summary_subtotal'
  | 'summary_discount'
  | 'item_discount_amount'
  | 'summary_tax1'
  | 'summary_tax2'
  | 'summary_total'
>;
type TotalledLine = Pick<
  SalesLine,
  | 'product_id'
  | 'item'
  | 'description'
  | 'unit_price'
  | 'quantity'
  | 'discount'
  | 'discount_type'
  | 'tax1'
  | 'tax2'
  | 'store_id'
  | 'subtotal'
  | 'calculated_discount'
  | 'summary_tax1'
  | 'summary_tax2'
  | 'item_subtotal'
  | 'tax1_percent'
  | 'tax2_percent'
>;

/** Completes lines from their products and computes every line and document total. */
export async function computeDocument(
  context: Context,
  document: TotalledDocument,
  lines: TotalledLine[],
  errors: FieldErrors,
  lineKey = 'InvoiceItem',
  priceColumn = 'unit_price',
): Promise<void> {
  const products = await loadById(
    context,
    'products',
    lines.map((line) => line.product_id),
  );
  const taxes = await loadById(
    context,
    'taxes',
    lines.flatMap((line) => [line.tax1, line.tax2]),
  );
  lines.forEach((line, index) => {
    const product = products.get(line.product_id ?? 0);
    if (product) {
      if (!line.item) line.item = textOf(product['name']);
      if ((line.unit_price === undefined || line.unit_price === null) && product[priceColumn] !== null)
        line.unit_price = fromStored(product[priceColumn]);
    }
    // A line with neither item nor product takes its label from its description.
    if (!line.item && typeof line.description === 'string' && line.description.trim() !== '') {
      line.item = line.description.trim().split('\n')[0]!.slice(0, 255);
    }
    if (!line.item) errors[`${lineKey}.${index}.item`] = 'is required when the line names no product';
    if (line.unit_price === undefined || line.unit_price === null)
      errors[`${lineKey}.${index}.unit_price`] = 'is required';
    if (line.quantity === null || line.quantity === undefined) errors[`${lineKey}.${index}.quantity`] = 'is required';
  });
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const inputs: LineInput[] = lines.map((line) => ({
    // Both were checked above: a line without them has been refused.
    quantity: line.quantity ?? ZERO,
    unitPrice: line.unit_price ?? ZERO,
    discount: line.discount ?? ZERO,
    discountType: line.discount_type === 2 ? 2 : 1,
    tax1: taxRate(taxes.get(line.tax1 ?? 0)),
    tax2: taxRate(taxes.get(line.tax2 ?? 0)),
  }));
  const places = currencyDecimals(document.currency_code);
  const totals = computeTotals({
    lines: inputs,
    discountPercent: document.discount ?? ZERO,
    discountAmount: document.discount_amount ?? ZERO,
    shipping: document.shipping_amount ?? ZERO,
    adjustment: document.adjustment_value ?? ZERO,
    places,
  });
  const beyond = rangeErrors(totals, lineKey);
  if (Object.keys(beyond).length > 0) throw validationError(beyond);
  // Amounts of the header are stored as the totals used them: at the currency's minor unit.
  document.shipping_amount =
    document.shipping_amount === null || document.shipping_amount === undefined
      ? document.shipping_amount
      : totals.shipping;
  document.adjustment_value =
    document.adjustment_value === null || document.adjustment_value === undefined
      ? document.adjustment_value
      : totals.adjustment;
  if (typeof document.discount_amount === 'bigint')
    document.discount_amount = roundTo(document.discount_amount, places);
  totals.lines.forEach((line, index) => {
    const target = lines[index]!;
    if (target.discount_type === 2 && typeof target.discount === 'bigint')
      target.discount = roundTo(target.discount, places);
    target.subtotal = line.gross;
    target.calculated_discount = line.lineDiscount + line.headerDiscountShare;
    target.summary_tax1 = line.tax1;
    target.summary_tax2 = line.tax2;
    target.item_subtotal = line.total;
    target.tax1_percent = inputs[index]!.tax1?.rate ?? null;
    target.tax2_percent = inputs[index]!.tax2?.rate ?? null;
    if (!target.store_id) target.store_id = document.store_id;
  });
  Object.assign(document, {
    summary_subtotal: totals.subtotal,
    summary_discount: totals.discount,
    item_discount_amount: totals.lineDiscounts,
    summary_tax1: totals.tax1,
    summary_tax2: totals.tax2,
    summary_total: totals.total,
  });
}

/** Keeps a number set by hand (unique within its type) or draws the next one of the type's sequence (numbering.ts). */
export async function assignNumber(
  context: Context,
  table: string,
  sequence: string,
  document: Pick<SalesDocument, 'type' | 'no'>,
  existing: { id: number } | null,
): Promise<void> {
  document.no = await settleNumber(
    context,
    {
      table,
      column: 'no',
      sequence,
      scope: { type: document.type },
      takenProblem: (number) => `is already used by another document of this type (${number})`,
    },
    document.no,
    existing?.id,
  );
}

/**
 * Converting an estimate: an invoice that names `estimate_id` and carries no items takes the
 * estimate's lines (and keeps the link in estimate_id).
 */
async function linesOfEstimate(context: Context, document: SalesDocument, errors: FieldErrors): Promise<SalesLine[]> {
  const estimateId = document.estimate_id;
  const estimate = (await loadById(context, 'invoices', [estimateId])).get(estimateId ?? 0);
  if (!estimate || Number(estimate['type']) !== 3) {
    errors['estimate_id'] = `does not exist (no estimate with id ${estimateId})`;
    return [];
  }
  if (Number(estimate['client_id']) !== document.client_id) {
    errors['estimate_id'] = 'must be an estimate of the same client';
    return [];
  }
  const rows = await scoped(context, 'invoice_items')
    .selectFrom()
    .selectAll()
    .where('invoice_id', '=', estimateId)
    .orderBy('id')
    .execute();
  const itemFields = resourceNamed('estimates').children![0]!.fields;
  return rows.map((row) => {
    const {
      id: _id,
      invoice_id: _invoice,
      created: _created,
      modified: _modified,
      ...line
    } = rowToRecord(itemFields, row);
    return line;
  });
}

/** The invoices whose sums a write of `document` recomputes: itself when it is an invoice, else the one it reverses. */
function invoicesRecomputed(document: SalesDocument, existing: Saved<SalesDocument> | null): unknown[] {
  const type = document.type;
  // An invoice made from an estimate takes the estimate's deposits (carryEstimateDeposits).
  if (INVOICE_TYPES.has(type)) return [existing?.id ?? document.id, document.estimate_id];
  if (REVERSING_TYPES.has(type)) return [document.subscription_id, existing?.['subscription_id']];
  return [];
}

async function prepare(context: Context, draft: SalesDraft, existing: Saved<SalesDocument> | null): Promise<void> {
  const document = draft.header;
  // Invoices first, by id, before any other row (locks.ts): then stock, payments and refunds.
  await lockInvoices(context, invoicesRecomputed(document, existing));
  const errors: FieldErrors = {};
  if (!document.store_id) document.store_id = await primaryId(context, 'stores');
  if (!document.date) document.date = today(context);
  if (!document.issue_date) document.issue_date = document.date;
  if (document.staff_id === undefined || document.staff_id === null) document.staff_id = context.staffId;
  await fillClientSnapshot(context, document, existing);
  if (!document.currency_code) document.currency_code = context.site.currency_code;
  await settleCurrencyRate(context, document, errors);
  checkDiscounts(document, errors);
  const type = document.type;
  if (REVERSING_TYPES.has(type) && document.subscription_id) {
    const invoice = (await loadById(context, 'invoices', [document.subscription_id])).get(document.subscription_id);
    // That it names an invoice (not an estimate or another credit note) is its ref() and scope (engine/integrity.ts).
    if (invoice && Number(invoice['client_id']) !== document.client_id)
      errors['client_id'] = 'must be the client of the invoice named by subscription_id';
  }
  if (INVOICE_TYPES.has(type) && document.estimate_id && (draft.children['InvoiceItem'] ?? []).length === 0) {
    draft.children['InvoiceItem'] = await linesOfEstimate(context, document, errors);
  }
  const lines = draft.children['InvoiceItem'] ?? [];
  if (lines.length === 0 && !errors['estimate_id']) errors['InvoiceItem'] = 'at least one item is required';
  if (Object.keys(errors).length > 0) throw validationError(errors);
  await computeDocument(context, document, lines, errors);
  if (REVERSING_TYPES.has(type) && document.subscription_id && document.draft !== 1)
    await capReturn(context, document, document.subscription_id, existing);
  await assignNumber(
    context,
    'invoices',
    documentKind('invoices', type)?.numbering ?? `document_${type}`,
    document,
    existing,
  );
  if (existing === null) {
    document.summary_paid = ZERO;
    document.summary_refund = ZERO;
  }
  document.summary_unpaid = document.summary_total;
  document.payment_status = document.draft === 1 ? -1 : 0;
  const payments = draft.children['InvoicePayment'] ?? [];
  // Payments sent with an edit (an empty list too) replace the stored ones: their journals go first.
  // Kept payments carry their ids; allocations of client payments are never among them.
  if (existing && payments.every((payment) => payment.id === undefined))
    await removePaymentJournalsOf(context, existing.id);
  await refuseUnpayable(context, document, payments, existing);
  for (const [index, payment] of payments.entries()) {
    await completePayment(context, payment, document, `InvoicePayment.${index}.`);
  }
  refusePaidOutBeyondTotal(document, payments);
}

/**
 * A credit note's or refund receipt's payments pay the client back (domain/posting/payments.ts `paymentOutLines`): they
 * come to at most what the document returns (an invoice may be overpaid; money returned beyond the
 * return is no refund).
 */
function refusePaidOutBeyondTotal(document: Rec, payments: Rec[]): void {
  if (paymentDirectionOf(Number(document['type'])) !== 'out') return;
  const amountOf = (value: unknown): Dec => (typeof value === 'bigint' ? value : ZERO);
  const total = amountOf(document['summary_total']);
  const paid = payments
    .filter((payment) => payment['status'] === PAYMENT_RECORD_STATUS.completed)
    .reduce((acc, payment) => acc + amountOf(payment['amount']), ZERO);
  if (paid > total) {
    throw validationError({
      InvoicePayment: `must not pay out more than the document returns: the completed payments come to ${formatDec(paid)}, its total is ${formatDec(total)}`,
    });
  }
}

/**
 * Drafts take no payments: payments sent with a draft are refused (InvoicePayment), and a document
 * with payments (its own or allocations) cannot become a draft. Issued invoices take payments, estimates
 * deposits, credit notes and refund receipts the money paid back (docs/accounting.md "Payment out").
 */
async function refuseUnpayable(
  context: Context,
  document: SalesDocument,
  payments: Payment[],
  existing: Rec | null,
): Promise<void> {
  const reason = documentUnpayableReason(document);
  if (!reason) return;
  if (payments.some((payment) => payment.id === undefined))
    throw validationError({ InvoicePayment: `cannot be sent: the document ${reason.replace(/^must be/, 'is not')}` });
  if (!existing) return;
  const allocation = await scoped(context, 'invoice_payments')
    .selectFrom()
    .select('id')
    .where('invoice_id', '=', existing.id)
    .where('client_payment_id', 'is not', null)
    .executeTakeFirst();
  if (payments.length > 0 || allocation)
    throw validationError({ draft: 'cannot be 1 while the invoice has payments; delete its payments first' });
}

/**
 * Credit notes and refund receipts together return at most their invoice's total: a 400 names
 * summary_total when this one would pass what the invoice can still return. The invoice is locked
 * first, so two returns written at once cannot both take the last of it. Amounts compare in the
 * invoice's currency, or in the site currency at each document's rate when the currencies differ.
 */
async function capReturn(
  context: Context,
  document: SalesDocument,
  invoiceId: number,
  existing: Saved<SalesDocument> | null,
): Promise<void> {
  await lockRow(context, 'invoices', invoiceId);
  const invoice = (await loadById(context, 'invoices', [invoiceId])).get(invoiceId);
  if (!invoice) return;
  let others = scoped(context, 'invoices')
    .selectFrom()
    .select(['summary_total', 'currency_code', 'currency_rate'])
    .where('subscription_id', '=', invoiceId)
    .where('type', 'in', [...REVERSING_TYPES])
    .where('draft', '=', 0);
  if (existing) others = others.where('id', '<>', existing.id);
  const currency = String(invoice['currency_code'] ?? context.site.currency_code);
  const sameCurrency = (row: Record<string, unknown>) =>
    String(row.currency_code ?? context.site.currency_code) === currency;
  const rows = await others.execute();
  const inSite = !sameCurrency(document) || rows.some((row) => !sameCurrency(row));
  const places = currencyDecimals(context.site.currency_code);
  const inSiteCurrency = (row: Record<string, unknown>, total: Dec) =>
    inSite ? mulTo(total, rateOf(row), places) : total;
  const total = inSiteCurrency(invoice, fromStored(invoice['summary_total']));
  const returned = rows.reduce((acc, row) => acc + inSiteCurrency(row, fromStored(row.summary_total)), ZERO);
  const asked = inSiteCurrency(document, document.summary_total!);
  if (asked > total - returned) {
    const unit = inSite ? context.site.currency_code : currency;
    throw validationError({
      summary_total: `must not be more than invoice #${invoice['no'] ?? invoiceId} can still return: ${formatDec(total - returned > ZERO ? total - returned : ZERO)} ${unit} of its ${formatDec(total)} (this one comes to ${formatDec(asked)})`,
    });
  }
}

function stockSourceOf(type: number | null | undefined): number | null {
  return documentKind('invoices', type)?.stock?.source ?? null;
}

async function moveStock(context: Context, document: Saved<SalesDocument>, lines: SalesLine[]): Promise<void> {
  const type = document.type;
  const source = stockSourceOf(type);
  if (source === null) return;
  const movements: Movement[] = [];
  if (document.draft !== 1) {
    const products = await loadById(
      context,
      'products',
      lines.map((line) => line.product_id),
    );
    // Base units of the line's unit template, and a bundle's components instead of itself.
    const units = await documentStockUnits(context, lines, products);
    lines.forEach((line, index) => {
      for (const { productId, quantity } of units[index]!) {
        movements.push({
          productId,
          storeId: (line.store_id || document.store_id)!,
          quantity: REVERSING_TYPES.has(type) ? quantity : -quantity,
          price: line.unit_price!,
          date: document.date!,
          field: `InvoiceItem.${index}.quantity`,
        });
      }
    });
  }
  // Returned goods that leave the ledger without a line of their own (a draft, a line moved or removed) are named by the draft flag or the lines.
  await replaceMovements(context, source, document.id!, movements, document.draft === 1 ? 'draft' : 'InvoiceItem');
}

/** Σ totals of the credit notes and refund receipts issued against an invoice, kept on the invoice. */
async function refreshRefunds(context: Context, invoiceId: number): Promise<void> {
  const row = await exactSums(context.dialect, (sums) =>
    scoped(context, 'invoices')
      .selectFrom()
      .select((eb) => sums(eb.ref('summary_total'), 'refunded'))
      .where('subscription_id', '=', invoiceId)
      .where('type', 'in', [...REVERSING_TYPES])
      .where('draft', '=', 0)
      .executeTakeFirst(),
  );
  const refunded = readSum(row, 'refunded');
  await scoped(context, 'invoices')
    .updateTable()
    .set({ summary_refund: toStored(refunded) })
    .where('id', '=', invoiceId)
    .execute();
  await refreshInvoicePayments(context, invoiceId);
}

async function afterWrite(
  context: Context,
  record: Saved<SalesDocument>,
  draft: SalesDraft,
  previous: Saved<SalesDocument> | null,
): Promise<void> {
  const type = record.type;
  const lines = draft.children['InvoiceItem'] ?? [];
  await moveStock(context, record, lines);
  await postSalesDocument(context, record, lines);
  const direction = paymentDirectionOf(Number(type));
  for (const payment of draft.children['InvoicePayment'] ?? []) await postPayment(context, payment, direction);
  if (INVOICE_TYPES.has(type)) await carryEstimateDeposits(context, record);
  await refreshInvoicePayments(context, record.id);
  if (REVERSING_TYPES.has(type)) {
    const linked = new Set(
      [record.subscription_id, previous?.['subscription_id']].filter(
        (v): v is number => typeof v === 'number' && v > 0,
      ),
    );
    for (const invoiceId of linked) await refreshRefunds(context, invoiceId);
  }
  // ZATCA phase 2 (src/zatca): sign and chain the e-invoice of a Saudi site's tax document, last, in this transaction.
  await issueEInvoice(context, record, previous);
}

async function beforeDelete(context: Context, record: Saved<SalesDocument>): Promise<void> {
  await lockInvoices(context, invoicesRecomputed(record, record));
  await refuseDeleteOfEInvoiced(context, record);
  // What names the document (a client payment's allocation, a credit note, an advance application)
  // refuses the delete after this hook, from the ref() graph (engine/integrity.ts).
  await removeSalesJournals(context, record);
  await removePaymentJournalsOf(context, record.id);
}

/**
 * Converting an estimate carries its deposits: an issued invoice that names its estimate (of the same
 * client) takes the estimate's own payments. Their journals stand as they are (Dr treasury, Cr the same
 * client); they now count toward the invoice's paid sum and no longer toward the estimate's.
 */
async function carryEstimateDeposits(context: Context, invoice: Rec): Promise<void> {
  const estimateId = invoice['estimate_id'];
  if (typeof estimateId !== 'number' || estimateId <= 0 || invoice['draft'] === 1) return;
  const estimate = (await loadById(context, 'invoices', [estimateId])).get(estimateId);
  if (!estimate || Number(estimate['type']) !== 3 || Number(estimate['client_id']) !== invoice['client_id']) return;
  const moved = await scoped(context, 'invoice_payments')
    .updateTable()
    .set({ invoice_id: invoice.id! })
    .where('invoice_id', '=', estimateId)
    .where('client_payment_id', 'is', null)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) > 0) await refreshInvoicePayments(context, estimateId);
}

async function afterDelete(context: Context, record: Saved<SalesDocument>): Promise<void> {
  const source = stockSourceOf(record.type);
  if (source !== null) await replaceMovements(context, source, record.id, []);
  const invoiceId = record.subscription_id;
  if (REVERSING_TYPES.has(record.type) && typeof invoiceId === 'number' && invoiceId > 0)
    await refreshRefunds(context, invoiceId);
}

/** Nests the client inside each document, as Daftra's default `recursive=0` does. */
async function related(
  context: Context,
  records: Array<Saved<SalesDocument>>,
  wire: Record<string, unknown>[],
): Promise<void> {
  const clientSpec = resourceNamed('clients');
  const clients = await loadById(
    context,
    'clients',
    records.map((record) => record.client_id),
  );
  records.forEach((record, index) => {
    const row = clients.get(record.client_id);
    wire[index]!['Client'] = row ? renderRecord(clientSpec.fields, rowToRecord(clientSpec.fields, row)) : null;
  });
}

type SalesDraft = Draft<SalesDocument, SalesChildren>;

/** What `prepare` and the e-invoice will read that depends only on what was sent (ResourceHooks.prefetchWrite). */
function prefetchWrite(context: Context, draft: SalesDraft): ShapeRead[] {
  const reads: ShapeRead[] = [];
  if (!draft.header.store_id) reads.push(primaryRead(context, 'stores'));
  if (signsEInvoice(context, draft.header)) reads.push(activeUnitRead(context));
  return reads;
}

export function salesHooks(): ResourceHooks<SalesDocument, SalesChildren> {
  return { prepare, afterWrite, beforeDelete, afterDelete, related, prefetchWrite };
}
