/**
 * Daftra's v2 "Employee Asset" group: asset types, locations, storages, and the assets themselves,
 * each used by nobody, an employee or a storage. Plain storage with Daftra's rule that the holder named
 * by `used_by` is given (employee_id for employee, storage_id for storage).
 */
import { fieldError } from '../domain/errors.js';
import { bool, date, id, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource, type ResourceSpec } from '../engine/resource.js';
import { timestamps } from './common.js';

const placeFields = () => ({
  name: text(255).required(),
  description: longText(),
  is_active: bool().default(1),
  staff_id: id(),
  branch_id: id(),
  ...timestamps(),
});

/** `prefix`: Daftra's v2 records of locations and storages nest their branch and staff as `{prefix}_branch`, `{prefix}_staff`. */
function place(name: string, model: string, title: string, prefix?: string): ResourceSpec {
  return defineResource({
    name,
    model,
    title,
    table: name,
    operations: ALL_OPERATIONS,
    fields: placeFields(),
    keywordColumns: ['name'],
    ...(prefix ? { v2Aliases: { branch_id: [`${prefix}_branch`], staff_id: [`${prefix}_staff`] } } : {}),
  });
}

export const assetTypes = place('asset_types', 'AssetType', 'Asset type');
export const assetLocations = place('asset_locations', 'AssetLocation', 'Asset location', 'asset_location');
export const storages = place('storages', 'Storage', 'Storage', 'storage');

export const USED_BY = ['not_assigned', 'employee', 'storage'] as const;

export const employeeAssets = defineResource({
  name: 'employee_assets',
  model: 'EmployeeAsset',
  title: 'Asset',
  table: 'employee_assets',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    code: text(50),
    asset_type_id: id().ref('asset_types'),
    serial_number: text(255),
    barcode: text(255),
    used_by: text(20).oneOf(USED_BY).required().doc('not_assigned, employee (employee_id) or storage (storage_id)'),
    employee_id: id(),
    storage_id: id().ref('storages'),
    location_id: id().ref('asset_locations').required(),
    status: text(50),
    assigned_date: date(),
    expected_return_date: date(),
    warranty_expiry_date: date(),
    photo: text(1000),
    description: longText(),
    technical_specifications: longText(),
    attachments: longText(),
    branch_id: id(),
    staff_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name', 'code', 'serial_number', 'barcode'],
  hooks: {
    async prepare(_context, draft, existing) {
      const merged = { ...existing, ...draft.header };
      if (merged['used_by'] === 'employee' && !merged['employee_id'])
        throw fieldError('employee_id', 'is required when used_by is employee');
      if (merged['used_by'] === 'storage' && !merged['storage_id'])
        throw fieldError('storage_id', 'is required when used_by is storage');
    },
  },
});
