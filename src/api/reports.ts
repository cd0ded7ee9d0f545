/**
 * GET /api2/reports/{name}[.json|.csv|.pdf]: the reports of src/domain/reports.ts in Daftra's envelope
 * (`data.Report`), as CSV with the `.csv` extension (or `format=csv`), or as PDF with `.pdf` (or
 * `format=pdf`; Typst, templates/reports/report.typ; `lang=ar` right to left). A PDF holds at most
 * PDF_ROWS_MAX rows: beyond that the answer is a 400 naming date_from (narrow the range, or take CSV).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connection.js';
import { notFound } from '../domain/errors.js';
import { type Report, REPORTS, reportCsv, reportQuery } from '../domain/reports.js';
import { validationError } from '../domain/errors.js';
import { renderReportPdf } from '../documents/pdf.js';
import { oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { readWith } from './routes.js';
import { paramsOf, queryOf } from './request.js';
import { cellLabel, isMessageKey, labelIn, translate } from '../console/i18n.js';

/** Other names a report answers to. */
const ALIASES: Record<string, string> = {
  stock_levels: 'stock_valuation',
  income_statement: 'profit_and_loss',
  ledger: 'general_ledger',
};

export const REPORT_ROUTES: ExtraRoute[] = Object.entries(REPORTS).map(([name, report]) => ({
  method: 'GET',
  path: `/api2/reports/${name}.json`,
  summary: `${report.summary}; .csv for CSV, .pdf for PDF`,
  tag: 'Reports',
}));

export function registerReportRoutes(app: FastifyInstance, database: Database): void {
  app.get('/api2/reports/:report', async (request, reply) => {
    const raw = paramsOf(request)['report'] ?? '';
    const match = /^([a-z_]+?)(?:\.(json|csv|pdf))?$/.exec(raw);
    const name = match ? (ALIASES[match[1]!] ?? match[1]!) : '';
    const report = REPORTS[name];
    if (!match || !report) throw notFound(`No report named ${raw}; reports: ${Object.keys(REPORTS).join(', ')}`);
    const params = queryOf(request);
    const result = await readWith(request, database, (context) => report.run(context, reportQuery(context, params)));
    if (match[2] === 'csv' || params['format'] === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${result.date_to}.csv"`)
        .send(reportCsv(result));
    }
    if (match[2] === 'pdf' || params['format'] === 'pdf') {
      if (result.rows.length > PDF_ROWS_MAX)
        throw validationError({
          date_from: `the report has ${result.rows.length} rows, more than a PDF holds (${PDF_ROWS_MAX}): narrow the dates or take the CSV`,
        });
      const pdf = renderReportPdf(
        pdfData(result, request.caller?.site.business_name ?? '', params['lang'] === 'ar' ? 'ar' : 'en'),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${result.date_to}.pdf"`)
        .send(pdf);
    }
    return oneReply('Report', result);
  });
}

export const PDF_ROWS_MAX = 5_000;

// The labels are the console's catalogue (src/console/i18n.ts), so a PDF says what the page says.
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The words a cell of `column` holds, in `lang`: an account's section or a document's type is labelled. */
function cellText(lang: 'ar' | 'en', column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return cellLabel(lang, column, value) ?? String(value);
}

/** The report's title in `lang`: its name's label, and what follows the English title's colon (an account, a client). */
function titleIn(lang: 'ar' | 'en', report: Report): string {
  const key = `report_${report.name}`;
  if (!isMessageKey(key)) return report.title;
  const at = report.title.indexOf(': ');
  return at < 0 ? translate(lang, key) : `${translate(lang, key)}: ${report.title.slice(at + 2)}`;
}

/** What templates/reports/report.typ prints: every cell as finished text, the labels in the PDF's language. */
function pdfData(report: Report, businessName: string, lang: 'ar' | 'en'): Record<string, unknown> {
  const rows = report.rows.map((row) => report.columns.map((column) => cellText(lang, column, row[column])));
  const numeric = report.columns.map(
    (column, index) =>
      !/_id$|^code$/.test(column) &&
      rows.length > 0 &&
      rows.every((row) => row[index] === '' || NUMBER.test(row[index]!)),
  );
  const totals = Object.entries(report.totals ?? {}).map(([key, value]) => [
    labelIn(lang, 'col_', key),
    String(value ?? ''),
  ]);
  return {
    business_name: businessName,
    title: titleIn(lang, report),
    lang,
    period: `${report.date_from ?? '…'} – ${report.date_to} · ${report.currency_code}`,
    columns: report.columns.map((column) => labelIn(lang, 'col_', column)),
    rows,
    numeric,
    totals,
    generated: new Date().toISOString().slice(0, 16).replace('T', ' '),
  };
}
