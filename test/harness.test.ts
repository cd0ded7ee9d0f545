// The harness itself: a failing test's message carries the server's last error line, so a 500 in a
// test run says why without rerunning it with logs.
import assert from 'node:assert/strict';
import { after, before, type TestContext } from 'node:test';
import { sql } from 'kysely';
import { type TestServer, it, startTestServer, withServerErrors } from './support/harness.js';

let s: TestServer;
before(async () => {
  s = await startTestServer('sqlite');
});
after(async () => {
  await s.close();
});

it("a failing test's message ends with the server's last error line", async (context) => {
  // A real fault of the server: its table is gone, so the list query throws inside the route.
  await sql`drop table brands`.execute(s.database.db);
  const failing = withServerErrors(async () => {
    const reply = await s.get('/api2/brands.json');
    assert.equal(reply.status, 200, `GET brands answered ${reply.status}`);
  });
  let error: Error | null = null;
  try {
    await failing(context as TestContext);
  } catch (caught) {
    error = caught as Error;
  }
  assert.ok(error, 'the wrapped test failed');
  assert.match(error.message, /^GET brands answered 500/);
  assert.match(error.message, /\n {4}server's last error: unhandled error: SqliteError: no such table: brands/);
});

it('a create that fails names the error line too, and a passing test is left alone', async (context) => {
  const failure = await s.create('brands', { Brand: { name: 'Gone' } }).then(
    () => null,
    (caught: unknown) => caught as Error,
  );
  assert.ok(failure);
  assert.match(failure.message, /create brands answered 500: .*\n {4}server's last error: .*no such table: brands/s);
  const passing = withServerErrors(async () => {
    assert.equal((await s.get('/api2/taxes.json')).status, 200);
  });
  await passing(context as TestContext);
});
