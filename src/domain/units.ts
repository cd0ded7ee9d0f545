/**
 * What a document line takes out of (or puts into) stock: its quantity in the base unit, and for a
 * bundle its components instead of itself.
 *
 * - A line sold in a larger unit of the product's unit template (unit_factor 12: a box of 12) moves
 *   quantity × factor base units: 2 boxes → 24 pieces.
 * - A bundle (product type 3) with components moves each tracked component: quantity × the component's
 *   quantity per bundle (× the line's factor); the bundle itself moves only if it has no components.
 *
 * Example: 2 × bundle B {A × 3, C × 1 (untracked)} → [{A, 6}].
 */
import { type Dec, ONE, ZERO, mul } from './money.js';

export interface StockProduct {
  id: number;
  tracked: boolean;
  isBundle: boolean;
}
export interface BundleComponent {
  productId: number;
  quantity: Dec;
  tracked: boolean;
}
export interface StockUnits {
  productId: number;
  quantity: Dec;
}

export function stockUnitsOf(
  quantity: Dec,
  factor: Dec | null,
  product: StockProduct,
  components: readonly BundleComponent[],
): StockUnits[] {
  const base = mul(quantity, factor && factor > ZERO ? factor : ONE);
  if (product.isBundle && components.length > 0) {
    return components
      .filter((component) => component.tracked)
      .map((component) => ({ productId: component.productId, quantity: mul(base, component.quantity) }));
  }
  return product.tracked ? [{ productId: product.id, quantity: base }] : [];
}
