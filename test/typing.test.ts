// Type discipline the compiler alone does not hold: how many casts src/ makes (counted by
// scripts/count-casts.mjs with TypeScript's parser), and which way the layers import; and the one
// rule every generated number follows (domain/numbering.ts settleNumber), on both engines.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eachDatabase } from './support/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The most type assertions (`as T`, `<T>x`; `as const` not counted) src/ may hold. It was 414 before
 * records were typed from their declarations; lower it when you remove casts, never raise it.
 */
const CAST_CEILING = 77;

interface CastCount {
  casts: number;
  nonNull: number;
  files: Record<string, { casts: number; nonNull: number }>;
}

describe('typing', () => {
  it(`src/ holds at most ${CAST_CEILING} casts (npm run casts lists them by file)`, () => {
    const counted = JSON.parse(
      execFileSync(process.execPath, [path.join(root, 'scripts', 'count-casts.mjs'), '--json'], { encoding: 'utf8' }),
    ) as CastCount;
    assert.ok(counted.casts > 0, 'the counter found the sources');
    const largest = Object.entries(counted.files)
      .sort((a, b) => b[1].casts - a[1].casts)
      .slice(0, 5)
      .map(([file, { casts }]) => `${file} ${casts}`)
      .join(', ');
    assert.ok(
      counted.casts <= CAST_CEILING,
      `src/ has ${counted.casts} casts, above the ceiling of ${CAST_CEILING} (largest: ${largest})`,
    );
  });

  it('src/domain imports nothing from src/engine', () => {
    const directory = path.join(root, 'src', 'domain');
    const offenders: string[] = [];
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.ts'))) {
      const text = readFileSync(path.join(directory, name), 'utf8');
      for (const match of text.matchAll(/(?:import|export)[^;]*?from\s+'([^']+)'/g)) {
        if (/(^|\/)engine\//.test(match[1]!)) offenders.push(`${name} → ${match[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});

eachDatabase('one rule for blank numbers', (server) => {
  const cases = [
    { resource: 'clients', model: 'Client', column: 'client_number', body: { business_name: 'Numbered' } },
    { resource: 'suppliers', model: 'Supplier', column: 'supplier_number', body: { business_name: 'Numbered' } },
    {
      resource: 'work_orders',
      model: 'WorkOrder',
      column: 'number',
      body: { title: 'Numbered', start_date: '2026-01-05' },
    },
  ] as const;

  it('draws the next number for an absent, null, empty or whitespace-only one, and keeps any other exactly as sent', async () => {
    const s = server();
    for (const { resource, model, column, body } of cases) {
      for (const blank of [undefined, null, '', '   ']) {
        const id = await s.create(resource, {
          [model]: { ...body, ...(blank === undefined ? {} : { [column]: blank }) },
        });
        const number = (await s.get(`/api2/${resource}/${id}`)).body.data[model][column];
        assert.match(number, /^\d{6}$/, `${resource} ${JSON.stringify(blank)} → ${number}`);
      }
      const kept = await s.create(resource, { [model]: { ...body, [column]: ' EXT-7 ' } });
      assert.equal(
        (await s.get(`/api2/${resource}/${kept}`)).body.data[model][column],
        ' EXT-7 ',
        `${resource} keeps a number as sent`,
      );
      const twin = await s.post(`/api2/${resource}.json`, { [model]: { ...body, [column]: ' EXT-7 ' } });
      assert.equal(twin.status, 400, `${resource}: ${twin.text}`);
      assert.ok(twin.body.validation_errors[column], `${resource} names ${column}`);
    }
  });

  it('numbers a sales document per type the same way: whitespace is blank, a hand-set number is unique within its type', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Buyer' } });
    const invoice = (no: unknown) => ({
      Invoice: { client_id: client, ...(no === undefined ? {} : { no }) },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    const blank = await s.create('invoices', invoice('  '));
    assert.match((await s.get(`/api2/invoices/${blank}`)).body.data.Invoice.no, /^\d{6}$/);
    await s.create('invoices', invoice('INV-9'));
    const twin = await s.post('/api2/invoices.json', invoice('INV-9'));
    assert.equal(twin.status, 400, twin.text);
    assert.ok(twin.body.validation_errors.no);
    // Another type is another sequence: an estimate may carry the invoice's number.
    assert.equal(
      (
        await s.post('/api2/estimates.json', {
          Estimate: { client_id: client, no: 'INV-9' },
          InvoiceItem: [{ item: 'x', unit_price: 1 }],
        })
      ).status,
      202,
    );
  });
});
