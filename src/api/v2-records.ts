/**
 * Records as Daftra's v2 (Laravel) API renders them: flat, with native JSON types — ids, ints and
 * booleans as numbers, amounts as numbers, text as strings — and, from level 1, the records a field's
 * id names nested under the field's name without `_id` (`client_id` → `client`), and the record's
 * lines under their snake-case key (`invoice_item`).
 *
 * The v2 form is made from the api2 wire form (engine/service.ts `renderRecords`, called by api/v2.ts), so both surfaces
 * show the same values, virtual fields included. Amounts keep their exact decimal text: `V2Number`
 * is written into the JSON as the digits themselves, never through a binary float (`v2Json`).
 */
import type { FastifyReply } from 'fastify';
import type { Field, Fields } from '../engine/fields.js';
import { rowToRecord, renderRecord } from '../engine/records.js';
import { resourceNamed } from '../engine/registry.js';
import type { Context, ResourceSpec } from '../engine/resource.js';
import { childKey } from './v2-entities.js';
import { isRecord } from '../guards.js';
import { scoped } from '../db/scoped.js';

type Json = Record<string, unknown>;

/** An exact decimal, written into JSON as a number literal: "115.5" → 115.5. */
export class V2Number {
  constructor(readonly text: string) {}
}

const DECIMAL_LITERAL = /^-?\d+(\.\d+)?$/;

function nativeValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'int':
    case 'bool':
      return typeof value === 'number' ? value : Number(value);
    case 'decimal':
      return typeof value === 'string' && DECIMAL_LITERAL.test(value) ? new V2Number(value) : value;
    default:
      return value;
  }
}

/**
 * One api2 wire record's declared fields in v2 types, `id` first. Of the keys a hook added, the plain
 * values (the document links, qr_code_url, ...) are kept as they are, so both surfaces show them; the
 * nested ones (children, the client) are left to the levels.
 */
export function toV2(fields: Fields, wire: Json, withVirtual = true): Json {
  const out: Json = { id: wire['id'] === null || wire['id'] === undefined ? null : Number(wire['id']) };
  for (const [name, field] of Object.entries(fields)) {
    if (!withVirtual && !field.isStored) continue;
    out[name] = nativeValue(field, wire[name]);
  }
  if (withVirtual) {
    for (const [name, value] of Object.entries(wire)) {
      if (!(name in out) && (typeof value === 'string' || value === null)) out[name] = value;
    }
  }
  return out;
}

export interface V2View {
  kind: 'one' | 'list';
  /** The path's level: -1/0 the record alone, 1 with the records it names, 2 lists with lines too. */
  level: number;
}

/** The relation key of a field that names a record: `client_id` → `client`; fields not ending in `_id` have none. */
function relationKey(name: string): string | null {
  return name.endsWith('_id') && name.length > 3 ? name.slice(0, -3) : null;
}

/**
 * Fields Daftra's level-1 records nest although our declarations do not check them as references:
 * `branch_id` and `staff_id` name a branch and a staff member on almost every record (staff_id 0,
 * the owner, names no staff row and nests null).
 */
const IMPLIED_REFERENCES: Readonly<Record<string, string>> = { branch_id: 'branches', staff_id: 'staff' };

/** Nests the records each `ref()` field names (one query per target resource, within the site). */
async function nestReferences(context: Context, spec: ResourceSpec, records: Json[]): Promise<void> {
  const byTarget = new Map<string, Array<[string, string]>>();
  for (const [name, field] of Object.entries(spec.fields)) {
    const key = relationKey(name);
    const target = field.options.ref ?? (field.isStored ? IMPLIED_REFERENCES[name] : undefined);
    if (!target || !key || Object.hasOwn(spec.fields, key)) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), [name, key]]);
  }
  for (const [targetName, pairs] of byTarget) {
    const target = resourceNamed(targetName);
    const ids = [
      ...new Set(
        records
          .flatMap((record) => pairs.map(([name]) => record[name]))
          .filter((id): id is number => typeof id === 'number' && id > 0),
      ),
    ];
    const rows =
      ids.length === 0
        ? []
        : await scoped(context, target.table).selectFrom().selectAll().where('id', 'in', ids).execute();
    const byId = new Map(
      rows.map((row) => [
        Number(row['id']),
        toV2(target.fields, renderRecord(target.fields, rowToRecord(target.fields, row)), false),
      ]),
    );
    for (const record of records) {
      for (const [name, key] of pairs) {
        const ref = record[name];
        record[key] = typeof ref === 'number' ? (byId.get(ref) ?? null) : null;
        for (const alias of spec.v2Aliases?.[name] ?? []) record[alias] = record[key];
      }
    }
  }
}

/** Renders records in v2 form for a view (see V2View). */
export async function renderV2(context: Context, spec: ResourceSpec, wire: Json[], view: V2View): Promise<Json[]> {
  const withLines = view.kind === 'one' ? view.level >= 1 : view.level >= 2;
  const out = wire.map((record) => {
    const v2 = toV2(spec.fields, record);
    // A JSON value sent under a key of its own (`InvoiceCustomField`) reads back under that key, as on api2.
    for (const object of spec.wireObjects ?? []) {
      delete v2[object.field];
      for (const key of object.renderKeys) if (Object.hasOwn(record, key)) v2[key] = record[key];
    }
    if (withLines) {
      for (const child of spec.children ?? []) {
        const lines = record[child.key];
        if (!Array.isArray(lines)) continue;
        v2[childKey(child)] = lines.filter(isRecord).map((line) => toV2(child.fields, line));
        for (const alias of spec.v2Aliases?.[child.key] ?? []) v2[alias] = v2[childKey(child)];
      }
    }
    return v2;
  });
  if (view.level >= 1 && out.length > 0) await nestReferences(context, spec, out);
  return out;
}

/**
 * JSON text of a reply, with V2Number written as its digits. Same output as JSON.stringify for
 * everything else (objects, arrays, strings, numbers, booleans, null; undefined members left out).
 */
export function v2Json(value: unknown): string {
  if (value instanceof V2Number) return value.text;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : v2Json(item))).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${v2Json(item)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? 'null';
}

/** Sends a v2 reply: `body` as v2Json, with its status. */
export function sendV2(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(v2Json(body));
}
