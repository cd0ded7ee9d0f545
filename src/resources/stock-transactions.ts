/**
 * Stock transactions: the stock ledger itself. Clients add manual movements in or out (source_type 1);
 * movements made by documents are listed with their source and change only with their document.
 */
import { removeJournal } from '../domain/books.js';
import { DaftarError, validationError } from '../domain/errors.js';
import { postStockTransaction } from '../domain/inventory.js';
import { type Dec, ZERO, checkRange, currencyDecimals, mulTo, toStored } from '../domain/money.js';
import {
  STOCK_DIRECTION,
  STOCK_SOURCE,
  STOCK_STATUS_PROCESSED,
  averageCost,
  refreshAndCheck,
} from '../domain/stock.js';
import { lockRow, lockRows } from '../domain/locks.js';
import { bool, date, datetime, decimal, id, int, longText, text } from '../engine/fields.js';
import type { Context } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { primaryId, timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

/**
 * Values a manual movement at cost (stock in at its price when it names one, else at moving average;
 * stock out at moving average), refreshes the balances, applies the negative-stock rule and posts
 * it: Dr inventory / Cr inventory adjustments for stock in, the reverse for stock out.
 */
/** What settle reads of a stock transaction (the declaration's record); the prepare gave it a store. */
interface ManualMovement {
  id: number;
  product_id: number;
  store_id?: number | null;
  transaction_type: number;
  quantity: Dec;
  price?: Dec | null;
  date?: string | null;
}

async function settle(context: Context, record: ManualMovement, previous: ManualMovement | null): Promise<void> {
  const products = [...new Set([record.product_id, previous?.product_id ?? 0].filter(Boolean))].sort((a, b) => a - b);
  await lockRows(context, 'products', products);
  const out = record.transaction_type === STOCK_DIRECTION.out;
  const quantity = record.quantity;
  const price = record.price ?? ZERO;
  const unitCost =
    !out && price > ZERO ? price : await averageCost(context, record.product_id, record.store_id!, record.id);
  await scoped(context, 'stock_transactions')
    .updateTable()
    .set({
      purchase_price: toStored(unitCost),
      cost_value: toStored(
        checkRange(
          mulTo(quantity, unitCost, currencyDecimals(context.site.currency_code)),
          'quantity',
          'quantity × unit cost',
        ),
      ),
    })
    .where('id', '=', record.id)
    .execute();
  // The new position, and the one the movement left (an edit may move it to another product or store).
  const checks = [{ productId: record.product_id, storeId: record.store_id!, field: 'quantity' }];
  if (previous) {
    const field =
      previous.product_id !== record.product_id
        ? 'product_id'
        : previous.store_id !== record.store_id
          ? 'store_id'
          : 'quantity';
    checks.push({ productId: previous.product_id, storeId: previous.store_id!, field });
  }
  const movement = {
    productId: checks[0]!.productId,
    storeId: checks[0]!.storeId,
    quantity: out ? -quantity : quantity,
    price,
    date: String(record.date).slice(0, 10),
    field: 'quantity',
  };
  await refreshAndCheck(context, products, checks, [movement]);
  // The books are kept by day: the journal takes the movement's day, the movement keeps its time.
  await postStockTransaction(context, record.id, String(record.date).slice(0, 10), 'stock_adjustments');
}

function refuseDocumentMade(record: { source_type?: number | null }): void {
  if (record.source_type !== STOCK_SOURCE.manual) {
    throw new DaftarError(
      'DAFTAR_ERR_FORBIDDEN',
      'This stock transaction was made by a document; change the document instead',
    );
  }
}

export const stockTransactions = defineResource({
  name: 'stock_transactions',
  model: 'StockTransaction',
  title: 'Stock transaction',
  table: 'stock_transactions',
  operations: ALL_OPERATIONS,
  fields: {
    product_id: id().required().ref('products'),
    store_id: id().ref('stores').doc('The primary store when left out'),
    transaction_type: int().required().oneOf([1, 2]).doc('1 in, 2 out'),
    transaction_category_id: id(),
    source_type: int()
      .readOnly()
      .doc('1 manual, 2 invoice, 3 purchase invoice, 4 credit note, 5 transfer, 6 refund receipt, 7 purchase refund'),
    date: datetime().doc('YYYY-MM-DD HH:MM:SS (a date alone is midnight); today when left out'),
    order_id: id().readOnly().doc('Id of the document that made it'),
    ref_id: id(),
    status: int().readOnly().doc('4 processed'),
    received_date: date(),
    quantity: decimal().required().doc('Always positive; transaction_type gives the direction'),
    currency_code: text(10),
    price: decimal().nonNegative(),
    price_without_tax: decimal().nonNegative(),
    added_by: id().readOnly(),
    ignored: bool().readOnly(),
    balance_to_date: decimal().readOnly(),
    notes: longText(),
    description: longText(),
    discount: decimal(),
    purchase_price: decimal()
      .readOnly()
      .doc('Unit cost in the site currency: the price of stock in, else the moving average'),
    cost_value: decimal()
      .readOnly()
      .doc('Value at cost in the site currency (quantity × purchase_price); an extension of Daftra'),
    journal_account_id: id().ref('journal_accounts'),
    stock_transfer_id: id().doc('The transfer this movement belongs to'),
    fetch_from_raw: bool(),
    ignored_date: datetime().readOnly(),
    purchase_order_ids: text(1000).readOnly().doc('Purchase invoices whose stock this movement used'),
    ...timestamps(),
  },
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  hooks: {
    async prepare(context, draft, existing) {
      if (existing) refuseDocumentMade(existing);
      const record = draft.header;
      if (record.quantity <= ZERO) throw validationError({ quantity: 'must be greater than 0' });
      if (!record.store_id) record.store_id = await primaryId(context, 'stores');
      if (!record.date) record.date = context.now;
      if (!record.currency_code) record.currency_code = context.site.currency_code;
      record.source_type = STOCK_SOURCE.manual;
      record.status = STOCK_STATUS_PROCESSED;
      record.added_by = existing?.['added_by'] ?? context.staffId;
      record.ignored = 0;
    },
    async afterWrite(context, record, _draft, previous) {
      await settle(context, record, previous);
    },
    async beforeDelete(_context, record) {
      refuseDocumentMade(record);
    },
    async afterDelete(context, record) {
      await removeJournal(context, 'stock_transaction', record.id);
      await lockRow(context, 'products', record.product_id);
      await refreshAndCheck(
        context,
        [record.product_id],
        [{ productId: record.product_id, storeId: record.store_id!, field: 'id' }],
      );
    },
  },
});
