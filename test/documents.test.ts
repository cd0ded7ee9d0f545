// Tax documents (issue 16): the seller settings they print, the ZATCA phase-1 QR, rendered PDF and
// HTML in Arabic, English and bilingual, and Daftra's public links. Real server, both engines, real
// poppler (pdftotext, pdftoppm) to read what was rendered.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { decodeTlv, encodeTlv, phase1QrText, readQrText } from '../src/domain/zatca-qr.js';
import { eachDatabase } from './support/harness.js';

/** A 1×1 PNG (the smallest valid image) and an SVG, for the logo setting. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('ZATCA TLV', () => {
  it('encodes one-byte tags and lengths with UTF-8 values and reads them back', () => {
    const bytes = encodeTlv([[1, 'متجر'], [2, '300000000000003'], [9, new Uint8Array([0, 255])]]);
    assert.deepEqual([...bytes.subarray(0, 2)], [1, Buffer.byteLength('متجر')]);
    assert.equal(bytes.subarray(2, 2 + 8).toString('utf8'), 'متجر');
    assert.deepEqual(decodeTlv(bytes).map(([tag, value]) => [tag, value.length]), [[1, 8], [2, 15], [9, 2]]);
    assert.throws(() => encodeTlv([[1, 'x'.repeat(256)]]), /over 255/);
    assert.throws(() => encodeTlv([[0, 'x']]), /not 1-255/);
  });

  it("gives ZATCA's published phase-1 example", () => {
    // The example of ZATCA's "QR code" guideline (Bobs Records, 1000.00 with 150.00 VAT).
    const text = phase1QrText({ sellerName: 'Bobs Records', vatNumber: '310122393500003', timestamp: '2022-04-25T15:30:00Z', total: 1000_000000n, vat: 150_000000n, places: 2 });
    assert.equal(text, 'AQxCb2JzIFJlY29yZHMCDzMxMDEyMjM5MzUwMDAwMwMUMjAyMi0wNC0yNVQxNTozMDowMFoEBzEwMDAuMDAFBjE1MC4wMA==');
    assert.deepEqual([...readQrText(text).values()], ['Bobs Records', '310122393500003', '2022-04-25T15:30:00Z', '1000.00', '150.00']);
  });
});

eachDatabase('Seller settings', (server) => {
  it('PUT /api2/site_info sets what tax documents print, and site_info shows it as bn1/bn2 and address keys', async () => {
    const s = server();
    const put = await s.put('/api2/site_info', { Site: {
      business_name: 'متجر الورد', bn1: '٣٠٠٠٧٥٥٨٨٧٠٠٠٠٣', cr_number: '1010123456', address1: 'طريق الملك فهد', city: 'الرياض',
      postal_code: '12345', building_number: '1234', district: 'العليا', document_language: 'ar',
      logo: `data:image/png;base64,${PNG_1X1.toString('base64')}`,
    } });
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
    const reply = await s.put('/api2/site_info', { Site: { bn1: '123', building_number: '12', city: 'جدة', logo: 'bm90IGFuIGltYWdl', document_language: 'fr', colour: 'red' } });
    assert.equal(reply.status, 400);
    assert.deepEqual(Object.keys(reply.body.validation_errors).sort(), ['building_number', 'colour', 'document_language', 'logo', 'vat_number']);
    const after = (await s.get('/api2/site_info')).body.data.Site;
    assert.equal(after.city, before.city, 'nothing half-written');
    assert.equal((await s.put('/api2/site_info', {})).status, 400);
  });

  it('daftar site set takes the settings and a logo file', async () => {
    const s = server();
    const file = `${s.env['DAFTAR_DATA_DIR']}/logo.png`;
    (await import('node:fs')).writeFileSync(file, PNG_1X1);
    const output = JSON.parse(execFileSync(process.execPath, ['dist/src/cli.js', 'site', 'set', 'default', 'vat_number=310122393500003',
      'city=Jeddah', `logo=${file}`, 'document_language=bilingual'], { env: { ...process.env, ...s.env }, encoding: 'utf8' }));
    assert.equal(output.vat_number, '310122393500003');
    assert.match(output.logo, /^image\/png, \d+ bytes$/);
    const site = (await s.get('/api2/site_info')).body.data.Site;
    assert.equal(site.bn1, '310122393500003');
    assert.equal(site.city, 'Jeddah');
    assert.equal(site.document_language, 'bilingual');
    assert.throws(() => execFileSync(process.execPath, ['dist/src/cli.js', 'site', 'set', 'default', 'vat_number=12'],
      { env: { ...process.env, ...s.env }, stdio: 'pipe' }), /vat_number must be the 15 digits/);
  });
});
