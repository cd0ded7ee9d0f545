/**
 * Every document kind and what its `type` number decides, in one table: the numbering sequence, the
 * journals it posts (by Daftra's `entity_type`), the stock it moves (source and direction), what it
 * reverses and which posting rule applies. The resources and the posting hooks read this table; no
 * other map keyed by a document's type should exist.
 *
 * Sales documents live in `invoices` (type 0, 3, 5, 6, 16, 19), purchase documents in
 * `purchase_orders` (type 0, 1, 14).
 */
import { STOCK_SOURCE } from './stock-sources.js';

export type SalesRule = 'invoice' | 'advance_invoice' | 'credit_note' | 'refund_receipt';
export type PurchaseRule = 'purchase_invoice' | 'purchase_refund';

export interface DocumentKindSpec {
  /** The kind's name in printed documents and links (domain/documents.ts). */
  name:
    | 'invoice'
    | 'debit_note'
    | 'advance_invoice'
    | 'estimate'
    | 'credit_note'
    | 'refund_receipt'
    | 'purchase_invoice'
    | 'purchase_refund'
    | 'purchase_debit_note';
  table: 'invoices' | 'purchase_orders';
  type: number;
  /** The counter of its `no` (domain/numbering.ts). */
  numbering: string;
  /** Its journal's `entity_type`, and the words its description starts with ("credit note #12"); null: it posts nothing. */
  journal: { entityType: string; label: string } | null;
  /** The journal of the cost of the goods it moved (sales documents). */
  costJournal: string | null;
  /** The stock ledger's `source_type` of its movements and their direction; null: it moves no stock. */
  stock: { source: number; direction: 'in' | 'out' } | null;
  /** The kind it reverses, linked by `subscription_id`. */
  reverses: 'invoice' | 'purchase_invoice' | null;
  /** Which rule of src/domain/posting/ builds its journal. */
  rule: SalesRule | PurchaseRule | null;
  /** It can take payments. */
  payable: boolean;
  /** How an error names it ("an estimate takes no payments"). */
  article: string;
}

/** What invoices, debit notes and advance payments share: they post as an invoice and send goods out. */
const salesInvoice: Pick<DocumentKindSpec, 'table' | 'costJournal' | 'reverses' | 'payable' | 'journal' | 'stock'> = {
  table: 'invoices',
  costJournal: 'invoice_sales_cost',
  reverses: null,
  payable: true,
  journal: { entityType: 'invoice', label: 'invoice' },
  stock: { source: STOCK_SOURCE.invoice, direction: 'out' },
};

export const DOCUMENT_KINDS: readonly DocumentKindSpec[] = [
  { ...salesInvoice, name: 'invoice', type: 0, numbering: 'invoice', rule: 'invoice', article: 'an invoice' },
  { ...salesInvoice, name: 'debit_note', type: 16, numbering: 'debit_note', rule: 'invoice', article: 'a debit note' },
  {
    ...salesInvoice,
    name: 'advance_invoice',
    type: 19,
    numbering: 'advance_payment',
    rule: 'advance_invoice',
    article: 'an advance payment',
  },
  {
    name: 'estimate',
    table: 'invoices',
    type: 3,
    numbering: 'estimate',
    journal: null,
    costJournal: null,
    stock: null,
    reverses: null,
    rule: null,
    payable: false,
    article: 'an estimate',
  },
  {
    name: 'credit_note',
    table: 'invoices',
    type: 5,
    numbering: 'credit_note',
    journal: { entityType: 'credit_note', label: 'credit note' },
    costJournal: 'credit_note_sales_cost',
    stock: { source: STOCK_SOURCE.creditNote, direction: 'in' },
    reverses: 'invoice',
    rule: 'credit_note',
    payable: false,
    article: 'a credit note',
  },
  {
    name: 'refund_receipt',
    table: 'invoices',
    type: 6,
    numbering: 'refund_receipt',
    journal: { entityType: 'refund_receipt', label: 'refund receipt' },
    costJournal: 'refund_receipt_sales_cost',
    stock: { source: STOCK_SOURCE.refundReceipt, direction: 'in' },
    reverses: 'invoice',
    rule: 'refund_receipt',
    payable: false,
    article: 'a refund receipt',
  },
  {
    name: 'purchase_invoice',
    table: 'purchase_orders',
    type: 0,
    numbering: 'purchase_invoice',
    journal: { entityType: 'purchase_order', label: 'purchase invoice' },
    costJournal: null,
    stock: { source: STOCK_SOURCE.purchase, direction: 'in' },
    reverses: null,
    rule: 'purchase_invoice',
    payable: true,
    article: 'a purchase invoice',
  },
  {
    name: 'purchase_refund',
    table: 'purchase_orders',
    type: 1,
    numbering: 'purchase_refund',
    journal: { entityType: 'purchase_refund', label: 'purchase refund' },
    costJournal: null,
    stock: { source: STOCK_SOURCE.purchaseRefund, direction: 'out' },
    reverses: 'purchase_invoice',
    rule: 'purchase_refund',
    payable: false,
    article: 'a purchase refund',
  },
  {
    // Daftra's purchase debit note (its v2 body sends "type": "14"): posted as a refund, moving no stock.
    name: 'purchase_debit_note',
    table: 'purchase_orders',
    type: 14,
    numbering: 'purchase_debit_note',
    journal: { entityType: 'purchase_debit_note', label: 'purchase debit note' },
    costJournal: null,
    stock: null,
    reverses: 'purchase_invoice',
    rule: 'purchase_refund',
    payable: false,
    article: 'a purchase debit note',
  },
];

/** The kind of a document of `table` with `type`, or undefined for a type no kind has. */
export function documentKind(table: 'invoices' | 'purchase_orders', type: unknown): DocumentKindSpec | undefined {
  return DOCUMENT_KINDS.find((kind) => kind.table === table && kind.type === Number(type));
}

/** The types of `table` whose kinds satisfy `test`. */
export function typesWhere(table: 'invoices' | 'purchase_orders', test: (kind: DocumentKindSpec) => boolean): number[] {
  return DOCUMENT_KINDS.filter((kind) => kind.table === table && test(kind)).map((kind) => kind.type);
}

/**
 * Which way the payments of a sales document move money: a document that reverses an invoice (credit
 * note, refund receipt) pays the client back ('out'); every other one receives ('in').
 * @example paymentDirectionOf(6) → 'out'; paymentDirectionOf(0) → 'in'
 */
export function paymentDirectionOf(type: number): 'in' | 'out' {
  return documentKind('invoices', type)?.reverses === 'invoice' ? 'out' : 'in';
}
