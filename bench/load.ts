/**
 * The load generator, run as its own process pinned to the other core than the server:
 *   taskset -c 1 node dist/bench/load.js '<json Workload>'
 * Drives one workload with autocannon over loopback and prints one JSON line with the result.
 * Requests that vary (ids, bodies) are built here by `setupRequest`, from a seeded PRNG.
 */
import autocannon from 'autocannon';
import { prng } from './generate.js';

export type Kind =
  | 'fixed'
  | 'get_invoice'
  | 'get_invoice_pdf'
  | 'create_invoice'
  | 'create_invoice_sites'
  | 'create_payment'
  | 'list_filtered'
  | 'json_server_get'
  | 'json_server_post'
  | 'prism_get';

export interface Workload {
  url: string;
  kind: Kind;
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of the same load before measuring (JIT, caches), not counted. */
  warmup: number;
  headers?: Record<string, string>;
  /** `fixed`: the path; `list_filtered`: the path before `&client_id=`. */
  path?: string;
  /** Ids drawn from 1..maxId (invoices, clients). */
  maxId?: number;
  clients?: number;
  products?: number;
  seed?: number;
  /** `create_invoice_sites`: the sites to spread creates over, each with its key and its own ids. */
  sites?: BenchSite[];
}

/** A site of the parallel-sites workload: its API key and the ids of its clients, products and tax. */
export interface BenchSite {
  key: string;
  clients: number[];
  products: number[];
  tax: number;
}

export interface LoadResult {
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  seconds: number;
}

import { invoiceBody } from './bodies.js';

export { invoiceBody };

function requestFor(w: Workload): autocannon.Request {
  const random = prng(w.seed ?? 42);
  const id = () => 1 + Math.floor(random() * (w.maxId ?? 1));
  const json = { 'content-type': 'application/json' };
  switch (w.kind) {
    case 'fixed':
      return { method: 'GET', path: w.path! };
    case 'get_invoice':
      return { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api2/invoices/${id()}.json` }) };
    case 'get_invoice_pdf':
      return { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api2/invoices/${id()}.pdf` }) };
    case 'prism_get':
      return { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api2/invoices/${id()}.json` }) };
    case 'json_server_get':
      return { method: 'GET', setupRequest: (r) => ({ ...r, path: `/invoices/${id()}` }) };
    case 'list_filtered':
      return { method: 'GET', setupRequest: (r) => ({ ...r, path: `${w.path!}&client_id=${id()}` }) };
    case 'create_invoice':
      return {
        method: 'POST',
        path: '/api2/invoices.json',
        headers: json,
        setupRequest: (r) => ({ ...r, body: JSON.stringify(invoiceBody(random, w.clients!, w.products!)) }),
      };
    case 'create_invoice_sites': {
      // Each request goes to one of the sites in turn, with that site's key and ids.
      let next = 0;
      return {
        method: 'POST',
        path: '/api2/invoices.json',
        setupRequest: (r) => {
          const site = w.sites![next++ % w.sites!.length]!;
          const body = invoiceBody(random, site.clients.length, site.products.length) as {
            Invoice: { client_id: number };
            InvoiceItem: Array<{ product_id: number; tax1: number }>;
          };
          body.Invoice.client_id = site.clients[body.Invoice.client_id - 1]!;
          for (const line of body.InvoiceItem) {
            line.product_id = site.products[line.product_id - 1]!;
            line.tax1 = site.tax;
          }
          return { ...r, headers: { ...r.headers, ...json, apikey: site.key }, body: JSON.stringify(body) };
        },
      };
    }
    case 'json_server_post':
      return {
        method: 'POST',
        path: '/invoices',
        headers: json,
        setupRequest: (r) => ({ ...r, body: JSON.stringify(invoiceBody(random, w.clients!, w.products!)) }),
      };
    case 'create_payment':
      return {
        method: 'POST',
        path: '/api2/invoice_payments.json',
        headers: json,
        setupRequest: (r) => ({
          ...r,
          body: JSON.stringify({ InvoicePayment: { invoice_id: id(), payment_method: 'cash', amount: '1.25' } }),
        }),
      };
  }
}

function run(w: Workload, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: w.url,
        connections: w.connections,
        pipelining: 1,
        duration: seconds,
        headers: w.headers ?? {},
        requests: [requestFor(w)],
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export async function drive(w: Workload): Promise<LoadResult> {
  if (w.warmup > 0) await run({ ...w, seed: (w.seed ?? 42) + 1 }, w.warmup);
  // Tells the parent the measured part starts (it samples the server's CPU time from here).
  process.stdout.write('MEASURE\n');
  const result = await run(w, w.duration);
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    requests: ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: result.latency.average,
    seconds: result.duration,
  };
}

if (process.argv[2]) {
  const workload = JSON.parse(process.argv[2]) as Workload;
  drive(workload).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`load: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
