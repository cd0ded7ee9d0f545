/**
 * One delivery attempt: POST the event's body to the endpoint, connected to the address that was
 * checked (address.ts) so a second DNS answer cannot steer it elsewhere; TLS still verifies the
 * certificate against the URL's host name. Success is any 2xx within the timeout; redirects are not
 * followed (a 3xx is a failure: the endpoint should give its final URL).
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AddressRefused, type ResolvedTarget, resolveTarget } from './address.js';
import { EVENT_ID_HEADER, SIGNATURE_HEADER } from './signature.js';

/** How much of an answer's body is kept for the owner to see. */
export const RESPONSE_KEPT_BYTES = 1_024;

export interface Attempt {
  ok: boolean;
  status: number | null;
  response: string | null;
  error: string | null;
}

function pinned(target: ResolvedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else callback(null, target.address, target.family);
  };
}

function post(
  target: ResolvedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Attempt> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned(target),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_KEPT_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_KEPT_BYTES).toString('utf8');
          const ok = status >= 200 && status < 300;
          finish({ ok, status, response: text, error: ok ? null : `answered HTTP ${status}` });
        });
        response.on('error', (error) =>
          finish({
            ok: false,
            status: response.statusCode ?? null,
            response: null,
            error: `answer broke off: ${error.message}`,
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, status: null, response: null, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, status: null, response: null, error: `could not connect: ${error.code ?? error.message}` }),
    );
    request.end(body);
  });
}

export interface DeliveryRequest {
  url: string;
  body: string;
  eventId: string;
  signature: string;
}

export async function attemptDelivery(
  delivery: DeliveryRequest,
  allowPrivate: boolean,
  timeoutMs: number,
): Promise<Attempt> {
  let target: ResolvedTarget;
  try {
    target = await resolveTarget(delivery.url, allowPrivate);
  } catch (error) {
    if (error instanceof AddressRefused)
      return { ok: false, status: null, response: null, error: `refused: the URL ${error.message}` };
    throw error;
  }
  return post(
    target,
    delivery.body,
    {
      'content-type': 'application/json',
      'user-agent': 'Daftar-Webhooks/1',
      [SIGNATURE_HEADER.toLowerCase()]: delivery.signature,
      [EVENT_ID_HEADER.toLowerCase()]: delivery.eventId,
    },
    timeoutMs,
  );
}
