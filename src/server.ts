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

export async function openMigrated(config: Config): Promise<Database> {
  const database = openDatabase(config.database, { poolSize: config.databasePoolSize });
  try {
    await migrate(database, declaredTables());
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
  close(): Promise<void>;
}

export async function startServer(config: Config, logger: boolean | object = false): Promise<Server> {
  const database = await openMigrated(config);
  const createdSite = await ensureDefaultSite(database.db, {
    subdomain: config.siteSubdomain, businessName: config.siteBusinessName, currency: config.siteCurrency,
    country: config.siteCountry, apiKey: config.apiKey, adminEmail: config.adminEmail, adminPassword: config.adminPassword,
  });
  const app = await buildApp({ config, database, logger });
  return {
    app,
    database,
    createdSite,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
