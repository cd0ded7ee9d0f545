/**
 * What a rendered document shows, built from a stored document and its seller: the view the PDF and
 * HTML templates read (templates/documents/, variables in docs/documents.md). Pure: no HTTP, no SQL.
 *
 * Every amount is text made here from the exact decimal (money.ts), grouped by thousands, in the
 * document's currency places: templates never do arithmetic. Per line:
 *   taxable = item_subtotal − its taxes (the line after every discount, without VAT)
 *   tax     = summary_tax1 + summary_tax2 ;  total = item_subtotal (the line with VAT)
 * and per tax rate the sums of the lines that carry it. The totals are the document's own stored
 * summary_* values, so the paper always agrees with the API.
 *
 * The title a Saudi document must carry: a tax invoice ("فاتورة ضريبية") when the client has a VAT
 * number, a simplified tax invoice otherwise (B2C); credit and debit notes name their invoice. A site
 * without a VAT number issues plain invoices (it is not registered for VAT).
 */
import { type Dec, ZERO, currencyDecimals, formatDec, formatFixed } from './money.js';
import type { DocumentLanguage } from './site-settings.js';
import { phase1QrText } from './zatca-qr.js';
import { documentKind } from './document-kinds.js';

export type DocumentKind =
  | 'invoice'
  | 'debit_note'
  | 'advance_invoice'
  | 'estimate'
  | 'credit_note'
  | 'refund_receipt'
  | 'purchase_invoice'
  | 'purchase_refund';

/** The most lines a document may have (DOCUMENT_LINES_MAX); the layout flows them over pages. */
export interface Bilingual {
  ar: string;
  en: string;
}

export interface DocumentParty {
  name: string;
  vat_number: string | null;
  cr_number: string | null;
  /** The address as printed, one line each, empty lines left out. */
  address_lines: string[];
  email: string | null;
}

export interface DocumentLine {
  index: number;
  name: string;
  description: string | null;
  quantity: string;
  unit_price: string;
  discount: string;
  taxable: string;
  tax_rate: string;
  tax: string;
  total: string;
}

export interface DocumentTaxRow {
  name: string;
  rate: string;
  taxable: string;
  tax: string;
}

export interface DocumentTotalRow {
  key: string;
  label: Bilingual;
  amount: string;
  strong: boolean;
}

export interface DocumentView {
  lang: DocumentLanguage;
  dir: 'rtl' | 'ltr';
  kind: DocumentKind;
  title: Bilingual;
  /** Label of the party block: client (sales) or supplier (purchases). */
  party_label: Bilingual;
  seller: DocumentParty & { has_logo: boolean };
  buyer: DocumentParty;
  number: string;
  date: string;
  due_date: string | null;
  /** The invoice a credit or debit note, refund receipt or purchase refund corrects. */
  original_number: string | null;
  po_number: string | null;
  currency: string;
  lines: DocumentLine[];
  taxes: DocumentTaxRow[];
  totals: DocumentTotalRow[];
  notes: string | null;
  terms: string | null;
  /** The ZATCA phase-1 QR text (base64 TLV) on a Saudi VAT-registered site's sales document. */
  qr: string | null;
  labels: Record<string, Bilingual>;
}

/** The stored document as the engine reads it (decimals as Dec, ids as numbers). */
export type StoredDocument = Record<string, unknown>;

export interface TaxInfo {
  name: string;
  rate: Dec;
  included: boolean;
}

export interface DocumentSource {
  kind: DocumentKind;
  lang: DocumentLanguage;
  site: { business_name: string; country_code: string; currency_code: string; [column: string]: unknown };
  document: StoredDocument;
  lines: StoredDocument[];
  taxes: ReadonlyMap<number, TaxInfo>;
  /** The client or supplier record, for what the document's snapshot lacks (VAT and CR numbers). */
  party: Record<string, unknown> | null;
  originalNumber: string | null;
}

