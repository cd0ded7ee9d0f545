/**
 * Every environment variable the server reads, parsed and checked in one place. Nothing else in the
 * codebase reads process.env.
 */
import path from 'node:path';
import { type WebhookConfig, webhookConfig } from './webhooks/config.js';
import {
  type DatabaseTarget,
  SQLITE_SYNCHRONOUS_LEVELS,
  SQLITE_WRITE_BATCH_DEFAULT,
  type SqliteSynchronous,
  parseDatabaseUrl,
} from './db/connection.js';
import { type Env, integer } from './env.js';
import { oneOf } from './guards.js';

export interface Config {
  /** DAFTAR_DEMO=1: months of demo data for a "demo" site made on first start (0: none). */
  demoMonths: number;
  port: number;
  host: string;
  database: DatabaseTarget;
  /** PostgreSQL connections per process. */
  databasePoolSize: number;
  dataDir: string;
  /** Given to the default site on first start (and ensured on every start) when set. */
  apiKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Default site created on first start. */
  siteSubdomain: string;
  siteCurrency: string;
  siteCountry: string;
  siteBusinessName: string;
  logLevel: string;
  /** Largest request body, bytes. */
  bodyLimitBytes: number;
  /** Seconds an access token lives. */
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a sign-in: refresh tokens rotated from it stop working this long after the password was given. */
  refreshFamilyTtlSeconds: number;
  /** Requests per minute per credential and address; 0 turns the global limit off. */
  rateLimitPerMinute: number;
  /** Token-endpoint attempts per minute per account and per address. */
  tokenRateLimitPerMinute: number;
  /** Allowed browser origins for CORS: empty = CORS off, `*` = any. */
  corsOrigins: string[];
  /** Milliseconds a request may take before the server answers 503 and gives up on it. */
  requestTimeoutMs: number;
  /** Fastify's trustProxy: false, true (any proxy) or the proxies' addresses/CIDRs (X-Forwarded-For is believed from them). */
  trustProxy: boolean | string[];
  /** SQLite's synchronous level: FULL survives power loss, NORMAL only process crashes (docs/operations.md). */
  sqliteSynchronous: SqliteSynchronous;
  /** The most writes that share one SQLite commit (group commit); 1 commits each alone. */
  sqliteWriteBatch: number;
  /** Webhook delivery: SSRF policy, worker, retry schedule (webhooks/config.ts, docs/webhooks.md). */
  webhooks: WebhookConfig;
  /** Base of the links printed on and returned with documents (`https://books.example.com`); the request's host when unset. */
  publicUrl: string | undefined;
  /** A folder of document layouts of one's own (<layout>/document.typ, document.html), looked up before the built-in ones. */
  templatesDir: string | undefined;
  /** DAFTAR_SECRET_KEY: seals ZATCA private keys and CSID secrets (src/zatca/vault.ts); unset: a key file in dataDir. */
  secretKey: string | undefined;
  /** DAFTAR_ZATCA_BASE_URL: replaces the Fatoora host of every environment (a local test server). */
  zatcaBaseUrl: string | undefined;
  /** Milliseconds between passes of the ZATCA outbox; 0 turns the background sender off. */
  zatcaSendIntervalMs: number;
}

