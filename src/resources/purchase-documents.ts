/**
 * Purchase invoices (Daftra's `PurchaseOrder`, also written as `PurchaseInvoice`, also at the path
 * `purchase_orders`) and purchase refunds, sharing the `purchase_orders` table by `type`. Totals are
 * computed exactly as for sales; a non-draft purchase brings stock in, a refund takes it out.
 */
import { validationError, DaftarError, type FieldErrors } from '../domain/errors.js';
import { postJournal, removeJournal } from '../domain/books.js';
import { movementValues } from '../domain/inventory.js';
import { type Dec, ZERO, currencyDecimals, mulTo } from '../domain/money.js';
import { type Movement, replaceMovements } from '../domain/stock.js';
import { type DocumentKindSpec, documentKind, typesWhere } from '../domain/document-kinds.js';
import { type PurchaseFacts, purchaseInvoiceLines, purchaseRefundLines } from '../domain/posting/purchases.js';
import { type RecordOf, bool, date, datetime, decimal, id, int, json, longText, text } from '../engine/fields.js';
import { customFieldFilter, customFieldLabelFilter, customFieldObject } from './custom-fields.js';
import { renderRecord, rowToRecord } from '../engine/records.js';
import { resourceNamed } from '../engine/registry.js';
import type { Context, Draft, Rec, ResourceSpec, Saved } from '../engine/resource.js';
import { ALL_OPERATIONS, childOf, defineResource } from '../engine/resource.js';
import { currencyRateField, dayBound, primaryId, settleCurrencyRate, staffField, timestamps, today } from './common.js';
import { DOCUMENT_LINES_MAX, invoiceItemFields, summaryFields } from './sales-documents.js';
import { assignNumber, checkDiscounts, computeDocument } from './sales-rules.js';
import { rateOf } from './sales-postings.js';
import { baseQuantities } from './product-bundles.js';
import {
  PURCHASE_PAYMENT_KEY,
  completePurchasePayments,
  postPurchasePayment,
  purchasePaymentsChild,
  refreshPurchasePayments,
  removePurchasePaymentJournals,
} from './purchase-payments.js';
import { staffOf } from './staff.js';
import { scoped } from '../db/scoped.js';

const PURCHASE_TYPE = 0;
const REFUND_TYPE = 1;
/** Daftra's type of a purchase debit note (its v2 body sends "type": "14"). */
const DEBIT_NOTE_TYPE = 14;

/** The kind of a purchase document (domain/document-kinds.ts); its type is one its resources are scoped to. */
function purchaseKind(type: unknown): DocumentKindSpec {
  const kind = documentKind('purchase_orders', type);
  if (!kind) throw new Error(`no purchase document kind has type ${String(type)}`);
  return kind;
}
/** Refunds and debit notes reduce what is owed to the supplier; only a refund returns goods. */
const reducesPayable = (type: unknown) => documentKind('purchase_orders', type)?.reverses === 'purchase_invoice';
const decOf = (value: unknown): Dec => (typeof value === 'bigint' ? value : ZERO);

function purchaseItemFields() {
  const { invoice_id: _unused, ...line } = invoiceItemFields();
  return {
    purchase_order_id: id(),
    org_name: text(255).doc('Name of the item at the supplier'),
    ...line,
    unit_price: decimal().doc("Unit cost; the product's buy_price when left out"),
  };
}

const SUPPLIER_SNAPSHOT: ReadonlyArray<readonly [string, string]> = [
  ['supplier_business_name', 'business_name'],
  ['supplier_first_name', 'first_name'],
  ['supplier_last_name', 'last_name'],
  ['supplier_email', 'email'],
  ['supplier_address1', 'address1'],
  ['supplier_address2', 'address2'],
  ['supplier_city', 'city'],
  ['supplier_state', 'state'],
  ['supplier_postal_code', 'postal_code'],
  ['supplier_country_code', 'country_code'],
  ['supplier_supplier_number', 'supplier_number'],
  ['supplier_phone1', 'phone1'],
  ['supplier_phone2', 'phone2'],
  ['supplier_bn1_label', 'bn1_label'],
  ['supplier_bn2_label', 'bn2_label'],
  ['supplier_default_currency_code', 'default_currency_code'],
];

