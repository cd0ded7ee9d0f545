/**
 * Shipping options a site offers on its documents (an invoice's `shipping_option_id`), each with a fee
 * and an optional tax. Daftra serves them on v2 (`/v2/api/entity/shipping_option/...`).
 */
import { decimal, id, int, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { allResources } from '../engine/registry.js';
import { refuseIfUsed, timestamps } from './common.js';

export const shippingOptions = defineResource({
  name: 'shipping_options',
  model: 'ShippingOption',
  title: 'Shipping option',
  table: 'shipping_options',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    fees: decimal().nonNegative().default(0).doc('Shipping fee in the site currency'),
    tax_id: id().ref('taxes').doc('Tax charged on the fee'),
    status: int().oneOf([0, 1]).default(1).doc('1 active, 0 inactive'),
    description: longText(),
    display_order: int(),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name'],
  defaultOrder: [
    ['display_order', 'asc'],
    ['id', 'asc'],
  ],
  hooks: {
    async beforeDelete(context, record) {
      // Every declared table with a shipping_option_id column (none of api2's documents declare one yet).
      const tables = [
        ...new Set(
          allResources()
            .filter((spec) => spec.fields['shipping_option_id']?.isStored)
            .map((spec) => spec.table),
        ),
      ];
      await refuseIfUsed(
        context,
        tables.map((table) => [table, 'shipping_option_id'] as const),
        record.id!,
      );
    },
  },
});
