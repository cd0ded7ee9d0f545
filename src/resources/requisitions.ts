/**
 * Requisitions (`/api2/requisitions`, lines as `RequisitionItem`): goods into a store (type 1), out
 * of it (2) or between stores (3, to_store_id), manual or for a document (order_type, order_id).
 * Only an accepted one (status 3) moves stock, through the stock ledger with its journal: inventory
 * against journal_account_id (or Inventory Adjustments) for ins and outs, store against store for a
 * transfer. Under delivery (1) and rejected (4) move nothing; changing the status replaces what moved.
 * The rules are domain/requisitions.ts.
 */
import { postJournal, removeJournal } from '../domain/books.js';
import { account } from '../domain/posting/roles.js';
import { requisitionLines } from '../domain/posting/stock.js';
import { validationError, type FieldErrors } from '../domain/errors.js';
import { movementValues } from '../domain/inventory.js';
import { type Dec, ZERO, currencyDecimals, fromStored, mulTo } from '../domain/money.js';
import { settleNumber } from '../domain/numbering.js';
import { REQUISITION_STATUS, REQUISITION_TYPE, plannedMoves } from '../domain/requisitions.js';
import { STOCK_DIRECTION, STOCK_SOURCE, type Movement, replaceMovements } from '../domain/stock.js';
import { type RecordOf, datetime, decimal, id, int, json, longText, text } from '../engine/fields.js';
import type { Context, FilterFn, Saved } from '../engine/resource.js';
import { ALL_OPERATIONS, childOf, defineResource } from '../engine/resource.js';
import { dayBound, primaryId, timestamps } from './common.js';
import { rowToRecord } from '../engine/records.js';
import { scoped } from '../db/scoped.js';

export const REQUISITION_LINES_MAX = 500;

/** `order_type` of a requisition made for a sales invoice (the docs' multi-entity example: order_type 3, order_id the invoice). */
export const REQUISITION_ORDER_INVOICE = 3;

const DELIVERY_STATUS: Record<string, number> = {
  '0': 0,
  none: 0,
  '1': 1,
  pending: 1,
  under_delivery: 1,
  '3': 3,
  delivered: 3,
  accepted: 3,
  '4': 4,
  rejected: 4,
};

/**
 * Invoice list filter `requisition_delivery_status`: 1 (or pending) invoices with a requisition under
 * delivery, 3 (delivered) with an accepted one, 4 (rejected) with a rejected one, 0 (none) without any.
 */
export const requisitionDeliveryFilter: FilterFn = (eb, value, context) => {
  const text = String(Array.isArray(value) ? value[0] : value)
    .trim()
    .toLowerCase();
  const status = DELIVERY_STATUS[text];
  if (status === undefined) return null;
  const requisitionsOf = (extra?: number) => {
    let query = eb
      .selectFrom('requisitions as r')
      .select('r.id')
      .where('r.site_id', '=', context.siteId)
      .where('r.order_type', '=', REQUISITION_ORDER_INVOICE)
      .whereRef('r.order_id', '=', `${'invoices'}.id` as never);
    if (extra !== undefined) query = query.where('r.status', '=', extra);
    return query;
  };
  return status === 0 ? eb.not(eb.exists(requisitionsOf())) : eb.exists(requisitionsOf(status));
};

