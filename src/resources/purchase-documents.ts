/**
 * Purchase invoices (Daftra's `PurchaseOrder`, also written as `PurchaseInvoice`, also at the path
 * `purchase_orders`) and purchase refunds, sharing the `purchase_orders` table by `type`. Totals are
 * computed exactly as for sales; a non-draft purchase brings stock in, a refund takes it out.
 */
import { validationError, DaftarError, type FieldErrors } from '../domain/errors.js';
import { removeJournal, replaceJournal, systemAccount, type PostingLine } from '../domain/books.js';
import { inventoryLines, movementValues } from '../domain/inventory.js';
import { type Dec, ZERO, abs, currencyDecimals, mul, roundTo } from '../domain/money.js';
import { STOCK_SOURCE, type Movement, replaceMovements } from '../domain/stock.js';
import { type RecordOf, bool, date, datetime, decimal, id, int, json, longText, text } from '../engine/fields.js';
import { customFieldFilter, customFieldLabelFilter, customFieldObject } from './custom-fields.js';
import { renderRecord, rowToRecord } from '../engine/records.js';
import { resourceNamed } from '../engine/registry.js';
import type { Context, Draft, Rec, ResourceSpec, Saved } from '../engine/resource.js';
import { ALL_OPERATIONS, childOf, defineResource } from '../engine/resource.js';
import { currencyRateField, dayBound, primaryId, settleCurrencyRate, staffField, timestamps, today } from './common.js';
import { DOCUMENT_LINES_MAX, invoiceItemFields, summaryFields } from './sales-documents.js';
import { assignNumber, checkDiscounts, computeDocument } from './sales-rules.js';
import { rateOf, supplierAccount, taxAccount } from './sales-postings.js';
import { baseQuantities } from './product-bundles.js';

const PURCHASE_TYPE = 0;
const REFUND_TYPE = 1;
/** Daftra's type of a purchase debit note (its v2 body sends "type": "14"). */
const DEBIT_NOTE_TYPE = 14;

/** Refunds and debit notes reduce what is owed to the supplier; only a refund returns goods. */
const reducesPayable = (type: unknown) => type === REFUND_TYPE || type === DEBIT_NOTE_TYPE;
const ENTITY_TYPE: Record<number, string> = { [PURCHASE_TYPE]: 'purchase_order', [REFUND_TYPE]: 'purchase_refund', [DEBIT_NOTE_TYPE]: 'purchase_debit_note' };

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
  ['supplier_business_name', 'business_name'], ['supplier_first_name', 'first_name'], ['supplier_last_name', 'last_name'],
  ['supplier_email', 'email'], ['supplier_address1', 'address1'], ['supplier_address2', 'address2'], ['supplier_city', 'city'],
  ['supplier_state', 'state'], ['supplier_postal_code', 'postal_code'], ['supplier_country_code', 'country_code'],
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
  supplier_business_name: text(255), supplier_first_name: text(255), supplier_last_name: text(255),
  supplier_email: text(255), supplier_address1: text(255), supplier_address2: text(255), supplier_city: text(255),
  supplier_state: text(255), supplier_postal_code: text(255), supplier_country_code: text(3),
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
  adjustment_value: decimal(),
  notes: longText(),
  payment_status: int().readOnly(),
  ...summaryFields(),
  work_order_id: id(),
  branch_id: id(),
  ...timestamps(),
});

/** A purchase document in memory, and its lines. */
type PurchaseDocument = RecordOf<ReturnType<typeof headerFields>>;
type PurchaseLine = RecordOf<ReturnType<typeof purchaseItemFields>>;
type PurchaseDraft = Draft<PurchaseDocument, { PurchaseOrderItem?: PurchaseLine[] }>;

async function fillSupplierSnapshot(context: Context, document: PurchaseDocument, existing: Saved<PurchaseDocument> | null): Promise<void> {
  if (existing && existing.supplier_id === document.supplier_id) return;
  const supplier = await context.db.selectFrom('suppliers').selectAll()
    .where('site_id', '=', context.siteId).where('id', '=', document.supplier_id).executeTakeFirst();
  if (!supplier) return;
  // The snapshot's columns are named by a table: read and written as plain records.
  const snapshot: Rec = document;
  const before: Rec | null = existing;
  for (const [target, source] of SUPPLIER_SNAPSHOT) {
    const sent = before ? snapshot[target] !== before[target] : snapshot[target] !== undefined && snapshot[target] !== null && snapshot[target] !== '';
    if (!sent) snapshot[target] = supplier[source] ?? null;
  }
}

