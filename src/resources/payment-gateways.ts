/**
 * The payment methods a site accepts (Daftra's "site payment gateways"): `payment_gateway` is the slug
 * a payment names as `payment_method` (cash, bank_transfer, ...), `label` what people see. A POS sync
 * lists them (`/v2/api/entity/site_payment_gateway/list`) and creates the ones it lacks. New sites
 * start with cash, bank transfer, credit card and cheque (domain/branch-defaults.ts).
 */
import { DaftarError, fieldError } from '../domain/errors.js';
import { bool, id, longText, text } from '../engine/fields.js';
import { allResources } from '../engine/registry.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps } from './common.js';
import { scoped } from '../db/scoped.js';

/** Slugs: lower-case letters, digits, `_` and `-`, as Daftra's built-in ones are written. */
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

export const sitePaymentGateways = defineResource({
  name: 'site_payment_gateways',
  model: 'SitePaymentGateway',
  title: 'Payment method',
  table: 'site_payment_gateways',
  operations: ALL_OPERATIONS,
  fields: {
    payment_gateway: text(100)
      .required()
      .doc('Slug payments carry as payment_method: cash, bank_transfer, ...; unique per site'),
    label: text(255).required().doc('Name shown to people'),
    username: text(255),
    option1: text(255),
    option2: text(255),
    option3: text(255),
    default: bool().default(0).doc('The method forms preselect; at most one is default'),
    active: bool().default(1),
    manually_added: bool().default(1).doc('1: added by the site (or a client program); 0: built in'),
    disable_for_client: bool().default(0).doc('1: not offered to clients paying online'),
    settings: longText(),
    treasury_id: id().ref('treasuries').doc('Treasury payments of this method go into'),
    branch_id: id(),
    ...timestamps(),
  },
  keywordColumns: ['payment_gateway', 'label'],
  defaultOrder: [['id', 'asc']],
  hooks: {
    async prepare(context, draft, existing) {
      const slug = String(draft.header.payment_gateway ?? '')
        .trim()
        .toLowerCase();
      if (!SLUG.test(slug))
        throw fieldError('payment_gateway', 'must be a slug: lower-case letters, digits, _ and - (e.g. bank_transfer)');
      draft.header.payment_gateway = slug;
      let taken = scoped(context, 'site_payment_gateways')
        .selectFrom()
        .select('id')
        .where('payment_gateway', '=', slug);
      if (existing) taken = taken.where('id', '<>', existing.id);
      if (await taken.executeTakeFirst())
        throw fieldError('payment_gateway', `is already used by another payment method (${slug})`);
    },
    async afterWrite(context, record) {
      if (record.default !== 1) return;
      await scoped(context, 'site_payment_gateways')
        .updateTable()
        .set({ default: 0 })
        .where('id', '<>', record.id)
        .execute();
    },
    async beforeDelete(context, record) {
      // Payments name their method by slug, not by id: a method in use stays. Every declared table
      // with a payment_method column is checked (invoice and client payments today).
      const tables = new Set(
        allResources()
          .filter((spec) => spec.fields['payment_method']?.isStored)
          .map((spec) => spec.table),
      );
      for (const table of tables) {
        const used = await scoped(context, table)
          .selectFrom()
          .select('id')
          .where('payment_method', '=', record.payment_gateway)
          .executeTakeFirst();
        if (used)
          throw new DaftarError('DAFTAR_ERR_HAS_TRANSACTIONS', "Can't delete item. Payments use this payment method.");
      }
    },
  },
});
