/**
 * Choosing a client, supplier or product in a form or a filter. A site with few of them gets a plain
 * <select> of them all, as before; a site with more gets a search box whose suggestions come from
 * GET /app/pick/{kind}?q= (the API's keyword search, a few names at a time), so a page never lists
 * thousands of records to offer a choice (issue 21: /app/invoices/new listed 500 clients and 500
 * products, ~1 MB of JSON, on every visit).
 */
import type { FastifyInstance } from 'fastify';
import type { Daftar } from '../../packages/client/src/index.js';
import { PUBLIC_ROUTE } from '../api/auth.js';
import { type Html, type View, html, t } from './html.js';
import type { MessageKey } from './i18n.js';
import type { Kit, Row } from './routes.js';

/** At most this many records: a <select> of them all. More: a search box. */
export const PICK_ALL = 50;
/** Suggestions a search box shows at a time. */
const SUGGESTIONS = 20;

export type Pickable = 'clients' | 'suppliers' | 'products';

export interface Choices {
  kind: Pickable;
  /** The first records (and the selected ones), names only. */
  rows: Row[];
  /** Whether `rows` holds every record (a <select>) or only the first (a search box). */
  all: boolean;
}

export const labelOf = (row: Row): string => String(row['business_name'] ?? row['name'] ?? row['id']);

function resourceOf(daftar: Daftar, kind: Pickable) {
  return kind === 'clients' ? daftar.clients : kind === 'suppliers' ? daftar.suppliers : daftar.products;
}

/** The first PICK_ALL records without their relations (recursive -1), and the selected ones beyond them. */
export async function choicesOf(daftar: Daftar, kind: Pickable, selected: string[] = []): Promise<Choices> {
  const resource = resourceOf(daftar, kind);
  const first = await resource.list({ limit: PICK_ALL, recursive: -1 }).page(1);
  const rows: Row[] = [...first.data];
  const all = first.pagination.total_results <= PICK_ALL;
  if (!all) {
    const missing = [...new Set(selected)].filter(
      (id) => /^\d{1,15}$/.test(id) && !rows.some((r) => String(r['id']) === id),
    );
    const found = await Promise.all(missing.map((id) => resource.get(id).catch(() => null)));
    for (const row of found) if (row) rows.push(row);
  }
  return { kind, rows, all };
}

export interface PickerField {
  /** The control's id (the field's label points at it). */
  id: string;
  /** The submitted name (the record's id). */
  name: string;
  selected: string;
  /** The empty choice's text; the search box's placeholder. */
  empty: MessageKey;
  required?: boolean;
}

/** A <select> of every record, or a search box (with the chosen record's id in a hidden input). */
export function picker(view: View, choices: Choices, field: PickerField): Html {
  const required = field.required ? html` required` : '';
  if (choices.all)
    return html`<select id="${field.id}" name="${field.name}"${required}><option value="">${t(view, field.empty)}</option>${choices.rows.map((row) => html`<option value="${row['id']}"${String(row['id']) === field.selected ? html` selected` : ''}>${labelOf(row)}</option>`)}</select>`;
  const chosen = choices.rows.find((row) => String(row['id']) === field.selected);
  return html`<span class="pick"><input id="${field.id}" type="search" list="${field.id}-choices" data-pick="/app/pick/${choices.kind}" value="${chosen ? labelOf(chosen) : ''}" placeholder="${t(view, field.empty)}" autocomplete="off"${required}><datalist id="${field.id}-choices">${choices.rows.map((row) => html`<option value="${labelOf(row)}" data-id="${row['id']}"></option>`)}</datalist><input type="hidden" name="${field.name}" value="${chosen ? field.selected : ''}"></span>`;
}

/** A text parameter of a request's params or query ('' when absent or not text). */
function textOf(values: unknown, key: string): string {
  if (typeof values !== 'object' || values === null) return '';
  const value: unknown = Reflect.get(values, key);
  return typeof value === 'string' ? value : '';
}

export function registerPick(app: FastifyInstance, { signedIn }: Kit): void {
  app.get(
    '/app/pick/:kind',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      const kind = textOf(request.params, 'kind');
      if (kind !== 'clients' && kind !== 'suppliers' && kind !== 'products')
        return reply.code(404).type('application/json').send([]);
      const q = textOf(request.query, 'q').trim();
      const found = await resourceOf(daftar, kind)
        .list({ limit: SUGGESTIONS, recursive: -1, ...(q ? { keywords: q } : {}) })
        .page(1);
      return reply.header('cache-control', 'no-store').send(
        found.data.map((row: Row) => ({
          id: String(row['id']),
          label: labelOf(row),
          detail: [row['product_code'], row['barcode'], row['client_number'] ?? row['supplier_number'], row['email']]
            .filter((v) => v !== undefined && v !== null && v !== '')
            .join(' '),
          ...(kind === 'products' ? { price: String(row['unit_price'] ?? ''), tax: String(row['tax1'] ?? '') } : {}),
        })),
      );
    }),
  );
}
