/**
 * Site exchange rates: how many site-currency units one unit of a foreign currency is worth, by date.
 * A document in another currency that sends no `currency_rate` takes the site's rate for its date
 * (common.ts `settleCurrencyRate`), as Daftra takes the rate from its currency settings; only a
 * currency the site has no rate for is a 400. Set them here or with `daftar rate set`.
 */
import { fieldError, validationError } from '../domain/errors.js';
import { ZERO } from '../domain/money.js';
import { date, decimal, longText, text } from '../engine/fields.js';
import { ALL_OPERATIONS, defineResource } from '../engine/resource.js';
import { timestamps, today } from './common.js';
import { scoped } from '../db/scoped.js';

export const currencyRates = defineResource({
  name: 'currency_rates',
  model: 'CurrencyRate',
  title: 'Currency rate',
  table: 'currency_rates',
  operations: ALL_OPERATIONS,
  fields: {
    currency_code: text(3).required().doc('ISO 4217 code of the foreign currency, e.g. USD'),
    date: date().doc('From this day on (until a later rate); today when left out'),
    rate: decimal().required().doc('Site-currency units per one unit of currency_code: 3.75 for USD on a SAR site'),
    notes: longText(),
    ...timestamps(),
  },
  defaultOrder: [
    ['date', 'desc'],
    ['id', 'desc'],
  ],
  keywordColumns: ['currency_code', 'notes'],
  hooks: {
    async prepare(context, draft, existing) {
      const record = draft.header;
      const code = String(record.currency_code).trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(code)) throw fieldError('currency_code', 'must be a 3-letter ISO 4217 code');
      if (code === context.site.currency_code.toUpperCase())
        throw fieldError('currency_code', `is the site currency (${code}), whose rate is always 1`);
      record.currency_code = code;
      if (!record.date) record.date = today(context);
      if (record.rate <= ZERO) throw fieldError('rate', 'must be greater than 0');
      const clash = await scoped(context, 'currency_rates')
        .selectFrom()
        .select('id')
        .where('currency_code', '=', code)
        .where('date', '=', record.date)
        .executeTakeFirst();
      if (clash && Number(clash['id']) !== existing?.id) {
        throw validationError({
          date: `${code} already has a rate on ${String(record.date)} (id ${String(clash['id'])}); edit that one`,
        });
      }
    },
  },
});
