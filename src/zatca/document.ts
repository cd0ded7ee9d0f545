/**
 * From a stored sales document (invoice 0, debit note 16, advance payment 19, credit note 5) to the
 * EInvoice of ZATCA's data dictionary. Pure: the caller loads the rows.
 *
 * Amounts, per line (see domain/totals.ts for how Daftar computes them):
 *   net (BT-131) = subtotal − calculated_discount − the line's VAT when the tax is inclusive
 *   VAT          = summary_tax1 (the line's tax as Daftar computed it)
 *   price        = unit_price, without VAT when the tax is inclusive (× 100 / (100 + rate), 6 places)
 *   allowance    = round2(quantity × price) − net (the discount, or a rounding charge when negative)
 * Document: shipping is a document-level charge out of scope of VAT (Daftar adds no tax to it);
 * adjustment_value is the payable rounding amount; payable = the document's summary_total.
 */
import { type Dec, HUNDRED, ZERO, divRound, fromStored, mul, roundTo, sum } from '../domain/money.js';
import { OUT_OF_SCOPE, EXEMPTION_REASONS, exemptionCodeIn } from './exemptions.js';
import type {
  DocumentCharge,
  EInvoice,
  EInvoiceLine,
  InvoiceTypeCode,
  Party,
  TaxSubtotal,
  VatCategory,
} from './model.js';

type Row = Record<string, unknown>;

/** Sales document types that are tax documents, and their UNTDID 1001 codes. */
export const TYPE_CODES: Record<number, InvoiceTypeCode> = { 0: '388', 16: '383', 19: '386', 5: '381' };

export interface SourceDocument {
  site: Row;
  header: Row;
  lines: Row[];
  taxes: Map<number, Row>;
  client: Row | undefined;
  /** `no` of the invoice a note corrects. */
  originalNumber: string;
}

