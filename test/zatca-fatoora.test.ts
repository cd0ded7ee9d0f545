// The Fatoora client and the outbox, against a local HTTP server that checks each request's shape
// (headers, Basic credentials, body) and answers ZATCA's documented replies. The live Fatoora hosts are
// not reachable from here: this is all the exchange is tested against (docs/zatca.md).
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { unitStatus } from '../src/zatca/onboarding.js';
import { onboard } from '../src/zatca/compliance.js';
import { type CsrSubject, csrPublicKey, generateEgsKeyPair, issueCertificate } from '../src/zatca/certificate.js';
import { sendDue, LEASE_MS } from '../src/zatca/outbox.js';
import { phase2PrintOf, phase2QrFor } from '../src/zatca/chain.js';
import { parseSecretKey } from '../src/zatca/vault.js';
import { eachDatabase, it } from './support/harness.js';
import {
  SECRET_HEX,
  type SaudiSite,
  ZATCA_ENV,
  independentHash,
  setupSaudiSite,
  signatureProblems,
} from './support/zatca.js';

const CSID_SECRET = 'Dehvg1fc7ibh4Lf2f2sC/H0W8bNEYZ6lYa5rJ0yx3zA=';

interface Seen {
  path: string;
  uuid: string;
  status: number;
}

const CA: CsrSubject = {
  commonName: 'Fake ZATCA CA',
  serialNumber: '1-fake|2-fake|3-fake',
  organizationIdentifier: '300000000000003',
  organizationUnit: 'CA',
  organizationName: 'Fake ZATCA',
  country: 'SA',
  invoiceType: '1100',
  location: 'Riyadh',
  industry: 'Tax',
};

/** A local stand-in for Fatoora: checks the request, then answers as ZATCA documents it. */
class FakeFatoora {
  server = http.createServer((request, response) => {
    void this.handle(request, response);
  });
  seen: Seen[] = [];
  problems: string[] = [];
  /** Answers to give next, whatever the request (e.g. a 503). */
  forced: number[] = [];
  reject = new Set<string>();
  token = '';
  accepted = new Set<string>();
  complianceToken = '';
  complianceChecks: Array<{ uuid: string; icv: string; pih: string; flags: string; status: number }> = [];
  private ca = generateEgsKeyPair();
  private publicKey: Buffer | null = null;

