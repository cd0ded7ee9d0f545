/**
 * The typed client's record and body types (packages/client/src/generated.ts), written from the
 * resource declarations: one interface per model for what the server replies (every stored value a
 * string, as Daftra renders it), one for what a create or edit may send (numbers or strings, children
 * beside the model key), and the map from each path segment to its types. `npm run client:generate`
 * writes the file; test/client.test.ts fails when it is not what the declarations give now.
 */
import type { Field, Fields } from '../engine/fields.js';
import type { ChildSpec, ResourceSpec } from '../engine/resource.js';

const property = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));
const camel = (segment: string) => segment.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());

function inputType(field: Field): string {
  const o = field.options;
  if (o.values) return o.values.map((v) => (typeof v === 'number' ? `${v} | '${v}'` : JSON.stringify(v))).join(' | ');
  switch (o.kind) {
    case 'int':
      return 'number | string';
    case 'decimal':
      return 'string | number';
    case 'bool':
      return "0 | 1 | boolean | '0' | '1'";
    case 'json':
      return 'unknown';
    default:
      return 'string';
  }
}

function comment(field: Field, indent: string): string {
  const o = field.options;
  const parts = [
    o.description,
    o.maxLength && o.kind === 'text' ? `at most ${o.maxLength} characters` : undefined,
    o.ref ? `an id of ${o.ref}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? `${indent}/** ${parts.join('; ').replace(/\*\//g, '*\\/')} */\n` : '';
}

function recordInterface(
  name: string,
  fields: Fields,
  children: readonly ChildSpec[],
  childTypes: Map<string, string>,
): string {
  const lines = [`export interface ${name} {`, '  id: string;'];
  for (const [key, field] of Object.entries(fields)) {
    if (key === 'id') continue;
    lines.push(
      `${comment(field, '  ')}  ${property(key)}: ${field.options.kind === 'json' ? 'unknown' : 'string | null'};`,
    );
  }
  for (const child of children) lines.push(`  ${property(child.key)}?: ${childTypes.get(child.key)}[];`);
  lines.push('}');
  return lines.join('\n');
}

function inputInterface(name: string, fields: Fields, skip?: string): string {
  const lines = [`export interface ${name} {`];
  for (const [key, field] of Object.entries(fields)) {
    if (!field.isWritable || key === skip) continue;
    lines.push(`${comment(field, '  ')}  ${property(key)}${field.options.required ? '' : '?'}: ${inputType(field)};`);
  }
  lines.push('}');
  return lines.join('\n');
}

export function generateClientTypes(all: readonly ResourceSpec[]): string {
  // Resources served only through their own routes (the client attendance log) have no operations here.
  const specs = all.filter((spec) => spec.operations.length > 0);
  const blocks: string[] = [];
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const spec of specs) {
    const childTypes = new Map<string, string>();
    for (const child of spec.children ?? []) {
      const childName = `${spec.model}${child.key}`;
      childTypes.set(child.key, childName);
      if (!seen.has(childName)) {
        seen.add(childName);
        blocks.push(recordInterface(childName, child.fields, [], new Map()));
        if (child.writable) blocks.push(inputInterface(`${childName}Input`, child.fields, child.foreignKey));
      }
    }
    entries.push(
      `  ${property(camel(spec.name))}: { path: ${JSON.stringify(spec.name)}; model: ${JSON.stringify(spec.model)}; record: ${spec.model}; body: ${spec.model}Body; filters: ${spec.model}Filters; operations: ${spec.operations.map((o) => JSON.stringify(o)).join(' | ')} };`,
    );
    if (seen.has(spec.model)) continue;
    seen.add(spec.model);
    blocks.push(recordInterface(spec.model, spec.fields, spec.children ?? [], childTypes));
    const writableChildren = (spec.children ?? []).filter((c) => c.writable);
    const body = [
      `export interface ${spec.model}Body {`,
      `  ${property(spec.model)}: ${spec.model}Input;`,
      ...writableChildren.map((c) => `  ${property(c.key)}?: ${childTypes.get(c.key)}Input[];`),
      '}',
    ].join('\n');
    blocks.push(inputInterface(`${spec.model}Input`, spec.fields), body);
    const filters = [...Object.keys(spec.filters ?? {}), ...Object.keys(spec.fields)];
    blocks.push(
      `export type ${spec.model}Filters = Partial<Record<${[...new Set(filters)].map((f) => JSON.stringify(f)).join(' | ')}, string | number | Array<string | number>>>;`,
    );
  }
  const resources = `/** Every resource: its path under /api2, model key, record, body, filters and operations. */\nexport interface Resources {\n${entries.join('\n')}\n}`;
  const table = `/** The same, at run time. */\nexport const RESOURCES = {\n${specs.map((s) => `  ${property(camel(s.name))}: { path: ${JSON.stringify(s.name)}, model: ${JSON.stringify(s.model)}, operations: [${s.operations.map((o) => JSON.stringify(o)).join(', ')}] },`).join('\n')}\n} as const;`;
  return `// Generated from Daftar's resource declarations by \`npm run client:generate\` (src/api/client-types.ts). Do not edit.\n/* eslint-disable */\n\n${blocks.join('\n\n')}\n\n${resources}\n\n${table}\n`;
}
