/**
 * The EGS private key and the CSID secret at rest: AES-256-GCM with a 32-byte key from
 * DAFTAR_SECRET_KEY (64 hex digits or base64). Without it, a random key is made once in the data
 * directory (`secret.key`, mode 0600) and used from then on: safe (never a built-in default key) but
 * tied to that directory, so production sets DAFTAR_SECRET_KEY and keeps it apart from database backups.
 *
 * Stored form: `v1:<key id>:<base64 iv|tag|ciphertext>`; the key id (first 8 hex of SHA-256 of the key)
 * makes a wrong key an error that says so instead of a failed tag.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DaftarError } from '../domain/errors.js';
import { errorCode } from '../guards.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_FILE = 'secret.key';

export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== KEY_BYTES)
    throw new Error('DAFTAR_SECRET_KEY must be 32 bytes: 64 hex digits or 44 base64 characters (openssl rand -hex 32)');
  return bytes;
}

/** The configured key, or the data directory's key file (made on first use). */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseSecretKey(configured);
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it at the same moment: use theirs.
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  return parseSecretKey(fs.readFileSync(file, 'utf8'));
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function seal(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${keyId(key)}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function unseal(stored: string, key: Buffer): string {
  const [version, id, payload] = stored.split(':');
  if (version !== 'v1' || !id || !payload) throw new Error('not a sealed secret');
  if (id !== keyId(key)) {
    throw new DaftarError(
      'DAFTAR_ERR_UNAVAILABLE',
      `The e-invoicing key was sealed with another DAFTAR_SECRET_KEY (key id ${id}); start the server with that key`,
    );
  }
  const bytes = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
