/**
 * Money moved from one treasury to another (Daftar's own resource: Daftra keeps treasury transfers,
 * its journals name them `treasury_transfer`, but its API documents no endpoint for them). A transfer
 * is an amount in the site currency, out of `from_treasury_id` and into `to_treasury_id`, on a date;
 * its journal debits the receiving treasury and credits the paying one (domain/posting/expenses.ts
 * `treasuryTransferLines`), so both balances move and nothing else does.
 */
import { postJournal, removeJournal } from '../domain/books.js';
import { treasuryTransferLines } from '../domain/posting/expenses.js';
import { ZERO, currencyDecimals, roundTo } from '../domain/money.js';
import { validationError } from '../domain/errors.js';
import { date, decimal, id, longText } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { staffField, timestamps, today } from './common.js';

export const treasuryTransfers = defineResource({
  name: 'treasury_transfers',
  model: 'TreasuryTransfer',
  title: 'Treasury transfer',
  table: 'treasury_transfers',
  operations: ALL_OPERATIONS,
  fields: {
    from_treasury_id: id().ref('treasuries').required().doc('The treasury the money leaves'),
    to_treasury_id: id().ref('treasuries').required().doc('The treasury the money goes into'),
    amount: decimal().required().doc('In the site currency, rounded to its minor unit'),
    date: date().doc('Today when left out'),
    notes: longText(),
    staff_id: staffField(),
    ...timestamps(),
  },
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['notes'],
  hooks: {
    async prepare(context, draft) {
      const record = draft.header;
      const sent = record['amount'];
      const amount = typeof sent === 'bigint' ? roundTo(sent, currencyDecimals(context.site.currency_code)) : ZERO;
      if (amount <= ZERO) throw validationError({ amount: 'must be greater than 0' });
      record['amount'] = amount;
      if (record['from_treasury_id'] === record['to_treasury_id'])
        throw validationError({ to_treasury_id: 'must be another treasury than from_treasury_id' });
      if (!record['date']) record['date'] = today(context);
    },
    async afterWrite(context, record) {
      await postJournal(context, {
        entityType: 'treasury_transfer',
        entityId: record.id!,
        date: String(record['date']),
        currencyCode: context.site.currency_code,
        description: `treasury transfer #${record.id}${record['notes'] ? ` (${String(record['notes'])})` : ''}`,
        lines: treasuryTransferLines(
          Number(record['from_treasury_id']),
          Number(record['to_treasury_id']),
          typeof record['amount'] === 'bigint' ? record['amount'] : ZERO,
        ),
      });
    },
    async afterDelete(context, record) {
      await removeJournal(context, 'treasury_transfer', record.id!);
    },
  },
});