const headerFields = () => ({
  staff_id: staffField(),
  subscription_id: id().ref('purchase_invoices').doc('For refunds and debit notes: the purchase invoice they correct'),
  type: int().readOnly().doc('0 purchase invoice, 1 purchase refund, 14 purchase debit note'),
  no: text(255).doc('Number; generated per type when left out'),
  po_number: text(255),
  supplier_id: id().required().ref('suppliers'),
  is_offline: bool().default(0),
  currency_code: text(10).doc('The site currency when left out'),
  currency_rate: currencyRateField(),
  // The supplier snapshot (SUPPLIER_SNAPSHOT), one field each.
  supplier_business_name: text(255),
  supplier_first_name: text(255),
  supplier_last_name: text(255),
  supplier_email: text(255),
  supplier_address1: text(255),
  supplier_address2: text(255),
  supplier_city: text(255),
  supplier_state: text(255),
  supplier_postal_code: text(255),
  supplier_country_code: text(3),
  supplier_supplier_number: text(255),
  supplier_phone1: text(255),
  supplier_phone2: text(255),
  supplier_bn1_label: text(255),
  supplier_bn2_label: text(255),
  supplier_default_currency_code: text(255),
  date: date().doc('Today when left out'),
  draft: bool().default(0).doc('A draft moves no stock'),
  is_received: bool().default(1),
  received_date: datetime().doc('When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight)'),
  Supplier_active_secondary_address: bool(),
  Supplier_secondary_name: text(255),
  Supplier_secondary_address1: text(255),
  Supplier_secondary_address2: text(255),
  Supplier_secondary_city: text(255),
  Supplier_secondary_state: text(255),
  Supplier_secondary_postal_code: text(255),
  Supplier_secondary_country_code: text(255),
  custom_fields: json().doc('PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value}'),
  store_id: id().ref('stores').doc('The primary store when left out'),
  discount: decimal().nonNegative(),
  discount_amount: decimal().nonNegative(),
  shipping_amount: decimal().nonNegative(),
  adjustment_label: text(255),
  adjustment_value: decimal(),
  notes: longText(),
  html_notes: longText(),
  invoice_layout_id: id().doc('The layout it prints with, kept as sent'),
  language_id: id(),
  show_item_stores: bool().doc("1: the printed document shows each line's store"),
  payment_status: int().readOnly(),
  ...summaryFields(),
  work_order_id: id().ref('work_orders'),
  branch_id: id(),
  ...timestamps(),
});

/** A purchase document in memory, and its lines. */
type PurchaseDocument = RecordOf<ReturnType<typeof headerFields>>;
type PurchaseLine = RecordOf<ReturnType<typeof purchaseItemFields>>;
type PurchaseDraft = Draft<PurchaseDocument, { PurchaseOrderItem?: PurchaseLine[]; [PURCHASE_PAYMENT_KEY]?: Rec[] }>;

async function fillSupplierSnapshot(
  context: Context,
  document: PurchaseDocument,
  existing: Saved<PurchaseDocument> | null,
): Promise<void> {
  if (existing && existing.supplier_id === document.supplier_id) return;
  const supplier = await scoped(context, 'suppliers')
    .selectFrom()
    .selectAll()
    .where('id', '=', document.supplier_id)
    .executeTakeFirst();
  if (!supplier) return;
  // The snapshot's columns are named by a table: read and written as plain records.
  const snapshot: Rec = document;
  const before: Rec | null = existing;
  for (const [target, source] of SUPPLIER_SNAPSHOT) {
    const sent = before
      ? snapshot[target] !== before[target]
      : snapshot[target] !== undefined && snapshot[target] !== null && snapshot[target] !== '';
    if (!sent) snapshot[target] = supplier[source] ?? null;
  }
}

