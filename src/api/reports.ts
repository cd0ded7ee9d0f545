/**
 * GET /api2/reports/{name}[.json|.csv]: the reports of src/domain/reports.ts in Daftra's envelope
 * (`data.Report`), or as CSV with the `.csv` extension (or `format=csv`).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connection.js';
import { notFound } from '../domain/errors.js';
import { REPORTS, reportCsv, reportQuery } from '../domain/reports.js';
import { oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { readWith } from './routes.js';
import { paramsOf, queryOf } from './request.js';

/** Other names a report answers to. */
const ALIASES: Record<string, string> = { stock_levels: 'stock_valuation', income_statement: 'profit_and_loss', ledger: 'general_ledger' };

export const REPORT_ROUTES: ExtraRoute[] = Object.entries(REPORTS).map(([name, report]) => ({
  method: 'GET', path: `/api2/reports/${name}.json`, summary: `${report.summary}; .csv for CSV`, tag: 'Reports',
}));

export function registerReportRoutes(app: FastifyInstance, database: Database): void {
  app.get('/api2/reports/:report', async (request, reply) => {
    const raw = paramsOf(request)['report'] ?? '';
    const match = /^([a-z_]+?)(?:\.(json|csv))?$/.exec(raw);
    const name = match ? ALIASES[match[1]!] ?? match[1]! : '';
    const report = REPORTS[name];
    if (!match || !report) throw notFound(`No report named ${raw}; reports: ${Object.keys(REPORTS).join(', ')}`);
    const params = queryOf(request);
    const result = await readWith(request, database, (context) => report.run(context, reportQuery(context, params)));
    if (match[2] === 'csv' || params['format'] === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-${result.date_to}.csv"`).send(reportCsv(result));
    }
    return oneReply('Report', result);
  });
}
