/**
 * `daftar demo`: a year (or `months`) of a small Saudi shop's business, written through the API so
 * every rule of the books applies (totals, VAT, stock at moving-average cost, journals, payment
 * status). Deterministic for a seed: the same seed and months on an empty site give the same
 * documents. What it writes, month by month:
 *   - purchases from suppliers that restock the shop (into the main store, some into the warehouse);
 *   - 35–60 sales invoices with 15% VAT, most paid at once, some paid in part later, some left unpaid;
 *   - a credit note for a returned item now and then;
 *   - rent, salaries and utilities as expenses, the odd other income;
 *   - each quarter, a manual journal (an expense the owner paid personally).
 */
import type { Daftar } from '../../packages/client/src/index.js';
import { prng } from './prng.js';

export interface DemoOptions {
  seed: number;
  months: number;
  /** The last day of the demo (today by default), YYYY-MM-DD. */
  until?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  clients: number;
  suppliers: number;
  products: number;
  invoices: number;
  payments: number;
  credit_notes: number;
  purchases: number;
  expenses: number;
  incomes: number;
  journals: number;
}

const CLIENTS = [
  ['Al Noor Trading Est.', 'Riyadh', true],
  ['Fatimah Al-Harbi', 'Riyadh', false],
  ['Red Sea Cafe', 'Jeddah', true],
  ['Omar Al-Qahtani', 'Dammam', false],
  ['Najd Office Supplies Co.', 'Riyadh', true],
  ['Sara Al-Otaibi', 'Riyadh', false],
  ['Makkah Print House', 'Makkah', true],
  ['Khalid Al-Shehri', 'Abha', false],
  ['Gulf Dental Clinic', 'Khobar', true],
  ['Nora Al-Dosari', 'Riyadh', false],
  ['Tabuk Schools Company', 'Tabuk', true],
  ['Yousef Al-Ghamdi', 'Jeddah', false],
  ['Qassim Dates Factory', 'Buraidah', true],
  ['Huda Al-Zahrani', 'Taif', false],
  ['Hail Engineering Consultants', 'Hail', true],
  ['Abdullah Al-Mutairi', 'Riyadh', false],
  ['Eastern Logistics LLC', 'Dammam', true],
  ['Reem Al-Subaie', 'Riyadh', false],
] as const;

const SUPPLIERS = [
  'Riyadh Paper Wholesale',
  'Jeddah Import Co.',
  'Dammam Electronics Distributor',
  'Al Madinah Packaging',
  'Gulf Stationery Factory',
  'Saudi Ink Supplies',
];

/** Name, code, sale price, cost. */
const PRODUCTS: Array<[string, string, string, string]> = [
  ['A4 copy paper (500 sheets)', 'PAP-A4', '24.00', '15.50'],
  ['A3 copy paper (500 sheets)', 'PAP-A3', '46.00', '31.00'],
  ['Ballpoint pens, blue (box of 50)', 'PEN-BL50', '38.00', '21.00'],
  ['Whiteboard markers (set of 4)', 'MRK-WB4', '19.50', '9.80'],
  ['Lever arch file', 'FIL-LA', '11.00', '5.40'],
  ['Stapler, heavy duty', 'STP-HD', '65.00', '38.00'],
  ['Staples 24/6 (box of 5000)', 'STP-246', '9.00', '3.90'],
  ['Printer toner, black', 'TON-BK', '289.00', '190.00'],
  ['Printer toner, colour set', 'TON-CL', '799.00', '540.00'],
  ['Desk organiser', 'DSK-ORG', '54.00', '27.00'],
  ['Notebook A5 (pack of 5)', 'NTB-A5', '32.00', '16.00'],
  ['Calculator, desktop', 'CAL-DT', '79.00', '44.00'],
  ['Envelopes C4 (box of 250)', 'ENV-C4', '58.00', '33.00'],
  ['Sticky notes (12 pads)', 'STK-12', '21.00', '10.50'],
  ['Laminating pouches A4 (100)', 'LAM-A4', '42.00', '23.00'],
  ['Shredder, cross cut', 'SHR-CC', '649.00', '430.00'],
  ['USB flash drive 64 GB', 'USB-64', '45.00', '26.00'],
  ['Office chair, mesh', 'CHR-MSH', '549.00', '360.00'],
];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Cents as a decimal string, so no float touches an amount. */
const money = (cents: number) => `${Math.trunc(cents / 100)}.${pad(Math.abs(cents % 100))}`;
const cents = (text: string) => {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};

