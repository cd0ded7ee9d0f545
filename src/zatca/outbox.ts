/**
 * The outbox: every signed e-invoice of a unit with a ZATCA-issued CSID is written with status `pending`
 * in the document's own transaction (so none is lost), and sent from here, oldest ICV first.
 *
 * Sending, per document:
 *  1. claim it with one conditional UPDATE (pending, due, not leased → leased for LEASE_MS): only one
 *     process or pass gets it, so no document is sent twice at the same time;
 *  2. POST it (clearance for standard documents, reporting for simplified ones), outside any transaction;
 *  3. record the outcome and release the lease in one transaction: reported / cleared (with ZATCA's
 *     cleared XML) / rejected (final: correct with a note), or a retry after an exponential backoff.
 * A crash between 2 and 3 leaves the lease to expire; the document is then sent again with the same UUID
 * and hash, which ZATCA answers as a duplicate (409): recorded as accepted. That window is the only way a
 * document reaches ZATCA twice, and it is the same document.
 */
import type { Database } from '../db/connection.js';
import { nowText } from '../domain/sites.js';
import { EINVOICE_STATUS } from './chain.js';
import { type Outcome, fatooraBaseUrl, clearInvoice, outcomeOf, reportInvoice } from './fatoora.js';
import { baseUrlOverride, secretKey } from './settings.js';
import { unseal } from './vault.js';

/** How long a claimed document is left to its sender before another may take it. */
export const LEASE_MS = 120_000;
/** Documents one pass sends at most. */
export const PASS_DOCUMENTS_MAX = 100;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 3_600_000;

export interface SendOptions {
  now: number;
  /** Replaces the environment's host (tests: a local server). */
  baseUrl?: string;
  limit?: number;
}

export interface PassResult {
  sent: number;
  accepted: number;
  rejected: number;
  retried: number;
}

type Row = Record<string, unknown>;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 20));
}

async function claim(database: Database, row: Row, now: number): Promise<boolean> {
  return database.write(async (db) => {
    const result = await db
      .updateTable('zatca_documents')
      .set({ lease_until_ms: now + LEASE_MS })
      .where('site_id', '=', Number(row['site_id']))
      .where('id', '=', Number(row['id']))
      .where('status', '=', EINVOICE_STATUS.pending)
      .where('lease_until_ms', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

async function record(database: Database, row: Row, outcome: Outcome, response: unknown, now: number): Promise<void> {
  const attempts = Number(row['attempts']) + 1;
  const status =
    outcome.kind === 'accepted'
      ? outcome.status
      : outcome.kind === 'rejected'
        ? EINVOICE_STATUS.rejected
        : EINVOICE_STATUS.pending;
  const siteId = Number(row['site_id']);
  await database.write(async (db) => {
    await db
      .updateTable('zatca_documents')
      .set({
        status,
        attempts,
        lease_until_ms: 0,
        next_attempt_ms: status === EINVOICE_STATUS.pending ? now + backoffMs(attempts) : 0,
        response: JSON.stringify(response).slice(0, 65_536),
        sent: nowText(),
        ...(outcome.kind === 'accepted' && outcome.clearedXml ? { cleared_xml: outcome.clearedXml } : {}),
      })
      .where('site_id', '=', siteId)
      .where('id', '=', Number(row['id']))
      .execute();
    await db
      .updateTable('invoices')
      .set({ einvoice_status: status })
      .where('site_id', '=', siteId)
      .where('id', '=', Number(row['invoice_id']))
      .execute();
  });
}

async function send(row: Row, unit: Row, baseUrl: string): Promise<{ outcome: Outcome; response: unknown }> {
  const credentials = { token: String(unit['csid_token']), secret: unseal(String(unit['csid_secret']), secretKey()) };
  const invoice = { invoiceHash: String(row['hash']), uuid: String(row['uuid']), xml: String(row['xml']) };
  try {
    const standard = Number(row['standard']) === 1;
    let reply = await (standard ? clearInvoice : reportInvoice)(baseUrl, credentials, invoice);
    let outcome = outcomeOf(reply, standard);
    if (outcome.kind === 'report-instead') {
      reply = await reportInvoice(baseUrl, credentials, invoice);
      outcome = outcomeOf(reply, false);
    }
    return { outcome, response: { status: reply.status, body: reply.body } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { outcome: { kind: 'retry', reason }, response: { error: reason } };
  }
}

/** One pass over every site's due documents. */
export async function sendDue(database: Database, options: SendOptions): Promise<PassResult> {
  const result: PassResult = { sent: 0, accepted: 0, rejected: 0, retried: 0 };
  const due = await database.db
    .selectFrom('zatca_documents')
    .selectAll()
    .where('status', '=', EINVOICE_STATUS.pending)
    .where('next_attempt_ms', '<=', options.now)
    .where('lease_until_ms', '<=', options.now)
    .orderBy('unit_id')
    .orderBy('icv')
    .limit(options.limit ?? PASS_DOCUMENTS_MAX)
    .execute();
  for (const row of due) {
    if (!(await claim(database, row, options.now))) continue;
    const unit = await database.db
      .selectFrom('zatca_units')
      .selectAll()
      .where('site_id', '=', Number(row['site_id']))
      .where('id', '=', Number(row['unit_id']))
      .executeTakeFirstOrThrow();
    const baseUrl = options.baseUrl ?? baseUrlOverride() ?? fatooraBaseUrl(unit['environment']);
    const { outcome, response } = await send(row, unit, baseUrl);
    await record(database, row, outcome, response, Date.now());
    result.sent += 1;
    if (outcome.kind === 'accepted') result.accepted += 1;
    else if (outcome.kind === 'rejected') result.rejected += 1;
    else result.retried += 1;
  }
  return result;
}

/** The background sender of a server process; returns its stop function. */
export function startSender(
  database: Database,
  intervalMs: number,
  log: (message: string) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => sendDue(database, { now: Date.now() }))
      .catch((error: unknown) => {
        log(`zatca outbox: ${error instanceof Error ? error.message : String(error)}`);
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
