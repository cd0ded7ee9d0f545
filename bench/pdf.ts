/**
 * PDFs per second on one core: renders one sample tax invoice (10 lines, bilingual, with its ZATCA QR)
 * again and again in this process, after a warm-up, and prints one JSON line:
 *   {"pdf_per_s": …, "pdf_ms_mean": …, "pdf_ms_p99": …, "renders": …, "pdf_bytes": …}
 * Run pinned by bench/run.ts (`taskset -c 0 node dist/bench/pdf.js [seconds] [lines] [lang]`), or alone.
 */
import { buildDocumentView } from '../src/domain/documents.js';
import type { DocumentLanguage } from '../src/domain/site-settings.js';
import { renderPdf } from '../src/documents/pdf.js';

const M = 1_000_000n;

export function sampleView(lines: number, lang: DocumentLanguage, number = 'INV-000001') {
  const items = Array.from({ length: lines }, (_, index) => ({
    item: index % 2 === 0 ? 'قهوة عربية' : `Espresso beans ${index}`,
    quantity: 2n * M,
    unit_price: 45_500_000n,
    calculated_discount: 0n,
    summary_tax1: 13_650_000n,
    summary_tax2: 0n,
    item_subtotal: 104_650_000n,
    tax1: 1,
  }));
  const count = BigInt(lines);
  return buildDocumentView({
    kind: 'invoice',
    lang,
    site: {
      business_name: 'متجر الورد',
      country_code: 'SA',
      currency_code: 'SAR',
      vat_number: '300075588700003',
      cr_number: '1010123456',
      address1: 'طريق الملك فهد',
      building_number: '1234',
      city: 'الرياض',
      postal_code: '12345',
    },
    document: {
      id: 1,
      no: number,
      date: '2026-12-01',
      created: '2026-12-01 10:00:00',
      currency_code: 'SAR',
      client_first_name: 'سارة',
      summary_subtotal: count * 91n * M,
      summary_discount: 0n,
      summary_tax1: count * 13_650_000n,
      summary_tax2: 0n,
      summary_total: count * 104_650_000n,
      summary_paid: 0n,
      summary_unpaid: count * 104_650_000n,
    },
    lines: items,
    taxes: new Map([[1, { name: 'ضريبة القيمة المضافة', rate: 15n * M, included: false }]]),
    party: null,
    originalNumber: null,
  });
}

function main(): void {
  const [seconds = '5', lines = '10', lang = 'bilingual'] = process.argv.slice(2);
  const view = sampleView(Number(lines), lang as DocumentLanguage);
  let bytes = 0;
  // Warm-up: the first render loads the compiler and fonts; then the template's memo warms.
  for (let i = 0; i < 5; i += 1) bytes = renderPdf({ ...view, number: `INV-W${i}` }, { logo: null }).length;
  const times: number[] = [];
  const until = performance.now() + Number(seconds) * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    // A different number each time, so no render is a cache hit of the previous one.
    renderPdf({ ...view, number: `INV-${times.length}` }, { logo: null });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  process.stdout.write(
    `${JSON.stringify({
      pdf_per_s: Math.round((1000 / mean) * 10) / 10,
      pdf_ms_mean: Math.round(mean * 100) / 100,
      pdf_ms_p99: Math.round(times[Math.floor(times.length * 0.99)]! * 100) / 100,
      renders: times.length,
      pdf_bytes: bytes,
      lines: Number(lines),
      lang,
    })}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
