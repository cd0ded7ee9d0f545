/**
 * Where a webhook may be sent (SSRF): an http(s) URL whose host resolves only to public addresses,
 * unless the operator allows private ones (DAFTAR_WEBHOOK_ALLOW_PRIVATE=1). Checked when an endpoint
 * is registered and again before every delivery (DNS can change in between); the delivery then
 * connects to the address that was checked, never to a second lookup's answer.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { errorCode } from '../guards.js';

export const URL_LENGTH_MAX = 2_048;
const LOOKUP_TIMEOUT_MS = 3_000;

/** Loopback, private, link-local, shared, reserved, multicast and documentation ranges. */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, if it is one. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family !== 6) return true;
  const inner = embeddedIpv4(address);
  if (inner) return BLOCKED.check(inner, 'ipv4');
  return BLOCKED.check(address, 'ipv6');
}

/** A URL an endpoint may have, or the reason it may not (syntax only; no DNS). */
export function urlProblem(raw: string): string | null {
  if (raw.length > URL_LENGTH_MAX) return `must be at most ${URL_LENGTH_MAX} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (!url.hostname) return 'must name a host';
  return null;
}

export interface ResolvedTarget {
  url: URL;
  /** The checked address the delivery connects to. */
  address: string;
  family: 4 | 6;
}

export class AddressRefused extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AddressRefused(`its host did not resolve within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves the URL's host and checks every address it has (one private answer refuses the URL: a
 * host that resolves to both could be steered to the private one). Throws AddressRefused with why.
 */
export async function resolveTarget(raw: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const problem = urlProblem(raw);
  if (problem) throw new AddressRefused(problem);
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let answers: Array<{ address: string; family: number }>;
  if (isIP(host)) answers = [{ address: host, family: isIP(host) }];
  else {
    try {
      answers = await withTimeout(lookup(host, { all: true, verbatim: true }), LOOKUP_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof AddressRefused) throw error;
      throw new AddressRefused(`its host ${host} does not resolve (${errorCode(error) ?? 'lookup failed'})`);
    }
  }
  if (answers.length === 0) throw new AddressRefused(`its host ${host} has no address`);
  if (!allowPrivate) {
    const blocked = answers.find((answer) => isPrivateAddress(answer.address));
    if (blocked)
      throw new AddressRefused(
        `resolves to ${blocked.address}, a loopback, private or link-local address (allowed only with DAFTAR_WEBHOOK_ALLOW_PRIVATE=1)`,
      );
  }
  const first = answers[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
