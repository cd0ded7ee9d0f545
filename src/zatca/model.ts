/**
 * The e-invoice as ZATCA's data dictionary sees it, independent of how Daftar stores documents. Built
 * from a sales document by document.ts, checked by rules.ts, written as UBL 2.1 by ubl.ts.
 * Amounts are exact Decs (bigint millionths); they are written with two places (ZATCA's BR-DEC rules).
 */
import type { Dec } from '../domain/money.js';

/** 388 tax invoice, 381 credit note, 383 debit note, 386 prepayment (advance payment) invoice. */
export type InvoiceTypeCode = '388' | '381' | '383' | '386';

/** S standard rate, Z zero rated, E exempt, O out of scope (UNTDID 5305 subset ZATCA uses). */
export type VatCategory = 'S' | 'Z' | 'E' | 'O';

export interface PartyAddress {
  street: string;
  additionalStreet: string;
  buildingNumber: string;
  district: string;
  city: string;
  postalCode: string;
  /** Region or province. */
  countrySubentity: string;
  /** ISO 3166 alpha-2. */
  country: string;
}

export interface Party {
  name: string;
  vatNumber: string;
  /** Commercial registration (CRN), written as PartyIdentification. */
  crNumber: string;
  address: PartyAddress;
}

export interface EInvoiceLine {
  id: number;
  name: string;
  quantity: Dec;
  /** Unit price without VAT. */
  price: Dec;
  /** quantity × price − discount: the line net without VAT (BT-131). */
  net: Dec;
  /** round2(quantity × price) − net: a positive value is a discount (allowance), negative a charge. */
  allowance: Dec;
  vat: Dec;
  category: VatCategory;
  /** Percent, e.g. 15 × 10⁶ for 15%. */
  percent: Dec;
  exemptionCode: string;
  exemptionReason: string;
}

export interface TaxSubtotal {
  category: VatCategory;
  percent: Dec;
  taxable: Dec;
  vat: Dec;
  exemptionCode: string;
  exemptionReason: string;
}

export interface DocumentCharge {
  reason: string;
  amount: Dec;
  category: VatCategory;
  percent: Dec;
  exemptionCode: string;
  exemptionReason: string;
}

export interface EInvoice {
  typeCode: InvoiceTypeCode;
  /** Standard (B2B, cleared) or simplified (B2C, reported). */
  standard: boolean;
  number: string;
  uuid: string;
  issueDate: string;
  issueTime: string;
  /** The document currency (BT-5); the tax currency is always SAR. */
  currency: string;
  /** Units of SAR per unit of the document currency (1 for SAR). */
  sarRate: Dec;
  icv: number;
  previousHash: string;
  seller: Party;
  /** Required on standard documents; optional (may be empty) on simplified ones. */
  buyer: Party | null;
  /** The original invoice of a credit or debit note (BT-25). */
  billingReference: string;
  /** The reason a note is issued (KSA-10). */
  noteReason: string;
  supplyDate: string;
  /** UNTDID 4461: 10 cash, 30 credit transfer, 42 bank account, 48 card, 1 not defined. */
  paymentMeansCode: string;
  lines: EInvoiceLine[];
  charges: DocumentCharge[];
  subtotals: TaxSubtotal[];
  totals: {
    lineNet: Dec;
    charges: Dec;
    taxExclusive: Dec;
    vat: Dec;
    vatSar: Dec;
    taxInclusive: Dec;
    rounding: Dec;
    payable: Dec;
  };
}
