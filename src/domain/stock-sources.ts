/** The stock ledger's codes (Daftra's), apart from the ledger so the document-kind table can name them without it. */
export const STOCK_DIRECTION = { in: 1, out: 2 } as const;
/** Daftra's stock-transaction `source_type` values. */
export const STOCK_SOURCE = {
  manual: 1,
  invoice: 2,
  purchase: 3,
  creditNote: 4,
  transfer: 5,
  refundReceipt: 6,
  purchaseRefund: 7,
  productInitial: 8,
  // An accepted requisition: its goods in or out of store_id, and a transfer's receipt in to_store_id.
  requisition: 20,
  requisitionReceipt: 21,
} as const;
