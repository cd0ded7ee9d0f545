/**
 * The console's HTML: one layout, and small helpers that escape everything they are given. Numbers,
 * dates, invoice numbers and VAT numbers are wrapped in <bdi dir="ltr"> so they stay left-to-right
 * inside Arabic text.
 */
import { type Lang, type MessageKey, arabicDigits, labelIn, translate } from './i18n.js';
import { type RoleKey, mayCall } from '../domain/staff-roles.js';

export interface View {
  lang: Lang;
  /** Show digits as Arabic-Indic ones (a setting of the console, Arabic only). */
  arabicDigits: boolean;
  csrf: string;
  /** The page's path, for the navigation's current entry. */
  path: string;
  signedIn: boolean;
  /** The sign-in's role, as the API says it (domain/staff-roles.ts): the navigation shows what it may open. */
  role?: RoleKey;
}

export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Escapes and marks up a raw HTML fragment built by this module. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A tagged template: interpolated values are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === false || value === null || value === undefined) return '';
  return escapeHtml(value);
}

export const t = (view: View, key: MessageKey, vars?: Record<string, string | number>) =>
  translate(view.lang, key, vars);

/** The label of a key the API sends, in the page's language (i18n.ts `labelIn`). */
export function labelOf(view: View, prefix: 'col_' | 'section_' | 'doc_', key: string): string {
  return labelIn(view.lang, prefix, key);
}

/** A number, an amount, a date or an id: left-to-right inside any text, in the chosen digits. */
export function ltr(view: View, value: unknown): Html {
  const text = String(value ?? '');
  return html`<bdi dir="ltr">${view.lang === 'ar' && view.arabicDigits ? arabicDigits(text) : text}</bdi>`;
}

/** An amount as the API gives it (an exact decimal string), with at least two decimals and the currency. */
export function amount(view: View, value: unknown, currency?: string): Html {
  const text = String(value ?? '0');
  const [whole = '0', fraction = ''] = text.split('.');
  const shown = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
  return html`<span class="amount">${ltr(view, shown)}${currency ? html` <span class="currency">${currency}</span>` : ''}</span>`;
}

/**
 * Whether the sign-in's role may change `area` (a resource's name): a page leaves out the forms the API
 * would refuse (domain/staff-roles.ts, the API's own rule; the API still decides every call).
 */
export function canChange(view: View, area: string): boolean {
  return view.role === undefined || mayCall(view.role, area, true);
}

/** The label of a role. */
export function roleMessage(role: RoleKey | undefined): MessageKey {
  return role === 'owner'
    ? 'role_owner'
    : role === 'sales'
      ? 'role_sales'
      : role === 'read_only'
        ? 'role_read_only'
        : 'role_full';
}

/** The pages the Sales role opens (the API refuses it the others' calls). */
const SALES_PAGES = new Set(['/app/invoices', '/app/estimates', '/app/clients', '/app/products']);

/** Whether the navigation shows `href` to `role`. */
export function pageShown(role: RoleKey | undefined, href: string): boolean {
  return role !== 'sales' || SALES_PAGES.has(href);
}

const NAV: Array<[string, MessageKey]> = [
  ['/app', 'nav_dashboard'],
  ['/app/invoices', 'nav_invoices'],
  ['/app/estimates', 'nav_estimates'],
  ['/app/clients', 'nav_clients'],
  ['/app/suppliers', 'nav_suppliers'],
  ['/app/products', 'nav_products'],
  ['/app/purchases', 'nav_purchases'],
  ['/app/expenses', 'nav_expenses'],
  ['/app/treasuries', 'nav_treasuries'],
  ['/app/reports/monthly_summary', 'nav_reports'],
  ['/app/settings', 'nav_settings'],
];

export function layout(view: View, title: string, body: Html, flash?: string): string {
  const dir = view.lang === 'ar' ? 'rtl' : 'ltr';
  const current = (href: string) =>
    href === '/app'
      ? view.path === '/app'
      : view.path.startsWith(href.replace(/\/monthly_summary$/, '')) ||
        (href === '/app/expenses' && view.path.startsWith('/app/incomes'));
  const nav = view.signedIn
    ? html`
<nav aria-label="${t(view, 'main_navigation')}"><ul>
${NAV.filter(([href]) => pageShown(view.role, href)).map(([href, key]) => html`<li><a href="${href}"${current(href) ? html` aria-current="page"` : ''}>${t(view, key)}</a></li>`)}
</ul>
<form method="post" action="/app/logout" class="inline"><input type="hidden" name="_csrf" value="${view.csrf}"><button type="submit">${t(view, 'sign_out')}</button></form>
</nav>`
    : '';
  const other: Lang = view.lang === 'ar' ? 'en' : 'ar';
  return `<!doctype html>
${html`<html lang="${view.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t(view, 'app_name')}</title>
<link rel="stylesheet" href="/app/static/app.css">
<script src="/app/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${t(view, 'skip_to_content')}</a>
<header>
<strong class="brand">${t(view, 'app_name')}</strong>
${nav}
<form method="post" action="/app/lang" class="inline lang">
<input type="hidden" name="_csrf" value="${view.csrf}">
<input type="hidden" name="back" value="${view.path}">
<button type="submit" name="lang" value="${other}" lang="${other}">${other === 'ar' ? 'العربية' : 'English'}</button>
${view.lang === 'ar' ? html`<button type="submit" name="digits" value="${view.arabicDigits ? 'latin' : 'arabic'}">${t(view, view.arabicDigits ? 'digits_latin' : 'digits_arabic')}</button>` : ''}
</form>
</header>
<main id="main">
${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<h1>${title}</h1>
${body}
</main>
</body>
</html>`}`;
}

/** A table of rows; `cells` returns the row's cells already marked up. */
export function table(view: View, headings: MessageKey[], rows: Html[][], caption?: string): Html {
  if (rows.length === 0) return html`<p>${t(view, 'nothing_yet')}</p>`;
  return html`<table>${caption ? html`<caption>${caption}</caption>` : ''}<thead><tr>${headings.map((h) => html`<th scope="col">${t(view, h)}</th>`)}</tr></thead>
<tbody>${rows.map((cells) => html`<tr>${cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table>`;
}

export function field(view: View, key: MessageKey, input: Html, id: string): Html {
  return html`<div class="field"><label for="${id}">${t(view, key)}</label>${input}</div>`;
}

export function errors(view: View, problems: Record<string, string>): Html {
  const entries = Object.entries(problems);
  if (entries.length === 0) return html``;
  return html`<div class="errors" role="alert"><p>${t(view, 'fix_fields')}</p><ul>${entries.map(([name, why]) => html`<li><code>${name}</code>: ${why}</li>`)}</ul></div>`;
}
