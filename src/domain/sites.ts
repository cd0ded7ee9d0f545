/**
 * Sites (tenants) and their credentials. A new site starts with what documents need: an owner login
 * and staff record, a primary store, a primary treasury, a main branch, its payment methods, and (see
 * books.ts) its chart of accounts.
 */
import type { Db } from '../db/connection.js';
import { digest, hashPassword, newApiKey, randomSecret, verifyPassword } from './secrets.js';
import type { SiteRow } from './context.js';
import { seedChartOfAccounts } from './chart.js';
import { seedFollowUps } from './follow-up-defaults.js';
import { seedBranchAndGateways } from './branch-defaults.js';
import { errorCode } from '../guards.js';
import type { Kysely } from 'kysely';
import { type Schema, typed } from '../db/schema.js';

export interface NewSite {
  subdomain: string;
  businessName: string;
  currency: string;
  country: string;
  ownerEmail?: string;
  ownerPassword?: string;
  apiKey?: string;
}

export interface CreatedSite {
  siteId: number;
  subdomain: string;
  apiKey: string;
  ownerEmail: string;
  /** Set only when it was generated here (so it can be shown once). */
  generatedPassword: string | undefined;
}

export function nowText(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export async function addApiKey(db: Db, siteId: number, key: string = newApiKey(), name = 'API key'): Promise<string> {
  await db
    .insertInto('api_keys')
    .values({
      site_id: siteId,
      key_hash: digest(key),
      key_prefix: key.slice(0, 8),
      name,
      created: nowText(),
      revoked: 0,
    })
    .execute();
  return key;
}

/**
 * Sets the owner's sign-in. Every token the owner holds stops working in the same transaction: a
 * password is changed because it may be known to someone else, and their tokens must go with it.
 */
export async function setOwnerPassword(db: Db, siteId: number, email: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ email: email.toLowerCase(), password_hash: passwordHash })
      .where('site_id', '=', siteId)
      .where('staff_id', '=', 0)
      .execute();
    const owners = await trx
      .selectFrom('users')
      .select('id')
      .where('site_id', '=', siteId)
      .where('staff_id', '=', 0)
      .execute();
    for (const owner of owners) await revokeUserTokens(typed(trx), siteId, Number(owner['id']));
  });
}

/** Revokes every access and refresh token of one user. Returns how many were still live. */
export async function revokeUserTokens(db: Kysely<Schema>, siteId: number, userId: number): Promise<number> {
  const result = await db
    .updateTable('oauth_tokens')
    .set({ revoked: 1 })
    .where('site_id', '=', siteId)
    .where('user_id', '=', userId)
    .where('revoked', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An API key as it may be shown: never its hash, never the key itself (that is shown once, on create). */
export interface ApiKeyInfo {
  id: number;
  name: string;
  key_prefix: string;
  created: string;
  revoked: boolean;
}

function apiKeyInfo(row: Record<string, unknown>): ApiKeyInfo {
  return {
    id: Number(row['id']),
    name: String(row['name'] ?? ''),
    key_prefix: String(row['key_prefix'] ?? ''),
    created: String(row['created'] ?? ''),
    revoked: Number(row['revoked']) === 1,
  };
}

/** The site's API keys, live and revoked, oldest first. */
export async function listApiKeys(db: Kysely<Schema>, siteId: number): Promise<ApiKeyInfo[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'key_prefix', 'created', 'revoked'])
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute();
  return rows.map(apiKeyInfo);
}

export async function apiKeyById(db: Kysely<Schema>, siteId: number, id: number): Promise<ApiKeyInfo | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'key_prefix', 'created', 'revoked'])
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? apiKeyInfo(row) : undefined;
}

/** Creates a key and returns it with its id: the only time the key itself is seen. */
export async function createApiKey(
  db: Kysely<Schema>,
  siteId: number,
  name: string,
): Promise<{ id: number; key: string }> {
  const key = newApiKey();
  await addApiKey(db, siteId, key, name);
  const row = await db
    .selectFrom('api_keys')
    .select('id')
    .where('site_id', '=', siteId)
    .where('key_hash', '=', digest(key))
    .executeTakeFirstOrThrow();
  return { id: Number(row['id']), key };
}

/** Revokes one key of the site: `missing` when the site has no such key (another site's id is missing too). */
export async function revokeApiKey(
  db: Kysely<Schema>,
  siteId: number,
  id: number,
): Promise<'revoked' | 'already' | 'missing'> {
  const key = await apiKeyById(db, siteId, id);
  if (!key) return 'missing';
  if (key.revoked) return 'already';
  await db.updateTable('api_keys').set({ revoked: 1 }).where('site_id', '=', siteId).where('id', '=', id).execute();
  return 'revoked';
}

