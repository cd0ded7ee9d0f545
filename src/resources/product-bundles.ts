/**
 * Product bundles (Daftra v2 `product_bundle`): a bundle product (type 3) made of components, each in
 * a quantity per bundle. Selling a bundle moves its components' stock, not its own; unit templates
 * convert a line's quantity to the base unit (domain/units.ts, used by the documents' stock rules
 * through `documentStockUnits`).
 */
import { type FieldErrors, fieldError, validationError } from '../domain/errors.js';
import { type Dec, ZERO, fromStored, mul } from '../domain/money.js';
import { type BundleComponent, type StockUnits, stockUnitsOf } from '../domain/units.js';
import { decimal, id, text } from '../engine/fields.js';
import type { Context } from '../engine/resource.js';
import type { SalesLine } from './sales-documents.js';

/** What stock reads of a document line (sales and purchase lines alike). */
type UnitLine = Pick<SalesLine, 'product_id' | 'unit_factor_id' | 'unit_factor' | 'quantity'>;
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

export const BUNDLE_TYPE = 3;

export const productBundles = defineResource({
  name: 'product_bundles',
  model: 'ProductBundle',
  title: 'Product bundle',
  table: 'product_bundles',
  operations: ALL_OPERATIONS,
  fields: {
    bundle_product_id: id().required().ref('products').doc('The bundle (a product of type 3)'),
    product_id: id().required().ref('products').doc('A component of the bundle'),
    quantity: decimal().required().doc('Component units in one bundle'),
    unit_name: text(100),
    unit_factor: decimal().doc('Base units per unit_name, when the component is counted in a larger unit'),
    unit_small_name: text(20),
    unit_factor_id: id(),
    ...timestamps(),
  },
  hooks: {
    async prepare(context, draft, existing) {
      const merged = { ...existing, ...draft.header };
      if (merged.quantity <= ZERO) throw fieldError('quantity', 'must be greater than 0');
      if (merged['product_id'] === merged['bundle_product_id'])
        throw fieldError('product_id', 'a bundle cannot contain itself');
      const bundle = await scoped(context, 'products')
        .selectFrom()
        .select('type')
        .where('id', '=', merged.bundle_product_id)
        .executeTakeFirst();
      if (bundle && Number(bundle['type']) !== BUNDLE_TYPE)
        throw fieldError('bundle_product_id', 'must be a bundle product (type 3)');
      const component = await scoped(context, 'products')
        .selectFrom()
        .select('type')
        .where('id', '=', merged.product_id)
        .executeTakeFirst();
      if (component && Number(component['type']) === BUNDLE_TYPE)
        throw fieldError('product_id', 'a bundle cannot be a component (one level of bundles)');
    },
  },
});

/**
 * The base-unit factor of each line's unit_factor_id, which must be a unit of the line's product's
 * template (a 400 naming `{linesKey}.N.unit_factor_id` otherwise).
 */
async function factorsOf(context: Context, lines: UnitLine[], linesKey: string): Promise<Map<number, Dec>> {
  const ids = [...new Set(lines.map((line) => line.unit_factor_id).filter(Boolean))];
  const byId = new Map<number, Dec>();
  if (ids.length === 0) return byId;
  const rows = await scoped(context, 'unit_template_factors')
    .selectFrom()
    .select(['id', 'factor', 'unit_template_id'])
    .where('id', 'in', ids)
    .execute();
  const templateOf = new Map(rows.map((row) => [Number(row.id), Number(row.unit_template_id)]));
  for (const row of rows) byId.set(Number(row.id), fromStored(row.factor));
  const productIds = [
    ...new Set(
      lines
        .filter((line) => line.unit_factor_id)
        .map((line) => line.product_id)
        .filter(Boolean),
    ),
  ];
  const products =
    productIds.length === 0
      ? []
      : await scoped(context, 'products')
          .selectFrom()
          .select(['id', 'unit_template_id'])
          .where('id', 'in', productIds)
          .execute();
  const productTemplate = new Map(products.map((row) => [Number(row.id), Number(row.unit_template_id ?? 0)]));
  const errors: FieldErrors = {};
  lines.forEach((line, index) => {
    const factorId = line.unit_factor_id;
    if (!factorId) return;
    const template = templateOf.get(factorId);
    if (template === undefined || template !== productTemplate.get(line.product_id ?? 0)) {
      errors[`${linesKey}.${index}.unit_factor_id`] = "must be a unit of the product's unit template";
    }
  });
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return byId;
}

/** Each line's quantity in base units: × its unit_factor_id's factor (or unit_factor), for purchases. */
export async function baseQuantities(
  context: Context,
  lines: UnitLine[],
  linesKey = 'PurchaseOrderItem',
): Promise<Dec[]> {
  const factors = await factorsOf(context, lines, linesKey);
  return lines.map((line) => {
    const factor = factors.get(line.unit_factor_id ?? 0) ?? line.unit_factor ?? null;
    // Every line has a quantity by now (its default, or refused when cleared: computeDocument).
    const quantity = line.quantity!;
    return factor && factor > ZERO ? mul(quantity, factor) : quantity;
  });
}

/** For each line, what it moves in stock (see domain/units.ts): [{productId, quantity}] in base units. */
export async function documentStockUnits(
  context: Context,
  lines: UnitLine[],
  products: Map<number, Record<string, unknown>>,
): Promise<StockUnits[][]> {
  const bundleIds = [...products.values()].filter((p) => Number(p['type']) === BUNDLE_TYPE).map((p) => Number(p['id']));
  const components = new Map<number, BundleComponent[]>();
  if (bundleIds.length > 0) {
    const rows = await context.db
      .selectFrom('product_bundles as b')
      .innerJoin('products as p', (join) =>
        join.onRef('p.id', '=', 'b.product_id').onRef('p.site_id', '=', 'b.site_id'),
      )
      .select(['b.bundle_product_id', 'b.product_id', 'b.quantity', 'b.unit_factor', 'p.track_stock'])
      .where('b.site_id', '=', context.siteId)
      .where('b.bundle_product_id', 'in', bundleIds)
      .orderBy('b.id')
      .execute();
    for (const row of rows) {
      const list = components.get(Number(row.bundle_product_id)) ?? [];
      const factor = row.unit_factor === null ? null : fromStored(row.unit_factor);
      const perBundle = fromStored(row.quantity);
      list.push({
        productId: Number(row.product_id),
        quantity: factor && factor > ZERO ? mul(perBundle, factor) : perBundle,
        tracked: Number(row.track_stock) === 1,
      });
      components.set(Number(row.bundle_product_id), list);
    }
  }
  const factors = await factorsOf(context, lines, 'InvoiceItem');
  return lines.map((line) => {
    const product = products.get(line.product_id ?? 0);
    if (!product) return [];
    const factor = factors.get(line.unit_factor_id ?? 0) ?? line.unit_factor ?? null;
    return stockUnitsOf(
      line.quantity!,
      factor,
      {
        id: Number(product['id']),
        tracked: Number(product['track_stock']) === 1,
        isBundle: Number(product['type']) === BUNDLE_TYPE,
      },
      components.get(Number(product['id'])) ?? [],
    );
  });
}
