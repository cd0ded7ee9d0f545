/**
 * The sales document family sharing Daftra's invoice shape and the `invoices` table, told apart by
 * `type`: invoices (0, 16 debit note, 19 advance payment), estimates (3), credit notes (5) and refund
 * receipts (6). One factory declares each; the domain rules live in sales-rules.ts.
 */
import { type RecordOf, bool, date, decimal, id, int, isEmpty, json, longText, text } from '../engine/fields.js';
import type { ResourceSpec } from '../engine/resource.js';
import { ALL_OPERATIONS, childOf, defineResource } from '../engine/resource.js';
import { currencyRateField, dayBound, staffField, timestamps } from './common.js';
import { type Payment, paymentFields } from './invoice-payments.js';
import { contains } from '../engine/listing.js';
import { documentClientRead, salesHooks } from './sales-rules.js';
// Daftra's qr_code_url, invoice_html_url and invoice_pdf_url, computed on output (documents/links.ts).
import { addDocumentLinks, documentLinkReads } from '../documents/links.js';
import { customFieldFilter, customFieldLabelFilter, customFieldObject } from './custom-fields.js';
import { sql } from 'kysely';
import type { Context } from '../engine/resource.js';
import { requisitionDeliveryFilter } from './requisitions.js';
import type { Expressions } from '../db/schema.js';

/** Lines one document may carry. */
export const DOCUMENT_LINES_MAX = 1_000;

export const invoiceItemFields = () => ({
  invoice_id: id(),
  item: text(255).doc('Line label; the product name when left out'),
  description: longText(),
  unit_price: decimal().doc("Unit price; the product's unit_price when left out"),
  quantity: decimal()
    .default(1n * 1_000_000n)
    .doc('Quantity, decimals allowed'),
  unit_factor_id: id().doc(
    "A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor",
  ),
  unit_factor: decimal().doc('Base units per unit sold, when unit_factor_id is not given (1 when neither is)'),
  unit_name: text(100),
  tax1: id().ref('taxes').doc('Tax id (from GET /taxes), not a percentage'),
  tax2: id().ref('taxes').doc('Tax id (from GET /taxes), not a percentage'),
  summary_tax1: decimal().readOnly(),
  summary_tax2: decimal().readOnly(),
  subtotal: decimal().readOnly().doc('quantity × unit_price, before discounts and taxes'),
  // The WooCommerce plugin sends the shop's own product id with the line's item and unit_price: such a
  // line, whose id names no product here, is kept as a free-text line (no stock moves).
  product_id: id()
    .ref('products')
    .orphanInto('external_product_id', (line) => !isEmpty(line['item']) && !isEmpty(line['unit_price'])),
  external_product_id: text(64)
    .readOnly()
    .doc('A product_id that named no product of the site, kept as sent (the line is free text)'),
  col_3: text(255),
  col_4: text(255),
  col_5: text(255),
  discount: decimal().nonNegative(),
  discount_type: int().oneOf([1, 2]).default(1).doc('1 percent, 2 fixed amount for the line'),
  store_id: id().ref('stores').doc("Store the item leaves from; the document's store when left out"),
  calculated_discount: decimal().readOnly().doc("Line discount plus the line's share of the document discount"),
  item_subtotal: decimal().readOnly().doc('Line total after discounts, with exclusive taxes'),
  tax1_percent: decimal().readOnly(),
  tax2_percent: decimal().readOnly(),
  lot: json().doc('Lot numbers of the quantity sold, as sent (a list)'),
  expiry_date: json().doc('Expiry dates of the lots, as sent (a list)'),
  serials: json().doc('Serial numbers sold, as sent (a list)'),
  ...timestamps(),
});

/** The totals a document's server computes (computeDocument in sales-rules.ts) and its paid sums. */
export const summaryFields = () => ({
  summary_subtotal: decimal().readOnly(),
  summary_discount: decimal().readOnly(),
  summary_tax1: decimal().readOnly(),
  summary_tax2: decimal().readOnly(),
  summary_total: decimal().readOnly(),
  summary_paid: decimal().readOnly(),
  summary_unpaid: decimal().readOnly(),
  item_discount_amount: decimal().readOnly(),
});

