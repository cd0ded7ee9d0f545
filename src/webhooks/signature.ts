/**
 * Stripe's signing scheme: `Daftar-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
 * one `v1=` per secret that signs (two during a rolled secret's grace period). The timestamp is
 * signed too, so a captured delivery cannot be replayed after the tolerance.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Daftar-Signature';
export const EVENT_ID_HEADER = 'Daftar-Event-Id';
/** How old a signed timestamp `verifySignature` accepts by default. */
export const SIGNATURE_TOLERANCE_S = 300;

function hmac(secret: string, timestampS: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestampS}.`, 'utf8').update(body).digest('hex');
}

/** @example signatureHeader('{"id":"evt_1"}', ['whsec_a'], 1733000000) → 't=1733000000,v1=5f…' */
export function signatureHeader(body: string, secrets: readonly string[], timestampS: number): string {
  return [`t=${timestampS}`, ...secrets.map((secret) => `v1=${hmac(secret, timestampS, body)}`)].join(',');
}

export interface VerifyOptions {
  /** Seconds a timestamp may be away from now (default 300). */
  toleranceS?: number;
  /** Now, in unix seconds (default: the clock). */
  nowS?: number;
}

/**
 * What a receiver runs on a delivery: true when the raw body was signed with `secret` at a timestamp
 * within the tolerance. Pass the body exactly as received (before any JSON parsing).
 */
export function verifySignature(
  body: string | Buffer,
  header: string | undefined | null,
  secret: string,
  options: VerifyOptions = {},
): boolean {
  if (!header) return false;
  let timestampS: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === 't' && value && /^\d{1,12}$/.test(value)) timestampS = Number(value);
    else if (name === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestampS === undefined || candidates.length === 0) return false;
  const nowS = options.nowS ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowS - timestampS) > (options.toleranceS ?? SIGNATURE_TOLERANCE_S)) return false;
  const expected = Buffer.from(hmac(secret, timestampS, body), 'hex');
  return candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}
