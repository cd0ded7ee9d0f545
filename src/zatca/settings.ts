/**
 * The process-wide settings of the ZATCA module, set once from the configuration when the database is
 * opened (server.ts): hooks run with a request Context, which carries no configuration.
 */
import type { Config } from '../config.js';
import { loadSecretKey } from './vault.js';

let configured: Pick<Config, 'secretKey' | 'dataDir' | 'zatcaBaseUrl'> | undefined;
let key: Buffer | undefined;

export function configureZatca(config: Pick<Config, 'secretKey' | 'dataDir' | 'zatcaBaseUrl'>): void {
  configured = config;
  key = undefined;
}

/** The key sealing private keys and CSID secrets (loaded, or made in the data directory, on first use). */
export function secretKey(): Buffer {
  if (!configured) throw new Error('configureZatca was not called');
  key ??= loadSecretKey(configured.secretKey, configured.dataDir);
  return key;
}

export function baseUrlOverride(): string | undefined {
  return configured?.zatcaBaseUrl;
}