interface Plan {
  month: number;
  day: number;
  kind: 'purchase' | 'invoice' | 'expenses' | 'journal';
}

export async function runDemo(daftar: Daftar, options: DemoOptions): Promise<DemoSummary> {
  const next = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const summary: DemoSummary = {
    clients: 0,
    suppliers: 0,
    products: 0,
    invoices: 0,
    payments: 0,
    credit_notes: 0,
    purchases: 0,
    expenses: 0,
    incomes: 0,
    journals: 0,
  };

  const until = options.until ? new Date(`${options.until}T00:00:00Z`) : new Date();
  const start = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - (options.months - 1), 1));
  const dayOf = (month: number, day: number) => {
    const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + month, day));
    return date > until ? isoDate(until) : isoDate(date);
  };

  // Every step planned first, so the progress bar knows the total.
  const plan: Plan[] = [];
  for (let month = 0; month < options.months; month += 1) {
    plan.push(
      { month, day: 1, kind: 'purchase' },
      { month, day: 15, kind: 'purchase' },
      { month, day: 28, kind: 'expenses' },
    );
    const sales = between(35, 60);
    for (let n = 0; n < sales; n += 1) plan.push({ month, day: between(1, 28), kind: 'invoice' });
    if (month % 3 === 0) plan.push({ month, day: 2, kind: 'journal' });
  }
  plan.sort((a, b) => a.month - b.month || a.day - b.day);
  const total = plan.length + 4;
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);

  const vat = (await daftar.taxes.create({ Tax: { name: 'VAT 15%', value: 15, included: 0 } })).id;
  const warehouse = (await daftar.stores.create({ Store: { name: 'Warehouse - Jeddah' } })).id;
  const bank = (await daftar.treasuries.create({ Treasury: { name: 'Bank - current account', type: 1 } })).id;
  progress();
  const clients: string[] = [];
  for (const [name, city, company] of CLIENTS) {
    const vatNumber = company
      ? `3${String(between(10_000_000, 99_999_999))}${String(between(10_000, 99_999))}3`
      : undefined;
    clients.push(
      (
        await daftar.clients.create({
          Client: {
            business_name: name,
            city,
            country_code: 'SA',
            email: `${name
              .toLowerCase()
              .replace(/[^a-z]+/g, '.')
              .replace(/^\.|\.$/g, '')}@example.sa`,
            ...(vatNumber ? { bn1: vatNumber } : {}),
          },
        })
      ).id,
    );
    summary.clients += 1;
  }
  const suppliers: string[] = [];
  for (const name of SUPPLIERS) {
    suppliers.push(
      (await daftar.suppliers.create({ Supplier: { business_name: name, city: 'Riyadh', country_code: 'SA' } })).id,
    );
    summary.suppliers += 1;
  }
  progress();
  // `stock`: what the main store holds, from which the invoices sell.
  const products: Array<{ id: string; price: string; cost: string; stock: number }> = [];
  for (const [name, code, price, cost] of PRODUCTS) {
    const id = (
      await daftar.products.create({
        Product: { name, product_code: code, unit_price: price, buy_price: cost, track_stock: 1, tax1: vat },
      })
    ).id;
    products.push({ id, price, cost, stock: 0 });
    summary.products += 1;
  }
  progress();
  const [capital, generalExpenses, cash] = await Promise.all([
    accountId(daftar, 'Owner Capital'),
    accountId(daftar, 'General Expenses'),
    (async () => (await daftar.treasuries.list({ limit: 1 }).page(1)).data[0]!.id)(),
  ]);
  progress();
  const unpaid: Array<{ id: string; total: number; paid: number; date: string }> = [];

  for (const step of plan) {
    const date = dayOf(step.month, step.day);
    if (step.kind === 'purchase') {
      const bought = products.filter(() => next() < 0.5).map((product) => ({ product, quantity: between(20, 60) }));
      const lines = bought.map(({ product, quantity }) => ({
        product_id: product.id,
        quantity,
        unit_price: product.cost,
        tax1: vat,
      }));
      if (lines.length > 0) {
        const supplier = pick(suppliers);
        // Some mid-month purchases go to the warehouse, whose stock the shop's invoices (sold from the
        // main store) cannot take: only what comes into the main store can be sold.
        const intoWarehouse = step.day === 15 && next() < 0.2;
        await daftar.purchaseInvoices.create({
          PurchaseOrder: { supplier_id: supplier, date, store_id: intoWarehouse ? warehouse : undefined },
          PurchaseOrderItem: lines,
        } as never);
        if (!intoWarehouse) for (const { product, quantity } of bought) product.stock += quantity;
        summary.purchases += 1;
      }
    } else if (step.kind === 'invoice') {
      const available = products.filter((p) => p.stock > 0);
      const chosen = [...new Set(Array.from({ length: between(1, 4) }, () => pick(available)).filter(Boolean))];
      const lines = chosen
        .map((product) => {
          const quantity = Math.min(product.stock, between(1, 6));
          product.stock -= quantity;
          return { product_id: product.id, quantity, tax1: vat, unit_price: product.price };
        })
        .filter((line) => line.quantity > 0);
      if (lines.length === 0) {
        progress();
        continue;
      }
      const linesCents = lines.reduce((sum, line) => sum + cents(line.unit_price) * line.quantity, 0);
      const totalCents = Math.round(linesCents * 1.15);
      const paidNow = next();
      const body: Record<string, unknown> = { Invoice: { client_id: pick(clients), date }, InvoiceItem: lines };
      if (paidNow < 0.6)
        body['Payment'] = [
          {
            payment_method: next() < 0.5 ? 'cash' : 'bank_transfer',
            amount: money(totalCents),
            treasury_id: next() < 0.5 ? cash : bank,
            date: `${date} 12:00:00`,
          },
        ];
      const { id } = await daftar.invoices.create(body as never);
      summary.invoices += 1;
      if (paidNow < 0.6) summary.payments += 1;
      else if (paidNow < 0.8) unpaid.push({ id, total: totalCents, paid: 0, date });
      if (next() < 0.04) {
        const line = lines[0]!;
        await daftar.creditNotes.create({
          CreditNote: { client_id: (body['Invoice'] as { client_id: string }).client_id, subscription_id: id, date },
          InvoiceItem: [{ product_id: line.product_id, quantity: 1, tax1: vat, unit_price: line.unit_price }],
        } as never);
        products.find((p) => p.id === line.product_id)!.stock += 1;
        summary.credit_notes += 1;
      }
      // Part of an older unpaid invoice is paid now and then.
      const older = unpaid.find((u) => u.date < date && u.paid === 0 && next() < 0.3);
      if (older) {
        const part = Math.round(older.total / 2);
        await daftar.invoicePayments.create({
          InvoicePayment: {
            invoice_id: older.id,
            payment_method: 'bank_transfer',
            amount: money(part),
            treasury_id: bank,
            date: `${date} 10:00:00`,
          },
        });
        older.paid = part;
        summary.payments += 1;
      }
    } else if (step.kind === 'expenses') {
      for (const [category, amount, vendor] of [
        ['Rent', '3500.00', 'Olaya Properties'],
        ['Salaries', '7000.00', 'Staff'],
        ['Electricity', money(between(90_000, 160_000)), 'Saudi Electricity Company'],
      ] as const) {
        await daftar.expenses.create({
          Expense: {
            amount,
            category,
            vendor,
            date,
            treasury_id: bank,
            description: `${category} ${date.slice(0, 7)}`,
          },
        });
        summary.expenses += 1;
      }
      if (next() < 0.3) {
        await daftar.incomes.create({
          Income: { amount: money(between(20_000, 90_000)), category: 'Delivery fees', date, treasury_id: cash },
        });
        summary.incomes += 1;
      }
    } else {
      await daftar.journals.create({
        Journal: { description: 'Shop insurance for the quarter, paid by the owner personally', date },
        JournalTransaction: [
          { journal_account_id: generalExpenses, debit: '1200.00' },
          { journal_account_id: capital, credit: '1200.00' },
        ],
      } as never);
      summary.journals += 1;
    }
    progress();
  }
  return summary;
}

async function accountId(daftar: Daftar, name: string): Promise<string> {
  for await (const account of daftar.journalAccounts.list({ name })) return account.id;
  throw new Error(`the chart of accounts has no "${name}"`);
}
