/**
 * Custom fields of documents (`InvoiceCustomField`, `PurchaseOrderCustomField`). Connectors tag a
 * document with their own order id this way and look it up before creating, so the three shapes
 * clients send all land in one stored form, a list of `{label, value}`:
 *
 *   [{"label":"order_id","value":"1001"}]      a list (the docs' shape)
 *   {"label":"order_id","value":"1001"}        one field as an object
 *   {"order_id":"1001","channel":"salla"}      label → value
 *
 * and are found again with `custom_field=1001` (any label) or `custom_field=1001&custom_field_label=order_id`.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { FilterFn, WireObjectSpec } from '../engine/resource.js';
import type { Expressions } from '../db/schema.js';

export interface CustomFieldEntry {
  label: string;
  value: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function entry(item: unknown): CustomFieldEntry[] {
  if (!isObject(item)) return [];
  if ('label' in item || 'value' in item) return [{ label: scalar(item['label']) ?? '', value: scalar(item['value']) }];
  return Object.entries(item).map(([label, value]) => ({ label, value: scalar(value) }));
}

/** Any of the client shapes to the stored list; anything else is kept as sent for the json check to judge. */
export function customFieldList(raw: unknown): unknown {
  if (raw === null) return null;
  if (Array.isArray(raw)) return raw.flatMap(entry);
  if (isObject(raw)) {
    const keys = Object.keys(raw);
    if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) return keys.map((key) => raw[key]).flatMap(entry);
    return entry(raw);
  }
  return raw;
}

/** `like … escape '!'` the same way on both engines (PostgreSQL's default escape is `\`, SQLite has none). */
function likeExact(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '!'`;
}
const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);
/** The stored JSON text of `{"label":…,"value":…}`, as JSON.stringify writes it. */
const labelText = (label: string) => `{"label":${JSON.stringify(label)},`;
const valueText = (value: string) => `"value":${JSON.stringify(value)}}`;

function firstOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** `custom_field`: a field with that value; with `custom_field_label`, that field. */
export const customFieldFilter =
  (column: string): FilterFn =>
  (eb: Expressions, value, _context, query) => {
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
    if (values.length === 0) return null;
    const label = firstOf(query['custom_field_label'] ?? query['custom_field_label[]']);
    return eb.or(
      values.map((wanted) =>
        likeExact(
          column,
          `%${escapeLike(label === undefined ? valueText(wanted) : labelText(label) + valueText(wanted))}%`,
        ),
      ),
    );
  };

/** `custom_field_label` alone: documents that have that field (with custom_field it narrows that filter). */
export const customFieldLabelFilter =
  (column: string): FilterFn =>
  (eb: Expressions, value, _context, query) => {
    if (firstOf(query['custom_field'] ?? query['custom_field[]']) !== undefined) return null;
    const labels = (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
    if (labels.length === 0) return null;
    return eb.or(labels.map((label) => likeExact(column, `%${escapeLike(labelText(label))}%`)));
  };

/** InvoiceCustomField of sales documents; purchase documents add their own key. */
export function customFieldObject(renderKeys: string[], keys: string[] = renderKeys): WireObjectSpec {
  return { field: 'custom_fields', keys, renderKeys, normalize: customFieldList };
}
