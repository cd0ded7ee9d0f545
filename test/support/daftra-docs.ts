/**
 * The official Daftra docs export (`../shared/spec/daftra-docs/Daftra API.apidog.json`), read at test
 * time and flattened into what the conformance suite checks: for every operation of the 35 "Endpoints
 * v1" groups, its documented request fields, response fields and list parameters, each with the rules
 * the docs give (required, maxLength, enum). Nothing of the export is copied into the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** From dist/test/support or test/support up to the worktree root, then ../shared. */
function docsFile(): string | null {
  for (let dir = HERE, depth = 0; depth < 6; depth += 1, dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared', 'spec', 'daftra-docs', 'Daftra API.apidog.json');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export interface DocField {
  /** `Invoice.notes`, `InvoiceItem[].item`, `data.Invoice.Client.email`, `data[].Invoice.id`. */
  path: string;
  type: string | undefined;
  format: string | undefined;
  required: boolean;
  maxLength: number | undefined;
  /** Allowed values when the docs give a usable list (`'1 => Percentage'` is read as 1). */
  values: Array<string | number> | undefined;
  readOnly: boolean;
  /** Sent, never answered (passwords). */
  writeOnly: boolean;
}

export interface DocOperation {
  group: string;
  method: 'get' | 'post' | 'put' | 'delete';
  /** As documented: `/invoices{format}`, `/invoices/{id}{format}`. */
  path: string;
  name: string;
  request: DocField[];
  response: DocField[];
  query: string[];
  /** The docs' request example, parsed, when there is one. */
  example: unknown;
}

type Schema = Record<string, any>;

function typeOf(schema: Schema): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? 'null';
  return typeof type === 'string' ? type : undefined;
}

/** `[0, 1]` as is; `['1 => Percentage', '2 => Absolute']` as [1, 2]; prose lists are no enum. */
function enumValues(raw: unknown): Array<string | number> | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const values: Array<string | number> = [];
  for (const item of raw) {
    if (typeof item === 'number') { values.push(item); continue; }
    if (typeof item !== 'string') return undefined;
    const arrow = /^\s*'?([^'=]*?)'?\s*=>\s*'?([^']*)'?\s*$/.exec(item);
    // `'1 => Percentage'` is 1; `'CLIENT => 1'` (a name for a number) is 1.
    const left = arrow ? arrow[1]!.trim() : item.trim();
    const key = arrow && !/^-?\d+$/.test(left) && /^-?\d+$/.test(arrow[2]!.trim()) ? arrow[2]!.trim() : left;
    if (key === '' || key === 'null' || /\s/.test(key) || key.includes('/')) {
      if (arrow) continue;
      return undefined;
    }
    values.push(/^-?\d+$/.test(key) ? Number(key) : key);
  }
  return values.length > 0 ? values : undefined;
}

class Flattener {
  constructor(private readonly definitions: Map<string, Schema>) {}

  resolve(schema: unknown, depth = 0): Schema {
    let current = (schema ?? {}) as Schema;
    for (let hops = 0; current['$ref'] && hops < 20; hops += 1) current = this.definitions.get(current['$ref']) ?? {};
    if (Array.isArray(current['allOf']) && depth < 10) {
      const merged: Schema = { type: 'object', properties: {}, required: [] };
      for (const part of current['allOf']) {
        const resolved = this.resolve(part, depth + 1);
        if (resolved['type'] === 'array') return resolved;
        Object.assign(merged['properties'], resolved['properties'] ?? {});
        merged['required'].push(...(resolved['required'] ?? []));
      }
      return merged;
    }
    return current;
  }

  private hasStructure(schema: Schema): boolean {
    if (schema['properties'] && Object.keys(schema['properties']).length > 0) return true;
    if (schema['type'] === 'array') {
      const items = this.resolve(schema['items']);
      return Boolean(items['properties'] && Object.keys(items['properties']).length > 0);
    }
    return false;
  }

  flatten(schema: unknown, prefix: string, out: DocField[], depth = 0): void {
    const resolved = this.resolve(schema);
    if (depth > 8) return;
    if (resolved['type'] === 'array') {
      this.flatten(resolved['items'], `${prefix}[]`, out, depth + 1);
      return;
    }
    const properties = (resolved['properties'] ?? {}) as Record<string, unknown>;
    const required = new Set<string>(resolved['required'] ?? []);
    for (const [name, raw] of Object.entries(properties)) {
      const fieldPath = prefix ? (prefix.endsWith('[]') && prefix === '[]' ? `[].${name}` : `${prefix}.${name}`) : name;
      const field = this.resolve(raw);
      if (this.hasStructure(field)) {
        this.flatten(field, fieldPath, out, depth + 1);
        continue;
      }
      out.push({
        path: fieldPath,
        type: typeOf(field),
        format: typeof field['format'] === 'string' ? field['format'] : undefined,
        required: required.has(name),
        maxLength: typeof field['maxLength'] === 'number' ? field['maxLength'] : undefined,
        values: enumValues(field['enum']),
        readOnly: field['readOnly'] === true,
        writeOnly: field['writeOnly'] === true,
      });
    }
  }
}

function parseExample(body: Schema | undefined): unknown {
  const text = body?.['examples']?.[0]?.['value'];
  if (typeof text !== 'string') return undefined;
  try { return JSON.parse(text); } catch { return undefined; }
}

export interface DaftraDocs {
  groups: string[];
  operations: DocOperation[];
}

/** The docs' v1 operations, or null when the export is not beside the project. */
export function loadDaftraDocs(): DaftraDocs | null {
  const file = docsFile();
  if (!file) return null;
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
  const definitions = new Map<string, Schema>();
  const collect = (node: Schema) => {
    if (node['schema']) definitions.set(node['id'], node['schema']['jsonSchema']);
    for (const child of node['items'] ?? []) collect(child);
  };
  for (const root of exported['schemaCollection'] ?? []) collect(root);
  const flattener = new Flattener(definitions);
  const v1 = (exported['apiCollection'][0]['items'] as Schema[]).find((node) => node['name'] === 'Endpoints v1');
  if (!v1) throw new Error('docs export has no "Endpoints v1" folder');
  const operations: DocOperation[] = [];
  const groups: string[] = [];
  for (const group of v1['items'] as Schema[]) {
    groups.push(group['name']);
    const visit = (node: Schema) => {
      if (node['api']) {
        const api = node['api'];
        const request: DocField[] = [];
        if (api['requestBody']?.['jsonSchema']) flattener.flatten(api['requestBody']['jsonSchema'], '', request);
        const response: DocField[] = [];
        for (const reply of api['responses'] ?? []) {
          if (reply['code'] >= 200 && reply['code'] < 300) flattener.flatten(reply['jsonSchema'], '', response);
        }
        operations.push({
          group: group['name'], method: api['method'], path: api['path'], name: node['name'] ?? api['name'] ?? '',
          request, response, query: (api['parameters']?.['query'] ?? []).map((p: Schema) => String(p['name'])),
          example: parseExample(api['requestBody']),
        });
      }
      for (const child of node['items'] ?? []) visit(child);
    };
    visit(group);
  }
  return { groups, operations };
}
