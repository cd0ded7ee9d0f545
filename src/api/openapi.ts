/**
 * OpenAPI 3.1 generated from the resource declarations: every route the server has, with request
 * schemas (lenient, as the server accepts) and reply schemas (strict: values rendered as strings).
 */
import { readFileSync } from 'node:fs';
import { type TSchema, Type } from '@sinclair/typebox';
import type { Field } from '../engine/fields.js';
import { AMOUNT_ABS_MAX, SCALE } from '../domain/money.js';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '../engine/listing.js';
import type { ChildSpec, ResourceSpec } from '../engine/resource.js';
import { GUIDE } from './guide.js';
import { TOKEN_PATHS } from './oauth.js';
import { isRecord, recordAt } from '../guards.js';

const AMOUNT_LIMIT = Number((AMOUNT_ABS_MAX + 1n) / SCALE);

const nullable = (schema: TSchema) => Type.Union([schema, Type.Null()]);

/** What a client may send for a field (numbers as strings, booleans as "1"...). */
function requestSchema(field: Field): TSchema {
  const o = field.options;
  const doc = { description: o.description };
  switch (o.kind) {
    case 'text':
      return o.values
        ? Type.Union(
            o.values.map((v) => Type.Literal(String(v))),
            doc,
          )
        : Type.String({ maxLength: o.maxLength, ...doc });
    case 'int':
      return o.values
        ? Type.Union(
            [...o.values.map((v) => Type.Literal(Number(v))), ...o.values.map((v) => Type.Literal(String(v)))],
            doc,
          )
        : Type.Union(
            [Type.Integer({ minimum: o.minimum, maximum: o.maximum }), Type.String({ pattern: '^-?\\d+$' })],
            doc,
          );
    // The range of every stored value (docs/accounting.md): less than 9 × 10^12 in size, six decimals.
    case 'decimal':
      return Type.Union(
        [
          Type.Number({ exclusiveMinimum: -AMOUNT_LIMIT, exclusiveMaximum: AMOUNT_LIMIT }),
          Type.String({ pattern: '^-?\\d+(\\.\\d+)?$' }),
        ],
        doc,
      );
    case 'bool':
      return Type.Union([Type.Boolean(), Type.Literal(0), Type.Literal(1), Type.Literal('0'), Type.Literal('1')], doc);
    case 'date':
      return Type.String({ format: 'date', ...doc });
    case 'datetime':
      return Type.String({ examples: ['2024-01-31 14:15:22'], ...doc });
    case 'json':
      return Type.Unknown(doc);
  }
}

/** What the server replies for a field: stored values as strings, nulls as null. */
function replySchema(field: Field): TSchema {
  const o = field.options;
  if (o.kind === 'json') return Type.Unknown({ description: o.description });
  return nullable(Type.String({ description: o.description, ...(o.readOnly ? { readOnly: true } : {}) }));
}

function writableProperties(fields: Record<string, Field>, skip?: string): Record<string, TSchema> {
  const properties: Record<string, TSchema> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.isWritable && name !== skip)
      properties[name] = field.options.required ? requestSchema(field) : Type.Optional(requestSchema(field));
  }
  return properties;
}

function recordReply(fields: Record<string, Field>, children: readonly ChildSpec[] = []): TSchema {
  const properties: Record<string, TSchema> = { id: Type.String() };
  for (const [name, field] of Object.entries(fields)) properties[name] = replySchema(field);
  for (const child of children) properties[child.key] = Type.Optional(Type.Array(recordReply(child.fields)));
  return Type.Object(properties, { additionalProperties: true });
}

function requestBody(spec: ResourceSpec): TSchema {
  const properties: Record<string, TSchema> = { [spec.model]: Type.Object(writableProperties(spec.fields)) };
  for (const child of spec.children ?? []) {
    if (!child.writable) continue;
    const item = Type.Object(writableProperties(child.fields, child.foreignKey));
    for (const key of [child.key, ...(child.inputKeys ?? [])])
      properties[key] = Type.Optional(Type.Union([Type.Array(item), item]));
  }
  return Type.Object(properties, {
    description: `Children may also be nested inside ${spec.model}; other model keys accepted: ${(spec.inputModels ?? []).join(', ') || 'none'}`,
  });
}

const failed = {
  description: 'Failed',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Failed' } } },
};
const errors = { 400: failed, 401: failed, 404: failed };