  /** A certificate "ZATCA" issues for the CSR's key, as its binarySecurityToken (base64 of the base64 DER). */
  private issue(publicKey: Buffer): string {
    return Buffer.from(issueCertificate(CA, publicKey, CA, this.ca.privateKeyPem)).toString('base64');
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/e-invoicing/core`;
  }

  private check(condition: boolean, problem: string): void {
    if (!condition) this.problems.push(problem);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const reply = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const path = (request.url ?? '').replace('/e-invoicing/core', '');
    const h = request.headers;
    this.check(request.method === 'POST', `method ${request.method}`);
    this.check(h['accept-version'] === 'V2', `Accept-Version ${h['accept-version']}`);
    this.check(h['content-type'] === 'application/json', `Content-Type ${h['content-type']}`);
    this.check(h['accept-language'] === 'en', `Accept-Language ${h['accept-language']}`);
    if (path === '/compliance') {
      this.check(h['otp'] === '123345', 'OTP header');
      this.check(!h['authorization'], 'no credentials before the compliance CSID');
      const csr = Buffer.from(JSON.parse(raw).csr, 'base64').toString();
      this.check(csr.startsWith('-----BEGIN CERTIFICATE REQUEST-----'), 'csr is base64 of the PEM');
      this.publicKey = csrPublicKey(csr);
      this.complianceToken = this.issue(this.publicKey);
      return reply(200, {
        requestID: 1234567890123,
        dispositionMessage: 'ISSUED',
        binarySecurityToken: this.complianceToken,
        secret: 'compliance-secret',
        errors: null,
      });
    }
    const complianceAuth = `Basic ${Buffer.from(`${this.complianceToken}:compliance-secret`).toString('base64')}`;
    if (path === '/compliance/invoices' || path === '/production/csids') {
      if (h['authorization'] !== complianceAuth) return reply(401, { status: 401, error: 'Unauthorized' });
      const body = JSON.parse(raw);
      if (path === '/production/csids') {
        this.check(
          body.compliance_request_id === '1234567890123',
          `compliance_request_id ${body.compliance_request_id}`,
        );
        this.check(
          this.complianceChecks.length === 6,
          `production CSID asked after ${this.complianceChecks.length} compliance checks`,
        );
        this.token = this.issue(this.publicKey!);
        return reply(200, {
          requestID: 30368,
          tokenType: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3',
          dispositionMessage: 'ISSUED',
          binarySecurityToken: this.token,
          secret: CSID_SECRET,
          errors: null,
        });
      }
      const xml = Buffer.from(body.invoice, 'base64').toString('utf8');
      this.check(independentHash(xml) === body.invoiceHash, 'compliance invoiceHash');
      for (const problem of signatureProblems(xml)) this.problems.push(`compliance check: ${problem}`);
      const flags = /name="(\d{7})"/.exec(xml)![1]!;
      const pih = /<cbc:ID>PIH<\/cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml)![1]!;
      const icv = /<cbc:ID>ICV<\/cbc:ID><cbc:UUID>(\d+)</.exec(xml)![1]!;
      this.complianceChecks.push({ uuid: body.uuid, icv, pih, flags, status: 200 });
      const pass = { infoMessages: [], warningMessages: [], errorMessages: [], status: 'PASS' };
      return reply(
        200,
        flags.startsWith('01')
          ? { validationResults: pass, clearanceStatus: 'CLEARED', clearedInvoice: body.invoice }
          : { validationResults: pass, reportingStatus: 'REPORTED' },
      );
    }
    const expected = `Basic ${Buffer.from(`${this.token}:${CSID_SECRET}`).toString('base64')}`;
    if (h['authorization'] !== expected)
      return reply(401, { timestamp: Date.now(), status: 401, error: 'Unauthorized', message: '' });
    const clearance = path === '/invoices/clearance/single';
    this.check(clearance || path === '/invoices/reporting/single', `path ${path}`);
    this.check(
      h['clearance-status'] === (clearance ? '1' : '0'),
      `Clearance-Status ${h['clearance-status']} on ${path}`,
    );
    const body = JSON.parse(raw);
    this.check(Object.keys(body).sort().join() === 'invoice,invoiceHash,uuid', `body keys ${Object.keys(body)}`);
    const xml = Buffer.from(body.invoice, 'base64').toString('utf8');
    this.check(xml.includes(`<cbc:UUID>${body.uuid}</cbc:UUID>`), 'invoice carries the uuid');
    this.check(independentHash(xml) === body.invoiceHash, 'invoiceHash is the hash of the invoice');
    for (const problem of signatureProblems(xml)) this.problems.push(`${path}: ${problem}`);
    const forced = this.forced.shift();
    const status =
      forced ?? (this.reject.has(body.uuid) ? 400 : this.accepted.has(body.uuid) ? 409 : clearance ? 200 : 200);
    this.seen.push({ path, uuid: body.uuid, status });
    const pass = {
      infoMessages: [
        {
          type: 'INFO',
          code: 'XSD_ZATCA_VALID',
          category: 'XSD validation',
          message: 'Complied with UBL 2.1 standards in line with ZATCA specifications',
          status: 'PASS',
        },
      ],
      warningMessages: [],
      errorMessages: [],
      status: 'PASS',
    };
    if (status >= 500) return reply(status, { message: 'Service unavailable' });
    if (status === 409)
      return reply(409, {
        validationResults: {
          ...pass,
          status: 'ERROR',
          errorMessages: [
            { type: 'ERROR', code: 'Invoice-Errors', message: 'Invoice was already submitted', status: 'ERROR' },
          ],
        },
      });
    if (status === 400) {
      const failed = {
        ...pass,
        status: 'ERROR',
        errorMessages: [
          {
            type: 'ERROR',
            code: 'BR-KSA-37',
            category: 'KSA',
            message: 'The seller address building number must contain 4 digits.',
            status: 'ERROR',
          },
        ],
      };
      return reply(
        400,
        clearance
          ? { validationResults: failed, clearanceStatus: 'NOT_CLEARED', clearedInvoice: null }
          : { validationResults: failed, reportingStatus: 'NOT_REPORTED' },
      );
    }
    this.accepted.add(body.uuid);
    if (clearance)
      return reply(200, {
        validationResults: pass,
        clearanceStatus: 'CLEARED',
        clearedInvoice: Buffer.from(xml.replace('</Invoice>', '<!-- cleared by the fake -->\n</Invoice>')).toString(
          'base64',
        ),
      });
    return reply(200, { validationResults: pass, reportingStatus: 'REPORTED' });
  }
}

eachDatabase(
  'ZATCA outbox and Fatoora client (local server)',
  (server) => {
    const fatoora = new FakeFatoora();
    let baseUrl: string;
    let site: SaudiSite;
    const documents = () =>
      server()
        .database.db.selectFrom('zatca_documents')
        .selectAll()
        .where('site_id', '=', site.siteId)
        .orderBy('icv')
        .execute();
    const create = (client: string, item: string) =>
      server().create('invoices', {
        Invoice: { client_id: client },
        InvoiceItem: [{ item, unit_price: '100', quantity: 1, tax1: site.vat }],
      });

    before(async () => {
      baseUrl = await fatoora.start();
      const db = server().database.db;
      site = await setupSaudiSite(server(), db, { selfSigned: false });
    });
    after(() => new Promise<void>((resolve) => fatoora.server.close(() => resolve())));

    it('onboards: compliance CSID with the OTP, six chained compliance checks, the production CSID installed', async () => {
      const db = server().database.db;
      assert.equal((await unitStatus(db, site.siteId))['certificate'], 'none');
      const result = await onboard(
        db,
        site.siteId,
        { otp: '123345', baseUrl, invoiceType: '1100' },
        parseSecretKey(SECRET_HEX),
      );
      assert.deepEqual(fatoora.problems, []);
      assert.equal(result.checks.length, 6);
      assert.ok(result.checks.every((check) => check.status === 200));
      assert.deepEqual(
        fatoora.complianceChecks.map((check) => check.flags),
        ['0100000', '0100000', '0100000', '0200000', '0200000', '0200000'],
      );
      assert.deepEqual(
        fatoora.complianceChecks.map((check) => check.icv),
        ['1', '2', '3', '4', '5', '6'],
      );
      const status = await unitStatus(db, site.siteId);
      assert.equal(status['certificate'], 'production');
      assert.equal(status['zatca_issued'], true);
      assert.equal(status['icv'], 0, "compliance checks are not part of the site's chain");
      const unit = await db
        .selectFrom('zatca_units')
        .select(['certificate', 'csid_secret'])
        .where('site_id', '=', site.siteId)
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      assert.equal(
        Buffer.from(String(unit['certificate'])).toString('base64'),
        fatoora.token,
        'the production CSID is installed',
      );
      assert.ok(!String(unit['csid_secret']).includes(CSID_SECRET), 'the secret is sealed');
    });

    it('clears standard and reports simplified documents once each, and keeps the cleared XML', async () => {
      const standard = await create(site.business, 'Server rack');
      const simplified = [await create(site.person, 'Cable'), await create(site.person, 'Mouse')];
      assert.equal(
        (await server().get(`/api2/invoices/${standard}.json`)).body.data.Invoice.einvoice_status,
        'pending',
      );
      const pass = await sendDue(server().database, { now: Date.now(), baseUrl });
      assert.deepEqual(pass, { sent: 3, accepted: 3, rejected: 0, retried: 0 });
      assert.deepEqual(fatoora.problems, []);
      assert.deepEqual(
        fatoora.seen.map((seen) => seen.path),
        ['/invoices/clearance/single', '/invoices/reporting/single', '/invoices/reporting/single'],
      );
      assert.equal(
        (await server().get(`/api2/invoices/${standard}.json`)).body.data.Invoice.einvoice_status,
        'cleared',
      );
      for (const id of simplified)
        assert.equal((await server().get(`/api2/invoices/${id}.json`)).body.data.Invoice.einvoice_status, 'reported');
      const xml = await server().get(`/api2/invoices/${standard}/einvoice.xml`);
      assert.match(xml.text, /cleared by the fake/);
      assert.equal(xml.headers.get('x-einvoice-status'), 'cleared');
      const again = await sendDue(server().database, { now: Date.now() + 10 * LEASE_MS, baseUrl });
      assert.equal(again.sent, 0, 'nothing is sent twice');
      assert.match(
        (await phase2QrFor({ db: server().database.db, siteId: site.siteId }, Number(standard)))!,
        /^[A-Za-z0-9+/]+=*$/,
      );
      assert.equal(
        (await phase2PrintOf({ db: server().database.db, siteId: site.siteId }, Number(standard)))!.xml,
        xml.text,
        'the PDF attaches the cleared XML',
      );
    });

    it('retries after a 503 with a backoff, and records a 400 as rejected with its validation results', async () => {
      fatoora.seen = [];
      const flaky = await create(site.person, 'Keyboard');
      fatoora.forced.push(503);
      const now = Date.now();
      assert.deepEqual(await sendDue(server().database, { now, baseUrl }), {
        sent: 1,
        accepted: 0,
        rejected: 0,
        retried: 1,
      });
      const [row] = (await documents()).filter((doc) => Number(doc['invoice_id']) === Number(flaky));
      assert.equal(row!['status'], 'pending');
      assert.equal(Number(row!['attempts']), 1);
      assert.ok(Number(row!['next_attempt_ms']) > now, 'waits before the next attempt');
      assert.equal((await sendDue(server().database, { now, baseUrl })).sent, 0, 'not before its time');
      assert.equal(
        (await sendDue(server().database, { now: Number(row!['next_attempt_ms']) + 1, baseUrl })).accepted,
        1,
      );
      const refused = await create(site.person, 'Monitor');
      const [refusedRow] = (await documents()).filter((doc) => Number(doc['invoice_id']) === Number(refused));
      fatoora.reject.add(String(refusedRow!['uuid']));
      assert.equal((await sendDue(server().database, { now: Date.now(), baseUrl })).rejected, 1);
      const record = (await server().get(`/api2/invoices/${refused}.json`)).body.data.Invoice;
      assert.equal(record.einvoice_status, 'rejected');
      const [stored] = (await documents()).filter((doc) => Number(doc['invoice_id']) === Number(refused));
      assert.match(String(stored!['response']), /BR-KSA-37/);
      assert.equal(
        (await sendDue(server().database, { now: Date.now() + 100 * LEASE_MS, baseUrl })).sent,
        0,
        'a rejection is final',
      );
      assert.deepEqual(fatoora.problems, []);
    });

    it('two concurrent senders send each document once; after a crash mid-send the resend is the same document, recorded once', async () => {
      fatoora.seen = [];
      for (let index = 0; index < 8; index += 1)
        await create(index % 2 ? site.person : site.business, `Batch ${index}`);
      const now = Date.now();
      const passes = await Promise.all([
        sendDue(server().database, { now, baseUrl }),
        sendDue(server().database, { now, baseUrl }),
      ]);
      assert.equal(passes[0]!.sent + passes[1]!.sent, 8);
      const uuids = fatoora.seen.map((seen) => seen.uuid);
      assert.equal(new Set(uuids).size, 8);
      assert.equal(uuids.length, 8, 'no document sent twice');
      // A sender that claimed a document, sent it and crashed before recording the reply.
      const crashed = await create(site.person, 'Crash');
      const [row] = (await documents()).filter((doc) => Number(doc['invoice_id']) === Number(crashed));
      fatoora.accepted.add(String(row!['uuid']));
      await server()
        .database.db.updateTable('zatca_documents')
        .set({ lease_until_ms: now + LEASE_MS })
        .where('id', '=', Number(row!['id']))
        .execute();
      assert.equal(
        (await sendDue(server().database, { now, baseUrl })).sent,
        0,
        'the lease holds it while its sender may still answer',
      );
      const later = await sendDue(server().database, { now: now + LEASE_MS + 1, baseUrl });
      assert.deepEqual(later, { sent: 1, accepted: 1, rejected: 0, retried: 0 });
      assert.equal(fatoora.seen.at(-1)!.status, 409, 'ZATCA already had it');
      assert.equal(
        (await server().get(`/api2/invoices/${crashed}.json`)).body.data.Invoice.einvoice_status,
        'reported',
      );
      assert.deepEqual(fatoora.problems, []);
    });
  },
  ZATCA_ENV,
);
