/**
 * The routes Daftra shapes differently from the usual five: creating a note on an item, follow-up
 * lists by item type (and single by id on the same path), the client attendance log, and the general
 * listing. Handlers translate HTTP to the resources' functions, like routes.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { createRecord, getOne } from '../engine/service.js';
import type { ResourceSpec } from '../engine/resource.js';
import { clientAttendance } from '../resources/client-attendance.js';
import { followUpActions, followUpStatuses, listFollowUps } from '../resources/follow-ups.js';
import { generalListing } from '../resources/listing.js';
import { createNote } from '../resources/notes.js';
import { createdReply, listReply, oneReply } from './envelope.js';
import type { ExtraRoute } from './openapi.js';
import { parseId, readWith, writeWith } from './routes.js';

type Params = Record<string, string>;

export const EXTRA_ROUTES: ExtraRoute[] = [
  { method: 'POST', path: '/api2/notes/{type}/{id}', summary: 'Add New Note on an item (type: client, invoice, estimate, product, supplier, work_order, ... or its code)', tag: 'Note' },
  { method: 'GET', path: '/api2/follow_up_actions/{type}', summary: 'GET All Follow Up Actions of an item type; a numeric segment is GET Single', tag: 'Follow up action' },
  { method: 'GET', path: '/api2/follow_up_statuses/{type}', summary: 'GET All Follow Up Statuses of an item type; a numeric segment is GET Single', tag: 'Follow up status' },
  { method: 'POST', path: '/api2/client-attendance-log/store', summary: 'Add New Client-attendance-log', tag: 'Client attendance' },
  { method: 'GET', path: '/api2/listing/{model}', summary: 'GET General Listing: id → title map (Product, Timezone, dateFormats, languageCodes, Branch, Role, ...)', tag: 'Listing' },
];

function registerFollowUpReads(app: FastifyInstance, database: Database, spec: ResourceSpec): void {
  app.get(`/api2/${spec.name}/:segment`, async (request: FastifyRequest) => {
    const { segment } = request.params as Params;
    if (/^\d+(\.json)?$/.test(segment!)) {
      const id = parseId(segment!, spec);
      return oneReply(spec.model, await readWith(request, database, (context) => getOne(context, spec, id)));
    }
    const result = await readWith(request, database, (context) => listFollowUps(context, spec, segment!, request.query as Record<string, unknown>));
    return listReply(result.data, result.pagination);
  });
}

export function registerExtraRoutes(app: FastifyInstance, database: Database): void {
  for (const path of ['/api2/notes/:type/:id']) {
    app.post(path, async (request, reply) => {
      const { type, id } = request.params as Params;
      const itemId = parseId(id!, { title: 'Item' });
      const noteId = await writeWith(request, database, (context) => createNote(context, type!, itemId, request.body));
      return reply.code(202).send(createdReply(noteId));
    });
  }
  registerFollowUpReads(app, database, followUpActions);
  registerFollowUpReads(app, database, followUpStatuses);
  for (const path of ['/api2/client-attendance-log/store', '/api2/client-attendance-log/store.json']) {
    app.post(path, async (request, reply) => {
      const id = await writeWith(request, database, (context) => createRecord(context, clientAttendance, request.body ?? {}));
      return reply.code(202).send(createdReply(id));
    });
  }
  app.get('/api2/listing/:model', async (request) => {
    const { model } = request.params as Params;
    const data = await readWith(request, database, (context) => generalListing(context, model!));
    return { code: 200, result: 'successful', data };
  });
}
