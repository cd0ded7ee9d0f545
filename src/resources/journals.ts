/**
 * The chart of accounts (journal cats as the tree's folders, journal accounts as its leaves) and the
 * journals themselves. Automatic journals are posted by documents (domain/books.ts) and are read-only
 * here; manual journals must balance.
 */
import { DaftarError, validationError } from '../domain/errors.js';
import { ZERO, formatDec, roundAmount, sum } from '../domain/money.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { bool, date, datetime, decimal, id, longText, text } from '../engine/fields.js';
import type { Context, Rec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { staffField, timestamps, today } from './common.js';
import { settleNumber } from '../domain/numbering.js';
import { scoped } from '../db/scoped.js';

export const ACCOUNT_ENTITY_TYPES = [
  'client',
  'supplier',
  'income_tax',
  'outcome_tax',
  'treasury',
  'store',
  'income_category',
  'expense_category',
  'asset',
  'asset_deprecation',
  'asset_deprecation_expense',
  'staff_petty_cash',
] as const;

export const JOURNAL_ENTITY_TYPES = [
  'invoice',
  'refund_receipt',
  'credit_note',
  'purchase_order',
  'purchase_refund',
  'invoice_sales_cost',
  'credit_note_sales_cost',
  'refund_receipt_sales_cost',
  'expense',
  'income',
  'invoice_payment',
  'purchase_order_payment',
  'stock_transaction',
  'stock_transfer',
  'treasury_transfer',
  'treasury_transfer_from',
  'treasury_transfer_to',
  'asset',
  'asset_deprecation',
  'asset_operation',
  'requisition',
  'client_payment',
  'manual',
  'purchase_debit_note',
  'advance_payment',
  'advance_payment_application',
  'booking',
] as const;

const accountTreeFields = () => ({
  code: text(255),
  name: text(255).required(),
  type: text(1)
    .oneOf(['0', '1'])
    .required()
    .doc('0 debit-natured (assets, expenses), 1 credit-natured (liabilities, equity, revenue)'),
  staff_id: staffField(),
  entity_type: text(50).oneOf(ACCOUNT_ENTITY_TYPES),
  entity_id: id(),
  parent_cat_ids: text(255).readOnly(),
  disabled: bool().default(0),
  total_debit: decimal().virtual(),
  total_credit: decimal().virtual(),
  // Daftra recalculates balances in the background and flags accounts still waiting; here every total
  // is summed from the journals when it is read, so an account is always recalculated.
  is_recalculated: bool()
    .virtual()
    .doc('Always 1: totals are summed from the journals when read, never left to recalculate'),
  last_transaction_update: datetime()
    .virtual()
    .doc('When a journal line posted to it (or, for a folder, to an account below it) last changed; empty when none'),
  ...timestamps(),
});

/**
 * The folders and accounts the posting rules use (a `system_key`, and on accounts an `entity_type`
 * the books opened them for) keep what the rules rely on: their nature (`type`) and what they hold
 * (`entity_type`, `entity_id`). A rename or a move is fine. Without this, retyping "Cash and Banks" or
 * pointing it at clients sent every later posting to the wrong place or to a 500.
 */
async function refuseRuleChanges(
  context: Context,
  table: 'journal_cats' | 'journal_accounts',
  record: Rec,
  existing: Rec | null,
): Promise<void> {
  if (!existing) return;
  const stored = await scoped(context, table)
    .selectFrom()
    .select('system_key')
    .where('id', '=', existing.id)
    .executeTakeFirst();
  const system = Boolean(stored?.['system_key']);
  const opened = table === 'journal_accounts' && Boolean(existing.entity_type);
  if (!system && !opened) return;
  const why = table === 'journal_cats' ? 'the books open accounts under this folder' : 'the books post to this account';
  const errors: Record<string, string> = {};
  const guarded = opened ? ['type', 'entity_type', 'entity_id'] : ['type', 'entity_type'];
  for (const field of guarded) {
    if ((record[field] ?? null) !== (existing[field] ?? null))
      errors[field] = `cannot be changed: ${why} (${existing.name})`;
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** A folder the books open accounts under, or that holds their system accounts, stays. */
async function refuseSystemDelete(
  context: Context,
  table: 'journal_cats' | 'journal_accounts',
  record: Rec,
): Promise<void> {
  const stored = await scoped(context, table)
    .selectFrom()
    .select('system_key')
    .where('id', '=', record.id)
    .executeTakeFirst();
  if (!stored?.['system_key']) return;
  throw new DaftarError(
    'DAFTAR_ERR_HAS_TRANSACTIONS',
    table === 'journal_cats'
      ? `Can't delete item. The books open accounts under this folder (${record.name}); rename it instead.`
      : "Can't delete item. The books post to this account.",
  );
}

async function setParentPath(context: Context, record: Rec): Promise<void> {
  const parentId = record.journal_cat_id as number | null;
  if (!parentId) {
    record.parent_cat_ids = '';
    return;
  }
  const parent = await scoped(context, 'journal_cats')
    .selectFrom()
    .select(['id', 'parent_cat_ids'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  const path = parent ? [String(parent['parent_cat_ids'] ?? ''), String(parentId)].filter(Boolean).join(',') : '';
  record.parent_cat_ids = path;
}

/** Σ debit and credit posted to each account (and, for cats, to every account below them). */
async function renderTotals(
  context: Context,
  records: Rec[],
  wire: Record<string, unknown>[],
  kind: 'account' | 'cat',
): Promise<void> {
  for (const [index, record] of records.entries()) {
    const row = await exactSums(context.dialect, (sums) => {
      let query = context.db
        .selectFrom('journal_transactions as t')
        .innerJoin('journal_accounts as a', (join) =>
          join.onRef('a.id', '=', 't.journal_account_id').onRef('a.site_id', '=', 't.site_id'),
        )
        .select((eb) => [
          ...sums(eb.ref('t.debit'), 'debit'),
          ...sums(eb.ref('t.credit'), 'credit'),
          eb.fn.max('t.modified').as('last_modified'),
        ])
        .where('t.site_id', '=', context.siteId);
      if (kind === 'account') query = query.where('a.id', '=', record.id);
      else {
        const id = String(record.id);
        query = query.where((eb) =>
          eb.or([
            eb('a.journal_cat_id', '=', record.id),
            eb('a.parent_cat_ids', '=', id),
            eb('a.parent_cat_ids', 'like', `${id},%`),
            eb('a.parent_cat_ids', 'like', `%,${id}`),
            eb('a.parent_cat_ids', 'like', `%,${id},%`),
          ]),
        );
      }
      return query.executeTakeFirst();
    });
    wire[index]!['total_debit'] = formatDec(readSum(row, 'debit'));
    wire[index]!['total_credit'] = formatDec(readSum(row, 'credit'));
    wire[index]!['is_recalculated'] = '1';
    const last = row?.['last_modified'];
    wire[index]!['last_transaction_update'] = last === null || last === undefined ? null : String(last);
  }
}

export const journalCats = defineResource({
  name: 'journal_cats',
  model: 'JournalCat',
  title: 'Journal cat',
  table: 'journal_cats',
  operations: ALL_OPERATIONS,
  fields: {
    journal_cat_id: id().ref('journal_cats').doc('Parent folder; empty at the top of the tree'),
    ...accountTreeFields(),
    color: text(255),
  },
  keywordColumns: ['name', 'code'],
  hooks: {
    async prepare(context, draft, existing) {
      if (draft.header.journal_cat_id && draft.header.journal_cat_id === draft.header.id) {
        throw validationError({ journal_cat_id: 'cannot be the folder itself' });
      }
      await refuseRuleChanges(context, 'journal_cats', draft.header, existing);
      await setParentPath(context, draft.header);
    },
    async beforeDelete(context, record) {
      await refuseSystemDelete(context, 'journal_cats', record);
    },
    async related(context, records, wire) {
      await renderTotals(context, records, wire, 'cat');
    },
  },
});

export const journalAccounts = defineResource({
  name: 'journal_accounts',
  model: 'JournalAccount',
  title: 'Journal account',
  table: 'journal_accounts',
  operations: ALL_OPERATIONS,
  fields: {
    journal_cat_id: id().required().ref('journal_cats').doc('Folder of the account in the chart'),
    ...accountTreeFields(),
  },
  keywordColumns: ['name', 'code'],
  hooks: {
    async prepare(context, draft, existing) {
      await refuseRuleChanges(context, 'journal_accounts', draft.header, existing);
      await setParentPath(context, draft.header);
    },
    async beforeDelete(context, record) {
      await refuseSystemDelete(context, 'journal_accounts', record);
    },
    async related(context, records, wire) {
      await renderTotals(context, records, wire, 'account');
    },
  },
});

export const journalTransactionFields = () => ({
  journal_id: id(),
  journal_account_id: id().required().ref('journal_accounts'),
  debit: decimal().nonNegative().default(0n),
  credit: decimal().nonNegative().default(0n),
  currency_debit: decimal().nonNegative(),
  currency_credit: decimal().nonNegative(),
  currency_code: text(3),
  currency_rate: decimal(),
  subkey: text(50).oneOf(ACCOUNT_ENTITY_TYPES),
  description: longText(),
  alter_description: longText(),
  cost_center_id: id().ref('cost_centers').doc('Cost center the line is charged to (v2 cost_center)'),
  ...timestamps(),
});

export const journals = defineResource({
  name: 'journals',
  model: 'Journal',
  title: 'Journal',
  table: 'journals',
  operations: ALL_OPERATIONS,
  fields: {
    number: text(255).doc('Generated when left out'),
    staff_id: staffField(),
    date: date().doc('Today when left out'),
    name: text(255),
    entity_type: text(50)
      .oneOf(JOURNAL_ENTITY_TYPES)
      .doc('Set by the books on automatic journals; manual journals need none'),
    entity_id: id(),
    is_automatic: bool().readOnly(),
    description: longText().required(),
    total_debit: decimal().readOnly(),
    total_credit: decimal().readOnly(),
    currency_code: text(3),
    currency_debit: decimal().readOnly(),
    currency_credit: decimal().readOnly(),
    alter_description: longText(),
    cost_center_id: id(),
    ...timestamps(),
  },
  children: [
    {
      key: 'JournalTransaction',
      table: 'journal_transactions',
      foreignKey: 'journal_id',
      fields: journalTransactionFields(),
      writable: true,
      countMax: 1_000,
      // The docs' list shows each journal with its transactions.
      inLists: true,
    },
  ],
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['description', 'number', 'name'],
  hooks: {
    async prepare(context, draft, existing) {
      if (existing && Number(existing.is_automatic) === 1) {
        throw new DaftarError(
          'DAFTAR_ERR_FORBIDDEN',
          'Automatic journals are posted by their documents and cannot be edited',
        );
      }
      const journal = draft.header;
      const lines = draft.children['JournalTransaction'] ?? [];
      const errors: Record<string, string> = {};
      if (lines.length < 2) errors['JournalTransaction'] = 'a journal needs at least two transactions';
      lines.forEach((line, index) => {
        const debit = line.debit ?? ZERO;
        const credit = line.credit ?? ZERO;
        if (debit > ZERO === credit > ZERO)
          errors[`JournalTransaction.${index}.debit`] = 'exactly one of debit and credit must be greater than 0';
        line.currency_code = line.currency_code || journal['currency_code'] || context.site.currency_code;
        // debit and credit are in the site currency: rounded to its minor unit before the balance check.
        for (const side of ['debit', 'credit'] as const) {
          if (line[side] !== null && line[side] !== undefined)
            line[side] = roundAmount(line[side] as bigint, context.site.currency_code);
        }
      });
      const debit = sum(lines.map((l) => l.debit ?? ZERO));
      const credit = sum(lines.map((l) => l.credit ?? ZERO));
      if (debit !== credit)
        errors['total_debit'] = `debits (${formatDec(debit)}) must equal credits (${formatDec(credit)})`;
      if (Object.keys(errors).length > 0) throw validationError(errors);
      journal['total_debit'] = debit;
      journal['total_credit'] = credit;
      journal['currency_debit'] = debit;
      journal['currency_credit'] = credit;
      journal['is_automatic'] = 0;
      if (!journal['entity_type']) journal['entity_type'] = 'manual';
      if (!journal['date']) journal['date'] = today(context);
      if (!journal['currency_code']) journal['currency_code'] = context.site.currency_code;
      if (journal['staff_id'] === undefined || journal['staff_id'] === null) journal['staff_id'] = context.staffId;
      journal.number = await settleNumber(
        context,
        {
          table: 'journals',
          column: 'number',
          sequence: 'journal',
          unique: false,
          takenProblem: () => 'is already used by another journal',
        },
        journal.number,
        existing?.id,
      );
    },
    async beforeDelete(_context, record) {
      if (Number(record.is_automatic) === 1) {
        throw new DaftarError('DAFTAR_ERR_FORBIDDEN', 'Automatic journals are removed with their documents');
      }
    },
  },
});
