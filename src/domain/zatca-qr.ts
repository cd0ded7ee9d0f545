/**
 * The QR code of a Saudi simplified tax invoice (ZATCA e-invoicing, phase 1 "generation"): the base64
 * of a TLV byte string, each field one byte of tag, one byte of length and the UTF-8 bytes of the value.
 *
 *   tag 1 seller's name · 2 seller's VAT number · 3 time stamp (ISO 8601) · 4 total with VAT · 5 VAT total
 *
 * Phase 2 adds tags 6-9 (the XML's hash, the signature, the public key, the certificate's signature):
 * its builder reuses `encodeTlv`. Lengths are one byte, so a value is at most 255 bytes.
 */
import { type Dec, formatFixed } from './money.js';

/** The longest value one TLV field can carry (its length is one byte). */
export const TLV_VALUE_BYTES_MAX = 255;

/**
 * Concatenates `[tag, value]` fields as one-byte tag, one-byte length, value bytes (text as UTF-8).
 *
 * @example encodeTlv([[1, 'AB']]) → <01 02 41 42>
 */
export function encodeTlv(fields: Array<[number, string | Uint8Array]>): Buffer {
  const parts: Buffer[] = [];
  for (const [tag, value] of fields) {
    if (!Number.isInteger(tag) || tag < 1 || tag > 255) throw new RangeError(`TLV tag ${tag} is not 1-255`);
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    if (bytes.length > TLV_VALUE_BYTES_MAX)
      throw new RangeError(`TLV tag ${tag}: value of ${bytes.length} bytes is over ${TLV_VALUE_BYTES_MAX}`);
    parts.push(Buffer.from([tag, bytes.length]), bytes);
  }
  return Buffer.concat(parts);
}

/** The fields of a TLV byte string, in order (values as bytes). Throws on a truncated string. */
export function decodeTlv(bytes: Uint8Array): Array<[number, Buffer]> {
  const fields: Array<[number, Buffer]> = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 2 > bytes.length) throw new RangeError(`TLV truncated at byte ${at}`);
    const tag = bytes[at]!;
    const length = bytes[at + 1]!;
    if (at + 2 + length > bytes.length) throw new RangeError(`TLV field ${tag} truncated`);
    fields.push([tag, Buffer.from(bytes.subarray(at + 2, at + 2 + length))]);
    at += 2 + length;
  }
  return fields;
}

export interface Phase1QrInput {
  sellerName: string;
  vatNumber: string;
  /** ISO 8601, e.g. `2026-12-01T14:30:00Z` or with an offset (`2026-12-01T17:30:00+03:00`). */
  timestamp: string;
  /** The invoice total with VAT, exact. */
  total: Dec;
  /** The VAT total, exact. */
  vat: Dec;
  /** Decimal places of the currency (SAR: 2). */
  places: number;
}

/** The phase-1 TLV fields, amounts written with the currency's places (`1150.00`) from exact decimals. */
export function phase1Fields(input: Phase1QrInput): Array<[number, string]> {
  return [
    [1, input.sellerName],
    [2, input.vatNumber],
    [3, input.timestamp],
    [4, formatFixed(input.total, input.places)],
    [5, formatFixed(input.vat, input.places)],
  ];
}

/**
 * The text a phase-1 QR code carries: base64 of the TLV.
 *
 * @example phase1QrText({ sellerName: 'Bobs Records', vatNumber: '310122393500003',
 *   timestamp: '2022-04-25T15:30:00Z', total: 1000_000000n, vat: 150_000000n, places: 2 })
 *   → 'AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA=='
 */
export function phase1QrText(input: Phase1QrInput): string {
  return encodeTlv(phase1Fields(input)).toString('base64');
}

/** The phase-1 fields of a QR text, by tag, as UTF-8 text (tests and the /qr/ endpoint read it back). */
export function readQrText(text: string): Map<number, string> {
  return new Map(decodeTlv(Buffer.from(text, 'base64')).map(([tag, value]) => [tag, value.toString('utf8')]));
}
