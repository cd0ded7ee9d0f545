/**
 * Errors in Daftra's v2 shapes, for the v2 routes (api/v2.ts): the one place they are written.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toDaftarError } from './errors.js';
import { sendV2 as send, v2Json } from './v2-records.js';
import { isRecord, recordAt } from '../guards.js';

/** Thrown for an entity name no declaration serves; rendered as Daftra does. */
export class UnknownEntity extends Error {}

/** Laravel's `errors`: each field to a list of messages. */
function fieldLists(fields: Record<string, unknown> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([field, problem]) => [field, [`${field} ${problem}`]]));
}

/**
 * Errors in v2's shapes. Daftra documents 401 {"message":"Unauthenticated."}, 422 {"message":"Entity
 * not saved","errors":{..}} and, for an edit of a missing record, 400 {"message":"Record not found"};
 * the rest keeps api2's status with v2's {"message": ...} body (docs/compatibility.md). A fault
 * of ours or of the database is a 503 with Retry-After, as on api2's rule for faults.
 */
export function renderV2Error(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof UnknownEntity) return send(reply, 404, { error: 'Entity Not exists' });
  const known = toDaftarError(error);
  if (!known) {
    request.log.error({ err: error }, 'unhandled error');
    return send(reply.header('retry-after', '1'), 503, { message: 'Service Unavailable' });
  }
  if (known.headers) void reply.headers(known.headers);
  switch (known.code) {
    case 'DAFTAR_ERR_AUTH_MISSING':
    case 'DAFTAR_ERR_AUTH_INVALID':
      return send(reply, 401, { message: 'Unauthenticated.' });
    case 'DAFTAR_ERR_NOT_FOUND':
      return send(reply, request.method === 'PUT' || request.method === 'POST' ? 400 : 404, {
        message: 'Record not found',
      });
    case 'DAFTAR_ERR_VALIDATION': {
      const errors = fieldLists(known.validationErrors);
      const message = request.method === 'GET' ? known.message : 'Entity not saved';
      return send(reply, 422, { message, errors });
    }
    default:
      return send(reply, known.status, { message: known.message });
  }
}

/**
 * Refusals answered before a v2 handler runs (an Idempotency-Key reused or malformed, a rate limit)
 * are written in api2's failed envelope; on a v2 route they are rewritten in v2's shape.
 */
export function inV2Shape(payload: unknown): unknown {
  if (typeof payload !== 'string' || !payload.startsWith('{"result":"failed"')) return payload;
  const failed: unknown = JSON.parse(payload);
  const message = isRecord(failed) ? failed['message'] : undefined;
  const problems = recordAt(failed, 'validation_errors');
  return v2Json(problems ? { message, errors: fieldLists(problems) } : { message });
}
