/**
 * Every error a client can cause, as values with codes. One handler (api/errors.ts) renders them
 * in Daftra's failed envelope: {"result":"failed","code":N,"message":...,"validation_errors":{...}}.
 * Every code has a row in docs/errors.md and is used in src/ (test/errors.test.ts).
 */
export const ERROR_CODES = {
  DAFTAR_ERR_AUTH_MISSING: { status: 401, message: 'Unauthorized' },
  DAFTAR_ERR_AUTH_INVALID: { status: 401, message: 'Unauthorized' },
  DAFTAR_ERR_FORBIDDEN: { status: 403, message: 'Forbidden' },
  DAFTAR_ERR_NOT_FOUND: { status: 404, message: 'Item not found' },
  DAFTAR_ERR_ENDPOINT: { status: 404, message: 'Invalid Endpoint' },
  DAFTAR_ERR_METHOD: { status: 405, message: 'Method not allowed' },
  DAFTAR_ERR_VALIDATION: { status: 400, message: 'Validation error' },
  DAFTAR_ERR_BAD_JSON: { status: 400, message: 'Invalid JSON body' },
  DAFTAR_ERR_BAD_BODY: { status: 400, message: 'Invalid request body' },
  DAFTAR_ERR_HAS_TRANSACTIONS: { status: 400, message: "Can't delete item. Remove its transactions first." },
  DAFTAR_ERR_CONFLICT: { status: 409, message: 'Conflict' },
  DAFTAR_ERR_BODY_TOO_LARGE: { status: 413, message: 'Request body is too large' },
  DAFTAR_ERR_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  DAFTAR_ERR_BAD_URL: { status: 400, message: 'Malformed request URL' },
  DAFTAR_ERR_URL_TOO_LONG: { status: 414, message: 'Request URL is too long' },
  DAFTAR_ERR_HEADERS_TOO_LARGE: { status: 431, message: 'Request headers are too large' },
  DAFTAR_ERR_TIMEOUT: { status: 408, message: 'Request took too long to arrive' },
  DAFTAR_ERR_IDEMPOTENCY: { status: 422, message: 'Idempotency key reused with a different request' },
  DAFTAR_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests' },
  DAFTAR_ERR_INTERNAL: { status: 500, message: 'Internal Server Error' },
  DAFTAR_ERR_UNAVAILABLE: { status: 503, message: 'Service unavailable' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldErrors = Record<string, string>;

export class DaftarError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly validationErrors: FieldErrors | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, validationErrors?: FieldErrors, headers?: Record<string, string>) {
    super(message ?? ERROR_CODES[code].message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.validationErrors = validationErrors;
    this.headers = headers;
  }
}

export function notFound(message = 'Item not found'): DaftarError {
  return new DaftarError('DAFTAR_ERR_NOT_FOUND', message);
}

/** A 400 naming each bad field. The message repeats the first problem so a log line is useful alone. */
export function validationError(fields: FieldErrors): DaftarError {
  const [first] = Object.entries(fields);
  const message = first ? `Validation error: ${first[0]} ${first[1]}` : 'Validation error';
  return new DaftarError('DAFTAR_ERR_VALIDATION', message, fields);
}

export function fieldError(field: string, problem: string): DaftarError {
  return validationError({ [field]: problem });
}

export function hasTransactions(message?: string): DaftarError {
  return new DaftarError('DAFTAR_ERR_HAS_TRANSACTIONS', message);
}