export interface ChainPosition {
  icv: number;
  previousHash: string;
  uuid: string;
  issueTime: string;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/** Clients of type 3 (Business) get standard tax invoices (B2B, cleared); individuals simplified ones. */
export function isStandard(client: Row | undefined): boolean {
  return Number(client?.['type']) === 3;
}

export function sellerOf(site: Row): Party {
  return {
    name: text(site['business_name']),
    vatNumber: text(site['vat_number']),
    crNumber: text(site['cr_number']),
    address: {
      street: text(site['address1']),
      additionalStreet: text(site['address2']),
      buildingNumber: text(site['building_number']),
      district: text(site['district']),
      city: text(site['city']),
      postalCode: text(site['postal_code']),
      countrySubentity: text(site['state']),
      country: text(site['country_code']) || 'SA',
    },
  };
}

export function buyerOf(header: Row): Party {
  const name =
    text(header['client_business_name']) ||
    [text(header['client_first_name']), text(header['client_last_name'])].filter(Boolean).join(' ');
  const second = text(header['client_bn2']);
  return {
    name,
    vatNumber: text(header['client_bn1']),
    crNumber: /^\d{10}$/.test(second) ? second : '',
    address: {
      street: text(header['client_address1']),
      additionalStreet: text(header['client_address2']),
      buildingNumber: '',
      district: '',
      city: text(header['client_city']),
      postalCode: text(header['client_postal_code']),
      countrySubentity: text(header['client_state']),
      country: text(header['client_country_code']).slice(0, 2).toUpperCase() || 'SA',
    },
  };
}

interface LineCategory {
  category: VatCategory;
  percent: Dec;
  code: string;
  reason: string;
  included: boolean;
}

export function categoryOf(tax: Row | undefined): LineCategory {
  if (!tax)
    return {
      category: OUT_OF_SCOPE.category,
      percent: ZERO,
      code: OUT_OF_SCOPE.code,
      reason: OUT_OF_SCOPE.reason,
      included: false,
    };
  const percent = fromStored(tax['value']);
  const included = Number(tax['included']) === 1;
  if (percent > ZERO) return { category: 'S', percent, code: '', reason: '', included };
  const code = exemptionCodeIn(text(tax['name']));
  if (!code) return { category: 'Z', percent: ZERO, code: '', reason: '', included };
  const known = EXEMPTION_REASONS[code]!;
  return { category: known.category, percent: ZERO, code, reason: known.reason, included };
}

function lineOf(row: Row, index: number, taxes: Map<number, Row>): EInvoiceLine {
  const category = categoryOf(taxes.get(Number(row['tax1'])));
  const quantity = fromStored(row['quantity']);
  const vat = fromStored(row['summary_tax1']);
  const base = fromStored(row['subtotal']) - fromStored(row['calculated_discount']);
  const net = category.included ? base - vat : base;
  const unitPrice = fromStored(row['unit_price']);
  // Half away from zero at 6 places (divRound), the precision prices are stored with.
  const price = category.included ? divRound(unitPrice * HUNDRED, HUNDRED + category.percent) : unitPrice;
  return {
    id: index + 1,
    name: text(row['item']),
    quantity,
    price,
    net,
    allowance: roundTo(mul(quantity, price), 2) - net,
    vat,
    category: category.category,
    percent: category.percent,
    exemptionCode: category.code,
    exemptionReason: category.reason,
  };
}

/** One subtotal per category and rate, in first-seen order; taxable includes document charges. */
function subtotalsOf(lines: EInvoiceLine[], charges: DocumentCharge[]): TaxSubtotal[] {
  const byKey = new Map<string, TaxSubtotal>();
  const add = (category: VatCategory, percent: Dec, code: string, reason: string, taxable: Dec, vat: Dec) => {
    const key = `${category}:${percent}:${code}`;
    const entry = byKey.get(key) ?? {
      category,
      percent,
      taxable: ZERO,
      vat: ZERO,
      exemptionCode: code,
      exemptionReason: reason,
    };
    entry.taxable += taxable;
    entry.vat += vat;
    byKey.set(key, entry);
  };
  for (const line of lines)
    add(line.category, line.percent, line.exemptionCode, line.exemptionReason, line.net, line.vat);
  for (const charge of charges)
    add(charge.category, charge.percent, charge.exemptionCode, charge.exemptionReason, charge.amount, ZERO);
  return [...byKey.values()];
}

export function toEInvoice(source: SourceDocument, position: ChainPosition): EInvoice {
  const { header, site } = source;
  const type = Number(header['type']);
  const lines = source.lines.map((row, index) => lineOf(row, index, source.taxes));
  const shipping = fromStored(header['shipping_amount']);
  const charges: DocumentCharge[] =
    shipping === ZERO
      ? []
      : [
          {
            reason: 'Shipping',
            amount: shipping,
            category: 'O',
            percent: ZERO,
            exemptionCode: OUT_OF_SCOPE.code,
            exemptionReason: OUT_OF_SCOPE.reason,
          },
        ];
  const lineNet = sum(lines.map((line) => line.net));
  const chargeTotal = sum(charges.map((charge) => charge.amount));
  const vat = sum(lines.map((line) => line.vat));
  const taxExclusive = lineNet + chargeTotal;
  const currency = text(header['currency_code']) || 'SAR';
  const siteCurrency = text(site['currency_code']) || 'SAR';
  const rate = fromStored(header['currency_rate']);
  // currency_rate converts to the site currency; for SAR sites that is the SAR rate.
  const sarRate = currency === 'SAR' ? 1_000_000n : siteCurrency === 'SAR' && rate > ZERO ? rate : ZERO;
  const standard = isStandard(source.client);
  return {
    typeCode: TYPE_CODES[type]!,
    standard,
    number: text(header['no']),
    uuid: position.uuid,
    issueDate: text(header['date']),
    issueTime: position.issueTime,
    currency,
    sarRate,
    icv: position.icv,
    previousHash: position.previousHash,
    seller: sellerOf(site),
    buyer: standard || text(header['client_bn1']) ? buyerOf(header) : null,
    billingReference: source.originalNumber,
    noteReason:
      text(header['notes']).slice(0, 1000) ||
      (type === 5 ? 'Return or cancellation of goods or services' : 'Change of the invoice value'),
    supplyDate: text(header['date']),
    paymentMeansCode: '10',
    lines,
    charges,
    subtotals: subtotalsOf(lines, charges),
    totals: {
      lineNet,
      charges: chargeTotal,
      taxExclusive,
      vat,
      vatSar: roundTo(mul(vat, sarRate), 2),
      taxInclusive: taxExclusive + vat,
      rounding: fromStored(header['adjustment_value']),
      payable: fromStored(header['summary_total']),
    },
  };
}