async function prepare(
  context: Context,
  draft: PurchaseDraft,
  existing: Saved<PurchaseDocument> | null,
): Promise<void> {
  const document = draft.header;
  const errors: FieldErrors = {};
  // The scope always sets it (one type per purchase resource).
  const type = document.type!;
  if (!document['store_id']) document['store_id'] = await primaryId(context, 'stores');
  if (!document['date']) document['date'] = today(context);
  if (!document['currency_code']) document['currency_code'] = context.site.currency_code;
  await fillSupplierSnapshot(context, document, existing);
  await settleCurrencyRate(context, document, errors);
  checkDiscounts(document, errors);
  if (reducesPayable(type) && document.subscription_id) {
    // The engine has checked that subscription_id names a purchase invoice (its ref() and scope).
    const original = await scoped(context, 'purchase_orders')
      .selectFrom()
      .select('supplier_id')
      .where('id', '=', document.subscription_id)
      .executeTakeFirst();
    if (original && Number(original['supplier_id']) !== document.supplier_id)
      errors['supplier_id'] = 'must be the supplier of the purchase invoice refunded';
  }
  const lines = draft.children['PurchaseOrderItem'] ?? [];
  if (lines.length === 0) errors['PurchaseOrderItem'] = 'at least one item is required';
  if (Object.keys(errors).length > 0) throw validationError(errors);
  await computeDocument(context, document, lines, errors, 'PurchaseOrderItem', 'buy_price');
  await assignNumber(context, 'purchase_orders', purchaseKind(type).numbering, document, existing);
  if (existing === null) document.summary_paid = ZERO;
  document.summary_unpaid = document.summary_total! - (document.summary_paid ?? ZERO);
  document['payment_status'] = document['draft'] === 1 ? -1 : 0;
  const payments = draft.children[PURCHASE_PAYMENT_KEY];
  if (payments === undefined) return;
  // Payments sent with an edit (an empty list too) replace the stored ones: their journals go first.
  if (existing && payments.every((payment) => payment.id === undefined))
    await removePurchasePaymentJournals(context, existing.id);
  await completePurchasePayments(context, document, payments);
}

/**
 * The purchase invoice's taxes as Daftra lists them (`PurchaseOrderTax`): each tax its lines use, once,
 * as the tax record says (derived from the lines' tax1 and tax2; there is no list of its own to keep).
 */
async function taxesOfDocuments(context: Context, ids: number[]): Promise<Map<number, Record<string, unknown>[]>> {
  const lines = await scoped(context, 'purchase_order_items')
    .selectFrom()
    .select(['purchase_order_id', 'tax1', 'tax2'])
    .where('purchase_order_id', 'in', ids)
    .orderBy('id')
    .execute();
  const taxIds = [
    ...new Set(lines.flatMap((line) => [Number(line['tax1']), Number(line['tax2'])]).filter((taxId) => taxId > 0)),
  ];
  const taxRows =
    taxIds.length === 0
      ? []
      : await scoped(context, 'taxes').selectFrom().selectAll().where('id', 'in', taxIds).execute();
  const taxSpec = resourceNamed('taxes');
  const rendered = new Map(
    taxRows.map((row) => {
      const tax = renderRecord(taxSpec.fields, rowToRecord(taxSpec.fields, row));
      return [
        Number(row['id']),
        {
          id: tax['id'],
          tax_id: tax['id'],
          name: tax['name'],
          value: tax['value'],
          description: tax['description'],
          included: tax['included'],
          created: tax['created'],
          modified: tax['modified'],
        },
      ];
    }),
  );
  const byDocument = new Map<number, Record<string, unknown>[]>();
  const seen = new Set<string>();
  for (const line of lines) {
    const documentId = Number(line['purchase_order_id']);
    for (const taxId of [Number(line['tax1']), Number(line['tax2'])]) {
      const tax = rendered.get(taxId);
      if (!tax || seen.has(`${documentId}:${taxId}`)) continue;
      seen.add(`${documentId}:${taxId}`);
      byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), tax]);
    }
  }
  return byDocument;
}

/** A line's amount before tax, after every discount, in the document's currency. */
const netOf = (line: Rec): Dec =>
  ((line['item_subtotal'] as Dec | null) ?? ZERO) -
  ((line['summary_tax1'] as Dec | null) ?? ZERO) -
  ((line['summary_tax2'] as Dec | null) ?? ZERO);

/** Indexes of the lines whose product's stock is tracked. */
async function stockLines(context: Context, lines: PurchaseLine[], type: unknown): Promise<Set<number>> {
  // A debit note corrects the price owed; the goods stay (a return of goods is a purchase refund).
  if (!purchaseKind(type).stock) return new Set();
  const ids = [...new Set(lines.map((line) => line.product_id).filter(Boolean))];
  if (ids.length === 0) return new Set();
  const rows = await scoped(context, 'products')
    .selectFrom()
    .select(['id', 'track_stock'])
    .where('id', 'in', ids)
    .execute();
  const tracked = new Set(rows.filter((row) => Number(row['track_stock']) === 1).map((row) => Number(row['id'])));
  return new Set(lines.flatMap((line, index) => (tracked.has(line.product_id ?? 0) ? [index] : [])));
}

