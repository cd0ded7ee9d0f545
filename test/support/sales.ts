/**
 * Sales documents for tests: an invoice of a new client, and an invoice read back as GET shows it.
 */
import assert from 'node:assert/strict';
import type { TestServer } from './harness.js';

/** An invoice of a new client, with one 100 line unless `items` says otherwise. */
export async function makeInvoice(
  s: TestServer,
  extra: Record<string, unknown> = {},
  items?: unknown[],
): Promise<string> {
  const client = await s.create('clients', { Client: { business_name: `Client ${Math.random()}` } });
  return s.create('invoices', {
    Invoice: { client_id: client, ...extra },
    InvoiceItem: items ?? [{ item: 'Service', unit_price: '100', quantity: 1 }],
  });
}

/** The invoice as GET /api2/invoices/{id} renders it (its model object). */
export async function invoiceOf(s: TestServer, id: string): Promise<Record<string, any>> {
  const reply = await s.get(`/api2/invoices/${id}.json`);
  assert.equal(reply.status, 200, reply.text);
  return reply.body.data.Invoice;
}
