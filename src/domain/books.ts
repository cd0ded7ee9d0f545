/**
 * Automatic double entry. Each document has a posting rule (document → balanced journal lines); its
 * automatic journal is replaced whenever the document is written and removed with it, inside the
 * document's transaction. A journal that does not balance to the last minor unit is a bug: it throws.
 *
 * Accounts: system accounts are found by `system_key` (chart.ts); accounts per client, treasury and
 * tax are opened on first use under the folder whose `entity_type` matches (Daftra's subkeys).
 */
import { type Dec, ZERO, formatDec, sum, toStored } from './money.js';
import type { Context } from '../engine/resource.js';

export interface PostingLine {
  accountId: number;
  debit: Dec;
  credit: Dec;
  subkey?: string;
  description?: string;
}

export interface Posting {
  entityType: string;
  entityId: number;
  date: string;
  description: string;
  currencyCode: string;
  lines: PostingLine[];
}

export async function systemAccount(context: Context, key: string): Promise<number> {
  const row = await context.db.selectFrom('journal_accounts').select('id')
    .where('site_id', '=', context.siteId).where('system_key', '=', key).executeTakeFirst();
  if (!row) throw new Error(`chart of accounts of site ${context.siteId} has no ${key} account`);
  return Number(row['id']);
}

/** The account of one client, treasury, tax, supplier or store, opened under its folder on first use. */
export async function entityAccount(context: Context, entityType: string, entityId: number, name: string): Promise<number> {
  const existing = await context.db.selectFrom('journal_accounts').select('id')
    .where('site_id', '=', context.siteId).where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .executeTakeFirst();
  if (existing) return Number(existing['id']);
  const folder = await context.db.selectFrom('journal_cats').select(['id', 'type', 'code', 'parent_cat_ids'])
    .where('site_id', '=', context.siteId).where('entity_type', '=', entityType).orderBy('id').executeTakeFirst();
  if (!folder) throw new Error(`chart of accounts of site ${context.siteId} has no folder for ${entityType}`);
  const inserted = await context.db.insertInto('journal_accounts').values({
    site_id: context.siteId, journal_cat_id: folder['id'], code: `${folder['code']}-${entityId}`, name,
    type: folder['type'], entity_type: entityType, entity_id: entityId, disabled: 0, staff_id: 0,
    parent_cat_ids: [folder['parent_cat_ids'], String(folder['id'])].filter(Boolean).join(','),
    created: context.now, modified: context.now,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(inserted['id']);
}

/** Merges lines on the same account and side, and drops zero lines. */
function compact(lines: PostingLine[]): PostingLine[] {
  const merged = new Map<string, PostingLine>();
  for (const line of lines) {
    if (line.debit < ZERO || line.credit < ZERO) {
      // A negative amount is the other side: a negative discount, an adjustment below zero.
      lines.push({ ...line, debit: line.credit < ZERO ? -line.credit : ZERO, credit: line.debit < ZERO ? -line.debit : ZERO });
      continue;
    }
    const key = `${line.accountId}:${line.debit > ZERO ? 'd' : 'c'}:${line.subkey ?? ''}`;
    const found = merged.get(key);
    if (found) {
      found.debit += line.debit;
      found.credit += line.credit;
    } else if (line.debit > ZERO || line.credit > ZERO) merged.set(key, { ...line });
  }
  return [...merged.values()];
}

export async function removeJournal(context: Context, entityType: string, entityId: number): Promise<void> {
  const journals = await context.db.selectFrom('journals').select('id')
    .where('site_id', '=', context.siteId).where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .where('is_automatic', '=', 1).execute();
  if (journals.length === 0) return;
  const ids = journals.map((row) => Number(row['id']));
  await context.db.deleteFrom('journal_transactions').where('site_id', '=', context.siteId).where('journal_id', 'in', ids).execute();
  await context.db.deleteFrom('journals').where('site_id', '=', context.siteId).where('id', 'in', ids).execute();
}

/** Replaces the automatic journal of a document; no lines means the document posts nothing. */
export async function replaceJournal(context: Context, posting: Posting): Promise<void> {
  await removeJournal(context, posting.entityType, posting.entityId);
  const lines = compact([...posting.lines]);
  if (lines.length === 0) return;
  const debit = sum(lines.map((l) => l.debit));
  const credit = sum(lines.map((l) => l.credit));
  if (debit !== credit) {
    throw new Error(`unbalanced ${posting.entityType} ${posting.entityId} journal: debit ${formatDec(debit)} ≠ credit ${formatDec(credit)}`);
  }
  const journal = await context.db.insertInto('journals').values({
    site_id: context.siteId, number: `${posting.entityType}-${posting.entityId}`, staff_id: context.staffId, date: posting.date,
    entity_type: posting.entityType, entity_id: posting.entityId, is_automatic: 1, description: posting.description,
    total_debit: toStored(debit), total_credit: toStored(credit), currency_debit: toStored(debit), currency_credit: toStored(credit),
    currency_code: posting.currencyCode, created: context.now, modified: context.now,
  }).returning('id').executeTakeFirstOrThrow();
  const journalId = Number(journal['id']);
  for (const line of lines) {
    await context.db.insertInto('journal_transactions').values({
      site_id: context.siteId, journal_id: journalId, journal_account_id: line.accountId,
      debit: toStored(line.debit), credit: toStored(line.credit), currency_debit: toStored(line.debit), currency_credit: toStored(line.credit),
      currency_code: posting.currencyCode, currency_rate: toStored(1_000_000n), subkey: line.subkey ?? null,
      description: line.description ?? posting.description, created: context.now, modified: context.now,
    }).execute();
  }
}