function operationsFor(spec: ResourceSpec): Record<string, Record<string, unknown>> {
  const ref = { $ref: `#/components/schemas/${spec.model}` };
  const paths: Record<string, Record<string, unknown>> = {};
  const ops = new Set(spec.operations);
  const collection: Record<string, unknown> = {};
  const item: Record<string, unknown> = {};
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+(\\.json)?$' } };
  const tags = [spec.title];
  if (ops.has('list')) {
    collection['get'] = {
      tags,
      operationId: `list_${spec.name}`,
      summary: `GET All ${spec.title}`,
      parameters: [
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: LIST_LIMIT_MAX, default: LIST_LIMIT_DEFAULT },
        },
        { name: 'sort', in: 'query', schema: { type: 'string' } },
        { name: 'direction', in: 'query', schema: { type: 'string', enum: ['ASC', 'DESC', 'asc', 'desc'] } },
        ...(spec.keywordColumns
          ? [
              {
                name: 'keywords',
                in: 'query',
                schema: { type: 'string' },
                description: `Searches ${spec.keywordColumns.join(', ')}`,
              },
            ]
          : []),
        ...Object.keys(spec.filters ?? {}).map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
        {
          name: 'filter',
          in: 'query',
          style: 'deepObject',
          explode: true,
          schema: { type: 'object' },
          description:
            'filter[field]=value or filter[field][op]=value; op: equal, ne, gt, gte, lt, lte, from, to, like, in, is_null. Plain field=value works too.',
        },
      ],
      responses: {
        200: {
          description: 'A page',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  code: { const: 200 },
                  result: { const: 'successful' },
                  data: { type: 'array', items: { type: 'object', properties: { [spec.model]: ref } } },
                  pagination: { $ref: '#/components/schemas/Pagination' },
                },
              },
            },
          },
        },
        ...errors,
      },
    };
  }
  if (ops.has('create')) {
    collection['post'] = {
      tags,
      operationId: `create_${spec.name}`,
      summary: `Add New ${spec.title}`,
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 255 } }],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: requestBody(spec) },
          'application/x-www-form-urlencoded': { schema: { type: 'object' } },
        },
      },
      responses: {
        202: {
          description: 'Created',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Created' } } },
        },
        ...errors,
      },
    };
  }
  if (ops.has('get')) {
    item['get'] = {
      tags,
      operationId: `get_${spec.name}`,
      summary: `GET Single ${spec.title}`,
      parameters: [idParam],
      responses: {
        200: {
          description: 'The record',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  code: { const: 200 },
                  result: { const: 'successful' },
                  data: { type: 'object', properties: { [spec.model]: ref } },
                },
              },
            },
          },
        },
        ...errors,
      },
    };
  }
  if (ops.has('edit')) {
    const edit = (method: string) => ({
      tags,
      operationId: `${method}_${spec.name}`,
      summary: `Edit ${spec.title}${method === 'post_edit' ? ' (POST to the id, as curl sends)' : ''}`,
      parameters: [idParam],
      requestBody: { required: true, content: { 'application/json': { schema: requestBody(spec) } } },
      responses: {
        200: {
          description: 'Edited',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Done' } } },
        },
        ...errors,
      },
    });
    item['put'] = {
      ...edit('edit'),
      description: 'POST to the same path edits too (as curl and some Daftra clients send).',
    };
  }
  if (ops.has('delete')) {
    item['delete'] = {
      tags,
      operationId: `delete_${spec.name}`,
      summary: `Delete ${spec.title}`,
      parameters: [idParam],
      responses: {
        200: {
          description: 'Deleted',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Done' } } },
        },
        ...errors,
      },
    };
  }
  // One path per operation: Daftra's documented `.json` form for the collection and `{id}` for one
  // record (the id may carry `.json`); the other spellings the server also answers are listed under
  // `x-daftar-also` so the reference shows each operation once and tools can still find every route.
  const also = (forms: string[]) => (forms.length > 0 ? { 'x-daftar-also': forms } : {});
  const aliases = spec.aliases ?? [];
  if (Object.keys(collection).length > 0) {
    paths[`/api2/${spec.name}.json`] = {
      ...collection,
      ...also([`/api2/${spec.name}`, ...aliases.flatMap((a) => [`/api2/${a}`, `/api2/${a}.json`])]),
    };
  }
  if (Object.keys(item).length > 0) {
    paths[`/api2/${spec.name}/{id}`] = { ...item, ...also(aliases.map((a) => `/api2/${a}/{id}`)) };
  }
  return paths;
}

export interface ExtraRoute {
  method: string;
  path: string;
  summary: string;
  tag: string;
  responses?: Record<string, unknown>;
}

