/**
 * Daftra's reply envelopes, exactly: key names, status codes, and ids as strings.
 */
import type { ErrorCode, FieldErrors } from '../domain/errors.js';

export const listReply = (data: unknown[], pagination: unknown) => ({
  code: 200,
  result: 'successful',
  data,
  pagination,
});
export const oneReply = (model: string, record: unknown) => ({
  code: 200,
  result: 'successful',
  data: { [model]: record },
});
export const createdReply = (id: number) => ({ code: 202, result: 'successful', id: String(id) });
export const doneReply = (message?: string) =>
  message ? { code: 200, result: 'successful', message } : { code: 200, result: 'successful' };

export interface FailedReply {
  result: 'failed';
  code: number;
  message: string;
  validation_errors?: FieldErrors;
  error_code?: ErrorCode;
}

export function failedReply(
  status: number,
  message: string,
  errorCode?: ErrorCode,
  validationErrors?: FieldErrors,
): FailedReply {
  const reply: FailedReply = { result: 'failed', code: status, message };
  if (validationErrors && Object.keys(validationErrors).length > 0) reply.validation_errors = validationErrors;
  if (errorCode) reply.error_code = errorCode;
  return reply;
}
