// Tax documents (issue 16): the seller settings they print, the ZATCA phase-1 QR, rendered PDF and
// HTML in Arabic, English and bilingual, and Daftra's public links. Real server, both engines, real
// poppler (pdftotext, pdftoppm) to read what was rendered.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe } from 'node:test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { createSite } from '../src/domain/sites.js';
import { decodeTlv, encodeTlv, phase1QrText, readQrText } from '../src/domain/zatca-qr.js';
import { type TestServer, eachDatabase, it } from './support/harness.js';

/** Why the rendering tests cannot run here (poppler missing), or false. */
const popplerMissing = ['pdftotext', 'pdftoppm', 'pdfinfo'].some((tool) => spawnSync(tool, ['-v']).error)
  ? 'poppler-utils (pdftotext, pdftoppm, pdfinfo) is not installed'
  : false;

/** A 1×1 PNG (the smallest valid image) and an SVG, for the logo setting. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('ZATCA TLV', () => {
  it('encodes one-byte tags and lengths with UTF-8 values and reads them back', () => {
    const bytes = encodeTlv([
      [1, 'متجر'],
      [2, '300000000000003'],
      [9, new Uint8Array([0, 255])],
    ]);
    assert.deepEqual([...bytes.subarray(0, 2)], [1, Buffer.byteLength('متجر')]);
    assert.equal(bytes.subarray(2, 2 + 8).toString('utf8'), 'متجر');
    assert.deepEqual(
      decodeTlv(bytes).map(([tag, value]) => [tag, value.length]),
      [
        [1, 8],
        [2, 15],
        [9, 2],
      ],
    );
    assert.throws(() => encodeTlv([[1, 'x'.repeat(256)]]), /over 255/);
    assert.throws(() => encodeTlv([[0, 'x']]), /not 1-255/);
  });

  it("gives ZATCA's published phase-1 example", () => {
    // The example of ZATCA's "QR code" guideline (Bobs Records, 1000.00 with 150.00 VAT).
    const text = phase1QrText({
      sellerName: 'Bobs Records',
      vatNumber: '310122393500003',
      timestamp: '2022-04-25T15:30:00Z',
      total: 1000_000000n,
      vat: 150_000000n,
      places: 2,
    });
    assert.equal(
      text,
      'AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA==',
    );
    assert.deepEqual(
      [...readQrText(text).values()],
      ['Bobs Records', '310122393500003', '2022-04-25T15:30:00Z', '1000.00', '150.00'],
    );
  });
});

eachDatabase('Seller settings', (server) => {
  it('PUT /api2/site_info sets what tax documents print, and site_info shows it as bn1/bn2 and address keys', async () => {
    const s = server();
    const put = await s.put('/api2/site_info', {
      Site: {
        business_name: 'متجر الورد',
        bn1: '٣٠٠٠٧٥٥٨٨٧٠٠٠٠٣',
        cr_number: '1010123456',
        address1: 'طريق الملك فهد',
        city: 'الرياض',
        postal_code: '12345',
        building_number: '1234',
        district: 'العليا',
        document_language: 'ar',
        logo: `data:image/png;base64,${PNG_1X1.toString('base64')}`,
      },
    });
    assert.equal(put.status, 200, put.text);
    const site = (await s.get('/api2/site_info')).body.data.Site;
    assert.equal(site.business_name, 'متجر الورد');
    assert.equal(site.bn1, '300075588700003', 'Arabic-Indic digits are stored as ASCII');
    assert.equal(site.bn2, '1010123456');
    assert.equal(site.address1, 'طريق الملك فهد');
    assert.equal(site.city, 'الرياض');
    assert.equal(site.postal_code, '12345');
    assert.equal(site.building_number, '1234');
    assert.equal(site.district, 'العليا');
    assert.equal(site.document_language, 'ar');
    assert.match(site.site_logo, /\/api2\/site_info\/logo$/);
    const logo = await fetch(`${s.url}/api2/site_info/logo`, { headers: { apikey: s.apiKey } });
    assert.equal(logo.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await logo.arrayBuffer()), PNG_1X1);
  });

  it('refuses bad settings with a 400 naming each field, and writes none of them', async () => {
    const s = server();
    const before = (await s.get('/api2/site_info')).body.data.Site;
    const reply = await s.put('/api2/site_info', {
      Site: {
        bn1: '123',
        building_number: '12',
        city: 'جدة',
        logo: 'bm90IGFuIGltYWdl',
        document_language: 'fr',
        colour: 'red',
      },
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(Object.keys(reply.body.validation_errors).sort(), [
      'building_number',
      'colour',
      'document_language',
      'logo',
      'vat_number',
    ]);
    const after = (await s.get('/api2/site_info')).body.data.Site;
    assert.equal(after.city, before.city, 'nothing half-written');
    assert.equal((await s.put('/api2/site_info', {})).status, 400);
  });

  it('daftar site set takes the settings and a logo file', async () => {
    const s = server();
    const file = `${s.env['DAFTAR_DATA_DIR']}/logo.png`;
    (await import('node:fs')).writeFileSync(file, PNG_1X1);
    const output = JSON.parse(
      execFileSync(
        process.execPath,
        [
          'dist/src/cli.js',
          'site',
          'set',
          'default',
          'vat_number=310122393500003',
          'city=Jeddah',
          `logo=${file}`,
          'document_language=bilingual',
        ],
        { env: { ...process.env, ...s.env }, encoding: 'utf8' },
      ),
    );
    assert.equal(output.vat_number, '310122393500003');
    assert.match(output.logo, /^image\/png, \d+ bytes$/);
    const site = (await s.get('/api2/site_info')).body.data.Site;
    assert.equal(site.bn1, '310122393500003');
    assert.equal(site.city, 'Jeddah');
    assert.equal(site.document_language, 'bilingual');
    assert.throws(
      () =>
        execFileSync(process.execPath, ['dist/src/cli.js', 'site', 'set', 'default', 'vat_number=12'], {
          env: { ...process.env, ...s.env },
          stdio: 'pipe',
        }),
      /vat_number must be the 15 digits/,
    );
  });
});

const SELLER = {
  business_name: 'متجر الورد',
  vat_number: '300075588700003',
  cr_number: '1010123456',
  address1: 'طريق الملك فهد',
  building_number: '1234',
  district: 'العليا',
  city: 'الرياض',
  postal_code: '12345',
};
const LANGS = ['ar', 'en', 'bilingual'] as const;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-documents-'));
let fileCount = 0;

/** The text pdftotext reads from PDF bytes, without the bidi marks poppler puts around runs. */
function pdfText(pdf: Buffer, layout = false): string {
  const file = path.join(scratch, `doc-${++fileCount}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

function pdfPages(pdf: Buffer): number {
  const file = path.join(scratch, `doc-${++fileCount}.pdf`);
  fs.writeFileSync(file, pdf);
  return Number(
    /Pages:\s+(\d+)/.exec(
      execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )![1],
  );
}

/** Page 1 of a PDF as PNG bytes (pdftoppm). */
function pageOnePng(pdf: Buffer, dpi = 150): Buffer {
  const file = path.join(scratch, `doc-${++fileCount}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, file], {
    stdio: 'ignore',
  });
  return fs.readFileSync(`${file}.png`);
}

