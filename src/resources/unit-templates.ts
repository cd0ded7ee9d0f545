/**
 * Unit templates (Daftra v2 `unit_template`): a main (base) unit and larger units, each a whole factor
 * of the base (a box of 12). A product names its template; sales and stock convert quantities in a
 * larger unit to the base unit (domain/units.ts).
 */
import { fieldError } from '../domain/errors.js';
import { ZERO } from '../domain/money.js';
import { bool, decimal, id, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';

export const UNIT_FACTORS_MAX = 50;

export const unitTemplates = defineResource({
  name: 'unit_templates',
  model: 'UnitTemplate',
  title: 'Unit template',
  table: 'unit_templates',
  operations: ALL_OPERATIONS,
  fields: {
    template_name: text(255).required(),
    main_unit_name: text(100).required().doc('The base unit stock is counted in, e.g. piece'),
    unit_small_name: text(20).doc('Short name of the base unit, e.g. pc'),
    active: bool().default(1),
    branch_id: id(),
    staff_id: id(),
    ...timestamps(),
  },
  children: [
    {
      key: 'UnitTemplatesUnitFactors',
      inputKeys: ['UnitTemplatesUnitFactor'],
      table: 'unit_template_factors',
      foreignKey: 'unit_template_id',
      writable: true,
      countMax: UNIT_FACTORS_MAX,
      inLists: true,
      fields: {
        unit_template_id: id(),
        factor_name: text(100).required().doc('Name of the larger unit, e.g. box'),
        factor: decimal().required().doc('Base units in one of this unit, e.g. 12'),
        small_name: text(20),
      },
    },
  ],
  keywordColumns: ['template_name', 'main_unit_name'],
  hooks: {
    async prepare(_context, draft) {
      (draft.children['UnitTemplatesUnitFactors'] ?? []).forEach((factor, index) => {
        if (factor.factor <= ZERO)
          throw fieldError(`UnitTemplatesUnitFactors.${index}.factor`, 'must be greater than 0');
      });
    },
  },
});
