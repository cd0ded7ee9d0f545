/**
 * What the two conformance suites share (test/conformance.test.ts for the 35 v1 groups,
 * test/conformance-rest.test.ts for the rest of the export): outcomes and their figures, paths into
 * bodies and replies, the normal form values are compared in, generated values, and the exceptions
 * tables of docs/compatibility.md, each read from its own section so neither suite calls the other's
 * rows stale.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocField } from './daftra-docs.js';
import type { Reply } from './harness.js';

export type Json = Record<string, any>;

export type Category = 'stored' | 'returned' | 'filtered' | 'validated';
export const CATEGORIES: Category[] = ['stored', 'returned', 'filtered', 'validated'];

export interface Outcome {
  group: string;
  operation: string;
  category: Category;
  field: string;
  ok: boolean;
  why: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// ---------------------------------------------------------------------------------------------------
// Paths into bodies and replies: `Invoice.notes`, `InvoiceItem[].item`, `data[].name`.

function segments(fieldPath: string): Array<{ key: string; list: boolean }> {
  return fieldPath.split('.').map((part) => ({ key: part.replace(/\[\]$/, ''), list: part.endsWith('[]') }));
}

export function setAt(body: Json, fieldPath: string, value: unknown): void {
  let node: any = body;
  const parts = segments(fieldPath);
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (last) {
      node[part.key] = value;
      return;
    }
    if (part.list) {
      if (!Array.isArray(node[part.key])) node[part.key] = [{}];
      if (node[part.key].length === 0) node[part.key].push({});
      node = node[part.key][0];
    } else {
      if (typeof node[part.key] !== 'object' || node[part.key] === null || Array.isArray(node[part.key]))
        node[part.key] = {};
      node = node[part.key];
    }
  });
}

export function deleteAt(body: Json, fieldPath: string): void {
  let node: any = body;
  const parts = segments(fieldPath);
  for (const [index, part] of parts.entries()) {
    if (node === undefined || node === null) return;
    if (index === parts.length - 1) {
      delete node[part.key];
      return;
    }
    node = part.list ? node[part.key]?.[0] : node[part.key];
  }
}

export const MISSING = Symbol('missing');

/** The value at a documented path of a reply; `[]` steps into the first element. */
export function readAt(root: unknown, fieldPath: string): unknown {
  let node: any = root;
  const parts = segments(fieldPath);
  for (const [index, part] of parts.entries()) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part.key)) return MISSING;
    node = node[part.key];
    // A documented single object that is a list here (the docs' `Payment: {…}`): its first element.
    const inner = !part.list && Array.isArray(node) && index < parts.length - 1 && !/^\d+$/.test(parts[index + 1]!.key);
    if (part.list || inner) {
      if (!Array.isArray(node) || node.length === 0) return MISSING;
      node = node[0];
    }
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------
// Comparing what was sent with what came back, after normalising number, boolean and date forms.

export function normal(value: unknown): unknown {
  if (value === true) return '1';
  if (value === false) return '0';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return String(Number(value));
    if (/^\d{4}-\d{2}-\d{2} 00:00:00$/.test(value)) return value.slice(0, 10);
    return value;
  }
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]));
  return value;
}

export function same(sent: unknown, read: unknown): boolean {
  return JSON.stringify(normal(sent)) === JSON.stringify(normal(read));
}

// ---------------------------------------------------------------------------------------------------
// Values the generic rules give a documented field: variant 0 on create, 1 on edit.

export function lastName(fieldPath: string): string {
  return fieldPath.split('.').pop()!.replace(/\[\]$/, '');
}

export function generated(field: DocField, variant: 0 | 1): unknown {
  const name = lastName(field.path);
  if (field.values && field.values.length > 0) return field.values[Math.min(variant, field.values.length - 1)];
  let type = field.type;
  if (type === undefined || type === 'null') {
    type = /amount|price|value|balance|budget|debit|credit|total|discount|rate/.test(name)
      ? 'number'
      : /_id$|status$|type$|^tax\d$|options$/.test(name)
        ? 'integer'
        : 'string';
  }
  switch (type) {
    case 'boolean':
      return variant === 0;
    case 'integer':
      return variant + 1;
    case 'number':
    case 'double':
      return variant ? '13.25' : '12.5';
    case 'array':
      return variant ? [`b-${name}`] : [`a-${name}`];
    case 'object':
      return { probe: variant ? `b-${name}` : `a-${name}` };
    default:
      break;
  }
  if (field.format === 'date-time' || /_time$/.test(name))
    return variant ? '2024-03-04 11:12:13' : '2024-02-03 10:11:12';
  if (field.format === 'date' || /(^|_)date$/.test(name)) return variant ? '2024-03-04' : '2024-02-03';
  if (field.format === 'email' || /email$/.test(name)) return variant ? 'b@example.com' : 'a@example.com';
  if (/country_code$/.test(name)) return variant ? 'EG' : 'SA';
  if (/currency(_code)?$/.test(name)) return 'SAR';
  const text = `${variant ? 'b' : 'a'}-${name}`;
  return field.maxLength ? text.slice(0, field.maxLength) : text;
}

