/**
 * The one place errors become replies: DaftarErrors keep their code and fields, framework and database
 * errors a client can cause become 4xx, faults of the database (a dropped connection, no connection, a
 * retry budget spent) a 503 with Retry-After, and anything else is a logged 500 with no details leaked.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DaftarError, ERROR_CODES, type ErrorCode } from '../domain/errors.js';
import { isDatabaseFault } from '../db/faults.js';
import { failedReply } from './envelope.js';
import { errorCode } from '../guards.js';

/** Seconds a client is asked to wait before retrying after a fault of the database. */
export const RETRY_AFTER_SECONDS = 1;

/** The 503 of a database fault: the request did nothing, and may be sent again (docs/operations.md). */
export function unavailable(): DaftarError {
  return new DaftarError(
    'DAFTAR_ERR_UNAVAILABLE',
    'The database is unavailable or busy; nothing was written, retry the request',
    undefined,
    { 'retry-after': String(RETRY_AFTER_SECONDS) },
  );
}

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'DAFTAR_ERR_BAD_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'DAFTAR_ERR_BAD_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'DAFTAR_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'DAFTAR_ERR_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'DAFTAR_ERR_BAD_BODY',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'DAFTAR_ERR_BAD_BODY',
  FST_PARTS_LIMIT: 'DAFTAR_ERR_BODY_TOO_LARGE',
  FST_FIELDS_LIMIT: 'DAFTAR_ERR_BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'DAFTAR_ERR_BAD_BODY',
  FST_REQ_FILE_TOO_LARGE: 'DAFTAR_ERR_BODY_TOO_LARGE',
};

/** A unique-constraint violation from either engine (a race the domain checks did not see). */
function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function toDaftarError(error: unknown): DaftarError | null {
  if (error instanceof DaftarError) return error;
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
  if (mapped) return new DaftarError(mapped);
  if (
    fastifyError instanceof SyntaxError ||
    (/JSON/.test(String(fastifyError.message)) && fastifyError.statusCode === 400)
  ) {
    return new DaftarError('DAFTAR_ERR_BAD_JSON');
  }
  if (isDatabaseFault(error)) return unavailable();
  if (isUniqueViolation(error))
    return new DaftarError(
      'DAFTAR_ERR_CONFLICT',
      'A record with the same unique value was written at the same time; retry the request',
    );
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new DaftarError(
      status === 413 ? 'DAFTAR_ERR_BODY_TOO_LARGE' : status === 415 ? 'DAFTAR_ERR_MEDIA_TYPE' : 'DAFTAR_ERR_BAD_BODY',
      fastifyError.message,
    );
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toDaftarError(error);
    if (known?.code === 'DAFTAR_ERR_UNAVAILABLE' && !(error instanceof DaftarError)) {
      request.log.warn({ err: error }, 'database fault: answered 503');
    }
    if (known) {
      if (known.headers) void reply.headers(known.headers);
      return reply
        .code(known.status)
        .send(failedReply(known.status, known.message, known.code, known.validationErrors));
    }
    request.log.error({ err: error }, 'unhandled error');
    const internal = ERROR_CODES.DAFTAR_ERR_INTERNAL;
    return reply.code(500).send(failedReply(500, internal.message, 'DAFTAR_ERR_INTERNAL'));
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send(failedReply(404, 'Invalid Endpoint', 'DAFTAR_ERR_ENDPOINT'));
  });
}

/**
 * Errors the router raises before any route or error handler runs (Fastify's `frameworkErrors`): an
 * undecodable URL, an over-long path parameter. Same envelope as every other 4xx.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'DAFTAR_ERR_URL_TOO_LONG' : 'DAFTAR_ERR_BAD_URL';
  const { status, message } = ERROR_CODES[code];
  void reply.code(status).send(failedReply(status, message, code));
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (Fastify's `clientErrorHandler`):
 * headers over the size limit, a request that did not arrive within the request timeout, malformed
 * HTTP. Answered in the failed envelope, then the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'DAFTAR_ERR_TIMEOUT'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 'DAFTAR_ERR_HEADERS_TOO_LARGE'
        : 'DAFTAR_ERR_BAD_BODY';
  const { status, message } = ERROR_CODES[code];
  const body = JSON.stringify(
    failedReply(status, code === 'DAFTAR_ERR_BAD_BODY' ? 'Malformed HTTP request' : message, code),
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
