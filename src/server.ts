/**
 * Opening everything a server needs, shared by `npm start` (main.ts), the CLI and the tests: the
 * database, its migrations, the default site, and the app.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, openDatabase, refreshStatistics } from './db/connection.js';
import { migrate } from './db/migrations.js';
import { type CreatedSite, ensureDefaultSite } from './domain/sites.js';
import { declaredTables } from './resources/index.js';
import { DeliveryWorker } from './webhooks/worker.js';
import { configureZatca } from './zatca/settings.js';
import { startSender } from './zatca/outbox.js';

const SQLITE_MIGRATE_ATTEMPTS = 5;

export async function openMigrated(config: Config): Promise<Database> {
  configureZatca(config);
  const database = openDatabase(config.database, {
    poolSize: config.databasePoolSize,
    sqliteSynchronous: config.sqliteSynchronous,
    sqliteWriteBatch: config.sqliteWriteBatch,
  });
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await migrate(database, declaredTables());
        break;
      } catch (error) {
        // Kysely's migration lock is a no-op on SQLite: when two processes start on one file at once,
        // the one that loses the race fails on what the other created (or on its lock). Run it again:
        // each migration is one transaction, and a finished one is skipped.
        if (database.dialect !== 'sqlite' || attempt >= SQLITE_MIGRATE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
      }
    }
    refreshStatistics(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface Server {
  app: FastifyInstance;
  database: Database;
  createdSite: CreatedSite | undefined;
  /** The webhook delivery worker of this process, unless DAFTAR_WEBHOOK_WORKER=0. */
  worker: DeliveryWorker | undefined;
  close(): Promise<void>;
}

export async function startServer(config: Config, logger: boolean | object = false): Promise<Server> {
  const database = await openMigrated(config);
  const createdSite = await ensureDefaultSite(database.db, {
    subdomain: config.siteSubdomain,
    businessName: config.siteBusinessName,
    currency: config.siteCurrency,
    country: config.siteCountry,
    apiKey: config.apiKey,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  const app = await buildApp({ config, database, logger });
  let worker: DeliveryWorker | undefined;
  if (config.webhooks.workerInServer) {
    worker = new DeliveryWorker(database, config.webhooks, (level, message, details) =>
      app.log[level](details ?? {}, message),
    );
    worker.start();
  }
  const stopSender =
    config.zatcaSendIntervalMs > 0
      ? startSender(database, config.zatcaSendIntervalMs, (message) => app.log.warn(message))
      : async () => {};
  return {
    app,
    database,
    createdSite,
    worker,
    async close() {
      await worker?.stop();
      await stopSender();
      await app.close();
      await database.close();
    },
  };
}

/** Logger settings of the server: JSON lines, request ids, and no credential in any line. */
export function loggerOptions(level: string, stream?: { write(line: string): void }): Record<string, unknown> {
  return {
    level,
    redact: {
      paths: [
        'req.headers.apikey',
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
      ],
      censor: '[redacted]',
    },
    ...(stream ? { stream } : {}),
  };
}
