/**
 * Daftra's HR organisation (v2 "Organizational Structure"): departments, designations (job titles,
 * in a department) and employment types. Plain storage: names, an active flag, the branch; a record
 * still named by another stays (a department by its designations, a type by its designations).
 */
import { bool, id, json, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';

export const departments = defineResource({
  name: 'departments',
  model: 'Department',
  title: 'Department',
  table: 'departments',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    abbr: text(50),
    description: longText(),
    active: bool().default(1),
    managers: json().doc('Staff ids managing the department, e.g. [3, 7]'),
    branch_id: id(),
    staff_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name', 'abbr'],
});

export const employmentTypes = defineResource({
  name: 'employment_types',
  model: 'EmploymentType',
  title: 'Employment type',
  table: 'employment_types',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    description: longText(),
    active: bool().default(1),
    ...timestamps(),
  },
  keywordColumns: ['name'],
});

export const designations = defineResource({
  name: 'designations',
  model: 'Designation',
  title: 'Designation',
  table: 'designations',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    description: longText(),
    active: bool().default(1),
    role_id: id(),
    department_id: id().ref('departments'),
    employment_type_id: id().ref('employment_types'),
    employment_level_id: id(),
    salary_structure_id: id(),
    payroll_frequency: text(50),
    currency_code: text(3),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['name'],
});
