/**
 * `daftar zatca …`: onboarding an e-invoicing unit, its status, and one pass of the outbox. JSON on
 * stdout for scripts; the private key is never printed.
 */
import fs from 'node:fs';
import type { Config } from '../config.js';
import { siteBySubdomain } from '../domain/sites.js';
import { openMigrated } from '../server.js';
import { ENVIRONMENTS, installCsid, keygen, unitStatus } from './onboarding.js';
import { sendDue } from './outbox.js';
import { baseUrlOverride, secretKey } from './settings.js';
import { onboard } from './compliance.js';
import { fatooraBaseUrl } from './fatoora.js';
import { oneOf } from '../guards.js';

export const ZATCA_USAGE = `  daftar zatca keygen --site <subdomain> [--self-signed] [--env sandbox|simulation|production] [--replace]
                      [--branch name] [--industry name] [--invoice-type 1100]
                                      make the e-invoicing unit's key pair and the onboarding CSR (printed);
                                      --self-signed also installs a development certificate (NOT ZATCA-issued)
  daftar zatca onboard --site <subdomain> --otp <otp> [--invoice-type 1100]
                                      with the OTP of the Fatoora portal: compliance CSID, compliance checks
                                      (one signed sample per document type), production CSID, installed
                                      (UNTESTED against ZATCA's hosts: docs/zatca.md)
  daftar zatca install-csid --site <subdomain> --token <binarySecurityToken or file> --secret <secret>
                      [--production] [--request-id id]
                                      store the CSID ZATCA returned (compliance, or --production)
  daftar zatca status --site <subdomain>
                                      the unit, its certificate (self-signed or ZATCA-issued), ICV, documents by status
  daftar zatca send                   one pass of the outbox: report and clear what is due, then exit
`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function fileOrText(value: string): string {
  return fs.existsSync(value) ? fs.readFileSync(value, 'utf8').trim() : value;
}

export async function runZatcaCommand(args: string[], config: Config): Promise<number> {
  const command = args[0];
  const database = await openMigrated(config);
  try {
    if (command === 'send') {
      process.stdout.write(`${JSON.stringify(await sendDue(database, { now: Date.now() }))}\n`);
      return 0;
    }
    const subdomain = option(args, 'site');
    if (!subdomain) throw new Error('name the site: --site <subdomain>');
    const site = await siteBySubdomain(database.db, subdomain);
    if (!site) throw new Error(`no site with subdomain "${subdomain}"`);
    if (site.country_code !== 'SA')
      throw new Error(
        `site "${subdomain}" is not a Saudi site (country ${site.country_code}); ZATCA e-invoicing applies to SA`,
      );
    if (command === 'keygen') {
      const environment = oneOf(ENVIRONMENTS, option(args, 'env') ?? 'sandbox');
      if (!environment) throw new Error(`--env is one of ${ENVIRONMENTS.join(', ')}`);
      const result = await keygen(
        database.db,
        site.id,
        {
          environment,
          selfSigned: args.includes('--self-signed'),
          replace: args.includes('--replace'),
          branch: option(args, 'branch'),
          industry: option(args, 'industry'),
          invoiceType: option(args, 'invoice-type'),
        },
        secretKey(),
      );
      process.stdout.write(
        `${JSON.stringify({ site_id: site.id, unit_id: result.unitId, self_signed: result.selfSigned, common_name: result.commonName, serial_number: result.serialNumber, csr: result.csr })}\n`,
      );
      return 0;
    }
    if (command === 'onboard') {
      const otp = option(args, 'otp');
      if (!otp || !/^\d{4,10}$/.test(otp)) throw new Error('give the OTP from the Fatoora portal: --otp 123456');
      const unit = await database.db
        .selectFrom('zatca_units')
        .select('environment')
        .where('site_id', '=', site.id)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!unit) throw new Error('the site has no e-invoicing unit: run daftar zatca keygen first');
      const baseUrl = baseUrlOverride() ?? fatooraBaseUrl(unit['environment']);
      const result = await onboard(
        database.db,
        site.id,
        { otp, baseUrl, invoiceType: option(args, 'invoice-type') ?? '1100' },
        secretKey(),
      );
      process.stdout.write(
        `${JSON.stringify({ site_id: site.id, compliance_request_id: result.complianceRequestId, checks: result.checks, production_csid: result.production })}\n`,
      );
      return 0;
    }
    if (command === 'install-csid') {
      const token = option(args, 'token');
      const secret = option(args, 'secret');
      if (!token || !secret)
        throw new Error('give --token <binarySecurityToken or certificate file> and --secret <secret>');
      const result = await installCsid(
        database.db,
        site.id,
        {
          certificate: fileOrText(token),
          secret,
          kind: args.includes('--production') ? 'production' : 'compliance',
          requestId: option(args, 'request-id'),
        },
        secretKey(),
      );
      process.stdout.write(
        `${JSON.stringify({ site_id: site.id, unit_id: result.unitId, certificate_valid_until: result.notAfter })}\n`,
      );
      return 0;
    }
    if (command === 'status') {
      process.stdout.write(`${JSON.stringify({ site_id: site.id, ...(await unitStatus(database.db, site.id)) })}\n`);
      return 0;
    }
    process.stderr.write(`usage:\n${ZATCA_USAGE}`);
    return 2;
  } finally {
    await database.close();
  }
}
