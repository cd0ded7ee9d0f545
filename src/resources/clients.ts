import { fieldError } from '../domain/errors.js';
import { settleNumber } from '../domain/numbering.js';
import { bool, date, decimal, id, int, longText, text } from '../engine/fields.js';
import { type Rec, defineResource, ALL_OPERATIONS } from '../engine/resource.js';
import { contactFields, staffField, timestamps } from './common.js';

/** The party fields clients and suppliers share (Daftra's ClientBase / SupplierBase). */
export const partyFields = () => ({
  is_offline: bool().default(0),
  staff_id: staffField(),
  business_name: text(100),
  first_name: text(255),
  last_name: text(255),
  email: text(255),
  ...contactFields(),
  notes: longText(),
  active_secondary_address: bool().default(0),
  secondary_name: text(255),
  secondary_address1: text(255),
  secondary_address2: text(255),
  secondary_city: text(100),
  secondary_state: text(100),
  secondary_postal_code: text(50),
  secondary_country_code: text(10),
  default_currency_code: text(5),
  follow_up_status: int(),
  category: text(255),
  bn1: text(255).doc('Tax registration number (VAT number); Arabic-Indic digits are kept as sent'),
  bn1_label: text(255),
  bn2: text(255).doc('Commercial registration number'),
  bn2_label: text(255),
  starting_balance: decimal(),
  branch_id: int(),
});

/** A party needs a business name, or first and last names (which then make its business name). */
export function requireName(party: Rec): void {
  const named = [party['business_name'], party['first_name'], party['last_name']].some(
    (v) => typeof v === 'string' && v.trim() !== '',
  );
  if (!named) throw fieldError('business_name', 'is required (or first_name and last_name)');
  if (!party['business_name'])
    party['business_name'] = [party['first_name'], party['last_name']].filter(Boolean).join(' ');
}

export const clients = defineResource({
  name: 'clients',
  model: 'Client',
  title: 'Client',
  table: 'clients',
  operations: ALL_OPERATIONS,
  fields: {
    client_number: text(255).doc('Generated when left out; clients may set their own (an external id)'),
    ...partyFields(),
    group_price_id: id(),
    timezone: int(),
    type: int().oneOf([2, 3]).default(2).doc('2 Individual, 3 Business'),
    birth_date: date(),
    gender: int().oneOf([0, 1, 2]).doc('0 not selected, 1 male, 2 female'),
    map_location: text(255),
    credit_limit: decimal().nonNegative(),
    credit_period: int().range(0, 36_500),
    last_login: text(30).readOnly(),
    suspend: bool().readOnly(),
    last_ip: text(64).readOnly(),
    ...timestamps(),
  },
  keywordColumns: ['business_name', 'first_name', 'last_name', 'email', 'client_number', 'phone1', 'phone2', 'bn1'],
  hooks: {
    async prepare(context, draft, existing) {
      const client = draft.header;
      requireName(client);
      client.client_number = await settleNumber(
        context,
        {
          table: 'clients',
          column: 'client_number',
          sequence: 'client',
          takenProblem: () => 'is already used by another client',
        },
        client.client_number,
        existing?.id,
      );
    },
  },
});
