/**
 * Requisitions: a request to move goods in or out of a store, or between stores, that moves stock
 * only once accepted. Pure rules here; resources/requisitions.ts applies them to the stock ledger.
 *
 * Example: a transfer (type 3) of 4 × product 7 from store 1 to store 2, accepted, gives
 *   out: [{product 7, store 1, -4}]   in: [{product 7, store 2, +4, at the cost it left store 1}]
 * and a pending (1) or rejected (4) one gives nothing.
 */
import { type Dec, ZERO } from './money.js';

export const REQUISITION_TYPE = { inbound: 1, outbound: 2, transfer: 3 } as const;
export const REQUISITION_STATUS = { underDelivery: 1, accepted: 3, rejected: 4 } as const;

export interface RequisitionLine {
  productId: number;
  quantity: Dec;
  unitPrice: Dec;
}

export interface PlannedMove {
  line: number;
  productId: number;
  storeId: number;
  quantity: Dec;
  unitPrice: Dec;
}

/** Whether the requisition's goods have moved: only an accepted one moves stock. */
export function movesStock(status: number): boolean {
  return status === REQUISITION_STATUS.accepted;
}

/**
 * The movements of a requisition: `first` (out of or into store_id), and for a transfer the receipts
 * into to_store_id, which come in at the value the first movements took out.
 */
export function plannedMoves(
  type: number,
  status: number,
  storeId: number,
  toStoreId: number | null,
  lines: readonly RequisitionLine[],
): { first: PlannedMove[]; receipts: PlannedMove[] } {
  if (!movesStock(status)) return { first: [], receipts: [] };
  const sign = type === REQUISITION_TYPE.inbound ? 1n : -1n;
  const first = lines
    .map((line, index) => ({
      line: index,
      productId: line.productId,
      storeId,
      quantity: sign * line.quantity,
      unitPrice: line.unitPrice,
    }))
    .filter((move) => move.quantity !== ZERO);
  const receipts =
    type === REQUISITION_TYPE.transfer && toStoreId
      ? lines
          .map((line, index) => ({
            line: index,
            productId: line.productId,
            storeId: toStoreId,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
          }))
          .filter((move) => move.quantity !== ZERO)
      : [];
  return { first, receipts };
}
