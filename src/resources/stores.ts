import { DaftarError, hasTransactions } from '../domain/errors.js';
import { hasMovements } from '../domain/stock.js';
import { bool, id, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { makeSolePrimary, timestamps } from './common.js';

export const stores = defineResource({
  name: 'stores',
  model: 'Store',
  title: 'Store',
  table: 'stores',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    shipping_address: longText(),
    primary: bool().default(0).doc('The store documents use when they name none; exactly one is primary'),
    active: bool().default(1),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name'],
  hooks: {
    async afterWrite(context, record) {
      if (record['primary'] === 1) await makeSolePrimary(context, 'stores', record.id!);
    },
    async beforeDelete(context, record) {
      if (record['primary'] === 1)
        throw new DaftarError('DAFTAR_ERR_VALIDATION', 'The primary store cannot be deleted', {
          primary: 'the primary store cannot be deleted; make another store primary first',
        });
      if (await hasMovements(context, 'store_id', record.id!)) throw hasTransactions();
    },
  },
});
