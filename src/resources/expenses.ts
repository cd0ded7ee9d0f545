/**
 * Expenses and incomes: one shape (Daftra's ExpenseBase) in one table, told apart by is_income. Tax
 * amounts are computed from the named tax records on the amount (inclusive or exclusive).
 *
 * Their journals: src/domain/posting/expenses.ts.
 */
import { postJournal, removeJournal } from '../domain/books.js';
import { type MoneyMovementFacts, expenseLines, incomeLines } from '../domain/posting/expenses.js';
import { type FieldErrors, validationError } from '../domain/errors.js';
import {
  type Dec,
  ZERO,
  currencyDecimals,
  fromStored,
  includedTaxOfTo,
  percentOfTo,
  roundTo,
} from '../domain/money.js';
import { bool, date, decimal, id, json, longText, text } from '../engine/fields.js';
import type { Context, Rec, ResourceSpec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { currencyRateField, primaryId, settleCurrencyRate, staffField, timestamps, today } from './common.js';
import { applyExpenseTaxList, expenseTaxListOf } from './expense-taxes.js';
import { rateOf } from './sales-postings.js';
import { scoped } from '../db/scoped.js';

async function post(context: Context, record: Rec): Promise<void> {
  const income = record['is_income'] === 1;
  const taxes: MoneyMovementFacts['taxes'][number][] = [];
  for (const slot of [1, 2] as const) {
    const taxId = record[`tax${slot}_id`];
    const amount = record[`tax${slot}_amount`];
    if (typeof taxId !== 'number' || !taxId || typeof amount !== 'bigint' || amount === ZERO) continue;
    taxes.push({ taxId, amount, included: record[`tax${slot}_included`] === 1 });
  }
  const facts: MoneyMovementFacts = {
    treasuryId: Number(record['treasury_id']),
    amount: typeof record['amount'] === 'bigint' ? record['amount'] : ZERO,
    taxes,
  };
  await postJournal(context, {
    entityType: income ? 'income' : 'expense',
    entityId: record.id!,
    date: String(record['date']),
    rate: rateOf(record),
    currencyCode: String(record['currency_code']),
    description: `${income ? 'income' : 'expense'} #${record.id}${record['category'] ? ` (${record['category']})` : ''}`,
    lines: income ? incomeLines(facts) : expenseLines(facts),
  });
}

const taxSlot = (slot: 1 | 2) => ({
  [`tax${slot}_id`]: id().ref('taxes'),
  [`tax${slot}_name`]: text(255).readOnly(),
  [`tax${slot}_value`]: decimal().readOnly().doc('Rate in percent'),
  [`tax${slot}_amount`]: decimal()
    .nonNegative()
    .doc('The tax paid; computed from the tax record when left out (an importer may send the exact amount)'),
  [`tax${slot}_included`]: bool().readOnly(),
});

/** `listField`: the ExpenseTax list the tax ids came from, whose entries a missing tax is named by. */
async function fillTaxes(context: Context, record: Rec, existing: Rec | null, listField: string | null): Promise<void> {
  const places = currencyDecimals(record['currency_code'] as string);
  const amount = roundTo(record['amount'] as Dec, places);
  record['amount'] = amount;
  for (const slot of [1, 2] as const) {
    const taxId = record[`tax${slot}_id`] as number | null;
    const tax = taxId
      ? await scoped(context, 'taxes')
          .selectFrom()
          .select(['name', 'value', 'included'])
          .where('id', '=', taxId)
          .executeTakeFirst()
      : undefined;
    if (taxId && !tax && listField)
      throw validationError({ [`${listField}.${slot - 1}.tax_id`]: `does not exist (no tax with id ${taxId})` });
    const rate = tax ? fromStored(tax['value']) : null;
    const included = tax ? Number(tax['included']) : null;
    record[`tax${slot}_name`] = tax ? tax['name'] : null;
    record[`tax${slot}_value`] = rate;
    record[`tax${slot}_included`] = included;
    const sentAmount = record[`tax${slot}_amount`] as Dec | null | undefined;
    // An amount the request sent (on an edit: one that differs from the stored one) is kept, as an
    // importer knows the tax actually paid; otherwise it is computed from the tax record.
    const sent =
      sentAmount !== null && sentAmount !== undefined && (!existing || sentAmount !== existing[`tax${slot}_amount`]);
    if (sent && rate !== null) {
      if (sentAmount > amount) throw validationError({ [`tax${slot}_amount`]: 'must not be more than amount' });
      continue;
    }
    record[`tax${slot}_amount`] =
      rate === null ? null : included === 1 ? includedTaxOfTo(amount, rate, places) : percentOfTo(amount, rate, places);
  }
}

function moneyMovement(
  name: 'expenses' | 'incomes',
  model: 'Expense' | 'Income',
  title: string,
  isIncome: 0 | 1,
): ResourceSpec {
  return defineResource({
    name,
    model,
    title,
    table: 'expenses',
    operations: ALL_OPERATIONS,
    scope: { column: 'is_income', values: [isIncome], createDefault: isIncome },
    fields: {
      amount: decimal().required().doc('Amount, taxes as the tax records say (inclusive or on top)'),
      currency_code: text(3).doc('The site currency when left out'),
      currency_rate: currencyRateField(),
      vendor: text(255),
      category: text(255).doc('Category name'),
      date: date().doc('Today when left out'),
      file: text(255),
      attachments: json().doc('Attachments (links or file names), as sent'),
      expense_number: text(50).doc('Number of the expense or income, as the client numbers it'),
      note: longText(),
      description: longText(),
      client_id: id().ref('clients'),
      supplier_id: id().ref('suppliers'),
      treasury_id: id().ref('treasuries').doc('The primary treasury when left out'),
      ...taxSlot(1),
      ...taxSlot(2),
      is_income: bool().readOnly(),
      staff_id: staffField(),
      branch_id: id(),
      expense_taxes: json().doc(
        'ExpenseTax: the taxes as a list [{tax_id, amount?}], read into the tax1/tax2 slots; answered as the slots that hold a tax',
      ),
      ...timestamps(),
    },
    // A real bank-sync proxy sends ExpenseTax[] beside or inside the model (expense-taxes.ts).
    wireObjects: [{ field: 'expense_taxes', keys: ['ExpenseTax'], renderKeys: ['ExpenseTax'] }],
    defaultOrder: [
      ['date', 'desc'],
      ['id', 'desc'],
    ],
    keywordColumns: ['vendor', 'category', 'note', 'description'],
    hooks: {
      async prepare(context, draft, existing) {
        const record = draft.header;
        if ((record['amount'] as Dec) <= ZERO) throw validationError({ amount: 'must be greater than 0' });
        if (!record['currency_code']) record['currency_code'] = context.site.currency_code;
        if (!record['date']) record['date'] = today(context);
        if (!record['treasury_id']) record['treasury_id'] = await primaryId(context, 'treasuries');
        const errors: FieldErrors = {};
        await settleCurrencyRate(context, record, errors);
        if (Object.keys(errors).length > 0) throw validationError(errors);
        const list = record['expense_taxes'];
        const sentList =
          list !== null &&
          list !== undefined &&
          JSON.stringify(list) !== JSON.stringify(existing?.['expense_taxes'] ?? null);
        if (sentList) applyExpenseTaxList(record, list);
        await fillTaxes(context, record, existing, sentList ? 'ExpenseTax' : null);
        record['expense_taxes'] = expenseTaxListOf(record);
      },
      async afterWrite(context, record) {
        await post(context, record);
      },
      async afterDelete(context, record) {
        await removeJournal(context, record['is_income'] === 1 ? 'income' : 'expense', record.id!);
      },
    },
  });
}

export const expenses = moneyMovement('expenses', 'Expense', 'Expense', 0);
export const incomes = moneyMovement('incomes', 'Income', 'Income', 1);
