// The typed client (packages/client) against the real server on both engines: create, get, list as
// an async iterator over pages, update, delete, typed errors carrying validation_errors, and a write
// whose reply is lost retried with the same Idempotency-Key, so it is written once. Its generated
// types are what the declarations give now (`npm run client:generate`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Daftar, DaftarNotFoundError, DaftarValidationError } from '../packages/client/src/index.js';
import { generateClientTypes } from '../src/api/client-types.js';
import { RESOURCES } from '../src/resources/index.js';
import { TEST_KEY, eachDatabase, it } from './support/harness.js';

const GENERATED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/client/src/generated.ts');

it("the client's generated types are those of the declarations now", () => {
  assert.equal(fs.readFileSync(GENERATED, 'utf8'), generateClientTypes(RESOURCES), 'run `npm run client:generate`');
});

eachDatabase('typed client', (server) => {
  const client = () => new Daftar({ baseUrl: server().url, apiKey: TEST_KEY, retryDelayMs: 10 });

  it('creates, reads, lists page after page, edits and deletes', async () => {
    const daftar = client();
    const { id: clientId } = await daftar.clients.create({
      Client: { business_name: 'Client of the client', email: 'cc@example.com' },
    });
    const { id: productId } = await daftar.products.create({ Product: { name: 'Typed pen', unit_price: '2.50' } });
    const ids: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      ids.push(
        (
          await daftar.invoices.create({
            Invoice: { client_id: clientId },
            InvoiceItem: [{ product_id: productId, quantity: n }],
          })
        ).id,
      );
    }
    const invoice = await daftar.invoices.get(ids[2]!);
    assert.equal(invoice.client_id, clientId);
    assert.equal(invoice.summary_subtotal, '7.5');
    assert.equal(invoice.InvoiceItem?.[0]?.quantity, '3');

    const seen: string[] = [];
    for await (const row of daftar.invoices.list({ client_id: clientId, limit: 2 })) seen.push(row.id);
    assert.deepEqual(seen.sort(), [...ids].sort(), 'every page is visited once');
    const first = await daftar.invoices.list({ client_id: clientId, limit: 2 }).page(1);
    assert.equal(first.pagination.total_results, 5);
    assert.equal(first.pagination.page_count, 3);

    await daftar.invoices.update(ids[0]!, { Invoice: { notes: 'edited through the client' } });
    assert.equal((await daftar.invoices.get(ids[0]!)).notes, 'edited through the client');
    await daftar.invoices.delete(ids[4]!);
    await assert.rejects(daftar.invoices.get(ids[4]!), DaftarNotFoundError);
    assert.equal((await daftar.siteInfo())['subdomain'], 'default');
    const trial = await daftar.report('trial_balance');
    assert.equal(trial['name'], 'trial_balance');
  });

  it('throws typed errors carrying the fields and why', async () => {
    const daftar = client();
    const error = await daftar.invoices.create({ Invoice: { client_id: 999_999 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof DaftarValidationError, String(error));
    assert.equal(error.status, 400);
    assert.ok(Object.keys(error.validationErrors).length > 0, 'validation_errors are carried');
  });

  it('retries a write whose reply was lost with the same Idempotency-Key, and it is written once', async () => {
    let posts = 0;
    const keys: string[] = [];
    const flaky: typeof fetch = async (input, init) => {
      const reply = await fetch(input, init);
      if (init?.method === 'POST') {
        posts += 1;
        keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
        if (posts === 1) throw new TypeError('the connection was reset before the reply arrived');
      }
      return reply;
    };
    const daftar = new Daftar({ baseUrl: server().url, apiKey: TEST_KEY, retryDelayMs: 10, fetch: flaky });
    const name = `Once only ${Date.now()}`;
    const { id } = await daftar.clients.create({ Client: { business_name: name } });
    assert.equal(posts, 2, 'the lost reply was retried');
    assert.equal(keys[0], keys[1], 'with the same key');
    const matching: string[] = [];
    for await (const row of client().clients.list({ business_name: name })) matching.push(row.id);
    assert.deepEqual(matching, [id], 'one client was written');
  });
});
