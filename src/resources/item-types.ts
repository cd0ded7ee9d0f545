/**
 * Daftra's item types, by name and code, for notes, follow-ups and appointments. Path segments accept
 * the name (client, work_order), its plural, a dashed form (work-order) or the numeric code.
 */
export interface ItemType {
  code: number;
  table?: string;
  types?: number[];
  label: string;
}

export const ITEM_TYPES: Record<string, ItemType> = {
  client: { code: 1, table: 'clients', label: 'client' },
  invoice: { code: 2, table: 'invoices', types: [0, 16, 19], label: 'invoice' },
  estimate: { code: 3, table: 'invoices', types: [3], label: 'estimate' },
  purchase_order: { code: 4, table: 'purchase_orders', label: 'purchase order' },
  staff: { code: 5, table: 'staff', label: 'staff member' },
  supplier: { code: 6, table: 'suppliers', label: 'supplier' },
  product: { code: 7, table: 'products', label: 'product' },
  work_order: { code: 8, table: 'work_orders', label: 'work order' },
  appointment: { code: 9, table: 'appointments', label: 'appointment' },
};

/** `clients`, `work-order`, `8` → the item type; unknown → undefined. */
export function itemTypeOf(segment: string): ItemType | undefined {
  const text = segment
    .replace(/\.json$/, '')
    .toLowerCase()
    .replace(/-/g, '_');
  if (/^\d+$/.test(text)) return Object.values(ITEM_TYPES).find((type) => type.code === Number(text));
  // Own keys only: `constructor` or `__proto__` must not find Object.prototype's members.
  const named = (key: string) => (Object.hasOwn(ITEM_TYPES, key) ? ITEM_TYPES[key] : undefined);
  return (
    named(text) ??
    named(text.replace(/s$/, '')) ??
    (text === 'purchase_invoice' ? ITEM_TYPES['purchase_order'] : undefined)
  );
}
