/**
 * Points & credits: prepaid credit a client buys (a charge of a credit type, valid from start_date to
 * expiry_date) and spends (a usage). Balances are never stored: a charge's remaining credit is its
 * amount less the parts of usages allocated to it; a client's balance of a type is the sum of the
 * remaining credit of its charges valid on a day. A usage is allocated to charges first-to-expire
 * first (then oldest), so credit that would lapse is spent before credit that keeps.
 *
 * Example: charges A (10, expires 2026-06-30) and B (5, no expiry); a usage of 12 on 2026-06-01 is
 * allocated A 10, B 2; the balance after is 3 (B), and on 2026-07-01 still 3.
 */
import { type Dec, ZERO, min, sum } from './money.js';

export interface Charge {
  id: number;
  amount: Dec;
  /** YYYY-MM-DD; null: from the beginning. */
  startDate: string | null;
  /** YYYY-MM-DD, last valid day; null: never expires. */
  expiryDate: string | null;
  /** Credit already allocated to usages. */
  used: Dec;
  /** Daftra's charge status; only active charges can be spent. */
  active: boolean;
}

export interface Allocation {
  chargeId: number;
  amount: Dec;
}

export function remainingOf(charge: Charge): Dec {
  return charge.amount - charge.used;
}

export function validOn(charge: Charge, day: string): boolean {
  return (
    charge.active &&
    (charge.startDate === null || charge.startDate <= day) &&
    (charge.expiryDate === null || day <= charge.expiryDate)
  );
}

/** Credit a client can spend on `day`: the remaining credit of the charges valid then. */
export function balanceOn(charges: readonly Charge[], day: string): Dec {
  return sum(charges.filter((charge) => validOn(charge, day)).map(remainingOf));
}

/** First to expire first (no expiry last), then oldest id. */
function spendingOrder(a: Charge, b: Charge): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  return a.id - b.id;
}

/**
 * Splits a usage of `amount` on `day` over the charges valid then; null when the balance is short.
 * The allocations sum to `amount` exactly.
 */
export function allocateUsage(charges: readonly Charge[], amount: Dec, day: string): Allocation[] | null {
  if (amount <= ZERO) return [];
  if (balanceOn(charges, day) < amount) return null;
  const allocations: Allocation[] = [];
  let left = amount;
  for (const charge of charges.filter((c) => validOn(c, day) && remainingOf(c) > ZERO).sort(spendingOrder)) {
    const part = min(left, remainingOf(charge));
    allocations.push({ chargeId: charge.id, amount: part });
    left -= part;
    if (left === ZERO) break;
  }
  return allocations;
}