const documentFields = () => ({
  staff_id: staffField(),
  subscription_id: id().doc('For credit notes and refund receipts: the invoice they reverse'),
  store_id: id().ref('stores').doc('The primary store when left out'),
  type: int().doc('0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment'),
  no: text(255).doc('Number; generated per document type when left out'),
  po_number: text(255),
  name: text(255),
  client_id: id().required().ref('clients'),
  is_offline: bool().default(0),
  currency_code: text(10).doc('The site currency when left out'),
  currency_rate: currencyRateField(),
  client_business_name: text(100),
  client_first_name: text(255),
  client_last_name: text(255),
  client_email: text(255),
  client_address1: text(255),
  client_address2: text(255),
  client_postal_code: text(20),
  client_city: text(100),
  client_state: text(100),
  client_country_code: text(3),
  client_bn1: text(255),
  client_bn2: text(255),
  date: date().doc('YYYY-MM-DD; today when left out'),
  issue_date: date(),
  due_after: int().range(0, 36_500).doc('Days until due'),
  payment_status: int().readOnly().doc('-1 draft, 0 unpaid, 1 partially paid, 2 paid, 3 refunded, 4 overpaid'),
  draft: bool().default(0),
  discount: decimal().nonNegative().doc('Document discount in percent (0-100); exclusive with discount_amount'),
  discount_amount: decimal().nonNegative().doc('Document discount as an amount; exclusive with discount'),
  deposit: decimal().nonNegative(),
  deposit_type: int().oneOf([0, 1, 2]),
  ...summaryFields(),
  summary_deposit: decimal().readOnly(),
  summary_refund: decimal().readOnly(),
  notes: longText(),
  terms: longText(),
  html_notes: longText(),
  invoice_layout_id: id(),
  estimate_id: id().doc('The estimate this invoice was made from'),
  shipping_options: int().oneOf([1, 2, 3]),
  shipping_amount: decimal().nonNegative(),
  client_active_secondary_address: bool(),
  client_secondary_name: text(255),
  client_secondary_address1: text(255),
  client_secondary_address2: text(255),
  client_secondary_city: text(100),
  client_secondary_state: text(100),
  client_secondary_postal_code: text(50),
  client_secondary_country_code: text(10),
  follow_up_status: int(),
  work_order_id: id().ref('work_orders'),
  requisition_delivery_status: int().oneOf([1, 2, 3, 4, 5]),
  pos_shift_id: id(),
  source_type: int(),
  source_id: id(),
  order_source_id: id(),
  language_id: id(),
  sales_person_id: int(),
  cost_center_id: id(),
  terminal_id: text(64).doc('POS terminal id, as the POS names it (the docs type it as a string)'),
  unique_id: text(255),
  branch_id: id(),
  adjustment_label: text(255),
  adjustment_value: decimal(),
  custom_fields: json().doc(
    'InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object)',
  ),
  client_currency_code: text(10).doc("The client's currency, as sent"),
  date_format: text(50).doc('Date format of the printed document, as sent'),
  deposit_details: json().doc('Deposit: as sent'),
  reminders: json().doc('InvoiceReminder: as sent'),
  documents: json().doc('Document: attachments, as sent'),
  document_titles: json().doc('DocumentTitle: as sent'),
  tags: text(1000).doc('Tags, comma-separated (ids or names); the `tags` list filter matches any of them'),
  external_source: text(50)
    .default('api')
    .doc('Where the document was made: `api` unless the client names its source (e.g. `salla`)'),
  shipping_option_id: id().doc('Shipping option (a carrier or method of the shop)'),
  einvoice_status: text(20)
    .readOnly()
    .doc('ZATCA e-invoice (docs/zatca.md): signed, pending, reported, cleared or rejected; empty when none'),
  ...timestamps(),
});

/** A sales document as its hooks see it (sales-rules.ts), its lines and its embedded payments. */
export type SalesDocumentFields = ReturnType<typeof documentFields>;
export type SalesDocument = RecordOf<SalesDocumentFields>;
export type SalesLine = RecordOf<ReturnType<typeof invoiceItemFields>>;
export type SalesChildren = { InvoiceItem?: SalesLine[]; InvoicePayment?: Payment[] };

const itemsChild = () =>
  childOf({
    key: 'InvoiceItem',
    table: 'invoice_items',
    foreignKey: 'invoice_id',
    fields: invoiceItemFields(),
    writable: true,
    countMax: DOCUMENT_LINES_MAX,
  });

const paymentsChild = () =>
  childOf({
    key: 'InvoicePayment',
    inputKeys: ['Payment'],
    table: 'invoice_payments',
    foreignKey: 'invoice_id',
    fields: paymentFields(),
    writable: true,
    countMax: 100,
    // Allocations of client payments are listed with the invoice but belong to their client payment.
    sharedWith: 'client_payment_id',
  });

