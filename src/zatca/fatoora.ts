/**
 * A client of ZATCA's Fatoora API (developer portal "e-invoicing" gateway), as its documentation and
 * published Postman collections describe it. UNTESTED against the live hosts (they cannot be reached from
 * where Daftar is built): test/zatca-fatoora.test.ts runs it against a local server that checks the
 * request shape and answers the documented replies.
 *
 * Every call: JSON body, `Accept-Version: V2`, `Accept-Language: en`; authenticated calls carry
 * `Authorization: Basic base64(binarySecurityToken:secret)`.
 *  - POST /compliance                {csr: base64(CSR PEM)}, header OTP → {requestID, binarySecurityToken, secret}
 *  - POST /compliance/invoices       {invoiceHash, uuid, invoice: base64(XML)} → validationResults
 *  - POST /production/csids          {compliance_request_id} → {binarySecurityToken, secret}
 *  - POST /invoices/reporting/single {invoiceHash, uuid, invoice}, Clearance-Status: 0 → {validationResults, reportingStatus}
 *  - POST /invoices/clearance/single {invoiceHash, uuid, invoice}, Clearance-Status: 1 → {validationResults, clearanceStatus, clearedInvoice}
 */
import type { ZatcaEnvironment } from './certificate.js';
import { isRecord } from '../guards.js';

/** The FATOORA address for a unit's stored environment; an unknown one is an error, not a request to nowhere. */
export function fatooraBaseUrl(environment: unknown): string {
  const name = String(environment);
  const known = name === 'sandbox' || name === 'simulation' || name === 'production' ? name : undefined;
  if (!known) throw new Error(`unknown ZATCA environment "${name}"`);
  return FATOORA_BASE_URLS[known];
}

export const FATOORA_BASE_URLS: Record<ZatcaEnvironment, string> = {
  sandbox: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal',
  simulation: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation',
  production: 'https://gw-fatoora.zatca.gov.sa/e-invoicing/core',
};

/** A request to Fatoora that takes longer is abandoned (and retried later). */
export const FATOORA_TIMEOUT_MS = 30_000;

export interface Credentials {
  token: string;
  secret: string;
}

export interface FatooraReply {
  status: number;
  body: Record<string, unknown> | null;
}

export interface SubmittedInvoice {
  invoiceHash: string;
  uuid: string;
  xml: string;
}

async function call(
  baseUrl: string,
  path: string,
  body: unknown,
  credentials: Credentials | null,
  headers: Record<string, string> = {},
): Promise<FatooraReply> {
  const all: Record<string, string> = {
    accept: 'application/json',
    'accept-version': 'V2',
    'accept-language': 'en',
    'content-type': 'application/json',
    ...headers,
  };
  if (credentials)
    all['authorization'] = `Basic ${Buffer.from(`${credentials.token}:${credentials.secret}`).toString('base64')}`;
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
    method: 'POST',
    headers: all,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(FATOORA_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> | null = null;
  try {
    const value: unknown = text ? JSON.parse(text) : null;
    // A reply that is no JSON object is kept as text, like one that is no JSON at all.
    parsed = value === null || isRecord(value) ? value : { raw: text.slice(0, 2000) };
  } catch {
    parsed = { raw: text.slice(0, 2000) };
  }
  return { status: response.status, body: parsed };
}

const invoiceBody = (invoice: SubmittedInvoice) => ({
  invoiceHash: invoice.invoiceHash,
  uuid: invoice.uuid,
  invoice: Buffer.from(invoice.xml, 'utf8').toString('base64'),
});

export function reportInvoice(
  baseUrl: string,
  credentials: Credentials,
  invoice: SubmittedInvoice,
): Promise<FatooraReply> {
  return call(baseUrl, '/invoices/reporting/single', invoiceBody(invoice), credentials, { 'clearance-status': '0' });
}

export function clearInvoice(
  baseUrl: string,
  credentials: Credentials,
  invoice: SubmittedInvoice,
): Promise<FatooraReply> {
  return call(baseUrl, '/invoices/clearance/single', invoiceBody(invoice), credentials, { 'clearance-status': '1' });
}

export function checkCompliance(
  baseUrl: string,
  credentials: Credentials,
  invoice: SubmittedInvoice,
): Promise<FatooraReply> {
  return call(baseUrl, '/compliance/invoices', invoiceBody(invoice), credentials);
}

export function requestComplianceCsid(baseUrl: string, otp: string, csrPem: string): Promise<FatooraReply> {
  return call(baseUrl, '/compliance', { csr: Buffer.from(csrPem, 'utf8').toString('base64') }, null, { otp });
}

export function requestProductionCsid(
  baseUrl: string,
  credentials: Credentials,
  complianceRequestId: string,
): Promise<FatooraReply> {
  return call(baseUrl, '/production/csids', { compliance_request_id: complianceRequestId }, credentials);
}

/** What a reply means for the document. */
export type Outcome =
  | { kind: 'accepted'; status: 'reported' | 'cleared'; clearedXml: string | null }
  | { kind: 'rejected' }
  /** Clearance is switched off for the taxpayer (303): report it instead. */
  | { kind: 'report-instead' }
  | { kind: 'retry'; reason: string };

export function outcomeOf(reply: FatooraReply, clearance: boolean): Outcome {
  const body = reply.body ?? {};
  if (reply.status === 200 || reply.status === 202) {
    const state = String(clearance ? body['clearanceStatus'] : body['reportingStatus']);
    if (state === 'CLEARED' || state === 'REPORTED') {
      const cleared =
        typeof body['clearedInvoice'] === 'string'
          ? Buffer.from(body['clearedInvoice'], 'base64').toString('utf8')
          : null;
      return { kind: 'accepted', status: clearance ? 'cleared' : 'reported', clearedXml: cleared };
    }
    return { kind: 'retry', reason: `answered ${reply.status} without a ${clearance ? 'CLEARED' : 'REPORTED'} status` };
  }
  if (reply.status === 303 && clearance) return { kind: 'report-instead' };
  // The same UUID and hash again (a re-send after a crash): ZATCA has it already.
  if (reply.status === 409) return { kind: 'accepted', status: clearance ? 'cleared' : 'reported', clearedXml: null };
  if (reply.status === 400) return { kind: 'rejected' };
  return { kind: 'retry', reason: `answered ${reply.status}` };
}
