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

parentPort?.on('message', (request: RenderRequest) => {
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
});
