/**
 * Daftra's v2 "Points & Credits": credit types (a unit: points, minutes, sessions), packages (a price
 * and a period, with the credit each type gives: credit_type_package), credit charges (credit a client
 * holds of a type, valid from start_date to expiry_date), credit usages (credit spent) and charge
 * usages (the part of a usage taken from a charge). A usage is allocated to the client's charges when
 * written and refused when the balance is short (domain/credits.ts); a charge's `remaining_amount` and
 * a usage's allocation are derived, never sent.
 */
import { DaftarError, fieldError } from '../domain/errors.js';
import { type Charge, allocateUsage } from '../domain/credits.js';
import { type Dec, ZERO, formatDec, fromStored, toStored } from '../domain/money.js';
import { bool, date, decimal, id, int, longText, text } from '../engine/fields.js';
import type { Context } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps, today } from './common.js';
import { insertRows } from '../db/insert.js';
import { scoped } from '../db/scoped.js';

const softDeleted = () => ({ deleted_at: text(20).readOnly() });

export const creditTypes = defineResource({
  name: 'credit_types',
  model: 'CreditType',
  title: 'Credit type',
  table: 'credit_types',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    unit: text(50).doc('What one credit is: point, minute, session'),
    allow_decimal: bool().default(0).doc('0: amounts of this type are whole numbers'),
    status: int().oneOf([0, 1]).default(1).doc('1 active, 0 inactive'),
    description: longText(),
    ...timestamps(),
    ...softDeleted(),
  },
  keywordColumns: ['name'],
});

export const packages = defineResource({
  name: 'packages',
  model: 'Package',
  title: 'Package',
  table: 'packages',
  operations: ALL_OPERATIONS,
  fields: {
    name: text(255).required(),
    type: text(50).doc('Package kind as Daftra names it (e.g. membership, credit)'),
    price: decimal().nonNegative(),
    period_value: int().range(0, 10_000),
    // The docs' own examples send `monthly`; both spellings are kept as sent.
    period_unit: text(10)
      .oneOf(['day', 'week', 'month', 'year', 'daily', 'weekly', 'monthly', 'yearly'])
      .doc('Validity of the credit it gives: day, week, month, year (or daily, weekly, monthly, yearly)'),
    status: int().oneOf([0, 1]).default(1),
    product_id: id().ref('products'),
    description: longText(),
    branch_id: id(),
    ...timestamps(),
    ...softDeleted(),
  },
  keywordColumns: ['name'],
});

/** Whole amounts only, for a type with allow_decimal 0. */
async function checkWhole(context: Context, typeId: unknown, amount: unknown, field: string): Promise<void> {
  if (typeof typeId !== 'number' || typeof amount !== 'bigint') return;
  const type = await scoped(context, 'credit_types')
    .selectFrom()
    .select('allow_decimal')
    .where('id', '=', typeId)
    .executeTakeFirst();
  if (type && Number(type['allow_decimal']) === 0 && amount % 1_000_000n !== ZERO)
    throw fieldError(field, 'must be a whole number for this credit type');
}

export const creditTypePackages = defineResource({
  name: 'credit_type_packages',
  model: 'CreditTypePackage',
  title: 'Package credit type',
  table: 'credit_type_packages',
  operations: ALL_OPERATIONS,
  fields: {
    credit_type_id: id().required().ref('credit_types'),
    package_id: id().required().ref('packages'),
    amount: decimal().required().nonNegative().doc('Credit of the type the package gives'),
  },
  hooks: {
    async prepare(context, draft, existing) {
      await checkWhole(
        context,
        draft.header.credit_type_id ?? existing?.['credit_type_id'],
        draft.header.amount,
        'amount',
      );
    },
  },
});

export const CHARGE_STATUSES = ['active', 'suspended', 'expired'] as const;

async function usedOfCharges(context: Context, chargeIds: number[]): Promise<Map<number, Dec>> {
  const used = new Map<number, Dec>();
  if (chargeIds.length === 0) return used;
  const rows = await scoped(context, 'charge_usages')
    .selectFrom()
    .select(['credit_charge_id', 'amount'])
    .where('credit_charge_id', 'in', chargeIds)
    .execute();
  for (const row of rows) {
    const key = Number(row.credit_charge_id);
    used.set(key, (used.get(key) ?? ZERO) + fromStored(row.amount));
  }
  return used;
}