// ---------------------------------------------------------------------------------------------------
// Exceptions: `| group | category | field | reason |` rows of one section of docs/compatibility.md.
// A field cell is one pattern or several backticked ones; `*` in a pattern matches any text, so `*`
// covers every field of the group in that category and `InvoicePayment[]*` the fields it starts.

export interface Exception {
  group: string;
  category: string;
  patterns: string[];
  reason: string;
}

export function readExceptions(heading: string): Exception[] {
  const text = fs.readFileSync(path.join(ROOT, 'docs', 'compatibility.md'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  assert.ok(start >= 0, `docs/compatibility.md has a "${heading}" section`);
  const rows: Exception[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 6 || cells[1] === 'group' || /^-+$/.test(cells[1]!)) continue;
    const quoted = [...cells[3]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    rows.push({
      group: cells[1]!,
      category: cells[2]!,
      patterns: quoted.length > 0 ? quoted : [cells[3]!],
      reason: cells[4]!,
    });
  }
  return rows;
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function coversWith(row: Exception, pattern: string, outcome: Outcome): boolean {
  if (row.group !== outcome.group || (row.category !== '*' && row.category !== outcome.category)) return false;
  return glob(pattern).test(outcome.field);
}

export function covers(row: Exception, outcome: Outcome): boolean {
  return row.patterns.some((pattern) => coversWith(row, pattern, outcome));
}

/** honoured/total per category, as the suites print them and docs/conformance.md records them. */
export function figures(outcomes: Outcome[]): string[] {
  const line = (label: string, of: Outcome[]) => {
    const honoured = of.filter((outcome) => outcome.ok).length;
    return `${label.padEnd(9)} ${honoured}/${of.length} (${of.length ? ((100 * honoured) / of.length).toFixed(1) : '100'}%)`;
  };
  return [
    ...CATEGORIES.map((category) =>
      line(
        category,
        outcomes.filter((outcome) => outcome.category === category),
      ),
    ),
    line('all', outcomes),
  ];
}

/**
 * Prints the figures and holds the table to the behaviour: every failing pair is covered by a row of
 * the section, every pattern of every row covers a failing pair.
 */
export function judge(outcomes: Outcome[], heading: string, label: string): void {
  console.log(
    `${label}: ${outcomes.filter((outcome) => outcome.ok).length}/${outcomes.length} honoured\n  ${figures(outcomes).join('\n  ')}`,
  );
  const exceptions = readExceptions(heading);
  const failing = outcomes.filter((outcome) => !outcome.ok);
  const unlisted = failing.filter((outcome) => !exceptions.some((row) => covers(row, outcome)));
  const stale = exceptions.flatMap((row) =>
    row.patterns
      .filter((pattern) => !failing.some((outcome) => coversWith(row, pattern, outcome)))
      .map((pattern) => ({ row, pattern })),
  );
  if (process.env['CONFORMANCE_REPORT']) {
    const file = process.env['CONFORMANCE_REPORT'].replace('%e', label.replace(/[^\w-]+/g, '_'));
    fs.writeFileSync(
      file,
      JSON.stringify(
        { figures: figures(outcomes), failing, stale: stale.map(({ row, pattern }) => ({ ...row, pattern })) },
        null,
        1,
      ),
    );
  }
  const show = (outcome: Outcome) =>
    `| ${outcome.group} | ${outcome.category} | \`${outcome.field}\` | ${outcome.operation}: ${outcome.why} |`;
  assert.deepEqual(
    unlisted.map(show).slice(0, 60),
    [],
    `${unlisted.length} documented pairs fail and are not in docs/compatibility.md "${heading.replace(/^## /, '')}"`,
  );
  assert.deepEqual(
    stale.map(({ row, pattern }) => `| ${row.group} | ${row.category} | ${pattern} |`),
    [],
    `exceptions listed in docs/compatibility.md "${heading.replace(/^## /, '')}" that are honoured now: remove them`,
  );
}

/** As readAt, but a list step tries every element: a field documented on list rows is there when some row has it. */
export function readAny(root: unknown, fieldPath: string): unknown {
  const parts = fieldPath.split('.');
  const walk = (node: any, index: number): unknown => {
    if (index === parts.length) return node;
    const part = parts[index]!;
    const key = part.replace(/\[\]$/, '');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return MISSING;
    const next = node[key];
    const inner = !part.endsWith('[]') && Array.isArray(next) && index < parts.length - 1;
    if (part.endsWith('[]') || inner) {
      if (!Array.isArray(next)) return MISSING;
      for (const element of next) {
        const found = walk(element, index + 1);
        if (found !== MISSING) return found;
      }
      return MISSING;
    }
    return walk(next, index + 1);
  };
  return walk(root, 0);
}

/**
 * The documented rules of a request field the validated category tries, each as a name and a change
 * that breaks it in a valid body: left out when required, one character over maxLength, a value
 * outside its enum.
 */
export function validationRules(field: DocField): Array<[string, (body: Json) => void]> {
  const rules: Array<[string, (body: Json) => void]> = [];
  if (field.required) rules.push(['required', (body) => deleteAt(body, field.path)]);
  if (field.maxLength && (field.type === 'string' || field.type === undefined))
    rules.push([`maxLength ${field.maxLength}`, (body) => setAt(body, field.path, 'x'.repeat(field.maxLength! + 1))]);
  if (field.values) {
    const numeric = field.values.every((v) => typeof v === 'number');
    rules.push([
      `enum ${field.values.join('/')}`,
      (body) => setAt(body, field.path, numeric ? 987_654 : 'not-a-documented-value'),
    ]);
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------------
// Writing every documented field at once.

/** What `writeAll` sent, what the server refused by name, and the record it made (or why it made none). */
export interface Written {
  id: string | null;
  reply: Reply | null;
  sent: Map<string, unknown>;
  refused: Map<string, string>;
  failure: string | null;
}

export interface WriteAllOptions {
  body: Json;
  fields: DocField[];
  /** A field's value for this write, or `skip` to leave it out. */
  valueOf: (field: DocField) => unknown;
  skip: symbol;
  send: (body: Json) => Promise<Reply>;
  /** Undefined while the write is refused; once accepted, the id it made (null for an edit). */
  accepted: (reply: Reply) => { id: string | null } | undefined;
  /** The field keys a refusal names. */
  errorsOf: (reply: Reply) => string[];
  /** Whether a refusal's key names this field. */
  names: (key: string, field: DocField) => boolean;
  /** What a refusal said, for the outcome's reason. */
  refusalOf: (reply: Reply) => unknown;
}

/** Sends every documented field at once; fields the server refuses by name are dropped and retried. */
export async function writeAll(options: WriteAllOptions): Promise<Written> {
  const { body, fields } = options;
  const sent = new Map<string, unknown>();
  for (const field of fields) {
    const value = options.valueOf(field);
    if (value === options.skip) continue;
    setAt(body, field.path, value);
    sent.set(field.path, value);
  }
  const refused = new Map<string, string>();
  let reply: Reply | null = null;
  for (let attempt = 0; attempt < 12; attempt += 1) {
    reply = await options.send(body);
    const accepted = options.accepted(reply);
    if (accepted) return { id: accepted.id, reply, sent, refused, failure: null };
    const named = options.errorsOf(reply);
    const culprits = [...sent.keys()].filter((fieldPath) =>
      named.some((key) => options.names(key, fields.find((f) => f.path === fieldPath)!)),
    );
    if (culprits.length === 0)
      return { id: null, reply, sent, refused, failure: `${reply.status} ${reply.text.slice(0, 200)}` };
    for (const culprit of culprits) {
      refused.set(culprit, `refused: ${JSON.stringify(options.refusalOf(reply))}`.slice(0, 200));
      sent.delete(culprit);
      deleteAt(body, culprit);
    }
  }
  return { id: null, reply, sent, refused, failure: 'still refused after retries' };
}
