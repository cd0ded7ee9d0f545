/**
 * Faults of the database rather than of the request: the connection dropped (a PostgreSQL restart,
 * failover, `pg_terminate_backend`, a pooler restart), no connection could be had, the server is out
 * of resources, or a transaction kept losing to concurrent ones. None is the client's doing, and every
 * one leaves nothing half-written (the transaction rolled back, or never started), so the client is told
 * 503 with Retry-After and may send the request again.
 */

/** Thrown when no database connection could be had (refused, timed out, the database not accepting). */
export class DatabaseUnavailable extends Error {
  readonly code = 'DAFTAR_DB_UNAVAILABLE';
  constructor(readonly reason: unknown) {
    super(`database connection failed: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** Thrown when a transaction was retried as often as allowed and still hit a serialization failure or deadlock. */
export class RetriesExhausted extends Error {
  readonly code = 'DAFTAR_DB_RETRIES_EXHAUSTED';
  constructor(
    readonly attempts: number,
    readonly last: unknown,
  ) {
    super(`gave up after ${attempts} attempts: ${last instanceof Error ? last.message : String(last)}`);
  }
}

/**
 * PostgreSQL SQLSTATEs that are the server's condition, not the statement's: class 08 (connection
 * exception), 53 (insufficient resources), 57P01–57P05 (admin/crash shutdown, cannot connect now, idle
 * session timeout), 40001/40P01 (serialization failure, deadlock: retried before they get here).
 */
function transientSqlState(code: string): boolean {
  return (
    code.startsWith('08') || code.startsWith('53') || /^57P0[1-5]$/.test(code) || code === '40001' || code === '40P01'
  );
}

/** Node socket errors and SQLite's "busy" and I/O conditions. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'DAFTAR_DB_UNAVAILABLE',
  'DAFTAR_DB_RETRIES_EXHAUSTED',
]);

/** What node-postgres says when the socket closed under a query, or a client is used after that. */
const TRANSIENT_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed|Connection ended/;

/** Whether `error` is a fault of the database's availability (→ 503 + Retry-After), not of the request. */
export function isDatabaseFault(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable || error instanceof RetriesExhausted) return true;
  if (!error || typeof error !== 'object') return false;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'string') {
    if (TRANSIENT_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && transientSqlState(code)) return true;
    if (code.startsWith('SQLITE_IOERR')) return true;
  }
  const message = 'message' in error ? error.message : undefined;
  return typeof message === 'string' && TRANSIENT_MESSAGES.test(message);
}
