/**
 * GET /api2/invoices/{id}/einvoice.xml (and the same under credit_notes): the signed ZATCA e-invoice of
 * a document, or for a cleared standard invoice the XML ZATCA returned with its stamp. 404 in Daftra's
 * envelope when the document is not the caller's or has no e-invoice.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/connection.js';
import { notFound } from '../domain/errors.js';
import { getOne } from '../engine/service.js';
import { creditNotes, invoices } from '../resources/sales-documents.js';
import { signedXmlOf } from '../zatca/chain.js';
import { unitStatus } from '../zatca/onboarding.js';
import { oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { parseId, readWith } from './routes.js';
import { paramsOf } from './request.js';

export const EINVOICE_ROUTES: ExtraRoute[] = [invoices, creditNotes]
  .map(
    (spec): ExtraRoute => ({
      method: 'GET',
      path: `/api2/${spec.name}/{id}/einvoice.xml`,
      tag: spec.title,
      summary: 'The signed ZATCA e-invoice (UBL 2.1 XML); the cleared XML once ZATCA cleared it (docs/zatca.md)',
      responses: {
        200: { description: 'application/xml' },
        404: { description: 'No such document, or it has no e-invoice' },
      },
    }),
  )
  .concat([
    {
      method: 'GET',
      path: '/api2/einvoicing.json',
      tag: 'Site',
      summary:
        "The site's ZATCA e-invoicing unit (Daftar's own): environment, certificate (self-signed or ZATCA-issued), ICV, last hash, documents by status; never the key",
    },
  ]);

export function registerEInvoiceRoutes(app: FastifyInstance, database: Database): void {
  for (const path of ['/api2/einvoicing', '/api2/einvoicing.json']) {
    app.get(path, async (request) =>
      oneReply('EInvoicing', await readWith(request, database, (context) => unitStatus(context.db, context.siteId))),
    );
  }
  for (const spec of [invoices, creditNotes]) {
    app.get(`/api2/${spec.name}/:id/einvoice.xml`, async (request, reply) => {
      const id = parseId(paramsOf(request)['id']!, spec);
      const found = await readWith(request, database, async (context) => {
        await getOne(context, spec, id);
        return signedXmlOf(context, id);
      });
      if (!found) throw notFound(`${spec.title} ${id} has no e-invoice`);
      const xml = String(found['cleared_xml'] || found['xml']);
      return reply
        .type('application/xml; charset=utf-8')
        .header('x-einvoice-status', String(found['status']))
        .header('x-einvoice-uuid', String(found['uuid']))
        .send(xml);
    });
  }
}