async function moveStock(
  context: Context,
  document: Saved<PurchaseDocument>,
  lines: PurchaseLine[],
  stocked: Set<number>,
): Promise<void> {
  const stock = purchaseKind(document.type).stock;
  if (!stock) return;
  const refund = stock.direction === 'out';
  const source = stock.source;
  const movements: Movement[] = [];
  const places = currencyDecimals(context.site.currency_code);
  if (document.draft !== 1) {
    // In base units of the product's unit template (a box of 12 received is 12 pieces).
    const quantities = await baseQuantities(context, lines);
    for (const [index, line] of lines.entries()) {
      if (!stocked.has(index)) continue;
      const quantity = quantities[index]!;
      movements.push({
        // Received goods come in at what they cost: the line before tax, in the site currency.
        costValue: mulTo(netOf(line), rateOf(document), places),
        // Stocked lines name a product; the prepare gave every line a store and the document a date.
        productId: line.product_id!,
        storeId: (line.store_id || document.store_id)!,
        quantity: refund ? -quantity : quantity,
        price: line.unit_price!,
        date: document.date!,
        field: `PurchaseOrderItem.${index}.quantity`,
      });
    }
  }
  // Goods that leave the ledger without a line of their own (a draft, a line moved or removed) are named by the draft flag or the lines.
  await replaceMovements(context, source, document.id, movements, document.draft === 1 ? 'draft' : 'PurchaseOrderItem');
}

/** The journal of a purchase document (src/domain/posting/purchases.ts); drafts post nothing. */
async function postPurchase(context: Context, document: Rec, lines: Rec[], stocked: Set<number>): Promise<void> {
  const kind = purchaseKind(document['type']);
  if (!kind.journal) return;
  if (document['draft'] === 1) {
    await removeJournal(context, kind.journal.entityType, document.id!);
    return;
  }
  const facts: PurchaseFacts = {
    supplierId: Number(document['supplier_id']),
    total: decOf(document['summary_total']),
    rate: rateOf(document),
    sitePlaces: currencyDecimals(context.site.currency_code),
    lines: lines.map((line, index) => ({
      net: netOf(line),
      stocked: stocked.has(index),
      taxes: [1, 2].map((slot) => ({
        taxId: Number(line[`tax${slot}`] ?? 0) || null,
        amount: decOf(line[`summary_tax${slot}`]),
      })),
    })),
    inventoryValues: kind.stock
      ? await movementValues(context, { sourceType: kind.stock.source, orderId: document.id! })
      : new Map(),
  };
  await postJournal(context, {
    entityType: kind.journal.entityType,
    entityId: document.id!,
    date: String(document['date']),
    rate: facts.rate,
    currencyCode: String(document['currency_code'] ?? context.site.currency_code),
    description: `${kind.journal.label} #${document['no']}`,
    lines: kind.rule === 'purchase_refund' ? purchaseRefundLines(facts) : purchaseInvoiceLines(facts),
  });
}

