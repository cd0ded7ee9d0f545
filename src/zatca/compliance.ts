/**
 * `daftar zatca onboard`: the CSID steps of ZATCA's onboarding, for the site's active unit (its CSR made by
 * keygen):
 *  1. POST /compliance with the OTP from the Fatoora portal and the CSR → the compliance CSID, installed;
 *  2. the compliance checks: one signed sample of each document the unit issues (standard and/or
 *     simplified by the CSR's invoice type flags; invoice, credit note, debit note) to /compliance/invoices,
 *     chained among themselves (ICV 1…, PIH from "0"), never part of the site's own chain;
 *  3. POST /production/csids with the compliance request id → the production CSID, installed.
 * UNTESTED against ZATCA (docs/zatca.md); tested against the local server of test/zatca-fatoora.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { certificateFacts, normalizeCertificate } from './certificate.js';
import { sellerOf } from './document.js';
import { type Credentials, checkCompliance, requestComplianceCsid, requestProductionCsid } from './fatoora.js';
import { FIRST_PREVIOUS_HASH } from './hash.js';
import type { EInvoice, InvoiceTypeCode } from './model.js';
import { installCsid } from './onboarding.js';
import { checkRules } from './rules.js';
import { signInvoice } from './sign.js';
import { buildUnsignedXml } from './ubl.js';
import { unseal } from './vault.js';

export interface OnboardOptions {
  otp: string;
  baseUrl: string;
  /** csr.invoice.type of the unit's CSR: standard, simplified flags first. */
  invoiceType: string;
  now?: Date;
}

export interface CheckResult {
  typeCode: InvoiceTypeCode;
  standard: boolean;
  status: number;
  result: string;
}

export interface OnboardResult {
  complianceRequestId: string;
  checks: CheckResult[];
  production: boolean;
}

const million = (units: bigint) => units * 1_000_000n;

function sample(
  site: Record<string, unknown>,
  typeCode: InvoiceTypeCode,
  standard: boolean,
  icv: number,
  previousHash: string,
  now: Date,
): EInvoice {
  const seller = sellerOf(site);
  const note = typeCode !== '388';
  return {
    typeCode,
    standard,
    number: `CMP-${icv}`,
    uuid: randomUUID(),
    issueDate: now.toISOString().slice(0, 10),
    issueTime: now.toISOString().slice(11, 19),
    currency: 'SAR',
    sarRate: million(1n),
    icv,
    previousHash,
    seller,
    buyer: standard
      ? {
          name: 'Compliance check buyer',
          vatNumber: '399999999800003',
          crNumber: '',
          address: {
            street: 'Salah Al-Din',
            additionalStreet: '',
            buildingNumber: '1111',
            district: 'Al-Murooj',
            city: 'Riyadh',
            postalCode: '12222',
            countrySubentity: '',
            country: 'SA',
          },
        }
      : null,
    billingReference: note ? 'CMP-1' : '',
    noteReason: note ? 'Compliance check' : '',
    supplyDate: now.toISOString().slice(0, 10),
    paymentMeansCode: '10',
    lines: [
      {
        id: 1,
        name: 'Compliance check item',
        quantity: million(1n),
        price: million(100n),
        net: million(100n),
        allowance: 0n,
        vat: million(15n),
        category: 'S',
        percent: million(15n),
        exemptionCode: '',
        exemptionReason: '',
      },
    ],
    charges: [],
    subtotals: [
      {
        category: 'S',
        percent: million(15n),
        taxable: million(100n),
        vat: million(15n),
        exemptionCode: '',
        exemptionReason: '',
      },
    ],
    totals: {
      lineNet: million(100n),
      charges: 0n,
      taxExclusive: million(100n),
      vat: million(15n),
      vatSar: million(15n),
      taxInclusive: million(115n),
      rounding: 0n,
      payable: million(115n),
    },
  };
}

function tokenAndSecret(body: Record<string, unknown> | null, what: string): Credentials {
  const token = body?.['binarySecurityToken'];
  const secret = body?.['secret'];
  if (typeof token !== 'string' || typeof secret !== 'string')
    throw new Error(`${what}: ZATCA gave no binarySecurityToken/secret: ${JSON.stringify(body).slice(0, 500)}`);
  return { token, secret };
}

export async function onboard(
  db: Db,
  siteId: number,
  options: OnboardOptions,
  secretKey: Buffer,
): Promise<OnboardResult> {
  if (!/^[01]{4}$/.test(options.invoiceType)) throw new Error('--invoice-type is four 0/1 flags, e.g. 1100');
  const unit = await db
    .selectFrom('zatca_units')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!unit?.['csr']) throw new Error('the site has no e-invoicing unit with a CSR: run daftar zatca keygen first');
  const compliance = await requestComplianceCsid(options.baseUrl, options.otp, String(unit['csr']));
  if (compliance.status !== 200)
    throw new Error(
      `compliance CSID refused (${compliance.status}): ${JSON.stringify(compliance.body).slice(0, 1000)}`,
    );
  const credentials = tokenAndSecret(compliance.body, 'compliance CSID');
  const requestId = String(compliance.body?.['requestID'] ?? '');
  await installCsid(
    db,
    siteId,
    { certificate: credentials.token, secret: credentials.secret, kind: 'compliance', requestId },
    secretKey,
  );
  const site = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirstOrThrow();
  const certificate = certificateFacts(normalizeCertificate(credentials.token));
  const privateKey = unseal(String(unit['private_key']), secretKey);
  const kinds = [options.invoiceType[0] === '1', options.invoiceType[1] === '1'].flatMap((on, index) =>
    on ? [index === 0] : [],
  );
  const checks: CheckResult[] = [];
  let previousHash = FIRST_PREVIOUS_HASH;
  for (const standard of kinds) {
    for (const typeCode of ['388', '381', '383'] as const) {
      const einvoice = sample(site, typeCode, standard, checks.length + 1, previousHash, options.now ?? new Date());
      const problems = checkRules(einvoice, {}, []);
      if (Object.keys(problems).length > 0) throw new Error(`fix the site settings first: ${JSON.stringify(problems)}`);
      const signed = signInvoice(einvoice, buildUnsignedXml(einvoice), privateKey, certificate);
      const reply = await checkCompliance(options.baseUrl, credentials, {
        invoiceHash: signed.hash,
        uuid: einvoice.uuid,
        xml: signed.xml,
      });
      const body = reply.body ?? {};
      checks.push({
        typeCode,
        standard,
        status: reply.status,
        result: String(standard ? body['clearanceStatus'] : body['reportingStatus']),
      });
      if (reply.status !== 200 && reply.status !== 202) {
        throw new Error(
          `compliance check of ${standard ? 'standard' : 'simplified'} ${typeCode} failed (${reply.status}): ${JSON.stringify(body['validationResults'] ?? body).slice(0, 2000)}`,
        );
      }
      previousHash = signed.hash;
    }
  }
  const production = await requestProductionCsid(options.baseUrl, credentials, requestId);
  if (production.status !== 200)
    throw new Error(
      `production CSID refused (${production.status}): ${JSON.stringify(production.body).slice(0, 1000)}`,
    );
  const issued = tokenAndSecret(production.body, 'production CSID');
  await installCsid(
    db,
    siteId,
    { certificate: issued.token, secret: issued.secret, kind: 'production', requestId },
    secretKey,
  );
  return { complianceRequestId: requestId, checks, production: true };
}