async function prepare(context: Context, draft: PurchaseDraft, existing: Saved<PurchaseDocument> | null): Promise<void> {
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
    const original = await context.db.selectFrom('purchase_orders').select(['type', 'supplier_id'])
      .where('site_id', '=', context.siteId).where('id', '=', document.subscription_id).executeTakeFirst();
    if (!original || Number(original['type']) !== PURCHASE_TYPE) errors['subscription_id'] = 'must be the id of a purchase invoice';
    else if (Number(original['supplier_id']) !== document['supplier_id']) errors['supplier_id'] = 'must be the supplier of the purchase invoice refunded';
  }
  const lines = draft.children['PurchaseOrderItem'] ?? [];
  if (lines.length === 0) errors['PurchaseOrderItem'] = 'at least one item is required';
  if (Object.keys(errors).length > 0) throw validationError(errors);
  await computeDocument(context, document, lines, errors, 'PurchaseOrderItem', 'buy_price');
  await assignNumber(context, 'purchase_orders', type === PURCHASE_TYPE ? 'purchase_invoice' : ENTITY_TYPE[type]!, document, existing);
  if (existing === null) document.summary_paid = ZERO;
  document.summary_unpaid = document.summary_total! - (document.summary_paid ?? ZERO);
  document['payment_status'] = document['draft'] === 1 ? -1 : 0;
}

/** A line's amount before tax, after every discount, in the document's currency. */
const netOf = (line: Rec): Dec => ((line['item_subtotal'] as Dec | null) ?? ZERO) - ((line['summary_tax1'] as Dec | null) ?? ZERO) - ((line['summary_tax2'] as Dec | null) ?? ZERO);

/** Indexes of the lines whose product's stock is tracked. */
async function stockLines(context: Context, lines: PurchaseLine[], type: unknown): Promise<Set<number>> {
  // A debit note corrects the price owed; the goods stay (a return of goods is a purchase refund).
  if (type === DEBIT_NOTE_TYPE) return new Set();
  const ids = [...new Set(lines.map((line) => line.product_id).filter(Boolean))];
  if (ids.length === 0) return new Set();
  const rows = await context.db.selectFrom('products').select(['id', 'track_stock'])
    .where('site_id', '=', context.siteId).where('id', 'in', ids).execute();
  const tracked = new Set(rows.filter((row) => Number(row['track_stock']) === 1).map((row) => Number(row['id'])));
  return new Set(lines.flatMap((line, index) => (tracked.has(line.product_id ?? 0) ? [index] : [])));
}