function paymentStatusFilter(eb: Expressions, value: string | string[]) {
  const text = Array.isArray(value) ? value[0]! : value;
  if (!/^-?\d$/.test(text)) return null;
  const code = Number(text);
  if (code === -1) return eb('draft', '=', 1);
  // -2 due: not fully paid; -3 overdue: not fully paid and past date + due_after.
  if (code === -2 || code === -3) return eb.and([eb('draft', '=', 0), eb('payment_status', 'in', [0, 1])]);
  return eb.and([eb('draft', '=', 0), eb('payment_status', '=', code)]);
}

function totalBound(op: '>=' | '<=') {
  return (eb: Expressions, value: string | string[]) => {
    const text = Array.isArray(value) ? value[0]! : value;
    if (!/^\d+(\.\d+)?$/.test(text)) return null;
    const [whole, fraction = ''] = text.split('.');
    const scaled = BigInt(whole!) * 1_000_000n + BigInt(`${fraction}000000`.slice(0, 6));
    // Beyond any stored total a bound means "all" (to) or "none" (from); PostgreSQL cannot even read
    // a number past bigint (summary_total_to=99…9 was a 500).
    return eb('summary_total', op, Number(scaled > TOTAL_BOUND_MAX ? TOTAL_BOUND_MAX : scaled));
  };
}