export const LABELS: Record<string, Bilingual> = {
  number: { ar: 'رقم الفاتورة', en: 'Invoice number' },
  document_number: { ar: 'رقم المستند', en: 'Document number' },
  date: { ar: 'تاريخ الإصدار', en: 'Issue date' },
  due_date: { ar: 'تاريخ الاستحقاق', en: 'Due date' },
  original_number: { ar: 'رقم الفاتورة الأصلية', en: 'Original invoice' },
  po_number: { ar: 'رقم أمر الشراء', en: 'PO number' },
  currency: { ar: 'العملة', en: 'Currency' },
  seller: { ar: 'البائع', en: 'Seller' },
  vat_number: { ar: 'الرقم الضريبي', en: 'VAT number' },
  cr_number: { ar: 'السجل التجاري', en: 'CR number' },
  line_no: { ar: 'م', en: '#' },
  item: { ar: 'الصنف', en: 'Item' },
  quantity: { ar: 'الكمية', en: 'Qty' },
  unit_price: { ar: 'سعر الوحدة', en: 'Unit price' },
  discount: { ar: 'الخصم', en: 'Discount' },
  taxable: { ar: 'المبلغ الخاضع للضريبة', en: 'Taxable amount' },
  tax_rate: { ar: 'نسبة الضريبة', en: 'VAT rate' },
  tax: { ar: 'مبلغ الضريبة', en: 'VAT amount' },
  line_total: { ar: 'الإجمالي', en: 'Total' },
  tax_summary: { ar: 'ملخص الضريبة', en: 'VAT summary' },
  tax_name: { ar: 'الضريبة', en: 'Tax' },
  notes: { ar: 'ملاحظات', en: 'Notes' },
  terms: { ar: 'الشروط', en: 'Terms' },
  page: { ar: 'صفحة', en: 'Page' },
  of: { ar: 'من', en: 'of' },
  qr: { ar: 'رمز الاستجابة السريعة', en: 'ZATCA QR code' },
};

const TITLES: Record<string, Bilingual> = {
  tax_invoice: { ar: 'فاتورة ضريبية', en: 'Tax Invoice' },
  simplified_tax_invoice: { ar: 'فاتورة ضريبية مبسطة', en: 'Simplified Tax Invoice' },
  invoice: { ar: 'فاتورة', en: 'Invoice' },
  credit_note: { ar: 'إشعار دائن', en: 'Credit Note' },
  debit_note: { ar: 'إشعار مدين', en: 'Debit Note' },
  refund_receipt: { ar: 'إيصال استرداد', en: 'Refund Receipt' },
  estimate: { ar: 'عرض سعر', en: 'Quotation' },
  purchase_invoice: { ar: 'فاتورة مشتريات', en: 'Purchase Invoice' },
  purchase_refund: { ar: 'مرتجع مشتريات', en: 'Purchase Refund' },
};

/** Sales kinds that are tax documents (they carry the ZATCA QR on a Saudi site). */
const TAX_DOCUMENT_KINDS = new Set<DocumentKind>([
  'invoice',
  'advance_invoice',
  'debit_note',
  'credit_note',
  'refund_receipt',
]);

export function kindOf(table: string, type: number): DocumentKind | null {
  if (table !== 'invoices' && table !== 'purchase_orders') return null;
  const name = documentKind(table, type)?.name;
  // A purchase debit note has no printed layout of its own.
  return name === undefined || name === 'purchase_debit_note' ? null : name;
}