const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts: string },
) => { data: string } | null;

/** The text of the QR code in a PNG, read by jsQR. */
function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return (
    jsQR(
      new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
      image.width,
      image.height,
      { inversionAttempts: 'dontInvert' },
    )?.data ?? null
  );
}

async function getBytes(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

interface Books {
  tax: string;
  b2c: string;
  b2b: string;
  invoice: string;
  b2bInvoice: string;
  estimate: string;
  creditNote: string;
  refund: string;
  purchase: string;
  purchaseRefund: string;
}

async function makeBooks(s: TestServer): Promise<Books> {
  const put = await s.put('/api2/site_info', { Site: { ...SELLER, logo: PNG_1X1.toString('base64') } });
  assert.equal(put.status, 200, put.text);
  const tax = await s.create('taxes', { Tax: { name: 'ضريبة القيمة المضافة', value: 15 } });
  const b2c = await s.create('clients', { Client: { first_name: 'سارة', last_name: 'العتيبي', city: 'جدة' } });
  const b2b = await s.create('clients', {
    Client: { business_name: 'شركة النخيل', bn1: '311111111100003', address1: 'شارع التحلية', city: 'جدة' },
  });
  const lines = [
    { item: 'قهوة عربية', unit_price: '45.50', quantity: 2, tax1: tax },
    { item: 'Espresso beans 1kg', description: 'Single origin', unit_price: 120, quantity: 1, discount: 10, tax1: tax },
    { item: 'كوب فخاري', unit_price: '19.99', quantity: 3, tax1: tax },
  ];
  const invoice = await s.create('invoices', {
    Invoice: { client_id: b2c, shipping_amount: 15, notes: 'شكراً لتسوقكم' },
    InvoiceItem: lines,
    InvoicePayment: [{ amount: 100, payment_method: 'cash' }],
  });
  const b2bInvoice = await s.create('invoices', { Invoice: { client_id: b2b, due_after: 30 }, InvoiceItem: lines });
  const estimate = await s.create('estimates', { Estimate: { client_id: b2b }, InvoiceItem: lines });
  const creditNote = await s.create('credit_notes', {
    CreditNote: { client_id: b2c, subscription_id: invoice },
    InvoiceItem: [lines[0]],
  });
  const refund = await s.create('refund_receipts', {
    RefundReceipt: { client_id: b2c, subscription_id: invoice },
    InvoiceItem: [lines[2]],
  });
  const supplier = await s.create('suppliers', {
    Supplier: { business_name: 'مزارع الجنوب', bn1: '322222222200003', city: 'جازان' },
  });
  const purchase = await s.create('purchase_invoices', {
    PurchaseOrder: { supplier_id: supplier },
    PurchaseOrderItem: [{ item: 'بن خام', unit_price: 300, quantity: 2, tax1: tax }],
  });
  const purchaseRefund = await s.create('purchase_refunds', {
    PurchaseRefund: { supplier_id: supplier, subscription_id: purchase },
    PurchaseOrderItem: [{ item: 'بن خام', unit_price: 300, quantity: 1, tax1: tax }],
  });
  return { tax, b2c, b2b, invoice, b2bInvoice, estimate, creditNote, refund, purchase, purchaseRefund };
}

/** "1234.5" → "1,234.50": how a document prints an amount of the API. */
const printed = (amount: string): string => {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(`${fraction}00`).slice(0, 2)}`;
};

eachDatabase('Documents', (server) => {
  let books: Books;
  before(async () => {
    if (!popplerMissing) books = await makeBooks(server());
  });

  const kinds = () =>
    [
      ['invoices', 'Invoice', books.invoice, { ar: 'فاتورة ضريبية مبسطة', en: 'Simplified Tax Invoice' }],
      ['invoices', 'Invoice', books.b2bInvoice, { ar: 'فاتورة ضريبية', en: 'Tax Invoice' }],
      ['estimates', 'Estimate', books.estimate, { ar: 'عرض سعر', en: 'Quotation' }],
      ['credit_notes', 'CreditNote', books.creditNote, { ar: 'إشعار دائن', en: 'Credit Note' }],
      ['refund_receipts', 'RefundReceipt', books.refund, { ar: 'إيصال استرداد', en: 'Refund Receipt' }],
      ['purchase_invoices', 'PurchaseOrder', books.purchase, { ar: 'فاتورة مشتريات', en: 'Purchase Invoice' }],
      ['purchase_refunds', 'PurchaseRefund', books.purchaseRefund, { ar: 'مرتجع مشتريات', en: 'Purchase Refund' }],
    ] as const;

  it('renders every document kind in every language as a PDF whose text holds the seller, number, VAT number, title and totals', {
    skip: popplerMissing,
  }, async () => {
    const s = server();
    for (const [resource, model, id, title] of kinds()) {
      const record = (await s.get(`/api2/${resource}/${id}.json`)).body.data[model];
      for (const lang of LANGS) {
        const reply = await getBytes(`${s.url}/api2/${resource}/${id}.pdf?lang=${lang}`, { apikey: s.apiKey });
        assert.equal(reply.status, 200, `${resource} ${lang}: ${reply.body.toString().slice(0, 200)}`);
        assert.equal(reply.type, 'application/pdf');
        assert.equal(reply.body.subarray(0, 5).toString(), '%PDF-');
        const text = pdfText(reply.body);
        const where = `${resource}/${id} in ${lang}`;
        assert.ok(text.includes(SELLER.business_name), `${where}: the Arabic business name in logical order`);
        assert.ok(text.includes(record.no), `${where}: the number ${record.no}`);
        assert.ok(text.includes(SELLER.vat_number), `${where}: the VAT number`);
        assert.ok(text.includes(printed(record.summary_total)), `${where}: the total ${printed(record.summary_total)}`);
        if (lang !== 'en') assert.ok(text.includes(title.ar), `${where}: the Arabic title ${title.ar}`);
        if (lang !== 'ar') assert.ok(text.includes(title.en), `${where}: the English title ${title.en}`);
        if (title.en === 'Tax Invoice')
          assert.ok(
            !text.includes('Simplified') && !text.includes('مبسطة'),
            `${where}: a B2B invoice is not simplified`,
          );
      }
    }
  });

  it('prints lines, per-line tax, discount, shipping, totals per rate, paid and unpaid', {
    skip: popplerMissing,
  }, async () => {
    const s = server();
    const record = (await s.get(`/api2/invoices/${books.invoice}.json`)).body.data.Invoice;
    const text = pdfText(
      (await getBytes(`${s.url}/api2/invoices/${books.invoice}.pdf?lang=en`, { apikey: s.apiKey })).body,
    );
    for (const item of record.InvoiceItem) {
      assert.ok(text.includes(item.item), `line ${item.item}`);
      assert.ok(text.includes(printed(item.item_subtotal)), `line total ${item.item_subtotal}`);
      assert.ok(text.includes(printed(item.summary_tax1)), `line VAT ${item.summary_tax1}`);
    }
    for (const [label, amount] of [
      ['Discount', record.summary_discount],
      ['Shipping', '15'],
      ['Total VAT', record.summary_tax1],
      ['Paid', record.summary_paid],
      ['Balance due', record.summary_unpaid],
    ] as const) {
      assert.ok(text.includes(label), label);
      assert.ok(text.includes(`${printed(amount)} SAR`), `${label} ${printed(amount)} SAR`);
    }
    assert.equal(record.summary_paid, '100');
    assert.ok(text.includes('15%'), 'the rate');
    const credit = pdfText(
      (await getBytes(`${s.url}/api2/credit_notes/${books.creditNote}.pdf?lang=en`, { apikey: s.apiKey })).body,
    );
    assert.ok(
      credit.includes('Original invoice') && credit.includes(record.no),
      "a credit note names its invoice's number",
    );
  });

  it("puts the ZATCA QR on a Saudi sales document: its TLV gives the record's seller, VAT number, time stamp, total and VAT", {
    skip: popplerMissing,
  }, async () => {
    const s = server();
    const cases = [
      ['invoices', 'Invoice', books.invoice, LANGS],
      ['credit_notes', 'CreditNote', books.creditNote, ['ar']],
    ] as const;
    for (const [resource, model, id, langs] of cases) {
      const record = (await s.get(`/api2/${resource}/${id}.json`)).body.data[model];
      for (const lang of langs) {
        const pdf = (await getBytes(`${s.url}/api2/${resource}/${id}.pdf?lang=${lang}`, { apikey: s.apiKey })).body;
        const qr = readQr(pageOnePng(pdf));
        assert.ok(qr, `${resource} ${lang}: a QR code on page 1`);
        const fields = readQrText(qr);
        assert.deepEqual([...fields.keys()], [1, 2, 3, 4, 5]);
        assert.equal(fields.get(1), SELLER.business_name);
        assert.equal(fields.get(2), SELLER.vat_number);
        assert.equal(fields.get(3), `${record.date}T${record.created.slice(11, 19)}`);
        assert.match(fields.get(3)!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
        assert.equal(fields.get(4), printed(record.summary_total).replace(/,/g, ''));
        const vat =
          BigInt(Math.round(Number(record.summary_tax1) * 100)) +
          BigInt(Math.round(Number(record.summary_tax2 ?? 0) * 100));
        assert.equal(fields.get(5), `${vat / 100n}.${String(vat % 100n).padStart(2, '0')}`);
        // The record's qr_code_url carries the same text, encoded once more.
        const d64 = new URL(record.qr_code_url).searchParams.get('d64')!;
        assert.equal(Buffer.from(d64, 'base64').toString('utf8'), qr);
      }
    }
    const estimate = (await s.get(`/api2/estimates/${books.estimate}.json`)).body.data.Estimate;
    assert.equal(estimate.qr_code_url, null, 'an estimate is not a tax document: no QR');
    assert.ok(!(await s.get(`/api2/estimates/${books.estimate}.html`)).text.includes('<svg'));
  });

  it('renders HTML with dir, lang and left-to-right numbers', { skip: popplerMissing }, async () => {
    const s = server();
    const record = (await s.get(`/api2/invoices/${books.invoice}.json`)).body.data.Invoice;
    const ar = await s.get(`/api2/invoices/${books.invoice}.html?lang=ar`);
    assert.equal(ar.status, 200);
    assert.match(ar.headers.get('content-type')!, /^text\/html/);
    assert.match(ar.text, /<html lang="ar" dir="rtl">/);
    assert.ok(ar.text.includes(`<bdi dir="ltr">${SELLER.vat_number}</bdi>`));
    assert.ok(ar.text.includes(`<bdi dir="ltr">${record.no}</bdi>`));
    assert.ok(ar.text.includes('فاتورة ضريبية مبسطة'));
    assert.ok(ar.text.includes('<svg'), 'the QR code, inline');
    const en = await s.get(`/api2/invoices/${books.invoice}.html?lang=en`);
    assert.match(en.text, /<html lang="en" dir="ltr">/);
    assert.ok(en.text.includes('Simplified Tax Invoice') && !en.text.includes('فاتورة ضريبية مبسطة'));
    const bilingual = await s.get(`/api2/invoices/${books.invoice}.html`);
    assert.ok(
      bilingual.text.includes('Simplified Tax Invoice') && bilingual.text.includes('فاتورة ضريبية مبسطة'),
      'a Saudi site defaults to bilingual',
    );
    assert.equal(
      (await s.get(`/api2/invoices/${books.invoice}.html?lang=fr`)).body.validation_errors.lang !== undefined,
      true,
    );
    assert.equal((await s.get('/api2/invoices/999999.pdf')).status, 404);
    assert.equal((await getBytes(`${s.url}/api2/invoices/${books.invoice}.pdf`)).status, 401, 'credentials as usual');
  });

  it("gives every sales record Daftra's links; the PDF link opens without a key, only with its current hash, for its one document", {
    skip: popplerMissing,
  }, async () => {
    const s = server();
    const record = (await s.get(`/api2/invoices/${books.invoice}.json`)).body.data.Invoice;
    assert.match(
      record.invoice_html_url,
      new RegExp(`^${s.url}/invoices/preview/${books.invoice}\\?hash=\\d+\\.[0-9a-f]{32}$`),
    );
    assert.match(
      record.invoice_pdf_url,
      new RegExp(`^${s.url}/invoices/view/${books.invoice}\\.pdf\\?hash=\\d+\\.[0-9a-f]{32}$`),
    );
    assert.match(record.qr_code_url, new RegExp(`^${s.url}/qr/\\?d64=`));
    const listed = (await s.get('/api2/invoices.json?recursive=-1')).body.data.find(
      (row: any) => row.Invoice.id === books.invoice,
    ).Invoice;
    assert.equal(listed.invoice_pdf_url, record.invoice_pdf_url, 'lists carry the same links');
    for (const [resource, model, id] of [
      ['estimates', 'Estimate', books.estimate],
      ['credit_notes', 'CreditNote', books.creditNote],
      ['refund_receipts', 'RefundReceipt', books.refund],
    ] as const) {
      assert.match(
        (await s.get(`/api2/${resource}/${id}`)).body.data[model].invoice_pdf_url,
        /\/invoices\/view\/\d+\.pdf\?hash=/,
      );
    }

    const pdf = await getBytes(record.invoice_pdf_url);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    assert.ok(pdfText(pdf.body).includes(record.no));
    const html = await getBytes(record.invoice_html_url);
    assert.equal(html.status, 200);
    assert.ok(html.body.toString().includes(record.no));

    const hash = new URL(record.invoice_pdf_url).searchParams.get('hash')!;
    const wrong = hash.slice(0, -1) + (hash.endsWith('0') ? '1' : '0');
    assert.equal(
      (await getBytes(`${s.url}/invoices/view/${books.invoice}.pdf?hash=${wrong}`)).status,
      404,
      'a wrong hash',
    );
    assert.equal((await getBytes(`${s.url}/invoices/view/${books.invoice}.pdf`)).status, 404, 'no hash');
    assert.equal(
      (await getBytes(`${s.url}/invoices/view/${books.b2bInvoice}.pdf?hash=${hash}`)).status,
      404,
      "one document's hash never opens another",
    );
    assert.equal((await getBytes(`${s.url}/invoices/preview/${books.b2bInvoice}?hash=${hash}`)).status, 404);

    const other = await createSite(s.database.db, {
      subdomain: `other-${Date.now()}`,
      businessName: 'Other Co',
      currency: 'SAR',
      country: 'SA',
    });
    const otherClient = await fetch(`${s.url}/api2/clients.json`, {
      method: 'POST',
      headers: { apikey: other.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ Client: { business_name: 'X' } }),
    });
    const otherClientId = (await otherClient.json()).id;
    const otherInvoice = await fetch(`${s.url}/api2/invoices.json`, {
      method: 'POST',
      headers: { apikey: other.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ Invoice: { client_id: otherClientId }, InvoiceItem: [{ item: 'x', unit_price: 1 }] }),
    });
    const otherId = (await otherInvoice.json()).id;
    const otherRecord = (
      await (await fetch(`${s.url}/api2/invoices/${otherId}.json`, { headers: { apikey: other.apiKey } })).json()
    ).data.Invoice;
    assert.equal((await getBytes(otherRecord.invoice_pdf_url)).status, 200, "the other site's own link works");
    const otherHash = new URL(otherRecord.invoice_pdf_url).searchParams.get('hash')!;
    assert.equal(
      (await getBytes(`${s.url}/invoices/view/${books.invoice}.pdf?hash=${otherHash}`)).status,
      404,
      "another site's hash never opens our document",
    );
    assert.equal(
      (await getBytes(`${s.url}/invoices/view/${otherId}.pdf?hash=${hash}`)).status,
      404,
      "our hash never opens another site's document",
    );
    assert.equal(
      (await getBytes(`${s.url}/api2/invoices/${otherId}.pdf`, { apikey: s.apiKey })).status,
      404,
      "our key never renders another site's document",
    );

    const rotated = await s.post(`/api2/invoices/${books.invoice}/rotate_link`);
    assert.equal(rotated.status, 200, rotated.text);
    const fresh = rotated.body.data.Invoice.invoice_pdf_url;
    assert.notEqual(fresh, record.invoice_pdf_url);
    assert.equal((await getBytes(record.invoice_pdf_url)).status, 404, 'a rotated hash is a 404');
    assert.equal((await getBytes(record.invoice_html_url)).status, 404);
    assert.equal((await getBytes(fresh)).status, 200);
    assert.equal(
      (await s.get(`/api2/invoices/${books.invoice}`)).body.data.Invoice.invoice_pdf_url,
      fresh,
      'the record shows the new link',
    );
    const cli = JSON.parse(
      execFileSync(process.execPath, ['dist/src/cli.js', 'invoice', 'rotate-link', books.invoice], {
        env: { ...process.env, ...s.env },
        encoding: 'utf8',
      }),
    );
    assert.equal(cli.rotation, 2);
    assert.equal((await getBytes(fresh)).status, 404, 'rotated again from the CLI');
    assert.equal(
      (await getBytes((await s.get(`/api2/invoices/${books.invoice}`)).body.data.Invoice.invoice_pdf_url)).status,
      200,
    );
  });

  it('answers the QR of a qr_code_url as PNG and SVG', { skip: popplerMissing }, async () => {
    const s = server();
    const record = (await s.get(`/api2/invoices/${books.invoice}.json`)).body.data.Invoice;
    const png = await getBytes(record.qr_code_url);
    assert.equal(png.type, 'image/png');
    const text = readQr(png.body);
    assert.ok(text);
    assert.equal(readQrText(text).get(2), SELLER.vat_number);
    const svg = await getBytes(`${record.qr_code_url}&format=svg`);
    assert.equal(svg.type, 'image/svg+xml');
    assert.match(svg.body.toString(), /^<svg /);
    assert.equal((await getBytes(`${s.url}/qr/?d64=not-base64!`)).status, 400);
  });

  it('flows a 60-line invoice onto several pages with every line and the header on each', {
    skip: popplerMissing,
  }, async () => {
    const s = server();
    const lines = Array.from({ length: 60 }, (_, index) => ({
      item: `Line ${String(index + 1).padStart(2, '0')} صنف`,
      unit_price: index + 1,
      tax1: books.tax,
    }));
    const id = await s.create('invoices', { Invoice: { client_id: books.b2c }, InvoiceItem: lines });
    for (const lang of LANGS) {
      const pdf = (await getBytes(`${s.url}/api2/invoices/${id}.pdf?lang=${lang}`, { apikey: s.apiKey })).body;
      const pages = pdfPages(pdf);
      assert.ok(pages >= 2, `${lang}: ${pages} pages`);
      const text = pdfText(pdf);
      for (let line = 1; line <= 60; line += 1)
        assert.ok(text.includes(`Line ${String(line).padStart(2, '0')}`), `${lang}: line ${line}`);
      const perPage = text.split('\f').filter((page) => page.trim().length > 0);
      assert.equal(perPage.length, pages);
      for (const page of perPage)
        assert.ok(
          page.includes(SELLER.business_name) && page.includes(SELLER.vat_number),
          `${lang}: the header on every page`,
        );
    }
  });

  it('daftar invoice pdf writes the PDF to stdout', { skip: popplerMissing }, () => {
    const s = server();
    const pdf = execFileSync(process.execPath, ['dist/src/cli.js', 'invoice', 'pdf', books.invoice, '--lang', 'ar'], {
      env: { ...process.env, ...s.env },
    });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdfText(pdf).includes('فاتورة ضريبية مبسطة'));
    assert.throws(
      () =>
        execFileSync(process.execPath, ['dist/src/cli.js', 'invoice', 'pdf', '999999'], {
          env: { ...process.env, ...s.env },
          stdio: 'pipe',
        }),
      /no sales document/,
    );
  });
});

// A layout of one's own: DAFTAR_TEMPLATES_DIR/<layout>/document.html, chosen by the site's document_layout.
const ownLayouts = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-layouts-'));
fs.mkdirSync(path.join(ownLayouts, 'plain'));
fs.writeFileSync(
  path.join(ownLayouts, 'plain', 'document.html'),
  '<p lang="{{html_lang}}">{{L title}} {{N number}}{{#each lines}} [{{name}}={{N total}}]{{/each}}{{#if po_number}} PO{{else}} no PO{{/if}} &amp; {{seller.name}}</p>',
);

eachDatabase(
  'Document layouts',
  (server) => {
    it("renders with the site's chosen layout from DAFTAR_TEMPLATES_DIR, and an unknown one as standard", async () => {
      const s = server();
      const client = await s.create('clients', { Client: { business_name: 'Layout Co' } });
      const id = await s.create('invoices', {
        Invoice: { client_id: client },
        InvoiceItem: [{ item: 'Tea <b>', unit_price: 12 }],
      });
      const no = (await s.get(`/api2/invoices/${id}`)).body.data.Invoice.no;
      assert.equal(
        (await s.put('/api2/site_info', { Site: { business_name: 'A & B', document_layout: 'plain' } })).status,
        200,
      );
      const plain = await s.get(`/api2/invoices/${id}.html?lang=en`);
      assert.equal(
        plain.text,
        `<p lang="en"><span lang="en">Invoice</span> <bdi dir="ltr">${no}</bdi> [Tea &lt;b&gt;=<bdi dir="ltr">12.00</bdi>] no PO &amp; A &amp; B</p>`,
      );
      assert.equal((await s.put('/api2/site_info', { Site: { document_layout: 'missing-layout' } })).status, 200);
      assert.match(
        (await s.get(`/api2/invoices/${id}.html`)).text,
        /^<!doctype html>/,
        'an unknown layout renders as standard',
      );
      assert.equal(
        (await s.put('/api2/site_info', { Site: { document_layout: '../etc' } })).body.validation_errors
          .document_layout !== undefined,
        true,
      );
    });
  },
  { DAFTAR_TEMPLATES_DIR: ownLayouts },
);