function purchaseDocument(options: {
  name: string;
  aliases?: string[];
  model: string;
  inputModels?: string[];
  title: string;
  type: number;
  description: string;
  lineKeys?: string[];
  payments?: boolean;
}): ResourceSpec {
  // A bank-sync proxy reads purchase documents as data.PurchaseInvoice.
  const aliasModels = options.model === 'PurchaseInvoice' ? [] : ['PurchaseInvoice'];
  return defineResource({
    name: options.name,
    aliases: options.aliases,
    model: options.model,
    inputModels: options.inputModels,
    aliasModels,
    title: options.title,
    table: 'purchase_orders',
    operations: ALL_OPERATIONS,
    scope: { column: 'type', values: [options.type], createDefault: options.type },
    fields: headerFields(),
    children: [
      childOf({
        key: 'PurchaseOrderItem',
        inputKeys: ['PurchaseInvoiceItem', 'PurchaseRefundItem', ...(options.lineKeys ?? [])],
        table: 'purchase_order_items',
        foreignKey: 'purchase_order_id',
        fields: purchaseItemFields(),
        writable: true,
        countMax: DOCUMENT_LINES_MAX,
      }),
      ...(options.payments ? [purchasePaymentsChild()] : []),
    ],
    defaultOrder: [
      ['date', 'desc'],
      ['id', 'desc'],
    ],
    keywordColumns: ['no', 'po_number', 'supplier_business_name', 'supplier_email', 'notes'],
    wireObjects: [
      customFieldObject(
        ['PurchaseOrderCustomField', 'InvoiceCustomField'],
        ['PurchaseOrderCustomField', 'PurchaseInvoiceCustomField', 'InvoiceCustomField'],
      ),
    ],
    filters: {
      date_from: dayBound('date', '>='),
      date_to: dayBound('date', '<='),
      from_date: dayBound('date', '>='),
      to_date: dayBound('date', '<='),
      custom_field: customFieldFilter('custom_fields'),
      custom_field_label: customFieldLabelFilter('custom_fields'),
    },
    description: options.description,
    hooks: {
      prepare,
      async afterWrite(context, record, draft) {
        const lines = draft.children['PurchaseOrderItem'] ?? [];
        const stocked = await stockLines(context, lines, record.type);
        await moveStock(context, record, lines, stocked);
        await postPurchase(context, record, lines, stocked);
        if (!options.payments) return;
        for (const payment of draft.children[PURCHASE_PAYMENT_KEY] ?? [])
          await postPurchasePayment(context, payment, Number(record['supplier_id']));
        await refreshPurchasePayments(context, record);
      },
      async beforeDelete(context, record) {
        if (record.type !== PURCHASE_TYPE) return;
        await removePurchasePaymentJournals(context, record.id);
        const refund = await scoped(context, 'purchase_orders')
          .selectFrom()
          .select('id')
          .where('subscription_id', '=', record.id)
          .where(
            'type',
            'in',
            typesWhere('purchase_orders', (kind) => kind.reverses === 'purchase_invoice'),
          )
          .executeTakeFirst();
        if (refund)
          throw new DaftarError(
            'DAFTAR_ERR_HAS_TRANSACTIONS',
            "Can't delete item. Remove its purchase refunds and debit notes first.",
          );
      },
      async afterDelete(context, record) {
        const kind = purchaseKind(record.type);
        if (kind.journal) await removeJournal(context, kind.journal.entityType, record.id);
        if (kind.stock) await replaceMovements(context, kind.stock.source, record.id, []);
      },
      async related(context, records, wire) {
        const supplierSpec = resourceNamed('suppliers');
        const ids = [...new Set(records.map((record) => record.supplier_id))];
        const rows = await scoped(context, 'suppliers').selectFrom().selectAll().where('id', 'in', ids).execute();
        const byId = new Map(rows.map((row) => [Number(row['id']), row]));
        const staff = await staffOf(
          context,
          records.map((record) => record['staff_id']),
        );
        const taxes = options.payments
          ? await taxesOfDocuments(
              context,
              records.map((record) => record.id!),
            )
          : null;
        records.forEach((record, index) => {
          const row = byId.get(record.supplier_id);
          wire[index]!['Supplier'] = row
            ? renderRecord(supplierSpec.fields, rowToRecord(supplierSpec.fields, row))
            : null;
          // The staff member who made it, nested as Daftra does (the site owner for staff_id 0).
          wire[index]!['staff'] = staff.get(Number(record['staff_id'] ?? 0)) ?? null;
          if (taxes) wire[index]!['PurchaseOrderTax'] = taxes.get(record.id!) ?? [];
        });
      },
    },
  });
}

export const purchaseInvoices = purchaseDocument({
  name: 'purchase_invoices',
  aliases: ['purchase_orders'],
  model: 'PurchaseOrder',
  inputModels: ['PurchaseInvoice'],
  title: 'Purchase invoice',
  type: PURCHASE_TYPE,
  payments: true,
  description:
    'Purchase invoices from suppliers; non-draft ones bring stock in. PurchaseOrderPayment: payments to the supplier (Dr supplier, Cr treasury).',
});

export const purchaseRefunds = purchaseDocument({
  name: 'purchase_refunds',
  model: 'PurchaseRefund',
  title: 'Purchase refund',
  type: REFUND_TYPE,
  description: 'Goods returned to a supplier (subscription_id: the purchase invoice); stock goes out.',
});

export const purchaseDebitNotes = purchaseDocument({
  name: 'purchase_debit_notes',
  model: 'PurchaseDebitNote',
  title: 'Purchase debit note',
  type: DEBIT_NOTE_TYPE,
  lineKeys: ['PurchaseDebitNoteItem', 'purchase_debit_notes_items'],
  description:
    'A correction of what is owed to a supplier (subscription_id: the purchase invoice); books as a purchase refund, moves no stock.',
});
