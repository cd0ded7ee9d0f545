/**
 * Branches of a site. Daftra serves them on v2 (`/v2/api/entity/branch/list`) and documents an api2
 * list (`GET /branches`, `{"Branch":{..}}`); integrators read them to pick `request_branch_id`. Every
 * site has a main branch (created with the site, domain/branch-defaults.ts), which cannot be deleted.
 */
import { DaftarError } from '../domain/errors.js';
import { id, int, longText, text } from '../engine/fields.js';
import { allResources } from '../engine/registry.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { contactFields, refuseIfUsed, timestamps } from './common.js';
import { mainBranchId } from '../domain/branch-defaults.js';

export const branches = defineResource({
  name: 'branches',
  model: 'Branch',
  title: 'Branch',
  table: 'branches',
  operations: ALL_OPERATIONS,
  fields: {
    code: text(50),
    name: text(255).required(),
    ...contactFields(),
    working_hours: text(255),
    description: longText(),
    admin_staff_id: id().ref('staff'),
    staff_id: id(),
    smtp_account_id: id(),
    status: int().oneOf([0, 1]).default(1).doc('1 active, 0 inactive'),
    map_location: text(255),
    ...timestamps(),
  },
  keywordColumns: ['name', 'code', 'city'],
  hooks: {
    async beforeDelete(context, record) {
      if (record.id === (await mainBranchId(context.db, context.siteId))) {
        throw new DaftarError('DAFTAR_ERR_VALIDATION', 'The main branch cannot be deleted', {
          id: 'the main branch cannot be deleted',
        });
      }
      // Every declared table with a branch_id column: a branch still named by a record stays.
      const tables = [
        ...new Set(
          allResources()
            .filter((spec) => spec.fields['branch_id']?.isStored)
            .map((spec) => spec.table),
        ),
      ];
      await refuseIfUsed(
        context,
        tables.map((table) => [table, 'branch_id'] as const),
        record.id!,
      );
    },
  },
});
