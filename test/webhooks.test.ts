// Webhooks (docs/webhooks.md): endpoints, the transactional outbox, signed deliveries with retries, on
// both engines against a real receiver on loopback. The slow parts (SIGKILL mid-delivery, two workers
// on one database) are in webhooks-crash.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe } from 'node:test';
import { createSite } from '../src/domain/sites.js';
import { AddressRefused, isPrivateAddress, resolveTarget } from '../src/webhooks/address.js';
import { attemptDelivery } from '../src/webhooks/deliver.js';
import { EVENT_TYPES } from '../src/webhooks/events.js';
import { retryDelayMs } from '../src/webhooks/worker.js';
import { signatureHeader, verifySignature } from '../src/webhooks/signature.js';
import { type TestServer, eachDatabase, startTestServer, it } from './support/harness.js';
import { Receiver } from './support/receiver.js';
import { withKey } from './support/records.js';

/** Fast retries so a failing receiver recovers within the test. */
export const FAST_WEBHOOKS = {
  DAFTAR_WEBHOOK_ALLOW_PRIVATE: '1',
  DAFTAR_WEBHOOK_POLL_MS: '20',
  DAFTAR_WEBHOOK_RETRY_BASE_MS: '40',
  DAFTAR_WEBHOOK_RETRY_MAX_MS: '200',
  DAFTAR_WEBHOOK_TIMEOUT_MS: '2000',
};

