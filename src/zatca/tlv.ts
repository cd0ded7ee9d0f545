/**
 * ZATCA's QR payload: tag-length-value, one byte tag, one byte length (values of at most 255 bytes),
 * base64. Phase 1 has tags 1–5; phase 2 adds the invoice hash, the signature, the public key and, on
 * simplified documents, the certificate's signature (tags 6–9).
 */

/** Longest value a one-byte length can carry. */
export const TLV_VALUE_BYTES_MAX = 255;

export function encodeTlv(fields: Array<[number, string | Uint8Array]>): Buffer {
  const parts: Buffer[] = [];
  for (const [tag, value] of fields) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    if (bytes.length > TLV_VALUE_BYTES_MAX) throw new Error(`QR tag ${tag} is ${bytes.length} bytes; at most ${TLV_VALUE_BYTES_MAX}`);
    parts.push(Buffer.from([tag, bytes.length]), bytes);
  }
  return Buffer.concat(parts);
}

export function decodeTlv(payload: Buffer): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  for (let offset = 0; offset < payload.length;) {
    const tag = payload[offset]!;
    const length = payload[offset + 1]!;
    fields.set(tag, payload.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return fields;
}