export const creditCharges = defineResource({
  name: 'credit_charges',
  model: 'CreditCharge',
  title: 'Credit charge',
  table: 'credit_charges',
  operations: ALL_OPERATIONS,
  fields: {
    client_id: id().required().ref('clients'),
    credit_type_id: id().required().ref('credit_types'),
    amount: decimal().required().nonNegative(),
    status: text(20).oneOf(CHARGE_STATUSES).default('active'),
    is_suspended: bool().doc("1: suspended (status suspended); Daftra's add and edit forms send it instead of status"),
    start_date: date(),
    expiry_date: date(),
    description: longText(),
    renewal_id: id(),
    staff_id: id(),
    remaining_amount: decimal().virtual().doc('amount less what usages took from it (derived)'),
    ...timestamps(),
    ...softDeleted(),
  },
  hooks: {
    async prepare(context, draft, existing) {
      // One state, two spellings: is_suspended (the docs' forms) and status (the docs' replies).
      const suspended = draft.header['is_suspended'];
      if (typeof suspended === 'number')
        draft.header['status'] = suspended
          ? 'suspended'
          : existing?.['status'] === 'suspended' || !existing
            ? 'active'
            : existing['status'];
      else if (typeof draft.header['status'] === 'string')
        draft.header['is_suspended'] = draft.header['status'] === 'suspended' ? 1 : 0;
      const merged = { ...existing, ...draft.header };
      if (
        merged['start_date'] &&
        merged['expiry_date'] &&
        String(merged['expiry_date']) < String(merged['start_date'])
      ) {
        throw fieldError('expiry_date', 'must be on or after start_date');
      }
      if (!merged['start_date']) draft.header.start_date = today(context);
      await checkWhole(context, merged['credit_type_id'], draft.header.amount, 'amount');
      if (existing && typeof draft.header.amount === 'bigint') {
        const used = (await usedOfCharges(context, [existing.id])).get(existing.id) ?? ZERO;
        if (draft.header.amount < used)
          throw fieldError('amount', `must be at least ${formatDec(used)}, the credit already used from this charge`);
      }
    },
    async related(context, records, wire) {
      const used = await usedOfCharges(
        context,
        records.map((r) => r.id!),
      );
      records.forEach((record, index) => {
        const amount = record.amount ?? ZERO;
        wire[index]!['remaining_amount'] = formatDec(amount - (used.get(record.id) ?? ZERO));
      });
    },
  },
});

async function chargesOf(
  context: Context,
  clientId: number,
  typeId: number,
  excludeUsage: number | null,
): Promise<Charge[]> {
  const rows = await scoped(context, 'credit_charges')
    .selectFrom()
    .selectAll()
    .where('client_id', '=', clientId)
    .where('credit_type_id', '=', typeId)
    .execute();
  const ids = rows.map((row) => Number(row.id));
  const used = new Map<number, Dec>();
  if (ids.length > 0) {
    let query = scoped(context, 'charge_usages')
      .selectFrom()
      .select(['credit_charge_id', 'amount'])
      .where('credit_charge_id', 'in', ids);
    if (excludeUsage !== null) query = query.where('credit_usage_id', '<>', excludeUsage);
    for (const row of await query.execute()) {
      const key = Number(row.credit_charge_id);
      used.set(key, (used.get(key) ?? ZERO) + fromStored(row.amount));
    }
  }
  return rows.map((row) => ({
    id: Number(row.id),
    amount: fromStored(row.amount),
    used: used.get(Number(row.id)) ?? ZERO,
    startDate: row.start_date ?? null,
    expiryDate: row.expiry_date ?? null,
    active: (row.status ?? 'active') === 'active',
  }));
}

/** Replaces a usage's allocation to charges, in the write's transaction; refuses a short balance. */
/** What allocate reads of a credit usage (creditUsages' record). */
interface Usage {
  id: number;
  client_id: number;
  credit_type_id: number;
  amount: Dec;
  usage_date?: string | null;
}

