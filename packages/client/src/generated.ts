// Generated from Daftar's resource declarations by `npm run client:generate` (src/api/client-types.ts). Do not edit.
/* eslint-disable */

export interface InvoiceInvoiceItem {
  id: string;
  invoice_id: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit price; the product's unit_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface InvoiceInvoiceItemInput {
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit price; the product's unit_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface InvoiceInvoicePayment {
  id: string;
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: string | null;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** The invoice's client; an id of clients */
  client_id: string | null;
  /** The client payment it is allocated from, if any: such a payment changes only through its client payment */
  client_payment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface InvoiceInvoicePaymentInput {
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface Invoice {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** For credit notes and refund receipts: the invoice they reverse */
  subscription_id: string | null;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type: string | null;
  /** Number; generated per document type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** at most 255 characters */
  name: string | null;
  /** an id of clients */
  client_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 100 characters */
  client_business_name: string | null;
  /** at most 255 characters */
  client_first_name: string | null;
  /** at most 255 characters */
  client_last_name: string | null;
  /** at most 255 characters */
  client_email: string | null;
  /** at most 255 characters */
  client_address1: string | null;
  /** at most 255 characters */
  client_address2: string | null;
  /** at most 20 characters */
  client_postal_code: string | null;
  /** at most 100 characters */
  client_city: string | null;
  /** at most 100 characters */
  client_state: string | null;
  /** at most 3 characters */
  client_country_code: string | null;
  /** at most 255 characters */
  client_bn1: string | null;
  /** at most 255 characters */
  client_bn2: string | null;
  /** YYYY-MM-DD; today when left out */
  date: string | null;
  issue_date: string | null;
  /** Days until due */
  due_after: string | null;
  /** -1 draft, 0 unpaid, 1 partially paid, 2 paid, 3 refunded, 4 overpaid */
  payment_status: string | null;
  draft: string | null;
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount: string | null;
  /** Document discount as an amount; exclusive with discount */
  discount_amount: string | null;
  deposit: string | null;
  deposit_type: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  summary_deposit: string | null;
  summary_refund: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  terms: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  invoice_layout_id: string | null;
  /** The estimate this invoice was made from */
  estimate_id: string | null;
  shipping_options: string | null;
  shipping_amount: string | null;
  client_active_secondary_address: string | null;
  /** at most 255 characters */
  client_secondary_name: string | null;
  /** at most 255 characters */
  client_secondary_address1: string | null;
  /** at most 255 characters */
  client_secondary_address2: string | null;
  /** at most 100 characters */
  client_secondary_city: string | null;
  /** at most 100 characters */
  client_secondary_state: string | null;
  /** at most 50 characters */
  client_secondary_postal_code: string | null;
  /** at most 10 characters */
  client_secondary_country_code: string | null;
  follow_up_status: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  requisition_delivery_status: string | null;
  pos_shift_id: string | null;
  source_type: string | null;
  source_id: string | null;
  order_source_id: string | null;
  language_id: string | null;
  sales_person_id: string | null;
  cost_center_id: string | null;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id: string | null;
  /** at most 255 characters */
  unique_id: string | null;
  branch_id: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code: string | null;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format: string | null;
  /** Deposit: as sent */
  deposit_details: unknown;
  /** InvoiceReminder: as sent */
  reminders: unknown;
  /** Document: attachments, as sent */
  documents: unknown;
  /** DocumentTitle: as sent */
  document_titles: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags: string | null;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source: string | null;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id: string | null;
  /** ZATCA e-invoice (docs/zatca.md): signed, pending, reported, cleared or rejected; empty when none; at most 20 characters */
  einvoice_status: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  InvoiceItem?: InvoiceInvoiceItem[];
  InvoicePayment?: InvoiceInvoicePayment[];
}

export interface InvoiceInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** For credit notes and refund receipts: the invoice they reverse */
  subscription_id?: number | string;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type?: number | string;
  /** Number; generated per document type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** at most 255 characters */
  name?: string;
  /** an id of clients */
  client_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 100 characters */
  client_business_name?: string;
  /** at most 255 characters */
  client_first_name?: string;
  /** at most 255 characters */
  client_last_name?: string;
  /** at most 255 characters */
  client_email?: string;
  /** at most 255 characters */
  client_address1?: string;
  /** at most 255 characters */
  client_address2?: string;
  /** at most 20 characters */
  client_postal_code?: string;
  /** at most 100 characters */
  client_city?: string;
  /** at most 100 characters */
  client_state?: string;
  /** at most 3 characters */
  client_country_code?: string;
  /** at most 255 characters */
  client_bn1?: string;
  /** at most 255 characters */
  client_bn2?: string;
  /** YYYY-MM-DD; today when left out */
  date?: string;
  issue_date?: string;
  /** Days until due */
  due_after?: number | string;
  draft?: 0 | 1 | boolean | '0' | '1';
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount?: string | number;
  /** Document discount as an amount; exclusive with discount */
  discount_amount?: string | number;
  deposit?: string | number;
  deposit_type?: 0 | '0' | 1 | '1' | 2 | '2';
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  terms?: string;
  /** at most 80000 characters */
  html_notes?: string;
  invoice_layout_id?: number | string;
  /** The estimate this invoice was made from */
  estimate_id?: number | string;
  shipping_options?: 1 | '1' | 2 | '2' | 3 | '3';
  shipping_amount?: string | number;
  client_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  client_secondary_name?: string;
  /** at most 255 characters */
  client_secondary_address1?: string;
  /** at most 255 characters */
  client_secondary_address2?: string;
  /** at most 100 characters */
  client_secondary_city?: string;
  /** at most 100 characters */
  client_secondary_state?: string;
  /** at most 50 characters */
  client_secondary_postal_code?: string;
  /** at most 10 characters */
  client_secondary_country_code?: string;
  follow_up_status?: number | string;
  /** an id of work_orders */
  work_order_id?: number | string;
  requisition_delivery_status?: 1 | '1' | 2 | '2' | 3 | '3' | 4 | '4' | 5 | '5';
  pos_shift_id?: number | string;
  source_type?: number | string;
  source_id?: number | string;
  order_source_id?: number | string;
  language_id?: number | string;
  sales_person_id?: number | string;
  cost_center_id?: number | string;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id?: string;
  /** at most 255 characters */
  unique_id?: string;
  branch_id?: number | string;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields?: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code?: string;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format?: string;
  /** Deposit: as sent */
  deposit_details?: unknown;
  /** InvoiceReminder: as sent */
  reminders?: unknown;
  /** Document: attachments, as sent */
  documents?: unknown;
  /** DocumentTitle: as sent */
  document_titles?: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags?: string;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source?: string;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id?: number | string;
}

export interface InvoiceBody {
  Invoice: InvoiceInput;
  InvoiceItem?: InvoiceInvoiceItemInput[];
  InvoicePayment?: InvoiceInvoicePaymentInput[];
}

export type InvoiceFilters = Partial<Record<"payment_status" | "requisition_delivery_status" | "date_from" | "date_to" | "summary_total_from" | "summary_total_to" | "item" | "custom_field" | "custom_field_label" | "client_type" | "due_date_from" | "due_date_to" | "tags" | "no" | "staff_id" | "subscription_id" | "store_id" | "type" | "po_number" | "name" | "client_id" | "is_offline" | "currency_code" | "currency_rate" | "client_business_name" | "client_first_name" | "client_last_name" | "client_email" | "client_address1" | "client_address2" | "client_postal_code" | "client_city" | "client_state" | "client_country_code" | "client_bn1" | "client_bn2" | "date" | "issue_date" | "due_after" | "draft" | "discount" | "discount_amount" | "deposit" | "deposit_type" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "summary_deposit" | "summary_refund" | "notes" | "terms" | "html_notes" | "invoice_layout_id" | "estimate_id" | "shipping_options" | "shipping_amount" | "client_active_secondary_address" | "client_secondary_name" | "client_secondary_address1" | "client_secondary_address2" | "client_secondary_city" | "client_secondary_state" | "client_secondary_postal_code" | "client_secondary_country_code" | "follow_up_status" | "work_order_id" | "pos_shift_id" | "source_type" | "source_id" | "order_source_id" | "language_id" | "sales_person_id" | "cost_center_id" | "terminal_id" | "unique_id" | "branch_id" | "adjustment_label" | "adjustment_value" | "custom_fields" | "client_currency_code" | "date_format" | "deposit_details" | "reminders" | "documents" | "document_titles" | "external_source" | "shipping_option_id" | "einvoice_status" | "created" | "modified", string | number | Array<string | number>>>;

export interface EstimateInvoiceItem {
  id: string;
  invoice_id: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit price; the product's unit_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface EstimateInvoiceItemInput {
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit price; the product's unit_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface EstimateInvoicePayment {
  id: string;
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: string | null;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** The invoice's client; an id of clients */
  client_id: string | null;
  /** The client payment it is allocated from, if any: such a payment changes only through its client payment */
  client_payment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface EstimateInvoicePaymentInput {
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface Estimate {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** For credit notes and refund receipts: the invoice they reverse */
  subscription_id: string | null;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type: string | null;
  /** Number; generated per document type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** at most 255 characters */
  name: string | null;
  /** an id of clients */
  client_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 100 characters */
  client_business_name: string | null;
  /** at most 255 characters */
  client_first_name: string | null;
  /** at most 255 characters */
  client_last_name: string | null;
  /** at most 255 characters */
  client_email: string | null;
  /** at most 255 characters */
  client_address1: string | null;
  /** at most 255 characters */
  client_address2: string | null;
  /** at most 20 characters */
  client_postal_code: string | null;
  /** at most 100 characters */
  client_city: string | null;
  /** at most 100 characters */
  client_state: string | null;
  /** at most 3 characters */
  client_country_code: string | null;
  /** at most 255 characters */
  client_bn1: string | null;
  /** at most 255 characters */
  client_bn2: string | null;
  /** YYYY-MM-DD; today when left out */
  date: string | null;
  issue_date: string | null;
  /** Days until due */
  due_after: string | null;
  /** -1 draft, 0 unpaid, 1 partially paid, 2 paid, 3 refunded, 4 overpaid */
  payment_status: string | null;
  draft: string | null;
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount: string | null;
  /** Document discount as an amount; exclusive with discount */
  discount_amount: string | null;
  deposit: string | null;
  deposit_type: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  summary_deposit: string | null;
  summary_refund: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  terms: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  invoice_layout_id: string | null;
  /** The estimate this invoice was made from */
  estimate_id: string | null;
  shipping_options: string | null;
  shipping_amount: string | null;
  client_active_secondary_address: string | null;
  /** at most 255 characters */
  client_secondary_name: string | null;
  /** at most 255 characters */
  client_secondary_address1: string | null;
  /** at most 255 characters */
  client_secondary_address2: string | null;
  /** at most 100 characters */
  client_secondary_city: string | null;
  /** at most 100 characters */
  client_secondary_state: string | null;
  /** at most 50 characters */
  client_secondary_postal_code: string | null;
  /** at most 10 characters */
  client_secondary_country_code: string | null;
  follow_up_status: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  requisition_delivery_status: string | null;
  pos_shift_id: string | null;
  source_type: string | null;
  source_id: string | null;
  order_source_id: string | null;
  language_id: string | null;
  sales_person_id: string | null;
  cost_center_id: string | null;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id: string | null;
  /** at most 255 characters */
  unique_id: string | null;
  branch_id: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code: string | null;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format: string | null;
  /** Deposit: as sent */
  deposit_details: unknown;
  /** InvoiceReminder: as sent */
  reminders: unknown;
  /** Document: attachments, as sent */
  documents: unknown;
  /** DocumentTitle: as sent */
  document_titles: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags: string | null;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source: string | null;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id: string | null;
  /** ZATCA e-invoice (docs/zatca.md): signed, pending, reported, cleared or rejected; empty when none; at most 20 characters */
  einvoice_status: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  InvoiceItem?: EstimateInvoiceItem[];
  InvoicePayment?: EstimateInvoicePayment[];
}

export interface EstimateInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** For credit notes and refund receipts: the invoice they reverse */
  subscription_id?: number | string;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type?: number | string;
  /** Number; generated per document type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** at most 255 characters */
  name?: string;
  /** an id of clients */
  client_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 100 characters */
  client_business_name?: string;
  /** at most 255 characters */
  client_first_name?: string;
  /** at most 255 characters */
  client_last_name?: string;
  /** at most 255 characters */
  client_email?: string;
  /** at most 255 characters */
  client_address1?: string;
  /** at most 255 characters */
  client_address2?: string;
  /** at most 20 characters */
  client_postal_code?: string;
  /** at most 100 characters */
  client_city?: string;
  /** at most 100 characters */
  client_state?: string;
  /** at most 3 characters */
  client_country_code?: string;
  /** at most 255 characters */
  client_bn1?: string;
  /** at most 255 characters */
  client_bn2?: string;
  /** YYYY-MM-DD; today when left out */
  date?: string;
  issue_date?: string;
  /** Days until due */
  due_after?: number | string;
  draft?: 0 | 1 | boolean | '0' | '1';
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount?: string | number;
  /** Document discount as an amount; exclusive with discount */
  discount_amount?: string | number;
  deposit?: string | number;
  deposit_type?: 0 | '0' | 1 | '1' | 2 | '2';
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  terms?: string;
  /** at most 80000 characters */
  html_notes?: string;
  invoice_layout_id?: number | string;
  /** The estimate this invoice was made from */
  estimate_id?: number | string;
  shipping_options?: 1 | '1' | 2 | '2' | 3 | '3';
  shipping_amount?: string | number;
  client_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  client_secondary_name?: string;
  /** at most 255 characters */
  client_secondary_address1?: string;
  /** at most 255 characters */
  client_secondary_address2?: string;
  /** at most 100 characters */
  client_secondary_city?: string;
  /** at most 100 characters */
  client_secondary_state?: string;
  /** at most 50 characters */
  client_secondary_postal_code?: string;
  /** at most 10 characters */
  client_secondary_country_code?: string;
  follow_up_status?: number | string;
  /** an id of work_orders */
  work_order_id?: number | string;
  requisition_delivery_status?: 1 | '1' | 2 | '2' | 3 | '3' | 4 | '4' | 5 | '5';
  pos_shift_id?: number | string;
  source_type?: number | string;
  source_id?: number | string;
  order_source_id?: number | string;
  language_id?: number | string;
  sales_person_id?: number | string;
  cost_center_id?: number | string;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id?: string;
  /** at most 255 characters */
  unique_id?: string;
  branch_id?: number | string;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields?: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code?: string;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format?: string;
  /** Deposit: as sent */
  deposit_details?: unknown;
  /** InvoiceReminder: as sent */
  reminders?: unknown;
  /** Document: attachments, as sent */
  documents?: unknown;
  /** DocumentTitle: as sent */
  document_titles?: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags?: string;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source?: string;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id?: number | string;
}

export interface EstimateBody {
  Estimate: EstimateInput;
  InvoiceItem?: EstimateInvoiceItemInput[];
  InvoicePayment?: EstimateInvoicePaymentInput[];
}

export type EstimateFilters = Partial<Record<"payment_status" | "requisition_delivery_status" | "date_from" | "date_to" | "summary_total_from" | "summary_total_to" | "item" | "custom_field" | "custom_field_label" | "client_type" | "due_date_from" | "due_date_to" | "tags" | "no" | "staff_id" | "subscription_id" | "store_id" | "type" | "po_number" | "name" | "client_id" | "is_offline" | "currency_code" | "currency_rate" | "client_business_name" | "client_first_name" | "client_last_name" | "client_email" | "client_address1" | "client_address2" | "client_postal_code" | "client_city" | "client_state" | "client_country_code" | "client_bn1" | "client_bn2" | "date" | "issue_date" | "due_after" | "draft" | "discount" | "discount_amount" | "deposit" | "deposit_type" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "summary_deposit" | "summary_refund" | "notes" | "terms" | "html_notes" | "invoice_layout_id" | "estimate_id" | "shipping_options" | "shipping_amount" | "client_active_secondary_address" | "client_secondary_name" | "client_secondary_address1" | "client_secondary_address2" | "client_secondary_city" | "client_secondary_state" | "client_secondary_postal_code" | "client_secondary_country_code" | "follow_up_status" | "work_order_id" | "pos_shift_id" | "source_type" | "source_id" | "order_source_id" | "language_id" | "sales_person_id" | "cost_center_id" | "terminal_id" | "unique_id" | "branch_id" | "adjustment_label" | "adjustment_value" | "custom_fields" | "client_currency_code" | "date_format" | "deposit_details" | "reminders" | "documents" | "document_titles" | "external_source" | "shipping_option_id" | "einvoice_status" | "created" | "modified", string | number | Array<string | number>>>;

export interface CreditNoteInvoiceItem {
  id: string;
  invoice_id: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit price; the product's unit_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface CreditNoteInvoiceItemInput {
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit price; the product's unit_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface CreditNoteInvoicePayment {
  id: string;
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: string | null;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** The invoice's client; an id of clients */
  client_id: string | null;
  /** The client payment it is allocated from, if any: such a payment changes only through its client payment */
  client_payment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface CreditNoteInvoicePaymentInput {
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface CreditNote {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** The invoice this document returns (from GET /invoices); an id of invoices */
  subscription_id: string | null;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type: string | null;
  /** Number; generated per document type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** at most 255 characters */
  name: string | null;
  /** an id of clients */
  client_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 100 characters */
  client_business_name: string | null;
  /** at most 255 characters */
  client_first_name: string | null;
  /** at most 255 characters */
  client_last_name: string | null;
  /** at most 255 characters */
  client_email: string | null;
  /** at most 255 characters */
  client_address1: string | null;
  /** at most 255 characters */
  client_address2: string | null;
  /** at most 20 characters */
  client_postal_code: string | null;
  /** at most 100 characters */
  client_city: string | null;
  /** at most 100 characters */
  client_state: string | null;
  /** at most 3 characters */
  client_country_code: string | null;
  /** at most 255 characters */
  client_bn1: string | null;
  /** at most 255 characters */
  client_bn2: string | null;
  /** YYYY-MM-DD; today when left out */
  date: string | null;
  issue_date: string | null;
  /** Days until due */
  due_after: string | null;
  /** -1 draft, 0 unpaid, 1 partially paid, 2 paid, 3 refunded, 4 overpaid */
  payment_status: string | null;
  draft: string | null;
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount: string | null;
  /** Document discount as an amount; exclusive with discount */
  discount_amount: string | null;
  deposit: string | null;
  deposit_type: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  summary_deposit: string | null;
  summary_refund: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  terms: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  invoice_layout_id: string | null;
  /** The estimate this invoice was made from */
  estimate_id: string | null;
  shipping_options: string | null;
  shipping_amount: string | null;
  client_active_secondary_address: string | null;
  /** at most 255 characters */
  client_secondary_name: string | null;
  /** at most 255 characters */
  client_secondary_address1: string | null;
  /** at most 255 characters */
  client_secondary_address2: string | null;
  /** at most 100 characters */
  client_secondary_city: string | null;
  /** at most 100 characters */
  client_secondary_state: string | null;
  /** at most 50 characters */
  client_secondary_postal_code: string | null;
  /** at most 10 characters */
  client_secondary_country_code: string | null;
  follow_up_status: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  requisition_delivery_status: string | null;
  pos_shift_id: string | null;
  source_type: string | null;
  source_id: string | null;
  order_source_id: string | null;
  language_id: string | null;
  sales_person_id: string | null;
  cost_center_id: string | null;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id: string | null;
  /** at most 255 characters */
  unique_id: string | null;
  branch_id: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code: string | null;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format: string | null;
  /** Deposit: as sent */
  deposit_details: unknown;
  /** InvoiceReminder: as sent */
  reminders: unknown;
  /** Document: attachments, as sent */
  documents: unknown;
  /** DocumentTitle: as sent */
  document_titles: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags: string | null;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source: string | null;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id: string | null;
  /** ZATCA e-invoice (docs/zatca.md): signed, pending, reported, cleared or rejected; empty when none; at most 20 characters */
  einvoice_status: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  InvoiceItem?: CreditNoteInvoiceItem[];
  InvoicePayment?: CreditNoteInvoicePayment[];
}

export interface CreditNoteInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** The invoice this document returns (from GET /invoices); an id of invoices */
  subscription_id?: number | string;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type?: number | string;
  /** Number; generated per document type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** at most 255 characters */
  name?: string;
  /** an id of clients */
  client_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 100 characters */
  client_business_name?: string;
  /** at most 255 characters */
  client_first_name?: string;
  /** at most 255 characters */
  client_last_name?: string;
  /** at most 255 characters */
  client_email?: string;
  /** at most 255 characters */
  client_address1?: string;
  /** at most 255 characters */
  client_address2?: string;
  /** at most 20 characters */
  client_postal_code?: string;
  /** at most 100 characters */
  client_city?: string;
  /** at most 100 characters */
  client_state?: string;
  /** at most 3 characters */
  client_country_code?: string;
  /** at most 255 characters */
  client_bn1?: string;
  /** at most 255 characters */
  client_bn2?: string;
  /** YYYY-MM-DD; today when left out */
  date?: string;
  issue_date?: string;
  /** Days until due */
  due_after?: number | string;
  draft?: 0 | 1 | boolean | '0' | '1';
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount?: string | number;
  /** Document discount as an amount; exclusive with discount */
  discount_amount?: string | number;
  deposit?: string | number;
  deposit_type?: 0 | '0' | 1 | '1' | 2 | '2';
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  terms?: string;
  /** at most 80000 characters */
  html_notes?: string;
  invoice_layout_id?: number | string;
  /** The estimate this invoice was made from */
  estimate_id?: number | string;
  shipping_options?: 1 | '1' | 2 | '2' | 3 | '3';
  shipping_amount?: string | number;
  client_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  client_secondary_name?: string;
  /** at most 255 characters */
  client_secondary_address1?: string;
  /** at most 255 characters */
  client_secondary_address2?: string;
  /** at most 100 characters */
  client_secondary_city?: string;
  /** at most 100 characters */
  client_secondary_state?: string;
  /** at most 50 characters */
  client_secondary_postal_code?: string;
  /** at most 10 characters */
  client_secondary_country_code?: string;
  follow_up_status?: number | string;
  /** an id of work_orders */
  work_order_id?: number | string;
  requisition_delivery_status?: 1 | '1' | 2 | '2' | 3 | '3' | 4 | '4' | 5 | '5';
  pos_shift_id?: number | string;
  source_type?: number | string;
  source_id?: number | string;
  order_source_id?: number | string;
  language_id?: number | string;
  sales_person_id?: number | string;
  cost_center_id?: number | string;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id?: string;
  /** at most 255 characters */
  unique_id?: string;
  branch_id?: number | string;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields?: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code?: string;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format?: string;
  /** Deposit: as sent */
  deposit_details?: unknown;
  /** InvoiceReminder: as sent */
  reminders?: unknown;
  /** Document: attachments, as sent */
  documents?: unknown;
  /** DocumentTitle: as sent */
  document_titles?: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags?: string;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source?: string;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id?: number | string;
}

export interface CreditNoteBody {
  CreditNote: CreditNoteInput;
  InvoiceItem?: CreditNoteInvoiceItemInput[];
  InvoicePayment?: CreditNoteInvoicePaymentInput[];
}

export type CreditNoteFilters = Partial<Record<"payment_status" | "requisition_delivery_status" | "date_from" | "date_to" | "summary_total_from" | "summary_total_to" | "item" | "custom_field" | "custom_field_label" | "client_type" | "due_date_from" | "due_date_to" | "tags" | "no" | "staff_id" | "subscription_id" | "store_id" | "type" | "po_number" | "name" | "client_id" | "is_offline" | "currency_code" | "currency_rate" | "client_business_name" | "client_first_name" | "client_last_name" | "client_email" | "client_address1" | "client_address2" | "client_postal_code" | "client_city" | "client_state" | "client_country_code" | "client_bn1" | "client_bn2" | "date" | "issue_date" | "due_after" | "draft" | "discount" | "discount_amount" | "deposit" | "deposit_type" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "summary_deposit" | "summary_refund" | "notes" | "terms" | "html_notes" | "invoice_layout_id" | "estimate_id" | "shipping_options" | "shipping_amount" | "client_active_secondary_address" | "client_secondary_name" | "client_secondary_address1" | "client_secondary_address2" | "client_secondary_city" | "client_secondary_state" | "client_secondary_postal_code" | "client_secondary_country_code" | "follow_up_status" | "work_order_id" | "pos_shift_id" | "source_type" | "source_id" | "order_source_id" | "language_id" | "sales_person_id" | "cost_center_id" | "terminal_id" | "unique_id" | "branch_id" | "adjustment_label" | "adjustment_value" | "custom_fields" | "client_currency_code" | "date_format" | "deposit_details" | "reminders" | "documents" | "document_titles" | "external_source" | "shipping_option_id" | "einvoice_status" | "created" | "modified", string | number | Array<string | number>>>;

export interface RefundReceiptInvoiceItem {
  id: string;
  invoice_id: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit price; the product's unit_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface RefundReceiptInvoiceItemInput {
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit price; the product's unit_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface RefundReceiptInvoicePayment {
  id: string;
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: string | null;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** The invoice's client; an id of clients */
  client_id: string | null;
  /** The client payment it is allocated from, if any: such a payment changes only through its client payment */
  client_payment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface RefundReceiptInvoicePaymentInput {
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface RefundReceipt {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** The invoice this document returns (from GET /invoices); an id of invoices */
  subscription_id: string | null;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type: string | null;
  /** Number; generated per document type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** at most 255 characters */
  name: string | null;
  /** an id of clients */
  client_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 100 characters */
  client_business_name: string | null;
  /** at most 255 characters */
  client_first_name: string | null;
  /** at most 255 characters */
  client_last_name: string | null;
  /** at most 255 characters */
  client_email: string | null;
  /** at most 255 characters */
  client_address1: string | null;
  /** at most 255 characters */
  client_address2: string | null;
  /** at most 20 characters */
  client_postal_code: string | null;
  /** at most 100 characters */
  client_city: string | null;
  /** at most 100 characters */
  client_state: string | null;
  /** at most 3 characters */
  client_country_code: string | null;
  /** at most 255 characters */
  client_bn1: string | null;
  /** at most 255 characters */
  client_bn2: string | null;
  /** YYYY-MM-DD; today when left out */
  date: string | null;
  issue_date: string | null;
  /** Days until due */
  due_after: string | null;
  /** -1 draft, 0 unpaid, 1 partially paid, 2 paid, 3 refunded, 4 overpaid */
  payment_status: string | null;
  draft: string | null;
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount: string | null;
  /** Document discount as an amount; exclusive with discount */
  discount_amount: string | null;
  deposit: string | null;
  deposit_type: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  summary_deposit: string | null;
  summary_refund: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  terms: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  invoice_layout_id: string | null;
  /** The estimate this invoice was made from */
  estimate_id: string | null;
  shipping_options: string | null;
  shipping_amount: string | null;
  client_active_secondary_address: string | null;
  /** at most 255 characters */
  client_secondary_name: string | null;
  /** at most 255 characters */
  client_secondary_address1: string | null;
  /** at most 255 characters */
  client_secondary_address2: string | null;
  /** at most 100 characters */
  client_secondary_city: string | null;
  /** at most 100 characters */
  client_secondary_state: string | null;
  /** at most 50 characters */
  client_secondary_postal_code: string | null;
  /** at most 10 characters */
  client_secondary_country_code: string | null;
  follow_up_status: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  requisition_delivery_status: string | null;
  pos_shift_id: string | null;
  source_type: string | null;
  source_id: string | null;
  order_source_id: string | null;
  language_id: string | null;
  sales_person_id: string | null;
  cost_center_id: string | null;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id: string | null;
  /** at most 255 characters */
  unique_id: string | null;
  branch_id: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code: string | null;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format: string | null;
  /** Deposit: as sent */
  deposit_details: unknown;
  /** InvoiceReminder: as sent */
  reminders: unknown;
  /** Document: attachments, as sent */
  documents: unknown;
  /** DocumentTitle: as sent */
  document_titles: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags: string | null;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source: string | null;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id: string | null;
  /** ZATCA e-invoice (docs/zatca.md): signed, pending, reported, cleared or rejected; empty when none; at most 20 characters */
  einvoice_status: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  InvoiceItem?: RefundReceiptInvoiceItem[];
  InvoicePayment?: RefundReceiptInvoicePayment[];
}

export interface RefundReceiptInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** The invoice this document returns (from GET /invoices); an id of invoices */
  subscription_id?: number | string;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  /** 0 invoice, 3 estimate, 5 credit note, 6 refund receipt, 16 debit note, 19 advance payment */
  type?: number | string;
  /** Number; generated per document type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** at most 255 characters */
  name?: string;
  /** an id of clients */
  client_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 100 characters */
  client_business_name?: string;
  /** at most 255 characters */
  client_first_name?: string;
  /** at most 255 characters */
  client_last_name?: string;
  /** at most 255 characters */
  client_email?: string;
  /** at most 255 characters */
  client_address1?: string;
  /** at most 255 characters */
  client_address2?: string;
  /** at most 20 characters */
  client_postal_code?: string;
  /** at most 100 characters */
  client_city?: string;
  /** at most 100 characters */
  client_state?: string;
  /** at most 3 characters */
  client_country_code?: string;
  /** at most 255 characters */
  client_bn1?: string;
  /** at most 255 characters */
  client_bn2?: string;
  /** YYYY-MM-DD; today when left out */
  date?: string;
  issue_date?: string;
  /** Days until due */
  due_after?: number | string;
  draft?: 0 | 1 | boolean | '0' | '1';
  /** Document discount in percent (0-100); exclusive with discount_amount */
  discount?: string | number;
  /** Document discount as an amount; exclusive with discount */
  discount_amount?: string | number;
  deposit?: string | number;
  deposit_type?: 0 | '0' | 1 | '1' | 2 | '2';
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  terms?: string;
  /** at most 80000 characters */
  html_notes?: string;
  invoice_layout_id?: number | string;
  /** The estimate this invoice was made from */
  estimate_id?: number | string;
  shipping_options?: 1 | '1' | 2 | '2' | 3 | '3';
  shipping_amount?: string | number;
  client_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  client_secondary_name?: string;
  /** at most 255 characters */
  client_secondary_address1?: string;
  /** at most 255 characters */
  client_secondary_address2?: string;
  /** at most 100 characters */
  client_secondary_city?: string;
  /** at most 100 characters */
  client_secondary_state?: string;
  /** at most 50 characters */
  client_secondary_postal_code?: string;
  /** at most 10 characters */
  client_secondary_country_code?: string;
  follow_up_status?: number | string;
  /** an id of work_orders */
  work_order_id?: number | string;
  requisition_delivery_status?: 1 | '1' | 2 | '2' | 3 | '3' | 4 | '4' | 5 | '5';
  pos_shift_id?: number | string;
  source_type?: number | string;
  source_id?: number | string;
  order_source_id?: number | string;
  language_id?: number | string;
  sales_person_id?: number | string;
  cost_center_id?: number | string;
  /** POS terminal id, as the POS names it (the docs type it as a string); at most 64 characters */
  terminal_id?: string;
  /** at most 255 characters */
  unique_id?: string;
  branch_id?: number | string;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** InvoiceCustomField: a list of {label, value} (also taken as one such object or a label → value object) */
  custom_fields?: unknown;
  /** The client's currency, as sent; at most 10 characters */
  client_currency_code?: string;
  /** Date format of the printed document, as sent; at most 50 characters */
  date_format?: string;
  /** Deposit: as sent */
  deposit_details?: unknown;
  /** InvoiceReminder: as sent */
  reminders?: unknown;
  /** Document: attachments, as sent */
  documents?: unknown;
  /** DocumentTitle: as sent */
  document_titles?: unknown;
  /** Tags, comma-separated (ids or names); the `tags` list filter matches any of them; at most 1000 characters */
  tags?: string;
  /** Where the document was made: `api` unless the client names its source (e.g. `salla`); at most 50 characters */
  external_source?: string;
  /** Shipping option (a carrier or method of the shop) */
  shipping_option_id?: number | string;
}

export interface RefundReceiptBody {
  RefundReceipt: RefundReceiptInput;
  InvoiceItem?: RefundReceiptInvoiceItemInput[];
  InvoicePayment?: RefundReceiptInvoicePaymentInput[];
}

export type RefundReceiptFilters = Partial<Record<"payment_status" | "requisition_delivery_status" | "date_from" | "date_to" | "summary_total_from" | "summary_total_to" | "item" | "custom_field" | "custom_field_label" | "client_type" | "due_date_from" | "due_date_to" | "tags" | "no" | "staff_id" | "subscription_id" | "store_id" | "type" | "po_number" | "name" | "client_id" | "is_offline" | "currency_code" | "currency_rate" | "client_business_name" | "client_first_name" | "client_last_name" | "client_email" | "client_address1" | "client_address2" | "client_postal_code" | "client_city" | "client_state" | "client_country_code" | "client_bn1" | "client_bn2" | "date" | "issue_date" | "due_after" | "draft" | "discount" | "discount_amount" | "deposit" | "deposit_type" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "summary_deposit" | "summary_refund" | "notes" | "terms" | "html_notes" | "invoice_layout_id" | "estimate_id" | "shipping_options" | "shipping_amount" | "client_active_secondary_address" | "client_secondary_name" | "client_secondary_address1" | "client_secondary_address2" | "client_secondary_city" | "client_secondary_state" | "client_secondary_postal_code" | "client_secondary_country_code" | "follow_up_status" | "work_order_id" | "pos_shift_id" | "source_type" | "source_id" | "order_source_id" | "language_id" | "sales_person_id" | "cost_center_id" | "terminal_id" | "unique_id" | "branch_id" | "adjustment_label" | "adjustment_value" | "custom_fields" | "client_currency_code" | "date_format" | "deposit_details" | "reminders" | "documents" | "document_titles" | "external_source" | "shipping_option_id" | "einvoice_status" | "created" | "modified", string | number | Array<string | number>>>;

export interface Client {
  id: string;
  /** Generated when left out; clients may set their own (an external id); at most 255 characters */
  client_number: string | null;
  is_offline: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 100 characters */
  business_name: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  email: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 100 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 20 characters */
  postal_code: string | null;
  /** Phone number; at most 50 characters */
  phone1: string | null;
  /** Mobile number; at most 50 characters */
  phone2: string | null;
  /** ISO 3166 alpha-2 country code; at most 3 characters */
  country_code: string | null;
  /** at most 80000 characters */
  notes: string | null;
  active_secondary_address: string | null;
  /** at most 255 characters */
  secondary_name: string | null;
  /** at most 255 characters */
  secondary_address1: string | null;
  /** at most 255 characters */
  secondary_address2: string | null;
  /** at most 100 characters */
  secondary_city: string | null;
  /** at most 100 characters */
  secondary_state: string | null;
  /** at most 50 characters */
  secondary_postal_code: string | null;
  /** at most 10 characters */
  secondary_country_code: string | null;
  /** at most 5 characters */
  default_currency_code: string | null;
  follow_up_status: string | null;
  /** at most 255 characters */
  category: string | null;
  /** Tax registration number (VAT number); Arabic-Indic digits are kept as sent; at most 255 characters */
  bn1: string | null;
  /** at most 255 characters */
  bn1_label: string | null;
  /** Commercial registration number; at most 255 characters */
  bn2: string | null;
  /** at most 255 characters */
  bn2_label: string | null;
  starting_balance: string | null;
  branch_id: string | null;
  group_price_id: string | null;
  timezone: string | null;
  /** 2 Individual, 3 Business */
  type: string | null;
  birth_date: string | null;
  /** 0 not selected, 1 male, 2 female */
  gender: string | null;
  /** at most 255 characters */
  map_location: string | null;
  credit_limit: string | null;
  credit_period: string | null;
  /** at most 30 characters */
  last_login: string | null;
  suspend: string | null;
  /** at most 64 characters */
  last_ip: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ClientInput {
  /** Generated when left out; clients may set their own (an external id); at most 255 characters */
  client_number?: string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 100 characters */
  business_name?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  email?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 100 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 20 characters */
  postal_code?: string;
  /** Phone number; at most 50 characters */
  phone1?: string;
  /** Mobile number; at most 50 characters */
  phone2?: string;
  /** ISO 3166 alpha-2 country code; at most 3 characters */
  country_code?: string;
  /** at most 80000 characters */
  notes?: string;
  active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  secondary_name?: string;
  /** at most 255 characters */
  secondary_address1?: string;
  /** at most 255 characters */
  secondary_address2?: string;
  /** at most 100 characters */
  secondary_city?: string;
  /** at most 100 characters */
  secondary_state?: string;
  /** at most 50 characters */
  secondary_postal_code?: string;
  /** at most 10 characters */
  secondary_country_code?: string;
  /** at most 5 characters */
  default_currency_code?: string;
  follow_up_status?: number | string;
  /** at most 255 characters */
  category?: string;
  /** Tax registration number (VAT number); Arabic-Indic digits are kept as sent; at most 255 characters */
  bn1?: string;
  /** at most 255 characters */
  bn1_label?: string;
  /** Commercial registration number; at most 255 characters */
  bn2?: string;
  /** at most 255 characters */
  bn2_label?: string;
  starting_balance?: string | number;
  branch_id?: number | string;
  group_price_id?: number | string;
  timezone?: number | string;
  /** 2 Individual, 3 Business */
  type?: 2 | '2' | 3 | '3';
  birth_date?: string;
  /** 0 not selected, 1 male, 2 female */
  gender?: 0 | '0' | 1 | '1' | 2 | '2';
  /** at most 255 characters */
  map_location?: string;
  credit_limit?: string | number;
  credit_period?: number | string;
}

export interface ClientBody {
  Client: ClientInput;
}

export type ClientFilters = Partial<Record<"client_number" | "is_offline" | "staff_id" | "business_name" | "first_name" | "last_name" | "email" | "address1" | "address2" | "city" | "state" | "postal_code" | "phone1" | "phone2" | "country_code" | "notes" | "active_secondary_address" | "secondary_name" | "secondary_address1" | "secondary_address2" | "secondary_city" | "secondary_state" | "secondary_postal_code" | "secondary_country_code" | "default_currency_code" | "follow_up_status" | "category" | "bn1" | "bn1_label" | "bn2" | "bn2_label" | "starting_balance" | "branch_id" | "group_price_id" | "timezone" | "type" | "birth_date" | "gender" | "map_location" | "credit_limit" | "credit_period" | "last_login" | "suspend" | "last_ip" | "created" | "modified", string | number | Array<string | number>>>;

export interface Supplier {
  id: string;
  /** Generated when left out; at most 255 characters */
  supplier_number: string | null;
  is_offline: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 100 characters */
  business_name: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  email: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 100 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 20 characters */
  postal_code: string | null;
  /** Phone number; at most 50 characters */
  phone1: string | null;
  /** Mobile number; at most 50 characters */
  phone2: string | null;
  /** ISO 3166 alpha-2 country code; at most 3 characters */
  country_code: string | null;
  /** at most 80000 characters */
  notes: string | null;
  active_secondary_address: string | null;
  /** at most 255 characters */
  secondary_name: string | null;
  /** at most 255 characters */
  secondary_address1: string | null;
  /** at most 255 characters */
  secondary_address2: string | null;
  /** at most 100 characters */
  secondary_city: string | null;
  /** at most 100 characters */
  secondary_state: string | null;
  /** at most 50 characters */
  secondary_postal_code: string | null;
  /** at most 10 characters */
  secondary_country_code: string | null;
  /** at most 5 characters */
  default_currency_code: string | null;
  follow_up_status: string | null;
  /** at most 255 characters */
  category: string | null;
  /** Tax registration number (VAT number); Arabic-Indic digits are kept as sent; at most 255 characters */
  bn1: string | null;
  /** at most 255 characters */
  bn1_label: string | null;
  /** Commercial registration number; at most 255 characters */
  bn2: string | null;
  /** at most 255 characters */
  bn2_label: string | null;
  starting_balance: string | null;
  branch_id: string | null;
  /** at most 10 characters */
  language_code: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface SupplierInput {
  /** Generated when left out; at most 255 characters */
  supplier_number?: string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 100 characters */
  business_name?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  email?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 100 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 20 characters */
  postal_code?: string;
  /** Phone number; at most 50 characters */
  phone1?: string;
  /** Mobile number; at most 50 characters */
  phone2?: string;
  /** ISO 3166 alpha-2 country code; at most 3 characters */
  country_code?: string;
  /** at most 80000 characters */
  notes?: string;
  active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  secondary_name?: string;
  /** at most 255 characters */
  secondary_address1?: string;
  /** at most 255 characters */
  secondary_address2?: string;
  /** at most 100 characters */
  secondary_city?: string;
  /** at most 100 characters */
  secondary_state?: string;
  /** at most 50 characters */
  secondary_postal_code?: string;
  /** at most 10 characters */
  secondary_country_code?: string;
  /** at most 5 characters */
  default_currency_code?: string;
  follow_up_status?: number | string;
  /** at most 255 characters */
  category?: string;
  /** Tax registration number (VAT number); Arabic-Indic digits are kept as sent; at most 255 characters */
  bn1?: string;
  /** at most 255 characters */
  bn1_label?: string;
  /** Commercial registration number; at most 255 characters */
  bn2?: string;
  /** at most 255 characters */
  bn2_label?: string;
  starting_balance?: string | number;
  branch_id?: number | string;
  /** at most 10 characters */
  language_code?: string;
}

export interface SupplierBody {
  Supplier: SupplierInput;
}

export type SupplierFilters = Partial<Record<"supplier_number" | "is_offline" | "staff_id" | "business_name" | "first_name" | "last_name" | "email" | "address1" | "address2" | "city" | "state" | "postal_code" | "phone1" | "phone2" | "country_code" | "notes" | "active_secondary_address" | "secondary_name" | "secondary_address1" | "secondary_address2" | "secondary_city" | "secondary_state" | "secondary_postal_code" | "secondary_country_code" | "default_currency_code" | "follow_up_status" | "category" | "bn1" | "bn1_label" | "bn2" | "bn2_label" | "starting_balance" | "branch_id" | "language_code" | "created" | "modified", string | number | Array<string | number>>>;

export interface WorkOrder {
  id: string;
  /** an id of clients */
  client_id: string | null;
  /** Generated when left out; at most 255 characters */
  number: string | null;
  /** at most 255 characters */
  title: string | null;
  start_date: string | null;
  /** at most 80000 characters */
  description: string | null;
  delivery_date: string | null;
  budget: string | null;
  /** at most 3 characters */
  budget_currency: string | null;
  /** 1 open, 2 closed, 3 cancelled, 4 draft */
  status: string | null;
  follow_up_status_id: string | null;
  /** The appointment the work is delivered at */
  delivery_appointment_id: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface WorkOrderInput {
  /** an id of clients */
  client_id?: number | string;
  /** Generated when left out; at most 255 characters */
  number?: string;
  /** at most 255 characters */
  title: string;
  start_date: string;
  /** at most 80000 characters */
  description?: string;
  delivery_date?: string;
  budget?: string | number;
  /** at most 3 characters */
  budget_currency?: string;
  /** 1 open, 2 closed, 3 cancelled, 4 draft */
  status?: 1 | '1' | 2 | '2' | 3 | '3' | 4 | '4';
  follow_up_status_id?: number | string;
  /** The appointment the work is delivered at */
  delivery_appointment_id?: number | string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
}

export interface WorkOrderBody {
  WorkOrder: WorkOrderInput;
}

export type WorkOrderFilters = Partial<Record<"client_id" | "number" | "title" | "start_date" | "description" | "delivery_date" | "budget" | "budget_currency" | "status" | "follow_up_status_id" | "delivery_appointment_id" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface ClientAppointment {
  id: string;
  /** Id of the client */
  item_id: string | null;
  /** 1 client, 2 invoice, 3 estimate, 8 work order */
  item_type: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  date: string | null;
  end_date: string | null;
  /** at most 80000 characters */
  body: string | null;
  /** Follow-up action */
  action_id: string | null;
  /** 0 scheduled, 1 done, 2 dismissed */
  status: string | null;
  recurring: string | null;
  partner_type: string | null;
  partner_id: string | null;
  share_with_partner: string | null;
  /** The note (post) the appointment came from */
  post_id: string | null;
  /** When the status last changed */
  status_date: string | null;
  /** The first appointment of a recurring series */
  recurring_appointment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ClientAppointmentInput {
  /** Id of the client */
  item_id: number | string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  date: string;
  end_date?: string;
  /** at most 80000 characters */
  body?: string;
  /** Follow-up action */
  action_id?: number | string;
  /** 0 scheduled, 1 done, 2 dismissed */
  status?: 0 | '0' | 1 | '1' | 2 | '2';
  recurring?: 0 | 1 | boolean | '0' | '1';
  partner_type?: number | string;
  partner_id?: number | string;
  share_with_partner?: 0 | 1 | boolean | '0' | '1';
  /** The note (post) the appointment came from */
  post_id?: number | string;
  /** When the status last changed */
  status_date?: string;
}

export interface ClientAppointmentBody {
  ClientAppointment: ClientAppointmentInput;
}

export type ClientAppointmentFilters = Partial<Record<"item_id" | "item_type" | "staff_id" | "date" | "end_date" | "body" | "action_id" | "status" | "recurring" | "partner_type" | "partner_id" | "share_with_partner" | "post_id" | "status_date" | "recurring_appointment_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface InvoiceAppointment {
  id: string;
  /** Id of the invoice */
  item_id: string | null;
  /** 1 client, 2 invoice, 3 estimate, 8 work order */
  item_type: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  date: string | null;
  end_date: string | null;
  /** at most 80000 characters */
  body: string | null;
  /** Follow-up action */
  action_id: string | null;
  /** 0 scheduled, 1 done, 2 dismissed */
  status: string | null;
  recurring: string | null;
  partner_type: string | null;
  partner_id: string | null;
  share_with_partner: string | null;
  /** The note (post) the appointment came from */
  post_id: string | null;
  /** When the status last changed */
  status_date: string | null;
  /** The first appointment of a recurring series */
  recurring_appointment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface InvoiceAppointmentInput {
  /** Id of the invoice */
  item_id: number | string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  date: string;
  end_date?: string;
  /** at most 80000 characters */
  body?: string;
  /** Follow-up action */
  action_id?: number | string;
  /** 0 scheduled, 1 done, 2 dismissed */
  status?: 0 | '0' | 1 | '1' | 2 | '2';
  recurring?: 0 | 1 | boolean | '0' | '1';
  partner_type?: number | string;
  partner_id?: number | string;
  share_with_partner?: 0 | 1 | boolean | '0' | '1';
  /** The note (post) the appointment came from */
  post_id?: number | string;
  /** When the status last changed */
  status_date?: string;
}

export interface InvoiceAppointmentBody {
  InvoiceAppointment: InvoiceAppointmentInput;
}

export type InvoiceAppointmentFilters = Partial<Record<"item_id" | "item_type" | "staff_id" | "date" | "end_date" | "body" | "action_id" | "status" | "recurring" | "partner_type" | "partner_id" | "share_with_partner" | "post_id" | "status_date" | "recurring_appointment_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface EstimateAppointment {
  id: string;
  /** Id of the estimate */
  item_id: string | null;
  /** 1 client, 2 invoice, 3 estimate, 8 work order */
  item_type: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  date: string | null;
  end_date: string | null;
  /** at most 80000 characters */
  body: string | null;
  /** Follow-up action */
  action_id: string | null;
  /** 0 scheduled, 1 done, 2 dismissed */
  status: string | null;
  recurring: string | null;
  partner_type: string | null;
  partner_id: string | null;
  share_with_partner: string | null;
  /** The note (post) the appointment came from */
  post_id: string | null;
  /** When the status last changed */
  status_date: string | null;
  /** The first appointment of a recurring series */
  recurring_appointment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface EstimateAppointmentInput {
  /** Id of the estimate */
  item_id: number | string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  date: string;
  end_date?: string;
  /** at most 80000 characters */
  body?: string;
  /** Follow-up action */
  action_id?: number | string;
  /** 0 scheduled, 1 done, 2 dismissed */
  status?: 0 | '0' | 1 | '1' | 2 | '2';
  recurring?: 0 | 1 | boolean | '0' | '1';
  partner_type?: number | string;
  partner_id?: number | string;
  share_with_partner?: 0 | 1 | boolean | '0' | '1';
  /** The note (post) the appointment came from */
  post_id?: number | string;
  /** When the status last changed */
  status_date?: string;
}

export interface EstimateAppointmentBody {
  EstimateAppointment: EstimateAppointmentInput;
}

export type EstimateAppointmentFilters = Partial<Record<"item_id" | "item_type" | "staff_id" | "date" | "end_date" | "body" | "action_id" | "status" | "recurring" | "partner_type" | "partner_id" | "share_with_partner" | "post_id" | "status_date" | "recurring_appointment_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface WorkOrderAppointment {
  id: string;
  /** Id of the work order */
  item_id: string | null;
  /** 1 client, 2 invoice, 3 estimate, 8 work order */
  item_type: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  date: string | null;
  end_date: string | null;
  /** at most 80000 characters */
  body: string | null;
  /** Follow-up action */
  action_id: string | null;
  /** 0 scheduled, 1 done, 2 dismissed */
  status: string | null;
  recurring: string | null;
  partner_type: string | null;
  partner_id: string | null;
  share_with_partner: string | null;
  /** The note (post) the appointment came from */
  post_id: string | null;
  /** When the status last changed */
  status_date: string | null;
  /** The first appointment of a recurring series */
  recurring_appointment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface WorkOrderAppointmentInput {
  /** Id of the work order */
  item_id: number | string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  date: string;
  end_date?: string;
  /** at most 80000 characters */
  body?: string;
  /** Follow-up action */
  action_id?: number | string;
  /** 0 scheduled, 1 done, 2 dismissed */
  status?: 0 | '0' | 1 | '1' | 2 | '2';
  recurring?: 0 | 1 | boolean | '0' | '1';
  partner_type?: number | string;
  partner_id?: number | string;
  share_with_partner?: 0 | 1 | boolean | '0' | '1';
  /** The note (post) the appointment came from */
  post_id?: number | string;
  /** When the status last changed */
  status_date?: string;
}

export interface WorkOrderAppointmentBody {
  WorkOrderAppointment: WorkOrderAppointmentInput;
}

export type WorkOrderAppointmentFilters = Partial<Record<"item_id" | "item_type" | "staff_id" | "date" | "end_date" | "body" | "action_id" | "status" | "recurring" | "partner_type" | "partner_id" | "share_with_partner" | "post_id" | "status_date" | "recurring_appointment_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface InvoicePayment {
  id: string;
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: string | null;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** The invoice's client; an id of clients */
  client_id: string | null;
  /** The client payment it is allocated from, if any: such a payment changes only through its client payment */
  client_payment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface InvoicePaymentInput {
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: number | string;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface InvoicePaymentBody {
  InvoicePayment: InvoicePaymentInput;
}

export type InvoicePaymentFilters = Partial<Record<"invoice_id" | "payment_method" | "amount" | "transaction_id" | "treasury_id" | "date" | "email" | "status" | "notes" | "response_code" | "response_message" | "currency_code" | "currency_rate" | "first_name" | "last_name" | "address1" | "address2" | "city" | "state" | "postal_code" | "country_code" | "phone1" | "phone2" | "transaction_type" | "processed" | "attachment" | "staff_id" | "receipt_notes" | "added_by" | "is_paid" | "extra_details" | "payment_work_order_id" | "pos_shift_id" | "branch_id" | "client_id" | "client_payment_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface ClientPaymentInvoicePayment {
  id: string;
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: string | null;
  /** at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** The invoice's client; an id of clients */
  client_id: string | null;
  /** The client payment it is allocated from, if any: such a payment changes only through its client payment */
  client_payment_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ClientPaymentInvoicePaymentInput {
  /** Invoice id (from GET /invoices); an id of invoices */
  invoice_id: number | string;
  /** at most 100 characters */
  payment_method?: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface ClientPayment {
  id: string;
  /** an id of clients */
  client_id: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed */
  status: string | null;
  /** at most 100 characters */
  payment_method: string | null;
  amount: string | null;
  /** at most 3 characters */
  currency_code: string | null;
  /** The invoice when the payment pays exactly one (see InvoicePayment for allocations) */
  invoice_id: string | null;
  /** at most 255 characters */
  email: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 20 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 100 characters */
  transaction_id: string | null;
  /** The primary treasury when left out; an id of treasuries */
  treasury_id: string | null;
  /** Now when left out */
  date: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  InvoicePayment?: ClientPaymentInvoicePayment[];
}

export interface ClientPaymentInput {
  /** an id of clients */
  client_id: number | string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 100 characters */
  payment_method: string;
  amount: string | number;
  /** at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  email?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 20 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 100 characters */
  transaction_id?: string;
  /** The primary treasury when left out; an id of treasuries */
  treasury_id?: number | string;
  /** Now when left out */
  date?: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  receipt_notes?: string;
}

export interface ClientPaymentBody {
  ClientPayment: ClientPaymentInput;
  InvoicePayment?: ClientPaymentInvoicePaymentInput[];
}

export type ClientPaymentFilters = Partial<Record<"client_id" | "status" | "payment_method" | "amount" | "currency_code" | "invoice_id" | "email" | "first_name" | "last_name" | "address1" | "address2" | "city" | "state" | "postal_code" | "country_code" | "phone1" | "phone2" | "transaction_type" | "processed" | "attachment" | "response_code" | "response_message" | "currency_rate" | "transaction_id" | "treasury_id" | "date" | "staff_id" | "notes" | "receipt_notes" | "created" | "modified", string | number | Array<string | number>>>;

export interface ProductProductImage {
  id: string;
  product_id: string | null;
  /** 1 for the image shown first */
  default: string | null;
  /** Image name, or its URL; at most 255 characters */
  file: string | null;
  /** Full URL of the image; the file itself when that is an http(s) URL and this is left out; at most 1000 characters */
  file_full_path: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ProductProductImageInput {
  /** 1 for the image shown first */
  default?: 0 | 1 | boolean | '0' | '1';
  /** Image name, or its URL; at most 255 characters */
  file: string;
  /** Full URL of the image; the file itself when that is an http(s) URL and this is left out; at most 1000 characters */
  file_full_path?: string;
}

export interface Product {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  unit_price: string | null;
  /** Tax id (from GET /taxes); an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes); an id of taxes */
  tax2: string | null;
  supplier_id: string | null;
  /** at most 255 characters */
  brand: string | null;
  /** Brand id (v2 brand entity); an id of brands */
  brand_id: string | null;
  /** Unit template the product is sold in; quantities are converted to its main unit; an id of unit_templates */
  unit_template_id: string | null;
  /** Category names, comma-separated; at most 255 characters */
  category: string | null;
  /** at most 80000 characters */
  tags: string | null;
  buy_price: string | null;
  /** SKU: the usual lookup key (filter[product_code]=...); at most 255 characters */
  product_code: string | null;
  track_stock: string | null;
  /** On create: opening stock in the primary store; on edit: a new level, recorded as an adjustment */
  stock_balance: string | null;
  /** Spelled as Daftra spells it */
  low_stock_thershold: string | null;
  /** at most 255 characters */
  barcode: string | null;
  /** at most 255 characters */
  notes: string | null;
  /** 0 active, 1 inactive, 2 suspended */
  status: string | null;
  follow_up_status: string | null;
  updated_price: string | null;
  /** Moving average cost */
  average_price: string | null;
  /** 1 product, 2 service, 3 bundle */
  type: string | null;
  minimum_price: string | null;
  profit_margin: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount */
  discount_type: string | null;
  duration_minutes: string | null;
  /** Spelled as Daftra spells it */
  availabe_online: string | null;
  /** Store of the opening stock; the primary store when left out; an id of stores */
  raw_store_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  ProductImage?: ProductProductImage[];
}

export interface ProductInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  unit_price?: string | number;
  /** Tax id (from GET /taxes); an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes); an id of taxes */
  tax2?: number | string;
  supplier_id?: number | string;
  /** at most 255 characters */
  brand?: string;
  /** Brand id (v2 brand entity); an id of brands */
  brand_id?: number | string;
  /** Unit template the product is sold in; quantities are converted to its main unit; an id of unit_templates */
  unit_template_id?: number | string;
  /** Category names, comma-separated; at most 255 characters */
  category?: string;
  /** at most 80000 characters */
  tags?: string;
  buy_price?: string | number;
  /** SKU: the usual lookup key (filter[product_code]=...); at most 255 characters */
  product_code?: string;
  track_stock?: 0 | 1 | boolean | '0' | '1';
  /** On create: opening stock in the primary store; on edit: a new level, recorded as an adjustment */
  stock_balance?: string | number;
  /** Spelled as Daftra spells it */
  low_stock_thershold?: string | number;
  /** at most 255 characters */
  barcode?: string;
  /** at most 255 characters */
  notes?: string;
  /** 0 active, 1 inactive, 2 suspended */
  status?: 0 | '0' | 1 | '1' | 2 | '2';
  follow_up_status?: number | string;
  updated_price?: 0 | 1 | boolean | '0' | '1';
  /** 1 product, 2 service, 3 bundle */
  type?: 1 | '1' | 2 | '2' | 3 | '3';
  minimum_price?: string | number;
  profit_margin?: string | number;
  discount?: string | number;
  /** 1 percent, 2 fixed amount */
  discount_type?: 1 | '1' | 2 | '2';
  duration_minutes?: number | string;
  /** Spelled as Daftra spells it */
  availabe_online?: 0 | 1 | boolean | '0' | '1';
  /** Store of the opening stock; the primary store when left out; an id of stores */
  raw_store_id?: number | string;
  branch_id?: number | string;
}

export interface ProductBody {
  Product: ProductInput;
  ProductImage?: ProductProductImageInput[];
}

export type ProductFilters = Partial<Record<"staff_id" | "name" | "description" | "unit_price" | "tax1" | "tax2" | "supplier_id" | "brand" | "brand_id" | "unit_template_id" | "category" | "tags" | "buy_price" | "product_code" | "track_stock" | "stock_balance" | "low_stock_thershold" | "barcode" | "notes" | "status" | "follow_up_status" | "updated_price" | "average_price" | "type" | "minimum_price" | "profit_margin" | "discount" | "discount_type" | "duration_minutes" | "availabe_online" | "raw_store_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface JournalJournalTransaction {
  id: string;
  journal_id: string | null;
  /** an id of journal_accounts */
  journal_account_id: string | null;
  debit: string | null;
  credit: string | null;
  currency_debit: string | null;
  currency_credit: string | null;
  /** at most 3 characters */
  currency_code: string | null;
  currency_rate: string | null;
  /** at most 50 characters */
  subkey: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** at most 80000 characters */
  alter_description: string | null;
  /** Cost center the line is charged to (v2 cost_center); an id of cost_centers */
  cost_center_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface JournalJournalTransactionInput {
  /** an id of journal_accounts */
  journal_account_id: number | string;
  debit?: string | number;
  credit?: string | number;
  currency_debit?: string | number;
  currency_credit?: string | number;
  /** at most 3 characters */
  currency_code?: string;
  currency_rate?: string | number;
  /** at most 50 characters */
  subkey?: "client" | "supplier" | "income_tax" | "outcome_tax" | "treasury" | "store" | "income_category" | "expense_category" | "asset" | "asset_deprecation" | "asset_deprecation_expense" | "staff_petty_cash";
  /** at most 80000 characters */
  description?: string;
  /** at most 80000 characters */
  alter_description?: string;
  /** Cost center the line is charged to (v2 cost_center); an id of cost_centers */
  cost_center_id?: number | string;
}

export interface Journal {
  id: string;
  /** Generated when left out; at most 255 characters */
  number: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** Today when left out */
  date: string | null;
  /** at most 255 characters */
  name: string | null;
  /** Set by the books on automatic journals; manual journals need none; at most 50 characters */
  entity_type: string | null;
  entity_id: string | null;
  is_automatic: string | null;
  /** at most 80000 characters */
  description: string | null;
  total_debit: string | null;
  total_credit: string | null;
  /** at most 3 characters */
  currency_code: string | null;
  currency_debit: string | null;
  currency_credit: string | null;
  /** at most 80000 characters */
  alter_description: string | null;
  cost_center_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  JournalTransaction?: JournalJournalTransaction[];
}

export interface JournalInput {
  /** Generated when left out; at most 255 characters */
  number?: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** Today when left out */
  date?: string;
  /** at most 255 characters */
  name?: string;
  /** Set by the books on automatic journals; manual journals need none; at most 50 characters */
  entity_type?: "invoice" | "refund_receipt" | "credit_note" | "purchase_order" | "purchase_refund" | "invoice_sales_cost" | "credit_note_sales_cost" | "refund_receipt_sales_cost" | "expense" | "income" | "invoice_payment" | "purchase_order_payment" | "stock_transaction" | "stock_transfer" | "treasury_transfer" | "treasury_transfer_from" | "treasury_transfer_to" | "asset" | "asset_deprecation" | "asset_operation" | "requisition" | "client_payment" | "manual" | "purchase_debit_note" | "advance_payment" | "advance_payment_application" | "booking";
  entity_id?: number | string;
  /** at most 80000 characters */
  description: string;
  /** at most 3 characters */
  currency_code?: string;
  /** at most 80000 characters */
  alter_description?: string;
  cost_center_id?: number | string;
}

export interface JournalBody {
  Journal: JournalInput;
  JournalTransaction?: JournalJournalTransactionInput[];
}

export type JournalFilters = Partial<Record<"number" | "staff_id" | "date" | "name" | "entity_type" | "entity_id" | "is_automatic" | "description" | "total_debit" | "total_credit" | "currency_code" | "currency_debit" | "currency_credit" | "alter_description" | "cost_center_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface JournalAccount {
  id: string;
  /** Folder of the account in the chart; an id of journal_cats */
  journal_cat_id: string | null;
  /** at most 255 characters */
  code: string | null;
  /** at most 255 characters */
  name: string | null;
  /** 0 debit-natured (assets, expenses), 1 credit-natured (liabilities, equity, revenue); at most 1 characters */
  type: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 50 characters */
  entity_type: string | null;
  entity_id: string | null;
  /** at most 255 characters */
  parent_cat_ids: string | null;
  disabled: string | null;
  total_debit: string | null;
  total_credit: string | null;
  /** Always 1: totals are summed from the journals when read, never left to recalculate */
  is_recalculated: string | null;
  /** When a journal line posted to it (or, for a folder, to an account below it) last changed; empty when none */
  last_transaction_update: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface JournalAccountInput {
  /** Folder of the account in the chart; an id of journal_cats */
  journal_cat_id: number | string;
  /** at most 255 characters */
  code?: string;
  /** at most 255 characters */
  name: string;
  /** 0 debit-natured (assets, expenses), 1 credit-natured (liabilities, equity, revenue); at most 1 characters */
  type: "0" | "1";
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 50 characters */
  entity_type?: "client" | "supplier" | "income_tax" | "outcome_tax" | "treasury" | "store" | "income_category" | "expense_category" | "asset" | "asset_deprecation" | "asset_deprecation_expense" | "staff_petty_cash";
  entity_id?: number | string;
  disabled?: 0 | 1 | boolean | '0' | '1';
}

export interface JournalAccountBody {
  JournalAccount: JournalAccountInput;
}

export type JournalAccountFilters = Partial<Record<"journal_cat_id" | "code" | "name" | "type" | "staff_id" | "entity_type" | "entity_id" | "parent_cat_ids" | "disabled" | "total_debit" | "total_credit" | "is_recalculated" | "last_transaction_update" | "created" | "modified", string | number | Array<string | number>>>;

export interface JournalCat {
  id: string;
  /** Parent folder; empty at the top of the tree; an id of journal_cats */
  journal_cat_id: string | null;
  /** at most 255 characters */
  code: string | null;
  /** at most 255 characters */
  name: string | null;
  /** 0 debit-natured (assets, expenses), 1 credit-natured (liabilities, equity, revenue); at most 1 characters */
  type: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 50 characters */
  entity_type: string | null;
  entity_id: string | null;
  /** at most 255 characters */
  parent_cat_ids: string | null;
  disabled: string | null;
  total_debit: string | null;
  total_credit: string | null;
  /** Always 1: totals are summed from the journals when read, never left to recalculate */
  is_recalculated: string | null;
  /** When a journal line posted to it (or, for a folder, to an account below it) last changed; empty when none */
  last_transaction_update: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  /** at most 255 characters */
  color: string | null;
}

export interface JournalCatInput {
  /** Parent folder; empty at the top of the tree; an id of journal_cats */
  journal_cat_id?: number | string;
  /** at most 255 characters */
  code?: string;
  /** at most 255 characters */
  name: string;
  /** 0 debit-natured (assets, expenses), 1 credit-natured (liabilities, equity, revenue); at most 1 characters */
  type: "0" | "1";
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 50 characters */
  entity_type?: "client" | "supplier" | "income_tax" | "outcome_tax" | "treasury" | "store" | "income_category" | "expense_category" | "asset" | "asset_deprecation" | "asset_deprecation_expense" | "staff_petty_cash";
  entity_id?: number | string;
  disabled?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  color?: string;
}

export interface JournalCatBody {
  JournalCat: JournalCatInput;
}

export type JournalCatFilters = Partial<Record<"journal_cat_id" | "code" | "name" | "type" | "staff_id" | "entity_type" | "entity_id" | "parent_cat_ids" | "disabled" | "total_debit" | "total_credit" | "is_recalculated" | "last_transaction_update" | "created" | "modified" | "color", string | number | Array<string | number>>>;

export interface TimeTracking {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** The user who logged the time, as sent */
  user_id: string | null;
  project_id: string | null;
  activity_id: string | null;
  /** Today when left out */
  date: string | null;
  /** Duration as H:MM, e.g. 1:30; at most 8 characters */
  time: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  /** Hours × the staff hourly rate, where one is set */
  cost: string | null;
  /** at most 5 characters */
  currency: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface TimeTrackingInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id: number | string;
  /** The user who logged the time, as sent */
  user_id?: number | string;
  project_id?: number | string;
  activity_id?: number | string;
  /** Today when left out */
  date?: string;
  /** Duration as H:MM, e.g. 1:30; at most 8 characters */
  time: string;
  /** at most 80000 characters */
  notes?: string;
  /** an id of work_orders */
  work_order_id?: number | string;
}

export interface TimeTrackingBody {
  TimeTracking: TimeTrackingInput;
}

export type TimeTrackingFilters = Partial<Record<"staff_id" | "user_id" | "project_id" | "activity_id" | "date" | "time" | "notes" | "work_order_id" | "cost" | "currency" | "created" | "modified", string | number | Array<string | number>>>;

export interface Expense {
  id: string;
  /** Amount, taxes as the tax records say (inclusive or on top) */
  amount: string | null;
  /** The site currency when left out; at most 3 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 255 characters */
  vendor: string | null;
  /** Category name; at most 255 characters */
  category: string | null;
  /** Today when left out */
  date: string | null;
  /** at most 255 characters */
  file: string | null;
  /** Attachments (links or file names), as sent */
  attachments: unknown;
  /** Number of the expense or income, as the client numbers it; at most 50 characters */
  expense_number: string | null;
  /** at most 80000 characters */
  note: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** an id of clients */
  client_id: string | null;
  /** an id of suppliers */
  supplier_id: string | null;
  /** The primary treasury when left out; an id of treasuries */
  treasury_id: string | null;
  /** an id of taxes */
  tax1_id: string | null;
  /** at most 255 characters */
  tax1_name: string | null;
  /** Rate in percent */
  tax1_value: string | null;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax1_amount: string | null;
  tax1_included: string | null;
  /** an id of taxes */
  tax2_id: string | null;
  /** at most 255 characters */
  tax2_name: string | null;
  /** Rate in percent */
  tax2_value: string | null;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax2_amount: string | null;
  tax2_included: string | null;
  is_income: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  branch_id: string | null;
  /** ExpenseTax: the taxes as a list [{tax_id, amount?}], read into the tax1/tax2 slots; answered as the slots that hold a tax */
  expense_taxes: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ExpenseInput {
  /** Amount, taxes as the tax records say (inclusive or on top) */
  amount: string | number;
  /** The site currency when left out; at most 3 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 255 characters */
  vendor?: string;
  /** Category name; at most 255 characters */
  category?: string;
  /** Today when left out */
  date?: string;
  /** at most 255 characters */
  file?: string;
  /** Attachments (links or file names), as sent */
  attachments?: unknown;
  /** Number of the expense or income, as the client numbers it; at most 50 characters */
  expense_number?: string;
  /** at most 80000 characters */
  note?: string;
  /** at most 80000 characters */
  description?: string;
  /** an id of clients */
  client_id?: number | string;
  /** an id of suppliers */
  supplier_id?: number | string;
  /** The primary treasury when left out; an id of treasuries */
  treasury_id?: number | string;
  /** an id of taxes */
  tax1_id?: number | string;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax1_amount?: string | number;
  /** an id of taxes */
  tax2_id?: number | string;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax2_amount?: string | number;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  branch_id?: number | string;
  /** ExpenseTax: the taxes as a list [{tax_id, amount?}], read into the tax1/tax2 slots; answered as the slots that hold a tax */
  expense_taxes?: unknown;
}

export interface ExpenseBody {
  Expense: ExpenseInput;
}

export type ExpenseFilters = Partial<Record<"amount" | "currency_code" | "currency_rate" | "vendor" | "category" | "date" | "file" | "attachments" | "expense_number" | "note" | "description" | "client_id" | "supplier_id" | "treasury_id" | "tax1_id" | "tax1_name" | "tax1_value" | "tax1_amount" | "tax1_included" | "tax2_id" | "tax2_name" | "tax2_value" | "tax2_amount" | "tax2_included" | "is_income" | "staff_id" | "branch_id" | "expense_taxes" | "created" | "modified", string | number | Array<string | number>>>;

export interface Income {
  id: string;
  /** Amount, taxes as the tax records say (inclusive or on top) */
  amount: string | null;
  /** The site currency when left out; at most 3 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 255 characters */
  vendor: string | null;
  /** Category name; at most 255 characters */
  category: string | null;
  /** Today when left out */
  date: string | null;
  /** at most 255 characters */
  file: string | null;
  /** Attachments (links or file names), as sent */
  attachments: unknown;
  /** Number of the expense or income, as the client numbers it; at most 50 characters */
  expense_number: string | null;
  /** at most 80000 characters */
  note: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** an id of clients */
  client_id: string | null;
  /** an id of suppliers */
  supplier_id: string | null;
  /** The primary treasury when left out; an id of treasuries */
  treasury_id: string | null;
  /** an id of taxes */
  tax1_id: string | null;
  /** at most 255 characters */
  tax1_name: string | null;
  /** Rate in percent */
  tax1_value: string | null;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax1_amount: string | null;
  tax1_included: string | null;
  /** an id of taxes */
  tax2_id: string | null;
  /** at most 255 characters */
  tax2_name: string | null;
  /** Rate in percent */
  tax2_value: string | null;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax2_amount: string | null;
  tax2_included: string | null;
  is_income: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  branch_id: string | null;
  /** ExpenseTax: the taxes as a list [{tax_id, amount?}], read into the tax1/tax2 slots; answered as the slots that hold a tax */
  expense_taxes: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface IncomeInput {
  /** Amount, taxes as the tax records say (inclusive or on top) */
  amount: string | number;
  /** The site currency when left out; at most 3 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 255 characters */
  vendor?: string;
  /** Category name; at most 255 characters */
  category?: string;
  /** Today when left out */
  date?: string;
  /** at most 255 characters */
  file?: string;
  /** Attachments (links or file names), as sent */
  attachments?: unknown;
  /** Number of the expense or income, as the client numbers it; at most 50 characters */
  expense_number?: string;
  /** at most 80000 characters */
  note?: string;
  /** at most 80000 characters */
  description?: string;
  /** an id of clients */
  client_id?: number | string;
  /** an id of suppliers */
  supplier_id?: number | string;
  /** The primary treasury when left out; an id of treasuries */
  treasury_id?: number | string;
  /** an id of taxes */
  tax1_id?: number | string;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax1_amount?: string | number;
  /** an id of taxes */
  tax2_id?: number | string;
  /** The tax paid; computed from the tax record when left out (an importer may send the exact amount) */
  tax2_amount?: string | number;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  branch_id?: number | string;
  /** ExpenseTax: the taxes as a list [{tax_id, amount?}], read into the tax1/tax2 slots; answered as the slots that hold a tax */
  expense_taxes?: unknown;
}

export interface IncomeBody {
  Income: IncomeInput;
}

export type IncomeFilters = Partial<Record<"amount" | "currency_code" | "currency_rate" | "vendor" | "category" | "date" | "file" | "attachments" | "expense_number" | "note" | "description" | "client_id" | "supplier_id" | "treasury_id" | "tax1_id" | "tax1_name" | "tax1_value" | "tax1_amount" | "tax1_included" | "tax2_id" | "tax2_name" | "tax2_value" | "tax2_amount" | "tax2_included" | "is_income" | "staff_id" | "branch_id" | "expense_taxes" | "created" | "modified", string | number | Array<string | number>>>;

export interface ProductCategory {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  parent_id: string | null;
  /** Kind of category (1 products) */
  category_type: string | null;
  /** at most 255 characters */
  image: string | null;
  /** at most 1000 characters */
  image_full_path: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ProductCategoryInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  parent_id?: number | string;
  /** Kind of category (1 products) */
  category_type?: number | string;
  /** at most 255 characters */
  image?: string;
  /** at most 1000 characters */
  image_full_path?: string;
}

export interface ProductCategoryBody {
  ProductCategory: ProductCategoryInput;
}

export type ProductCategoryFilters = Partial<Record<"name" | "description" | "parent_id" | "category_type" | "image" | "image_full_path" | "created" | "modified", string | number | Array<string | number>>>;

export interface Tax {
  id: string;
  tax_id: string | null;
  /** at most 255 characters */
  name: string | null;
  /** Rate in percent: 15 for 15% */
  value: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** 0: prices exclude the tax; 1: prices include it */
  included: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface TaxInput {
  /** at most 255 characters */
  name: string;
  /** Rate in percent: 15 for 15% */
  value: string | number;
  /** at most 80000 characters */
  description?: string;
  /** 0: prices exclude the tax; 1: prices include it */
  included?: 0 | 1 | boolean | '0' | '1';
  branch_id?: number | string;
}

export interface TaxBody {
  Tax: TaxInput;
}

export type TaxFilters = Partial<Record<"tax_id" | "name" | "value" | "description" | "included" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface StockTransaction {
  id: string;
  /** an id of products */
  product_id: string | null;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  /** 1 in, 2 out */
  transaction_type: string | null;
  transaction_category_id: string | null;
  /** 1 manual, 2 invoice, 3 purchase invoice, 4 credit note, 5 transfer, 6 refund receipt, 7 purchase refund */
  source_type: string | null;
  /** YYYY-MM-DD HH:MM:SS (a date alone is midnight); today when left out */
  date: string | null;
  /** Id of the document that made it */
  order_id: string | null;
  ref_id: string | null;
  /** 4 processed */
  status: string | null;
  received_date: string | null;
  /** Always positive; transaction_type gives the direction */
  quantity: string | null;
  /** at most 10 characters */
  currency_code: string | null;
  price: string | null;
  price_without_tax: string | null;
  added_by: string | null;
  ignored: string | null;
  balance_to_date: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  description: string | null;
  discount: string | null;
  /** Unit cost in the site currency: the price of stock in, else the moving average */
  purchase_price: string | null;
  /** Value at cost in the site currency (quantity × purchase_price); an extension of Daftra */
  cost_value: string | null;
  /** an id of journal_accounts */
  journal_account_id: string | null;
  /** The transfer this movement belongs to */
  stock_transfer_id: string | null;
  fetch_from_raw: string | null;
  ignored_date: string | null;
  /** Purchase invoices whose stock this movement used; at most 1000 characters */
  purchase_order_ids: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface StockTransactionInput {
  /** an id of products */
  product_id: number | string;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  /** 1 in, 2 out */
  transaction_type: 1 | '1' | 2 | '2';
  transaction_category_id?: number | string;
  /** YYYY-MM-DD HH:MM:SS (a date alone is midnight); today when left out */
  date?: string;
  ref_id?: number | string;
  received_date?: string;
  /** Always positive; transaction_type gives the direction */
  quantity: string | number;
  /** at most 10 characters */
  currency_code?: string;
  price?: string | number;
  price_without_tax?: string | number;
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  description?: string;
  discount?: string | number;
  /** an id of journal_accounts */
  journal_account_id?: number | string;
  /** The transfer this movement belongs to */
  stock_transfer_id?: number | string;
  fetch_from_raw?: 0 | 1 | boolean | '0' | '1';
}

export interface StockTransactionBody {
  StockTransaction: StockTransactionInput;
}

export type StockTransactionFilters = Partial<Record<"product_id" | "store_id" | "transaction_type" | "transaction_category_id" | "source_type" | "date" | "order_id" | "ref_id" | "status" | "received_date" | "quantity" | "currency_code" | "price" | "price_without_tax" | "added_by" | "ignored" | "balance_to_date" | "notes" | "description" | "discount" | "purchase_price" | "cost_value" | "journal_account_id" | "stock_transfer_id" | "fetch_from_raw" | "ignored_date" | "purchase_order_ids" | "created" | "modified", string | number | Array<string | number>>>;

export interface Store {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  shipping_address: string | null;
  /** The store documents use when they name none; exactly one is primary */
  primary: string | null;
  active: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface StoreInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  shipping_address?: string;
  /** The store documents use when they name none; exactly one is primary */
  primary?: 0 | 1 | boolean | '0' | '1';
  active?: 0 | 1 | boolean | '0' | '1';
  branch_id?: number | string;
}

export interface StoreBody {
  Store: StoreInput;
}

export type StoreFilters = Partial<Record<"name" | "shipping_address" | "primary" | "active" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface Staff {
  id: string;
  /** 0 is the site owner */
  role_id: string | null;
  /** at most 255 characters */
  name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  email_address: string | null;
  /** at most 50 characters */
  home_phone: string | null;
  /** at most 50 characters */
  business_Phone: string | null;
  /** at most 50 characters */
  mobile: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 100 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 20 characters */
  postal_code: string | null;
  /** at most 80000 characters */
  notes: string | null;
  active: string | null;
  hourly_rate: string | null;
  /** at most 5 characters */
  hourly_rate_currency_code: string | null;
  default_store_id: string | null;
  default_treasury_id: string | null;
  /** at most 10 characters */
  language_code: string | null;
  /** at most 50 characters */
  fax: string | null;
  added_by: string | null;
  deleted: string | null;
  follow_up_status: string | null;
  last_login: string | null;
  /** Largest document discount this staff member may give, percent */
  maximum_general_discount: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface StaffInput {
  /** 0 is the site owner */
  role_id?: number | string;
  /** at most 255 characters */
  name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  email_address?: string;
  /** at most 50 characters */
  home_phone?: string;
  /** at most 50 characters */
  business_Phone?: string;
  /** at most 50 characters */
  mobile?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 100 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 20 characters */
  postal_code?: string;
  /** at most 80000 characters */
  notes?: string;
  active?: 0 | 1 | boolean | '0' | '1';
  hourly_rate?: string | number;
  /** at most 5 characters */
  hourly_rate_currency_code?: string;
  default_store_id?: number | string;
  default_treasury_id?: number | string;
  /** at most 10 characters */
  language_code?: string;
  /** at most 50 characters */
  fax?: string;
  follow_up_status?: number | string;
  /** Largest document discount this staff member may give, percent */
  maximum_general_discount?: string | number;
}

export interface StaffBody {
  Staff: StaffInput;
}

export type StaffFilters = Partial<Record<"role_id" | "name" | "last_name" | "email_address" | "home_phone" | "business_Phone" | "mobile" | "country_code" | "address1" | "address2" | "city" | "state" | "postal_code" | "notes" | "active" | "hourly_rate" | "hourly_rate_currency_code" | "default_store_id" | "default_treasury_id" | "language_code" | "fax" | "added_by" | "deleted" | "follow_up_status" | "last_login" | "maximum_general_discount" | "created" | "modified", string | number | Array<string | number>>>;

export interface Treasury {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** at most 255 characters */
  name: string | null;
  /** 1 bank account, 3 cash treasury */
  type: string | null;
  /** at most 255 characters */
  type_name: string | null;
  /** at most 255 characters */
  type_account_number: string | null;
  active: string | null;
  /** Payments that name no treasury go to the primary one */
  is_primary: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** at most 3 characters */
  currency_code: string | null;
  branch_id: string | null;
  /** Derived from the books: debits − credits posted to the treasury's account, in the site currency */
  balance: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface TreasuryInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** at most 255 characters */
  name: string;
  /** 1 bank account, 3 cash treasury */
  type?: 1 | '1' | 3 | '3';
  /** at most 255 characters */
  type_name?: string;
  /** at most 255 characters */
  type_account_number?: string;
  active?: 0 | 1 | boolean | '0' | '1';
  /** Payments that name no treasury go to the primary one */
  is_primary?: 0 | 1 | boolean | '0' | '1';
  /** at most 80000 characters */
  description?: string;
  /** at most 3 characters */
  currency_code?: string;
  branch_id?: number | string;
}

export interface TreasuryBody {
  Treasury: TreasuryInput;
}

export type TreasuryFilters = Partial<Record<"staff_id" | "name" | "type" | "type_name" | "type_account_number" | "active" | "is_primary" | "description" | "currency_code" | "branch_id" | "balance" | "created" | "modified", string | number | Array<string | number>>>;

export interface TreasuryTransfer {
  id: string;
  /** The treasury the money leaves; an id of treasuries */
  from_treasury_id: string | null;
  /** The treasury the money goes into; an id of treasuries */
  to_treasury_id: string | null;
  /** In the site currency, rounded to its minor unit */
  amount: string | null;
  /** Today when left out */
  date: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface TreasuryTransferInput {
  /** The treasury the money leaves; an id of treasuries */
  from_treasury_id: number | string;
  /** The treasury the money goes into; an id of treasuries */
  to_treasury_id: number | string;
  /** In the site currency, rounded to its minor unit */
  amount: string | number;
  /** Today when left out */
  date?: string;
  /** at most 80000 characters */
  notes?: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
}

export interface TreasuryTransferBody {
  TreasuryTransfer: TreasuryTransferInput;
}

export type TreasuryTransferFilters = Partial<Record<"from_treasury_id" | "to_treasury_id" | "amount" | "date" | "notes" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface PurchaseOrderPurchaseOrderItem {
  id: string;
  purchase_order_id: string | null;
  /** Name of the item at the supplier; at most 255 characters */
  org_name: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit cost; the product's buy_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface PurchaseOrderPurchaseOrderItemInput {
  /** Name of the item at the supplier; at most 255 characters */
  org_name?: string;
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit cost; the product's buy_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface PurchaseOrderPurchaseOrderPayment {
  id: string;
  /** The purchase invoice paid */
  purchase_order_id: string | null;
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string | null;
  /** Amount paid, greater than zero */
  amount: string | null;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id: string | null;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id: string | null;
  /** Date of the payment; now when left out */
  date: string | null;
  /** at most 255 characters */
  email: string | null;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Response code of the payment gateway; at most 255 characters */
  response_code: string | null;
  /** at most 80000 characters */
  response_message: string | null;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code: string | null;
  /** The invoice's exchange rate; the payment posts at it (amounts are in the invoice's currency) */
  currency_rate: string | null;
  /** at most 255 characters */
  first_name: string | null;
  /** at most 255 characters */
  last_name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 255 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 10 characters */
  postal_code: string | null;
  /** at most 3 characters */
  country_code: string | null;
  /** at most 50 characters */
  phone1: string | null;
  /** at most 50 characters */
  phone2: string | null;
  /** at most 255 characters */
  transaction_type: string | null;
  processed: string | null;
  /** Link to an attachment; at most 255 characters */
  attachment: string | null;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id: string | null;
  /** at most 80000 characters */
  receipt_notes: string | null;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by: string | null;
  /** 1 when the gateway reported the money received */
  is_paid: string | null;
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details: string | null;
  /** The work order the payment is for */
  payment_work_order_id: string | null;
  /** The POS shift it was taken in */
  pos_shift_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface PurchaseOrderPurchaseOrderPaymentInput {
  /** Method of payment, a slug such as cash, bank_transfer, credit_card; at most 100 characters */
  payment_method: string;
  /** Amount paid, greater than zero */
  amount: string | number;
  /** Visual identifier of the process; at most 100 characters */
  transaction_id?: string;
  /** Treasury the money went into; the primary treasury when left out (or 0 or less); an id of treasuries */
  treasury_id?: number | string;
  /** Date of the payment; now when left out */
  date?: string;
  /** at most 255 characters */
  email?: string;
  /** 0 failed, 1 completed, 2 pending, 3 not completed; only completed payments count as paid */
  status?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3';
  /** at most 80000 characters */
  notes?: string;
  /** Response code of the payment gateway; at most 255 characters */
  response_code?: string;
  /** at most 80000 characters */
  response_message?: string;
  /** ISO 4217; the invoice currency when left out; at most 3 characters */
  currency_code?: string;
  /** at most 255 characters */
  first_name?: string;
  /** at most 255 characters */
  last_name?: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 255 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 10 characters */
  postal_code?: string;
  /** at most 3 characters */
  country_code?: string;
  /** at most 50 characters */
  phone1?: string;
  /** at most 50 characters */
  phone2?: string;
  /** at most 255 characters */
  transaction_type?: string;
  processed?: 0 | 1 | boolean | '0' | '1';
  /** Link to an attachment; at most 255 characters */
  attachment?: string;
  /** Staff user who recorded it; 0 is the site owner; the caller when left out (or negative) */
  staff_id?: number | string;
  /** at most 80000 characters */
  receipt_notes?: string;
  /** Staff user who added it, as Daftra records it (0 the owner) */
  added_by?: number | string;
  /** 1 when the gateway reported the money received */
  is_paid?: 0 | 1 | boolean | '0' | '1';
  /** Gateway details, kept as sent; at most 80000 characters */
  extra_details?: string;
  /** The work order the payment is for */
  payment_work_order_id?: number | string;
  /** The POS shift it was taken in */
  pos_shift_id?: number | string;
  branch_id?: number | string;
}

export interface PurchaseOrder {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** For refunds and debit notes: the purchase invoice they correct; an id of purchase_invoices */
  subscription_id: string | null;
  /** 0 purchase invoice, 1 purchase refund, 14 purchase debit note */
  type: string | null;
  /** Number; generated per type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** an id of suppliers */
  supplier_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 255 characters */
  supplier_business_name: string | null;
  /** at most 255 characters */
  supplier_first_name: string | null;
  /** at most 255 characters */
  supplier_last_name: string | null;
  /** at most 255 characters */
  supplier_email: string | null;
  /** at most 255 characters */
  supplier_address1: string | null;
  /** at most 255 characters */
  supplier_address2: string | null;
  /** at most 255 characters */
  supplier_city: string | null;
  /** at most 255 characters */
  supplier_state: string | null;
  /** at most 255 characters */
  supplier_postal_code: string | null;
  /** at most 3 characters */
  supplier_country_code: string | null;
  /** at most 255 characters */
  supplier_supplier_number: string | null;
  /** at most 255 characters */
  supplier_phone1: string | null;
  /** at most 255 characters */
  supplier_phone2: string | null;
  /** at most 255 characters */
  supplier_bn1_label: string | null;
  /** at most 255 characters */
  supplier_bn2_label: string | null;
  /** at most 255 characters */
  supplier_default_currency_code: string | null;
  /** Today when left out */
  date: string | null;
  /** A draft moves no stock */
  draft: string | null;
  is_received: string | null;
  /** When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight) */
  received_date: string | null;
  Supplier_active_secondary_address: string | null;
  /** at most 255 characters */
  Supplier_secondary_name: string | null;
  /** at most 255 characters */
  Supplier_secondary_address1: string | null;
  /** at most 255 characters */
  Supplier_secondary_address2: string | null;
  /** at most 255 characters */
  Supplier_secondary_city: string | null;
  /** at most 255 characters */
  Supplier_secondary_state: string | null;
  /** at most 255 characters */
  Supplier_secondary_postal_code: string | null;
  /** at most 255 characters */
  Supplier_secondary_country_code: string | null;
  /** PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value} */
  custom_fields: unknown;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  discount: string | null;
  discount_amount: string | null;
  shipping_amount: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  /** The layout it prints with, kept as sent */
  invoice_layout_id: string | null;
  language_id: string | null;
  /** 1: the printed document shows each line's store */
  show_item_stores: string | null;
  payment_status: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  PurchaseOrderItem?: PurchaseOrderPurchaseOrderItem[];
  PurchaseOrderPayment?: PurchaseOrderPurchaseOrderPayment[];
}

export interface PurchaseOrderInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** For refunds and debit notes: the purchase invoice they correct; an id of purchase_invoices */
  subscription_id?: number | string;
  /** Number; generated per type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** an id of suppliers */
  supplier_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 255 characters */
  supplier_business_name?: string;
  /** at most 255 characters */
  supplier_first_name?: string;
  /** at most 255 characters */
  supplier_last_name?: string;
  /** at most 255 characters */
  supplier_email?: string;
  /** at most 255 characters */
  supplier_address1?: string;
  /** at most 255 characters */
  supplier_address2?: string;
  /** at most 255 characters */
  supplier_city?: string;
  /** at most 255 characters */
  supplier_state?: string;
  /** at most 255 characters */
  supplier_postal_code?: string;
  /** at most 3 characters */
  supplier_country_code?: string;
  /** at most 255 characters */
  supplier_supplier_number?: string;
  /** at most 255 characters */
  supplier_phone1?: string;
  /** at most 255 characters */
  supplier_phone2?: string;
  /** at most 255 characters */
  supplier_bn1_label?: string;
  /** at most 255 characters */
  supplier_bn2_label?: string;
  /** at most 255 characters */
  supplier_default_currency_code?: string;
  /** Today when left out */
  date?: string;
  /** A draft moves no stock */
  draft?: 0 | 1 | boolean | '0' | '1';
  is_received?: 0 | 1 | boolean | '0' | '1';
  /** When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight) */
  received_date?: string;
  Supplier_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  Supplier_secondary_name?: string;
  /** at most 255 characters */
  Supplier_secondary_address1?: string;
  /** at most 255 characters */
  Supplier_secondary_address2?: string;
  /** at most 255 characters */
  Supplier_secondary_city?: string;
  /** at most 255 characters */
  Supplier_secondary_state?: string;
  /** at most 255 characters */
  Supplier_secondary_postal_code?: string;
  /** at most 255 characters */
  Supplier_secondary_country_code?: string;
  /** PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value} */
  custom_fields?: unknown;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  discount?: string | number;
  discount_amount?: string | number;
  shipping_amount?: string | number;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  html_notes?: string;
  /** The layout it prints with, kept as sent */
  invoice_layout_id?: number | string;
  language_id?: number | string;
  /** 1: the printed document shows each line's store */
  show_item_stores?: 0 | 1 | boolean | '0' | '1';
  /** an id of work_orders */
  work_order_id?: number | string;
  branch_id?: number | string;
}

export interface PurchaseOrderBody {
  PurchaseOrder: PurchaseOrderInput;
  PurchaseOrderItem?: PurchaseOrderPurchaseOrderItemInput[];
  PurchaseOrderPayment?: PurchaseOrderPurchaseOrderPaymentInput[];
}

export type PurchaseOrderFilters = Partial<Record<"date_from" | "date_to" | "from_date" | "to_date" | "custom_field" | "custom_field_label" | "staff_id" | "subscription_id" | "type" | "no" | "po_number" | "supplier_id" | "is_offline" | "currency_code" | "currency_rate" | "supplier_business_name" | "supplier_first_name" | "supplier_last_name" | "supplier_email" | "supplier_address1" | "supplier_address2" | "supplier_city" | "supplier_state" | "supplier_postal_code" | "supplier_country_code" | "supplier_supplier_number" | "supplier_phone1" | "supplier_phone2" | "supplier_bn1_label" | "supplier_bn2_label" | "supplier_default_currency_code" | "date" | "draft" | "is_received" | "received_date" | "Supplier_active_secondary_address" | "Supplier_secondary_name" | "Supplier_secondary_address1" | "Supplier_secondary_address2" | "Supplier_secondary_city" | "Supplier_secondary_state" | "Supplier_secondary_postal_code" | "Supplier_secondary_country_code" | "custom_fields" | "store_id" | "discount" | "discount_amount" | "shipping_amount" | "adjustment_label" | "adjustment_value" | "notes" | "html_notes" | "invoice_layout_id" | "language_id" | "show_item_stores" | "payment_status" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "work_order_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface PurchaseRefundPurchaseOrderItem {
  id: string;
  purchase_order_id: string | null;
  /** Name of the item at the supplier; at most 255 characters */
  org_name: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit cost; the product's buy_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface PurchaseRefundPurchaseOrderItemInput {
  /** Name of the item at the supplier; at most 255 characters */
  org_name?: string;
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit cost; the product's buy_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface PurchaseRefund {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** For refunds and debit notes: the purchase invoice they correct; an id of purchase_invoices */
  subscription_id: string | null;
  /** 0 purchase invoice, 1 purchase refund, 14 purchase debit note */
  type: string | null;
  /** Number; generated per type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** an id of suppliers */
  supplier_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 255 characters */
  supplier_business_name: string | null;
  /** at most 255 characters */
  supplier_first_name: string | null;
  /** at most 255 characters */
  supplier_last_name: string | null;
  /** at most 255 characters */
  supplier_email: string | null;
  /** at most 255 characters */
  supplier_address1: string | null;
  /** at most 255 characters */
  supplier_address2: string | null;
  /** at most 255 characters */
  supplier_city: string | null;
  /** at most 255 characters */
  supplier_state: string | null;
  /** at most 255 characters */
  supplier_postal_code: string | null;
  /** at most 3 characters */
  supplier_country_code: string | null;
  /** at most 255 characters */
  supplier_supplier_number: string | null;
  /** at most 255 characters */
  supplier_phone1: string | null;
  /** at most 255 characters */
  supplier_phone2: string | null;
  /** at most 255 characters */
  supplier_bn1_label: string | null;
  /** at most 255 characters */
  supplier_bn2_label: string | null;
  /** at most 255 characters */
  supplier_default_currency_code: string | null;
  /** Today when left out */
  date: string | null;
  /** A draft moves no stock */
  draft: string | null;
  is_received: string | null;
  /** When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight) */
  received_date: string | null;
  Supplier_active_secondary_address: string | null;
  /** at most 255 characters */
  Supplier_secondary_name: string | null;
  /** at most 255 characters */
  Supplier_secondary_address1: string | null;
  /** at most 255 characters */
  Supplier_secondary_address2: string | null;
  /** at most 255 characters */
  Supplier_secondary_city: string | null;
  /** at most 255 characters */
  Supplier_secondary_state: string | null;
  /** at most 255 characters */
  Supplier_secondary_postal_code: string | null;
  /** at most 255 characters */
  Supplier_secondary_country_code: string | null;
  /** PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value} */
  custom_fields: unknown;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  discount: string | null;
  discount_amount: string | null;
  shipping_amount: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  /** The layout it prints with, kept as sent */
  invoice_layout_id: string | null;
  language_id: string | null;
  /** 1: the printed document shows each line's store */
  show_item_stores: string | null;
  payment_status: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  PurchaseOrderItem?: PurchaseRefundPurchaseOrderItem[];
}

export interface PurchaseRefundInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** For refunds and debit notes: the purchase invoice they correct; an id of purchase_invoices */
  subscription_id?: number | string;
  /** Number; generated per type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** an id of suppliers */
  supplier_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 255 characters */
  supplier_business_name?: string;
  /** at most 255 characters */
  supplier_first_name?: string;
  /** at most 255 characters */
  supplier_last_name?: string;
  /** at most 255 characters */
  supplier_email?: string;
  /** at most 255 characters */
  supplier_address1?: string;
  /** at most 255 characters */
  supplier_address2?: string;
  /** at most 255 characters */
  supplier_city?: string;
  /** at most 255 characters */
  supplier_state?: string;
  /** at most 255 characters */
  supplier_postal_code?: string;
  /** at most 3 characters */
  supplier_country_code?: string;
  /** at most 255 characters */
  supplier_supplier_number?: string;
  /** at most 255 characters */
  supplier_phone1?: string;
  /** at most 255 characters */
  supplier_phone2?: string;
  /** at most 255 characters */
  supplier_bn1_label?: string;
  /** at most 255 characters */
  supplier_bn2_label?: string;
  /** at most 255 characters */
  supplier_default_currency_code?: string;
  /** Today when left out */
  date?: string;
  /** A draft moves no stock */
  draft?: 0 | 1 | boolean | '0' | '1';
  is_received?: 0 | 1 | boolean | '0' | '1';
  /** When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight) */
  received_date?: string;
  Supplier_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  Supplier_secondary_name?: string;
  /** at most 255 characters */
  Supplier_secondary_address1?: string;
  /** at most 255 characters */
  Supplier_secondary_address2?: string;
  /** at most 255 characters */
  Supplier_secondary_city?: string;
  /** at most 255 characters */
  Supplier_secondary_state?: string;
  /** at most 255 characters */
  Supplier_secondary_postal_code?: string;
  /** at most 255 characters */
  Supplier_secondary_country_code?: string;
  /** PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value} */
  custom_fields?: unknown;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  discount?: string | number;
  discount_amount?: string | number;
  shipping_amount?: string | number;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  html_notes?: string;
  /** The layout it prints with, kept as sent */
  invoice_layout_id?: number | string;
  language_id?: number | string;
  /** 1: the printed document shows each line's store */
  show_item_stores?: 0 | 1 | boolean | '0' | '1';
  /** an id of work_orders */
  work_order_id?: number | string;
  branch_id?: number | string;
}

export interface PurchaseRefundBody {
  PurchaseRefund: PurchaseRefundInput;
  PurchaseOrderItem?: PurchaseRefundPurchaseOrderItemInput[];
}

export type PurchaseRefundFilters = Partial<Record<"date_from" | "date_to" | "from_date" | "to_date" | "custom_field" | "custom_field_label" | "staff_id" | "subscription_id" | "type" | "no" | "po_number" | "supplier_id" | "is_offline" | "currency_code" | "currency_rate" | "supplier_business_name" | "supplier_first_name" | "supplier_last_name" | "supplier_email" | "supplier_address1" | "supplier_address2" | "supplier_city" | "supplier_state" | "supplier_postal_code" | "supplier_country_code" | "supplier_supplier_number" | "supplier_phone1" | "supplier_phone2" | "supplier_bn1_label" | "supplier_bn2_label" | "supplier_default_currency_code" | "date" | "draft" | "is_received" | "received_date" | "Supplier_active_secondary_address" | "Supplier_secondary_name" | "Supplier_secondary_address1" | "Supplier_secondary_address2" | "Supplier_secondary_city" | "Supplier_secondary_state" | "Supplier_secondary_postal_code" | "Supplier_secondary_country_code" | "custom_fields" | "store_id" | "discount" | "discount_amount" | "shipping_amount" | "adjustment_label" | "adjustment_value" | "notes" | "html_notes" | "invoice_layout_id" | "language_id" | "show_item_stores" | "payment_status" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "work_order_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface Note {
  id: string;
  /** 1 client, 2 invoice, 3 estimate, 4 purchase order, 5 staff, 6 supplier, 7 product, 8 work order */
  item_type: string | null;
  item_id: string | null;
  /** Now when left out */
  date: string | null;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** HTML allowed; at most 80000 characters */
  body: string | null;
  action_id: string | null;
  status_id: string | null;
  /** FollowUpReminder: the follow-up the note schedules, as sent (the docs give it no fields) */
  follow_up_reminder: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface NoteInput {
  /** Now when left out */
  date?: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** HTML allowed; at most 80000 characters */
  body?: string;
  action_id?: number | string;
  status_id?: number | string;
  /** FollowUpReminder: the follow-up the note schedules, as sent (the docs give it no fields) */
  follow_up_reminder?: unknown;
}

export interface NoteBody {
  Note: NoteInput;
}

export type NoteFilters = Partial<Record<"item_type" | "item_id" | "date" | "staff_id" | "body" | "action_id" | "status_id" | "follow_up_reminder" | "created" | "modified", string | number | Array<string | number>>>;

export interface FollowUpAction {
  id: string;
  /** 1 client, 2 invoice, 3 estimate, 8 work order */
  item_type: string | null;
  /** at most 255 characters */
  name: string | null;
  /** at most 20 characters */
  color: string | null;
  display_order: string | null;
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface FollowUpActionInput {
  /** at most 255 characters */
  name?: string;
  /** at most 20 characters */
  color?: string;
  display_order?: number | string;
  staff_id?: number | string;
}

export interface FollowUpActionBody {
  FollowUpAction: FollowUpActionInput;
}

export type FollowUpActionFilters = Partial<Record<"item_type" | "name" | "color" | "display_order" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface FollowUpStatus {
  id: string;
  /** 1 client, 2 invoice, 3 estimate, 8 work order, ... */
  item_type: string | null;
  /** at most 255 characters */
  name: string | null;
  /** at most 20 characters */
  color: string | null;
  display_order: string | null;
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  /** 1 open, 2 closed */
  status: string | null;
  /** For statuses of an entity: rental_reservation_order, manufacturing_order, production_plan, lease_contract, le_workflow-type-entity-{id}; at most 100 characters */
  entity_key: string | null;
}

export interface FollowUpStatusInput {
  /** 1 client, 2 invoice, 3 estimate, 8 work order, ... */
  item_type?: 0 | '0' | 1 | '1' | 2 | '2' | 3 | '3' | 8 | '8' | 14 | '14' | 23 | '23' | 24 | '24' | 27 | '27';
  /** at most 255 characters */
  name: string;
  /** at most 20 characters */
  color?: string;
  display_order?: number | string;
  staff_id?: number | string;
  /** 1 open, 2 closed */
  status?: 1 | '1' | 2 | '2';
  /** For statuses of an entity: rental_reservation_order, manufacturing_order, production_plan, lease_contract, le_workflow-type-entity-{id}; at most 100 characters */
  entity_key?: string;
}

export interface FollowUpStatusBody {
  FollowUpStatus: FollowUpStatusInput;
}

export type FollowUpStatusFilters = Partial<Record<"item_type" | "name" | "color" | "display_order" | "staff_id" | "created" | "modified" | "status" | "entity_key", string | number | Array<string | number>>>;

export interface AuditLog {
  id: string;
  /** When the write was committed (server time) */
  created: string | null;
  /** Which credential wrote: key:<api key id> or token:<token id>; at most 100 characters */
  credential: string | null;
  /** 0 is the site owner */
  staff_id: string | null;
  /** at most 10 characters */
  method: string | null;
  /** The path called, e.g. /api2/invoices/12.json; at most 255 characters */
  route: string | null;
  /** First path segment after /api2/, e.g. invoices; at most 100 characters */
  resource: string | null;
  /** The record created, edited or deleted, when the route names one */
  record_id: string | null;
  /** HTTP status of the reply */
  status: string | null;
  /** The X-Request-Id of the request, also in the server log; at most 128 characters */
  request_id: string | null;
  /** What the client sent (JSON; passwords and secrets redacted; cut at 64 KiB); at most 80000 characters */
  changes: string | null;
}

export interface AuditLogInput {
}

export interface AuditLogBody {
  AuditLog: AuditLogInput;
}

export type AuditLogFilters = Partial<Record<"date_from" | "date_to" | "created" | "credential" | "staff_id" | "method" | "route" | "resource" | "record_id" | "status" | "request_id" | "changes", string | number | Array<string | number>>>;

export interface CurrencyRate {
  id: string;
  /** ISO 4217 code of the foreign currency, e.g. USD; at most 3 characters */
  currency_code: string | null;
  /** From this day on (until a later rate); today when left out */
  date: string | null;
  /** Site-currency units per one unit of currency_code: 3.75 for USD on a SAR site */
  rate: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface CurrencyRateInput {
  /** ISO 4217 code of the foreign currency, e.g. USD; at most 3 characters */
  currency_code: string;
  /** From this day on (until a later rate); today when left out */
  date?: string;
  /** Site-currency units per one unit of currency_code: 3.75 for USD on a SAR site */
  rate: string | number;
  /** at most 80000 characters */
  notes?: string;
}

export interface CurrencyRateBody {
  CurrencyRate: CurrencyRateInput;
}

export type CurrencyRateFilters = Partial<Record<"currency_code" | "date" | "rate" | "notes" | "created" | "modified", string | number | Array<string | number>>>;

export interface Branch {
  id: string;
  /** at most 50 characters */
  code: string | null;
  /** at most 255 characters */
  name: string | null;
  /** at most 255 characters */
  address1: string | null;
  /** at most 255 characters */
  address2: string | null;
  /** at most 100 characters */
  city: string | null;
  /** at most 100 characters */
  state: string | null;
  /** at most 20 characters */
  postal_code: string | null;
  /** Phone number; at most 50 characters */
  phone1: string | null;
  /** Mobile number; at most 50 characters */
  phone2: string | null;
  /** ISO 3166 alpha-2 country code; at most 3 characters */
  country_code: string | null;
  /** at most 255 characters */
  working_hours: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** an id of staff */
  admin_staff_id: string | null;
  staff_id: string | null;
  smtp_account_id: string | null;
  /** 1 active, 0 inactive */
  status: string | null;
  /** at most 255 characters */
  map_location: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface BranchInput {
  /** at most 50 characters */
  code?: string;
  /** at most 255 characters */
  name: string;
  /** at most 255 characters */
  address1?: string;
  /** at most 255 characters */
  address2?: string;
  /** at most 100 characters */
  city?: string;
  /** at most 100 characters */
  state?: string;
  /** at most 20 characters */
  postal_code?: string;
  /** Phone number; at most 50 characters */
  phone1?: string;
  /** Mobile number; at most 50 characters */
  phone2?: string;
  /** ISO 3166 alpha-2 country code; at most 3 characters */
  country_code?: string;
  /** at most 255 characters */
  working_hours?: string;
  /** at most 80000 characters */
  description?: string;
  /** an id of staff */
  admin_staff_id?: number | string;
  staff_id?: number | string;
  smtp_account_id?: number | string;
  /** 1 active, 0 inactive */
  status?: 0 | '0' | 1 | '1';
  /** at most 255 characters */
  map_location?: string;
}

export interface BranchBody {
  Branch: BranchInput;
}

export type BranchFilters = Partial<Record<"code" | "name" | "address1" | "address2" | "city" | "state" | "postal_code" | "phone1" | "phone2" | "country_code" | "working_hours" | "description" | "admin_staff_id" | "staff_id" | "smtp_account_id" | "status" | "map_location" | "created" | "modified", string | number | Array<string | number>>>;

export interface SitePaymentGateway {
  id: string;
  /** Slug payments carry as payment_method: cash, bank_transfer, ...; unique per site; at most 100 characters */
  payment_gateway: string | null;
  /** Name shown to people; at most 255 characters */
  label: string | null;
  /** at most 255 characters */
  username: string | null;
  /** at most 255 characters */
  option1: string | null;
  /** at most 255 characters */
  option2: string | null;
  /** at most 255 characters */
  option3: string | null;
  /** The method forms preselect; at most one is default */
  default: string | null;
  active: string | null;
  /** 1: added by the site (or a client program); 0: built in */
  manually_added: string | null;
  /** 1: not offered to clients paying online */
  disable_for_client: string | null;
  /** at most 80000 characters */
  settings: string | null;
  /** Treasury payments of this method go into; an id of treasuries */
  treasury_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface SitePaymentGatewayInput {
  /** Slug payments carry as payment_method: cash, bank_transfer, ...; unique per site; at most 100 characters */
  payment_gateway: string;
  /** Name shown to people; at most 255 characters */
  label: string;
  /** at most 255 characters */
  username?: string;
  /** at most 255 characters */
  option1?: string;
  /** at most 255 characters */
  option2?: string;
  /** at most 255 characters */
  option3?: string;
  /** The method forms preselect; at most one is default */
  default?: 0 | 1 | boolean | '0' | '1';
  active?: 0 | 1 | boolean | '0' | '1';
  /** 1: added by the site (or a client program); 0: built in */
  manually_added?: 0 | 1 | boolean | '0' | '1';
  /** 1: not offered to clients paying online */
  disable_for_client?: 0 | 1 | boolean | '0' | '1';
  /** at most 80000 characters */
  settings?: string;
  /** Treasury payments of this method go into; an id of treasuries */
  treasury_id?: number | string;
  branch_id?: number | string;
}

export interface SitePaymentGatewayBody {
  SitePaymentGateway: SitePaymentGatewayInput;
}

export type SitePaymentGatewayFilters = Partial<Record<"payment_gateway" | "label" | "username" | "option1" | "option2" | "option3" | "default" | "active" | "manually_added" | "disable_for_client" | "settings" | "treasury_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface ShippingOption {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** Shipping fee in the site currency */
  fees: string | null;
  /** Tax charged on the fee; an id of taxes */
  tax_id: string | null;
  /** 1 active, 0 inactive */
  status: string | null;
  /** at most 80000 characters */
  description: string | null;
  display_order: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ShippingOptionInput {
  /** at most 255 characters */
  name: string;
  /** Shipping fee in the site currency */
  fees?: string | number;
  /** Tax charged on the fee; an id of taxes */
  tax_id?: number | string;
  /** 1 active, 0 inactive */
  status?: 0 | '0' | 1 | '1';
  /** at most 80000 characters */
  description?: string;
  display_order?: number | string;
  branch_id?: number | string;
}

export interface ShippingOptionBody {
  ShippingOption: ShippingOptionInput;
}

export type ShippingOptionFilters = Partial<Record<"name" | "fees" | "tax_id" | "status" | "description" | "display_order" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface LeaveApplication {
  id: string;
  /** The staff member on leave */
  staff_id: string | null;
  /** Working days of leave, e.g. 2 or 0.5 */
  days: string | null;
  date_from: string | null;
  date_to: string | null;
  /** Leave kind as Daftra names it (leave, delay, early); at most 50 characters */
  type: string | null;
  leave_type_id: string | null;
  /** at most 20 characters */
  late_time: string | null;
  /** at most 20 characters */
  early_time: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** at most 80000 characters */
  attachments: string | null;
  /** at most 20 characters */
  status: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface LeaveApplicationInput {
  /** The staff member on leave */
  staff_id: number | string;
  /** Working days of leave, e.g. 2 or 0.5 */
  days: string | number;
  date_from: string;
  date_to: string;
  /** Leave kind as Daftra names it (leave, delay, early); at most 50 characters */
  type?: string;
  leave_type_id?: number | string;
  /** at most 20 characters */
  late_time?: string;
  /** at most 20 characters */
  early_time?: string;
  /** at most 80000 characters */
  description?: string;
  /** at most 80000 characters */
  attachments?: string;
  /** at most 20 characters */
  status?: "pending" | "approved" | "rejected";
  branch_id?: number | string;
}

export interface LeaveApplicationBody {
  LeaveApplication: LeaveApplicationInput;
}

export type LeaveApplicationFilters = Partial<Record<"date_from" | "date_to" | "staff_id" | "days" | "type" | "leave_type_id" | "late_time" | "early_time" | "description" | "attachments" | "status" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface AttendanceLog {
  id: string;
  staff_id: string | null;
  /** When the staff member signed, YYYY-MM-DD HH:MM:SS */
  time: string | null;
  /** sign_in, sign_out, ...; at most 50 characters */
  status: string | null;
  session_id: string | null;
  source_id: string | null;
  /** at most 50 characters */
  source_method: string | null;
  /** at most 255 characters */
  source_name: string | null;
  /** at most 50 characters */
  source_type: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface AttendanceLogInput {
  staff_id: number | string;
  /** When the staff member signed, YYYY-MM-DD HH:MM:SS */
  time: string;
  /** sign_in, sign_out, ...; at most 50 characters */
  status?: string;
  session_id?: number | string;
  source_id?: number | string;
  /** at most 50 characters */
  source_method?: string;
  /** at most 255 characters */
  source_name?: string;
  /** at most 50 characters */
  source_type?: string;
  branch_id?: number | string;
}

export interface AttendanceLogBody {
  AttendanceLog: AttendanceLogInput;
}

export type AttendanceLogFilters = Partial<Record<"date_from" | "date_to" | "staff_id" | "time" | "status" | "session_id" | "source_id" | "source_method" | "source_name" | "source_type" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface Department {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 50 characters */
  abbr: string | null;
  /** at most 80000 characters */
  description: string | null;
  active: string | null;
  /** Staff ids managing the department, e.g. [3, 7] */
  managers: unknown;
  branch_id: string | null;
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface DepartmentInput {
  /** at most 255 characters */
  name: string;
  /** at most 50 characters */
  abbr?: string;
  /** at most 80000 characters */
  description?: string;
  active?: 0 | 1 | boolean | '0' | '1';
  /** Staff ids managing the department, e.g. [3, 7] */
  managers?: unknown;
  branch_id?: number | string;
  staff_id?: number | string;
}

export interface DepartmentBody {
  Department: DepartmentInput;
}

export type DepartmentFilters = Partial<Record<"name" | "abbr" | "description" | "active" | "managers" | "branch_id" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface Designation {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  active: string | null;
  role_id: string | null;
  /** an id of departments */
  department_id: string | null;
  /** an id of employment_types */
  employment_type_id: string | null;
  employment_level_id: string | null;
  salary_structure_id: string | null;
  /** at most 50 characters */
  payroll_frequency: string | null;
  /** at most 3 characters */
  currency_code: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface DesignationInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  active?: 0 | 1 | boolean | '0' | '1';
  role_id?: number | string;
  /** an id of departments */
  department_id?: number | string;
  /** an id of employment_types */
  employment_type_id?: number | string;
  employment_level_id?: number | string;
  salary_structure_id?: number | string;
  /** at most 50 characters */
  payroll_frequency?: string;
  /** at most 3 characters */
  currency_code?: string;
  branch_id?: number | string;
}

export interface DesignationBody {
  Designation: DesignationInput;
}

export type DesignationFilters = Partial<Record<"name" | "description" | "active" | "role_id" | "department_id" | "employment_type_id" | "employment_level_id" | "salary_structure_id" | "payroll_frequency" | "currency_code" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface EmploymentType {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  active: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface EmploymentTypeInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  active?: 0 | 1 | boolean | '0' | '1';
}

export interface EmploymentTypeBody {
  EmploymentType: EmploymentTypeInput;
}

export type EmploymentTypeFilters = Partial<Record<"name" | "description" | "active" | "created" | "modified", string | number | Array<string | number>>>;

export interface AssetType {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  is_active: string | null;
  staff_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface AssetTypeInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  is_active?: 0 | 1 | boolean | '0' | '1';
  staff_id?: number | string;
  branch_id?: number | string;
}

export interface AssetTypeBody {
  AssetType: AssetTypeInput;
}

export type AssetTypeFilters = Partial<Record<"name" | "description" | "is_active" | "staff_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface AssetLocation {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  is_active: string | null;
  staff_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface AssetLocationInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  is_active?: 0 | 1 | boolean | '0' | '1';
  staff_id?: number | string;
  branch_id?: number | string;
}

export interface AssetLocationBody {
  AssetLocation: AssetLocationInput;
}

export type AssetLocationFilters = Partial<Record<"name" | "description" | "is_active" | "staff_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface Storage {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 80000 characters */
  description: string | null;
  is_active: string | null;
  staff_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface StorageInput {
  /** at most 255 characters */
  name: string;
  /** at most 80000 characters */
  description?: string;
  is_active?: 0 | 1 | boolean | '0' | '1';
  staff_id?: number | string;
  branch_id?: number | string;
}

export interface StorageBody {
  Storage: StorageInput;
}

export type StorageFilters = Partial<Record<"name" | "description" | "is_active" | "staff_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface EmployeeAsset {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 50 characters */
  code: string | null;
  /** an id of asset_types */
  asset_type_id: string | null;
  /** at most 255 characters */
  serial_number: string | null;
  /** at most 255 characters */
  barcode: string | null;
  /** not_assigned, employee (employee_id) or storage (storage_id); at most 20 characters */
  used_by: string | null;
  employee_id: string | null;
  /** an id of storages */
  storage_id: string | null;
  /** an id of asset_locations */
  location_id: string | null;
  /** at most 50 characters */
  status: string | null;
  assigned_date: string | null;
  expected_return_date: string | null;
  warranty_expiry_date: string | null;
  /** at most 1000 characters */
  photo: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** at most 80000 characters */
  technical_specifications: string | null;
  /** at most 80000 characters */
  attachments: string | null;
  branch_id: string | null;
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface EmployeeAssetInput {
  /** at most 255 characters */
  name: string;
  /** at most 50 characters */
  code?: string;
  /** an id of asset_types */
  asset_type_id?: number | string;
  /** at most 255 characters */
  serial_number?: string;
  /** at most 255 characters */
  barcode?: string;
  /** not_assigned, employee (employee_id) or storage (storage_id); at most 20 characters */
  used_by: "not_assigned" | "employee" | "storage";
  employee_id?: number | string;
  /** an id of storages */
  storage_id?: number | string;
  /** an id of asset_locations */
  location_id: number | string;
  /** at most 50 characters */
  status?: string;
  assigned_date?: string;
  expected_return_date?: string;
  warranty_expiry_date?: string;
  /** at most 1000 characters */
  photo?: string;
  /** at most 80000 characters */
  description?: string;
  /** at most 80000 characters */
  technical_specifications?: string;
  /** at most 80000 characters */
  attachments?: string;
  branch_id?: number | string;
  staff_id?: number | string;
}

export interface EmployeeAssetBody {
  EmployeeAsset: EmployeeAssetInput;
}

export type EmployeeAssetFilters = Partial<Record<"name" | "code" | "asset_type_id" | "serial_number" | "barcode" | "used_by" | "employee_id" | "storage_id" | "location_id" | "status" | "assigned_date" | "expected_return_date" | "warranty_expiry_date" | "photo" | "description" | "technical_specifications" | "attachments" | "branch_id" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface Brand {
  id: string;
  /** at most 255 characters */
  name: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface BrandInput {
  /** at most 255 characters */
  name: string;
  branch_id?: number | string;
}

export interface BrandBody {
  Brand: BrandInput;
}

export type BrandFilters = Partial<Record<"name" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface UnitTemplateUnitTemplatesUnitFactors {
  id: string;
  unit_template_id: string | null;
  /** Name of the larger unit, e.g. box; at most 100 characters */
  factor_name: string | null;
  /** Base units in one of this unit, e.g. 12 */
  factor: string | null;
  /** at most 20 characters */
  small_name: string | null;
}

export interface UnitTemplateUnitTemplatesUnitFactorsInput {
  /** Name of the larger unit, e.g. box; at most 100 characters */
  factor_name: string;
  /** Base units in one of this unit, e.g. 12 */
  factor: string | number;
  /** at most 20 characters */
  small_name?: string;
}

export interface UnitTemplate {
  id: string;
  /** at most 255 characters */
  template_name: string | null;
  /** The base unit stock is counted in, e.g. piece; at most 100 characters */
  main_unit_name: string | null;
  /** Short name of the base unit, e.g. pc; at most 20 characters */
  unit_small_name: string | null;
  active: string | null;
  branch_id: string | null;
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  UnitTemplatesUnitFactors?: UnitTemplateUnitTemplatesUnitFactors[];
}

export interface UnitTemplateInput {
  /** at most 255 characters */
  template_name: string;
  /** The base unit stock is counted in, e.g. piece; at most 100 characters */
  main_unit_name: string;
  /** Short name of the base unit, e.g. pc; at most 20 characters */
  unit_small_name?: string;
  active?: 0 | 1 | boolean | '0' | '1';
  branch_id?: number | string;
  staff_id?: number | string;
}

export interface UnitTemplateBody {
  UnitTemplate: UnitTemplateInput;
  UnitTemplatesUnitFactors?: UnitTemplateUnitTemplatesUnitFactorsInput[];
}

export type UnitTemplateFilters = Partial<Record<"template_name" | "main_unit_name" | "unit_small_name" | "active" | "branch_id" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface CostCenter {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 50 characters */
  code: string | null;
  /** 1: a parent (group) center; lines are tagged with its children */
  is_primary: string | null;
  /** Parent center; an id of cost_centers */
  cost_center_id: string | null;
  /** Ids of the centers under it, comma-separated (as Daftra echoes them); at most 1000 characters */
  cost_center_ids: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface CostCenterInput {
  /** at most 255 characters */
  name: string;
  /** at most 50 characters */
  code?: string;
  /** 1: a parent (group) center; lines are tagged with its children */
  is_primary?: 0 | 1 | boolean | '0' | '1';
  /** Parent center; an id of cost_centers */
  cost_center_id?: number | string;
  /** Ids of the centers under it, comma-separated (as Daftra echoes them); at most 1000 characters */
  cost_center_ids?: string;
  branch_id?: number | string;
}

export interface CostCenterBody {
  CostCenter: CostCenterInput;
}

export type CostCenterFilters = Partial<Record<"name" | "code" | "is_primary" | "cost_center_id" | "cost_center_ids" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface CreditType {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** What one credit is: point, minute, session; at most 50 characters */
  unit: string | null;
  /** 0: amounts of this type are whole numbers */
  allow_decimal: string | null;
  /** 1 active, 0 inactive */
  status: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  /** at most 20 characters */
  deleted_at: string | null;
}

export interface CreditTypeInput {
  /** at most 255 characters */
  name: string;
  /** What one credit is: point, minute, session; at most 50 characters */
  unit?: string;
  /** 0: amounts of this type are whole numbers */
  allow_decimal?: 0 | 1 | boolean | '0' | '1';
  /** 1 active, 0 inactive */
  status?: 0 | '0' | 1 | '1';
  /** at most 80000 characters */
  description?: string;
}

export interface CreditTypeBody {
  CreditType: CreditTypeInput;
}

export type CreditTypeFilters = Partial<Record<"name" | "unit" | "allow_decimal" | "status" | "description" | "created" | "modified" | "deleted_at", string | number | Array<string | number>>>;

export interface Package {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** Package kind as Daftra names it (e.g. membership, credit); at most 50 characters */
  type: string | null;
  price: string | null;
  period_value: string | null;
  /** Validity of the credit it gives: day, week, month, year (or daily, weekly, monthly, yearly); at most 10 characters */
  period_unit: string | null;
  status: string | null;
  /** an id of products */
  product_id: string | null;
  /** at most 80000 characters */
  description: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  /** at most 20 characters */
  deleted_at: string | null;
}

export interface PackageInput {
  /** at most 255 characters */
  name: string;
  /** Package kind as Daftra names it (e.g. membership, credit); at most 50 characters */
  type?: string;
  price?: string | number;
  period_value?: number | string;
  /** Validity of the credit it gives: day, week, month, year (or daily, weekly, monthly, yearly); at most 10 characters */
  period_unit?: "day" | "week" | "month" | "year" | "daily" | "weekly" | "monthly" | "yearly";
  status?: 0 | '0' | 1 | '1';
  /** an id of products */
  product_id?: number | string;
  /** at most 80000 characters */
  description?: string;
  branch_id?: number | string;
}

export interface PackageBody {
  Package: PackageInput;
}

export type PackageFilters = Partial<Record<"name" | "type" | "price" | "period_value" | "period_unit" | "status" | "product_id" | "description" | "branch_id" | "created" | "modified" | "deleted_at", string | number | Array<string | number>>>;

export interface CreditTypePackage {
  id: string;
  /** an id of credit_types */
  credit_type_id: string | null;
  /** an id of packages */
  package_id: string | null;
  /** Credit of the type the package gives */
  amount: string | null;
}

export interface CreditTypePackageInput {
  /** an id of credit_types */
  credit_type_id: number | string;
  /** an id of packages */
  package_id: number | string;
  /** Credit of the type the package gives */
  amount: string | number;
}

export interface CreditTypePackageBody {
  CreditTypePackage: CreditTypePackageInput;
}

export type CreditTypePackageFilters = Partial<Record<"credit_type_id" | "package_id" | "amount", string | number | Array<string | number>>>;

export interface CreditCharge {
  id: string;
  /** an id of clients */
  client_id: string | null;
  /** an id of credit_types */
  credit_type_id: string | null;
  amount: string | null;
  /** at most 20 characters */
  status: string | null;
  /** 1: suspended (status suspended); Daftra's add and edit forms send it instead of status */
  is_suspended: string | null;
  start_date: string | null;
  expiry_date: string | null;
  /** at most 80000 characters */
  description: string | null;
  renewal_id: string | null;
  staff_id: string | null;
  /** amount less what usages took from it (derived) */
  remaining_amount: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  /** at most 20 characters */
  deleted_at: string | null;
}

export interface CreditChargeInput {
  /** an id of clients */
  client_id: number | string;
  /** an id of credit_types */
  credit_type_id: number | string;
  amount: string | number;
  /** at most 20 characters */
  status?: "active" | "suspended" | "expired";
  /** 1: suspended (status suspended); Daftra's add and edit forms send it instead of status */
  is_suspended?: 0 | 1 | boolean | '0' | '1';
  start_date?: string;
  expiry_date?: string;
  /** at most 80000 characters */
  description?: string;
  renewal_id?: number | string;
  staff_id?: number | string;
}

export interface CreditChargeBody {
  CreditCharge: CreditChargeInput;
}

export type CreditChargeFilters = Partial<Record<"client_id" | "credit_type_id" | "amount" | "status" | "is_suspended" | "start_date" | "expiry_date" | "description" | "renewal_id" | "staff_id" | "remaining_amount" | "created" | "modified" | "deleted_at", string | number | Array<string | number>>>;

export interface CreditUsage {
  id: string;
  /** an id of clients */
  client_id: string | null;
  /** an id of credit_types */
  credit_type_id: string | null;
  /** Credit spent; taken from the client's charges, first to expire first */
  amount: string | null;
  usage_date: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** The staff member who recorded the usage (0 the owner) */
  added_by: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  /** at most 20 characters */
  deleted_at: string | null;
}

export interface CreditUsageInput {
  /** an id of clients */
  client_id: number | string;
  /** an id of credit_types */
  credit_type_id: number | string;
  /** Credit spent; taken from the client's charges, first to expire first */
  amount: string | number;
  usage_date?: string;
  /** at most 80000 characters */
  description?: string;
  /** The staff member who recorded the usage (0 the owner) */
  added_by?: number | string;
}

export interface CreditUsageBody {
  CreditUsage: CreditUsageInput;
}

export type CreditUsageFilters = Partial<Record<"client_id" | "credit_type_id" | "amount" | "usage_date" | "description" | "added_by" | "created" | "modified" | "deleted_at", string | number | Array<string | number>>>;

export interface ChargeUsage {
  id: string;
  /** an id of credit_charges */
  credit_charge_id: string | null;
  /** an id of credit_usages */
  credit_usage_id: string | null;
  amount: string | null;
}

export interface ChargeUsageInput {
  /** an id of credit_charges */
  credit_charge_id: number | string;
  /** an id of credit_usages */
  credit_usage_id: number | string;
  amount: string | number;
}

export interface ChargeUsageBody {
  ChargeUsage: ChargeUsageInput;
}

export type ChargeUsageFilters = Partial<Record<"credit_charge_id" | "credit_usage_id" | "amount", string | number | Array<string | number>>>;

export interface WorkflowType {
  id: string;
  /** at most 255 characters */
  name: string | null;
  /** at most 255 characters */
  singular_title: string | null;
  status: string | null;
  /** at most 255 characters */
  icon: string | null;
  /** le_workflow-type-entity-{id}: the v2 entity of its records; at most 100 characters */
  entity_key: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface WorkflowTypeInput {
  /** at most 255 characters */
  name: string;
  /** at most 255 characters */
  singular_title?: string;
  status?: 0 | '0' | 1 | '1';
  /** at most 255 characters */
  icon?: string;
}

export interface WorkflowTypeBody {
  WorkflowType: WorkflowTypeInput;
}

export type WorkflowTypeFilters = Partial<Record<"name" | "singular_title" | "status" | "icon" | "entity_key" | "created" | "modified", string | number | Array<string | number>>>;

export interface WorkflowRecord {
  id: string;
  /** Required; set by the entity name on v2; an id of workflow_types */
  workflow_type_id: string | null;
  /** {"code": "WF-0001"} (or the code as text) */
  number: unknown;
  /** at most 255 characters */
  title: string | null;
  /** an id of clients */
  client_id: string | null;
  start_date: string | null;
  delivery_date: string | null;
  delivery_appointment_id: string | null;
  follow_up_status_id: string | null;
  /** {"number": 1500, "currency": "SAR"} */
  budget: unknown;
  /** at most 3 characters */
  budget_currency: string | null;
  status: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Staff ids assigned */
  assigned_users: unknown;
  tags: unknown;
  attachments: unknown;
  client_data: unknown;
  extra_details: unknown;
  branch_id: string | null;
  staff_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface WorkflowRecordInput {
  /** Required; set by the entity name on v2; an id of workflow_types */
  workflow_type_id?: number | string;
  /** {"code": "WF-0001"} (or the code as text) */
  number: unknown;
  /** at most 255 characters */
  title: string;
  /** an id of clients */
  client_id?: number | string;
  start_date?: string;
  delivery_date?: string;
  delivery_appointment_id?: number | string;
  follow_up_status_id?: number | string;
  /** {"number": 1500, "currency": "SAR"} */
  budget?: unknown;
  /** at most 3 characters */
  budget_currency?: string;
  status?: number | string;
  /** at most 80000 characters */
  description?: string;
  /** Staff ids assigned */
  assigned_users?: unknown;
  tags?: unknown;
  attachments?: unknown;
  client_data?: unknown;
  extra_details?: unknown;
  branch_id?: number | string;
  staff_id?: number | string;
}

export interface WorkflowRecordBody {
  WorkflowRecord: WorkflowRecordInput;
}

export type WorkflowRecordFilters = Partial<Record<"workflow_type_id" | "number" | "title" | "client_id" | "start_date" | "delivery_date" | "delivery_appointment_id" | "follow_up_status_id" | "budget" | "budget_currency" | "status" | "description" | "assigned_users" | "tags" | "attachments" | "client_data" | "extra_details" | "branch_id" | "staff_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface PurchaseDebitNotePurchaseOrderItem {
  id: string;
  purchase_order_id: string | null;
  /** Name of the item at the supplier; at most 255 characters */
  org_name: string | null;
  /** Line label; the product name when left out; at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** Unit cost; the product's buy_price when left out */
  unit_price: string | null;
  /** Quantity, decimals allowed */
  quantity: string | null;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id: string | null;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1: string | null;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  /** quantity × unit_price, before discounts and taxes */
  subtotal: string | null;
  /** an id of products */
  product_id: string | null;
  /** A product_id that named no product of the site, kept as sent (the line is free text); at most 64 characters */
  external_product_id: string | null;
  /** at most 255 characters */
  col_3: string | null;
  /** at most 255 characters */
  col_4: string | null;
  /** at most 255 characters */
  col_5: string | null;
  discount: string | null;
  /** 1 percent, 2 fixed amount for the line */
  discount_type: string | null;
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id: string | null;
  /** Line discount plus the line's share of the document discount */
  calculated_discount: string | null;
  /** Line total after discounts, with exclusive taxes */
  item_subtotal: string | null;
  tax1_percent: string | null;
  tax2_percent: string | null;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials: unknown;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface PurchaseDebitNotePurchaseOrderItemInput {
  /** Name of the item at the supplier; at most 255 characters */
  org_name?: string;
  /** Line label; the product name when left out; at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  /** Unit cost; the product's buy_price when left out */
  unit_price?: string | number;
  /** Quantity, decimals allowed */
  quantity?: string | number;
  /** A unit of the product's unit template (unit_templates_unit_factors id): stock moves quantity × its factor */
  unit_factor_id?: number | string;
  /** Base units per unit sold, when unit_factor_id is not given (1 when neither is) */
  unit_factor?: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax1?: number | string;
  /** Tax id (from GET /taxes), not a percentage; an id of taxes */
  tax2?: number | string;
  /** an id of products */
  product_id?: number | string;
  /** at most 255 characters */
  col_3?: string;
  /** at most 255 characters */
  col_4?: string;
  /** at most 255 characters */
  col_5?: string;
  discount?: string | number;
  /** 1 percent, 2 fixed amount for the line */
  discount_type?: 1 | '1' | 2 | '2';
  /** Store the item leaves from; the document's store when left out; an id of stores */
  store_id?: number | string;
  /** Lot numbers of the quantity sold, as sent (a list) */
  lot?: unknown;
  /** Expiry dates of the lots, as sent (a list) */
  expiry_date?: unknown;
  /** Serial numbers sold, as sent (a list) */
  serials?: unknown;
}

export interface PurchaseDebitNote {
  id: string;
  /** Staff user who created it; 0 is the site owner */
  staff_id: string | null;
  /** For refunds and debit notes: the purchase invoice they correct; an id of purchase_invoices */
  subscription_id: string | null;
  /** 0 purchase invoice, 1 purchase refund, 14 purchase debit note */
  type: string | null;
  /** Number; generated per type when left out; at most 255 characters */
  no: string | null;
  /** at most 255 characters */
  po_number: string | null;
  /** an id of suppliers */
  supplier_id: string | null;
  is_offline: string | null;
  /** The site currency when left out; at most 10 characters */
  currency_code: string | null;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate: string | null;
  /** at most 255 characters */
  supplier_business_name: string | null;
  /** at most 255 characters */
  supplier_first_name: string | null;
  /** at most 255 characters */
  supplier_last_name: string | null;
  /** at most 255 characters */
  supplier_email: string | null;
  /** at most 255 characters */
  supplier_address1: string | null;
  /** at most 255 characters */
  supplier_address2: string | null;
  /** at most 255 characters */
  supplier_city: string | null;
  /** at most 255 characters */
  supplier_state: string | null;
  /** at most 255 characters */
  supplier_postal_code: string | null;
  /** at most 3 characters */
  supplier_country_code: string | null;
  /** at most 255 characters */
  supplier_supplier_number: string | null;
  /** at most 255 characters */
  supplier_phone1: string | null;
  /** at most 255 characters */
  supplier_phone2: string | null;
  /** at most 255 characters */
  supplier_bn1_label: string | null;
  /** at most 255 characters */
  supplier_bn2_label: string | null;
  /** at most 255 characters */
  supplier_default_currency_code: string | null;
  /** Today when left out */
  date: string | null;
  /** A draft moves no stock */
  draft: string | null;
  is_received: string | null;
  /** When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight) */
  received_date: string | null;
  Supplier_active_secondary_address: string | null;
  /** at most 255 characters */
  Supplier_secondary_name: string | null;
  /** at most 255 characters */
  Supplier_secondary_address1: string | null;
  /** at most 255 characters */
  Supplier_secondary_address2: string | null;
  /** at most 255 characters */
  Supplier_secondary_city: string | null;
  /** at most 255 characters */
  Supplier_secondary_state: string | null;
  /** at most 255 characters */
  Supplier_secondary_postal_code: string | null;
  /** at most 255 characters */
  Supplier_secondary_country_code: string | null;
  /** PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value} */
  custom_fields: unknown;
  /** The primary store when left out; an id of stores */
  store_id: string | null;
  discount: string | null;
  discount_amount: string | null;
  shipping_amount: string | null;
  /** at most 255 characters */
  adjustment_label: string | null;
  adjustment_value: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** at most 80000 characters */
  html_notes: string | null;
  /** The layout it prints with, kept as sent */
  invoice_layout_id: string | null;
  language_id: string | null;
  /** 1: the printed document shows each line's store */
  show_item_stores: string | null;
  payment_status: string | null;
  summary_subtotal: string | null;
  summary_discount: string | null;
  summary_tax1: string | null;
  summary_tax2: string | null;
  summary_total: string | null;
  summary_paid: string | null;
  summary_unpaid: string | null;
  item_discount_amount: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  PurchaseOrderItem?: PurchaseDebitNotePurchaseOrderItem[];
}

export interface PurchaseDebitNoteInput {
  /** Staff user who created it; 0 is the site owner */
  staff_id?: number | string;
  /** For refunds and debit notes: the purchase invoice they correct; an id of purchase_invoices */
  subscription_id?: number | string;
  /** Number; generated per type when left out; at most 255 characters */
  no?: string;
  /** at most 255 characters */
  po_number?: string;
  /** an id of suppliers */
  supplier_id: number | string;
  is_offline?: 0 | 1 | boolean | '0' | '1';
  /** The site currency when left out; at most 10 characters */
  currency_code?: string;
  /** Site-currency units per one unit of currency_code; 1 in the site currency; when left out, the site's rate for the currency on the document's date (GET /api2/currency_rates). The books post at this rate. */
  currency_rate?: string | number;
  /** at most 255 characters */
  supplier_business_name?: string;
  /** at most 255 characters */
  supplier_first_name?: string;
  /** at most 255 characters */
  supplier_last_name?: string;
  /** at most 255 characters */
  supplier_email?: string;
  /** at most 255 characters */
  supplier_address1?: string;
  /** at most 255 characters */
  supplier_address2?: string;
  /** at most 255 characters */
  supplier_city?: string;
  /** at most 255 characters */
  supplier_state?: string;
  /** at most 255 characters */
  supplier_postal_code?: string;
  /** at most 3 characters */
  supplier_country_code?: string;
  /** at most 255 characters */
  supplier_supplier_number?: string;
  /** at most 255 characters */
  supplier_phone1?: string;
  /** at most 255 characters */
  supplier_phone2?: string;
  /** at most 255 characters */
  supplier_bn1_label?: string;
  /** at most 255 characters */
  supplier_bn2_label?: string;
  /** at most 255 characters */
  supplier_default_currency_code?: string;
  /** Today when left out */
  date?: string;
  /** A draft moves no stock */
  draft?: 0 | 1 | boolean | '0' | '1';
  is_received?: 0 | 1 | boolean | '0' | '1';
  /** When the goods arrived, YYYY-MM-DD HH:MM:SS (a date alone is midnight) */
  received_date?: string;
  Supplier_active_secondary_address?: 0 | 1 | boolean | '0' | '1';
  /** at most 255 characters */
  Supplier_secondary_name?: string;
  /** at most 255 characters */
  Supplier_secondary_address1?: string;
  /** at most 255 characters */
  Supplier_secondary_address2?: string;
  /** at most 255 characters */
  Supplier_secondary_city?: string;
  /** at most 255 characters */
  Supplier_secondary_state?: string;
  /** at most 255 characters */
  Supplier_secondary_postal_code?: string;
  /** at most 255 characters */
  Supplier_secondary_country_code?: string;
  /** PurchaseOrderCustomField (also taken as InvoiceCustomField): a list of {label, value} */
  custom_fields?: unknown;
  /** The primary store when left out; an id of stores */
  store_id?: number | string;
  discount?: string | number;
  discount_amount?: string | number;
  shipping_amount?: string | number;
  /** at most 255 characters */
  adjustment_label?: string;
  adjustment_value?: string | number;
  /** at most 80000 characters */
  notes?: string;
  /** at most 80000 characters */
  html_notes?: string;
  /** The layout it prints with, kept as sent */
  invoice_layout_id?: number | string;
  language_id?: number | string;
  /** 1: the printed document shows each line's store */
  show_item_stores?: 0 | 1 | boolean | '0' | '1';
  /** an id of work_orders */
  work_order_id?: number | string;
  branch_id?: number | string;
}

export interface PurchaseDebitNoteBody {
  PurchaseDebitNote: PurchaseDebitNoteInput;
  PurchaseOrderItem?: PurchaseDebitNotePurchaseOrderItemInput[];
}

export type PurchaseDebitNoteFilters = Partial<Record<"date_from" | "date_to" | "from_date" | "to_date" | "custom_field" | "custom_field_label" | "staff_id" | "subscription_id" | "type" | "no" | "po_number" | "supplier_id" | "is_offline" | "currency_code" | "currency_rate" | "supplier_business_name" | "supplier_first_name" | "supplier_last_name" | "supplier_email" | "supplier_address1" | "supplier_address2" | "supplier_city" | "supplier_state" | "supplier_postal_code" | "supplier_country_code" | "supplier_supplier_number" | "supplier_phone1" | "supplier_phone2" | "supplier_bn1_label" | "supplier_bn2_label" | "supplier_default_currency_code" | "date" | "draft" | "is_received" | "received_date" | "Supplier_active_secondary_address" | "Supplier_secondary_name" | "Supplier_secondary_address1" | "Supplier_secondary_address2" | "Supplier_secondary_city" | "Supplier_secondary_state" | "Supplier_secondary_postal_code" | "Supplier_secondary_country_code" | "custom_fields" | "store_id" | "discount" | "discount_amount" | "shipping_amount" | "adjustment_label" | "adjustment_value" | "notes" | "html_notes" | "invoice_layout_id" | "language_id" | "show_item_stores" | "payment_status" | "summary_subtotal" | "summary_discount" | "summary_tax1" | "summary_tax2" | "summary_total" | "summary_paid" | "summary_unpaid" | "item_discount_amount" | "work_order_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface RequisitionRequisitionItem {
  id: string;
  requisition_id: string | null;
  /** an id of products */
  product_id: string | null;
  /** at most 255 characters */
  item: string | null;
  /** at most 255 characters */
  org_name: string | null;
  /** Cost of an inbound line; outs leave at moving average */
  unit_price: string | null;
  quantity: string | null;
  lot: unknown;
  expiry_date: unknown;
  serials: unknown;
}

export interface RequisitionRequisitionItemInput {
  /** an id of products */
  product_id: number | string;
  /** at most 255 characters */
  item?: string;
  /** at most 255 characters */
  org_name?: string;
  /** Cost of an inbound line; outs leave at moving average */
  unit_price?: string | number;
  quantity: string | number;
  lot?: unknown;
  expiry_date?: unknown;
  serials?: unknown;
}

export interface Requisition {
  id: string;
  /** Generated when left out; at most 255 characters */
  number: string | null;
  /** Now when left out; DD/MM/YYYY HH:MM is accepted */
  date: string | null;
  /** 1 inbound, 2 outbound, 3 transfer between stores */
  type: string | null;
  /** 1 under delivery (moves nothing), 3 accepted (moves stock), 4 rejected */
  status: string | null;
  /** Origin: 1 inbound, 2 outbound, 8 manual transfer, 25 sales order, ... (Daftra's codes) */
  order_type: string | null;
  /** Id of the source document; 0 for a manual requisition */
  order_id: string | null;
  /** The store goods leave (or enter, inbound); the primary store when left out; an id of stores */
  store_id: string | null;
  /** Destination of a transfer; an id of stores */
  to_store_id: string | null;
  /** Account the stock is posted against (ins and outs); Inventory Adjustments when left out; an id of journal_accounts */
  journal_account_id: string | null;
  /** at most 3 characters */
  currency_code: string | null;
  /** an id of work_orders */
  work_order_id: string | null;
  staff_id: string | null;
  branch_id: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  RequisitionItem?: RequisitionRequisitionItem[];
}

export interface RequisitionInput {
  /** Generated when left out; at most 255 characters */
  number?: string;
  /** Now when left out; DD/MM/YYYY HH:MM is accepted */
  date?: string;
  /** 1 inbound, 2 outbound, 3 transfer between stores */
  type: 1 | '1' | 2 | '2' | 3 | '3';
  /** 1 under delivery (moves nothing), 3 accepted (moves stock), 4 rejected */
  status?: 1 | '1' | 3 | '3' | 4 | '4';
  /** Origin: 1 inbound, 2 outbound, 8 manual transfer, 25 sales order, ... (Daftra's codes) */
  order_type?: number | string;
  /** Id of the source document; 0 for a manual requisition */
  order_id?: number | string;
  /** The store goods leave (or enter, inbound); the primary store when left out; an id of stores */
  store_id?: number | string;
  /** Destination of a transfer; an id of stores */
  to_store_id?: number | string;
  /** Account the stock is posted against (ins and outs); Inventory Adjustments when left out; an id of journal_accounts */
  journal_account_id?: number | string;
  /** at most 3 characters */
  currency_code?: string;
  /** an id of work_orders */
  work_order_id?: number | string;
  staff_id?: number | string;
  branch_id?: number | string;
  /** at most 80000 characters */
  notes?: string;
}

export interface RequisitionBody {
  Requisition: RequisitionInput;
  RequisitionItem?: RequisitionRequisitionItemInput[];
}

export type RequisitionFilters = Partial<Record<"date_from" | "date_to" | "number" | "date" | "type" | "status" | "order_type" | "order_id" | "store_id" | "to_store_id" | "journal_account_id" | "currency_code" | "work_order_id" | "staff_id" | "branch_id" | "notes" | "created" | "modified", string | number | Array<string | number>>>;

export interface BookingBookingItem {
  id: string;
  booking_id: string | null;
  /** The service booked; an id of products */
  product_id: string | null;
  /** at most 255 characters */
  item: string | null;
  /** at most 80000 characters */
  description: string | null;
  quantity: string | null;
  /** The product's price when left out */
  unit_price: string | null;
  staff_id: string | null;
}

export interface BookingBookingItemInput {
  /** The service booked; an id of products */
  product_id: number | string;
  /** at most 255 characters */
  item?: string;
  /** at most 80000 characters */
  description?: string;
  quantity?: string | number;
  /** The product's price when left out */
  unit_price?: string | number;
  staff_id?: number | string;
}

export interface Booking {
  id: string;
  /** an id of clients */
  client_id: string | null;
  /** Staff member booked */
  staff_id: string | null;
  /** Today when left out */
  date: string | null;
  /** HH:MM; at most 8 characters */
  start_time: string | null;
  /** HH:MM, after start_time; at most 8 characters */
  end_time: string | null;
  /** at most 80000 characters */
  description: string | null;
  /** 0 pending, 1 confirmed, 3 canceled, 4 done */
  status: string | null;
  /** 1 once converted to an invoice */
  converted: string | null;
  /** The invoice it was converted to */
  invoice_id: string | null;
  branch_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
  BookingItem?: BookingBookingItem[];
}

export interface BookingInput {
  /** an id of clients */
  client_id: number | string;
  /** Staff member booked */
  staff_id?: number | string;
  /** Today when left out */
  date?: string;
  /** HH:MM; at most 8 characters */
  start_time?: string;
  /** HH:MM, after start_time; at most 8 characters */
  end_time?: string;
  /** at most 80000 characters */
  description?: string;
  /** 0 pending, 1 confirmed, 3 canceled, 4 done */
  status?: 0 | '0' | 1 | '1' | 3 | '3' | 4 | '4';
  /** 1 once converted to an invoice */
  converted?: 0 | 1 | boolean | '0' | '1';
  branch_id?: number | string;
}

export interface BookingBody {
  Booking: BookingInput;
  BookingItem?: BookingBookingItemInput[];
}

export type BookingFilters = Partial<Record<"date_from" | "date_to" | "client_id" | "staff_id" | "date" | "start_time" | "end_time" | "description" | "status" | "converted" | "invoice_id" | "branch_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface ProductBundle {
  id: string;
  /** The bundle (a product of type 3); an id of products */
  bundle_product_id: string | null;
  /** A component of the bundle; an id of products */
  product_id: string | null;
  /** Component units in one bundle */
  quantity: string | null;
  /** at most 100 characters */
  unit_name: string | null;
  /** Base units per unit_name, when the component is counted in a larger unit */
  unit_factor: string | null;
  /** at most 20 characters */
  unit_small_name: string | null;
  unit_factor_id: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface ProductBundleInput {
  /** The bundle (a product of type 3); an id of products */
  bundle_product_id: number | string;
  /** A component of the bundle; an id of products */
  product_id: number | string;
  /** Component units in one bundle */
  quantity: string | number;
  /** at most 100 characters */
  unit_name?: string;
  /** Base units per unit_name, when the component is counted in a larger unit */
  unit_factor?: string | number;
  /** at most 20 characters */
  unit_small_name?: string;
  unit_factor_id?: number | string;
}

export interface ProductBundleBody {
  ProductBundle: ProductBundleInput;
}

export type ProductBundleFilters = Partial<Record<"bundle_product_id" | "product_id" | "quantity" | "unit_name" | "unit_factor" | "unit_small_name" | "unit_factor_id" | "created" | "modified", string | number | Array<string | number>>>;

export interface AdvanceApplication {
  id: string;
  /** The advance payment invoice (type 19); an id of invoices */
  advance_invoice_id: string | null;
  /** The later invoice of the same client it pays; an id of invoices */
  invoice_id: string | null;
  /** Amount applied, tax included */
  amount: string | null;
  /** Today when left out */
  date: string | null;
  /** at most 80000 characters */
  notes: string | null;
  /** Time of creation */
  created: string | null;
  /** Last time this record was updated */
  modified: string | null;
}

export interface AdvanceApplicationInput {
  /** The advance payment invoice (type 19); an id of invoices */
  advance_invoice_id: number | string;
  /** The later invoice of the same client it pays; an id of invoices */
  invoice_id: number | string;
  /** Amount applied, tax included */
  amount: string | number;
  /** Today when left out */
  date?: string;
  /** at most 80000 characters */
  notes?: string;
}

export interface AdvanceApplicationBody {
  AdvanceApplication: AdvanceApplicationInput;
}

export type AdvanceApplicationFilters = Partial<Record<"advance_invoice_id" | "invoice_id" | "amount" | "date" | "notes" | "created" | "modified", string | number | Array<string | number>>>;

/** Every resource: its path under /api2, model key, record, body, filters and operations. */
export interface Resources {
  invoices: { path: "invoices"; model: "Invoice"; record: Invoice; body: InvoiceBody; filters: InvoiceFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  estimates: { path: "estimates"; model: "Estimate"; record: Estimate; body: EstimateBody; filters: EstimateFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  creditNotes: { path: "credit_notes"; model: "CreditNote"; record: CreditNote; body: CreditNoteBody; filters: CreditNoteFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  refundReceipts: { path: "refund_receipts"; model: "RefundReceipt"; record: RefundReceipt; body: RefundReceiptBody; filters: RefundReceiptFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  clients: { path: "clients"; model: "Client"; record: Client; body: ClientBody; filters: ClientFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  suppliers: { path: "suppliers"; model: "Supplier"; record: Supplier; body: SupplierBody; filters: SupplierFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  workOrders: { path: "work_orders"; model: "WorkOrder"; record: WorkOrder; body: WorkOrderBody; filters: WorkOrderFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  clientAppointments: { path: "client_appointments"; model: "ClientAppointment"; record: ClientAppointment; body: ClientAppointmentBody; filters: ClientAppointmentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  invoiceAppointments: { path: "invoice_appointments"; model: "InvoiceAppointment"; record: InvoiceAppointment; body: InvoiceAppointmentBody; filters: InvoiceAppointmentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  estimateAppointments: { path: "estimate_appointments"; model: "EstimateAppointment"; record: EstimateAppointment; body: EstimateAppointmentBody; filters: EstimateAppointmentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  workOrderAppointments: { path: "work_order_appointments"; model: "WorkOrderAppointment"; record: WorkOrderAppointment; body: WorkOrderAppointmentBody; filters: WorkOrderAppointmentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  invoicePayments: { path: "invoice_payments"; model: "InvoicePayment"; record: InvoicePayment; body: InvoicePaymentBody; filters: InvoicePaymentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  clientPayments: { path: "client_payments"; model: "ClientPayment"; record: ClientPayment; body: ClientPaymentBody; filters: ClientPaymentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  products: { path: "products"; model: "Product"; record: Product; body: ProductBody; filters: ProductFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  journals: { path: "journals"; model: "Journal"; record: Journal; body: JournalBody; filters: JournalFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  journalAccounts: { path: "journal_accounts"; model: "JournalAccount"; record: JournalAccount; body: JournalAccountBody; filters: JournalAccountFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  journalCats: { path: "journal_cats"; model: "JournalCat"; record: JournalCat; body: JournalCatBody; filters: JournalCatFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  timeTracking: { path: "time_tracking"; model: "TimeTracking"; record: TimeTracking; body: TimeTrackingBody; filters: TimeTrackingFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  expenses: { path: "expenses"; model: "Expense"; record: Expense; body: ExpenseBody; filters: ExpenseFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  incomes: { path: "incomes"; model: "Income"; record: Income; body: IncomeBody; filters: IncomeFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  productCategories: { path: "product_categories"; model: "ProductCategory"; record: ProductCategory; body: ProductCategoryBody; filters: ProductCategoryFilters; operations: "list" | "get" };
  taxes: { path: "taxes"; model: "Tax"; record: Tax; body: TaxBody; filters: TaxFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  stockTransactions: { path: "stock_transactions"; model: "StockTransaction"; record: StockTransaction; body: StockTransactionBody; filters: StockTransactionFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  stores: { path: "stores"; model: "Store"; record: Store; body: StoreBody; filters: StoreFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  staff: { path: "staff"; model: "Staff"; record: Staff; body: StaffBody; filters: StaffFilters; operations: "list" | "get" };
  treasuries: { path: "treasuries"; model: "Treasury"; record: Treasury; body: TreasuryBody; filters: TreasuryFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  treasuryTransfers: { path: "treasury_transfers"; model: "TreasuryTransfer"; record: TreasuryTransfer; body: TreasuryTransferBody; filters: TreasuryTransferFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  purchaseInvoices: { path: "purchase_invoices"; model: "PurchaseOrder"; record: PurchaseOrder; body: PurchaseOrderBody; filters: PurchaseOrderFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  purchaseRefunds: { path: "purchase_refunds"; model: "PurchaseRefund"; record: PurchaseRefund; body: PurchaseRefundBody; filters: PurchaseRefundFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  notes: { path: "notes"; model: "Note"; record: Note; body: NoteBody; filters: NoteFilters; operations: "list" | "get" | "edit" | "delete" };
  followUpActions: { path: "follow_up_actions"; model: "FollowUpAction"; record: FollowUpAction; body: FollowUpActionBody; filters: FollowUpActionFilters; operations: "delete" };
  followUpStatuses: { path: "follow_up_statuses"; model: "FollowUpStatus"; record: FollowUpStatus; body: FollowUpStatusBody; filters: FollowUpStatusFilters; operations: "delete" };
  auditLogs: { path: "audit_logs"; model: "AuditLog"; record: AuditLog; body: AuditLogBody; filters: AuditLogFilters; operations: "list" | "get" };
  currencyRates: { path: "currency_rates"; model: "CurrencyRate"; record: CurrencyRate; body: CurrencyRateBody; filters: CurrencyRateFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  branches: { path: "branches"; model: "Branch"; record: Branch; body: BranchBody; filters: BranchFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  sitePaymentGateways: { path: "site_payment_gateways"; model: "SitePaymentGateway"; record: SitePaymentGateway; body: SitePaymentGatewayBody; filters: SitePaymentGatewayFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  shippingOptions: { path: "shipping_options"; model: "ShippingOption"; record: ShippingOption; body: ShippingOptionBody; filters: ShippingOptionFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  leaveApplications: { path: "leave_applications"; model: "LeaveApplication"; record: LeaveApplication; body: LeaveApplicationBody; filters: LeaveApplicationFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  attendanceLogs: { path: "attendance_logs"; model: "AttendanceLog"; record: AttendanceLog; body: AttendanceLogBody; filters: AttendanceLogFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  departments: { path: "departments"; model: "Department"; record: Department; body: DepartmentBody; filters: DepartmentFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  designations: { path: "designations"; model: "Designation"; record: Designation; body: DesignationBody; filters: DesignationFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  employmentTypes: { path: "employment_types"; model: "EmploymentType"; record: EmploymentType; body: EmploymentTypeBody; filters: EmploymentTypeFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  assetTypes: { path: "asset_types"; model: "AssetType"; record: AssetType; body: AssetTypeBody; filters: AssetTypeFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  assetLocations: { path: "asset_locations"; model: "AssetLocation"; record: AssetLocation; body: AssetLocationBody; filters: AssetLocationFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  storages: { path: "storages"; model: "Storage"; record: Storage; body: StorageBody; filters: StorageFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  employeeAssets: { path: "employee_assets"; model: "EmployeeAsset"; record: EmployeeAsset; body: EmployeeAssetBody; filters: EmployeeAssetFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  brands: { path: "brands"; model: "Brand"; record: Brand; body: BrandBody; filters: BrandFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  unitTemplates: { path: "unit_templates"; model: "UnitTemplate"; record: UnitTemplate; body: UnitTemplateBody; filters: UnitTemplateFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  costCenters: { path: "cost_centers"; model: "CostCenter"; record: CostCenter; body: CostCenterBody; filters: CostCenterFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  creditTypes: { path: "credit_types"; model: "CreditType"; record: CreditType; body: CreditTypeBody; filters: CreditTypeFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  packages: { path: "packages"; model: "Package"; record: Package; body: PackageBody; filters: PackageFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  creditTypePackages: { path: "credit_type_packages"; model: "CreditTypePackage"; record: CreditTypePackage; body: CreditTypePackageBody; filters: CreditTypePackageFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  creditCharges: { path: "credit_charges"; model: "CreditCharge"; record: CreditCharge; body: CreditChargeBody; filters: CreditChargeFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  creditUsages: { path: "credit_usages"; model: "CreditUsage"; record: CreditUsage; body: CreditUsageBody; filters: CreditUsageFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  chargeUsages: { path: "charge_usages"; model: "ChargeUsage"; record: ChargeUsage; body: ChargeUsageBody; filters: ChargeUsageFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  workflowTypes: { path: "workflow_types"; model: "WorkflowType"; record: WorkflowType; body: WorkflowTypeBody; filters: WorkflowTypeFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  workflowRecords: { path: "workflow_records"; model: "WorkflowRecord"; record: WorkflowRecord; body: WorkflowRecordBody; filters: WorkflowRecordFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  purchaseDebitNotes: { path: "purchase_debit_notes"; model: "PurchaseDebitNote"; record: PurchaseDebitNote; body: PurchaseDebitNoteBody; filters: PurchaseDebitNoteFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  requisitions: { path: "requisitions"; model: "Requisition"; record: Requisition; body: RequisitionBody; filters: RequisitionFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  bookings: { path: "bookings"; model: "Booking"; record: Booking; body: BookingBody; filters: BookingFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  productBundles: { path: "product_bundles"; model: "ProductBundle"; record: ProductBundle; body: ProductBundleBody; filters: ProductBundleFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
  advanceApplications: { path: "advance_applications"; model: "AdvanceApplication"; record: AdvanceApplication; body: AdvanceApplicationBody; filters: AdvanceApplicationFilters; operations: "list" | "get" | "create" | "edit" | "delete" };
}

/** The same, at run time. */
export const RESOURCES = {
  invoices: { path: "invoices", model: "Invoice", operations: ["list", "get", "create", "edit", "delete"] },
  estimates: { path: "estimates", model: "Estimate", operations: ["list", "get", "create", "edit", "delete"] },
  creditNotes: { path: "credit_notes", model: "CreditNote", operations: ["list", "get", "create", "edit", "delete"] },
  refundReceipts: { path: "refund_receipts", model: "RefundReceipt", operations: ["list", "get", "create", "edit", "delete"] },
  clients: { path: "clients", model: "Client", operations: ["list", "get", "create", "edit", "delete"] },
  suppliers: { path: "suppliers", model: "Supplier", operations: ["list", "get", "create", "edit", "delete"] },
  workOrders: { path: "work_orders", model: "WorkOrder", operations: ["list", "get", "create", "edit", "delete"] },
  clientAppointments: { path: "client_appointments", model: "ClientAppointment", operations: ["list", "get", "create", "edit", "delete"] },
  invoiceAppointments: { path: "invoice_appointments", model: "InvoiceAppointment", operations: ["list", "get", "create", "edit", "delete"] },
  estimateAppointments: { path: "estimate_appointments", model: "EstimateAppointment", operations: ["list", "get", "create", "edit", "delete"] },
  workOrderAppointments: { path: "work_order_appointments", model: "WorkOrderAppointment", operations: ["list", "get", "create", "edit", "delete"] },
  invoicePayments: { path: "invoice_payments", model: "InvoicePayment", operations: ["list", "get", "create", "edit", "delete"] },
  clientPayments: { path: "client_payments", model: "ClientPayment", operations: ["list", "get", "create", "edit", "delete"] },
  products: { path: "products", model: "Product", operations: ["list", "get", "create", "edit", "delete"] },
  journals: { path: "journals", model: "Journal", operations: ["list", "get", "create", "edit", "delete"] },
  journalAccounts: { path: "journal_accounts", model: "JournalAccount", operations: ["list", "get", "create", "edit", "delete"] },
  journalCats: { path: "journal_cats", model: "JournalCat", operations: ["list", "get", "create", "edit", "delete"] },
  timeTracking: { path: "time_tracking", model: "TimeTracking", operations: ["list", "get", "create", "edit", "delete"] },
  expenses: { path: "expenses", model: "Expense", operations: ["list", "get", "create", "edit", "delete"] },
  incomes: { path: "incomes", model: "Income", operations: ["list", "get", "create", "edit", "delete"] },
  productCategories: { path: "product_categories", model: "ProductCategory", operations: ["list", "get"] },
  taxes: { path: "taxes", model: "Tax", operations: ["list", "get", "create", "edit", "delete"] },
  stockTransactions: { path: "stock_transactions", model: "StockTransaction", operations: ["list", "get", "create", "edit", "delete"] },
  stores: { path: "stores", model: "Store", operations: ["list", "get", "create", "edit", "delete"] },
  staff: { path: "staff", model: "Staff", operations: ["list", "get"] },
  treasuries: { path: "treasuries", model: "Treasury", operations: ["list", "get", "create", "edit", "delete"] },
  treasuryTransfers: { path: "treasury_transfers", model: "TreasuryTransfer", operations: ["list", "get", "create", "edit", "delete"] },
  purchaseInvoices: { path: "purchase_invoices", model: "PurchaseOrder", operations: ["list", "get", "create", "edit", "delete"] },
  purchaseRefunds: { path: "purchase_refunds", model: "PurchaseRefund", operations: ["list", "get", "create", "edit", "delete"] },
  notes: { path: "notes", model: "Note", operations: ["list", "get", "edit", "delete"] },
  followUpActions: { path: "follow_up_actions", model: "FollowUpAction", operations: ["delete"] },
  followUpStatuses: { path: "follow_up_statuses", model: "FollowUpStatus", operations: ["delete"] },
  auditLogs: { path: "audit_logs", model: "AuditLog", operations: ["list", "get"] },
  currencyRates: { path: "currency_rates", model: "CurrencyRate", operations: ["list", "get", "create", "edit", "delete"] },
  branches: { path: "branches", model: "Branch", operations: ["list", "get", "create", "edit", "delete"] },
  sitePaymentGateways: { path: "site_payment_gateways", model: "SitePaymentGateway", operations: ["list", "get", "create", "edit", "delete"] },
  shippingOptions: { path: "shipping_options", model: "ShippingOption", operations: ["list", "get", "create", "edit", "delete"] },
  leaveApplications: { path: "leave_applications", model: "LeaveApplication", operations: ["list", "get", "create", "edit", "delete"] },
  attendanceLogs: { path: "attendance_logs", model: "AttendanceLog", operations: ["list", "get", "create", "edit", "delete"] },
  departments: { path: "departments", model: "Department", operations: ["list", "get", "create", "edit", "delete"] },
  designations: { path: "designations", model: "Designation", operations: ["list", "get", "create", "edit", "delete"] },
  employmentTypes: { path: "employment_types", model: "EmploymentType", operations: ["list", "get", "create", "edit", "delete"] },
  assetTypes: { path: "asset_types", model: "AssetType", operations: ["list", "get", "create", "edit", "delete"] },
  assetLocations: { path: "asset_locations", model: "AssetLocation", operations: ["list", "get", "create", "edit", "delete"] },
  storages: { path: "storages", model: "Storage", operations: ["list", "get", "create", "edit", "delete"] },
  employeeAssets: { path: "employee_assets", model: "EmployeeAsset", operations: ["list", "get", "create", "edit", "delete"] },
  brands: { path: "brands", model: "Brand", operations: ["list", "get", "create", "edit", "delete"] },
  unitTemplates: { path: "unit_templates", model: "UnitTemplate", operations: ["list", "get", "create", "edit", "delete"] },
  costCenters: { path: "cost_centers", model: "CostCenter", operations: ["list", "get", "create", "edit", "delete"] },
  creditTypes: { path: "credit_types", model: "CreditType", operations: ["list", "get", "create", "edit", "delete"] },
  packages: { path: "packages", model: "Package", operations: ["list", "get", "create", "edit", "delete"] },
  creditTypePackages: { path: "credit_type_packages", model: "CreditTypePackage", operations: ["list", "get", "create", "edit", "delete"] },
  creditCharges: { path: "credit_charges", model: "CreditCharge", operations: ["list", "get", "create", "edit", "delete"] },
  creditUsages: { path: "credit_usages", model: "CreditUsage", operations: ["list", "get", "create", "edit", "delete"] },
  chargeUsages: { path: "charge_usages", model: "ChargeUsage", operations: ["list", "get", "create", "edit", "delete"] },
  workflowTypes: { path: "workflow_types", model: "WorkflowType", operations: ["list", "get", "create", "edit", "delete"] },
  workflowRecords: { path: "workflow_records", model: "WorkflowRecord", operations: ["list", "get", "create", "edit", "delete"] },
  purchaseDebitNotes: { path: "purchase_debit_notes", model: "PurchaseDebitNote", operations: ["list", "get", "create", "edit", "delete"] },
  requisitions: { path: "requisitions", model: "Requisition", operations: ["list", "get", "create", "edit", "delete"] },
  bookings: { path: "bookings", model: "Booking", operations: ["list", "get", "create", "edit", "delete"] },
  productBundles: { path: "product_bundles", model: "ProductBundle", operations: ["list", "get", "create", "edit", "delete"] },
  advanceApplications: { path: "advance_applications", model: "AdvanceApplication", operations: ["list", "get", "create", "edit", "delete"] },
} as const;
