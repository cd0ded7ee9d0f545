/** Product brands (Daftra v2 `brand`): a name; a brand named by a product stays. */
import { id, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';

export const brands = defineResource({
  name: 'brands',
  model: 'Brand',
  title: 'Brand',
  table: 'brands',
  operations: ALL_OPERATIONS,
  fields: { name: text(255).required(), branch_id: id(), ...timestamps() },
  keywordColumns: ['name'],
});