async function eventCount(s: TestServer): Promise<number> {
  const row = await s.database.db
    .selectFrom('webhook_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function register(s: TestServer, url: string, events: unknown = ['*']): Promise<{ id: string; secret: string }> {
  const reply = await s.post('/api2/webhook_endpoints.json', {
    WebhookEndpoint: { url, events, description: 'test receiver' },
  });
  assert.equal(reply.status, 202, reply.text);
  return { id: reply.body.id, secret: reply.body.secret };
}

describe('webhook signatures', () => {
  const body = '{"id":"evt_1","type":"invoice.created"}';
  const nowS = 1_733_000_000;
  it('verifies what it signed, and refuses a tampered body, another secret or an old timestamp', () => {
    const header = signatureHeader(body, ['whsec_a'], nowS);
    assert.match(header, /^t=1733000000,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature(body, header, 'whsec_a', { nowS }), true);
    assert.equal(verifySignature(Buffer.from(body), header, 'whsec_a', { nowS: nowS + 299 }), true);
    assert.equal(
      verifySignature(body.replace('created', 'deleted'), header, 'whsec_a', { nowS }),
      false,
      'tampered body',
    );
    assert.equal(verifySignature(body, header, 'whsec_b', { nowS }), false, 'another secret');
    assert.equal(verifySignature(body, header, 'whsec_a', { nowS: nowS + 301 }), false, 'older than the tolerance');
    assert.equal(
      verifySignature(body, header.replace(/^t=\d+/, `t=${nowS + 1}`), 'whsec_a', { nowS }),
      false,
      'timestamp changed',
    );
    assert.equal(verifySignature(body, undefined, 'whsec_a'), false);
    assert.equal(verifySignature(body, 't=abc,v1=zz', 'whsec_a'), false);
  });
  it('carries one v1 per secret, and either secret verifies', () => {
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], nowS);
    assert.equal(header.split(',').filter((part) => part.startsWith('v1=')).length, 2);
    assert.equal(verifySignature(body, header, 'whsec_new', { nowS }), true);
    assert.equal(verifySignature(body, header, 'whsec_old', { nowS }), true);
  });
  it('the Node snippet in docs/webhooks.md verifies a delivery the same way', async () => {
    const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/webhooks.md'), 'utf8');
    const snippet = /```js\n([\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(snippet, 'docs/webhooks.md has a js block');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-docs-')), 'verify.mjs');
    fs.writeFileSync(file, snippet);
    const documented = (await import(pathToFileURL(file).href)).verifySignature as (
      raw: Buffer | string,
      header: string,
      secret: string,
    ) => boolean;
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], now);
    assert.equal(documented(Buffer.from(body), header, 'whsec_old'), true);
    assert.equal(documented(body, header, 'whsec_new'), true);
    assert.equal(documented(body.replace('evt_1', 'evt_2'), header, 'whsec_new'), false, 'tampered body');
    assert.equal(
      documented(body, signatureHeader(body, ['whsec_new'], now - 600), 'whsec_new'),
      false,
      'old timestamp',
    );
  });
  it('backs off exponentially with jitter, the first retry within 30 s by default', () => {
    const config = { retryBaseMs: 15_000, retryMaxMs: 6 * 3_600_000 };
    assert.equal(retryDelayMs(1, config, 0.5), 15_000);
    assert.ok(retryDelayMs(1, config, 0.999) < 30_000);
    assert.equal(retryDelayMs(3, config, 0.5), 60_000);
    assert.equal(retryDelayMs(30, config, 0.5), 6 * 3_600_000, 'capped');
    assert.ok(retryDelayMs(2, config, 0) >= 15_000 && retryDelayMs(2, config, 0) < retryDelayMs(2, config, 0.9));
  });
});

describe('webhook addresses (SSRF)', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::',
      'not-an-ip',
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      assert.equal(isPrivateAddress(address), false, address);
  });
  it('refuses a private URL unless allowed, and at delivery time too', async () => {
    await assert.rejects(resolveTarget('http://127.0.0.1:9/hook', false), AddressRefused);
    await assert.rejects(resolveTarget('http://localhost:9/hook', false), /loopback, private or link-local/);
    await assert.rejects(resolveTarget('ftp://example.com/x', false), /http/);
    await assert.rejects(resolveTarget('http://user:pw@example.com/x', false), /user name/);
    assert.equal((await resolveTarget('http://127.0.0.1:9/hook', true)).address, '127.0.0.1');
    const receiver = await Receiver.start();
    try {
      const refused = await attemptDelivery(
        { url: receiver.url, body: '{}', eventId: 'evt_x', signature: 't=1,v1=00' },
        false,
        1_000,
      );
      assert.equal(refused.ok, false);
      assert.match(refused.error!, /refused/);
      assert.equal(receiver.received.length, 0, 'nothing was sent to the private address');
    } finally {
      await receiver.close();
    }
  });
  it('refuses to register a loopback endpoint when private addresses are not allowed', async () => {
    const s = await startTestServer('sqlite', { DAFTAR_WEBHOOK_WORKER: '0' });
    try {
      const reply = await s.post('/api2/webhook_endpoints.json', {
        WebhookEndpoint: { url: 'http://127.0.0.1:9/hook', events: ['*'] },
      });
      assert.equal(reply.status, 400, reply.text);
      assert.match(reply.body.validation_errors.url, /loopback, private or link-local/);
      assert.equal((await s.get('/api2/webhook_endpoints.json')).body.data.length, 0);
      // A public address literal needs no DNS; this server's worker is off, so nothing is ever sent there.
      for (let n = 0; n < 20; n += 1) {
        const reply = await s.post('/api2/webhook_endpoints.json', {
          WebhookEndpoint: { url: `http://8.8.8.8/hook/${n}`, events: ['invoice.paid'] },
        });
        assert.equal(reply.status, 202, reply.text);
      }
      const over = await s.post('/api2/webhook_endpoints.json', {
        WebhookEndpoint: { url: 'http://8.8.8.8/hook/20', events: ['invoice.paid'] },
      });
      assert.equal(over.status, 400);
      assert.match(over.body.validation_errors.url, /at most 20/);
    } finally {
      await s.close();
    }
  });
});

