/**
 * `ExpenseTax`: a list of an expense's (or income's) taxes, the shape a real bank-sync proxy sends
 * (`ExpenseTax: [{tax_id, amount?}]`, docs/compatibility.md). Daftra's documented shape is the two tax
 * slots (`tax1_id`/`tax1_amount`, `tax2_id`/`tax2_amount`); the list is read into those slots, in
 * order, and answered beside them as the list of the slots that hold a tax, so one rule computes the
 * taxes whichever shape came in.
 */
import { type FieldErrors, validationError } from '../domain/errors.js';
import { type Dec, checkRange, formatDec, parseDec } from '../domain/money.js';
import type { Rec } from '../engine/resource.js';

/** Two tax slots, as on every Daftra expense. */
export const EXPENSE_TAX_SLOTS_MAX = 2;

function isEntry(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function positiveId(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}

function amountOf(value: unknown, field: string, errors: FieldErrors): Dec | null {
  if (value === undefined || value === null || value === '') return null;
  const parsed = typeof value === 'string' || typeof value === 'number' ? parseDec(value) : null;
  if (parsed === null) {
    errors[field] = 'must be a number';
    return null;
  }
  return checkRange(parsed, field);
}

/**
 * Reads a sent `ExpenseTax` list into the record's tax slots: item N's `tax_id` (or `id`) into
 * `taxN_id`, its `amount` (or `tax_amount`), when sent, into `taxN_amount`; slots the list leaves out
 * are emptied. Throws a 400 naming `ExpenseTax` or `ExpenseTax.N.field`.
 * @example applyExpenseTaxList(record, [{ tax_id: 4 }]) → record.tax1_id = 4, record.tax2_id = null
 */
export function applyExpenseTaxList(record: Rec, list: unknown): void {
  if (!Array.isArray(list)) throw validationError({ ExpenseTax: 'must be a list of {tax_id, amount}' });
  if (list.length > EXPENSE_TAX_SLOTS_MAX)
    throw validationError({ ExpenseTax: `must hold at most ${EXPENSE_TAX_SLOTS_MAX} taxes (tax1 and tax2)` });
  const errors: FieldErrors = {};
  for (let slot = 1; slot <= EXPENSE_TAX_SLOTS_MAX; slot += 1) {
    const item: unknown = list[slot - 1];
    record[`tax${slot}_id`] = null;
    record[`tax${slot}_amount`] = null;
    if (item === undefined) continue;
    const prefix = `ExpenseTax.${slot - 1}`;
    if (!isEntry(item)) {
      errors[prefix] = 'must be an object {tax_id, amount}';
      continue;
    }
    const entry = item;
    const taxId = positiveId(entry['tax_id'] ?? entry['id']);
    if (taxId === null) errors[`${prefix}.tax_id`] = 'is required: the id of a tax';
    record[`tax${slot}_id`] = taxId;
    record[`tax${slot}_amount`] = amountOf(entry['amount'] ?? entry['tax_amount'], `${prefix}.amount`, errors);
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

const decText = (value: unknown): string | null => (typeof value === 'bigint' ? formatDec(value) : null);

/** The list answered as `ExpenseTax` (stored as JSON, so amounts as decimal text): one entry per slot that holds a tax. */
export function expenseTaxListOf(record: Rec): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (let slot = 1; slot <= EXPENSE_TAX_SLOTS_MAX; slot += 1) {
    const taxId = record[`tax${slot}_id`];
    if (typeof taxId !== 'number' || taxId <= 0) continue;
    list.push({
      tax_id: taxId,
      name: record[`tax${slot}_name`] ?? null,
      value: decText(record[`tax${slot}_value`]),
      included: record[`tax${slot}_included`] ?? null,
      amount: decText(record[`tax${slot}_amount`]),
    });
  }
  return list;
}