/** 1234567.5 with 2 places → "1,234,567.50"; more places than the currency's are kept when not zero. */
export function formatAmount(value: Dec, places: number): string {
  const exact = formatDec(value);
  const decimals = exact.split('.')[1]?.length ?? 0;
  const text = formatFixed(value, Math.max(places, decimals));
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

const dec = (value: unknown): Dec => (typeof value === 'bigint' ? value : ZERO);
const textOf = (value: unknown): string | null =>
  value === null || value === undefined || String(value).trim() === '' ? null : String(value).trim();

function joinParts(parts: unknown[], separator = ' '): string | null {
  const kept = parts.map(textOf).filter((part): part is string => part !== null);
  return kept.length > 0 ? kept.join(separator) : null;
}

function sellerOf(site: DocumentSource['site']): DocumentView['seller'] {
  const street = joinParts([site['building_number'], site['address1']]);
  return {
    name: site.business_name,
    vat_number: textOf(site['vat_number']),
    cr_number: textOf(site['cr_number']),
    address_lines: [
      street,
      textOf(site['address2']),
      textOf(site['district']),
      joinParts([site['city'], site['postal_code']]),
      textOf(site['state']),
    ].filter((line): line is string => line !== null),
    email: null,
    has_logo: Boolean(site['logo']),
  };
}

function buyerOf(source: DocumentSource): DocumentParty {
  const d = source.document;
  const prefix = source.kind.startsWith('purchase') ? 'supplier' : 'client';
  const party = source.party ?? {};
  const name =
    joinParts([d[`${prefix}_business_name`]]) ??
    joinParts([d[`${prefix}_first_name`], d[`${prefix}_last_name`]]) ??
    joinParts([party['business_name']]) ??
    joinParts([party['first_name'], party['last_name']]) ??
    '';
  return {
    name,
    vat_number: textOf(d[`${prefix}_bn1`]) ?? textOf(party['bn1']),
    cr_number: textOf(d[`${prefix}_bn2`]) ?? textOf(party['bn2']),
    address_lines: [
      textOf(d[`${prefix}_address1`]),
      textOf(d[`${prefix}_address2`]),
      joinParts([d[`${prefix}_city`], d[`${prefix}_postal_code`]]),
      textOf(d[`${prefix}_state`]),
    ].filter((line): line is string => line !== null),
    email: textOf(d[`${prefix}_email`]),
  };
}

function titleOf(source: DocumentSource, buyer: DocumentParty, registered: boolean): Bilingual {
  switch (source.kind) {
    case 'invoice':
    case 'advance_invoice':
      if (!registered) return TITLES['invoice']!;
      return buyer.vat_number ? TITLES['tax_invoice']! : TITLES['simplified_tax_invoice']!;
    default:
      return TITLES[source.kind]!;
  }
}

function linesOf(
  source: DocumentSource,
  places: number,
): { lines: DocumentLine[]; taxes: DocumentTaxRow[]; taxable: Dec } {
  const byTax = new Map<number, { info: TaxInfo; taxable: Dec; tax: Dec }>();
  let taxableTotal = ZERO;
  const lines = source.lines.map((line, index) => {
    const tax1 = dec(line['summary_tax1']);
    const tax2 = dec(line['summary_tax2']);
    const total = dec(line['item_subtotal']);
    const taxable = total - tax1 - tax2;
    taxableTotal += taxable;
    const rates: string[] = [];
    for (const [slot, amount] of [
      ['tax1', tax1],
      ['tax2', tax2],
    ] as const) {
      const id = line[slot];
      if (typeof id !== 'number') continue;
      const info = source.taxes.get(id);
      if (!info) continue;
      rates.push(`${formatDec(info.rate)}%`);
      const row = byTax.get(id) ?? { info, taxable: ZERO, tax: ZERO };
      row.taxable += taxable;
      row.tax += amount;
      byTax.set(id, row);
    }
    return {
      index: index + 1,
      name: textOf(line['item']) ?? '',
      description: textOf(line['description']),
      quantity: formatDec(dec(line['quantity'])),
      unit_price: formatAmount(dec(line['unit_price']), places),
      discount: formatAmount(dec(line['calculated_discount']), places),
      taxable: formatAmount(taxable, places),
      tax_rate: rates.length > 0 ? rates.join(' + ') : '0%',
      tax: formatAmount(tax1 + tax2, places),
      total: formatAmount(total, places),
    };
  });
  const taxes = [...byTax.values()].map((row) => ({
    name: row.info.name,
    rate: `${formatDec(row.info.rate)}%`,
    taxable: formatAmount(row.taxable, places),
    tax: formatAmount(row.tax, places),
  }));
  return { lines, taxes, taxable: taxableTotal };
}

function totalsOf(source: DocumentSource, taxable: Dec, places: number): DocumentTotalRow[] {
  const d = source.document;
  const rows: DocumentTotalRow[] = [];
  const add = (key: string, label: Bilingual, amount: Dec, strong = false, always = true) => {
    if (always || amount !== ZERO) rows.push({ key, label, amount: formatAmount(amount, places), strong });
  };
  const tax = dec(d['summary_tax1']) + dec(d['summary_tax2']);
  add('subtotal', { ar: 'المجموع', en: 'Subtotal' }, dec(d['summary_subtotal']));
  add('discount', { ar: 'الخصم', en: 'Discount' }, dec(d['summary_discount']), false, false);
  add('taxable', { ar: 'الإجمالي الخاضع للضريبة', en: 'Total excluding VAT' }, taxable);
  add('tax', { ar: 'إجمالي ضريبة القيمة المضافة', en: 'Total VAT' }, tax);
  add('shipping', { ar: 'الشحن', en: 'Shipping' }, dec(d['shipping_amount']), false, false);
  const adjustment = dec(d['adjustment_value']);
  if (adjustment !== ZERO)
    add(
      'adjustment',
      { ar: textOf(d['adjustment_label']) ?? 'تسوية', en: textOf(d['adjustment_label']) ?? 'Adjustment' },
      adjustment,
    );
  add('total', { ar: 'الإجمالي شامل الضريبة', en: 'Total including VAT' }, dec(d['summary_total']), true);
  if (source.kind !== 'estimate') {
    add('paid', { ar: 'المدفوع', en: 'Paid' }, dec(d['summary_paid']));
    add('unpaid', { ar: 'المتبقي', en: 'Balance due' }, dec(d['summary_unpaid']), true);
  }
  return rows;
}

/** The ISO 8601 time stamp of a document: its date with the time it was created (site-local time). */
export function documentTimestamp(document: StoredDocument): string {
  const date = textOf(document['date'])?.slice(0, 10) ?? '1970-01-01';
  const created = textOf(document['created']);
  const time = created && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/.test(created) ? created.slice(11, 19) : '00:00:00';
  return `${date}T${time}`;
}

/** The ZATCA phase-1 QR text of a sales tax document, or null when the site cannot issue one. */
export function qrTextOf(kind: DocumentKind, site: DocumentSource['site'], document: StoredDocument): string | null {
  const vat = textOf(site['vat_number']);
  if (site.country_code !== 'SA' || !vat || !TAX_DOCUMENT_KINDS.has(kind)) return null;
  const places = currencyDecimals(textOf(document['currency_code']) ?? site.currency_code);
  return phase1QrText({
    sellerName: site.business_name,
    vatNumber: vat,
    timestamp: documentTimestamp(document),
    total: dec(document['summary_total']),
    vat: dec(document['summary_tax1']) + dec(document['summary_tax2']),
    places,
  });
}

export function buildDocumentView(source: DocumentSource): DocumentView {
  const d = source.document;
  const currency = textOf(d['currency_code']) ?? source.site.currency_code;
  const places = currencyDecimals(currency);
  const seller = sellerOf(source.site);
  const buyer = buyerOf(source);
  const { lines, taxes, taxable } = linesOf(source, places);
  const purchase = source.kind.startsWith('purchase');
  const dueAfter = typeof d['due_after'] === 'number' ? d['due_after'] : null;
  const date = textOf(d['date'])?.slice(0, 10) ?? '';
  return {
    lang: source.lang,
    dir: source.lang === 'ar' ? 'rtl' : 'ltr',
    kind: source.kind,
    title: titleOf(source, buyer, seller.vat_number !== null),
    party_label: purchase ? { ar: 'المورد', en: 'Supplier' } : { ar: 'العميل', en: 'Customer' },
    seller,
    buyer,
    number: textOf(d['no']) ?? String(d['id'] ?? ''),
    date,
    due_date: dueAfter !== null && dueAfter > 0 && date ? addDays(date, dueAfter) : null,
    original_number: source.originalNumber,
    po_number: textOf(d['po_number']),
    currency,
    lines,
    taxes,
    totals: totalsOf(source, taxable, places),
    notes: textOf(d['notes']),
    terms: textOf(d['terms']),
    qr: purchase ? null : qrTextOf(source.kind, source.site, d),
    labels: {
      ...LABELS,
      number:
        source.kind === 'invoice' || source.kind === 'advance_invoice' ? LABELS['number']! : LABELS['document_number']!,
    },
  };
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moment = new Date(Date.UTC(year!, month! - 1, day! + days));
  return moment.toISOString().slice(0, 10);
}