async function allocate(context: Context, usage: Usage): Promise<void> {
  await scoped(context, 'charge_usages').deleteFrom().where('credit_usage_id', '=', usage.id).execute();
  const amount = usage.amount ?? ZERO;
  const day = String(usage.usage_date ?? today(context)).slice(0, 10);
  const charges = await chargesOf(context, usage.client_id, usage.credit_type_id, usage.id);
  const allocations = allocateUsage(charges, amount, day);
  if (allocations === null) {
    const available = charges.filter((c) => c.active).reduce((total, c) => total + (c.amount - c.used), ZERO);
    throw new DaftarError('DAFTAR_ERR_VALIDATION', 'Not enough credit', {
      amount: `exceeds the client's credit of this type available on ${day} (at most ${formatDec(available)} across active charges)`,
    });
  }
  if (allocations.length === 0) return;
  await insertRows(
    context.db,
    context.dialect,
    'charge_usages',
    allocations.map((part) => ({
      site_id: context.siteId,
      credit_charge_id: part.chargeId,
      credit_usage_id: usage.id!,
      amount: toStored(part.amount),
    })),
  );
}

export const creditUsages = defineResource({
  name: 'credit_usages',
  model: 'CreditUsage',
  title: 'Credit usage',
  table: 'credit_usages',
  operations: ALL_OPERATIONS,
  fields: {
    client_id: id().required().ref('clients'),
    credit_type_id: id().required().ref('credit_types'),
    amount: decimal()
      .required()
      .nonNegative()
      .doc("Credit spent; taken from the client's charges, first to expire first"),
    usage_date: date(),
    description: longText(),
    added_by: id().doc('The staff member who recorded the usage (0 the owner)'),
    ...timestamps(),
    ...softDeleted(),
  },
  hooks: {
    async prepare(context, draft, existing) {
      if (!draft.header.usage_date && !existing?.['usage_date']) draft.header.usage_date = today(context);
      await checkWhole(
        context,
        draft.header.credit_type_id ?? existing?.['credit_type_id'],
        draft.header.amount,
        'amount',
      );
    },
    async afterWrite(context, record) {
      await allocate(context, record);
    },
    // The usage's allocation to charges is derived by it (not a record someone else made), so it goes
    // before the delete guard looks for records that name the usage.
    async beforeDelete(context, record) {
      await scoped(context, 'charge_usages').deleteFrom().where('credit_usage_id', '=', record.id).execute();
    },
  },
});

/**
 * The allocation of usages to charges, derived by credit usages; read it here. A client program that
 * writes one directly (Daftra documents the POST) moves credit between charges of the same client and
 * type, within the charge's remaining credit.
 */
export const chargeUsages = defineResource({
  name: 'charge_usages',
  model: 'ChargeUsage',
  title: 'Charge usage',
  table: 'charge_usages',
  operations: ALL_OPERATIONS,
  fields: {
    credit_charge_id: id().required().ref('credit_charges'),
    credit_usage_id: id().required().ref('credit_usages'),
    amount: decimal().required().nonNegative(),
  },
  hooks: {
    async prepare(context, draft, existing) {
      const merged = { ...existing, ...draft.header };
      const charge = await scoped(context, 'credit_charges')
        .selectFrom()
        .selectAll()
        .where('id', '=', merged.credit_charge_id)
        .executeTakeFirst();
      const usage = await scoped(context, 'credit_usages')
        .selectFrom()
        .selectAll()
        .where('id', '=', merged.credit_usage_id)
        .executeTakeFirst();
      if (!charge || !usage) return;
      if (
        Number(charge['client_id']) !== Number(usage['client_id']) ||
        Number(charge['credit_type_id']) !== Number(usage['credit_type_id'])
      ) {
        throw fieldError('credit_charge_id', "must be a charge of the usage's client and credit type");
      }
      let others = scoped(context, 'charge_usages')
        .selectFrom()
        .select('amount')
        .where('credit_charge_id', '=', Number(charge['id']));
      if (existing) others = others.where('id', '<>', existing.id);
      const used = (await others.execute()).reduce((total, row) => total + fromStored(row.amount), ZERO);
      if (used + (merged.amount ?? ZERO) > fromStored(charge['amount']))
        throw fieldError('amount', 'exceeds the credit left on the charge');
    },
  },
});
