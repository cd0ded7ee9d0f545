/**
 * Routes of the docs export that are not one of the five operations: bookings' add, change_status and
 * convert_to_invoice (api2), the v2 multi-entity request (several entity operations in one request,
 * one transaction: all or nothing) and the Developers Portal's app-manager/is_active. Handlers only
 * translate HTTP to the resources' functions, like routes.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { DaftarError, notFound } from '../domain/errors.js';
import { createRecord } from '../engine/service.js';
import { bookings, changeBookingStatus, convertBookingToInvoice } from '../resources/bookings.js';
import { runMultiEntity } from './multi-entity.js';
import { createdReply, doneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { parseId, writeWith } from './routes.js';
import { renderV2Error } from './v2-errors.js';
import { sendV2 } from './v2-records.js';
import { paramsOf } from './request.js';

export const REST_ROUTES: ExtraRoute[] = [
  {
    method: 'POST',
    path: '/api2/bookings/add',
    summary:
      'Add a booking ({"Invoice": {client_id, staff_id, date, start_time, end_time}, "InvoiceItem": [{product_id}]})',
    tag: 'Booking',
  },
  {
    method: 'GET',
    path: '/api2/bookings/change_status/{bookingId}/{bookingStatus}',
    summary: "Change a booking's status: 1 confirmed, 3 canceled, 4 done",
    tag: 'Booking',
  },
  {
    method: 'GET',
    path: '/api2/bookings/convert_to_invoice/{bookingId}',
    summary: "Make an invoice of a booking's services; the booking becomes done and names the invoice",
    tag: 'Booking',
  },
  {
    method: 'POST',
    path: '/v2/api/multi-entity',
    summary: 'Several v2 entity operations (show, list, create, update, delete) in one request and one transaction',
    tag: 'v2',
  },
  {
    method: 'GET',
    path: '/v2/api/app-manager/is_active/{id}',
    summary: 'Whether an app of the Developers Portal is active on this site',
    tag: 'v2',
  },
];

export function registerRestRoutes(app: FastifyInstance, database: Database): void {
  for (const path of ['/api2/bookings/add', '/api2/bookings/add.json']) {
    app.post(path, async (request, reply) => {
      const id = await writeWith(request, database, (context) => createRecord(context, bookings, request.body));
      return reply.code(202).send(createdReply(id));
    });
  }
  // A GET that writes, as Daftra documents it; it still runs as one audited write.
  app.get('/api2/bookings/change_status/:id/:status', async (request) => {
    const { id, status } = paramsOf(request);
    const bookingId = parseId(id!, bookings);
    if (!/^\d{1,2}$/.test(status!))
      throw new DaftarError('DAFTAR_ERR_VALIDATION', 'Invalid status', {
        status: 'must be 1 (confirmed), 3 (canceled) or 4 (done)',
      });
    await writeWith(request, database, (context) => changeBookingStatus(context, bookingId, Number(status)));
    return doneReply();
  });
  app.get('/api2/bookings/convert_to_invoice/:id', async (request, reply) => {
    const bookingId = parseId(paramsOf(request)['id']!, bookings);
    const invoiceId = await writeWith(request, database, (context) => convertBookingToInvoice(context, bookingId));
    return reply.code(202).send({ ...createdReply(invoiceId), invoice_id: invoiceId });
  });

  void app.register(async (v2) => {
    v2.setErrorHandler((error, request, reply) => renderV2Error(error, request, reply));
    v2.post('/v2/api/multi-entity', async (request: FastifyRequest, reply: FastifyReply) => {
      return sendV2(reply, 200, await runMultiEntity(request, database));
    });
    v2.get('/v2/api/app-manager/is_active/:id', async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = paramsOf(request);
      if (!/^\d{1,15}$/.test(id ?? '')) throw notFound('App not found');
      // No app of the Developers Portal is installed on a self-hosted Daftar site.
      return sendV2(reply, 200, { status: false, is_active: false, app_id: Number(id) });
    });
  });
}
