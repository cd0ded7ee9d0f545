/**
 * A package loaded on its first use instead of when the importing module loads: what a server on
 * SQLite never needs (node-postgres) or needs only for some requests (QR images, the e-invoice XML
 * tools) stays out of the start-up time.
 *
 * @example const qrcode = lazyModule<typeof import('qrcode')>('qrcode'); … qrcode().create(text)
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyModule<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      const module: T = require(specifier);
      loaded = module;
    }
    return loaded;
  };
}