describe('webhook event table', () => {
  it('derives created/updated/deleted from the registry and lists every type in docs/webhooks.md', () => {
    const types = new Set(EVENT_TYPES.map((event) => event.type));
    for (const type of [
      'invoice.created',
      'invoice.updated',
      'invoice.deleted',
      'invoice.paid',
      'invoice.overdue',
      'payment.created',
      'credit_note.created',
      'client.created',
      'product.stock_low',
      'purchase_invoice.created',
      'note.created',
    ]) {
      assert.ok(types.has(type), type);
    }
    assert.ok(!types.has('audit_log.created'), 'read-only resources have no change events');
    assert.ok(!types.has('webhook_endpoint.created'), 'webhooks do not announce themselves');
    const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/webhooks.md'), 'utf8');
    const documented = new Set([...docs.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((match) => match[1]!));
    assert.deepEqual(
      [...types].filter((type) => !documented.has(type)),
      [],
      'every event type is in docs/webhooks.md',
    );
    assert.deepEqual(
      [...documented].filter((type) => !types.has(type)),
      [],
      'docs/webhooks.md names no event that does not exist',
    );
  });
});

eachDatabase(
  'webhooks',
  (server) => {
    let receiver: Receiver;
    let endpoint: { id: string; secret: string };
    let clientId: string;

    before(async () => {
      receiver = await Receiver.start();
      endpoint = await register(server(), receiver.url);
      clientId = await server().create('clients', { Client: { business_name: 'Hook Co' } });
      await receiver.until(() => receiver.accepted.some((r) => r.event.type === 'client.created'));
    });
    after(async () => {
      await receiver.close();
    });

    it('shows the secret once and checks what an endpoint is given', async () => {
      const s = server();
      assert.match(endpoint.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      const got = await s.get(`/api2/webhook_endpoints/${endpoint.id}.json`);
      assert.equal(got.status, 200);
      assert.equal(got.body.data.WebhookEndpoint.url, receiver.url);
      assert.deepEqual(got.body.data.WebhookEndpoint.events, ['*']);
      assert.ok(!got.text.includes(endpoint.secret), 'the secret is never read back');
      const unknown = await s.post('/api2/webhook_endpoints.json', {
        WebhookEndpoint: { url: receiver.url, events: ['invoice.created', 'invoice.exploded'] },
      });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.validation_errors['events.1'], /not an event type/);
      const badUrl = await s.post('/api2/webhook_endpoints.json', {
        WebhookEndpoint: { url: 'javascript:alert(1)', events: ['*'] },
      });
      assert.equal(badUrl.status, 400);
      assert.ok(badUrl.body.validation_errors.url);
      const none = await s.post('/api2/webhook_endpoints.json', { WebhookEndpoint: { url: receiver.url, events: [] } });
      assert.equal(none.status, 400);
      assert.ok(none.body.validation_errors.events);
      const missing = await s.post('/api2/webhook_endpoints.json', { WebhookEndpoint: { events: ['*'] } });
      assert.equal(missing.status, 400);
      assert.ok(missing.body.validation_errors.url);
      assert.equal(
        (await s.post('/api2/webhook_endpoints.json', 'not json', { 'content-type': 'application/json' })).status,
        400,
      );
      assert.equal((await s.post('/api2/webhook_endpoints/999999/roll_secret', {})).status, 404);
    });

    it('delivers signed events carrying the record as a GET returns it', async () => {
      const s = server();
      const invoiceId = await s.create('invoices', {
        Invoice: { client_id: clientId },
        InvoiceItem: [{ item: 'Work', unit_price: '100', quantity: 2 }],
      });
      await receiver.until(() =>
        receiver.accepted.some((r) => r.event.type === 'invoice.created' && r.event.data['Invoice'].id === invoiceId),
      );
      const delivery = receiver.accepted.find(
        (r) => r.event.type === 'invoice.created' && r.event.data['Invoice'].id === invoiceId,
      )!;
      assert.equal(delivery.headers['content-type'], 'application/json');
      assert.equal(delivery.headers['daftar-event-id'], delivery.event.id);
      assert.match(delivery.event.id, /^evt_[0-9a-f]{32}$/);
      assert.equal(
        verifySignature(delivery.body, delivery.headers['daftar-signature'] as string, endpoint.secret),
        true,
        'signature verifies',
      );
      assert.equal(
        verifySignature(
          delivery.body.replace('"Work"', '"Play"'),
          delivery.headers['daftar-signature'] as string,
          endpoint.secret,
        ),
        false,
      );
      const site = (await s.get('/api2/site_info.json')).body.data.Site;
      assert.equal(delivery.event.site_id, String(site.id));
      assert.ok(Math.abs(delivery.event.created - Date.now() / 1000) < 60);
      const get = await s.get(`/api2/invoices/${invoiceId}.json`);
      assert.equal(JSON.stringify(delivery.event.data), JSON.stringify(get.body.data), 'the same record a GET returns');
      assert.equal(delivery.event.data['Invoice'].InvoiceItem.length, 1);
    });

    it('writes exactly one event per committed change, and none for a rolled-back write', async () => {
      const s = server();
      const before = await eventCount(s);
      const product = await s.create('products', {
        Product: { name: 'Scarce', unit_price: '10', track_stock: 1, stock_balance: 1 },
      });
      const edit = await s.put(`/api2/products/${product}.json`, { Product: { name: 'Scarce, renamed' } });
      assert.equal(edit.status, 200, edit.text);
      // Selling more than is in stock fails after the invoice row was inserted: the whole write rolls back.
      // Sent together with good writes, so on SQLite they share one group commit.
      const results = await Promise.all([
        s.post('/api2/invoices.json', {
          Invoice: { client_id: clientId },
          InvoiceItem: [{ product_id: product, quantity: 5 }],
        }),
        s.post('/api2/clients.json', { Client: { business_name: 'Beside the failure' } }),
        s.post('/api2/invoices.json', {
          Invoice: { client_id: clientId },
          InvoiceItem: [{ product_id: product, quantity: 7 }],
        }),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        [400, 202, 400],
        results.map((r) => r.text).join('\n'),
      );
      const del = await s.del(`/api2/clients/${results[1]!.body.id}.json`);
      assert.equal(del.status, 200, del.text);
      const events = await s.database.db
        .selectFrom('webhook_events')
        .select(['event_id', 'type', 'record_id'])
        .where('id', '>', 0)
        .orderBy('id')
        .execute();
      const fresh = events.slice(before).map((row) => `${row['type']}:${row['record_id']}`);
      assert.deepEqual(fresh, [
        `product.created:${product}`,
        `product.updated:${product}`,
        `client.created:${results[1]!.body.id}`,
        `client.deleted:${results[1]!.body.id}`,
      ]);
      assert.equal(new Set(events.map((row) => row['event_id'])).size, events.length, 'event ids are unique');
      const ids = events.slice(before).map((row) => String(row['event_id']));
      await receiver.until(() => ids.every((id) => receiver.accepted.some((r) => r.event.id === id)));
      for (const id of ids)
        assert.equal(receiver.accepted.filter((r) => r.event.id === id).length, 1, `${id} delivered once`);
      const deleted = receiver.accepted.find((r) => r.event.id === ids[3])!;
      assert.equal(
        deleted.event.data['Client'].business_name,
        'Beside the failure',
        'a delete carries the record as it was',
      );
    });

    it('keeps retrying a failing receiver and delivers every event, in order per record, once it recovers', async () => {
      const s = server();
      let failures = 0;
      receiver.answer = () => (failures++ < 6 ? 503 : 200);
      const client = await s.create('clients', { Client: { business_name: 'Flaky' } });
      for (let n = 1; n <= 3; n += 1) {
        const reply = await s.put(`/api2/clients/${client}.json`, { Client: { business_name: `Flaky ${n}` } });
        assert.equal(reply.status, 200);
      }
      const other = await s.create('clients', { Client: { business_name: 'Other' } });
      // By name: SQLite may give a new client the id of one deleted before.
      const mine = (r: { event: { data: Record<string, any> } }) =>
        r.event.data['Client']?.id === client && /^Flaky/.test(r.event.data['Client'].business_name);
      await receiver.until(
        () =>
          receiver.accepted.filter(mine).length >= 4 &&
          receiver.accepted.some((r) => r.event.data['Client']?.id === other),
        15_000,
      );
      receiver.answer = () => 200;
      const names = receiver.accepted
        .filter(mine)
        .map((r) => `${r.event.type}:${r.event.data['Client'].business_name}`);
      assert.deepEqual(
        names,
        ['client.created:Flaky', 'client.updated:Flaky 1', 'client.updated:Flaky 2', 'client.updated:Flaky 3'],
        'in commit order',
      );
      assert.ok(
        receiver.received.some((r) => r.status === 503),
        'the receiver did fail',
      );
      // The owner sees the attempts and the last answer.
      const list = await s.get('/api2/webhook_events.json?limit=50');
      assert.equal(list.status, 200, list.text);
      const created = list.body.data.find(
        (row: any) => row.WebhookEvent.type === 'client.created' && row.WebhookEvent.record_id === client,
      );
      assert.ok(created, 'the event is listed');
      const [delivery] = created.WebhookEvent.WebhookDelivery ?? created.WebhookDelivery;
      assert.equal(delivery.state, 'delivered');
      assert.ok(Number(delivery.attempts) > 1, `attempts ${delivery.attempts}`);
      assert.equal(delivery.last_status, '200');
      const one = await s.get(`/api2/webhook_events/${created.WebhookEvent.id}.json`);
      assert.equal(one.body.data.WebhookEvent.payload.type, 'client.created');
    });

    it('replays an event on request, with the same id', async () => {
      const s = server();
      const list = await s.get('/api2/webhook_events.json?limit=1');
      const event = list.body.data[0].WebhookEvent;
      const before = receiver.accepted.filter((r) => r.event.id === event.event_id).length;
      const reply = await s.post(`/api2/webhook_events/${event.id}/retry`, {});
      assert.equal(reply.status, 200, reply.text);
      await receiver.until(() => receiver.accepted.filter((r) => r.event.id === event.event_id).length === before + 1);
      assert.equal((await s.post('/api2/webhook_events/999999/retry', {})).status, 404);
      const filtered = await s.get('/api2/webhook_events.json?type=client.created&limit=100');
      assert.ok(filtered.body.data.length > 0);
      assert.deepEqual([...new Set(filtered.body.data.map((row: any) => row.WebhookEvent.type))], ['client.created']);
    });

    it("signs with both secrets during a roll's grace period", async () => {
      const s = server();
      const rolled = await s.post(`/api2/webhook_endpoints/${endpoint.id}/roll_secret`, {});
      assert.equal(rolled.status, 200, rolled.text);
      const secret = rolled.body.secret as string;
      assert.notEqual(secret, endpoint.secret);
      const client = await s.create('clients', { Client: { business_name: 'After the roll' } });
      await receiver.until(() => receiver.accepted.some((r) => r.event.data['Client']?.id === client));
      const delivery = receiver.accepted.find((r) => r.event.data['Client']?.id === client)!;
      const header = delivery.headers['daftar-signature'] as string;
      assert.equal(header.split(',').filter((part) => part.startsWith('v1=')).length, 2);
      assert.equal(verifySignature(delivery.body, header, secret), true, 'new secret');
      assert.equal(verifySignature(delivery.body, header, endpoint.secret), true, 'old secret, within its grace');
      endpoint = { ...endpoint, secret };
    });

    it('sends invoice.paid, product.stock_low and (from the sweep) invoice.overdue once each', async () => {
      const s = server();
      const product = await s.create('products', {
        Product: { name: 'Low', unit_price: '5', track_stock: 1, stock_balance: 10, low_stock_thershold: 5 },
      });
      const invoice = await s.create('invoices', {
        Invoice: { client_id: clientId },
        InvoiceItem: [{ product_id: product, quantity: 4 }],
      });
      const pay = await s.post('/api2/invoice_payments.json', {
        InvoicePayment: { invoice_id: invoice, payment_method: 'cash', amount: '20' },
      });
      assert.equal(pay.status, 202, pay.text);
      await s.create('invoices', {
        Invoice: { client_id: clientId },
        InvoiceItem: [{ product_id: product, quantity: 3 }],
      });
      const old = await s.create('invoices', {
        Invoice: { client_id: clientId, date: '2020-01-01', due_after: 10 },
        InvoiceItem: [{ item: 'Old', unit_price: '1' }],
      });
      const ofType = (type: string) => receiver.accepted.filter((r) => r.event.type === type);
      await receiver.until(
        () =>
          ofType('invoice.paid').length > 0 &&
          ofType('product.stock_low').length > 0 &&
          ofType('payment.created').length > 0 &&
          ofType('product.updated').filter((r) => r.event.data['Product'].id === product).length >= 2,
      );
      assert.deepEqual(
        ofType('invoice.paid').map((r) => r.event.data['Invoice'].id),
        [invoice],
      );
      assert.equal(ofType('invoice.paid')[0]!.event.data['Invoice'].payment_status, '2');
      // The payment changed the invoice too: its events, in order, end with the update and the paid.
      const ofInvoice = receiver.accepted.filter(
        (r) => r.event.data['Invoice']?.id === invoice && r.event.type.startsWith('invoice.'),
      );
      assert.deepEqual(
        ofInvoice.map((r) => `${r.event.type}:${r.event.data['Invoice'].summary_paid}`),
        ['invoice.created:0', 'invoice.updated:20', 'invoice.paid:20'],
      );
      // Stock moved by the sales: product.updated carries the new balance.
      const balances = receiver.accepted
        .filter((r) => r.event.type === 'product.updated' && r.event.data['Product'].id === product)
        .map((r) => r.event.data['Product'].stock_balance);
      assert.deepEqual(balances, ['6', '3']);
      assert.deepEqual(
        ofType('product.stock_low').map((r) => r.event.data['Product'].id),
        [product],
        'once, when it fell below 5 (10 → 6 → 3)',
      );
      const worker = s.server.worker!;
      assert.ok((await worker.sweepOverdue()) >= 1);
      assert.equal(await worker.sweepOverdue(), 0, 'a second sweep finds nothing new');
      await receiver.until(() => ofType('invoice.overdue').some((r) => r.event.data['Invoice'].id === old));
      assert.ok(
        !ofType('invoice.overdue').some((r) => r.event.data['Invoice'].id === invoice),
        'a paid invoice is not overdue',
      );
    });

    it("sends only the events an endpoint subscribes to, and only its own site's", async () => {
      const s = server();
      const narrow = await Receiver.start();
      try {
        const only = await register(s, narrow.url, ['invoice.*']);
        const created = await createSite(s.database.db, {
          subdomain: `hooks-other-${Date.now()}`,
          businessName: 'Other Co',
          currency: 'SAR',
          country: 'SA',
        });
        const other = withKey(s, created.apiKey);
        assert.equal(
          (await other.get(`/api2/webhook_endpoints/${only.id}.json`)).status,
          404,
          'another site cannot read it',
        );
        assert.equal((await other.get('/api2/webhook_events.json')).body.data.length, 0, 'nor its events');
        assert.equal((await other.del(`/api2/webhook_endpoints/${only.id}.json`)).status, 404);
        await other.create('invoices', {
          Invoice: { client_id: await other.create('clients', { Client: { business_name: 'Theirs' } }) },
          InvoiceItem: [{ item: 'X', unit_price: '1' }],
        });
        const invoice = await s.create('invoices', {
          Invoice: { client_id: clientId },
          InvoiceItem: [{ item: 'Mine', unit_price: '1' }],
        });
        await s.create('clients', { Client: { business_name: 'Not an invoice' } });
        await narrow.until(() => narrow.accepted.some((r) => r.event.data['Invoice']?.id === invoice));
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.deepEqual([...new Set(narrow.accepted.map((r) => r.event.type))], ['invoice.created']);
        assert.equal(narrow.accepted.length, 1, "not the other site's invoice");
        assert.equal((await s.del(`/api2/webhook_endpoints/${only.id}.json`)).status, 200);
      } finally {
        await narrow.close();
      }
    });

    it('prunes old events whose deliveries have all finished, and keeps the pending ones', async () => {
      const s = server();
      const pendingEvents = async () =>
        Number(
          (
            await s.database.db
              .selectFrom('webhook_events as v')
              .where((eb) =>
                eb.exists(
                  eb
                    .selectFrom('webhook_deliveries as d')
                    .select('d.id')
                    .whereRef('d.webhook_event_id', '=', 'v.id')
                    .where('d.state', '=', 'pending'),
                ),
              )
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const total = await eventCount(s);
      assert.ok(total > 10);
      assert.equal(await s.server.worker!.prune(Date.now() - 60_000), 0, 'nothing is old yet');
      const pending = await pendingEvents();
      const deleted = await s.server.worker!.prune(Date.now() + 31 * 24 * 3_600_000);
      assert.equal(deleted, total - pending);
      assert.equal(await eventCount(s), pending);
    });
  },
  FAST_WEBHOOKS,
);

eachDatabase(
  'webhooks that keep failing',
  (server) => {
    it('disables an endpoint that keeps failing, says why, and gives a delivery up after the retry period', async () => {
      const s = server();
      const receiver = await Receiver.start();
      const endpointRow = async (id: string) =>
        (await s.get(`/api2/webhook_endpoints/${id}.json`)).body.data.WebhookEndpoint;
      const deliveryOf = async (eventId: string) =>
        (await s.get(`/api2/webhook_events/${eventId}.json`)).body.data.WebhookEvent.WebhookDelivery[0];
      try {
        receiver.answer = () => 500;
        const endpoint = await register(s, receiver.url, ['client.created']);
        await s.create('clients', { Client: { business_name: 'Never heard of' } });
        let row = await endpointRow(endpoint.id);
        for (const deadline = Date.now() + 10_000; row.active === '1' && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          row = await endpointRow(endpoint.id);
        }
        assert.equal(row.active, '0', 'disabled');
        assert.match(row.disabled_reason, /every delivery failed since .*HTTP 500/);
        const [event] = (await s.get('/api2/webhook_events.json')).body.data;
        const eventId = event.WebhookEvent.id;
        // Its delivery waits (or, if the attempt that disabled it was also past the retry period, failed).
        assert.ok(['pending', 'failed'].includes((await deliveryOf(eventId)).state));
        const attempts = receiver.received.length;
        await new Promise((resolve) => setTimeout(resolve, 700));
        assert.equal(receiver.received.length, attempts, 'nothing is sent to a disabled endpoint');
        // Turned on again, still failing: the delivery is past its retry period and is given up.
        const on = await s.put(`/api2/webhook_endpoints/${endpoint.id}.json`, { WebhookEndpoint: { active: 1 } });
        assert.equal(on.status, 200, on.text);
        assert.equal((await endpointRow(endpoint.id)).disabled_reason, null);
        let delivery = await deliveryOf(eventId);
        for (const deadline = Date.now() + 10_000; delivery.state === 'pending' && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          delivery = await deliveryOf(eventId);
        }
        assert.equal(delivery.state, 'failed');
        assert.equal(delivery.last_status, '500');
        assert.match(delivery.last_response, /failing with 500/);
        // The receiver recovers: new events go through, and the failed one can be replayed.
        receiver.answer = () => 200;
        await s.create('clients', { Client: { business_name: 'Heard of' } });
        await receiver.until(() => receiver.accepted.length === 1);
        assert.equal((await s.post(`/api2/webhook_events/${eventId}/retry`, {})).status, 200);
        await receiver.until(() =>
          receiver.accepted.some((r) => r.event.data['Client'].business_name === 'Never heard of'),
        );
        delivery = await deliveryOf(eventId);
        for (const deadline = Date.now() + 5_000; delivery.state !== 'delivered' && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          delivery = await deliveryOf(eventId);
        }
        assert.equal(delivery.state, 'delivered', 'the replay is recorded');
      } finally {
        await receiver.close();
      }
    });
  },
  { ...FAST_WEBHOOKS, DAFTAR_WEBHOOK_RETRY_FOR_MS: '600', DAFTAR_WEBHOOK_DISABLE_AFTER_MS: '100' },
);
