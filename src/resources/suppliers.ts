import { settleNumber } from '../domain/numbering.js';
import { text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { partyFields, requireName } from './clients.js';
import { timestamps } from './common.js';

export const suppliers = defineResource({
  name: 'suppliers',
  model: 'Supplier',
  title: 'Supplier',
  table: 'suppliers',
  operations: ALL_OPERATIONS,
  fields: {
    supplier_number: text(255).doc('Generated when left out'),
    ...partyFields(),
    language_code: text(10),
    ...timestamps(),
  },
  keywordColumns: ['business_name', 'first_name', 'last_name', 'email', 'supplier_number', 'phone1', 'phone2', 'bn1'],
  hooks: {
    async prepare(context, draft, existing) {
      requireName(draft.header);
      draft.header.supplier_number = await settleNumber(
        context,
        {
          table: 'suppliers',
          column: 'supplier_number',
          sequence: 'supplier',
          takenProblem: () => 'is already used by another supplier',
        },
        draft.header.supplier_number,
        existing?.id,
      );
    },
  },
});