const requisitionFields = {
  number: text(255).doc('Generated when left out'),
  date: datetime().doc('Now when left out; DD/MM/YYYY HH:MM is accepted'),
  type: int().required().oneOf(Object.values(REQUISITION_TYPE)).doc('1 inbound, 2 outbound, 3 transfer between stores'),
  status: int()
    .oneOf(Object.values(REQUISITION_STATUS))
    .default(REQUISITION_STATUS.underDelivery)
    .alsoAccepts('Status')
    .doc('1 under delivery (moves nothing), 3 accepted (moves stock), 4 rejected'),
  order_type: int()
    .alsoAccepts('Order_type')
    .doc("Origin: 1 inbound, 2 outbound, 8 manual transfer, 25 sales order, ... (Daftra's codes)"),
  order_id: id().doc('Id of the source document; 0 for a manual requisition'),
  store_id: id().ref('stores').doc('The store goods leave (or enter, inbound); the primary store when left out'),
  to_store_id: id().ref('stores').alsoAccepts('To_store_id').doc('Destination of a transfer'),
  journal_account_id: id()
    .ref('journal_accounts')
    .doc('Account the stock is posted against (ins and outs); Inventory Adjustments when left out'),
  currency_code: text(3),
  work_order_id: id().ref('work_orders'),
  staff_id: id(),
  branch_id: id(),
  notes: longText(),
  ...timestamps(),
};

const requisitionItemFields = {
  requisition_id: id(),
  product_id: id().required().ref('products'),
  item: text(255),
  org_name: text(255),
  unit_price: decimal().nonNegative().doc('Cost of an inbound line; outs leave at moving average'),
  quantity: decimal().required(),
  lot: json(),
  expiry_date: json(),
  serials: json(),
};

type Requisition = Saved<RecordOf<typeof requisitionFields>>;
type RequisitionLine = RecordOf<typeof requisitionItemFields>;

async function trackedProducts(context: Context, lines: RequisitionLine[]): Promise<Set<number>> {
  const ids = [...new Set(lines.map((line) => line.product_id).filter(Boolean))];
  if (ids.length === 0) return new Set();
  const rows = await scoped(context, 'products')
    .selectFrom()
    .select(['id', 'track_stock'])
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.filter((row) => Number(row.track_stock) === 1).map((row) => Number(row.id)));
}

/** Values taken out by the first movements, in line order (a transfer's receipts come in at them). */
async function outValues(context: Context, requisitionId: number): Promise<Dec[]> {
  const rows = await scoped(context, 'stock_transactions')
    .selectFrom()
    .select(['cost_value'])
    .where('source_type', '=', STOCK_SOURCE.requisition)
    .where('order_id', '=', requisitionId)
    .where('transaction_type', '=', STOCK_DIRECTION.out)
    .orderBy('id')
    .execute();
  return rows.map((row) => fromStored(row.cost_value));
}

async function moveAndPost(context: Context, record: Requisition, lines: RequisitionLine[]): Promise<void> {
  const tracked = await trackedProducts(context, lines);
  const stocked = lines.filter((line) => tracked.has(line.product_id));
  const type = record.type;
  // The prepare settled the status and the store.
  const { first, receipts } = plannedMoves(
    type,
    record.status!,
    record.store_id!,
    record.to_store_id ?? null,
    stocked.map((line) => ({
      productId: line.product_id,
      quantity: line.quantity,
      unitPrice: line.unit_price ?? ZERO,
    })),
  );
  const date = String(record.date).slice(0, 10);
  const places = currencyDecimals(context.site.currency_code);
  const toMovement = (move: (typeof first)[number], costValue?: Dec): Movement => ({
    productId: move.productId,
    storeId: move.storeId,
    quantity: move.quantity,
    price: move.unitPrice,
    date,
    field: `RequisitionItem.${lines.indexOf(stocked[move.line]!)}.quantity`,
    ...(costValue !== undefined
      ? { costValue }
      : move.quantity > ZERO && move.unitPrice > ZERO
        ? { costValue: mulTo(move.quantity, move.unitPrice, places) }
        : {}),
  });
  await replaceMovements(
    context,
    STOCK_SOURCE.requisition,
    record.id,
    first.map((move) => toMovement(move)),
  );
  const taken = receipts.length > 0 ? await outValues(context, record.id) : [];
  await replaceMovements(
    context,
    STOCK_SOURCE.requisitionReceipt,
    record.id,
    receipts.map((move, index) => toMovement(move, taken[index] ?? ZERO)),
  );
  if (first.length === 0) {
    await removeJournal(context, 'requisition', record.id);
    return;
  }
  const values = await movementValues(context, { sourceType: STOCK_SOURCE.requisition, orderId: record.id });
  for (const [storeId, value] of await movementValues(context, {
    sourceType: STOCK_SOURCE.requisitionReceipt,
    orderId: record.id,
  })) {
    values.set(storeId, (values.get(storeId) ?? ZERO) + value);
  }
  const chosen = record.journal_account_id;
  const counter =
    type === REQUISITION_TYPE.transfer
      ? null
      : typeof chosen === 'number' && chosen > 0
        ? account(chosen)
        : 'stock_adjustments';
  await postJournal(context, {
    entityType: 'requisition',
    entityId: record.id,
    date,
    currencyCode: context.site.currency_code,
    description: `requisition #${record.number}`,
    lines: requisitionLines(values, counter),
  });
}

