/**
 * Expenses and incomes: one shape (Daftra's ExpenseBase) in one table, told apart by is_income. Tax
 * amounts are computed from the named tax records on the amount (inclusive or exclusive).
 *
 * Postings (the money moves through the record's treasury; total = amount + taxes not included):
 *   expense  Dr general expenses (amount − included taxes), Dr input tax per tax   Cr treasury (total)
 *   income   Dr treasury (total)   Cr other income (amount − included taxes), Cr output tax per tax
 */
import { type PostingLine, removeJournal, replaceJournal, systemAccount } from '../domain/books.js';
import { type FieldErrors, validationError } from '../domain/errors.js';
import { type Dec, ZERO, currencyDecimals, fromStored, includedTaxOf, percentOf, roundTo } from '../domain/money.js';
import { bool, date, decimal, id, longText, text } from '../engine/fields.js';
import type { Context, Rec, ResourceSpec } from '../engine/resource.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { currencyRateField, primaryId, settleCurrencyRate, staffField, timestamps, today } from './common.js';
import { rateOf, taxAccount, treasuryAccount } from './sales-postings.js';

async function post(context: Context, record: Rec): Promise<void> {
  const income = record['is_income'] === 1;
  const amount = record['amount'] as Dec;
  const taxLines: PostingLine[] = [];
  let net = amount;
  let total = amount;
  for (const slot of [1, 2] as const) {
    const tax = record[`tax${slot}_amount`] as Dec | null;
    if (!record[`tax${slot}_id`] || tax === null || tax === ZERO) continue;
    if (record[`tax${slot}_included`] === 1) net -= tax;
    else total += tax;
    taxLines.push({ accountId: await taxAccount(context, record[`tax${slot}_id`] as number, income ? 'output' : 'input'), debit: tax, credit: ZERO, subkey: income ? 'income_tax' : 'outcome_tax' });
  }
  const treasury: PostingLine = { accountId: await treasuryAccount(context, record['treasury_id'] as number), debit: ZERO, credit: total, subkey: 'treasury' };
  const main: PostingLine = { accountId: await systemAccount(context, income ? 'other_income' : 'general_expenses'), debit: net, credit: ZERO };
  const lines = [main, ...taxLines, treasury];
  await replaceJournal(context, {
    entityType: income ? 'income' : 'expense', entityId: record.id!, date: String(record['date']), rate: rateOf(record),
    currencyCode: String(record['currency_code']), description: `${income ? 'income' : 'expense'} #${record.id}${record['category'] ? ` (${record['category']})` : ''}`,
    lines: income ? lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit })) : lines,
  });
}

const taxSlot = (slot: 1 | 2) => ({
  [`tax${slot}_id`]: id().ref('taxes'),
  [`tax${slot}_name`]: text(255).readOnly(),
  [`tax${slot}_value`]: decimal().readOnly().doc('Rate in percent'),
  [`tax${slot}_amount`]: decimal().readOnly(),
  [`tax${slot}_included`]: bool().readOnly(),
});

async function fillTaxes(context: Context, record: Rec): Promise<void> {
  const places = currencyDecimals(record['currency_code'] as string);
  const amount = roundTo(record['amount'] as Dec, places);
  record['amount'] = amount;
  for (const slot of [1, 2] as const) {
    const taxId = record[`tax${slot}_id`] as number | null;
    const tax = taxId ? await context.db.selectFrom('taxes').select(['name', 'value', 'included'])
      .where('site_id', '=', context.siteId).where('id', '=', taxId).executeTakeFirst() : undefined;
    const rate = tax ? fromStored(tax['value']) : null;
    const included = tax ? Number(tax['included']) : null;
    record[`tax${slot}_name`] = tax ? tax['name'] : null;
    record[`tax${slot}_value`] = rate;
    record[`tax${slot}_included`] = included;
    record[`tax${slot}_amount`] = rate === null ? null : roundTo(included === 1 ? includedTaxOf(amount, rate) : percentOf(amount, rate), places);
  }
}

function moneyMovement(name: 'expenses' | 'incomes', model: 'Expense' | 'Income', title: string, isIncome: 0 | 1): ResourceSpec {
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
      ...timestamps(),
    },
    defaultOrder: [['date', 'desc'], ['id', 'desc']],
    keywordColumns: ['vendor', 'category', 'note', 'description'],
    hooks: {
      async prepare(context, draft) {
        const record = draft.header;
        if ((record['amount'] as Dec) <= ZERO) throw validationError({ amount: 'must be greater than 0' });
        if (!record['currency_code']) record['currency_code'] = context.site.currency_code;
        if (!record['date']) record['date'] = today(context);
        if (!record['treasury_id']) record['treasury_id'] = await primaryId(context, 'treasuries');
        const errors: FieldErrors = {};
        settleCurrencyRate(context, record, errors);
        if (Object.keys(errors).length > 0) throw validationError(errors);
        await fillTaxes(context, record);
      },
      async afterWrite(context, record) { await post(context, record); },
      async afterDelete(context, record) { await removeJournal(context, record['is_income'] === 1 ? 'income' : 'expense', record.id!); },
    },
  });
}

export const expenses = moneyMovement('expenses', 'Expense', 'Expense', 0);
export const incomes = moneyMovement('incomes', 'Income', 'Income', 1);
