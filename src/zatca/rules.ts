/**
 * The ZATCA business rules Daftar checks before it signs a document (a document that breaks one is
 * refused with a 400 naming the field: once signed and chained it could not be corrected, only noted).
 * Rule numbers are those of ZATCA's XML implementation standard (BR-KSA-…) and EN 16931 (BR-…).
 * Site settings are named `site.<setting>` (set with `daftar site set`).
 */
import { type Dec, ZERO, abs, fromStored, mul, roundTo, sum } from '../domain/money.js';
import type { FieldErrors } from '../domain/errors.js';
import type { EInvoice } from './model.js';

/** A VAT registration number: 15 digits, first and last 3 (BR-KSA-39, BR-KSA-44). */
export const VAT_NUMBER = /^3\d{13}3$/;
/** One halala: the largest difference a rounded VAT may show against taxable × rate, per line. */
const HALALA: Dec = 10_000n;

function checkSeller(invoice: EInvoice, errors: FieldErrors): void {
  const seller = invoice.seller;
  const address = seller.address;
  if (!seller.name) errors['site.business_name'] = 'is required: the seller name (BR-06)';
  if (!VAT_NUMBER.test(seller.vatNumber))
    errors['site.vat_number'] = 'must be the 15-digit VAT number, starting and ending with 3 (BR-KSA-39)';
  if (!address.street) errors['site.address1'] = 'is required: the seller street (BR-KSA-09)';
  if (!/^\d{4}$/.test(address.buildingNumber))
    errors['site.building_number'] = 'must be the 4-digit building number (BR-KSA-37)';
  if (!address.district) errors['site.district'] = 'is required: the seller district (BR-KSA-09)';
  if (!address.city) errors['site.city'] = 'is required: the seller city (BR-KSA-09)';
  if (!/^\d{5}$/.test(address.postalCode)) errors['site.postal_code'] = 'must be the 5-digit postal code (BR-KSA-66)';
}

function checkBuyer(invoice: EInvoice, errors: FieldErrors): void {
  const buyer = invoice.buyer;
  if (buyer?.vatNumber && !VAT_NUMBER.test(buyer.vatNumber))
    errors['client_bn1'] = "must be the buyer's 15-digit VAT number, starting and ending with 3 (BR-KSA-44)";
  if (!invoice.standard) return;
  if (!buyer?.vatNumber)
    errors['client_bn1'] =
      "is required: the buyer's VAT number on a standard tax invoice (client type 3, Business) (BR-KSA-44)";
  if (!buyer?.name)
    errors['client_business_name'] = 'is required: the buyer name on a standard tax invoice (BR-KSA-42)';
  if (!buyer?.address.street)
    errors['client_address1'] = 'is required: the buyer street on a standard tax invoice (BR-KSA-10)';
  if (!buyer?.address.city) errors['client_city'] = 'is required: the buyer city on a standard tax invoice (BR-KSA-10)';
}

function checkLines(invoice: EInvoice, lines: Record<string, unknown>[], errors: FieldErrors): void {
  lines.forEach((row, index) => {
    if (row['tax2'] !== null && row['tax2'] !== undefined && Number(row['tax2']) > 0) {
      errors[`InvoiceItem.${index}.tax2`] =
        'must be empty: a ZATCA e-invoice line carries one VAT category and rate (BG-30)';
    }
  });
  invoice.lines.forEach((line, index) => {
    if (line.category === 'Z' && !line.exemptionCode) {
      errors[`InvoiceItem.${index}.tax1`] =
        'is a 0% tax without a ZATCA exemption code: put the VATEX code in the tax name, e.g. "Zero rated VATEX-SA-32" (BR-KSA-69)';
    }
    const expected = roundTo(mul(line.net, line.percent) / 100n, 2);
    if (abs(expected - line.vat) > HALALA)
      errors[`InvoiceItem.${index}.tax1`] = `line VAT ${line.vat} differs from net × rate (${expected}) (BR-KSA-50)`;
    if (line.net < ZERO)
      errors[`InvoiceItem.${index}.unit_price`] = 'gives a negative line net; issue a credit note instead';
  });
}

function checkTotals(invoice: EInvoice, errors: FieldErrors): void {
  const t = invoice.totals;
  const lineNet = sum(invoice.lines.map((line) => line.net));
  if (lineNet !== t.lineNet) errors['summary_subtotal'] = 'the line nets do not add up to the document net (BR-CO-10)';
  for (const subtotal of invoice.subtotals) {
    const lines = invoice.lines.filter(
      (line) => line.category === subtotal.category && line.percent === subtotal.percent,
    );
    const expected = roundTo(mul(subtotal.taxable, subtotal.percent) / 100n, 2);
    if (abs(expected - subtotal.vat) > HALALA * BigInt(Math.max(1, lines.length))) {
      errors['summary_tax1'] =
        `VAT of category ${subtotal.category} (${subtotal.vat}) is not its taxable amount × rate (${expected}) (BR-S-09)`;
    }
  }
  const vat = sum(invoice.subtotals.map((subtotal) => subtotal.vat));
  if (vat !== t.vat)
    errors['summary_tax1'] = 'the VAT of the categories does not add up to the document VAT (BR-CO-14)';
  if (t.taxInclusive !== t.taxExclusive + t.vat)
    errors['summary_total'] = 'total with VAT is not total without VAT + VAT (BR-CO-15)';
  if (t.taxInclusive + t.rounding !== t.payable) {
    errors['summary_total'] =
      `the document total ${t.payable} is not the lines' net + VAT + charges + rounding (${t.taxInclusive + t.rounding}) (BR-CO-16)`;
  }
  if (t.payable < ZERO) errors['summary_total'] = 'must not be negative; issue a credit note instead';
  if (invoice.currency !== 'SAR' && t.vat > ZERO && invoice.sarRate === ZERO)
    errors['currency_rate'] = 'is required to state the VAT in SAR (BR-KSA-68)';
}

/** Every rule broken by `invoice` (built from `header` and its stored `lines`), by field. */
export function checkRules(
  invoice: EInvoice,
  header: Record<string, unknown>,
  lines: Record<string, unknown>[],
): FieldErrors {
  const errors: FieldErrors = {};
  checkSeller(invoice, errors);
  checkBuyer(invoice, errors);
  if ((invoice.typeCode === '381' || invoice.typeCode === '383') && !invoice.billingReference) {
    errors['subscription_id'] = 'is required: a credit or debit note names the invoice it corrects (BR-KSA-56)';
  }
  if (invoice.lines.length === 0) errors['InvoiceItem'] = 'at least one line is required (BR-16)';
  checkLines(invoice, lines, errors);
  checkTotals(invoice, errors);
  if (fromStored(header['summary_tax2']) !== ZERO && !errors['InvoiceItem.0.tax2'])
    errors['summary_tax2'] = 'must be zero: one VAT per line';
  return errors;
}
