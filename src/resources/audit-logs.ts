/**
 * The audit log: one row per write that succeeded (create, edit, delete, payment, token-free API
 * writes of every kind), written in the write's own transaction by `writeWith`, so a write without its
 * audit row cannot exist. Read-only over the API (`GET /api2/audit_logs.json`), for the site's owner —
 * every credential of a site (its API keys, its owner's tokens) acts as the owner.
 */
import { datetime, id, int, longText, text } from '../engine/fields.js';
import { defineResource } from '../engine/resource.js';
import { dayBound } from './common.js';

export const auditLogs = defineResource({
  name: 'audit_logs',
  model: 'AuditLog',
  title: 'Audit log entry',
  table: 'audit_logs',
  operations: ['list', 'get'],
  fields: {
    created: datetime().readOnly().doc('When the write was committed (server time)'),
    credential: text(100).readOnly().doc('Which credential wrote: key:<api key id> or token:<token id>'),
    staff_id: id().readOnly().doc('0 is the site owner'),
    method: text(10).readOnly(),
    route: text(255).readOnly().doc('The path called, e.g. /api2/invoices/12.json'),
    resource: text(100).readOnly().doc('First path segment after /api2/, e.g. invoices'),
    record_id: id().readOnly().doc('The record created, edited or deleted, when the route names one'),
    status: int().readOnly().doc('HTTP status of the reply'),
    request_id: text(128).readOnly().doc('The X-Request-Id of the request, also in the server log'),
    changes: longText().readOnly().doc('What the client sent (JSON; passwords and secrets redacted; cut at 64 KiB)'),
  },
  defaultOrder: [['id', 'desc']],
  keywordColumns: ['route', 'changes'],
  filters: { date_from: dayBound('created', '>='), date_to: dayBound('created', '<=') },
  description: 'Every successful write: who, when, which route and what was sent. Read-only.',
});
