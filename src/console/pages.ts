/**
 * The console's other pages: estimates (and converting them), suppliers, purchases, expenses and
 * incomes, treasuries, a product's stock, and the settings (business details, taxes, stores, users,
 * API keys, webhooks, e-invoicing status). Like routes.ts, every read and write is a call of the API
 * through the typed client in this process: no SQL here, and no rule of the API's repeated.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DaftarError, DaftarNotFoundError } from '../../packages/client/src/index.js';
import { PUBLIC_ROUTE } from '../api/auth.js';
import {
  type Html,
  type View,
  amount,
  canChange,
  errors,
  field,
  html,
  layout,
  ltr,
  roleMessage,
  t,
  table,
} from './html.js';
import { STAFF_ROLES, roleOf } from '../domain/staff-roles.js';
import { type MessageKey, isMessageKey } from './i18n.js';
import { choicesOf, picker } from './pick.js';
import { isRecord, recordAt } from '../guards.js';
import { bodyOf, paramOf, queryOf, rowOf, rowsOf } from './input.js';
import { languageOf } from './session.js';
import {
  type Form,
  type Kit,
  type Page,
  type Row,
  documentPage,
  invoiceForm,
  linesOf,
  list,
  one,
  statusOf,
  sumOf,
} from './routes.js';

type Problems = Record<string, string>;
const currencyOf = async (page: Page) => String((await page.daftar.siteInfo())['currency_code'] ?? '');
const flashOf = (view: View, query: Form): string | undefined =>
  one(query['saved']) ? t(view, 'saved') : one(query['removed']) ? t(view, 'removed') : undefined;
const hidden = (view: View) => html`<input type="hidden" name="_csrf" value="${view.csrf}">`;
const input = (id: string, value: string, extra: Html = html``, name = id) =>
  html`<input id="${id}" name="${name}" value="${value}"${extra}>`;
const search = (view: View, query: Form) =>
  html`<form method="get" class="filters" role="search">${field(view, 'search', html`<input id="keywords" name="keywords" type="search" value="${one(query['keywords'])}">`, 'keywords')}<button type="submit">${t(view, 'search')}</button></form>`;
const keywords = (query: Form) => (one(query['keywords']) ? { keywords: one(query['keywords']) } : {});
const pageNo = (query: Form) => Math.max(1, Number(one(query['page'])) || 1);
const options = (
  rows: Row[],
  selected: string,
  label = (row: Row) => String(row['name'] ?? row['business_name'] ?? row['id']),
) =>
  rows.map(
    (row) =>
      html`<option value="${row['id']}"${String(row['id']) === selected ? html` selected` : ''}>${label(row)}</option>`,
  );

/** Which of `value`'s known words a key names (`self-signed` → `zatca_cert_self_signed`), if any. */
function knownKey(prefix: string, value: unknown): MessageKey | undefined {
  const key = `${prefix}${String(value ?? '').replace(/-/g, '_')}`;
  return isMessageKey(key) ? key : undefined;
}

/** The e-invoicing status of `GET /api2/einvoicing` as labelled facts, in the page's language. */
function einvoicingFacts(view: View, unit: Row): Array<[MessageKey, Html]> {
  if (Object.keys(unit).length === 0) return [];
  const word = (prefix: string, value: unknown) => {
    const key = knownKey(prefix, value);
    return key ? html`${t(view, key)}` : ltr(view, value ?? '—');
  };
  const yes = (value: unknown) => html`${t(view, value === true || value === '1' ? 'yes' : 'no')}`;
  const facts: Array<[MessageKey, Html]> = [['zatca_onboarded', yes(unit['onboarded'])]];
  if (unit['onboarded'] !== true) return facts;
  const documents = isRecord(unit['documents']) ? Object.values(unit['documents']) : [];
  facts.push(
    ['zatca_unit', ltr(view, unit['unit_id'])],
    ['zatca_environment', word('zatca_env_', unit['environment'])],
    [
      'zatca_certificate',
      unit['certificate'] === 'self-signed'
        ? html`${word('zatca_cert_', unit['certificate'])}. ${t(view, 'zatca_self_signed_note')}`
        : word('zatca_cert_', unit['certificate']),
    ],
    ['zatca_issued', yes(unit['zatca_issued'])],
    ['zatca_icv', ltr(view, unit['icv'])],
    ['zatca_last_hash', ltr(view, unit['last_hash'] ?? '—')],
    [
      'zatca_documents',
      ltr(
        view,
        documents.reduce((sum: number, n) => sum + Number(n ?? 0), 0),
      ),
    ],
  );
  return facts;
}

/** A write whose 400 redraws the form with the API's field errors; anything else goes up. */
async function saving(
  reply: FastifyReply,
  kit: Kit,
  write: () => Promise<string>,
  redraw: (problems: Problems) => Promise<string>,
): Promise<unknown> {
  try {
    return reply.redirect(await write(), 303);
  } catch (error) {
    if (error instanceof DaftarError && (error.status === 400 || error.status === 422)) {
      const problems = Object.keys(error.validationErrors).length > 0 ? error.validationErrors : { '': error.message };
      return kit.send(reply, await redraw(problems), 400);
    }
    throw error;
  }
}

const DOCUMENT_KINDS = new Set(['invoices', 'estimates', 'credit_notes', 'purchase_invoices']);

