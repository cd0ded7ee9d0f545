/**
 * Request and reply examples for the OpenAPI document, recorded from a real run of the server: every
 * seeded resource is created, read, listed, edited and deleted over HTTP, along with the reports, the
 * site, the listing and the token endpoint. `npm run docs:examples` writes them to
 * src/api/openapi-examples.json; test/openapi.test.ts records them again and fails when the committed
 * file differs, so the examples cannot go stale.
 */
import { TOKEN_PATHS } from '../../src/api/oauth.js';
import { RESOURCES } from '../../src/resources/index.js';
import { type Reply, TEST_EMAIL, TEST_PASSWORD, TestServer } from './harness.js';
import { type Ids, SEEDS, populate } from './records.js';

export interface Example {
  status: number;
  request?: unknown;
  reply: unknown;
}
export type Examples = Record<string, Example>;

/** The public form of a recorded value: the test server's address and random secrets made stable. */
export function publicForm(value: unknown, url: string): unknown {
  if (typeof value === 'string') {
    return value
      .split(url)
      .join('http://localhost:8080')
      .replace(/dft_[A-Za-z0-9_-]+/g, 'dft_0123456789abcdef0123456789abcdef');
  }
  if (Array.isArray(value)) return value.map((item) => publicForm(item, url));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        if ((key === 'access_token' || key === 'refresh_token') && typeof item === 'string')
          return [key, `${key.split('_')[0]}-token-example`];
        return [key, publicForm(item, url)];
      }),
    );
  }
  return value;
}

/** What may differ between two honest recordings: today's date and time, and opaque random runs. */
export function comparable(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?/g, '<date>')
      .replace(/[A-Za-z0-9+/=_%-]{32,}/g, '<opaque>');
  }
  // Unix times in seconds (an event's `created`).
  if (typeof value === 'number' && value > 1.5e9 && value < 2.5e9) return '<unix time>';
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    // Times in milliseconds (webhook deliveries' schedule) differ between any two runs.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        key.endsWith('_ms') && item !== null ? '<ms>' : comparable(item),
      ]),
    );
  }
  return value;
}

interface Template {
  key: string;
  pattern: RegExp;
  methods: Set<string>;
}

/** Each concrete path the server answers, mapped to the one OpenAPI path that documents it. */
function templatesOf(openapi: { paths: Record<string, Record<string, unknown>> }): Template[] {
  const templates: Template[] = [];
  const toPattern = (path: string) =>
    new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+?')}(\\.json)?$`);
  for (const [path, item] of Object.entries(openapi.paths)) {
    const methods = new Set(['get', 'post', 'put', 'delete'].filter((m) => item[m]).map((m) => m.toUpperCase()));
    for (const form of [path, ...((item['x-daftar-also'] as string[] | undefined) ?? [])])
      templates.push({ key: path, pattern: toPattern(form), methods });
  }
  // Literal paths before templated ones: /api2/notes/client/1 is a note, not /api2/notes/{id}.
  return templates.sort((a, b) => a.key.split('{').length - b.key.split('{').length || b.key.length - a.key.length);
}

class Recorder extends TestServer {
  readonly examples: Examples = {};
  private templates: Template[] = [];

  constructor(base: TestServer) {
    super(base.server, base.url, base.apiKey, async () => {});
  }

  async load(): Promise<void> {
    const openapi = (await super.request('GET', '/api2/openapi.json', undefined, { apikey: '' })).body;
    this.templates = templatesOf(openapi);
  }

