/**
 * PDFs rendered on a worker thread (pdf-worker.ts), so a document being compiled never holds up the
 * requests around it. One worker per process: on a small machine that is one core for rendering and
 * one for everything else; more throughput means more processes (docs/operations.md). Requests queue
 * in the worker's message port, at most QUEUED_MAX; beyond that a render is refused with a 503 and
 * Retry-After, as for any overload. A worker that dies fails what it had and is replaced on the next
 * render.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentView } from '../domain/documents.js';
import { DaftarError } from '../domain/errors.js';
import type { DocumentAssets } from './pdf.js';
import type { RenderReply, RenderRequest } from './pdf-worker.js';

/** Renders waiting or running at once; more are refused (503) rather than left to pile up. */
export const QUEUED_MAX = 64;

interface Pending {
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}

function workerOf(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./pdf-worker.js', import.meta.url));
  // The worker never keeps the process alive by itself: the server (or a waiting render) does.
  started.unref();
  started.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
  });
  const gone = (error: Error) => {
    if (worker === started) worker = undefined;
    failAll(error);
  };
  started.on('error', gone);
  started.on('exit', (code) => gone(new Error(`the PDF worker stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/** Renders a document view as PDF bytes on the worker thread. */
export function renderPdfOffThread(
  view: DocumentView,
  assets: DocumentAssets,
  layout: string,
  templatesDir: string | undefined,
): Promise<Buffer> {
  if (pending.size >= QUEUED_MAX) {
    return Promise.reject(
      new DaftarError('DAFTAR_ERR_UNAVAILABLE', 'Too many documents are being rendered; retry shortly', undefined, {
        'retry-after': '1',
      }),
    );
  }
  const id = nextId++;
  const request: RenderRequest = {
    id,
    view,
    logo: assets.logo ? new Uint8Array(assets.logo) : null,
    einvoiceXml: assets.einvoiceXml ?? null,
    layout,
    templatesDir,
  };
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    workerOf().postMessage(request);
  });
}

/** Stops the worker (tests and shutdown); the next render starts a new one. */
export async function stopPdfWorker(): Promise<void> {
  const running = worker;
  worker = undefined;
  if (running) await running.terminate();
}
