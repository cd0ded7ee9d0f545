// Hostile input, derived from the server's own OpenAPI document: every path and method it lists gets
// wrong types, huge and odd unicode strings, deep nesting, prototype keys, wrong content types, invalid
// JSON, extreme numbers and PHP-bracket form keys. Never a 5xx; every 4xx in Daftra's failed envelope;
// a refused request leaves every table exactly as it was. Also: over-large bodies and headers, and a
// client that stalls mid-request. Short by default; DAFTAR_FUZZ_RUNS=<n> (scripts/fuzz-long.sh) for more.
import assert from 'node:assert/strict';
import net from 'node:net';
import fc from 'fast-check';
import { type TestServer, eachDatabase, it } from './support/harness.js';
import { bookProblems, changedTables, fingerprint, orphanProblems, tableNames } from './support/db-state.js';
import { type Ids, missingSeeds, populate } from './support/records.js';

const LONG_RUNS = Number(process.env['DAFTAR_FUZZ_RUNS'] ?? '');
const LONG = Number.isInteger(LONG_RUNS) && LONG_RUNS > 0;
const RANDOM_RUNS = LONG ? LONG_RUNS : 300;
const SWEEP_SAMPLES = LONG ? 4 : 1;
const SEED = process.env['DAFTAR_FUZZ_SEED'] ? Number(process.env['DAFTAR_FUZZ_SEED']) : undefined;
const BODY_LIMIT = 262_144;
const REQUEST_TIMEOUT_MS = 1_000;

// ---------------------------------------------------------------------------------------------------
// The operations, from the OpenAPI document.

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Path segment of the resource (`invoices` for /api2/invoices/{id}), for picking existing ids. */
  segment: string;
  /** Top-level keys of the JSON request body (model key, child keys). */
  bodyKeys: string[];
  /** Field names a body may carry, over all its keys. */
  fieldNames: string[];
  /** Query parameters it documents, and the fields of its resource (list filters take field names). */
  queryNames: string[];
}

function propertiesOf(schema: any): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (schema.type === 'object') return Object.keys(schema.properties ?? {});
  if (schema.type === 'array') return propertiesOf(schema.items);
  for (const option of schema.anyOf ?? []) {
    const found = propertiesOf(option);
    if (found.length > 0) return found;
  }
  return [];
}

function operationsOf(openapi: any): Operation[] {
  const operations: Operation[] = [];
  // The document lists each operation once; the spellings the server also answers (`x-daftar-also`:
  // without `.json`, aliases) and POST-to-id edits are fuzzed as well.
  const routes: Array<[string, any]> = [];
  for (const [path, item] of Object.entries<any>(openapi.paths)) {
    for (const form of [path, ...(item['x-daftar-also'] ?? [])])
      routes.push([form, item.put && !item.post ? { ...item, post: item.put } : item]);
  }
  for (const [path, item] of routes) {
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const bodyKeys = Object.keys(schema?.properties ?? {});
      const fieldNames = [...new Set(bodyKeys.flatMap((key) => propertiesOf(schema.properties[key])))];
      const segment = /^\/api2\/([^/{.]+)/.exec(path)?.[1] ?? '';
      const queryNames = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => String(p.name));
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        segment,
        bodyKeys,
        fieldNames,
        queryNames,
      });
    }
  }
  // A list filters by the fields its resource's create and edit bodies name.
  const fieldsOfSegment = new Map<string, Set<string>>();
  for (const op of operations) {
    const known = fieldsOfSegment.get(op.segment) ?? new Set<string>();
    for (const name of op.fieldNames) known.add(name);
    fieldsOfSegment.set(op.segment, known);
  }
  for (const op of operations)
    op.queryNames = [...new Set([...op.queryNames, ...(fieldsOfSegment.get(op.segment) ?? [])])];
  return operations;
}

// ---------------------------------------------------------------------------------------------------
// Hostile values. A body is built as a tree whose objects are lists of entries, so keys such as
// __proto__ survive into the JSON text, and whose leaves may be raw JSON tokens (1e999, 99999…).

