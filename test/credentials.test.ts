// Credentials, on SQLite and PostgreSQL: API keys listed, created and revoked by the owner (API and
// CLI), tokens revoked by a password change, refresh-token families (rotation, replay, absolute
// lifetime), and the password grant's timing and lock-out.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hit, hitsSoFar, previousShare } from '../src/api/limits.js';
import { digest, hashPassword } from '../src/domain/secrets.js';
import { createSite, setOwnerPassword } from '../src/domain/sites.js';
import { TEST_EMAIL, TEST_KEY, TEST_PASSWORD, type TestServer, eachDatabase, it } from './support/harness.js';

const bearer = (token: string) => ({ apikey: '', authorization: `Bearer ${token}` });

function signIn(s: TestServer, username = TEST_EMAIL, password = TEST_PASSWORD, address = '198.51.100.1') {
  return s.post(
    '/api2/oauth/token',
    { grant_type: 'password', client_id: '1', client_secret: 'x', username, password },
    { apikey: '', 'x-forwarded-for': address },
  );
}

function refresh(s: TestServer, token: string) {
  return s.post(
    '/api2/oauth/token',
    { grant_type: 'refresh_token', refresh_token: token },
    { apikey: '', 'x-forwarded-for': '198.51.100.2' },
  );
}

function cli(s: TestServer, ...args: string[]): string {
  return execFileSync(process.execPath, ['dist/src/cli.js', ...args], {
    env: { ...process.env, ...s.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const siteIdOf = async (s: TestServer) => Number((await s.get('/api2/api_key_info.json')).body.data.site_id);

eachDatabase(
  'API keys for the owner',
  (server) => {
    it('lists keys without their hashes, shows a new key once, and revokes a key at once', async () => {
      const s = server();
      const listed = await s.get('/api2/api_keys.json');
      assert.equal(listed.status, 200, listed.text);
      assert.equal(listed.body.result, 'successful');
      assert.ok(listed.body.data.length >= 1);
      assert.ok(!listed.text.includes(TEST_KEY) && !listed.text.includes(digest(TEST_KEY)), 'never a key or its hash');
      assert.deepEqual(Object.keys(listed.body.data[0].ApiKey).sort(), [
        'created',
        'id',
        'key_prefix',
        'name',
        'revoked',
      ]);

      const created = await s.post(
        '/api2/api_keys.json',
        { ApiKey: { name: 'Shop' } },
        { 'idempotency-key': 'new-key-1' },
      );
      assert.equal(created.status, 202, created.text);
      const key = created.body.key as string;
      assert.match(key, /^dft_[A-Za-z0-9_-]{43}$/);
      assert.equal((await s.get('/api2/site_info', { apikey: key })).status, 200, 'the new key works');
      const shown = await s.get(`/api2/api_keys/${created.body.id}.json`);
      assert.equal(shown.status, 200);
      assert.deepEqual(shown.body.data.ApiKey, {
        ...shown.body.data.ApiKey,
        id: created.body.id,
        name: 'Shop',
        key_prefix: key.slice(0, 8),
        revoked: '0',
      });
      const again = await s.get('/api2/api_keys');
      assert.ok(!again.text.includes(key) && !again.text.includes(digest(key)), 'the key is not shown a second time');
      const stored = await s.database.db.selectFrom('idempotency_keys').select('body').execute();
      assert.ok(
        stored.every((row) => !String(row['body'] ?? '').includes(key)),
        'the reply with the key is not kept for replays',
      );

      const revoked = await s.del(`/api2/api_keys/${created.body.id}`);
      assert.equal(revoked.status, 200, revoked.text);
      assert.equal(
        (await s.get('/api2/site_info', { apikey: key })).status,
        401,
        'a revoked key stops working at once',
      );
      assert.equal((await s.get(`/api2/api_keys/${created.body.id}`)).body.data.ApiKey.revoked, '1');
      assert.equal((await s.del(`/api2/api_keys/${created.body.id}`)).status, 200, 'revoking twice is not an error');
      assert.equal((await s.del('/api2/api_keys/999999')).status, 404);
      const own = (await s.get('/api2/api_key_info.json')).body.data.key as string;
      const self = await s.del(`/api2/api_keys/${own.replace('key:', '')}`);
      assert.equal(self.status, 400, 'a key cannot revoke itself');
      assert.ok(self.body.validation_errors.id);
      assert.equal((await s.get('/api2/site_info')).status, 200, 'and keeps working');
      assert.equal(
        (await s.post('/api2/api_keys', { ApiKey: { name: 'x'.repeat(101) } })).body.validation_errors?.name !==
          undefined,
        true,
      );
      assert.equal((await s.get('/api2/api_keys', { apikey: '' })).status, 401);
    });

    it('walls keys off per site and refuses staff logins', async () => {
      const s = server();
      const other = await createSite(s.database.db, {
        subdomain: `other${Date.now() % 100000}`,
        businessName: 'Other',
        currency: 'SAR',
        country: 'SA',
      });
      const otherKeyId = Number(
        (
          await s.database.db
            .selectFrom('api_keys')
            .select('id')
            .where('site_id', '=', other.siteId)
            .executeTakeFirstOrThrow()
        )['id'],
      );
      assert.equal((await s.get(`/api2/api_keys/${otherKeyId}`)).status, 404, "another site's key is not found");
      assert.equal((await s.del(`/api2/api_keys/${otherKeyId}`)).status, 404);
      assert.equal(
        (await s.get('/api2/site_info', { apikey: other.apiKey })).status,
        200,
        'and still works for its own site',
      );
      const mine = (await s.get('/api2/api_keys', { apikey: other.apiKey })).body.data.map((row: any) =>
        Number(row.ApiKey.id),
      );
      assert.deepEqual(mine, [otherKeyId]);

      const siteId = await siteIdOf(s);
      await s.database.db
        .insertInto('users')
        .values({
          site_id: siteId,
          email: 'clerk@example.com',
          password_hash: await hashPassword('clerk password'),
          staff_id: 7,
          name: 'Clerk',
          created: '2026-01-01 00:00:00',
        })
        .execute();
      const clerk = await signIn(s, 'clerk@example.com', 'clerk password', '198.51.100.7');
      assert.equal(clerk.status, 200, clerk.text);
      const refused = await s.get('/api2/api_keys', bearer(clerk.body.access_token));
      assert.equal(refused.status, 403);
      assert.equal(refused.body.result, 'failed');
      const owner = await signIn(s, TEST_EMAIL, TEST_PASSWORD, '198.51.100.8');
      assert.equal(
        (await s.get('/api2/api_keys', bearer(owner.body.access_token))).status,
        200,
        "the owner's token may",
      );
    });

    it('daftar key list and daftar key revoke', async () => {
      const s = server();
      const subdomain = String(
        (
          await s.database.db
            .selectFrom('sites')
            .select('subdomain')
            .where('id', '=', await siteIdOf(s))
            .executeTakeFirstOrThrow()
        )['subdomain'],
      );
      const created = JSON.parse(cli(s, 'key', 'create', subdomain, '--name', 'From CLI'));
      assert.match(created.api_key, /^dft_/);
      assert.equal((await s.get('/api2/site_info', { apikey: created.api_key })).status, 200);
      const lines = cli(s, 'key', 'list', subdomain)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      const row = lines.find((line) => line.id === created.id);
      assert.deepEqual(row, { ...row, name: 'From CLI', key_prefix: created.api_key.slice(0, 8), revoked: false });
      assert.ok(lines.every((line) => !('key_hash' in line) && !JSON.stringify(line).includes(created.api_key)));
      const revoked = JSON.parse(cli(s, 'key', 'revoke', subdomain, String(created.id)));
      assert.equal(revoked.revoked, true);
      assert.equal(
        (await s.get('/api2/site_info', { apikey: created.api_key })).status,
        401,
        'revoked by the CLI, refused by the running server',
      );
      assert.throws(() => cli(s, 'key', 'revoke', subdomain, '999999'), /no API key 999999/);
    });
  },
  { DAFTAR_TRUST_PROXY: '127.0.0.1' },
);

eachDatabase(
  'tokens and sign-in',
  (server) => {
    it('revokes the whole sign-in when a used refresh token is replayed', async () => {
      const s = server();
      const first = (await signIn(s, TEST_EMAIL, TEST_PASSWORD, '198.51.100.10')).body;
      const second = await refresh(s, first.refresh_token);
      assert.equal(second.status, 200, second.text);
      assert.equal(
        (await s.get('/api2/site_info', bearer(first.access_token))).status,
        401,
        'rotation retires the old pair',
      );
      assert.equal((await s.get('/api2/site_info', bearer(second.body.access_token))).status, 200);
      const replay = await refresh(s, first.refresh_token);
      assert.equal(replay.status, 400);
      assert.equal(replay.body.error, 'invalid_grant');
      assert.equal(
        (await s.get('/api2/site_info', bearer(second.body.access_token))).status,
        401,
        'the replay revoked the live access token',
      );
      assert.equal((await refresh(s, second.body.refresh_token)).status, 400, 'and the live refresh token');
      // Another sign-in is not touched.
      const other = (await signIn(s, TEST_EMAIL, TEST_PASSWORD, '198.51.100.11')).body;
      assert.equal((await s.get('/api2/site_info', bearer(other.access_token))).status, 200);
    });

    it('ends a sign-in at its absolute lifetime however often it is refreshed', async () => {
      const s = server();
      const first = (await signIn(s, TEST_EMAIL, TEST_PASSWORD, '198.51.100.12')).body;
      const second = (await refresh(s, first.refresh_token)).body;
      assert.ok(second.refresh_token);
      const row = await s.database.db
        .selectFrom('oauth_tokens')
        .select(['family', 'family_expires_ms', 'refresh_expires_ms'])
        .where('refresh_hash', '=', digest(second.refresh_token))
        .executeTakeFirstOrThrow();
      assert.ok(Number(row['family_expires_ms']) - Date.now() > 89 * 86_400_000, 'the default lifetime is 90 days');
      assert.ok(Number(row['refresh_expires_ms']) <= Number(row['family_expires_ms']));
      await s.database.db
        .updateTable('oauth_tokens')
        .set({ family_expires_ms: Date.now() - 1 })
        .where('family', '=', row['family'])
        .execute();
      assert.equal((await refresh(s, second.refresh_token)).status, 400, 'past the family lifetime');
    });

    it('takes as long for an unknown account as for a wrong password', async (t) => {
      const s = server();
      const time = async (username: string, index: number) => {
        const started = process.hrtime.bigint();
        const reply = await signIn(s, username, 'not the password', `198.51.100.${100 + index}`);
        assert.equal(reply.status, 400, reply.text);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        known.push(await time(TEST_EMAIL, round * 2));
        unknown.push(await time(`nobody${round}@example.com`, round * 2 + 1));
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      t.diagnostic(
        `median ms: existing account ${median(known).toFixed(1)}, unknown account ${median(unknown).toFixed(1)}`,
      );
      assert.ok(
        median(unknown) > median(known) * 0.4,
        `unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`,
      );
    });

    it('does not let wrong guesses from one address lock the owner out elsewhere', async () => {
      const s = server();
      for (let guess = 1; guess <= 3; guess += 1)
        assert.equal((await signIn(s, TEST_EMAIL, `guess ${guess}`, '203.0.113.66')).status, 400);
      assert.equal(
        (await signIn(s, TEST_EMAIL, 'guess 4', '203.0.113.66')).status,
        429,
        'the guessing address is stopped',
      );
      assert.equal(
        (await signIn(s, TEST_EMAIL, TEST_PASSWORD, '203.0.113.67')).status,
        200,
        'the owner, elsewhere, signs in',
      );
      // Failures per account and address: the owner's own successes do not count against them.
      for (let n = 0; n < 3; n += 1)
        assert.equal((await signIn(s, TEST_EMAIL, TEST_PASSWORD, '203.0.113.68')).status, 200);
    });

    it('counts hits over a sliding minute, so a burst across a window edge is still one burst', async () => {
      const s = server();
      const edge = Math.ceil(Date.now() / 60_000) * 60_000 + 600_000; // a minute boundary of its own
      const bucket = `test:edge:${edge}`;
      for (const at of [edge - 900, edge - 600, edge - 300])
        assert.equal((await hit(s.database, bucket, 3, at)).allowed, true);
      const across = await hit(s.database, bucket, 3, edge + 200);
      assert.equal(across.allowed, false, 'the fourth hit, just past the edge, is over a limit of 3');
      assert.ok(across.retryAfterSeconds >= 1);
      assert.equal((await hitsSoFar(s.database, bucket, edge + 200)).hits, 4);
      // The previous window's hits leave the count evenly: a third of them after 40 of 60 seconds.
      assert.equal((await hitsSoFar(s.database, bucket, edge + 40_000)).hits, 1 + 1);
      assert.equal((await hitsSoFar(s.database, bucket, edge + 60_000)).hits, 1, 'the hit 59.8 s ago still counts');
      assert.equal((await hitsSoFar(s.database, bucket, edge + 120_000)).hits, 0, 'both windows have passed');
      assert.equal(previousShare(3, 0), 3);
      assert.equal(previousShare(3, 59_999), 1, 'rounded up while any of the window remains');
      assert.equal(previousShare(3, 60_000), 0);
    });

    it('revokes every token of the owner when the password changes', async () => {
      const s = server();
      const issued = (await signIn(s, TEST_EMAIL, TEST_PASSWORD, '198.51.100.30')).body;
      assert.equal((await s.get('/api2/site_info', bearer(issued.access_token))).status, 200);
      await setOwnerPassword(s.database.db, await siteIdOf(s), TEST_EMAIL, 'a brand new password');
      assert.equal(
        (await s.get('/api2/site_info', bearer(issued.access_token))).status,
        401,
        'the access token is revoked',
      );
      assert.equal((await refresh(s, issued.refresh_token)).status, 400, 'and the refresh token');
      assert.equal((await signIn(s, TEST_EMAIL, 'a brand new password', '198.51.100.31')).status, 200);
      await setOwnerPassword(s.database.db, await siteIdOf(s), TEST_EMAIL, TEST_PASSWORD);
    });
  },
  { DAFTAR_TRUST_PROXY: '127.0.0.1', DAFTAR_TOKEN_RATE_LIMIT: '3' },
);