export function registerPages(app: FastifyInstance, kit: Kit): void {
  const { signedIn, send } = kit;
  const body = (request: FastifyRequest) => bodyOf(request);
  /** A form's POST route: `write` makes the API calls and names the page to go to; a 400 redraws the form. */
  const formPost = (
    path: string,
    write: (page: Page, form: Form, request: FastifyRequest) => Promise<string>,
    redraw: (page: Page, form: Form, problems: Problems, request: FastifyRequest) => Promise<string>,
  ) =>
    app.post(
      path,
      PUBLIC_ROUTE,
      signedIn(async (page, request, reply) => {
        const form = body(request);
        return saving(
          reply,
          kit,
          () => write(page, form, request),
          (problems) => redraw(page, form, problems, request),
        );
      }),
    );

  // ---- A document's PDF (download) and HTML (print), as the API renders them -------------------
  app.get(
    '/app/documents/:kind/:id/:format',
    PUBLIC_ROUTE,
    signedIn(async ({ session }, request, reply) => {
      const [kind, id, format] = [paramOf(request, 'kind'), paramOf(request, 'id'), paramOf(request, 'format')];
      if (!DOCUMENT_KINDS.has(kind) || !/^\d{1,15}$/.test(id) || (format !== 'pdf' && format !== 'print'))
        throw new DaftarNotFoundError('no such document', 404);
      const { lang } = languageOf(request);
      const rendered = await app.inject({
        method: 'GET',
        url: `/api2/${kind}/${id}.${format === 'pdf' ? 'pdf' : 'html'}?lang=${lang}`,
        headers: { authorization: `Bearer ${session}` },
      });
      if (rendered.statusCode !== 200)
        return reply
          .code(rendered.statusCode === 404 ? 404 : 503)
          .type('text/plain')
          .send('not available');
      if (format === 'pdf')
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${kind}-${id}.pdf"`)
          .send(rendered.rawPayload);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(rendered.rawPayload);
    }),
  );

  // ---- Estimates ------------------------------------------------------------------------------
  app.get(
    '/app/estimates',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const { view, daftar } = page;
      const query = queryOf(request);
      const [result, currency] = await Promise.all([
        daftar.estimates.list({ limit: 25, ...keywords(query) }).page(pageNo(query)),
        currencyOf(page),
      ]);
      return send(
        reply,
        layout(
          view,
          t(view, 'estimates'),
          html`
${canChange(view, 'estimates') ? html`<p><a class="button" href="/app/estimates/new">${t(view, 'new_estimate')}</a></p>` : ''}${search(view, query)}
${table(
  view,
  ['number', 'client', 'date', 'total'],
  result.data.map((row: Row) => [
    html`<a href="/app/estimates/${row['id']}">${ltr(view, row['no'] ?? row['id'])}</a>`,
    html`${row['client_business_name'] ?? ''}`,
    ltr(view, row['date']),
    amount(view, row['summary_total'], currency),
  ]),
)}`,
        ),
      );
    }),
  );
  app.get(
    '/app/estimates/new',
    PUBLIC_ROUTE,
    signedIn(async (page, _request, reply) => send(reply, await invoiceForm(page, {}, {}, 'estimate'))),
  );
  formPost(
    '/app/estimates',
    async (page, form) => {
      const lines = linesOf(form).filter((line) => line.product_id || line.item);
      const { id } = await page.daftar.estimates.create({
        Estimate: { client_id: one(form['client_id']), date: one(form['date']) || undefined },
        InvoiceItem: lines.map((line) => ({
          ...(line.product_id ? { product_id: line.product_id } : { item: line.item }),
          quantity: line.quantity,
          ...(line.unit_price ? { unit_price: line.unit_price } : {}),
          ...(line.tax1 ? { tax1: line.tax1 } : {}),
        })),
      });
      return `/app/estimates/${id}?saved=1`;
    },
    (page, form, problems) => invoiceForm(page, form, problems, 'estimate'),
  );
  app.get(
    '/app/estimates/:id',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const { view, daftar } = page;
      const id = paramOf(request, 'id');
      const [estimate, currency, made] = await Promise.all([
        daftar.estimates.get(id),
        currencyOf(page),
        daftar.invoices.list({ estimate_id: id, limit: 1 }).page(1),
      ]);
      const lines = rowsOf(estimate['InvoiceItem']);
      const invoice = made.data.find((row: Row) => String(row['estimate_id']) === String(estimate['id']));
      return send(
        reply,
        layout(
          view,
          `${t(view, 'estimate')} ${String(estimate['no'] ?? estimate['id'])}`,
          html`
<p class="meta">${t(view, 'client')}: <strong>${estimate['client_business_name'] ?? ''}</strong> · ${t(view, 'date')}: ${ltr(view, estimate['date'])}</p>
${table(
  view,
  ['description', 'quantity', 'unit_price', 'tax', 'total'],
  lines.map((line) => [
    html`${line['item'] ?? ''}`,
    ltr(view, line['quantity']),
    amount(view, line['unit_price'], currency),
    amount(view, sumOf(line['summary_tax1'], line['summary_tax2']), currency),
    amount(view, line['item_subtotal'] ?? line['subtotal'], currency),
  ]),
)}
<dl class="totals"><dt>${t(view, 'total')}</dt><dd data-total="total">${amount(view, estimate['summary_total'], currency)}</dd></dl>
<p class="actions"><a class="button" href="/app/documents/estimates/${estimate['id']}/pdf">${t(view, 'download_pdf')}</a>
<a class="button" href="/app/documents/estimates/${estimate['id']}/print" target="_blank" rel="noopener">${t(view, 'print')}</a></p>
${
  invoice
    ? html`<p role="status" class="flash">${t(view, 'converted_to')} <a href="/app/invoices/${invoice['id']}">${t(view, 'invoice')} ${ltr(view, invoice['no'] ?? invoice['id'])}</a></p>`
    : !canChange(view, 'invoices')
      ? ''
      : html`<form method="post" action="/app/estimates/${estimate['id']}/convert" class="inline">${hidden(view)}<button type="submit">${t(view, 'convert_to_invoice')}</button></form>`
}`,
          flashOf(view, queryOf(request)),
        ),
      );
    }),
  );
  app.post(
    '/app/estimates/:id/convert',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      const id = paramOf(request, 'id');
      const estimate = await daftar.estimates.get(id);
      const items = (estimate['InvoiceItem'] ?? []).map((line) => ({
        ...(line['product_id'] ? { product_id: line['product_id'] } : { item: line['item'] ?? undefined }),
        quantity: line['quantity'] ?? undefined,
        unit_price: line['unit_price'] ?? undefined,
        ...(line['tax1'] ? { tax1: line['tax1'] } : {}),
        ...(line['tax2'] ? { tax2: line['tax2'] } : {}),
      }));
      const { id: invoiceId } = await daftar.invoices.create({
        Invoice: { client_id: estimate['client_id'] ?? '', estimate_id: estimate['id'] },
        InvoiceItem: items,
      });
      return reply.redirect(`/app/invoices/${invoiceId}?saved=1`, 303);
    }),
  );

  // ---- Suppliers ------------------------------------------------------------------------------
  const suppliersPage = async ({ view, daftar }: Page, query: Form, problems: Problems, form: Form = {}) => {
    const result = await daftar.suppliers.list({ limit: 50, ...keywords(query) }).page(pageNo(query));
    return layout(
      view,
      t(view, 'suppliers'),
      html`${search(view, query)}
${table(
  view,
  ['business_name', 'email', 'vat_number', 'city'],
  result.data.map((c: Row) => [
    html`${c['business_name']}`,
    html`${c['email'] ?? ''}`,
    ltr(view, c['bn1'] ?? ''),
    html`${c['city'] ?? ''}`,
  ]),
)}
${
  canChange(view, 'suppliers')
    ? html`<form method="post" action="/app/suppliers" class="card"><h2>${t(view, 'new_supplier')}</h2>${errors(view, problems)}${hidden(view)}
${field(view, 'business_name', input('business_name', one(form['business_name']), html` required`), 'business_name')}
${field(view, 'email', html`<input id="supplier_email" name="email" type="email" value="${one(form['email'])}">`, 'supplier_email')}
${field(view, 'vat_number', input('bn1', one(form['bn1']), html` dir="ltr"`), 'bn1')}
${field(view, 'city', input('city', one(form['city'])), 'city')}
<button type="submit">${t(view, 'save_supplier')}</button></form>`
    : ''
}`,
      flashOf(view, query),
    );
  };
  app.get(
    '/app/suppliers',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => send(reply, await suppliersPage(page, queryOf(request), {}))),
  );
  formPost(
    '/app/suppliers',
    async (page, form) => {
      await page.daftar.suppliers.create({
        Supplier: {
          business_name: one(form['business_name']),
          email: one(form['email']) || undefined,
          bn1: one(form['bn1']) || undefined,
          city: one(form['city']) || undefined,
        },
      });
      return '/app/suppliers?saved=1';
    },
    (page, form, problems) => suppliersPage(page, {}, problems, form),
  );

  // ---- Purchases ------------------------------------------------------------------------------
  const purchasesPage = async (page: Page, query: Form, problems: Problems, form: Form = {}) => {
    const { view, daftar } = page;
    const [result, suppliers, stores, products, currency] = await Promise.all([
      daftar.purchaseInvoices.list({ limit: 25, ...keywords(query) }).page(pageNo(query)),
      choicesOf(daftar, 'suppliers', [one(form['supplier_id'])]),
      daftar.stores.list({ limit: 50 }).page(1),
      choicesOf(daftar, 'products', list(form['product_id'])),
      currencyOf(page),
    ]);
    const lines = list(form['product_id']);
    const line = (index: number) => html`<tr>
<td><label class="sr" for="purchase_product_${index}">${t(view, 'product')}</label>${picker(view, products, { id: `purchase_product_${index}`, name: 'product_id[]', selected: lines[index] ?? '', empty: 'choose_product_short' })}</td>
<td><label class="sr" for="purchase_quantity_${index}">${t(view, 'quantity')}</label><input id="purchase_quantity_${index}" name="quantity[]" inputmode="decimal" value="${list(form['quantity'])[index] ?? ''}"></td>
<td><label class="sr" for="purchase_cost_${index}">${t(view, 'unit_cost')}</label><input id="purchase_cost_${index}" name="unit_price[]" inputmode="decimal" value="${list(form['unit_price'])[index] ?? ''}"></td></tr>`;
    return layout(
      view,
      t(view, 'purchases'),
      html`${search(view, query)}
${table(
  view,
  ['number', 'supplier', 'date', 'total', 'status'],
  result.data.map((row: Row) => [
    html`<a href="/app/purchases/${row['id']}">${ltr(view, row['no'] ?? row['id'])}</a>`,
    html`${row['supplier_business_name'] ?? ''}`,
    ltr(view, row['date']),
    amount(view, row['summary_total'], currency),
    html`<span class="status s${row['payment_status']}">${statusOf(view, row['payment_status'])}</span>`,
  ]),
)}
${
  canChange(view, 'purchase_invoices')
    ? html`<form method="post" action="/app/purchases" class="card"><h2>${t(view, 'new_purchase')}</h2>${errors(view, problems)}${hidden(view)}
${field(view, 'supplier', picker(view, suppliers, { id: 'supplier_id', name: 'supplier_id', selected: one(form['supplier_id']), empty: 'choose_supplier', required: true }), 'supplier_id')}
${field(view, 'store', html`<select id="store_id" name="store_id">${options(stores.data, one(form['store_id']))}</select>`, 'store_id')}
${field(view, 'date', html`<input id="purchase_date" name="date" type="date" value="${one(form['date'])}">`, 'purchase_date')}
<table class="lines"><caption>${t(view, 'lines')}</caption><thead><tr><th scope="col">${t(view, 'product')}</th><th scope="col">${t(view, 'quantity')}</th><th scope="col">${t(view, 'unit_cost')}</th></tr></thead>
<tbody>${[0, 1, 2].map(line)}</tbody></table>
<button type="submit">${t(view, 'save_purchase')}</button></form>`
    : ''
}`,
      flashOf(view, query),
    );
  };
  app.get(
    '/app/purchases',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => send(reply, await purchasesPage(page, queryOf(request), {}))),
  );
  formPost(
    '/app/purchases',
    async (page, form) => {
      const products = list(form['product_id']);
      const items = products
        .map((product, i) => ({
          product_id: product,
          quantity: list(form['quantity'])[i] ?? '',
          unit_price: list(form['unit_price'])[i] || undefined,
        }))
        .filter((item) => item.product_id);
      await page.daftar.purchaseInvoices.create({
        PurchaseOrder: {
          supplier_id: one(form['supplier_id']),
          store_id: one(form['store_id']) || undefined,
          date: one(form['date']) || undefined,
        },
        PurchaseOrderItem: items,
      });
      return '/app/purchases?saved=1';
    },
    (page, form, problems) => purchasesPage(page, {}, problems, form),
  );

  // A purchase invoice: its lines, totals and payments to the supplier, and a form to pay it. A supplier
  // payment is written as the API has it (Daftra documents no resource of its own): the purchase
  // invoice edited with its list of payments, the ones it has and the new one.
  const purchasePage = async (page: Page, id: string, problems: Problems, flash?: string) => {
    const { view, daftar } = page;
    const [purchase, currency, treasuries] = await Promise.all([
      daftar.purchaseInvoices.get(id),
      currencyOf(page),
      daftar.treasuries.list({ limit: 50, recursive: -1 }).page(1),
    ]);
    return documentPage(
      view,
      purchase,
      currency,
      treasuries.data,
      problems,
      {
        title: `${t(view, 'purchase_invoice')} ${String(purchase['no'] ?? purchase['id'])}`,
        party: { label: 'supplier', name: purchase['supplier_business_name'] },
        lines: rowsOf(purchase['PurchaseOrderItem']),
        payments: rowsOf(purchase['PurchaseOrderPayment']),
        payAction: `/app/purchases/${purchase['id']}/payments`,
        payArea: 'purchase_invoices',
        links: html`<a class="button" href="/app/documents/purchase_invoices/${purchase['id']}/pdf">${t(view, 'download_pdf')}</a>
<a class="button" href="/app/documents/purchase_invoices/${purchase['id']}/print" target="_blank" rel="noopener">${t(view, 'print')}</a>`,
      },
      flash,
    );
  };
  app.get(
    '/app/purchases/:id',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const query = queryOf(request);
      return send(
        reply,
        await purchasePage(page, paramOf(request, 'id'), {}, one(query['saved']) ? t(page.view, 'saved') : undefined),
      );
    }),
  );
  formPost(
    '/app/purchases/:id/payments',
    async (page, form, request) => {
      const id = paramOf(request, 'id');
      const purchase = await page.daftar.purchaseInvoices.get(id);
      // The payments it has, as they are (an edit with the list replaces them), then the new one.
      const kept = rowsOf(purchase['PurchaseOrderPayment']).map((payment) => {
        const copy: Record<string, string> = {};
        for (const key of ['payment_method', 'amount', 'transaction_id', 'treasury_id', 'date', 'status', 'notes'])
          if (payment[key] !== null && payment[key] !== undefined) copy[key] = String(payment[key]);
        return copy;
      });
      await page.daftar.purchaseInvoices.update(id, {
        PurchaseOrderPayment: [
          ...kept,
          {
            amount: one(form['amount']),
            payment_method: one(form['payment_method']) || 'cash',
            treasury_id: one(form['treasury_id']) || undefined,
          },
        ],
      });
      return `/app/purchases/${id}?saved=1`;
    },
    (page, _form, problems, request) => purchasePage(page, paramOf(request, 'id'), problems),
  );

  // ---- Expenses and incomes -------------------------------------------------------------------
  const moneyPage = async (
    page: Page,
    kind: 'expenses' | 'incomes',
    query: Form,
    problems: Problems,
    form: Form = {},
  ) => {
    const { view, daftar } = page;
    const resource = kind === 'expenses' ? daftar.expenses : daftar.incomes;
    const [result, treasuries, taxes, currency] = await Promise.all([
      resource.list({ limit: 25, ...keywords(query) }).page(pageNo(query)),
      // Names only (rows and the form): recursive -1 leaves out the balances, a sum over the books.
      daftar.treasuries.list({ limit: 50, recursive: -1 }).page(1),
      daftar.taxes.list({ limit: 100 }).page(1),
      currencyOf(page),
    ]);
    const title: MessageKey = kind === 'expenses' ? 'expenses' : 'incomes';
    return layout(
      view,
      t(view, title),
      html`
<nav class="tabs" aria-label="${t(view, 'expenses_and_incomes')}"><a href="/app/expenses"${kind === 'expenses' ? html` aria-current="page"` : ''}>${t(view, 'expenses')}</a><a href="/app/incomes"${kind === 'incomes' ? html` aria-current="page"` : ''}>${t(view, 'incomes')}</a></nav>
${search(view, query)}
${table(
  view,
  ['date', 'category', 'description', 'treasury', 'amount'],
  result.data.map((row: Row) => [
    ltr(view, row['date']),
    html`${row['category'] ?? ''}`,
    html`${row['description'] ?? row['note'] ?? ''}`,
    html`${treasuries.data.find((tr: Row) => String(tr['id']) === String(row['treasury_id']))?.['name'] ?? ''}`,
    amount(view, row['amount'], currency),
  ]),
)}
${
  canChange(view, kind)
    ? html`<form method="post" action="/app/${kind}" class="card"><h2>${t(view, kind === 'expenses' ? 'new_expense' : 'new_income')}</h2>${errors(view, problems)}${hidden(view)}
${field(view, 'amount', input('money_amount', one(form['amount']), html` inputmode="decimal" required`, 'amount'), 'money_amount')}
${field(view, 'date', html`<input id="money_date" name="date" type="date" value="${one(form['date'])}">`, 'money_date')}
${field(view, 'category', input('category', one(form['category'])), 'category')}
${field(view, 'description', input('money_description', one(form['description']), html``, 'description'), 'money_description')}
${field(view, 'treasury', html`<select id="money_treasury" name="treasury_id">${options(treasuries.data, one(form['treasury_id']))}</select>`, 'money_treasury')}
${field(view, 'tax', html`<select id="money_tax" name="tax1_id"><option value="">${t(view, 'no_tax')}</option>${options(taxes.data, one(form['tax1_id']))}</select>`, 'money_tax')}
<button type="submit">${t(view, kind === 'expenses' ? 'save_expense' : 'save_income')}</button></form>`
    : ''
}`,
      flashOf(view, query),
    );
  };
  for (const kind of ['expenses', 'incomes'] as const) {
    app.get(
      `/app/${kind}`,
      PUBLIC_ROUTE,
      signedIn(async (page, request, reply) => send(reply, await moneyPage(page, kind, queryOf(request), {}))),
    );
    formPost(
      `/app/${kind}`,
      async (page, form) => {
        const values = {
          amount: one(form['amount']),
          date: one(form['date']) || undefined,
          category: one(form['category']) || undefined,
          description: one(form['description']) || undefined,
          treasury_id: one(form['treasury_id']) || undefined,
          tax1_id: one(form['tax1_id']) || undefined,
        };
        if (kind === 'expenses') await page.daftar.expenses.create({ Expense: values });
        else await page.daftar.incomes.create({ Income: values });
        return `/app/${kind}?saved=1`;
      },
      (page, form, problems) => moneyPage(page, kind, {}, problems, form),
    );
  }

  // ---- Treasuries -----------------------------------------------------------------------------
  const treasuriesPage = async (
    page: Page,
    query: Form,
    problems: Problems,
    form: Form = {},
    failed: 'treasury' | 'transfer' = 'treasury',
  ) => {
    const { view, daftar } = page;
    const [result, transfers, currency] = await Promise.all([
      daftar.treasuries.list({ limit: 100 }).page(1),
      daftar.treasuryTransfers.list({ limit: 10 }).page(1),
      currencyOf(page),
    ]);
    const nameOf = (treasuryId: unknown) =>
      result.data.find((tr: Row) => String(tr['id']) === String(treasuryId))?.['name'] ?? '';
    // Money moved between two treasuries (Daftar's own treasury_transfers): a form once there are two.
    const transferForm =
      result.data.length < 2
        ? html``
        : !canChange(view, 'treasury_transfers')
          ? ''
          : html`<form method="post" action="/app/treasuries/transfers" class="card"><h2>${t(view, 'transfer_between_treasuries')}</h2>${failed === 'transfer' ? errors(view, problems) : ''}${hidden(view)}
${field(view, 'from_treasury', html`<select id="transfer_from" name="from_treasury_id">${options(result.data, one(form['from_treasury_id']))}</select>`, 'transfer_from')}
${field(view, 'to_treasury', html`<select id="transfer_to" name="to_treasury_id">${options(result.data, one(form['to_treasury_id']) || String(result.data[1]?.['id'] ?? ''))}</select>`, 'transfer_to')}
${field(view, 'amount', input('transfer_amount', one(form['amount']), html` inputmode="decimal" required`, 'amount'), 'transfer_amount')}
${field(view, 'date', html`<input id="transfer_date" name="date" type="date" value="${one(form['date'])}">`, 'transfer_date')}
${field(view, 'description', input('transfer_notes', one(form['notes']), html``, 'notes'), 'transfer_notes')}
<button type="submit">${t(view, 'save_transfer')}</button></form>
${
  transfers.data.length > 0
    ? html`<h2>${t(view, 'transfers')}</h2>${table(
        view,
        ['date', 'from_treasury', 'to_treasury', 'amount'],
        transfers.data.map((row: Row) => [
          ltr(view, row['date']),
          html`${nameOf(row['from_treasury_id'])}`,
          html`${nameOf(row['to_treasury_id'])}`,
          amount(view, row['amount'], currency),
        ]),
      )}`
    : ''
}`;
    return layout(
      view,
      t(view, 'treasuries'),
      html`
${table(
  view,
  ['name', 'kind', 'primary', 'balance'],
  result.data.map((row: Row) => [
    html`${row['name']}`,
    html`${t(view, String(row['type']) === '1' ? 'treasury_bank' : 'treasury_cash')}`,
    html`${t(view, String(row['is_primary']) === '1' ? 'yes' : 'no')}`,
    html`<span data-balance="${row['name']}">${amount(view, row['balance'] ?? '0', currency)}</span>`,
  ]),
)}
${transferForm}
${
  canChange(view, 'treasuries')
    ? html`<form method="post" action="/app/treasuries" class="card"><h2>${t(view, 'new_treasury')}</h2>${failed === 'treasury' ? errors(view, problems) : ''}${hidden(view)}
${field(view, 'name', input('treasury_name', one(form['name']), html` required`, 'name'), 'treasury_name')}
${field(view, 'kind', html`<select id="treasury_type" name="type"><option value="3">${t(view, 'treasury_cash')}</option><option value="1"${one(form['type']) === '1' ? html` selected` : ''}>${t(view, 'treasury_bank')}</option></select>`, 'treasury_type')}
<button type="submit">${t(view, 'save_treasury')}</button></form>`
    : ''
}`,
      flashOf(view, query),
    );
  };
  app.get(
    '/app/treasuries',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => send(reply, await treasuriesPage(page, queryOf(request), {}))),
  );
  formPost(
    '/app/treasuries',
    async (page, form) => {
      await page.daftar.treasuries.create({
        // The form offers 1 and 3; anything else goes to the API as sent, for its 400.
        Treasury: { name: one(form['name']), type: (one(form['type']) || '3') as '1' | '3' },
      });
      return '/app/treasuries?saved=1';
    },
    (page, form, problems) => treasuriesPage(page, {}, problems, form),
  );
  formPost(
    '/app/treasuries/transfers',
    async (page, form) => {
      await page.daftar.treasuryTransfers.create({
        TreasuryTransfer: {
          from_treasury_id: one(form['from_treasury_id']),
          to_treasury_id: one(form['to_treasury_id']),
          amount: one(form['amount']),
          date: one(form['date']) || undefined,
          notes: one(form['notes']) || undefined,
        },
      });
      return '/app/treasuries?saved=1';
    },
    (page, form, problems) => treasuriesPage(page, {}, problems, form, 'transfer'),
  );

  // ---- One product: stock per store, movements, moving-average cost ----------------------------
  app.get(
    '/app/products/:id',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const { view, daftar } = page;
      const id = paramOf(request, 'id');
      if (!/^\d{1,15}$/.test(id)) throw new DaftarNotFoundError('no such product', 404);
      const [product, stock, movements, currency] = await Promise.all([
        daftar.products.get(id),
        daftar.report('stock_valuation', { product_id: id }),
        daftar.stockTransactions.list({ product_id: id, limit: 25, sort: 'id', direction: 'desc' }).page(1),
        currencyOf(page),
      ]);
      const perStore = rowsOf(stock['rows']);
      return send(
        reply,
        layout(
          view,
          String(product['name'] ?? id),
          html`
<dl class="totals"><dt>${t(view, 'stock')}</dt><dd data-total="stock">${ltr(view, product['stock_balance'] ?? '0')}</dd>
<dt>${t(view, 'average_cost')}</dt><dd data-total="average_cost">${amount(view, product['average_price'] ?? '0', currency)}</dd>
<dt>${t(view, 'price')}</dt><dd>${amount(view, product['unit_price'] ?? '0', currency)}</dd></dl>
<h2>${t(view, 'stock_per_store')}</h2>
${table(
  view,
  ['store', 'quantity', 'average_cost', 'value'],
  perStore.map((row) => [
    html`${row['store_name'] ?? row['store_id']}`,
    ltr(view, row['quantity']),
    amount(view, row['average_cost'] ?? '0', currency),
    amount(view, row['value'], currency),
  ]),
)}
<h2>${t(view, 'movements')}</h2>
${table(
  view,
  ['date', 'direction', 'quantity', 'price', 'balance'],
  movements.data.map((row: Row) => [
    ltr(view, String(row['date'] ?? '').slice(0, 10)),
    html`${t(view, String(row['transaction_type']) === '2' ? 'stock_out' : 'stock_in')}`,
    ltr(view, row['quantity']),
    amount(view, row['price'] ?? '0', currency),
    ltr(view, row['balance_to_date'] ?? ''),
  ]),
)}`,
        ),
      );
    }),
  );

  // ---- Settings -------------------------------------------------------------------------------
  const settingsPage = async (
    page: Page,
    query: Form,
    problems: Record<string, Problems> = {},
    shown?: { key?: string; secret?: string },
  ) => {
    const { view, daftar } = page;
    const owner = async <T>(read: () => Promise<T>, empty: T): Promise<T> => {
      try {
        return await read();
      } catch (error) {
        if (error instanceof DaftarError && error.status === 403) return empty;
        throw error;
      }
    };
    const [site, taxes, stores, users, keys, hooks, einvoicing] = await Promise.all([
      daftar.siteInfo(),
      daftar.taxes.list({ limit: 100 }).page(1),
      daftar.stores.list({ limit: 100 }).page(1),
      owner(() => daftar.request<{ data: Row[] }>('GET', '/api2/users.json'), { data: [] }),
      owner(() => daftar.request<{ data: Row[] }>('GET', '/api2/api_keys.json'), { data: [] }),
      owner(() => daftar.request<{ data: Row[] }>('GET', '/api2/webhook_endpoints.json', { query: { limit: 50 } }), {
        data: [],
      }),
      owner(() => daftar.request<{ data: Row }>('GET', '/api2/einvoicing.json'), { data: {} }),
    ]);
    const s: Row = site;
    const text = (key: MessageKey, name: string, value: unknown, extra: Html = html``) =>
      field(view, key, html`<input id="site_${name}" name="${name}" value="${value ?? ''}"${extra}>`, `site_${name}`);
    const unit: Row = rowOf(einvoicing.data['EInvoicing']) ?? einvoicing.data;
    const facts = einvoicingFacts(view, unit);
    return layout(
      view,
      t(view, 'settings'),
      html`
${shown?.key ? html`<div class="flash" role="status"><p>${t(view, 'key_shown_once')}</p><p><code data-secret>${shown.key}</code></p></div>` : ''}
${shown?.secret ? html`<div class="flash" role="status"><p>${t(view, 'secret_shown_once')}</p><p><code data-secret>${shown.secret}</code></p></div>` : ''}
<form method="post" action="/app/settings/business" class="card" id="business"><h2>${t(view, 'business_details')}</h2>${errors(view, problems['business'] ?? {})}${hidden(view)}
${text('business_name', 'business_name', s['business_name'], html` required`)}
${text('vat_number', 'bn1', s['bn1'], html` dir="ltr"`)}
${text('cr_number', 'bn2', s['bn2'], html` dir="ltr"`)}
${text('address', 'address1', s['address1'])}
${text('building_number', 'building_number', s['building_number'], html` dir="ltr"`)}
${text('district', 'district', s['district'])}
${text('city', 'city', s['city'])}
${text('postal_code', 'postal_code', s['postal_code'], html` dir="ltr"`)}
${s['site_logo'] ? html`<p>${t(view, 'logo')}: <img src="/app/settings/logo" alt="${t(view, 'logo')}" height="48"></p>` : ''}
${field(view, 'logo', html`<input id="logo_file" type="file" accept="image/png,image/jpeg" data-logo><input type="hidden" name="logo" value="">`, 'logo_file')}
<button type="submit">${t(view, 'save_settings')}</button></form>

<section class="card" id="taxes"><h2>${t(view, 'taxes')}</h2>
${table(
  view,
  ['name', 'rate', 'included'],
  taxes.data.map((row: Row) => [
    html`${row['name']}`,
    ltr(view, `${row['value']}%`),
    html`${t(view, String(row['included']) === '1' ? 'yes' : 'no')}`,
  ]),
)}
${
  canChange(view, 'taxes')
    ? html`<form method="post" action="/app/settings/taxes">${errors(view, problems['taxes'] ?? {})}${hidden(view)}
${field(view, 'name', html`<input id="tax_name" name="name" required>`, 'tax_name')}
${field(view, 'rate', html`<input id="tax_value" name="value" inputmode="decimal" required>`, 'tax_value')}
<div class="field check"><input id="tax_included" name="included" type="checkbox" value="1"><label for="tax_included">${t(view, 'price_includes_tax')}</label></div>
<button type="submit">${t(view, 'add_tax')}</button></form>`
    : ''
}</section>

<section class="card" id="stores"><h2>${t(view, 'stores')}</h2>
${table(
  view,
  ['name', 'primary'],
  stores.data.map((row: Row) => [
    html`${row['name']}`,
    html`${t(view, String(row['primary']) === '1' ? 'yes' : 'no')}`,
  ]),
)}
${
  canChange(view, 'stores')
    ? html`<form method="post" action="/app/settings/stores">${errors(view, problems['stores'] ?? {})}${hidden(view)}
${field(view, 'name', html`<input id="store_name" name="name" required>`, 'store_name')}
<button type="submit">${t(view, 'add_store')}</button></form>`
    : ''
}</section>

<section class="card" id="users"><h2>${t(view, 'users_and_roles')}</h2>
${table(
  view,
  ['name', 'email', 'role', 'actions'],
  users.data.map((row: Row) => {
    const user = rowOf(row['User']) ?? row;
    return [
      html`${user['name'] ?? ''}`,
      html`${user['email']}`,
      html`${t(view, roleMessage(user['owner'] === '1' ? 'owner' : roleOf(1, user['role_id'])))}`,
      user['owner'] === '1'
        ? html``
        : html`<form method="post" action="/app/settings/users/${user['id']}/remove" class="inline">${hidden(view)}<button type="submit" aria-label="${t(view, 'remove_user')} ${user['email']}">${t(view, 'remove')}</button></form>`,
    ];
  }),
)}
<form method="post" action="/app/settings/users">${errors(view, problems['users'] ?? {})}${hidden(view)}
${field(view, 'name', html`<input id="user_name" name="name" required>`, 'user_name')}
${field(view, 'email', html`<input id="user_email" name="email" type="email" required>`, 'user_email')}
${field(view, 'password', html`<input id="user_password" name="password" type="password" autocomplete="new-password" minlength="10" required>`, 'user_password')}
${field(view, 'role', html`<select id="user_role" name="role_id">${STAFF_ROLES.map((role) => html`<option value="${role.id}">${t(view, roleMessage(role.key))}</option>`)}</select>`, 'user_role')}
<button type="submit">${t(view, 'add_user')}</button></form></section>

<section class="card" id="api-keys"><h2>${t(view, 'api_keys')}</h2>
${table(
  view,
  ['name', 'key_prefix', 'created', 'status', 'actions'],
  keys.data.map((row: Row) => {
    const key = rowOf(row['ApiKey']) ?? row;
    const revoked = key['revoked'] === '1';
    return [
      html`${key['name']}`,
      ltr(view, `${key['key_prefix']}…`),
      ltr(view, key['created']),
      html`${t(view, revoked ? 'revoked' : 'active')}`,
      revoked
        ? html``
        : html`<form method="post" action="/app/settings/api-keys/${key['id']}/revoke" class="inline">${hidden(view)}<button type="submit" aria-label="${t(view, 'revoke')} ${key['name']}">${t(view, 'revoke')}</button></form>`,
    ];
  }),
)}
<form method="post" action="/app/settings/api-keys">${errors(view, problems['api-keys'] ?? {})}${hidden(view)}
${field(view, 'key_name', html`<input id="key_name" name="name" required>`, 'key_name')}
<button type="submit">${t(view, 'create_key')}</button></form></section>

<section class="card" id="webhooks"><h2>${t(view, 'webhooks')}</h2>
${table(
  view,
  ['url', 'events', 'status', 'actions'],
  hooks.data.map((row: Row) => {
    const hook = rowOf(row['WebhookEndpoint']) ?? row;
    return [
      ltr(view, hook['url']),
      ltr(view, (Array.isArray(hook['events']) ? hook['events'] : []).join(', ')),
      html`${t(view, String(hook['active']) === '1' ? 'active' : 'paused')}`,
      html`<form method="post" action="/app/settings/webhooks/${hook['id']}/remove" class="inline">${hidden(view)}<button type="submit" aria-label="${t(view, 'remove')} ${hook['url']}">${t(view, 'remove')}</button></form>`,
    ];
  }),
)}
<form method="post" action="/app/settings/webhooks">${errors(view, problems['webhooks'] ?? {})}${hidden(view)}
${field(view, 'url', html`<input id="hook_url" name="url" type="url" dir="ltr" required>`, 'hook_url')}
${field(view, 'events', html`<input id="hook_events" name="events" dir="ltr" value="invoice.*">`, 'hook_events')}
<button type="submit">${t(view, 'add_webhook')}</button></form></section>

<section class="card" id="einvoicing"><h2>${t(view, 'einvoicing')}</h2>
${facts.length > 0 ? html`<dl class="facts">${facts.map(([k, v]) => html`<dt>${t(view, k)}</dt><dd>${v}</dd>`)}</dl>` : html`<p>${t(view, 'nothing_yet')}</p>`}
</section>`,
      flashOf(view, query),
    );
  };
  app.get(
    '/app/settings',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => send(reply, await settingsPage(page, queryOf(request)))),
  );
  app.get(
    '/app/settings/logo',
    PUBLIC_ROUTE,
    signedIn(async ({ session }, _request, reply) => {
      const logo = await app.inject({
        method: 'GET',
        url: '/api2/site_info/logo',
        headers: { authorization: `Bearer ${session}` },
      });
      if (logo.statusCode !== 200) return reply.code(404).send();
      return reply.type(String(logo.headers['content-type'])).header('cache-control', 'no-store').send(logo.rawPayload);
    }),
  );
  const setting = (
    section: string,
    write: (
      page: Page,
      form: Form,
      request: FastifyRequest,
    ) => Promise<{ key?: string; secret?: string } | undefined> | Promise<void>,
  ) =>
    app.post(
      `/app/settings/${section}`,
      PUBLIC_ROUTE,
      signedIn(async (page, request, reply) => {
        const form = body(request);
        try {
          const shown = await write(page, form, request);
          if (shown) return send(reply, await settingsPage(page, {}, {}, shown));
          return reply.redirect(`/app/settings?saved=1#${section.split('/')[0]}`, 303);
        } catch (error) {
          if (error instanceof DaftarError && (error.status === 400 || error.status === 422 || error.status === 403)) {
            const problems =
              Object.keys(error.validationErrors).length > 0 ? error.validationErrors : { '': error.message };
            return send(
              reply,
              await settingsPage(page, {}, { [section.split('/')[0]!]: problems }),
              error.status === 403 ? 403 : 400,
            );
          }
          throw error;
        }
      }),
    );
  setting('business', async ({ daftar }, form) => {
    const values: Row = {};
    for (const name of [
      'business_name',
      'bn1',
      'bn2',
      'address1',
      'building_number',
      'district',
      'city',
      'postal_code',
    ])
      values[name] = one(form[name]);
    if (one(form['logo'])) values['logo'] = one(form['logo']);
    await daftar.request('PUT', '/api2/site_info.json', { body: { Site: values } });
  });
  setting('taxes', async ({ daftar }, form) => {
    await daftar.taxes.create({
      Tax: { name: one(form['name']), value: one(form['value']), included: one(form['included']) ? 1 : 0 },
    });
  });
  setting('stores', async ({ daftar }, form) => {
    await daftar.stores.create({ Store: { name: one(form['name']) } });
  });
  setting('users', async ({ daftar }, form) => {
    await daftar.request('POST', '/api2/users.json', {
      body: {
        User: {
          name: one(form['name']),
          email: one(form['email']),
          password: one(form['password']),
          role_id: one(form['role_id']) || '1',
        },
      },
    });
  });
  app.post(
    '/app/settings/users/:id/remove',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      await daftar.request('DELETE', `/api2/users/${encodeURIComponent(paramOf(request, 'id'))}.json`);
      return reply.redirect('/app/settings?removed=1#users', 303);
    }),
  );
  setting('api-keys', async ({ daftar }, form) => {
    const created = await daftar.request<{ key: string }>('POST', '/api2/api_keys.json', {
      body: { ApiKey: { name: one(form['name']) } },
    });
    return { key: created.key };
  });
  app.post(
    '/app/settings/api-keys/:id/revoke',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      await daftar.request('DELETE', `/api2/api_keys/${encodeURIComponent(paramOf(request, 'id'))}`);
      return reply.redirect('/app/settings?removed=1#api-keys', 303);
    }),
  );
  setting('webhooks', async ({ daftar }, form) => {
    const events = one(form['events'])
      .split(/[\s,]+/)
      .filter(Boolean);
    const created = await daftar.request<Row>('POST', '/api2/webhook_endpoints.json', {
      body: { WebhookEndpoint: { url: one(form['url']), events: events.length > 0 ? events : ['*'] } },
    });
    const secret = created['secret'] ?? recordAt(created['data'], 'WebhookEndpoint')?.['secret'];
    return secret ? { secret: String(secret) } : undefined;
  });
  app.post(
    '/app/settings/webhooks/:id/remove',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      await daftar.request('DELETE', `/api2/webhook_endpoints/${encodeURIComponent(paramOf(request, 'id'))}.json`);
      return reply.redirect('/app/settings?removed=1#webhooks', 303);
    }),
  );
}
