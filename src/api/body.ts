/**
 * Request bodies in every form Daftra clients send: JSON (also when labelled text/plain), urlencoded and
 * multipart forms with PHP-style keys (`Invoice[client_id]=1&InvoiceItem[0][item]=Pen`), expanded into
 * the same nested object a JSON body would be.
 */
import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { DaftarError } from '../domain/errors.js';
import { isRecord } from '../guards.js';

/** Nesting depth a bracketed form key may reach. */
const FORM_DEPTH_MAX = 6;
/** Nesting depth any body may reach (Daftra's bodies nest 3 or 4 levels; json fields a few more). */
const BODY_DEPTH_MAX = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Tree = Record<string, unknown>;

function setPath(target: Tree, path: string[], value: unknown): void {
  let node: Tree = target;
  for (let index = 0; index < path.length - 1; index += 1) {
    const key = path[index]!;
    const next = node[key];
    if (isRecord(next)) node = next;
    else {
      const fresh: Tree = Object.create(null);
      node[key] = fresh;
      node = fresh;
    }
  }
  const last = path[path.length - 1]!;
  node[last] = value;
}

/** `a[b][0][c]` → ['a','b','0','c']; `a[]` appends. Returns null for keys it refuses. */
function splitKey(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return [key];
  const parts = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
  if (parts.length > FORM_DEPTH_MAX || parts.some((part) => FORBIDDEN_KEYS.has(part))) return null;
  return parts;
}

/** Turns bracket arrays (`{"0":..,"1":..}`) into lists, recursively, into plain objects. */
function normalize(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const plain: Tree = {};
  for (const key of keys) plain[key] = normalize(value[key]);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key)))
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => plain[key]);
  return plain;
}

/** The nested body of a form's fields: an object, or a list when every top-level key is an index. */
export function expandFormFields(fields: Record<string, unknown>): unknown {
  const tree: Tree = Object.create(null);
  for (const [key, raw] of Object.entries(fields)) {
    const path = splitKey(key);
    if (!path) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    if (path[path.length - 1] === '') {
      for (const [index, value] of values.entries()) setPath(tree, [...path.slice(0, -1), String(index)], value);
    } else {
      setPath(tree, path, values[values.length - 1]);
    }
  }
  return normalize(tree);
}

/**
 * @fastify/multipart reads the raw request itself, so Fastify's bodyLimit never applies to it (a form
 * of 2,000 fields of bodyLimit bytes each would be read into memory) and a type without a boundary
 * fails inside busboy as a plain Error. Both are settled from the headers, before any byte is read.
 */
function checkMultipartHeaders(
  method: string,
  headers: Record<string, string | string[] | undefined>,
  bodyLimitBytes: number,
): void {
  const type = String(headers['content-type'] ?? '');
  if (!/^\s*multipart\/form-data/i.test(type) || method === 'GET' || method === 'HEAD') return;
  const lengthText = headers['content-length'];
  const chunked = headers['transfer-encoding'] !== undefined;
  if (!chunked && (lengthText === undefined || Number(lengthText) === 0)) return;
  if (!/;\s*boundary=/i.test(type))
    throw new DaftarError('DAFTAR_ERR_BAD_BODY', 'A multipart/form-data body needs a boundary in its Content-Type');
  if (chunked) throw new DaftarError('DAFTAR_ERR_BAD_BODY', 'A multipart/form-data body needs a Content-Length');
  if (Number(lengthText) > bodyLimitBytes) throw new DaftarError('DAFTAR_ERR_BODY_TOO_LARGE');
}

export async function registerBodyParsers(app: FastifyInstance, bodyLimitBytes: number): Promise<void> {
  // Callback hooks, not async ones: these run on every request, and a promise each is measurable.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkMultipartHeaders(request.method, request.headers, bodyLimitBytes);
    } catch (error) {
      return done(error instanceof Error ? error : new Error(String(error)));
    }
    done();
  });
  await app.register(formbody, { bodyLimit: bodyLimitBytes });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fieldSize: bodyLimitBytes, fields: 2_000, files: 0, fileSize: 0 },
  });
  // An empty body labelled application/json is no body (clients send the header on every DELETE, and
  // on POST/PUT with nothing to say); a body that is there and broken is still refused.
  const jsonParser = app.getDefaultJsonParser('remove', 'remove');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: bodyLimitBytes },
    (request, body, done) => {
      const text = String(body);
      if (text.trim() === '') return done(null, undefined);
      return jsonParser(request, text, done);
    },
  );
  // Some clients label JSON as text/plain or send no useful type: try JSON, else refuse clearly.
  app.addContentTypeParser(
    ['text/plain', 'application/x-json', 'text/json'],
    { parseAs: 'string', bodyLimit: bodyLimitBytes },
    (_request, body, done) => {
      const text = String(body).trim();
      if (text === '') return done(null, {});
      try {
        done(
          null,
          JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value)),
        );
      } catch {
        done(new DaftarError('DAFTAR_ERR_BAD_JSON'), undefined);
      }
    },
  );
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined || request.body === null) return done();
    const type = String(request.headers['content-type'] ?? '');
    if (
      (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) &&
      isRecord(request.body)
    ) {
      request.body = expandFormFields(request.body);
    }
    if (nestedDeeperThan(request.body, BODY_DEPTH_MAX)) {
      return done(
        new DaftarError('DAFTAR_ERR_BAD_BODY', `Request body is nested more than ${BODY_DEPTH_MAX} levels deep`),
      );
    }
    done();
  });
}

/**
 * Whether a parsed body nests objects and lists deeper than `max`. Measured without recursion: code
 * after parsing (JSON.stringify of a json field, idempotency fingerprints) recurses, and a body nested
 * thousands of levels deep — a few kilobytes of `[` — would overflow its stack: a 500.
 */
function nestedDeeperThan(body: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