function text(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

function optional(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function sqliteSynchronous(env: Env): SqliteSynchronous {
  const value = text(env, 'DAFTAR_SQLITE_SYNCHRONOUS', 'FULL').toUpperCase();
  const level = oneOf(SQLITE_SYNCHRONOUS_LEVELS, value);
  if (!level) {
    throw new Error(
      `DAFTAR_SQLITE_SYNCHRONOUS must be one of ${SQLITE_SYNCHRONOUS_LEVELS.join(', ')} (got "${value}")`,
    );
  }
  return level;
}

function trustProxy(raw: string): boolean | string[] {
  if (raw === '' || /^(0|false|no)$/i.test(raw)) return false;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function publicUrl(env: Env): string | undefined {
  const raw = optional(env, 'DAFTAR_PUBLIC_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DAFTAR_PUBLIC_URL must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`DAFTAR_PUBLIC_URL must be an http(s) URL (got "${raw}")`);
  if (url.search || url.hash) throw new Error('DAFTAR_PUBLIC_URL must have no query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(text(env, 'DAFTAR_DATA_DIR', './data'));
  const currency = text(env, 'DAFTAR_CURRENCY', 'SAR').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new Error(`DAFTAR_CURRENCY must be a 3-letter ISO 4217 code (got "${currency}")`);
  const country = text(env, 'DAFTAR_COUNTRY', 'SA').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw new Error(`DAFTAR_COUNTRY must be a 2-letter ISO 3166 code (got "${country}")`);
  const subdomain = text(env, 'DAFTAR_SUBDOMAIN', 'default').toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(subdomain))
    throw new Error('DAFTAR_SUBDOMAIN must be letters, digits and dashes');
  const apiKey = optional(env, 'DAFTAR_API_KEY');
  if (apiKey !== undefined && apiKey.length < 16) throw new Error('DAFTAR_API_KEY must be at least 16 characters');
  const adminPassword = optional(env, 'DAFTAR_ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 8)
    throw new Error('DAFTAR_ADMIN_PASSWORD must be at least 8 characters');
  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: text(env, 'HOST', '0.0.0.0'),
    database: parseDatabaseUrl(optional(env, 'DATABASE_URL'), dataDir),
    databasePoolSize: integer(env, 'DAFTAR_DB_POOL_SIZE', 10, 1, 200),
    dataDir,
    apiKey,
    adminEmail: optional(env, 'DAFTAR_ADMIN_EMAIL')?.toLowerCase(),
    adminPassword,
    siteSubdomain: subdomain,
    siteCurrency: currency,
    siteCountry: country,
    siteBusinessName: text(env, 'DAFTAR_BUSINESS_NAME', 'My Business'),
    logLevel: text(env, 'LOG_LEVEL', 'info'),
    bodyLimitBytes: integer(env, 'DAFTAR_BODY_LIMIT_BYTES', 1_048_576, 1_024, 100 * 1_048_576),
    accessTokenTtlSeconds: integer(env, 'DAFTAR_ACCESS_TOKEN_TTL', 86_400, 1, 31_536_000),
    refreshTokenTtlSeconds: integer(env, 'DAFTAR_REFRESH_TOKEN_TTL', 30 * 86_400, 60, 31_536_000),
    refreshFamilyTtlSeconds: integer(env, 'DAFTAR_REFRESH_FAMILY_TTL', 90 * 86_400, 60, 31_536_000),
    rateLimitPerMinute: integer(env, 'DAFTAR_RATE_LIMIT', 0, 0, 10_000_000),
    tokenRateLimitPerMinute: integer(env, 'DAFTAR_TOKEN_RATE_LIMIT', 10, 1, 100_000),
    corsOrigins: text(env, 'DAFTAR_CORS_ORIGINS', '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    requestTimeoutMs: integer(env, 'DAFTAR_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    sqliteSynchronous: sqliteSynchronous(env),
    sqliteWriteBatch: integer(env, 'DAFTAR_SQLITE_WRITE_BATCH', SQLITE_WRITE_BATCH_DEFAULT, 1, 1_000),
    trustProxy: trustProxy(text(env, 'DAFTAR_TRUST_PROXY', '')),
    demoMonths: text(env, 'DAFTAR_DEMO', '0') === '0' ? 0 : integer(env, 'DAFTAR_DEMO_MONTHS', 12, 1, 60),
    webhooks: webhookConfig(env),
    publicUrl: publicUrl(env),
    templatesDir:
      optional(env, 'DAFTAR_TEMPLATES_DIR') === undefined ? undefined : path.resolve(env['DAFTAR_TEMPLATES_DIR']!),
    secretKey: optional(env, 'DAFTAR_SECRET_KEY'),
    zatcaBaseUrl: optional(env, 'DAFTAR_ZATCA_BASE_URL'),
    zatcaSendIntervalMs: integer(env, 'DAFTAR_ZATCA_SEND_INTERVAL_MS', 30_000, 0, 86_400_000),
  };
}
