/**
 * Everything a rendered document needs, read within the caller's site: the document, its lines, the
 * taxes its lines name, its client or supplier, and the number of the invoice it corrects.
 */
import { type DocumentKind, type DocumentSource, type TaxInfo, kindOf } from '../domain/documents.js';
import type { DocumentLanguage } from '../domain/site-settings.js';
import { fromStored } from '../domain/money.js';
import { loadChildren, loadRecord } from '../engine/service.js';
import type { Context, Rec, ResourceSpec } from '../engine/resource.js';
import { scoped } from '../db/scoped.js';

/** Kinds that name the document they correct in `subscription_id`. */
const CORRECTING = new Set<DocumentKind>(['credit_note', 'debit_note', 'refund_receipt', 'purchase_refund']);

async function taxesOf(context: Context, lines: Rec[]): Promise<Map<number, TaxInfo>> {
  const ids = [
    ...new Set(
      lines
        .flatMap((line) => [line['tax1'], line['tax2']])
        .filter((id): id is number => typeof id === 'number' && id > 0),
    ),
  ];
  if (ids.length === 0) return new Map();
  const rows = await scoped(context, 'taxes')
    .selectFrom()
    .select(['id', 'name', 'value', 'included'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      Number(row['id']),
      {
        name: String(row['name'] ?? ''),
        rate: fromStored(row['value']),
        included: Number(row['included'] ?? 0) === 1,
      },
    ]),
  );
}

export interface LoadedDocument {
  source: DocumentSource;
  record: Rec;
}

/** The document `id` of resource `spec`, or null when the site has no such document. */
export async function loadDocument(
  context: Context,
  spec: ResourceSpec,
  id: number,
  lang: DocumentLanguage,
): Promise<LoadedDocument | null> {
  const record = await loadRecord(context, spec, id);
  if (!record) return null;
  const kind = kindOf(spec.table, Number(record['type'] ?? 0));
  const child = spec.children?.[0];
  if (!kind || !child) return null;
  const lines = (await loadChildren(context, child, [id])).get(id) ?? [];
  const purchase = spec.table === 'purchase_orders';
  const partyId = record[purchase ? 'supplier_id' : 'client_id'];
  const party =
    typeof partyId === 'number'
      ? await scoped(context, purchase ? 'suppliers' : 'clients')
          .selectFrom()
          .selectAll()
          .where('id', '=', partyId)
          .executeTakeFirst()
      : undefined;
  let originalNumber: string | null = null;
  const originalId = record['subscription_id'];
  if (CORRECTING.has(kind) && typeof originalId === 'number' && originalId > 0) {
    const original = await scoped(context, spec.table)
      .selectFrom()
      .select(['no'])
      .where('id', '=', originalId)
      .executeTakeFirst();
    originalNumber = original?.['no'] ? String(original['no']) : null;
  }
  return {
    record,
    source: {
      kind,
      lang,
      site: context.site,
      document: record,
      lines,
      taxes: await taxesOf(context, lines),
      party: party ?? null,
      originalNumber,
    },
  };
}
