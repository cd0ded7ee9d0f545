/**
 * A webhook receiver on loopback for the tests: records every delivery (raw body and headers) and
 * answers as told (2xx, a failure status, or slowly).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
  event: { id: string; type: string; created: number; site_id: string; data: Record<string, any> };
  status: number;
  atMs: number;
}

export class Receiver {
  readonly received: Received[] = [];
  /** The status to answer next; a function may decide per request. */
  answer: (request: { body: string; count: number }) => number = () => 200;
  /** Milliseconds to wait before answering. */
  delayMs = 0;
  private server: http.Server;
  private waiters: Array<() => void> = [];

  private constructor(server: http.Server) {
    this.server = server;
  }

  static async start(): Promise<Receiver> {
    const server = http.createServer();
    const receiver = new Receiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = receiver.answer({ body, count: receiver.received.length });
        const reply = () => {
          let event: Received['event'];
          try {
            event = JSON.parse(body);
          } catch {
            event = { id: '', type: '', created: 0, site_id: '', data: {} };
          }
          receiver.received.push({ body, headers: request.headers, event, status, atMs: Date.now() });
          response
            .writeHead(status, { 'content-type': 'text/plain' })
            .end(status < 300 ? 'ok' : `failing with ${status}`);
          for (const wake of receiver.waiters.splice(0)) wake();
        };
        if (receiver.delayMs > 0) setTimeout(reply, receiver.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Deliveries answered 2xx. */
  get accepted(): Received[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300);
  }

  /** Waits until `done()` holds, failing after `timeoutMs` with what arrived so far. */
  async until(done: () => boolean, timeoutMs = 10_000, what = 'deliveries'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${what}; got ${this.received.length}: ${this.received.map((r) => `${r.event.type}/${r.status}`).join(', ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