const likePattern = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const listOf = (value: string | string[]) =>
  (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');

/** Documents with a line whose label contains the text, or (digits) whose product is that id. */
function itemFilter(eb: Expressions, value: string | string[], context: Context) {
  const wanted = listOf(value);
  if (wanted.length === 0) return null;
  const like = context.dialect === 'postgres' ? 'ilike' : 'like';
  return eb.exists(
    eb
      .selectFrom('invoice_items as line')
      .select('line.id')
      .whereRef('line.invoice_id', '=', 'invoices.id')
      .where('line.site_id', '=', context.siteId)
      .where((inner) =>
        inner.or(
          wanted.flatMap((text) => [
            inner('line.item', like, likePattern(text)),
            ...(/^\d{1,15}$/.test(text) ? [inner('line.product_id', '=', Number(text))] : []),
          ]),
        ),
      ),
  );
}

/** Documents whose client is of the type (2 individual, 3 business). */
function clientTypeFilter(eb: Expressions, value: string | string[], context: Context) {
  const types = listOf(value)
    .filter((v) => /^\d{1,3}$/.test(v))
    .map(Number);
  if (types.length === 0) return null;
  return eb.exists(
    eb
      .selectFrom('clients as owner')
      .select('owner.id')
      .whereRef('owner.id', '=', 'invoices.client_id')
      .where('owner.site_id', '=', context.siteId)
      .where('owner.type', 'in', types),
  );
}

/** The due date is the date plus due_after days (the date itself when due_after is empty). */
function dueDateBound(op: '>=' | '<=') {
  return (eb: Expressions, value: string | string[], context: Context) => {
    const day = listOf(value)[0];
    if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return null;
    const due =
      context.dialect === 'postgres'
        ? sql<string>`to_char(cast(substr("date", 1, 10) as date) + cast(coalesce(due_after, 0) as integer), 'YYYY-MM-DD')`
        : sql<string>`date(substr("date", 1, 10), '+' || coalesce(due_after, 0) || ' days')`;
    // Most documents have no due_after: their due date is their (valid, stored) date, compared as text.
    // The date arithmetic only for the others keeps the unpaid list's count to reading an index
    // (migration 0021), not a date function per invoice.
    const days = sql<number>`coalesce(due_after, 0)`;
    return eb.or([
      eb.and([eb(days, '=', 0), eb(sql<string>`substr("date", 1, 10)`, op, day.slice(0, 10))]),
      eb.and([eb(days, '<>', 0), eb(due, op, day.slice(0, 10))]),
    ]);
  };
}

/** Any of the tags: the stored list is comma-separated. */
function tagsFilter(eb: Expressions, value: string | string[]) {
  const wanted = listOf(value)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (wanted.length === 0) return null;
  const padded = sql<string>`',' || replace(coalesce(tags, ''), ', ', ',') || ','`;
  return eb.or(wanted.map((tag) => eb(padded, 'like', `%,${tag.replace(/[%_\\]/g, (c) => `\\${c}`)},%`)));
}

/** Larger than any stored amount (bigint millionths), and exact as a double. */
const TOTAL_BOUND_MAX = 2n ** 62n;

export interface SalesDocumentOptions {
  name: string;
  model: string;
  title: string;
  types: readonly number[];
  createType: number;
  /** Types a create may ask for beyond `types`. */
  createTypes?: readonly number[];
  /** More model keys accepted on writes. */
  inputModels?: string[];
  /** Credit notes and refund receipts: subscription_id names the invoice they return (on invoices it is a subscription's id). */
  reverses?: boolean;
  /** More model keys replies carry. */
  aliasModels?: string[];
  v2Aliases?: Record<string, readonly string[]>;
  description: string;
}

export function salesDocument(options: SalesDocumentOptions): ResourceSpec {
  return defineResource({
    name: options.name,
    model: options.model,
    inputModels: options.inputModels,
    aliasModels: options.aliasModels,
    ...(options.v2Aliases ? { v2Aliases: options.v2Aliases } : {}),
    title: options.title,
    table: 'invoices',
    operations: ALL_OPERATIONS,
    scope: {
      column: 'type',
      values: options.types,
      createDefault: options.createType,
      createValues: options.createTypes,
    },
    fields: options.reverses
      ? {
          ...documentFields(),
          subscription_id: id().ref('invoices').doc('The invoice this document returns (from GET /invoices)'),
        }
      : documentFields(),
    // Every sales document carries payments: an invoice's, an estimate's deposits, the money a credit note or refund receipt pays back.
    children: [itemsChild(), paymentsChild()],
    wireObjects: [
      customFieldObject(['InvoiceCustomField']),
      // Documented as objects with no fields: kept and answered as sent.
      { field: 'deposit_details', keys: ['Deposit'], renderKeys: ['Deposit'] },
      { field: 'reminders', keys: ['InvoiceReminder'], renderKeys: ['InvoiceReminder'] },
      { field: 'documents', keys: ['Document'], renderKeys: ['Document'] },
      { field: 'document_titles', keys: ['DocumentTitle'], renderKeys: ['DocumentTitle'] },
    ],
    defaultOrder: [
      ['date', 'desc'],
      ['id', 'desc'],
    ],
    keywordColumns: [
      'no',
      'po_number',
      'client_business_name',
      'client_first_name',
      'client_last_name',
      'client_email',
      'name',
    ],
    filters: {
      payment_status: paymentStatusFilter,
      requisition_delivery_status: requisitionDeliveryFilter,
      date_from: dayBound('date', '>='),
      date_to: dayBound('date', '<='),
      summary_total_from: totalBound('>='),
      summary_total_to: totalBound('<='),
      item: itemFilter,
      custom_field: customFieldFilter('custom_fields'),
      custom_field_label: customFieldLabelFilter('custom_fields'),
      client_type: clientTypeFilter,
      due_date_from: dueDateBound('>='),
      due_date_to: dueDateBound('<='),
      tags: tagsFilter,
      no: (eb, value, context) => contains(eb.ref('no'), Array.isArray(value) ? value[0]! : value, context.dialect),
    },
    hooks: {
      ...salesHooks(),
      computed: addDocumentLinks,
      prefetchOne: (context, id) => [...documentLinkReads(context, id), documentClientRead(context, 'invoices', id)],
    },
    description: options.description,
  });
}

export const invoices = salesDocument({
  name: 'invoices',
  model: 'Invoice',
  title: 'Invoice',
  types: [0, 16, 19],
  createType: 0,
  // Some clients make estimates with POST /invoices and type 3.
  createTypes: [0, 16, 19, 3],
  // Daftra's v2 invoice nests its client twice more and its payments as `payment` (GET /invoice/{id}/1 in the docs).
  v2Aliases: { client_id: ['invoice_client', 'clients'], InvoicePayment: ['payment'] },
  description: 'Sales invoices (types 0, 16 debit note and 19 advance payment). POST with type 3 makes an estimate.',
});

export const estimates = salesDocument({
  name: 'estimates',
  model: 'Estimate',
  title: 'Estimate',
  types: [3],
  createType: 3,
  description:
    'Estimates (quotations): totals like invoices; no stock, no journal of their own; payments are deposits, carried to the invoice the estimate becomes (estimate_id).',
});

export const creditNotes = salesDocument({
  name: 'credit_notes',
  model: 'CreditNote',
  title: 'Credit note',
  // One integrator first wrote credit notes under the Invoice key; a POS sync reads them as data.Invoice.
  inputModels: ['Invoice'],
  aliasModels: ['Invoice'],
  types: [5],
  createType: 5,
  reverses: true,
  description:
    'Credit notes: reduce what the client owes on the invoice named by subscription_id and return stock; payments are the credit paid back in money.',
});

export const refundReceipts = salesDocument({
  name: 'refund_receipts',
  model: 'RefundReceipt',
  title: 'Refund receipt',
  inputModels: ['Invoice'],
  aliasModels: ['Invoice'],
  types: [6],
  createType: 6,
  reverses: true,
  description:
    'Refund receipts: money paid back to the client for the invoice named by subscription_id (from the primary treasury, or as its payments say); stock returns.',
});
