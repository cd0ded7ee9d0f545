/**
 * The web console at /app: server-rendered pages that call the API through the typed client inside
 * this process (src/api/inject-fetch.ts), so the API stays the one source of truth — the console has
 * no SQL and no rule of its own. Invoice totals shown while typing come from POST /app/invoices/preview,
 * which runs the server's own totals (src/domain/totals.ts), not a second copy in the browser.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  Daftar,
  DaftarAuthenticationError,
  DaftarPermissionError,
  DaftarError,
  DaftarNotFoundError,
} from '../../packages/client/src/index.js';
import { PUBLIC_ROUTE } from '../api/auth.js';
import { injectFetch } from '../api/inject-fetch.js';
import { REVOKE_PATHS, TOKEN_PATHS } from '../api/oauth.js';
import { NUMBER_WIDTH } from '../domain/numbering.js';
import { computeTotals } from '../domain/totals.js';
import { invoiceItemFields } from '../resources/sales-documents.js';
import { DEFAULT_CATS } from '../domain/chart.js';
import { lastDay } from '../domain/account-movements.js';
import { ZERO, currencyDecimals, formatDec, formatFixed, parseDec } from '../domain/money.js';
import {
  type Html,
  type View,
  amount,
  canChange,
  errors,
  field,
  html,
  layout,
  labelOf,
  ltr,
  pageShown,
  roleMessage,
  t,
  table,
} from './html.js';
import type { RoleKey } from '../domain/staff-roles.js';
import { type MessageKey, arabicDigits, cellLabel } from './i18n.js';
import { type Form, bodyOf, paramOf, queryOf, rowOf, rowsOf, stringsOf } from './input.js';
import { registerPages } from './pages.js';
import { choicesOf, picker, registerPick } from './pick.js';
import { oneOf } from '../guards.js';
import {
  csrfFor,
  csrfValid,
  endSession,
  languageOf,
  loginCsrf,
  loginCsrfValid,
  sessionOf,
  setLanguage,
  startSession,
} from './session.js';

export type { Form };
// An API reply's record as the pages render it: each value goes through html`` (escaped) or String().
// biome-ignore lint/suspicious/noExplicitAny: the typed client's records (interfaces) must fit without a copy
export type Row = Record<string, any>;

const STATIC_DIR = new URL('../../../src/console/static/', import.meta.url);
const STATIC: Record<string, [string, string]> = {
  'app.css': ['text/css; charset=utf-8', ''],
  'app.js': ['text/javascript; charset=utf-8', ''],
};

export const list = (value: string | string[] | undefined): string[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
export const one = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '');

export interface Page {
  view: View;
  daftar: Daftar;
  session: string;
}

export interface Kit {
  signedIn: (
    handler: (page: Page, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  ) => (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  send: (reply: FastifyReply, page: string, status?: number) => FastifyReply;
}

export function registerConsole(app: FastifyInstance): void {
  const client = (request: FastifyRequest, session: string) =>
    new Daftar({ baseUrl: 'http://console', accessToken: session, fetch: injectFetch(app, request.ip), retries: 0 });

  const viewOf = (request: FastifyRequest, session?: string): View => ({
    ...languageOf(request),
    csrf: session ? csrfFor(session) : '',
    path: request.url.split('?')[0]!,
    signedIn: Boolean(session),
  });

  const send = (reply: FastifyReply, page: string, status = 200) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
      )
      .send(page);

  /** Runs a signed-in page: no session (or a refused one) goes to sign-in; a POST needs its CSRF token. */
  const signedIn =
    (handler: (page: Page, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const session = sessionOf(request);
      if (!session) return reply.redirect('/app/login');
      const view = viewOf(request, session);
      if (request.method === 'POST' && !csrfValid(session, bodyOf(request)['_csrf'])) {
        return send(reply, layout(view, t(view, 'error_title'), html`<p>CSRF</p>`), 403);
      }
      try {
        const daftar = client(request, session);
        // The API says what this sign-in is: the navigation shows only the pages its role may open.
        const who = await daftar.request<{ data: { role?: RoleKey } }>('GET', '/api2/api_key_info.json');
        view.role = who.data.role;
        return await handler({ view, daftar, session }, request, reply);
      } catch (error) {
        if (error instanceof DaftarAuthenticationError && !(error instanceof DaftarPermissionError)) {
          endSession(request, reply);
          return reply.redirect('/app/login?expired=1');
        }
        if (error instanceof DaftarNotFoundError)
          return send(
            reply,
            layout(view, t(view, 'not_found'), html`<p><a href="/app">${t(view, 'back')}</a></p>`),
            404,
          );
        if (error instanceof DaftarPermissionError)
          return send(
            reply,
            layout(
              view,
              t(view, 'not_allowed'),
              html`<p>${t(view, 'not_allowed_text', { role: t(view, roleMessage(view.role)) })}</p><p><a href="${pageShown(view.role, '/app') ? '/app' : '/app/invoices'}">${t(view, 'back')}</a></p>`,
            ),
            403,
          );
        if (error instanceof DaftarError && error.status >= 500)
          return send(reply, layout(view, t(view, 'error_title'), html`<p>${t(view, 'unavailable')}</p>`), 503);
        throw error;
      }
    };

  // Browsers ask for it on every console page; there is none.
  app.get('/favicon.ico', PUBLIC_ROUTE, async (_request, reply) => reply.code(204).send());
  for (const name of Object.keys(STATIC)) {
    app.get(`/app/static/${name}`, PUBLIC_ROUTE, async (_request, reply) => {
      const entry = STATIC[name]!;
      if (!entry[1]) entry[1] = readFileSync(new URL(name, STATIC_DIR), 'utf8');
      return reply.type(entry[0]).header('cache-control', 'public, max-age=300').send(entry[1]);
    });
  }

  // ---- Sign-in and sign-out -------------------------------------------------------------------
  const loginPage = (request: FastifyRequest, reply: FastifyReply, message?: MessageKey, status = 200) => {
    const view = viewOf(request);
    const token = loginCsrf(request, reply);
    return send(
      reply,
      layout(
        view,
        t(view, 'sign_in'),
        html`
<form method="post" action="/app/login" class="card narrow">
<input type="hidden" name="_csrf" value="${token}">
${message ? html`<p class="${message === 'signed_out' ? 'flash' : 'errors'}" role="${message === 'signed_out' ? 'status' : 'alert'}">${t(view, message)}</p>` : ''}
${field(view, 'email', html`<input id="email" name="email" type="email" autocomplete="username" required>`, 'email')}
${field(view, 'password', html`<input id="password" name="password" type="password" autocomplete="current-password" required>`, 'password')}
<button type="submit">${t(view, 'sign_in')}</button>
</form>`,
      ),
      status,
    );
  };
  app.get('/app/login', PUBLIC_ROUTE, async (request, reply) => {
    const query = queryOf(request);
    return loginPage(request, reply, query['expired'] ? 'session_expired' : query['out'] ? 'signed_out' : undefined);
  });
  app.post('/app/login', PUBLIC_ROUTE, async (request, reply) => {
    const form = bodyOf(request);
    if (!loginCsrfValid(request, form['_csrf'])) return loginPage(request, reply, 'sign_in_failed', 403);
    const tokens = await app.inject({
      method: 'POST',
      url: TOKEN_PATHS[0]!,
      remoteAddress: request.ip,
      payload: {
        grant_type: 'password',
        client_id: 'console',
        client_secret: 'console',
        username: one(form['email']),
        password: one(form['password']),
      },
    });
    if (tokens.statusCode === 429) return loginPage(request, reply, 'too_many_attempts', 429);
    if (tokens.statusCode !== 200) return loginPage(request, reply, 'sign_in_failed', 401);
    const body = rowOf(tokens.json()) ?? {};
    startSession(request, reply, String(body['access_token']), Number(body['expires_in']));
    return reply.redirect('/app', 303);
  });
  app.post(
    '/app/logout',
    PUBLIC_ROUTE,
    signedIn(async ({ session }, request, reply) => {
      await app.inject({ method: 'POST', url: REVOKE_PATHS[0]!, payload: { token: session } });
      endSession(request, reply);
      return reply.redirect('/app/login?out=1', 303);
    }),
  );
  app.post('/app/lang', PUBLIC_ROUTE, async (request, reply) => {
    const form = bodyOf(request);
    const session = sessionOf(request);
    // Signed in, the switch needs the session's CSRF token; on the sign-in page there is no session to abuse.
    if (session && !csrfValid(session, form['_csrf'])) return reply.code(403).send();
    setLanguage(request, reply, one(form['lang']) || undefined, one(form['digits']) || undefined);
    const back = one(form['back']);
    return reply.redirect(back.startsWith('/app') && !back.startsWith('//') ? back : '/app', 303);
  });

  // ---- Dashboard ------------------------------------------------------------------------------
  app.get(
    '/app',
    PUBLIC_ROUTE,
    signedIn(async ({ view, daftar }, _request, reply) => {
      // The dashboard is made of reports and treasuries, which the Sales role does not read.
      if (!pageShown(view.role, '/app')) return reply.redirect('/app/invoices');
      const site = await daftar.siteInfo();
      const currency = String(site['currency_code'] ?? '');
      // One report for the 12 months (revenue, expenses, money into treasuries: one grouped query) and
      // what clients owe (one pass over the invoices' unpaid amounts), not 14 reports.
      // This month's best clients and products: two more reports, each a row per client or product
      // read from the maintained totals.
      const today = new Date().toISOString().slice(0, 10);
      const thisMonth = { date_from: `${today.slice(0, 7)}-01`, date_to: lastDay(today.slice(0, 7)), limit: 5 };
      const [summary, treasuries, lowStock, recent, topClients, topProducts] = await Promise.all([
        daftar.report('monthly_summary'),
        daftar.treasuries.list({ limit: 20 }).page(1),
        daftar.products.list({ track_stock: 1, sort: 'stock_balance', direction: 'asc', limit: 5 }).page(1),
        daftar.invoices.list({ limit: 5 }).page(1),
        daftar.report('top_clients', thisMonth),
        daftar.report('top_products', thisMonth),
      ]);
      const months = rowsOf(summary['rows']);
      const now = months[months.length - 1] ?? {};
      const before = months[months.length - 2] ?? {};
      const chart = chartSvg(
        view,
        months.map((m) => ({
          label: String(m['month']),
          sales: String(m['revenue'] ?? '0'),
          expenses: String(m['expenses'] ?? '0'),
        })),
      );
      const stat = (key: MessageKey, value: string) =>
        html`<div class="stat"><span>${t(view, key)}</span><strong>${amount(view, value, currency)}</strong></div>`;
      return send(
        reply,
        layout(
          view,
          t(view, 'nav_dashboard'),
          html`
<section class="stats" aria-label="${t(view, 'this_month')}"><h2>${t(view, 'this_month')}</h2>
${stat('sales', String(now['revenue'] ?? '0'))}${stat('collected', String(now['cash_in'] ?? '0'))}${stat('unpaid', String(summary['receivable'] ?? '0'))}${stat('overdue', String(summary['overdue'] ?? '0'))}</section>
<section class="stats" aria-label="${t(view, 'last_month')}"><h2>${t(view, 'last_month')}</h2>
${stat('sales', String(before['revenue'] ?? '0'))}${stat('collected', String(before['cash_in'] ?? '0'))}${stat('expenses', String(before['expenses'] ?? '0'))}</section>
<section><h2>${t(view, 'sales_vs_expenses')}</h2>${chart}</section>
<div class="columns">
<section><h2>${t(view, 'cash_per_treasury')}</h2>${table(
            view,
            ['treasury', 'amount'],
            treasuries.data.map((row: Row) => [html`${row['name']}`, amount(view, row['balance'], currency)]),
          )}</section>
<section><h2>${t(view, 'low_stock')}</h2>${table(
            view,
            ['product', 'stock'],
            lowStock.data.map((row: Row) => [
              html`<a href="/app/products">${row['name']}</a>`,
              ltr(view, row['stock_balance'] ?? '0'),
            ]),
          )}</section>
</div>
<div class="columns">
<section><h2>${t(view, 'top_clients')}</h2>${table(
            view,
            ['client', 'invoiced'],
            rowsOf(topClients['rows']).map((row) => [
              html`<a href="/app/reports/client_statement?client_id=${row['client_id']}">${row['name']}</a>`,
              amount(view, row['invoiced'], currency),
            ]),
          )}</section>
<section><h2>${t(view, 'top_products')}</h2>${table(
            view,
            ['product', 'quantity_sold'],
            rowsOf(topProducts['rows']).map((row) => [
              html`<a href="/app/products/${row['product_id']}">${row['product_name']}</a>`,
              ltr(view, row['quantity']),
            ]),
          )}</section>
</div>
<section><h2>${t(view, 'recent_invoices')}</h2>${invoiceTable(view, recent.data, currency)}</section>`,
        ),
      );
    }),
  );

  // ---- Invoices -------------------------------------------------------------------------------
  app.get(
    '/app/invoices',
    PUBLIC_ROUTE,
    signedIn(async ({ view, daftar }, request, reply) => {
      const query = queryOf(request);
      const page = Math.max(1, Number(one(query['page'])) || 1);
      const filters: Record<string, string | number | number[]> = { limit: 25 };
      for (const key of ['payment_status', 'client_id', 'date_from', 'date_to'] as const)
        if (one(query[key])) filters[key] = one(query[key]);
      const search = one(query['keywords']).trim();
      const narrowed = search ? await invoiceSearch(daftar, search, one(query['client_id'])) : null;
      if (narrowed) Object.assign(filters, narrowed.filters);
      if (one(query['overdue'])) {
        filters['payment_status'] = filters['payment_status'] ?? '0';
        filters['due_date_to'] = new Date().toISOString().slice(0, 10);
      }
      const [site, result, clients] = await Promise.all([
        daftar.siteInfo(),
        daftar.invoices.list(filters).page(page),
        choicesOf(daftar, 'clients', [one(query['client_id'])]),
      ]);
      const keep = new URLSearchParams(
        Object.entries(query).filter(
          (entry): entry is [string, string] => entry[0] !== 'page' && typeof entry[1] === 'string' && entry[1] !== '',
        ),
      );
      const link = (n: number) => `/app/invoices?${new URLSearchParams([...keep, ['page', String(n)]]).toString()}`;
      const { pagination } = result;
      return send(
        reply,
        layout(
          view,
          t(view, 'invoices'),
          html`
${canChange(view, 'invoices') ? html`<p><a class="button" href="/app/invoices/new">${t(view, 'new_invoice')}</a></p>` : ''}
<form method="get" action="/app/invoices" class="filters" role="search">
${field(view, 'search', html`<input id="keywords" name="keywords" type="search" value="${one(query['keywords'])}">`, 'keywords')}
${field(
  view,
  'status',
  html`<select id="payment_status" name="payment_status"><option value="">${t(view, 'any_status')}</option>
${(
  [
    ['0', 'status_unpaid'],
    ['1', 'status_partial'],
    ['2', 'status_paid'],
  ] satisfies Array<[string, MessageKey]>
).map(
  ([v, k]) =>
    html`<option value="${v}"${one(query['payment_status']) === v ? html` selected` : ''}>${t(view, k)}</option>`,
)}</select>`,
  'payment_status',
)}
${field(view, 'client', picker(view, clients, { id: 'client_id', name: 'client_id', selected: one(query['client_id']), empty: 'any_client' }), 'client_id')}
${field(view, 'date_from', html`<input id="date_from" name="date_from" type="date" value="${one(query['date_from'])}">`, 'date_from')}
${field(view, 'date_to', html`<input id="date_to" name="date_to" type="date" value="${one(query['date_to'])}">`, 'date_to')}
<div class="field check"><input id="overdue" name="overdue" type="checkbox" value="1"${one(query['overdue']) ? html` checked` : ''}><label for="overdue">${t(view, 'only_overdue')}</label></div>
<button type="submit">${t(view, 'filter')}</button>
</form>
${narrowed?.capped ? html`<p class="flash" role="status">${t(view, 'search_capped', { count: digits(view, SEARCH_CLIENTS) })}</p>` : ''}
${invoiceTable(view, result.data, String(site['currency_code'] ?? ''))}
<nav class="pages" aria-label="${t(view, 'page_of', { page: pagination.page, pages: pagination.page_count })}">
${pagination.page > 1 ? html`<a href="${link(pagination.page - 1)}" rel="prev">${t(view, 'previous')}</a>` : ''}
<span>${t(view, 'page_of', { page: digits(view, pagination.page), pages: digits(view, pagination.page_count) })}</span>
${pagination.page < pagination.page_count ? html`<a href="${link(pagination.page + 1)}" rel="next">${t(view, 'next')}</a>` : ''}
</nav>`,
        ),
      );
    }),
  );

  app.get(
    '/app/invoices/new',
    PUBLIC_ROUTE,
    signedIn(async (page, _request, reply) => send(reply, await invoiceForm(page, {}, {}))),
  );

  app.post(
    '/app/invoices/preview',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      const form = bodyOf(request);
      const taxes = (await daftar.taxes.list({ limit: 100 }).page(1)).data;
      const site = await daftar.siteInfo();
      const places = currencyDecimals(String(site['currency_code'] ?? ''));
      const rate = (id: string) => {
        const tax = taxes.find((row: Row) => String(row['id']) === id);
        return tax
          ? {
              id: Number(tax['id']),
              name: String(tax['name']),
              rate: dec(String(tax['value'])),
              included: String(tax['included']) === '1',
            }
          : null;
      };
      const lines = linesOf(form).map((line) => ({
        quantity: dec(line.quantity),
        unitPrice: dec(line.unit_price),
        discount: ZERO,
        discountType: 1 as const,
        tax1: rate(line.tax1),
        tax2: null,
      }));
      const totals = computeTotals({
        lines,
        discountPercent: ZERO,
        discountAmount: ZERO,
        shipping: ZERO,
        adjustment: ZERO,
        places,
      });
      return reply.send({
        subtotal: formatFixed(totals.subtotal, places),
        discount: formatFixed(totals.discount, places),
        taxes: formatFixed(totals.tax1 + totals.tax2, places),
        total: formatFixed(totals.total, places),
      });
    }),
  );

  /** Saves the invoice form (a new invoice, or the edit of `id`); a 400 redraws it with the API's field errors. */
  const saveInvoice = (edit: boolean) =>
    signedIn(async (page, request, reply) => {
      const form = bodyOf(request);
      const editing = edit ? paramOf(request, 'id') : undefined;
      const current = editing ? rowsOf((await page.daftar.invoices.get(editing))['InvoiceItem']) : [];
      const body = invoiceBody(form, current);
      try {
        const id = editing ?? (await page.daftar.invoices.create(body)).id;
        if (editing) await page.daftar.invoices.update(editing, body);
        return reply.redirect(`/app/invoices/${id}?saved=1`, 303);
      } catch (error) {
        if (error instanceof DaftarError && error.status === 400)
          return send(reply, await invoiceForm(page, form, error.validationErrors, 'invoice', editing), 400);
        throw error;
      }
    });
  app.post('/app/invoices', PUBLIC_ROUTE, saveInvoice(false));

  // Editing an invoice: the same form, filled from the invoice; the API replaces its lines and reposts
  // its books (a total below what is paid is its 400, shown on the form).
  app.get(
    '/app/invoices/:id/edit',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const id = paramOf(request, 'id');
      const invoice = await page.daftar.invoices.get(id);
      const lines = rowsOf(invoice['InvoiceItem']);
      const column = (name: string) => lines.map((line) => (line[name] === null ? '' : String(line[name] ?? '')));
      const form: Form = {
        client_id: String(invoice['client_id'] ?? ''),
        date: String(invoice['date'] ?? '').slice(0, 10),
        product_id: column('product_id').map((value) => (value === '0' ? '' : value)),
        item: column('item'),
        quantity: column('quantity'),
        unit_price: column('unit_price'),
        tax1: column('tax1').map((value) => (value === '0' ? '' : value)),
        line_id: column('id'),
      };
      return send(reply, await invoiceForm(page, form, {}, 'invoice', id));
    }),
  );
  app.post('/app/invoices/:id/edit', PUBLIC_ROUTE, saveInvoice(true));

  app.get(
    '/app/invoices/:id',
    PUBLIC_ROUTE,
    signedIn(async ({ view, daftar }, request, reply) => {
      const id = paramOf(request, 'id');
      const query = queryOf(request);
      // The payment form names the treasuries; recursive -1 leaves out their balances (a sum over the books).
      const [invoice, site, treasuries] = await Promise.all([
        daftar.invoices.get(id),
        daftar.siteInfo(),
        daftar.treasuries.list({ limit: 50, recursive: -1 }).page(1),
      ]);
      return send(
        reply,
        invoicePage(
          view,
          invoice,
          String(site['currency_code'] ?? ''),
          treasuries.data,
          {},
          one(query['saved'])
            ? t(view, 'saved')
            : one(query['credit'])
              ? t(view, 'credit_note_made', { number: one(query['credit']) })
              : undefined,
        ),
      );
    }),
  );

  app.post(
    '/app/invoices/:id/payments',
    PUBLIC_ROUTE,
    signedIn(async ({ view, daftar }, request, reply) => {
      const id = paramOf(request, 'id');
      const form = bodyOf(request);
      try {
        await daftar.invoicePayments.create({
          InvoicePayment: {
            invoice_id: id,
            amount: one(form['amount']),
            payment_method: one(form['payment_method']) || 'cash',
            treasury_id: one(form['treasury_id']) || undefined,
          },
        });
        return reply.redirect(`/app/invoices/${id}?saved=1`, 303);
      } catch (error) {
        if (!(error instanceof DaftarError) || error.status !== 400) throw error;
        const [invoice, site, treasuries] = await Promise.all([
          daftar.invoices.get(id),
          daftar.siteInfo(),
          daftar.treasuries.list({ limit: 50, recursive: -1 }).page(1),
        ]);
        return send(
          reply,
          invoicePage(view, invoice, String(site['currency_code'] ?? ''), treasuries.data, error.validationErrors),
          400,
        );
      }
    }),
  );

  app.post(
    '/app/invoices/:id/credit-note',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      const id = paramOf(request, 'id');
      const invoice = await daftar.invoices.get(id);
      const items = (invoice['InvoiceItem'] ?? []).map((line) => ({
        ...(line['product_id'] ? { product_id: line['product_id'] } : { item: line['item'] ?? undefined }),
        quantity: line['quantity'] ?? undefined,
        unit_price: line['unit_price'] ?? undefined,
        ...(line['tax1'] ? { tax1: line['tax1'] } : {}),
      }));
      const { id: creditId } = await daftar.creditNotes.create({
        CreditNote: { client_id: invoice['client_id'] ?? '', subscription_id: id },
        InvoiceItem: items,
      });
      const credit = await daftar.creditNotes.get(creditId);
      return reply.redirect(`/app/invoices/${id}?credit=${encodeURIComponent(String(credit['no'] ?? creditId))}`, 303);
    }),
  );

  app.get(
    '/app/invoices/:id/pdf',
    PUBLIC_ROUTE,
    signedIn(async ({ session }, request, reply) => {
      const id = paramOf(request, 'id');
      const { lang } = languageOf(request);
      const pdf = await app.inject({
        method: 'GET',
        url: `/api2/invoices/${encodeURIComponent(id)}.pdf?lang=${lang}`,
        headers: { authorization: `Bearer ${session}` },
      });
      if (pdf.statusCode !== 200)
        return reply
          .code(pdf.statusCode === 404 ? 404 : 503)
          .type('text/plain')
          .send('PDF not available');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="invoice-${id}.pdf"`)
        .send(pdf.rawPayload);
    }),
  );

  // ---- Clients and products -------------------------------------------------------------------
  app.get(
    '/app/clients',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => send(reply, await clientsPage(page, queryOf(request), {}))),
  );
  app.post(
    '/app/clients',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const form = bodyOf(request);
      try {
        await page.daftar.clients.create({
          Client: {
            business_name: one(form['business_name']),
            email: one(form['email']) || undefined,
            phone1: one(form['phone1']) || undefined,
            bn1: one(form['bn1']) || undefined,
            city: one(form['city']) || undefined,
          },
        });
        return reply.redirect('/app/clients?saved=1', 303);
      } catch (error) {
        if (error instanceof DaftarError && error.status === 400)
          return send(reply, await clientsPage(page, {}, error.validationErrors, form), 400);
        throw error;
      }
    }),
  );
  app.get(
    '/app/products',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => send(reply, await productsPage(page, queryOf(request), {}))),
  );
  app.post(
    '/app/products',
    PUBLIC_ROUTE,
    signedIn(async (page, request, reply) => {
      const form = bodyOf(request);
      try {
        await page.daftar.products.create({
          Product: {
            name: one(form['name']),
            product_code: one(form['product_code']) || undefined,
            barcode: one(form['barcode']) || undefined,
            unit_price: one(form['unit_price']) || undefined,
            buy_price: one(form['buy_price']) || undefined,
            track_stock: one(form['track_stock']) ? 1 : 0,
            stock_balance: one(form['stock_balance']) || undefined,
            tax1: one(form['tax1']) || undefined,
          },
        });
        return reply.redirect('/app/products?saved=1', 303);
      } catch (error) {
        if (error instanceof DaftarError && error.status === 400)
          return send(reply, await productsPage(page, {}, error.validationErrors, form), 400);
        throw error;
      }
    }),
  );

  // ---- Reports --------------------------------------------------------------------------------
  app.get(
    '/app/reports/:name',
    PUBLIC_ROUTE,
    signedIn(async ({ view, daftar }, request, reply) => {
      const name = oneOf(REPORTS, paramOf(request, 'name'));
      if (!name) throw new DaftarNotFoundError('no such report', 404);
      const query = queryOf(request);
      // Reports over a period open on this year (the API's default is all time, which costs a scan of
      // every journal), the general ledger on this month (a busy account has a line per invoice).
      const today = new Date().toISOString();
      const defaultFrom =
        query['date_from'] !== undefined
          ? undefined
          : name === 'general_ledger'
            ? `${today.slice(0, 7)}-01`
            : name === 'profit_and_loss' || name === 'trial_balance' || name === 'client_statement'
              ? `${today.slice(0, 4)}-01-01`
              : undefined;
      // The general ledger is of one account, the statement of one client: chosen on the page.
      const subject = SUBJECT_OF[name];
      const chosen = subject && /^\d{1,15}$/.test(one(query[subject])) ? one(query[subject]) : '';
      const params = {
        date_from: one(query['date_from']) || defaultFrom,
        date_to: one(query['date_to']) || undefined,
        ...(subject && chosen ? { [subject]: chosen } : {}),
      };
      // The balance sheet and trial balance fold the one account per client and per supplier into a row
      // per folder (the API's fold=parties; ten thousand rows at the bench's data set took 300–500 ms to
      // render); a folded row links to its folder's accounts, shown FOLDER_PAGE at a time.
      const folds = name === 'balance_sheet' || name === 'trial_balance';
      const folder = folds && /^\d{1,15}$/.test(one(query['journal_cat_id'])) ? one(query['journal_cat_id']) : '';
      const asked = Math.max(1, Number(one(query['page'])) || 1);
      const [report, choice] = await Promise.all([
        subject && !chosen
          ? Promise.resolve<Row>({ columns: [], rows: [] })
          : daftar.report(name, {
              ...params,
              ...(folds ? { fold: 'parties' } : {}),
              ...(folder ? { journal_cat_id: folder } : {}),
              // A ledger is asked for a page at a time: a busy account has a line per invoice.
              ...(subject ? { page: String(asked), limit: String(FOLDER_PAGE) } : {}),
            }),
        subjectPicker(view, daftar, subject, chosen),
      ]);
      const columns = stringsOf(report['columns']);
      const allRows = rowsOf(report['rows']);
      const pagination = rowOf(report['pagination']);
      const pages = pagination
        ? Math.max(1, Number(pagination['page_count']) || 1)
        : Math.max(1, Math.ceil(allRows.length / FOLDER_PAGE));
      const pageNo = Math.min(pages, asked);
      // A folder's accounts, and any report longer than a page (aged receivables lists every client owing
      // something: ten thousand rows at the bench's data set), are shown FOLDER_PAGE rows at a time; the
      // totals stay the whole report's, and CSV and PDF carry every row.
      const paged = folder !== '' || pages > 1;
      const rows = pagination || !paged ? allRows : allRows.slice((pageNo - 1) * FOLDER_PAGE, pageNo * FOLDER_PAGE);
      const totals = rowOf(report['totals']);
      const numeric = (value: unknown) => typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);
      const here = (extra: Record<string, string>) =>
        `/app/reports/${name}?${new URLSearchParams(
          Object.entries({ ...params, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1])),
        ).toString()}`;
      const cellOf = (column: string, value: unknown, row: Row) =>
        column === 'name' && row['accounts'] !== undefined
          ? html`${value} <a href="${here({ journal_cat_id: String(row['journal_cat_id'] ?? '') })}">${t(view, 'folded_accounts', { count: digits(view, Number(row['accounts'])) })}</a>`
          : numeric(value) && !/_id$|^code$/.test(column)
            ? amount(view, value)
            : html`${cellLabel(view.lang, column, value) ?? value}`;
      const folderNav = paged
        ? html`${folder ? html`<p><a href="${here({})}">${t(view, 'all_accounts')}</a></p>` : ''}
<nav class="pages" aria-label="${t(view, folder ? 'folder_accounts' : 'report_pages')}">
${pageNo > 1 ? html`<a href="${here({ journal_cat_id: folder, page: String(pageNo - 1) })}" rel="prev">${t(view, 'previous')}</a>` : ''}
<span>${t(view, 'page_of', { page: digits(view, pageNo), pages: digits(view, pages) })}</span>
${pageNo < pages ? html`<a href="${here({ journal_cat_id: folder, page: String(pageNo + 1) })}" rel="next">${t(view, 'next')}</a>` : ''}
</nav>`
        : '';
      return send(
        reply,
        layout(
          view,
          t(view, `report_${name}`),
          html`
<nav class="tabs" aria-label="${t(view, 'reports')}">${REPORTS.map((r) => html`<a href="/app/reports/${r}"${r === name ? html` aria-current="page"` : ''}>${t(view, `report_${r}`)}</a>`)}</nav>
<form method="get" class="filters">
${choice}
${field(view, 'date_from', html`<input id="date_from" name="date_from" type="date" value="${params.date_from ?? ''}">`, 'date_from')}
${field(view, 'date_to', html`<input id="date_to" name="date_to" type="date" value="${params.date_to ?? ''}">`, 'date_to')}
<button type="submit">${t(view, 'show')}</button>
<a class="button" href="/app/reports/${name}/csv?${new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()}" download>${t(view, 'download_csv')}</a>
<a class="button" href="/app/reports/${name}/pdf?${new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString()}" download>${t(view, 'download_pdf')}</a>
</form>
${
  subject && !chosen
    ? html`<p>${t(view, subject === 'client_id' ? 'choose_client_for_statement' : 'choose_account_for_ledger')}</p>`
    : html`<table><thead><tr>${columns.map((c) => html`<th scope="col">${labelOf(view, 'col_', c)}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${columns.map((c) => html`<td>${cellOf(c, row[c], row)}</td>`)}</tr>`)}</tbody>
${totals ? html`<tfoot>${Object.entries(totals).map(([k, v]) => html`<tr><th scope="row">${labelOf(view, 'col_', k)}</th><td colspan="${Math.max(1, columns.length - 1)}">${cellOf(k, v, {})}</td></tr>`)}</tfoot>` : ''}
</table>`
}${folderNav}`,
        ),
      );
    }),
  );
  app.get(
    '/app/reports/:name/csv',
    PUBLIC_ROUTE,
    signedIn(async ({ daftar }, request, reply) => {
      const name = oneOf(REPORTS, paramOf(request, 'name'));
      if (!name) throw new DaftarNotFoundError('no such report', 404);
      const query = queryOf(request);
      const text = await daftar.request<string>('GET', `/api2/reports/${name}.csv`, {
        query: Object.fromEntries(REPORT_PARAMS.map((key) => [key, one(query[key]) || undefined])),
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(text);
    }),
  );
  app.get(
    '/app/reports/:name/pdf',
    PUBLIC_ROUTE,
    signedIn(async ({ session }, request, reply) => {
      const name = oneOf(REPORTS, paramOf(request, 'name'));
      if (!name) throw new DaftarNotFoundError('no such report', 404);
      const query = queryOf(request);
      const params = new URLSearchParams({ lang: languageOf(request).lang });
      for (const key of REPORT_PARAMS) if (one(query[key])) params.set(key, one(query[key]));
      const pdf = await app.inject({
        method: 'GET',
        url: `/api2/reports/${name}.pdf?${params.toString()}`,
        headers: { authorization: `Bearer ${session}` },
      });
      if (pdf.statusCode !== 200)
        return reply
          .code(pdf.statusCode === 400 ? 400 : 503)
          .type('text/plain')
          .send(pdf.statusCode === 400 ? String(rowOf(pdf.json())?.['message'] ?? 'bad request') : 'PDF not available');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(pdf.rawPayload);
    }),
  );
  registerPages(app, { signedIn, send });
  registerPick(app, { signedIn, send });
}

/** Clients whose invoices a name search shows at most (each client is a ~1 kB record to list). */
const SEARCH_CLIENTS = 100;

/**
 * The invoice list's search box, as filters the database answers from an index (issue 21): the API's
 * `keywords` looks for the text inside seven columns of every invoice, a scan of the whole table (1–3 s
 * at a million invoices). Text with a digit is a document number, matched from its start (`12` and
 * other numbers without a leading zero are padded to the generated width: 000012); other text is a
 * client's name (or email, or number), matched in the clients (few), whose invoices are then listed.
 */
async function invoiceSearch(
  daftar: Daftar,
  text: string,
  clientId: string,
): Promise<{ filters: Record<string, string | number | number[]>; capped: boolean }> {
  if (/\d/.test(text)) {
    const start = /^[1-9]\d*$/.test(text) && text.length < NUMBER_WIDTH ? text.padStart(NUMBER_WIDTH, '0') : text;
    return { filters: { 'filter[no][gte]': start, 'filter[no][lt]': `${start}\u{10FFFF}` }, capped: false };
  }
  const found = await daftar.clients.list({ keywords: text, limit: SEARCH_CLIENTS, recursive: -1 }).page(1);
  let ids = found.data.map((row: Row) => Number(row['id']));
  if (clientId) ids = ids.filter((id) => String(id) === clientId);
  // No client matches: client 0, which no invoice has, lists none.
  return { filters: { client_id: ids.length > 0 ? ids : 0 }, capped: found.pagination.total_results > SEARCH_CLIENTS };
}

/** Accounts of one folder a folded report's detail page shows at a time. */
const FOLDER_PAGE = 100;

const REPORTS = [
  'monthly_summary',
  'profit_and_loss',
  'balance_sheet',
  'trial_balance',
  'general_ledger',
  'client_statement',
  'aged_receivables',
  'aged_payables',
  'stock_valuation',
] as const;

/** The record a report is of, named by its parameter. */
const SUBJECT_OF: Partial<Record<(typeof REPORTS)[number], 'journal_account_id' | 'client_id'>> = {
  general_ledger: 'journal_account_id',
  client_statement: 'client_id',
};

/** The kinds of account the general ledger's picker offers beside the chart's own: all but the parties'. */
const LEDGER_ENTITY_TYPES = DEFAULT_CATS.flatMap((cat) =>
  cat.entityType && cat.entityType !== 'client' && cat.entityType !== 'supplier' ? [cat.entityType] : [],
);

/** The parameters the CSV and PDF downloads pass on to the API. */
const REPORT_PARAMS = ['date_from', 'date_to', 'journal_account_id', 'client_id'] as const;

/**
 * The choice of the report's record: a client (a picker, a search box beyond PICK_ALL clients), or an
 * account of the chart (the accounts of no client or supplier, whose ledgers are their statements).
 */
async function subjectPicker(
  view: View,
  daftar: Daftar,
  subject: 'journal_account_id' | 'client_id' | undefined,
  chosen: string,
): Promise<Html> {
  if (subject === 'client_id')
    return field(
      view,
      'client',
      picker(view, await choicesOf(daftar, 'clients', [chosen]), {
        id: 'client_id',
        name: 'client_id',
        selected: chosen,
        empty: 'choose_client',
        required: true,
      }),
      'client_id',
    );
  if (subject !== 'journal_account_id') return html``;
  // The chart's own accounts and those of treasuries, stores, taxes and categories: never the one per
  // client or supplier (ten thousand at the bench's data set), whose ledger is the party's statement.
  const accounts = await Promise.all(
    [{ 'filter[entity_type][is_null]': '1' }, { 'filter[entity_type][in]': LEDGER_ENTITY_TYPES.join(',') }].map(
      (filter) =>
        daftar.request<{ data: Row[] }>('GET', '/api2/journal_accounts.json', {
          query: { ...filter, limit: 500, recursive: -1 },
        }),
    ),
  );
  const rows = accounts
    .flatMap((reply) => reply.data.map((row) => rowOf(row['JournalAccount']) ?? row))
    .sort((a, b) => String(a['code'] ?? '').localeCompare(String(b['code'] ?? '')));
  return field(
    view,
    'account',
    html`<select id="journal_account_id" name="journal_account_id" required><option value="">${t(view, 'choose_account')}</option>${rows.map((row) => html`<option value="${row['id']}"${String(row['id']) === chosen ? html` selected` : ''}>${row['code'] ?? ''} ${row['name'] ?? ''}</option>`)}</select>`,
    'journal_account_id',
  );
}

/** Exact sum of amounts as the API renders them. */
export const sumOf = (...amounts: unknown[]) =>
  formatDec(amounts.reduce<bigint>((total, value) => total + dec(String(value ?? '0') || '0'), ZERO));

export const digits = (view: View, value: number) =>
  view.lang === 'ar' && view.arabicDigits ? arabicDigits(String(value)) : String(value);

/** An amount the API rendered, or what a person typed: exact, and 0 when it is no number. */
export function dec(text: string): bigint {
  try {
    return parseDec(text || '0') ?? ZERO;
  } catch {
    return ZERO;
  }
}

export interface LineForm {
  product_id: string;
  item: string;
  quantity: string;
  unit_price: string;
  tax1: string;
  /** The line of the edited invoice this row shows ('' for a new line). */
  line_id?: string;
}

export function linesOf(form: Form): LineForm[] {
  const products = list(form['product_id']);
  const count = Math.min(200, Math.max(products.length, list(form['item']).length, list(form['quantity']).length));
  return Array.from({ length: count }, (_, i) => ({
    product_id: list(form['product_id'])[i] ?? '',
    item: list(form['item'])[i] ?? '',
    quantity: list(form['quantity'])[i] ?? '',
    unit_price: list(form['unit_price'])[i] ?? '',
    tax1: list(form['tax1'])[i] ?? '',
    line_id: list(form['line_id'])[i] ?? '',
  }));
}

/** Daftra's payment_status: -1 draft, 0 unpaid, 1 partly paid, 2 paid, 3 refunded, 4 overpaid. */
const STATUS_KEYS: Record<string, MessageKey> = {
  '-1': 'status_draft',
  0: 'status_unpaid',
  1: 'status_partial',
  2: 'status_paid',
  3: 'status_refunded',
  4: 'status_overpaid',
};

export function statusOf(view: View, status: unknown): string {
  return t(view, STATUS_KEYS[String(status)] ?? 'status_unpaid');
}

function invoiceTable(view: View, rows: Row[], currency: string): Html {
  return table(
    view,
    ['number', 'client', 'date', 'total', 'unpaid_amount', 'status'],
    rows.map((row) => [
      html`<a href="/app/invoices/${row['id']}">${ltr(view, row['no'] ?? row['id'])}</a>`,
      html`${row['client_business_name'] ?? ''}`,
      ltr(view, row['date']),
      amount(view, row['summary_total'], currency),
      amount(view, row['summary_unpaid'], currency),
      html`<span class="status s${row['payment_status']}">${statusOf(view, row['payment_status'])}</span>`,
    ]),
  );
}

/** What the form shows of a line; the rest of an edited line's writable fields travel as they are. */
const SHOWN_LINE_FIELDS = new Set(['invoice_id', 'product_id', 'item', 'quantity', 'unit_price', 'tax1']);
const KEPT_LINE_FIELDS = Object.entries(invoiceItemFields())
  .filter(([name, field]) => field.isWritable && !SHOWN_LINE_FIELDS.has(name))
  .map(([name]) => name);

/** An edited line's fields the form does not show (a description, a second tax, a discount, a store, …). */
function keptOf(line: Row | undefined): Row {
  const kept: Row = {};
  if (!line) return kept;
  for (const name of KEPT_LINE_FIELDS) if (line[name] !== null && line[name] !== undefined) kept[name] = line[name];
  // The factor follows from the unit when there is one.
  if (kept['unit_factor_id']) delete kept['unit_factor'];
  return kept;
}

/**
 * The API body of the invoice form: the client, the date and the lines that name a product or an
 * item; a line of the edited invoice (`current`) keeps what the form does not show, so an edit in the
 * console loses nothing an API client wrote.
 */
function invoiceBody(form: Form, current: Row[] = []) {
  const lines = linesOf(form).filter((line) => line.product_id || line.item);
  return {
    Invoice: { client_id: one(form['client_id']), date: one(form['date']) || undefined },
    InvoiceItem: lines.map((line) => ({
      ...keptOf(current.find((row) => line.line_id && String(row['id']) === line.line_id)),
      ...(line.product_id ? { product_id: line.product_id } : { item: line.item }),
      quantity: line.quantity,
      ...(line.unit_price ? { unit_price: line.unit_price } : {}),
      ...(line.tax1 ? { tax1: line.tax1 } : {}),
    })),
  };
}

/** The invoice (or estimate) form: new, or the edit of invoice `editing`. */
export async function invoiceForm(
  { view, daftar }: Page,
  form: Form,
  problems: Record<string, string>,
  kind: 'invoice' | 'estimate' = 'invoice',
  editing?: string,
): Promise<string> {
  const lines = linesOf(form);
  const [clients, products, taxes] = await Promise.all([
    choicesOf(daftar, 'clients', [one(form['client_id'])]),
    choicesOf(
      daftar,
      'products',
      lines.map((line) => line.product_id),
    ),
    daftar.taxes.list({ limit: 100 }).page(1),
  ]);
  const rows = lines.length > 0 ? lines : [{ product_id: '', item: '', quantity: '1', unit_price: '', tax1: '' }];
  const taxOptions = (selected: string) =>
    html`<option value="">${t(view, 'no_tax')}</option>${taxes.data.map((tax: Row) => html`<option value="${tax['id']}"${String(tax['id']) === selected ? html` selected` : ''}>${tax['name']} (${ltr(view, tax['value'])}%)</option>`)}`;
  const line = (value: LineForm, index: number) => html`<tr class="line">
<td><label class="sr" for="product_${index}">${t(view, 'product')}</label><input id="product_${index}" name="product_search" list="product-list" placeholder="${t(view, 'choose_product')}" value="${products.rows.find((p: Row) => String(p['id']) === value.product_id)?.['name'] ?? ''}" autocomplete="off" data-products><input type="hidden" name="product_id[]" value="${value.product_id}"><input type="hidden" name="line_id[]" value="${value.line_id ?? ''}"></td>
<td><label class="sr" for="item_${index}">${t(view, 'description')}</label><input id="item_${index}" name="item[]" value="${value.item}" placeholder="${t(view, 'free_text_line')}"></td>
<td><label class="sr" for="quantity_${index}">${t(view, 'quantity')}</label><input id="quantity_${index}" name="quantity[]" inputmode="decimal" value="${value.quantity}" required></td>
<td><label class="sr" for="unit_price_${index}">${t(view, 'unit_price')}</label><input id="unit_price_${index}" name="unit_price[]" inputmode="decimal" value="${value.unit_price}"></td>
<td><label class="sr" for="tax1_${index}">${t(view, 'tax')}</label><select id="tax1_${index}" name="tax1[]">${taxOptions(value.tax1)}</select></td>
<td><button type="button" data-remove-line aria-label="${t(view, 'remove_line')}">×</button></td></tr>`;
  return layout(
    view,
    editing ? t(view, 'edit_invoice') : t(view, kind === 'estimate' ? 'new_estimate' : 'new_invoice'),
    html`
${errors(view, problems)}
<form method="post" action="${editing ? `/app/invoices/${editing}/edit` : `/app/${kind === 'estimate' ? 'estimates' : 'invoices'}`}" id="invoice-form" data-preview="/app/invoices/preview">
<input type="hidden" name="_csrf" value="${view.csrf}">
${field(view, 'client', picker(view, clients, { id: 'client_id', name: 'client_id', selected: one(form['client_id']), empty: 'choose_client' }), 'client_id')}
${field(view, 'date', html`<input id="date" name="date" type="date" value="${one(form['date'])}">`, 'date')}
<datalist id="product-list"${products.all ? '' : html` data-pick="/app/pick/products"`}>${products.rows.map((p: Row) => html`<option value="${p['name']}" data-id="${p['id']}" data-price="${p['unit_price'] ?? ''}" data-tax="${p['tax1'] ?? ''}">${p['product_code'] ?? ''} ${p['barcode'] ?? ''}</option>`)}</datalist>
<table class="lines"><caption>${t(view, 'lines')}</caption><thead><tr><th scope="col">${t(view, 'product')}</th><th scope="col">${t(view, 'description')}</th><th scope="col">${t(view, 'quantity')}</th><th scope="col">${t(view, 'unit_price')}</th><th scope="col">${t(view, 'tax')}</th><th scope="col">${t(view, 'actions')}</th></tr></thead>
<tbody>${rows.map(line)}</tbody></table>
<p><button type="button" data-add-line>${t(view, 'add_line')}</button></p>
<dl class="totals" aria-live="polite">
<dt>${t(view, 'subtotal')}</dt><dd data-total="subtotal">${ltr(view, '0')}</dd>
<dt>${t(view, 'taxes')}</dt><dd data-total="taxes">${ltr(view, '0')}</dd>
<dt>${t(view, 'total')}</dt><dd data-total="total">${ltr(view, '0')}</dd>
</dl>
<button type="submit">${t(view, kind === 'estimate' ? 'save_estimate' : 'save_invoice')}</button>
</form>`,
  );
}

/** What a sales or purchase document's page shows beside its lines, totals and payments. */
export interface DocumentPage {
  title: string;
  party: { label: MessageKey; name: unknown };
  lines: Row[];
  payments: Row[];
  /** Where the payment form posts (shown while something is unpaid, to a role that may pay). */
  payAction: string;
  /** What recording the payment changes, for the role check (`invoice_payments`, `purchase_invoices`). */
  payArea: string;
  /** Its PDF, print and share links, and anything after the payment form. */
  links: Html;
  after?: Html;
}

/** A document with its lines, totals, payments and a form to record a payment (invoices, purchase invoices). */
export function documentPage(
  view: View,
  document: Row,
  currency: string,
  treasuries: Row[],
  problems: Record<string, string>,
  shown: DocumentPage,
  flash?: string,
): string {
  const unpaid = String(document['summary_unpaid'] ?? '0');
  return layout(
    view,
    shown.title,
    html`
<p class="meta">${t(view, shown.party.label)}: <strong>${shown.party.name ?? ''}</strong> · ${t(view, 'date')}: ${ltr(view, document['date'])} · ${t(view, 'status')}: <span class="status s${document['payment_status']}" data-status="${document['payment_status']}">${statusOf(view, document['payment_status'])}</span></p>
${table(
  view,
  ['description', 'quantity', 'unit_price', 'tax', 'total'],
  shown.lines.map((line) => [
    html`${line['item'] ?? ''}`,
    ltr(view, line['quantity']),
    amount(view, line['unit_price'], currency),
    amount(view, sumOf(line['summary_tax1'], line['summary_tax2']), currency),
    amount(view, line['item_subtotal'] ?? line['subtotal'], currency),
  ]),
)}
<dl class="totals">
<dt>${t(view, 'subtotal')}</dt><dd>${amount(view, document['summary_subtotal'], currency)}</dd>
<dt>${t(view, 'discount')}</dt><dd>${amount(view, document['summary_discount'], currency)}</dd>
<dt>${t(view, 'taxes')}</dt><dd>${amount(view, sumOf(document['summary_tax1'], document['summary_tax2']), currency)}</dd>
<dt>${t(view, 'total')}</dt><dd data-total="total">${amount(view, document['summary_total'], currency)}</dd>
<dt>${t(view, 'paid_amount')}</dt><dd>${amount(view, document['summary_paid'], currency)}</dd>
<dt>${t(view, 'unpaid_amount')}</dt><dd data-total="unpaid">${amount(view, unpaid, currency)}</dd>
</dl>
<p class="actions">${shown.links}</p>
${
  shown.payments.length > 0
    ? html`<h2>${t(view, 'payments')}</h2>${table(
        view,
        ['date', 'payment_method', 'amount'],
        shown.payments.map((p) => [
          ltr(view, p['date']),
          html`${p['payment_method']}`,
          amount(view, p['amount'], currency),
        ]),
      )}`
    : ''
}
${
  dec(unpaid) > ZERO && canChange(view, shown.payArea)
    ? html`<form method="post" action="${shown.payAction}" class="card">
<h2>${t(view, 'record_payment')}</h2>${errors(view, problems)}
<input type="hidden" name="_csrf" value="${view.csrf}">
${field(view, 'amount', html`<input id="amount" name="amount" inputmode="decimal" value="${unpaid}" required>`, 'amount')}
${field(
  view,
  'payment_method',
  html`<select id="payment_method" name="payment_method">${(
    [
      ['cash', 'method_cash'],
      ['bank_transfer', 'method_bank_transfer'],
      ['credit_card', 'method_card'],
    ] satisfies Array<[string, MessageKey]>
  ).map(([v, k]) => html`<option value="${v}">${t(view, k)}</option>`)}</select>`,
  'payment_method',
)}
${field(view, 'treasury', html`<select id="treasury_id" name="treasury_id">${treasuries.map((tr) => html`<option value="${tr['id']}">${tr['name']}</option>`)}</select>`, 'treasury_id')}
<button type="submit">${t(view, 'pay')}</button></form>`
    : ''
}
${shown.after ?? ''}`,
    flash,
  );
}

function invoicePage(
  view: View,
  invoice: Row,
  currency: string,
  treasuries: Row[],
  problems: Record<string, string>,
  flash?: string,
): string {
  return documentPage(
    view,
    invoice,
    currency,
    treasuries,
    problems,
    {
      title: `${t(view, 'invoice')} ${String(invoice['no'] ?? invoice['id'])}`,
      party: { label: 'client', name: invoice['client_business_name'] },
      lines: rowsOf(invoice['InvoiceItem']),
      payments: rowsOf(invoice['InvoicePayment']),
      payAction: `/app/invoices/${invoice['id']}/payments`,
      payArea: 'invoice_payments',
      links: html`${canChange(view, 'invoices') ? html`<a class="button" href="/app/invoices/${invoice['id']}/edit">${t(view, 'edit_invoice')}</a>` : ''}
<a class="button" href="/app/invoices/${invoice['id']}/pdf">${t(view, 'download_pdf')}</a>
<a class="button" href="/app/documents/invoices/${invoice['id']}/print" target="_blank" rel="noopener">${t(view, 'print')}</a>
${invoice['invoice_pdf_url'] ? html`<a class="button" href="${invoice['invoice_pdf_url']}">${t(view, 'share_link')}</a>` : ''}`,
      after: !canChange(view, 'credit_notes')
        ? html``
        : html`<form method="post" action="/app/invoices/${invoice['id']}/credit-note" class="inline"><input type="hidden" name="_csrf" value="${view.csrf}"><button type="submit">${t(view, 'make_credit_note')}</button></form>`,
    },
    flash,
  );
}

async function clientsPage(
  { view, daftar }: Page,
  query: Form,
  problems: Record<string, string>,
  form: Form = {},
): Promise<string> {
  const result = await daftar.clients
    .list({ limit: 50, ...(one(query['keywords']) ? { keywords: one(query['keywords']) } : {}) })
    .page(Math.max(1, Number(one(query['page'])) || 1));
  return layout(
    view,
    t(view, 'clients'),
    html`
<form method="get" class="filters" role="search">${field(view, 'search', html`<input id="keywords" name="keywords" type="search" value="${one(query['keywords'])}">`, 'keywords')}<button type="submit">${t(view, 'search')}</button></form>
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
  canChange(view, 'clients')
    ? html`<form method="post" action="/app/clients" class="card"><h2>${t(view, 'new_client')}</h2>${errors(view, problems)}
<input type="hidden" name="_csrf" value="${view.csrf}">
${field(view, 'business_name', html`<input id="business_name" name="business_name" required value="${one(form['business_name'])}">`, 'business_name')}
${field(view, 'email', html`<input id="client_email" name="email" type="email" value="${one(form['email'])}">`, 'client_email')}
${field(view, 'phone', html`<input id="phone1" name="phone1" value="${one(form['phone1'])}">`, 'phone1')}
${field(view, 'vat_number', html`<input id="bn1" name="bn1" dir="ltr" value="${one(form['bn1'])}">`, 'bn1')}
${field(view, 'city', html`<input id="city" name="city" value="${one(form['city'])}">`, 'city')}
<button type="submit">${t(view, 'save_client')}</button></form>`
    : ''
}`,
    one(query['saved']) ? t(view, 'saved') : undefined,
  );
}

async function productsPage(
  { view, daftar }: Page,
  query: Form,
  problems: Record<string, string>,
  form: Form = {},
): Promise<string> {
  const [result, taxes, site] = await Promise.all([
    daftar.products
      .list({ limit: 50, ...(one(query['keywords']) ? { keywords: one(query['keywords']) } : {}) })
      .page(Math.max(1, Number(one(query['page'])) || 1)),
    daftar.taxes.list({ limit: 100 }).page(1),
    daftar.siteInfo(),
  ]);
  const currency = String(site['currency_code'] ?? '');
  return layout(
    view,
    t(view, 'products'),
    html`
<form method="get" class="filters" role="search">${field(view, 'search', html`<input id="keywords" name="keywords" type="search" value="${one(query['keywords'])}">`, 'keywords')}<button type="submit">${t(view, 'search')}</button></form>
${table(
  view,
  ['name', 'code', 'price', 'stock', 'average_cost'],
  result.data.map((p: Row) => [
    html`<a href="/app/products/${p['id']}">${p['name']}</a>`,
    ltr(view, p['product_code'] ?? ''),
    amount(view, p['unit_price'], currency),
    ltr(view, p['stock_balance'] ?? ''),
    amount(view, p['average_price'] ?? '0', currency),
  ]),
)}
${
  canChange(view, 'products')
    ? html`<form method="post" action="/app/products" class="card"><h2>${t(view, 'new_product')}</h2>${errors(view, problems)}
<input type="hidden" name="_csrf" value="${view.csrf}">
${field(view, 'name', html`<input id="name" name="name" required value="${one(form['name'])}">`, 'name')}
${field(view, 'code', html`<input id="product_code" name="product_code" dir="ltr" value="${one(form['product_code'])}">`, 'product_code')}
${field(view, 'barcode', html`<input id="barcode" name="barcode" dir="ltr" value="${one(form['barcode'])}">`, 'barcode')}
${field(view, 'price', html`<input id="unit_price" name="unit_price[]" inputmode="decimal" value="${one(form['unit_price'])}">`, 'unit_price')}
${field(view, 'cost', html`<input id="buy_price" name="buy_price" inputmode="decimal" value="${one(form['buy_price'])}">`, 'buy_price')}
${field(view, 'tax', html`<select id="product_tax1" name="tax1"><option value="">${t(view, 'no_tax')}</option>${taxes.data.map((tax: Row) => html`<option value="${tax['id']}">${tax['name']}</option>`)}</select>`, 'product_tax1')}
<div class="field check"><input id="track_stock" name="track_stock" type="checkbox" value="1" checked><label for="track_stock">${t(view, 'track_stock')}</label></div>
${field(view, 'opening_stock', html`<input id="stock_balance" name="stock_balance" inputmode="decimal" value="${one(form['stock_balance'])}">`, 'stock_balance')}
<button type="submit">${t(view, 'save_product')}</button></form>`
    : ''
}`,
    one(query['saved']) ? t(view, 'saved') : undefined,
  );
}

/** Monthly sales and expenses as bars, drawn on the server (no chart library, no script). */
function chartSvg(view: View, months: Array<{ label: string; sales: string; expenses: string }>): Html {
  const cents = (text: string) => Number(dec(text) / 10_000n); // whole cents, for drawing only
  const max = Math.max(1, ...months.flatMap((m) => [cents(m.sales), cents(m.expenses)]));
  const width = 720;
  const height = 200;
  const slot = width / months.length;
  const bar = (value: number) => Math.round((value / max) * (height - 30));
  return html`<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${t(view, 'sales_vs_expenses')}">
${months.map(
  (
    m,
    i,
  ) => html`<g><rect class="sales" x="${Math.round(i * slot + 6)}" y="${height - 20 - bar(cents(m.sales))}" width="${Math.round(slot / 2 - 6)}" height="${bar(cents(m.sales))}"><title>${m.label} ${t(view, 'sales')}: ${m.sales}</title></rect>
<rect class="expenses" x="${Math.round(i * slot + slot / 2)}" y="${height - 20 - bar(cents(m.expenses))}" width="${Math.round(slot / 2 - 6)}" height="${bar(cents(m.expenses))}"><title>${m.label} ${t(view, 'expenses')}: ${m.expenses}</title></rect>
<text x="${Math.round(i * slot + slot / 2)}" y="${height - 5}" text-anchor="middle">${m.label.slice(5)}</text></g>`,
)}
</svg><figcaption><span class="key sales"></span> ${t(view, 'sales')} <span class="key expenses"></span> ${t(view, 'expenses')}</figcaption></figure>`;
}
