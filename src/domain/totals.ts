/**
 * Totals of a sales or purchase document, computed by the server from its lines (clients' summary_*
 * values are ignored). Pure: no HTTP, no SQL.
 *
 * Order of work, each step rounded half away from zero to the currency's minor unit:
 *  1. line gross      = quantity × unit_price
 *  2. line discount   = gross × discount% (discount_type 1) or the fixed amount (type 2), at most gross
 *  3. line net        = gross − line discount
 *  4. header discount = Σ net × discount% or discount_amount, spread over lines in proportion to their
 *                       nets (largest remainder, so the parts add up exactly)
 *  5. taxable base    = net − its share of the header discount
 *  6. taxes per line  : inclusive taxes are taken out of the base (base × r / (100 + Σ inclusive r)),
 *                       exclusive taxes are added on the base without inclusive tax (× r / 100)
 *  7. document        : summary_subtotal = Σ gross, summary_discount = Σ line discounts + header
 *                       discount, summary_tax1/2 = Σ line taxes by slot (inclusive ones too), and
 *                       summary_total = subtotal − discount + exclusive taxes + shipping + adjustment
 *
 * On a line, `subtotal` is the gross and `calculated_discount` its line discount plus its share of the
 * header discount ("total applied discount on this item" in Daftra's docs).
 *
 * @example 19.99 × 3 with a 15% exclusive tax: net 59.97, tax 8.9955 → 9.00, total 68.97.
 */
import {
  type Dec,
  HUNDRED,
  OUT_OF_RANGE,
  ZERO,
  divRound,
  formatDec,
  inRange,
  min,
  mulDivTo,
  mulTo,
  percentOfTo,
  roundTo,
  sum,
} from './money.js';
import type { FieldErrors } from './errors.js';

export interface TaxRate {
  id: number;
  name: string;
  /** Percent, e.g. 15 for 15%. */
  rate: Dec;
  /** Prices already include this tax. */
  included: boolean;
}

export interface LineInput {
  quantity: Dec;
  unitPrice: Dec;
  /** Percent (type 1) or a fixed amount for the line (type 2). */
  discount: Dec;
  discountType: 1 | 2;
  tax1: TaxRate | null;
  tax2: TaxRate | null;
}

export interface DocumentInput {
  lines: LineInput[];
  /** Header discount percent; ignored when discountAmount is set. */
  discountPercent: Dec;
  discountAmount: Dec;
  shipping: Dec;
  adjustment: Dec;
  /** Minor-unit places of the document currency. */
  places: number;
}

export interface LineTotals {
  gross: Dec;
  lineDiscount: Dec;
  net: Dec;
  headerDiscountShare: Dec;
  tax1: Dec;
  tax2: Dec;
  /** The line's amount with its exclusive taxes, after every discount. */
  total: Dec;
  /** Revenue of the line: base without inclusive taxes. */
  revenue: Dec;
}

export interface DocumentTotals {
  lines: LineTotals[];
  /** Σ line gross. */
  subtotal: Dec;
  /** Σ line discounts + header discount. */
  discount: Dec;
  lineDiscounts: Dec;
  headerDiscount: Dec;
  tax1: Dec;
  tax2: Dec;
  /** Exclusive taxes only (inclusive ones are already inside the nets). */
  taxAdded: Dec;
  shipping: Dec;
  adjustment: Dec;
  total: Dec;
}

/** Splits `amount` over `weights` in proportion, rounded to `places`, parts summing to `amount` exactly. */
export function allocate(amount: Dec, weights: Dec[], places: number): Dec[] {
  const totalWeight = sum(weights);
  if (amount === ZERO || totalWeight === ZERO) return weights.map(() => ZERO);
  const unit = 10n ** BigInt(6 - places);
  const units = divRound(amount, unit);
  const exact = weights.map((w) => (units * w * 1_000_000n) / totalWeight);
  const floors = exact.map((e) => e / 1_000_000n);
  let remaining = units - sum(floors);
  const order = exact
    .map((e, i) => ({ i, fraction: e % 1_000_000n }))
    .sort((a, b) => (a.fraction === b.fraction ? a.i - b.i : a.fraction > b.fraction ? -1 : 1));
  const step = remaining >= 0n ? 1n : -1n;
  for (let k = 0; remaining !== 0n && order.length > 0; k = (k + 1) % order.length) {
    floors[order[k]!.i]! += step;
    remaining -= step;
  }
  return floors.map((f) => f * unit);
}