  override async request(
    method: string,
    urlPath: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply> {
    const reply = await super.request(method, urlPath, body, headers);
    const path = urlPath.split('?')[0]!;
    if (path === '/api2/openapi.json') return reply;
    // POST to a record's path is an edit, documented under PUT.
    const template = this.templates.find(
      (t) =>
        t.pattern.test(path) &&
        (t.methods.has(method) || (method === 'POST' && t.methods.has('PUT') && !t.methods.has('POST'))),
    );
    const verb = template && !template.methods.has(method) ? 'PUT' : method;
    const key = template ? `${verb} ${template.key}` : undefined;
    if (key && reply.status < 300 && !this.examples[key] && typeof reply.body === 'object') {
      this.examples[key] = {
        status: reply.status,
        ...(body !== undefined
          ? { request: publicForm(typeof body === 'string' ? JSON.parse(body) : body, this.url) }
          : {}),
        reply: publicForm(reply.body, this.url),
      };
    }
    return reply;
  }
}

/** The model key and its fields of a seed's create body, for an edit example. */
function editBodyOf(examples: Examples, name: string): unknown {
  const created = examples[`POST /api2/${name}.json`]?.request as Record<string, unknown> | undefined;
  const spec = RESOURCES.find((r) => r.name === name);
  if (!created || !spec) return undefined;
  const header = created[spec.model] ?? Object.values(created)[0];
  return header ? { [spec.model]: header } : undefined;
}

export async function recordExamples(server: TestServer): Promise<Examples> {
  const s = new Recorder(server);
  await s.load();
  for (const tokenPath of TOKEN_PATHS) {
    await s.post(
      tokenPath,
      { grant_type: 'password', client_id: '1', client_secret: 'x', username: TEST_EMAIL, password: TEST_PASSWORD },
      { apikey: '' },
    );
  }
  await s.get('/api2/site_info.json');
  await s.get('/health', { apikey: '' });
  await s.get('/ready', { apikey: '' });
  await s.get('/api2/api_key_info.json');
  const ids: Ids = await populate(s, 'A');
  for (const spec of RESOURCES) {
    const id = ids[spec.name];
    if (spec.operations.includes('get') && id) await s.get(`/api2/${spec.name}/${id}.json`);
    if (spec.operations.includes('list')) await s.get(`/api2/${spec.name}.json?limit=2`);
  }
  for (const [path] of [
    ['/api2/follow_up_actions/client'],
    ['/api2/follow_up_statuses/client'],
    ['/api2/listing/Product'],
  ])
    await s.get(path!);
  const openapi = (await s.get('/api2/openapi.json', { apikey: '' })).body as { paths: Record<string, unknown> };
  for (const path of Object.keys(openapi.paths).filter((p) => p.startsWith('/api2/reports/') && !p.includes('{'))) {
    await s.get(`${path}?client_id=${ids['clients']}&journal_account_id=${ids['journal_accounts']}`);
  }
  for (const spec of RESOURCES) {
    const id = ids[spec.name];
    const body = editBodyOf(s.examples, spec.name);
    if (spec.operations.includes('edit') && id && body) await s.put(`/api2/${spec.name}/${id}.json`, body);
  }
  await s.put(`/api2/notes/${ids['notes']}.json`, { Note: { body: 'An edited note' } });
  // Records nothing names, so their deletes answer success (a record another names cannot be deleted).
  const product = await s.create('products', { Product: { name: 'A product never sold', unit_price: '1' } });
  await s.del(`/api2/products/${product}.json`);
  const unusedClient = await s.create('clients', { Client: { business_name: 'A client never invoiced' } });
  await s.del(`/api2/clients/${unusedClient}.json`);
  const unusedTax = await s.create('taxes', { Tax: { name: 'A tax never charged', value: 5 } });
  await s.del(`/api2/taxes/${unusedTax}.json`);
  // Daftra's v2 entity API, on clients.
  const v2 = (await s.post('/v2/api/entity/client', { business_name: 'A v2 client', email: 'v2@example.com' }))
    .body as { id?: number | string };
  if (v2?.id !== undefined) {
    await s.get('/v2/api/entity/client/list/1?per_page=2');
    await s.get(`/v2/api/entity/client/${v2.id}/1`);
    await s.get('/v2/api/entity/client/filter-auto-suggest?filter[business_name][like]=v2');
    await s.put(`/v2/api/entity/client/${v2.id}`, { business_name: 'A v2 client, renamed' });
    await s.del(`/v2/api/entity/client/${v2.id}`);
  }
  // Webhooks (the servers that record allow a loopback URL: DAFTAR_WEBHOOK_ALLOW_PRIVATE=1).
  const endpoint = await s.post('/api2/webhook_endpoints.json', {
    WebhookEndpoint: { url: 'http://127.0.0.1:9/daftar-hook', events: ['invoice.*'], description: 'Shop sync' },
  });
  const endpointId = (endpoint.body as { id?: string }).id;
  if (endpointId) {
    await s.get('/api2/webhook_endpoints.json');
    await s.get(`/api2/webhook_endpoints/${endpointId}.json`);
    await s.put(`/api2/webhook_endpoints/${endpointId}.json`, {
      WebhookEndpoint: { description: 'Shop sync (orders)' },
    });
    await s.post(`/api2/webhook_endpoints/${endpointId}/roll_secret`, {});
    await s.put(`/api2/invoices/${ids['invoices']}.json`, { Invoice: { notes: 'An edit that sends invoice.updated' } });
    const events = await s.get('/api2/webhook_events.json?limit=1');
    const eventId = (events.body as { data?: Array<Record<string, { id: string }>> }).data?.[0]?.['WebhookEvent']?.id;
    if (eventId) {
      await s.get(`/api2/webhook_events/${eventId}.json`);
      await s.post(`/api2/webhook_events/${eventId}/retry`, {});
    }
    await s.del(`/api2/webhook_endpoints/${endpointId}.json`);
  }
  // Bookings: a second one made both ways, its status changed, converted to an invoice.
  const bookingBody = {
    Invoice: { client_id: ids['clients'], date: '28/09/2025', start_time: '10:00', end_time: '11:00' },
    InvoiceItem: [{ product_id: ids['products'] }],
  };
  const booking = (await s.post('/api2/bookings.json', bookingBody)).body as { id?: string };
  if (booking.id) {
    await s.put(`/api2/bookings/${booking.id}.json`, { Invoice: { notes: 'Window seat' } });
    await s.get(`/api2/bookings/change_status/${booking.id}/1`);
    await s.get(`/api2/bookings/convert_to_invoice/${booking.id}`);
  }
  // A charge usage taken by hand from a charge, then edited.
  const usage = (
    await s.post('/api2/charge_usages.json', {
      ChargeUsage: { credit_charge_id: ids['credit_charges'], credit_usage_id: ids['credit_usages'], amount: '1' },
    })
  ).body as { id?: string };
  if (usage.id) await s.put(`/api2/charge_usages/${usage.id}.json`, { ChargeUsage: { amount: '2' } });
  // v2: several operations in one request, and the Developers Portal's app check.
  await s.post('/v2/api/multi-entity', [
    { key: 'brand', action: 'create', data: { name: 'A brand made in a multi-entity request' }, alias: 'made' },
    { key: 'client', action: 'show', options: Number(ids['clients']), data_level: 1, alias: 'client' },
  ]);
  await s.get('/v2/api/app-manager/is_active/1');
  // Bulk Add: one good invoice and one that names no client, each with its own result.
  await s.post('/api2/invoices/add_bulk.json', [
    { Invoice: { client_id: ids['clients'] }, InvoiceItem: [{ item: 'Bulk line', unit_price: '10', quantity: 2 }] },
    { Invoice: { client_id: 999999 }, InvoiceItem: [{ item: 'Bulk line', unit_price: '10' }] },
  ]);
  // The seller's details a tax document prints, and the e-invoicing status.
  await s.put('/api2/site_info.json', {
    Site: {
      vat_number: '300000000000003',
      cr_number: '1010010000',
      address1: 'King Fahd Road',
      city: 'Riyadh',
      postal_code: '12211',
      building_number: '1234',
      district: 'Al Olaya',
    },
  });
  await s.get('/api2/einvoicing.json');
  for (const name of ['invoices', 'estimates', 'credit_notes', 'refund_receipts'])
    await s.post(`/api2/${name}/${ids[name]}/rotate_link`, {});
  // API keys: a second key made, read, listed and revoked.
  const key = await s.post('/api2/api_keys.json', { ApiKey: { name: 'Shop connector' } });
  const keyId = (key.body as { id?: string }).id;
  await s.get('/api2/api_keys.json');
  if (keyId) {
    await s.get(`/api2/api_keys/${keyId}.json`);
    await s.del(`/api2/api_keys/${keyId}.json`);
  }
  // Staff sign-ins: one added, listed and removed.
  const user = await s.post('/api2/users.json', {
    User: { name: 'Cashier', email: 'cashier@example.com', password: 'a long cashier password', role_id: '1' },
  });
  await s.get('/api2/users.json');
  const userId = (user.body as { id?: string }).id;
  if (userId) await s.del(`/api2/users/${userId}.json`);
  // Deletes of a second set, dependents first, so each answers its success reply.
  const more = await populate(s, 'B');
  for (const [name] of [...SEEDS].reverse()) {
    const spec = RESOURCES.find((r) => r.name === name);
    if (spec?.operations.includes('delete') && more[name]) await s.del(`/api2/${name}/${more[name]}.json`);
  }
  return Object.fromEntries(Object.entries(s.examples).sort(([a], [b]) => a.localeCompare(b)));
}