type Tree =
  | { kind: 'value'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'array'; items: Tree[] }
  | { kind: 'object'; entries: Array<[string, Tree]> };

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

const oddStrings = fc.constantFrom(
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-308',
  '1e999',
  '99999999999999999999',
  '-99999999999999999999',
  '-0',
  '0x1F',
  '1,2,3',
  '1,234.50',
  '١٢٣٫٤',
  '۱۲۳',
  '12abc',
  ' 12 ',
  '2024-13-45',
  '0000-00-00',
  '2024-02-30 25:61:61',
  '9999-12-31 23:59:59',
  '31/12/1899',
  "'; drop table clients; --",
  '%',
  '%_\\',
  '\\',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '🧾💰👨‍👩‍👧',
  'فاتورة ضريبية مبسطة',
  'ﷺ',
  '\u202eevil',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text
  '${7*7}',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'true',
  'false',
  '0',
  '1',
  '-1',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '1:30',
  '999:59',
  'cash',
);
const hugeStrings = fc
  .tuple(fc.constantFrom('x', 'ع', '🧾', '\u0000', '\ud800', '9', ' '), fc.integer({ min: 256, max: 90_000 }))
  .map(([unit, count]) => unit.repeat(count));
const hostileString = fc.oneof(
  { weight: 5, arbitrary: oddStrings },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeStrings },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(
    1e308,
    -1e308,
    -0,
    0,
    -1,
    1.5,
    0.1 + 0.2,
    2147483648,
    -2147483649,
    Number.MAX_SAFE_INTEGER,
    1e-7,
    5e-324,
    1e21,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const rawNumber = fc.constantFrom(
  '1e999',
  '-1e999',
  '99999999999999999999999',
  '-0',
  '0.0000000000000000000001',
  '1E+2',
  '-0.0e-0',
  '123456789012345678901234567890.5',
);
const deepRaw = fc.tuple(fc.constantFrom('[', '{"a":'), fc.integer({ min: 50, max: 20_000 })).map(([open, depth]) => {
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
});

const leaf: fc.Arbitrary<Tree> = fc.oneof(
  { weight: 6, arbitrary: hostileString.map((value): Tree => ({ kind: 'value', value })) },
  { weight: 3, arbitrary: hostileNumber.map((value): Tree => ({ kind: 'value', value })) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null).map((value): Tree => ({ kind: 'value', value })) },
  { weight: 1, arbitrary: rawNumber.map((text): Tree => ({ kind: 'raw', text })) },
  { weight: 1, arbitrary: deepRaw.map((text): Tree => ({ kind: 'raw', text })) },
);

function treeOf(keys: fc.Arbitrary<string>): fc.Arbitrary<Tree> {
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('tree'), { maxLength: 4 }).map((items): Tree => ({ kind: 'array', items })),
      fc.array(fc.tuple(keys, tie('tree')), { maxLength: 5 }).map((entries): Tree => ({ kind: 'object', entries })),
    ),
  }));
  return tree;
}

function keyArbitrary(op: Operation): fc.Arbitrary<string> {
  const known = [...op.fieldNames, ...op.bodyKeys, 'id', 'site_id'];
  return fc.oneof(
    { weight: 6, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('name') },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

/** A body shaped like the operation's (model key → fields, child key → list) with hostile values. */
function shapedBody(op: Operation): fc.Arbitrary<Tree> {
  const keys = keyArbitrary(op);
  const fieldValue = fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: treeOf(keys) });
  const record = fc
    .array(fc.tuple(keys, fieldValue), { maxLength: 8 })
    .map((entries): Tree => ({ kind: 'object', entries }));
  const section = fc.oneof(
    { weight: 4, arbitrary: record },
    { weight: 1, arbitrary: fc.array(record, { maxLength: 3 }).map((items): Tree => ({ kind: 'array', items })) },
    { weight: 1, arbitrary: leaf },
  );
  const top = op.bodyKeys.length > 0 ? fc.constantFrom(...op.bodyKeys, ...PROTO_KEYS) : keys;
  return fc
    .array(fc.tuple(top, section), { minLength: 1, maxLength: 3 })
    .map((entries): Tree => ({ kind: 'object', entries }));
}

