import { DaftarError } from '../domain/errors.js';
import { formatDec } from '../domain/money.js';
import { exactSums, readSum } from '../db/exact-sum.js';
import { bool, decimal, id, int, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { makeSolePrimary, staffField, timestamps } from './common.js';

export const treasuries = defineResource({
  name: 'treasuries',
  model: 'Treasury',
  title: 'Treasury',
  table: 'treasuries',
  operations: ALL_OPERATIONS,
  fields: {
    staff_id: staffField(),
    name: text(255).required(),
    type: int().oneOf([1, 3]).default(3).doc('1 bank account, 3 cash treasury'),
    type_name: text(255),
    type_account_number: text(255),
    active: bool().default(1),
    is_primary: bool().default(0).doc('Payments that name no treasury go to the primary one'),
    description: longText(),
    currency_code: text(3),
    branch_id: id(),
    balance: decimal()
      .virtual()
      .doc("Derived from the books: debits − credits posted to the treasury's account, in the site currency"),
    ...timestamps(),
  },
  keywordColumns: ['name', 'description'],
  hooks: {
    async afterWrite(context, record) {
      if (record['is_primary'] === 1) await makeSolePrimary(context, 'treasuries', record.id!);
    },
    async beforeDelete(_context, record) {
      if (record['is_primary'] === 1)
        throw new DaftarError('DAFTAR_ERR_VALIDATION', 'The primary treasury cannot be deleted', {
          is_primary: 'the primary treasury cannot be deleted; make another treasury primary first',
        });
    },
    /** Balance: debits − credits posted to the treasury's account (payments in, expenses and refunds out). */
    async related(context, records, wire) {
      const ids = records.map((r) => r.id!);
      const rows = await exactSums(context.dialect, (sums) =>
        context.db
          .selectFrom('journal_accounts as a')
          .innerJoin('journal_transactions as t', (join) =>
            join.onRef('t.journal_account_id', '=', 'a.id').on('t.site_id', '=', context.siteId),
          )
          .select((eb) => ['a.entity_id', ...sums(eb.ref('t.debit'), 'debit'), ...sums(eb.ref('t.credit'), 'credit')])
          .where('a.site_id', '=', context.siteId)
          .where('a.entity_type', '=', 'treasury')
          .where('a.entity_id', 'in', ids)
          .groupBy('a.entity_id')
          .execute(),
      );
      const byTreasury = new Map(
        rows.map((row) => [Number(row['entity_id']), readSum(row, 'debit') - readSum(row, 'credit')]),
      );
      records.forEach((record, index) => {
        wire[index]!['balance'] = formatDec(byTreasury.get(record.id!) ?? 0n);
      });
    },
  },
});
