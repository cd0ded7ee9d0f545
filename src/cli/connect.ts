/**
 * Where the CLI's resource and report commands send their calls: a running server (DAFTAR_URL and
 * DAFTAR_API_KEY, or --url and --key), or, when no URL is given, the local database through the same
 * app in this process (no port opened), authenticated with a key made for this one command and
 * revoked when it ends. Either way every call goes through the API, so the CLI has no second copy of
 * any rule.
 */
import { Daftar } from '../../packages/client/src/index.js';
import { injectFetch } from '../api/inject-fetch.js';
import { loadConfig } from '../config.js';
import { digest } from '../domain/secrets.js';
import { addApiKey, siteBySubdomain } from '../domain/sites.js';
import { startServer } from '../server.js';

export interface Connection {
  daftar: Daftar;
  /** Where the calls go, for messages. */
  where: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  url?: string;
  key?: string;
  site?: string;
}

export async function connect(options: ConnectOptions): Promise<Connection> {
  const url = options.url ?? process.env['DAFTAR_URL'];
  const key = options.key ?? process.env['DAFTAR_API_KEY'];
  if (url) {
    if (!key) throw new UsageError('DAFTAR_URL is set but no key: set DAFTAR_API_KEY or pass --key');
    return { daftar: new Daftar({ baseUrl: url, apiKey: key }), where: url, close: async () => {} };
  }
  const config = loadConfig();
  const server = await startServer(config, false);
  if (server.createdSite) {
    process.stderr.write(`created the default site; its API key: ${server.createdSite.apiKey}\n`);
  }
  const subdomain = options.site ?? config.siteSubdomain;
  const site = await siteBySubdomain(server.database.db, subdomain);
  if (!site) {
    await server.close();
    throw new UsageError(`no site with subdomain "${subdomain}" in ${server.database.description}`);
  }
  const temporary = await addApiKey(server.database.db, site.id, undefined, 'daftar CLI (temporary)');
  return {
    daftar: new Daftar({ baseUrl: 'http://local', apiKey: temporary, fetch: injectFetch(server.app), retries: 0 }),
    where: `${server.database.description} (site ${subdomain})`,
    async close() {
      await server.database.db
        .updateTable('api_keys')
        .set({ revoked: 1 })
        .where('key_hash', '=', digest(temporary))
        .execute();
      await server.close();
    },
  };
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