function toJson(tree: Tree): string {
  switch (tree.kind) {
    case 'raw':
      return tree.text;
    case 'value':
      return JSON.stringify(tree.value) ?? 'null';
    case 'array':
      return `[${tree.items.map(toJson).join(',')}]`;
    case 'object':
      return `{${tree.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJson(value)}`).join(',')}}`;
  }
}

/** PHP-style form fields: `Invoice[client_id]=…`, `InvoiceItem[0][item]=…`. */
function toFormFields(tree: Tree, prefix = ''): Array<[string, string]> {
  switch (tree.kind) {
    case 'raw':
      return [[prefix || 'raw', tree.text]];
    case 'value':
      return [[prefix || 'value', tree.value === null ? '' : String(tree.value)]];
    case 'array':
      return tree.items.flatMap((item, index) => toFormFields(item, prefix ? `${prefix}[${index}]` : String(index)));
    case 'object':
      return tree.entries.flatMap(([key, value]) => toFormFields(value, prefix ? `${prefix}[${key}]` : key));
  }
}

const oddFormKeys = fc.constantFrom(
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'Invoice[__proto__][x]',
  'a[b][c][d][e][f][g][h][i]',
  'a[]',
  'a[][]',
  '[]',
  'Invoice[',
  'Invoice]]',
  'InvoiceItem[99999999][item]',
  'InvoiceItem[-1][item]',
  'InvoiceItem[0]',
  'Client[business_name][]',
  '',
);

interface BodyChoice {
  contentType: string | null;
  body: string | Buffer | FormData | undefined;
  label: string;
}

function bodyFor(op: Operation): fc.Arbitrary<BodyChoice> {
  const shaped = shapedBody(op);
  const anyTree = treeOf(keyArbitrary(op));
  const fields = fc
    .tuple(shaped, fc.array(fc.tuple(oddFormKeys, hostileString), { maxLength: 3 }))
    .map(([tree, extra]) => [...toFormFields(tree), ...extra]);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: shaped.map(
        (tree): BodyChoice => ({ contentType: 'application/json', body: toJson(tree), label: 'json' }),
      ),
    },
    {
      weight: 2,
      arbitrary: anyTree.map(
        (tree): BodyChoice => ({ contentType: 'application/json', body: toJson(tree), label: 'json-any' }),
      ),
    },
    {
      weight: 2,
      arbitrary: fields.map(
        (entries): BodyChoice => ({
          contentType: 'application/x-www-form-urlencoded',
          body: new URLSearchParams(entries).toString(),
          label: 'form',
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fields, fc.boolean()).map(([entries, file]): BodyChoice => {
        const form = new FormData();
        for (const [key, value] of entries) form.append(key, value);
        if (file) form.append('attachment', new Blob(['%PDF-1.4 fake']), 'x.pdf');
        return { contentType: null, body: form, label: 'multipart' };
      }),
    },
    {
      weight: 1,
      arbitrary: shaped.map(
        (tree): BodyChoice => ({ contentType: 'text/plain', body: toJson(tree), label: 'text-json' }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{"Client": {',
          '{"a":1,}',
          'nul',
          '[1,2',
          '{"a":"\\x"}',
          '\uFEFF{"Client":{"business_name":"bom"}}',
          '"just a string"',
          '42',
          'null',
          '[]',
          '{}',
          '<?xml version="1.0"?><Invoice><client_id>1</client_id></Invoice>',
          '--boundary\r\n',
          'a=1&b=2',
        )
        .chain((text) =>
          fc
            .constantFrom(
              'application/json',
              'text/plain',
              'application/xml',
              'text/xml',
              'application/x-www-form-urlencoded',
              'multipart/form-data',
              'multipart/form-data; boundary=boundary',
            )
            .map((contentType): BodyChoice => ({ contentType, body: text, label: `literal ${contentType}` })),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 64 }).chain((bytes) =>
        fc
          .constantFrom(
            'application/json',
            'application/octet-stream',
            'text/plain; charset=latin1',
            'application/json; charset=utf-16',
          )
          .map(
            (contentType): BodyChoice => ({
              contentType,
              body: Buffer.concat([
                Buffer.from('{"a":"'),
                Buffer.from(bytes),
                Buffer.from([0xff, 0xfe, 0xc0]),
                Buffer.from('"}'),
              ]),
              label: `bytes ${contentType}`,
            }),
          ),
      ),
    },
    { weight: 1, arbitrary: fc.constant<BodyChoice>({ contentType: null, body: undefined, label: 'no body' }) },
  );
}

// ---------------------------------------------------------------------------------------------------
// Paths and query strings.

/** A raw URL path segment: lone surrogates cannot be URI-encoded, so they go as invalid UTF-8 bytes. */
function segmentText(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function idSegment(ids: Ids, segment: string): fc.Arbitrary<string> {
  const existing = ids[segment] ?? ids[segment === 'purchase_orders' ? 'purchase_invoices' : segment];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(existing ?? '1').chain((id) => fc.constantFrom(id, `${id}.json`)) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 2_000_000 }).map(String) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '-0',
        '99999999999999999999',
        '999999999999999',
        '9007199254740993',
        '2147483648',
        '1e3',
        '0x10',
        '1.5',
        '١٢',
        'abc',
        'null',
        '__proto__',
        'constructor',
        '%',
        '%zz',
        '%00',
        '%ED%A0%80',
        '..',
        '.json',
        '1.json.json',
        ' 1',
        '1%20',
        'x'.repeat(250),
      ),
    },
    { weight: 1, arbitrary: hostileString.map((value) => segmentText(value).slice(0, 400)) },
  );
}

const typeSegment = fc.oneof(
  fc.constantFrom(
    'client',
    'clients',
    'invoice',
    'estimate',
    'work-order',
    'work_order',
    'purchase_order',
    'product',
    'supplier',
    'staff',
    '1',
    '2',
    '8',
    '9',
    '0',
    '99',
    'nonsense',
    '__proto__',
    'constructor',
  ),
  hostileString.map((value) => segmentText(value).slice(0, 300)),
);
const modelSegment = fc.oneof(
  fc.constantFrom(
    'Product',
    'client',
    'Clients',
    'timezone',
    'dateFormats',
    'languageCodes',
    'Branch',
    'Role',
    'Tax',
    'Staff',
    'GroupPrice',
    'TimeActivity',
    'product.json',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
  ),
  hostileString.map((value) => segmentText(value).slice(0, 300)),
);

function queryFor(op: Operation): fc.Arbitrary<string> {
  const fieldKeys = [
    ...new Set(['id', 'client_id', 'date', 'no', 'name', 'amount', 'summary_total', 'custom_fields', ...op.queryNames]),
  ];
  const key = fc.oneof(
    fc.constantFrom(
      'page',
      'limit',
      'sort',
      'direction',
      'keywords',
      'recursive',
      'date_from',
      'date_to',
      'summary_total_from',
      'summary_total_to',
      'payment_status',
      'Default',
      'Value',
    ),
    fc.constantFrom(...fieldKeys),
    fc
      .tuple(fc.constantFrom(...fieldKeys), fc.constantFrom('_from', '_to'))
      .map(([field, bound]) => `${field}${bound}`),
    fc
      .tuple(
        fc.constantFrom(...fieldKeys, '__proto__', 'constructor'),
        fc.constantFrom(
          '',
          '[equal]',
          '[gte]',
          '[lt]',
          '[like]',
          '[in]',
          '[in][]',
          '[is_null]',
          '[nope]',
          '[__proto__]',
        ),
      )
      .map(([field, op]) => `filter[${field}]${op}`),
    fc.constantFrom('__proto__', 'constructor', '__proto__[x]', 'filter', 'filter[]', 'a[b][c]', ''),
  );
  // Query values stay short enough that most requests get past Node's 16 KB header limit.
  const value = fc.oneof(
    hostileString.map((v) => v.slice(0, 300)),
    fc.integer().map(String),
  );
  return fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => {
    if (pairs.length === 0) return '';
    // URLSearchParams turns lone surrogates into U+FFFD, which is still odd enough.
    return `?${new URLSearchParams(pairs).toString()}`;
  });
}

interface HostileRequest {
  method: string;
  url: string;
  body: BodyChoice;
  headers: Record<string, string>;
}

function requestFor(op: Operation, ids: Ids): fc.Arbitrary<HostileRequest> {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const segments = fc.tuple(
    ...params.map((name) =>
      name === 'id' ? idSegment(ids, op.segment) : name === 'type' ? typeSegment : modelSegment,
    ),
  );
  const auth = fc.oneof(
    { weight: 12, arbitrary: fc.constant<Record<string, string>>({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        { apikey: '' },
        { apikey: 'x'.repeat(600) },
        { apikey: 'dft_\u00ff\u00fe' },
        { apikey: '', authorization: `Bearer ${'a'.repeat(600)}` },
        { apikey: '', authorization: 'Bearer' },
        { apikey: '', authorization: 'Basic Zm9vOmJhcg==' },
      ),
    },
  );
  const idempotency = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Record<string, string>>({}) },
    { weight: 1, arbitrary: fc.uuid().map((key): Record<string, string> => ({ 'idempotency-key': key })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('', ' ', 'a'.repeat(256), 'two words', '\tkey', 'fixed-key-1', '__proto__')
        .map((key): Record<string, string> => ({ 'idempotency-key': key })),
    },
  );
  const withBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body = withBody
    ? bodyFor(op)
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant<BodyChoice>({ contentType: null, body: undefined, label: 'no body' }) },
        {
          weight: 1,
          arbitrary:
            op.method === 'DELETE'
              ? bodyFor(op)
              : fc.constant<BodyChoice>({ contentType: null, body: undefined, label: 'no body' }),
        },
      );
  return fc
    .record({ segments, query: queryFor(op), body, auth, idempotency })
    .map(({ segments: values, query, body: chosen, auth: headers, idempotency: key }) => {
      let index = 0;
      const path = op.path.replace(/\{\w+\}/g, () => values[index++] as string);
      return { method: op.method, url: path + query, body: chosen, headers: { ...headers, ...key } };
    });
}

// ---------------------------------------------------------------------------------------------------
// Sending one and judging the reply.

interface Outcome {
  status: number;
  text: string;
  json: any;
}

async function send(s: TestServer, request: HostileRequest): Promise<Outcome> {
  const headers: Record<string, string> = { apikey: s.apiKey, ...request.headers };
  if (request.body.contentType) headers['content-type'] = request.body.contentType;
  const init: RequestInit = { method: request.method, headers };
  if (request.body.body !== undefined) init.body = request.body.body as BodyInit;
  const response = await fetch(s.url + request.url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

function describeRequest(request: HostileRequest): string {
  const body = request.body.body;
  const shown =
    typeof body === 'string'
      ? body.slice(0, 300)
      : body instanceof Buffer
        ? `<${body.length} bytes>`
        : body instanceof FormData
          ? '<multipart>'
          : '';
  return `${request.method} ${request.url.slice(0, 300)} [${request.body.label}] ${JSON.stringify(request.headers).slice(0, 100)} ${shown}`;
}

function checkEnvelope(request: HostileRequest, outcome: Outcome): void {
  const where = `${describeRequest(request)}\n→ ${outcome.status} ${outcome.text.slice(0, 400)}`;
  assert.ok(outcome.status < 500, `5xx: ${where}`);
  if (request.url.startsWith('/v2/')) {
    // Daftra's v2 shapes: {"message": ...} (422 adds "errors"), or {"error":"Entity Not exists"}.
    if (outcome.status >= 400) {
      const body = outcome.json;
      assert.ok(body && typeof body === 'object' && !Array.isArray(body), `a 4xx body must be a JSON object: ${where}`);
      assert.ok(typeof body.message === 'string' || typeof body.error === 'string', `message or error: ${where}`);
      if (outcome.status === 422 && body.errors !== undefined) {
        for (const value of Object.values(body.errors))
          assert.ok(Array.isArray(value), `errors values are lists: ${where}`);
      }
    }
    return;
  }
  if (outcome.status >= 400) {
    const body = outcome.json;
    assert.ok(body && typeof body === 'object' && !Array.isArray(body), `a 4xx body must be a JSON object: ${where}`);
    assert.equal(body.result, 'failed', `result: ${where}`);
    assert.equal(body.code, outcome.status, `code: ${where}`);
    assert.equal(typeof body.message, 'string', `message: ${where}`);
    if (body.validation_errors !== undefined) {
      assert.ok(
        typeof body.validation_errors === 'object' && body.validation_errors !== null,
        `validation_errors: ${where}`,
      );
      for (const value of Object.values(body.validation_errors))
        assert.equal(typeof value, 'string', `validation_errors values: ${where}`);
    }
    if (body.error_code === 'DAFTAR_ERR_VALIDATION') {
      assert.ok(
        body.validation_errors && Object.keys(body.validation_errors).length > 0,
        `a validation error names its fields: ${where}`,
      );
    }
  } else if (
    outcome.status >= 200 &&
    outcome.status < 300 &&
    outcome.json &&
    typeof outcome.json === 'object' &&
    'result' in outcome.json
  ) {
    assert.equal(outcome.json.result, 'successful', where);
  }
}

eachDatabase(
  'hostile input',
  (server) => {
    let operations: Operation[] = [];
    let ids: Ids = {};
    let tables: string[] = [];

    /** Sends one hostile request and checks the reply and, for a refused write, every table. */
    async function probe(request: HostileRequest): Promise<number> {
      const s = server();
      const writes = request.method !== 'GET';
      const before = writes ? await fingerprint(s.database, tables) : undefined;
      const outcome = await send(s, request);
      checkEnvelope(request, outcome);
      if (before && outcome.status >= 400) {
        const changed = changedTables(before, await fingerprint(s.database, tables));
        assert.deepEqual(
          changed,
          [],
          `a refused request changed tables ${changed.join(', ')}: ${describeRequest(request)} → ${outcome.status} ${outcome.text.slice(0, 300)}`,
        );
      }
      return outcome.status;
    }

    it('reads the OpenAPI document and seeds one record of every resource', async () => {
      const s = server();
      assert.deepEqual(missingSeeds(), [], 'every resource has a seed in test/support/records.ts');
      const openapi = (await s.get('/api2/openapi.json', { apikey: '' })).body;
      operations = operationsOf(openapi);
      assert.ok(operations.length > 100, `operations: ${operations.length}`);
      ids = await populate(s, 'fuzz');
      tables = await tableNames(s.database);
    });

    it('refuses hostile input on every path and method of the OpenAPI document', async (t) => {
      // Requests per operation drawn deterministically (from the seed), so every route is exercised on
      // every run; the random property below adds variety.
      const failures: string[] = [];
      t.diagnostic(`${operations.length} operations, ${SWEEP_SAMPLES} request(s) each`);
      for (const [index, op] of operations.entries()) {
        const samples = fc.sample(requestFor(op, ids), { numRuns: SWEEP_SAMPLES, seed: (SEED ?? 42) + index });
        for (const request of samples) {
          try {
            await probe(request);
          } catch (error) {
            failures.push(error instanceof Error ? error.message.slice(0, 1_500) : String(error));
          }
        }
      }
      assert.deepEqual(failures.slice(0, 15), [], `${failures.length} failing requests`);
    });

    it('refuses the requests that once were 500s (regressions the fuzzer found)', async () => {
      const plain = (
        method: string,
        url: string,
        contentType: string | null = null,
        body?: string,
        headers: Record<string, string> = {},
      ): HostileRequest => ({ method, url, headers, body: { contentType, body, label: 'regression' } });
      const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const cases: Array<[HostileRequest, number]> = [
        [plain('GET', '/api2/invoices.json?constructor=1'), 200],
        [plain('GET', '/api2/invoices.json?__proto__=1&toString=2'), 200],
        // An explicit filter that names no field (or no operator) is a 400, never everything.
        [
          plain('GET', '/api2/invoices.json?filter[constructor][equal]=1&filter[id][constructor]=1&sort=constructor'),
          400,
        ],
        [plain('GET', '/api2/credit_notes.json?filter[id][like]=1'), 200],
        [
          plain(
            'GET',
            `/api2/refund_receipts.json?summary_total_to=${'9'.repeat(300)}&summary_total_from=${'9'.repeat(40)}.5`,
          ),
          200,
        ],
        [plain('GET', '/api2/products.json?filter[unit_price][like]=10'), 200],
        [plain('GET', '/api2/invoices.json?keywords=%00'), 400],
        [plain('GET', '/api2/invoices.json?no=a%00b'), 400],
        [plain('GET', '/api2/product_categories.json?filter[name][like]=a%00b'), 400],
        [plain('POST', '/api2/notes/constructor/1', 'application/json', '{"Note":{"body":"x"}}'), 404],
        [plain('POST', '/api2/notes/__proto__/1', 'application/json', '{"Note":{"body":"x"}}'), 404],
        [plain('GET', '/api2/listing/__proto__'), 404],
        [plain('GET', '/api2/listing/constructor'), 404],
        [
          plain('DELETE', `/api2/purchase_invoices/${ids['purchase_invoices']}`, 'multipart/form-data', '{"Client": {'),
          400,
        ],
        [plain('POST', '/api2/clients.json', 'multipart/form-data', 'a=1'), 400],
        [plain('GET', '/api2/clients/%zz'), 400],
        [plain('PUT', '/api2/clients/%ED%A0%80', 'application/json', '{}'), 400],
        [plain('GET', `/api2/clients/${'9'.repeat(300)}`), 414],
        [
          plain('PUT', `/api2/products/${ids['products']}`, 'application/json', `{"Product":{"name":${deep(5_000)}}}`, {
            'idempotency-key': 'deep-1',
          }),
          400,
        ],
        [
          plain(
            'POST',
            '/api2/invoices.json',
            'application/json',
            `{"Invoice":{"client_id":${ids['clients']},"custom_fields":${deep(20_000)}},"InvoiceItem":[{"item":"x","unit_price":1}]}`,
          ),
          400,
        ],
        [
          plain('POST', '/api2/clients.json', 'text/plain', `{"Client":{"business_name":"deep","notes":${deep(100)}}}`),
          400,
        ],
      ];
      for (const [request, status] of cases) {
        assert.equal(await probe(request), status, describeRequest(request));
      }
    });

    it(`holds for random hostile requests (${RANDOM_RUNS} runs; DAFTAR_FUZZ_RUNS for more)`, async () => {
      const statuses = new Map<number, number>();
      const arbitrary = fc.constantFrom(...operations).chain((op) => requestFor(op, ids));
      const details = await fc.check(
        fc.asyncProperty(arbitrary, async (request) => {
          const status = await probe(request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
        { numRuns: RANDOM_RUNS, seed: SEED, endOnFailure: !LONG },
      );
      if (details.failed) {
        // fast-check's own report prints the whole counterexample, huge strings included: keep it short.
        const [request] = details.counterexample ?? [];
        const reason =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(
          `property failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"; rerun with DAFTAR_FUZZ_SEED=${details.seed}):\n` +
            `${request ? describeRequest(request) : '?'}\n${reason.slice(0, 2_000)}`,
        );
      }
      assert.ok(statuses.size > 1, `more than one kind of answer: ${JSON.stringify([...statuses])}`);
    });

    it('keeps the books whole after the fuzzing', async () => {
      assert.deepEqual(await bookProblems(server().database), []);
      assert.deepEqual(await orphanProblems(server().database), [], 'no row names a deleted record');
    });

    it('refuses a body over the limit with 413 in the failed envelope, and keeps serving', async () => {
      const s = server();
      const before = await fingerprint(s.database, tables);
      const big = JSON.stringify({ Client: { business_name: 'Big', notes: 'n'.repeat(BODY_LIMIT + 10) } });
      for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
        const body = contentType.includes('form')
          ? `Client[business_name]=Big&Client[notes]=${'n'.repeat(BODY_LIMIT + 10)}`
          : big;
        const reply = await s.post('/api2/clients.json', body, { 'content-type': contentType });
        assert.equal(reply.status, 413, `${contentType}: ${reply.text.slice(0, 200)}`);
        assert.equal(reply.body.result, 'failed');
        assert.equal(reply.body.code, 413);
        assert.equal(typeof reply.body.message, 'string');
      }
      const form = new FormData();
      form.append('Client[business_name]', 'Big');
      form.append('Client[notes]', 'n'.repeat(BODY_LIMIT + 10));
      const multipart = await fetch(`${s.url}/api2/clients.json`, {
        method: 'POST',
        headers: { apikey: s.apiKey },
        body: form,
      });
      const multipartBody = (await multipart.json()) as Record<string, unknown>;
      assert.equal(multipart.status, 413, JSON.stringify(multipartBody));
      assert.equal(multipartBody['result'], 'failed');
      assert.deepEqual(changedTables(before, await fingerprint(s.database, tables)), []);
      assert.equal((await s.get('/api2/clients.json?limit=1')).status, 200, 'still serving');
    });

    it('refuses oversized headers with a 4xx and keeps serving', async () => {
      const s = server();
      const response = await rawExchange(
        s,
        `GET /api2/clients.json HTTP/1.1\r\nHost: x\r\napikey: ${s.apiKey}\r\nX-Big: ${'h'.repeat(40_000)}\r\nConnection: close\r\n\r\n`,
      );
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
      assert.ok(status >= 400 && status < 500, `oversized headers answered: ${response.slice(0, 200)}`);
      const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h${i}`, 'v'.repeat(100)]));
      const reply = await s.get('/api2/clients.json?limit=1', many);
      assert.ok(reply.status >= 400 && reply.status < 500, `many headers: ${reply.status}`);
      assert.equal((await s.get('/api2/clients.json?limit=1')).status, 200, 'still serving');
    });

    it('cuts off a client that sends headers and then stalls, and keeps serving', async () => {
      const s = server();
      const before = await fingerprint(s.database, tables);
      const started = Date.now();
      const { port } = new URL(s.url);
      const closed = await new Promise<{ data: string; ms: number }>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1');
        let data = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
          data += chunk;
        });
        socket.on('error', () => resolve({ data, ms: Date.now() - started }));
        socket.on('close', () => resolve({ data, ms: Date.now() - started }));
        socket.on('connect', () => {
          socket.write(
            `POST /api2/clients.json HTTP/1.1\r\nHost: x\r\napikey: ${s.apiKey}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"Client":`,
          );
        });
        setTimeout(() => {
          socket.destroy();
          reject(new Error('the server kept a stalled request open for 10 s'));
        }, 10_000).unref();
      });
      assert.ok(closed.ms >= REQUEST_TIMEOUT_MS * 0.8, `cut off after ${closed.ms} ms, before the timeout`);
      if (closed.data) assert.match(closed.data, /^HTTP\/1\.1 (408|503)/, 'answered with a timeout status');
      assert.equal((await s.get('/api2/clients.json?limit=1')).status, 200, 'still serving');
      assert.deepEqual(
        changedTables(before, await fingerprint(s.database, tables)),
        [],
        'the stalled create wrote nothing',
      );
    });
  },
  { DAFTAR_BODY_LIMIT_BYTES: String(BODY_LIMIT), DAFTAR_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
);

/** Sends raw bytes over one connection and returns what came back before the server closed it. */
function rawExchange(s: TestServer, request: string): Promise<string> {
  const { port } = new URL(s.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
    socket.on('connect', () => socket.write(request));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer in 5 s'));
    }, 5_000).unref();
  });
}
