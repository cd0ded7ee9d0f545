/**
 * The worker thread that renders PDFs for the server (pdf-pool.ts): Typst's compile is synchronous and
 * takes tens of milliseconds, so it runs here, off the thread that answers requests. One message in,
 * one out: `{id, view, logo, einvoiceXml, layout, templatesDir}` → `{id, pdf}` or `{id, error}`.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentView } from '../domain/documents.js';
import { renderPdf } from './pdf.js';

export interface RenderRequest {
  id: number;
  view: DocumentView;
  logo: Uint8Array | null;
  einvoiceXml: string | null;
  layout: string;
  templatesDir: string | undefined;
}
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

function render(request: RenderRequest): void {
  let reply: RenderReply;
  try {
    const pdf = renderPdf(
      request.view,
      { logo: request.logo ? Buffer.from(request.logo) : null, einvoiceXml: request.einvoiceXml },
      request.layout,
      request.templatesDir,
    );
    reply = { id: request.id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
}

/**
 * One render per turn of the event loop. Typst's compiled documents hold native memory that is given
 * back only when Node runs the finalizers of their JavaScript wrappers, which it does between turns of
 * the loop; a port drained of many queued messages in one turn (any load of two requests or more)
 * rendered them back to back, and a server serving PDFs to 10 clients grew to 1.5 GB in 40 s. Taking
 * one message per turn (setImmediate) keeps it flat near 270 MB, and renders no slower
 * (docs/performance.md).
 */
const queue: RenderRequest[] = [];
let draining = false;
function drain(): void {
  const next = queue.shift();
  if (!next) {
    draining = false;
    return;
  }
  render(next);
  setImmediate(drain);
}

parentPort?.on('message', (request: RenderRequest) => {
  queue.push(request);
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});