function lineTaxes(base: Dec, line: LineInput, places: number): { tax1: Dec; tax2: Dec; added: Dec; inclusive: Dec } {
  const slots = [line.tax1, line.tax2];
  const inclusiveRate = sum(slots.filter((t): t is TaxRate => t?.included === true).map((t) => t.rate));
  const amounts = slots.map((tax) =>
    tax?.included ? mulDivTo(base, tax.rate, HUNDRED + inclusiveRate, places) : ZERO,
  );
  const inclusive = sum(amounts);
  const exclusiveBase = base - inclusive;
  slots.forEach((tax, index) => {
    if (tax && !tax.included) amounts[index] = percentOfTo(exclusiveBase, tax.rate, places);
  });
  const added = sum(slots.map((tax, index) => (tax && !tax.included ? amounts[index]! : ZERO)));
  return { tax1: amounts[0]!, tax2: amounts[1]!, added, inclusive };
}

export function computeTotals(input: DocumentInput): DocumentTotals {
  const { places } = input;
  const partial = input.lines.map((line) => {
    const gross = mulTo(line.quantity, line.unitPrice, places);
    const rawDiscount =
      line.discountType === 2 ? roundTo(line.discount, places) : percentOfTo(gross, line.discount, places);
    const lineDiscount = min(rawDiscount, gross > ZERO ? gross : ZERO);
    return {
      gross,
      lineDiscount: lineDiscount > ZERO ? lineDiscount : ZERO,
      net: gross - (lineDiscount > ZERO ? lineDiscount : ZERO),
    };
  });
  const netSubtotal = sum(partial.map((p) => p.net));
  const wanted =
    input.discountAmount > ZERO
      ? roundTo(input.discountAmount, places)
      : percentOfTo(netSubtotal, input.discountPercent, places);
  const headerDiscount = netSubtotal > ZERO ? min(wanted, netSubtotal) : ZERO;
  const shares = allocate(
    headerDiscount,
    partial.map((p) => (p.net > ZERO ? p.net : ZERO)),
    places,
  );
  const lines: LineTotals[] = partial.map((p, index) => {
    const share = shares[index]!;
    const base = p.net - share;
    const taxes = lineTaxes(base, input.lines[index]!, places);
    return {
      gross: p.gross,
      lineDiscount: p.lineDiscount,
      net: p.net,
      headerDiscountShare: share,
      tax1: taxes.tax1,
      tax2: taxes.tax2,
      total: base + taxes.added,
      revenue: base - taxes.inclusive,
    };
  });
  const taxAdded = sum(lines.map((l) => l.total - (l.net - l.headerDiscountShare)));
  const shipping = roundTo(input.shipping, places);
  const adjustment = roundTo(input.adjustment, places);
  const lineDiscounts = sum(partial.map((p) => p.lineDiscount));
  return {
    lines,
    subtotal: sum(partial.map((p) => p.gross)),
    discount: lineDiscounts + headerDiscount,
    lineDiscounts,
    headerDiscount,
    tax1: sum(lines.map((l) => l.tax1)),
    tax2: sum(lines.map((l) => l.tax2)),
    taxAdded,
    shipping,
    adjustment,
    total: netSubtotal - headerDiscount + taxAdded + shipping + adjustment,
  };
}

const DOCUMENT_SUMS: Array<[keyof DocumentTotals, string]> = [
  ['subtotal', 'summary_subtotal'],
  ['discount', 'summary_discount'],
  ['tax1', 'summary_tax1'],
  ['tax2', 'summary_tax2'],
  ['total', 'summary_total'],
];

/**
 * What of a document's computed totals falls beyond the range (money.ts): each line's gross, taxes and
 * total are named by the line's `unit_price` (what the client controls), each document sum by its
 * summary field. Empty when everything can be stored exactly.
 *
 * @example 1000 × 10,000,000,000 → { "InvoiceItem.0.unit_price": "quantity × unit_price is 10000000000000, which must be less than 9000000000000 in size" }
 */
export function rangeErrors(totals: DocumentTotals, lineKey: string): FieldErrors {
  const errors: FieldErrors = {};
  totals.lines.forEach((line, index) => {
    const field = `${lineKey}.${index}.unit_price`;
    if (!inRange(line.gross))
      errors[field] = `quantity × unit_price is ${formatDec(line.gross)}, which ${OUT_OF_RANGE}`;
    else if (!inRange(line.tax1) || !inRange(line.tax2) || !inRange(line.total)) {
      errors[field] = `the line with its taxes is ${formatDec(line.total)}, which ${OUT_OF_RANGE}`;
    }
  });
  if (Object.keys(errors).length > 0) return errors;
  for (const [key, field] of DOCUMENT_SUMS) {
    const value = totals[key] as Dec;
    if (!inRange(value)) errors[field] = `the lines add up to ${formatDec(value)}, which ${OUT_OF_RANGE}`;
  }
  return errors;
}
