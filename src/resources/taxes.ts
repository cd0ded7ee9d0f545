import { fieldError } from '../domain/errors.js';
import { HUNDRED, ZERO } from '../domain/money.js';
import { bool, decimal, id, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

export const taxes = defineResource({
  name: 'taxes',
  model: 'Tax',
  title: 'Tax',
  table: 'taxes',
  operations: ALL_OPERATIONS,
  fields: {
    tax_id: id().readOnly(),
    name: text(255).required(),
    value: decimal().required().doc('Rate in percent: 15 for 15%'),
    description: longText(),
    included: bool().default(0).doc('0: prices exclude the tax; 1: prices include it'),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name', 'description'],
  hooks: {
    async prepare(_context, draft) {
      const rate = draft.header.value;
      if (rate < ZERO || rate > HUNDRED) throw fieldError('value', 'must be a percentage between 0 and 100');
    },
    async afterWrite(context, record) {
      // Daftra echoes the record id as tax_id.
      await scoped(context, 'taxes').updateTable().set({ tax_id: record.id }).where('id', '=', record.id).execute();
    },
  },
});