/** Creates a site with everything a first document needs, in one transaction. */
export async function createSite(db: Db, site: NewSite): Promise<CreatedSite> {
  const generatedPassword = site.ownerPassword ? undefined : randomSecret(12);
  const password = site.ownerPassword ?? generatedPassword!;
  const ownerEmail = (site.ownerEmail ?? `owner@${site.subdomain}.local`).toLowerCase();
  const passwordHash = await hashPassword(password);
  const now = nowText();
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('sites').select('id').where('subdomain', '=', site.subdomain).executeTakeFirst();
    if (taken) throw new Error(`a site with subdomain "${site.subdomain}" already exists`);
    const inserted = await trx
      .insertInto('sites')
      .values({
        subdomain: site.subdomain,
        business_name: site.businessName,
        currency_code: site.currency,
        country_code: site.country,
        allow_negative_stock: 0,
        created: now,
        modified: now,
        document_hash_secret: randomSecret(32),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const siteId = Number(inserted['id']);
    await trx
      .insertInto('staff')
      .values({
        site_id: siteId,
        name: site.businessName,
        email_address: ownerEmail,
        role_id: 0,
        active: 1,
        created: now,
        modified: now,
      })
      .execute();
    await trx
      .insertInto('users')
      .values({
        site_id: siteId,
        email: ownerEmail,
        password_hash: passwordHash,
        staff_id: 0,
        name: 'Owner',
        created: now,
      })
      .execute();
    await trx
      .insertInto('stores')
      .values({ site_id: siteId, name: 'Main Store', primary: 1, active: 1, created: now, modified: now })
      .execute();
    await trx
      .insertInto('treasuries')
      .values({
        site_id: siteId,
        name: 'Main Treasury',
        type: 3,
        active: 1,
        is_primary: 1,
        staff_id: 0,
        created: now,
        modified: now,
      })
      .execute();
    await seedChartOfAccounts(trx, siteId, now);
    await seedFollowUps(trx, siteId, now);
    await seedBranchAndGateways(trx, siteId, now);
    const apiKey = await addApiKey(trx, siteId, site.apiKey ?? newApiKey(), 'Default key');
    return { siteId, subdomain: site.subdomain, apiKey, ownerEmail, generatedPassword };
  });
}

export async function siteById(db: Db, siteId: number): Promise<SiteRow | undefined> {
  const row = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  return row ? normalizeSite(row) : undefined;
}

export async function siteBySubdomain(db: Db, subdomain: string): Promise<SiteRow | undefined> {
  const row = await db.selectFrom('sites').selectAll().where('subdomain', '=', subdomain).executeTakeFirst();
  return row ? normalizeSite(row) : undefined;
}

export function normalizeSite(row: Record<string, unknown>): SiteRow {
  return {
    ...row,
    id: Number(row['id']),
    subdomain: String(row['subdomain']),
    business_name: String(row['business_name'] ?? ''),
    currency_code: String(row['currency_code']),
    country_code: String(row['country_code'] ?? ''),
    allow_negative_stock: Number(row['allow_negative_stock'] ?? 0),
  };
}

/** Whether an API key (in clear) already belongs to a site. */
export async function siteHasKey(db: Db, siteId: number, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('api_keys')
    .select('id')
    .where('key_hash', '=', digest(key))
    .where('site_id', '=', siteId)
    .where('revoked', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

export interface DefaultSiteOptions {
  subdomain: string;
  businessName: string;
  currency: string;
  country: string;
  apiKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
}

async function siteAppears(db: Db, polls: number): Promise<boolean> {
  for (let poll = 1; ; poll += 1) {
    if (await db.selectFrom('sites').select('id').executeTakeFirst()) return true;
    if (poll >= polls) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * On first start, creates the default site. On later starts, makes sure a configured API key and owner
 * password (DAFTAR_API_KEY, DAFTAR_ADMIN_*) work for it. Returns the new site when one was created.
 */
export async function ensureDefaultSite(db: Db, options: DefaultSiteOptions): Promise<CreatedSite | undefined> {
  const first = await db.selectFrom('sites').select('id').orderBy('id').executeTakeFirst();
  if (!first) {
    try {
      return await createSite(db, {
        subdomain: options.subdomain,
        businessName: options.businessName,
        currency: options.currency,
        country: options.country,
        ownerEmail: options.adminEmail,
        ownerPassword: options.adminPassword,
        apiKey: options.apiKey,
      });
    } catch (error) {
      // Another process started at the same moment and created it: fall through to the checks below.
      // On SQLite its transaction may still hold the lock (SQLITE_BUSY here): wait for its commit.
      const polls = errorCode(error) === 'SQLITE_BUSY' ? 50 : 1;
      if (!(await siteAppears(db, polls))) throw error;
    }
  }
  const siteId = Number((await db.selectFrom('sites').select('id').orderBy('id').executeTakeFirstOrThrow())['id']);
  if (options.apiKey && !(await siteHasKey(db, siteId, options.apiKey)))
    await addApiKey(db, siteId, options.apiKey, 'DAFTAR_API_KEY');
  if (options.adminPassword) {
    const owner = await db
      .selectFrom('users')
      .select(['email', 'password_hash'])
      .where('site_id', '=', siteId)
      .where('staff_id', '=', 0)
      .executeTakeFirst();
    const email = options.adminEmail ?? String(owner?.['email'] ?? '');
    const unchanged =
      owner &&
      owner['email'] === email &&
      (await verifyPassword(options.adminPassword, String(owner['password_hash'])));
    if (!unchanged) await setOwnerPassword(db, siteId, email, options.adminPassword);
  }
  return undefined;
}
