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
    if (typeof item === 'number') {
      values.push(item);
      continue;
    }
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
  // The first example that is JSON (some operations' first example is a stray `{`).
  for (const example of body?.['examples'] ?? []) {
    const text = example?.['value'];
    if (typeof text !== 'string') continue;
    try {
      return JSON.parse(text);
    } catch {
      /* the next one */
    }
  }
  return undefined;
}

/** A schema property named by an apidog id (`01JZFRJPESSE0NRGSRNQWEA4E8`) is no field. */
const APIDOG_ID = /^[0-9A-Z]{26}$/;

/** The fields of a request example, for an operation whose schema documents none. */
function exampleFields(example: unknown, prefix = '', out: DocField[] = []): DocField[] {
  if (!example || typeof example !== 'object' || Array.isArray(example)) return out;
  for (const [name, value] of Object.entries(example as Schema)) {
    const fieldPath = prefix ? `${prefix}.${name}` : name;
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((item) => item && typeof item === 'object' && !Array.isArray(item))
    ) {
      exampleFields(value[0], `${fieldPath}[]`, out);
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      exampleFields(value, fieldPath, out);
      continue;
    }
    const type = Array.isArray(value)
      ? 'array'
      : value === null
        ? 'null'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'number'
          : typeof value;
    out.push({
      path: fieldPath,
      type,
      format: undefined,
      required: false,
      maxLength: undefined,
      values: undefined,
      readOnly: false,
      writeOnly: false,
    });
  }
  return out;
}

export interface DaftraDocs {
  groups: string[];
  operations: DocOperation[];
}

type Node = Schema;

function readExport(): { exported: Schema; flattener: Flattener } | null {
  const file = docsFile();
  if (!file) return null;
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
  const definitions = new Map<string, Schema>();
  const collect = (node: Schema) => {
    if (node['schema']) definitions.set(node['id'], node['schema']['jsonSchema']);
    for (const child of node['items'] ?? []) collect(child);
  };
  for (const root of exported['schemaCollection'] ?? []) collect(root);
  return { exported, flattener: new Flattener(definitions) };
}

/** Every operation under a folder, filed under the group's name. */
function operationsOf(
  flattener: Flattener,
  group: string,
  folder: Node,
  serverId = '',
  withForm = false,
): Array<DocOperation & { serverId: string }> {
  const operations: Array<DocOperation & { serverId: string }> = [];
  const visit = (node: Node, inherited: string) => {
    const server = node['api']?.['serverId'] || node['serverId'] || inherited;
    if (node['api']) {
      const api = node['api'];
      const request: DocField[] = [];
      if (api['requestBody']?.['jsonSchema']) flattener.flatten(api['requestBody']['jsonSchema'], '', request);
      // A form body (the token endpoint's multipart/form-data) documents its fields as parameters.
      for (const parameter of withForm ? (api['requestBody']?.['parameters'] ?? []) : []) {
        request.push({
          path: String(parameter['name']),
          type: parameter['type'],
          format: undefined,
          required: parameter['required'] === true,
          maxLength: undefined,
          values: undefined,
          readOnly: false,
          writeOnly: false,
        });
      }
      const response: DocField[] = [];
      for (const reply of api['responses'] ?? []) {
        if (reply['code'] >= 200 && reply['code'] < 300) flattener.flatten(reply['jsonSchema'], '', response);
      }
      operations.push({
        group,
        method: api['method'],
        path: api['path'],
        name: node['name'] ?? api['name'] ?? '',
        request,
        response,
        query: (api['parameters']?.['query'] ?? []).map((p: Schema) => String(p['name'])),
        example: parseExample(api['requestBody']),
        serverId: server,
      });
    }
    for (const child of node['items'] ?? []) visit(child, server);
  };
  visit(folder, serverId);
  return operations;
}

/** The docs' v1 operations, or null when the export is not beside the project. */
export function loadDaftraDocs(): DaftraDocs | null {
  const read = readExport();
  if (!read) return null;
  const v1 = (read.exported['apiCollection'][0]['items'] as Schema[]).find((node) => node['name'] === 'Endpoints v1');
  if (!v1) throw new Error('docs export has no "Endpoints v1" folder');
  const operations: DocOperation[] = [];
  const groups: string[] = [];
  for (const group of v1['items'] as Schema[]) {
    groups.push(group['name']);
    operations.push(...operationsOf(read.flattener, group['name'], group));
  }
  return { groups, operations };
}

export interface RestOperation extends DocOperation {
  /** Where a Daftra client calls it: `api2` (`/api2`), `v2` (`/v2/api/entity`) or `root` (the site root). */
  server: 'api2' | 'v2' | 'root';
}

const SERVER_IDS: Record<string, RestOperation['server']> = {
  '553070': 'api2',
  '4688b0dd-ebcc-4329-962c-577e72ecc1cb': 'v2',
  '5ae490ea-b08b-48ca-ae98-648b351e55a0': 'root',
};

/**
 * The operations of the export beyond the v1 groups the v1 suite covers: the "Endpoints v2" folder
 * (each innermost folder a group, named by its path: `Points & Credits / Credit Usage`), Authorization,
 * Developers Portal, and the v1 groups whose operations are v2 paths or groups of the rest
 * (`REST_V1_GROUPS`). Each operation carries the server the apidog export files it under.
 */
export const REST_V1_GROUPS = ['Requsitions', 'Booking', 'Advance Payment Invoices'];

export function loadRestDocs(): { groups: string[]; operations: RestOperation[] } | null {
  const read = readExport();
  if (!read) return null;
  const roots = read.exported['apiCollection'][0]['items'] as Schema[];
  const groups: string[] = [];
  const operations: RestOperation[] = [];
  const add = (group: string, folder: Node, fallback: RestOperation['server'], inherited = '') => {
    groups.push(group);
    for (const operation of operationsOf(read.flattener, group, folder, inherited, true)) {
      const { serverId, ...rest } = operation;
      // Where the schema documents no field (Add Product bundle, the edits of leave applications, cost
      // centers and requisitions), the example does.
      if (rest.request.every((field) => APIDOG_ID.test(field.path))) rest.request = exampleFields(rest.example);
      operations.push({ ...rest, server: SERVER_IDS[serverId] ?? fallback });
    }
  };
  const v1 = roots.find((node) => node['name'] === 'Endpoints v1');
  for (const group of (v1?.['items'] ?? []) as Schema[])
    if (REST_V1_GROUPS.includes(group['name'])) add(group['name'], group, 'api2');
  const walk = (folder: Node, prefix: string, inherited: string) => {
    const server = folder['serverId'] || inherited;
    const subfolders = ((folder['items'] ?? []) as Schema[]).filter((node) => !node['api']);
    const direct = ((folder['items'] ?? []) as Schema[]).some((node) => node['api']);
    if (direct || subfolders.length === 0) {
      add(prefix, { ...folder, items: (folder['items'] ?? []).filter((node: Schema) => node['api']) }, 'v2', inherited);
    }
    for (const sub of subfolders) walk(sub, `${prefix} / ${String(sub['name']).trim()}`, server);
  };
  const v2 = roots.find((node) => node['name'] === 'Endpoints v2');
  for (const group of (v2?.['items'] ?? []) as Schema[])
    walk(group, String(group['name']).trim(), v2?.['serverId'] ?? '');
  for (const name of ['Authorization', 'Developers Portal']) {
    const folder = roots.find((node) => node['name'] === name);
    if (folder) add(name, folder, 'root');
  }
  return { groups, operations };
}
