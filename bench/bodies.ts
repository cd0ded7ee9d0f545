/** Request bodies shared by the load generator (load.ts) and the focused measurement (trips.ts). */

/** The create body the benchmark sends: 5 lines of distinct products, quantity 1–5, 15% VAT (tax 1). */
export function invoiceBody(random: () => number, clients: number, products: number): Record<string, unknown> {
  const ids = new Set<number>();
  while (ids.size < 5) ids.add(1 + Math.floor(random() * products));
  return {
    Invoice: { client_id: 1 + Math.floor(random() * clients), notes: 'bench' },
    InvoiceItem: [...ids].map((product_id) => ({ product_id, quantity: 1 + Math.floor(random() * 5), tax1: 1 })),
  };
}
