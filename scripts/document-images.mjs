// Makes the pictures of docs/documents.md from a real server: a Saudi site with its seller settings and
// logo, a simplified tax invoice through the API, rendered in Arabic, English and bilingual, page 1 of
// each as PNG (pdftoppm). Run after `npm run build`: node scripts/document-images.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../dist/test/support/harness.js';

const out = path.resolve('docs/images');
const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1f6f5c"/>
<circle cx="32" cy="26" r="10" fill="#f4c26b"/><circle cx="22" cy="36" r="9" fill="#e98a6b"/><circle cx="42" cy="36" r="9" fill="#e98a6b"/>
<rect x="30" y="40" width="4" height="16" rx="2" fill="#cfe8dc"/></svg>`;
const s = await startTestServer('sqlite');
try {
  const put = await s.put('/api2/site_info', {
    Site: {
      business_name: 'متجر الورد',
      vat_number: '300075588700003',
      cr_number: '1010123456',
      address1: 'طريق الملك فهد',
      building_number: '1234',
      district: 'العليا',
      city: 'الرياض',
      postal_code: '12345',
      logo: Buffer.from(logo).toString('base64'),
    },
  });
  if (put.status !== 200) throw new Error(put.text);
  const tax = await s.create('taxes', { Tax: { name: 'ضريبة القيمة المضافة', value: 15 } });
  const client = await s.create('clients', {
    Client: { first_name: 'سارة', last_name: 'العتيبي', address1: 'شارع التحلية', city: 'جدة' },
  });
  const invoice = await s.create('invoices', {
    Invoice: { client_id: client, shipping_amount: 15, notes: 'شكراً لتسوقكم — Thank you for shopping with us' },
    InvoiceItem: [
      { item: 'قهوة عربية', description: 'محمصة يدوياً، ٥٠٠ غرام', unit_price: '45.50', quantity: 2, tax1: tax },
      {
        item: 'Espresso beans 1kg',
        description: 'Single origin, Ethiopia',
        unit_price: 120,
        quantity: 1,
        discount: 10,
        tax1: tax,
      },
      { item: 'كوب فخاري', unit_price: '19.99', quantity: 3, tax1: tax },
      { item: 'Gift wrapping', unit_price: 10, quantity: 1, tax1: tax },
    ],
    InvoicePayment: [{ amount: 100, payment_method: 'cash' }],
  });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-images-'));
  for (const lang of ['ar', 'en', 'bilingual']) {
    const response = await fetch(`${s.url}/api2/invoices/${invoice}.pdf?lang=${lang}`, {
      headers: { apikey: s.apiKey },
    });
    const pdf = path.join(scratch, `${lang}.pdf`);
    fs.writeFileSync(pdf, Buffer.from(await response.arrayBuffer()));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      path.join(out, `invoice-${lang}`),
    ]);
    console.log(`docs/images/invoice-${lang}.png`);
  }
} finally {
  await s.close();
}
