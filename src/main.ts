/**
 * `npm start`: read the configuration, open and migrate the database, make the default site on first
 * start, listen, and shut down gracefully on SIGTERM/SIGINT (in-flight requests finish).
 */
import { loadConfig } from './config.js';
import { loggerOptions, startServer } from './server.js';

async function main(): Promise<void> {
  const startedMs = Date.now();
  const config = loadConfig();
  const server = await startServer(config, loggerOptions(config.logLevel));
  await server.app.listen({ port: config.port, host: config.host });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://localhost:${port}`;
  const lines = [
    `Daftar is serving on ${base} (${server.database.description.replace(/^postgres(ql)?:\/\/[^@]*@/, 'postgres://')}) in ${Date.now() - startedMs} ms`,
  ];
  if (server.createdSite) {
    const site = server.createdSite;
    lines.push(
      'First start: created the default site.',
      `  API key:        ${site.apiKey}${config.apiKey ? ' (from DAFTAR_API_KEY)' : ''}`,
      `  Owner login:    ${site.ownerEmail}`,
      `  Owner password: ${site.generatedPassword ?? '(from DAFTAR_ADMIN_PASSWORD)'}`,
      'Keep them: the key and password are stored hashed and will not be shown again.',
      `Try:  curl -H 'apikey: ${site.apiKey}' ${base}/api2/site_info.json`,
    );
  }
  lines.push(`Docs: ${base}/docs   OpenAPI: ${base}/api2/openapi.json`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (config.demoMonths > 0) {
    process.stdout.write(`DAFTAR_DEMO=1: filling the demo site with ${config.demoMonths} months of business…\n`);
    const { demoOnFirstStart } = await import('./cli/demo-site.js');
    process.stdout.write(
      `${(await demoOnFirstStart(server.database.db, `http://127.0.0.1:${port}`, config.demoMonths)).join('\n')}\n`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await server.close();
      process.exit(0);
    } catch (error) {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`daftar: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
