import { type Dec, ZERO, currencyDecimals, mulTo } from '../domain/money.js';
import { postStockTransaction } from '../domain/inventory.js';
import { STOCK_SOURCE, appendMovement, hasMovements } from '../domain/stock.js';
import { hasTransactions } from '../domain/errors.js';
import { bool, decimal, id, int, longText, text } from '../engine/fields.js';
import type { ChildSpec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { primaryId, staffField, timestamps } from './common.js';
import { categoryNames, productCategories, syncCategories } from './product-categories.js';
import { renderRecord, rowToRecord } from '../engine/records.js';
import { scoped } from '../db/scoped.js';

/** What a write's hooks share: the stock level it asked for, carried from prepare to afterWrite. */
type ProductState = { requestedStock?: Dec };

/** Most images one product carries. */
const PRODUCT_IMAGES_MAX = 50;

/** Daftra's ProductImage: the product's images, by name or URL (Daftar keeps links, it stores no image files). */
const imagesChild = (): ChildSpec => ({
  key: 'ProductImage',
  table: 'product_images',
  foreignKey: 'product_id',
  fields: {
    product_id: id(),
    default: bool().default(0).doc('1 for the image shown first'),
    file: text(255).required().doc('Image name, or its URL'),
    file_full_path: text(1000).doc(
      'Full URL of the image; the file itself when that is an http(s) URL and this is left out',
    ),
    ...timestamps(),
  },
  writable: true,
  countMax: PRODUCT_IMAGES_MAX,
  inLists: true,
});

export const products = defineResource({
  name: 'products',
  model: 'Product',
  title: 'Product',
  table: 'products',
  operations: ALL_OPERATIONS,
  fields: {
    staff_id: staffField(),
    name: text(255).required(),
    description: longText(),
    unit_price: decimal(),
    tax1: id().ref('taxes').doc('Tax id (from GET /taxes)'),
    tax2: id().ref('taxes').doc('Tax id (from GET /taxes)'),
    supplier_id: id(),
    brand: text(255),
    brand_id: id().ref('brands').doc('Brand id (v2 brand entity)'),
    unit_template_id: id()
      .ref('unit_templates')
      .doc('Unit template the product is sold in; quantities are converted to its main unit'),
    category: text(255).doc('Category names, comma-separated'),
    tags: longText(),
    buy_price: decimal(),
    product_code: text(255).doc('SKU: the usual lookup key (filter[product_code]=...)'),
    track_stock: bool().default(0),
    stock_balance: decimal().doc(
      'On create: opening stock in the primary store; on edit: a new level, recorded as an adjustment',
    ),
    low_stock_thershold: decimal().doc('Spelled as Daftra spells it'),
    barcode: text(255),
    notes: text(255),
    status: int().oneOf([0, 1, 2]).default(0).doc('0 active, 1 inactive, 2 suspended'),
    follow_up_status: int(),
    updated_price: bool(),
    average_price: decimal().readOnly().doc('Moving average cost'),
    type: int().oneOf([1, 2, 3]).default(1).doc('1 product, 2 service, 3 bundle'),
    minimum_price: decimal(),
    profit_margin: decimal(),
    discount: decimal(),
    discount_type: int().oneOf([1, 2]).doc('1 percent, 2 fixed amount'),
    duration_minutes: int(),
    availabe_online: bool().doc('Spelled as Daftra spells it'),
    raw_store_id: id().ref('stores').doc('Store of the opening stock; the primary store when left out'),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name', 'product_code', 'barcode', 'description'],
  state: (): ProductState => ({}),
  children: [imagesChild()],
  hooks: {
    async prepare(_context, draft, existing) {
      for (const image of draft.children['ProductImage'] ?? []) {
        const file = image['file'];
        if (!image['file_full_path'] && typeof file === 'string' && /^https?:\/\//i.test(file))
          image['file_full_path'] = file;
      }
      const wanted = draft.header.stock_balance;
      const current = existing?.stock_balance ?? ZERO;
      if (typeof wanted === 'bigint' && wanted !== current) draft.state.requestedStock = wanted;
      draft.header.stock_balance = current;
    },
    async afterWrite(context, record, draft, previous) {
      await syncCategories(context, record.category);
      const wanted = draft.state.requestedStock;
      if (wanted === undefined || Number(record.track_stock) !== 1) return;
      const current = previous?.stock_balance ?? ZERO;
      const storeId = record.raw_store_id || (await primaryId(context, 'stores'));
      if (storeId === null) return;
      const quantity = wanted - current;
      const buyPrice = record.buy_price ?? ZERO;
      const movementId = await appendMovement(
        context,
        {
          productId: record.id,
          storeId,
          quantity,
          price: buyPrice,
          // Stock set on a product comes in at its buy price; stock taken off leaves at moving average.
          ...(quantity > ZERO && buyPrice > ZERO
            ? { costValue: mulTo(quantity, buyPrice, currencyDecimals(context.site.currency_code)) }
            : {}),
          date: context.now.slice(0, 10),
          field: 'stock_balance',
        },
        STOCK_SOURCE.manual,
      );
      // Opening stock of a new product is owner's equity; later changes are inventory adjustments.
      if (movementId !== null)
        await postStockTransaction(
          context,
          movementId,
          context.now.slice(0, 10),
          previous ? 'stock_adjustments' : 'opening_balance',
        );
    },
    // ProductCategory[]: the category records the product's category text names, as the docs nest them.
    async related(context, records, wire) {
      const names = [...new Set(records.flatMap((record) => categoryNames(record.category)))];
      const byName = new Map<string, Record<string, unknown>>();
      if (names.length > 0) {
        const rows = await scoped(context, 'product_categories')
          .selectFrom()
          .selectAll()
          .where('name', 'in', names)
          .execute();
        for (const row of rows)
          byName.set(
            String(row.name),
            renderRecord(productCategories.fields, rowToRecord(productCategories.fields, row)),
          );
      }
      records.forEach((record, index) => {
        wire[index]!['ProductCategory'] = categoryNames(record.category).flatMap((name) => byName.get(name) ?? []);
      });
    },
    async beforeDelete(context, record) {
      if (await hasMovements(context, 'product_id', record.id)) throw hasTransactions();
    },
  },
});