async function moveStock(context: Context, document: Saved<PurchaseDocument>, lines: PurchaseLine[], stocked: Set<number>): Promise<void> {
  const refund = document.type === REFUND_TYPE;
  const source = refund ? STOCK_SOURCE.purchaseRefund : STOCK_SOURCE.purchase;
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
        costValue: roundTo(mul(netOf(line), rateOf(document)), places),
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

/**
 * Purchase invoice: Dr inventory (stock lines at cost), Dr purchases (other lines, shipping, less
 * discounts), Dr input tax, Cr supplier. A purchase refund reverses it, its goods leaving at moving
 * average: the difference from their refund price is a purchase cost (or saving).
 */
async function postPurchase(context: Context, document: Rec, lines: Rec[], stocked: Set<number>): Promise<void> {
  const refund = reducesPayable(document['type']);
  const entityType = ENTITY_TYPE[document['type'] as number]!;
  if (document['draft'] === 1) {
    await removeJournal(context, entityType, document.id!);
    return;
  }
  const rate = rateOf(document);
  const places = currencyDecimals(context.site.currency_code);
  const purchases = await systemAccount(context, 'purchases');
  const total = (document['summary_total'] as Dec | null) ?? ZERO;
  const debits: PostingLine[] = [];
  let taxes = ZERO;
  let stockNet = ZERO;
  let stockNetInSite = ZERO;
  for (const [index, line] of lines.entries()) {
    for (const slot of [1, 2] as const) {
      const tax = (line[`summary_tax${slot}`] as Dec | null) ?? ZERO;
      if (!line[`tax${slot}`] || tax === ZERO) continue;
      debits.push({ accountId: await taxAccount(context, line[`tax${slot}`] as number, 'input'), debit: tax, credit: ZERO, subkey: 'outcome_tax' });
      taxes += tax;
    }
    if (stocked.has(index)) {
      stockNet += netOf(line);
      stockNetInSite += roundTo(mul(netOf(line), rate), places);
    }
  }
  debits.push({ accountId: purchases, debit: total - taxes - stockNet, credit: ZERO });
  const values = await movementValues(context, { sourceType: refund ? STOCK_SOURCE.purchaseRefund : STOCK_SOURCE.purchase, orderId: document.id! });
  const inventory = await inventoryLines(context, values, null);
  const inventoryValue = abs(inventory.reduce((acc, line) => acc + line.debit, ZERO));
  // Receipts: zero (goods come in at their price). Refunds: refund price − moving-average cost of the goods sent back.
  debits.push({ accountId: purchases, debit: stockNetInSite - inventoryValue, credit: ZERO, site: true });
  const supplier = { accountId: await supplierAccount(context, document['supplier_id'] as number), debit: ZERO, credit: total, subkey: 'supplier' };
  const flip = (line: PostingLine): PostingLine => ({ ...line, debit: line.credit, credit: line.debit });
  await replaceJournal(context, {
    entityType, entityId: document.id!, date: String(document['date']), rate,
    currencyCode: String(document['currency_code'] ?? context.site.currency_code),
    description: `${entityType === 'purchase_order' ? 'purchase invoice' : entityType.replace(/_/g, ' ')} #${document['no']}`,
    // Inventory lines are signed already: stock in debits, stock out credits.
    lines: refund ? [...debits.map(flip), flip(supplier), ...inventory] : [...debits, supplier, ...inventory],
  });
}

function purchaseDocument(options: { name: string; aliases?: string[]; model: string; inputModels?: string[]; title: string; type: number; description: string; lineKeys?: string[] }): ResourceSpec {
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
    children: [childOf({
      key: 'PurchaseOrderItem', inputKeys: ['PurchaseInvoiceItem', 'PurchaseRefundItem', ...(options.lineKeys ?? [])], table: 'purchase_order_items',
      foreignKey: 'purchase_order_id', fields: purchaseItemFields(), writable: true, countMax: DOCUMENT_LINES_MAX,
    })],
    defaultOrder: [['date', 'desc'], ['id', 'desc']],
    keywordColumns: ['no', 'po_number', 'supplier_business_name', 'supplier_email', 'notes'],
    wireObjects: [customFieldObject(['PurchaseOrderCustomField', 'InvoiceCustomField'], ['PurchaseOrderCustomField', 'PurchaseInvoiceCustomField', 'InvoiceCustomField'])],
    filters: {
      date_from: dayBound('date', '>='), date_to: dayBound('date', '<='), from_date: dayBound('date', '>='), to_date: dayBound('date', '<='),
      custom_field: customFieldFilter('custom_fields'), custom_field_label: customFieldLabelFilter('custom_fields'),
    },
    description: options.description,
    hooks: {
      prepare,
      async afterWrite(context, record, draft) {
        const lines = draft.children['PurchaseOrderItem'] ?? [];
        const stocked = await stockLines(context, lines, record.type);
        if (record.type !== DEBIT_NOTE_TYPE) await moveStock(context, record, lines, stocked);
        await postPurchase(context, record, lines, stocked);
      },
      async beforeDelete(context, record) {
        if (record.type !== PURCHASE_TYPE) return;
        const refund = await context.db.selectFrom('purchase_orders').select('id')
          .where('site_id', '=', context.siteId).where('subscription_id', '=', record.id).where('type', 'in', [REFUND_TYPE, DEBIT_NOTE_TYPE]).executeTakeFirst();
        if (refund) throw new DaftarError('DAFTAR_ERR_HAS_TRANSACTIONS', "Can't delete item. Remove its purchase refunds and debit notes first.");
      },
      async afterDelete(context, record) {
        await removeJournal(context, ENTITY_TYPE[record.type!]!, record.id);
        await replaceMovements(context, record.type === REFUND_TYPE ? STOCK_SOURCE.purchaseRefund : STOCK_SOURCE.purchase, record.id, []);
      },
      async related(context, records, wire) {
        const supplierSpec = resourceNamed('suppliers');
        const ids = [...new Set(records.map((record) => record.supplier_id))];
        const rows = await context.db.selectFrom('suppliers').selectAll()
          .where('site_id', '=', context.siteId).where('id', 'in', ids).execute();
        const byId = new Map(rows.map((row) => [Number(row['id']), row]));
        records.forEach((record, index) => {
          const row = byId.get(record.supplier_id);
          wire[index]!['Supplier'] = row ? renderRecord(supplierSpec.fields, rowToRecord(supplierSpec.fields, row)) : null;
        });
      },
    },
  });
}

export const purchaseInvoices = purchaseDocument({
  name: 'purchase_invoices', aliases: ['purchase_orders'], model: 'PurchaseOrder', inputModels: ['PurchaseInvoice'],
  title: 'Purchase invoice', type: PURCHASE_TYPE,
  description: 'Purchase invoices from suppliers; non-draft ones bring stock in.',
});

export const purchaseRefunds = purchaseDocument({
  name: 'purchase_refunds', model: 'PurchaseRefund', title: 'Purchase refund', type: REFUND_TYPE,
  description: 'Goods returned to a supplier (subscription_id: the purchase invoice); stock goes out.',
});

export const purchaseDebitNotes = purchaseDocument({
  name: 'purchase_debit_notes', model: 'PurchaseDebitNote', title: 'Purchase debit note', type: DEBIT_NOTE_TYPE,
  lineKeys: ['PurchaseDebitNoteItem', 'purchase_debit_notes_items'],
  description: 'A correction of what is owed to a supplier (subscription_id: the purchase invoice); books as a purchase refund, moves no stock.',
});
