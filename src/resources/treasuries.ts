import { DaftarError } from '../domain/errors.js';
import { formatDec } from '../domain/money.js';
import { balancesOf } from '../domain/account-movements.js';
import { bool, decimal, id, int, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { makeSolePrimary, staffField, timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

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
      // From the maintained month totals (db/account-totals.ts): a row per account and month, not every line.
      const accounts = await scoped(context, 'journal_accounts')
        .selectFrom()
        .select(['id', 'entity_id'])
        .where('entity_type', '=', 'treasury')
        .where('entity_id', 'in', ids)
        .execute();
      const balances = await balancesOf(
        context,
        accounts.map((a) => Number(a['id'])),
      );
      const byTreasury = new Map<number, bigint>();
      for (const account of accounts) {
        const treasury = Number(account['entity_id']);
        byTreasury.set(treasury, (byTreasury.get(treasury) ?? 0n) + (balances.get(Number(account['id'])) ?? 0n));
      }
      records.forEach((record, index) => {
        wire[index]!['balance'] = formatDec(byTreasury.get(record.id!) ?? 0n);
      });
    },
  },
});