export const requisitions = defineResource({
  name: 'requisitions',
  model: 'Requisition',
  title: 'Requisition',
  table: 'requisitions',
  operations: ALL_OPERATIONS,
  fields: requisitionFields,
  children: [
    childOf({
      key: 'RequisitionItem',
      table: 'requisition_items',
      foreignKey: 'requisition_id',
      writable: true,
      countMax: REQUISITION_LINES_MAX,
      fields: requisitionItemFields,
    }),
  ],
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['number', 'notes'],
  filters: { date_from: dayBound('date', '>='), date_to: dayBound('date', '<=') },
  hooks: {
    async prepare(context, draft, existing) {
      const header = draft.header;
      const merged = { ...existing, ...header };
      const errors: FieldErrors = {};
      // Daftra's docs send "" for what is left out.
      if (merged['status'] === null || merged['status'] === undefined) header.status = REQUISITION_STATUS.underDelivery;
      if (!merged['store_id']) header.store_id = await primaryId(context, 'stores');
      if (!merged['date']) header.date = context.now;
      if (!merged['currency_code']) header.currency_code = context.site.currency_code;
      if (merged['staff_id'] === undefined || merged['staff_id'] === null) header.staff_id = context.staffId;
      const type = merged['type'];
      const to = merged['to_store_id'];
      if (type === REQUISITION_TYPE.transfer && !to) errors['to_store_id'] = 'is required for a transfer (type 3)';
      if (type === REQUISITION_TYPE.transfer && to && to === (header.store_id ?? merged['store_id']))
        errors['to_store_id'] = 'must differ from store_id';
      const lines = draft.children['RequisitionItem'];
      if (!existing && (!lines || lines.length === 0)) errors['RequisitionItem'] = 'at least one item is required';
      (lines ?? []).forEach((line, index) => {
        if (line.quantity <= ZERO) errors[`RequisitionItem.${index}.quantity`] = 'must be greater than 0';
      });
      if (Object.keys(errors).length > 0) throw validationError(errors);
      header.number = await settleNumber(
        context,
        {
          table: 'requisitions',
          column: 'number',
          sequence: 'requisition',
          takenProblem: (number) => `is already used by another requisition (${number})`,
        },
        merged.number,
        existing?.id,
      );
    },
    async afterWrite(context, record, draft) {
      const lines =
        draft.children['RequisitionItem'] ??
        (
          await scoped(context, 'requisition_items')
            .selectFrom()
            .selectAll()
            .where('requisition_id', '=', record.id)
            .orderBy('id')
            .execute()
        ).map((row) => rowToRecord(requisitionItemFields, row));
      await moveAndPost(context, record, lines);
    },
    async afterDelete(context, record) {
      await replaceMovements(context, STOCK_SOURCE.requisitionReceipt, record.id, []);
      await replaceMovements(context, STOCK_SOURCE.requisition, record.id, []);
      await removeJournal(context, 'requisition', record.id);
    },
  },
});