export function buildOpenApi(
  specs: readonly ResourceSpec[],
  extras: ExtraRoute[],
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {
    Pagination: {
      type: 'object',
      properties: {
        prev: { type: ['string', 'null'] },
        next: { type: ['string', 'null'] },
        page: { type: 'integer' },
        page_count: { type: 'integer' },
        total_results: { type: 'integer' },
      },
    },
    Created: {
      type: 'object',
      properties: { code: { const: 202 }, result: { const: 'successful' }, id: { type: 'string' } },
    },
    Done: {
      type: 'object',
      properties: { code: { const: 200 }, result: { const: 'successful' }, message: { type: 'string' } },
    },
    Failed: {
      type: 'object',
      properties: {
        result: { const: 'failed' },
        code: { type: 'integer' },
        message: { type: 'string' },
        validation_errors: { type: 'object', additionalProperties: { type: 'string' } },
        error_code: { type: 'string' },
      },
    },
  };
  for (const spec of specs) {
    Object.assign(paths, operationsFor(spec));
    schemas[spec.model] = recordReply(spec.fields, spec.children);
  }
  for (const route of extras) {
    paths[route.path] = {
      ...(paths[route.path] ?? {}),
      [route.method.toLowerCase()]: {
        tags: [route.tag],
        summary: route.summary,
        operationId: `${route.method.toLowerCase()}_${route.path.replace(/[^a-z0-9]+/gi, '_')}`,
        responses: route.responses ?? { 200: { description: 'OK' }, ...errors },
      },
    };
  }
  for (const path of TOKEN_PATHS) {
    paths[path] = {
      post: {
        tags: ['Authorization'],
        summary: 'Authenticate (password or refresh_token grant)',
        operationId: `token_${path.replace(/[^a-z0-9]+/gi, '_')}`,
        security: [],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  grant_type: { enum: ['password', 'refresh_token'] },
                  client_id: { type: 'string' },
                  client_secret: { type: 'string' },
                  username: { type: 'string' },
                  password: { type: 'string' },
                  refresh_token: { type: 'string' },
                },
              },
            },
            'multipart/form-data': { schema: { type: 'object' } },
            'application/x-www-form-urlencoded': { schema: { type: 'object' } },
          },
        },
        responses: {
          200: {
            description: 'Tokens',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    token_type: { const: 'Bearer' },
                    expires_in: { type: 'integer' },
                    access_token: { type: 'string' },
                    refresh_token: { type: 'string' },
                  },
                },
              },
            },
          },
          400: failed,
        },
      },
    };
  }
  embedExamples(paths, recordedExamples());
  return {
    openapi: '3.1.0',
    info: { title: 'Daftar API (Daftra-compatible)', version, description: GUIDE },
    servers: [{ url: '/' }],
    security: [{ apikey: [] }, { bearer: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apikey: { type: 'apiKey', in: 'header', name: 'apikey' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}

interface Example {
  status: number;
  request?: unknown;
  reply: unknown;
}

/** The examples recorded from a real run (`npm run docs:examples`), keyed by `METHOD /path`. */
function recordedExamples(): Record<string, Example> {
  try {
    const parsed: unknown = JSON.parse(
      readFileSync(new URL('../../../src/api/openapi-examples.json', import.meta.url), 'utf8'),
    );
    const examples: Record<string, Example> = {};
    if (!isRecord(parsed)) return examples;
    for (const [key, example] of Object.entries(parsed)) {
      if (isRecord(example) && typeof example['status'] === 'number')
        examples[key] = { status: example['status'], request: example['request'], reply: example['reply'] };
    }
    return examples;
  } catch {
    return {};
  }
}

/** The object under `key`, made by `make` when there is none. */
function objectAt(parent: Record<string, unknown>, key: string, make: () => Record<string, unknown>) {
  const found = parent[key];
  if (isRecord(found)) return found;
  const made = make();
  parent[key] = made;
  return made;
}

/** Puts each recorded request into its operation's JSON body and each reply under its status. */
function embedExamples(paths: Record<string, Record<string, unknown>>, examples: Record<string, Example>): void {
  for (const [key, example] of Object.entries(examples)) {
    const [method = '', path = ''] = key.split(' ');
    const operation = recordAt(paths[path], method.toLowerCase());
    if (!operation) continue;
    const body = recordAt(recordAt(operation['requestBody'], 'content'), 'application/json');
    if (body && example.request !== undefined) body['example'] = example.request;
    const responses = objectAt(operation, 'responses', () => ({}));
    const response = objectAt(responses, String(example.status), () => ({ description: 'OK' }));
    const content = objectAt(response, 'content', () => ({ 'application/json': {} }));
    objectAt(content, 'application/json', () => ({}))['example'] = example.reply;
  }
}
