// The posting rules of docs/accounting.md as plain calls (no database, no server): one case per row of
// every posting table, so a rule that balances but posts to the wrong account fails here with the
// journal it made beside the one the table documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Dec,
  ZERO,
  dec,
  formatDec,
  mulTo,
  percentOfTo,
  divTo,
  mulDivTo,
  includedTaxOfTo,
  roundTo,
  mul,
} from '../src/domain/money.js';
import { type RuleLine, flip } from '../src/domain/posting/roles.js';
import {
  advanceInvoiceLines,
  creditNoteLines,
  invoiceLines,
  refundReceiptLines,
  salesCostLines,
  type SalesDocumentFacts,
} from '../src/domain/posting/sales.js';
import { allocationLines, paymentLines } from '../src/domain/posting/payments.js';
import { advanceApplicationLines } from '../src/domain/posting/advances.js';
import { purchaseInvoiceLines, purchaseRefundLines, type PurchaseFacts } from '../src/domain/posting/purchases.js';
import { expenseLines, incomeLines } from '../src/domain/posting/expenses.js';
import { requisitionLines, stockTransactionLines } from '../src/domain/posting/stock.js';
import { DOCUMENT_KINDS, documentKind } from '../src/domain/document-kinds.js';

/**
 * A journal as its table reads: a negative amount on the other side (as books.ts posts it), lines on
 * one role and side merged, zero lines dropped, each line "Dr role amount" / "Cr role amount".
 */
function table(lines: readonly RuleLine[]): string[] {
  const merged = new Map<string, Dec>();
  for (const line of lines) {
    const sides: [string, Dec][] = [
      ['Dr', line.debit],
      ['Cr', line.credit],
    ];
    for (const [side, amount] of sides) {
      if (amount === ZERO) continue;
      const key = amount < ZERO ? `${side === 'Dr' ? 'Cr' : 'Dr'} ${line.role}` : `${side} ${line.role}`;
      merged.set(key, (merged.get(key) ?? ZERO) + (amount < ZERO ? -amount : amount));
    }
  }
  return [...merged]
    .filter(([, amount]) => amount !== ZERO)
    .map(([key, amount]) => `${key} ${formatDec(amount)}`)
    .sort();
}

/** Σ debits = Σ credits, as the journal is built. */
function assertBalanced(lines: readonly RuleLine[]): void {
  const debit = lines.reduce((acc, line) => acc + line.debit, ZERO);
  const credit = lines.reduce((acc, line) => acc + line.credit, ZERO);
  assert.equal(formatDec(debit - credit), '0', `the journal balances: ${table(lines).join(', ')}`);
}

/** One `it` per row of a documented table, and the whole table, with the journal the rule made beside it. */
function postsTable(title: string, lines: () => readonly RuleLine[], rows: Record<string, string>): void {
  describe(title, () => {
    for (const [row, expected] of Object.entries(rows)) {
      it(`row "${row}": ${expected}`, () => {
        const got = table(lines());
        assert.ok(
          got.includes(expected),
          `${title}, row "${row}": expected ${expected}; the rule posted:\n  ${got.join('\n  ')}`,
        );
      });
    }
    it('posts exactly the table, balanced', () => {
      assert.deepEqual(table(lines()), Object.values(rows).sort());
      assertBalanced(lines());
    });
  });
}

const d = (text: string): Dec => dec(text);

// A sales document: 2 × 50 + VAT 15% (tax 4) and a 50 service without tax, shipping 5, adjustment 2.
const sale: SalesDocumentFacts = {
  clientId: 7,
  total: d('172'),
  shipping: d('5'),
  adjustment: d('2'),
  lines: [
    {
      subtotal: d('115'),
      taxes: [
        { taxId: 4, amount: d('15') },
        { taxId: null, amount: ZERO },
      ],
    },
    { subtotal: d('50'), taxes: [] },
  ],
};

postsTable('Invoice (invoice)', () => invoiceLines(sale), {
  "the client's receivable: summary_total": 'Dr client:7 172',
  'Sales: Σ line revenue + shipping + adjustment': 'Cr sales 157',
  "each tax's output account: its tax": 'Cr output_tax:4 15',
});

postsTable(
  'Advance payment invoice (invoice, type 19)',
  () => advanceInvoiceLines({ ...sale, shipping: ZERO, adjustment: ZERO, total: d('165') }),
  {
    "the client's receivable: summary_total": 'Dr client:7 165',
    'Customer Advances: net of tax': 'Cr customer_advances 150',
    "each tax's output account: its tax": 'Cr output_tax:4 15',
  },
);

postsTable(
  'Advance applied (advance_payment_application)',
  () =>
    advanceApplicationLines({
      clientId: 7,
      applied: d('115'),
      advanceTotal: d('115'),
      advanceTaxes: [{ taxId: 4, amount: d('15') }],
    }),
  {
    'Customer Advances: applied − its tax part': 'Dr customer_advances 100',
    "each tax's output account: its part": 'Dr output_tax:4 15',
    "the client's receivable: the amount applied": 'Cr client:7 115',
  },
);

postsTable('Credit note (credit_note)', () => creditNoteLines(sale), {
  'Sales Returns: revenue + shipping + adjustment': 'Dr sales_returns 157',
  "each tax's output account: its tax": 'Dr output_tax:4 15',
  "the client's receivable: summary_total": 'Cr client:7 172',
});

postsTable('Refund receipt (refund_receipt)', () => refundReceiptLines(sale, 3), {
  'Sales Returns: revenue + shipping + adjustment': 'Dr sales_returns 157',
  "each tax's output account: its tax": 'Dr output_tax:4 15',
  'the primary treasury: summary_total': 'Cr treasury:3 172',
});

// Goods out of stores 2 and 5 at their movements' values (negative: out of stock).
postsTable(
  'Cost of the invoice (invoice_sales_cost)',
  () =>
    salesCostLines(
      new Map([
        [5, d('-6')],
        [2, d('-12')],
      ]),
    ),
  {
    'Cost of Goods Sold: Σ cost_value': 'Dr cost_of_sales 18',
    "the store's inventory, per store (store 2)": 'Cr inventory:2 12',
    "the store's inventory, per store (store 5)": 'Cr inventory:5 6',
  },
);

postsTable(
  'Goods returned (credit_note_sales_cost, refund_receipt_sales_cost)',
  () => salesCostLines(new Map([[2, d('12')]])),
  {
    "the store's inventory: Σ cost_value of the returned goods": 'Dr inventory:2 12',
    'Cost of Goods Sold: the same': 'Cr cost_of_sales 12',
  },
);

postsTable(
  'Invoice payment (invoice_payment) and client payment on account (client_payment)',
  () => paymentLines({ treasuryId: 3, clientId: 7, amount: d('20') }),
  {
    "the treasury's account: amount": 'Dr treasury:3 20',
    "the client's receivable: amount": 'Cr client:7 20',
  },
);

// 93.75 EUR at 4 (the invoice) from a USD payment at 3.75: 100 USD taken, 375 in the site currency on both sides.
postsTable(
  'Allocation of a client payment, rates that differ',
  () =>
    allocationLines({
      treasuryId: 3,
      clientId: 7,
      share: d('100'),
      paymentRate: d('3.75'),
      amount: d('93.75'),
      invoiceRate: d('4.001'),
      sitePlaces: 2,
    }),
  {
    'the treasury: share × payment rate': 'Dr treasury:3 375',
    'the client: amount × invoice rate': 'Cr client:7 375.09',
    'Rounding and Currency Differences: what the rates leave': 'Dr currency_differences 0.09',
  },
);

// A purchase invoice: 10 × 6 of a tracked product (store 2) + VAT 9, a 20 service + VAT 3, shipping 5.
const purchase: PurchaseFacts = {
  supplierId: 8,
  total: d('97'),
  rate: d('1'),
  sitePlaces: 2,
  lines: [
    {
      net: d('60'),
      stocked: true,
      taxes: [
        { taxId: 4, amount: d('9') },
        { taxId: null, amount: ZERO },
      ],
    },
    { net: d('20'), stocked: false, taxes: [{ taxId: 4, amount: d('3') }] },
  ],
  inventoryValues: new Map([[2, d('60')]]),
};

postsTable('Purchase invoice (purchase_order)', () => purchaseInvoiceLines(purchase), {
  "the store's inventory: Σ cost_value of the received goods": 'Dr inventory:2 60',
  'Purchases and Purchase Costs: other lines + shipping + adjustment − discount': 'Dr purchases 25',
  "each tax's input account: its tax": 'Dr input_tax:4 12',
  "the supplier's payable: summary_total": 'Cr supplier:8 97',
});

// The same goods sent back at a refund price of 60 while their moving average is 55.
postsTable(
  'Purchase refund (purchase_refund)',
  () => purchaseRefundLines({ ...purchase, inventoryValues: new Map([[2, d('-55')]]) }),
  {
    "the supplier's payable: summary_total": 'Dr supplier:8 97',
    "each tax's input account: its tax": 'Cr input_tax:4 12',
    "the store's inventory: Σ cost_value at moving average": 'Cr inventory:2 55',
    'Purchases and Purchase Costs: the rest (other lines, refund price − cost)': 'Cr purchases 30',
  },
);

postsTable(
  'Purchase debit note (purchase_debit_note): a refund that moves no stock',
  () =>
    purchaseRefundLines({
      ...purchase,
      lines: purchase.lines.map((line) => ({ ...line, stocked: false })),
      inventoryValues: new Map(),
    }),
  {
    "the supplier's payable": 'Dr supplier:8 97',
    purchases: 'Cr purchases 85',
    'input tax': 'Cr input_tax:4 12',
  },
);

// An expense of 115 with VAT 15 included, and one of 100 with VAT 15 added.
postsTable(
  'Expense (expense), tax included',
  () => expenseLines({ treasuryId: 3, amount: d('115'), taxes: [{ taxId: 4, amount: d('15'), included: true }] }),
  {
    'General Expenses: amount − included taxes': 'Dr general_expenses 100',
    "each tax's input account: its tax": 'Dr input_tax:4 15',
    'the treasury: total': 'Cr treasury:3 115',
  },
);

postsTable(
  'Income (income), tax added',
  () => incomeLines({ treasuryId: 3, amount: d('100'), taxes: [{ taxId: 4, amount: d('15'), included: false }] }),
  {
    'the treasury: total': 'Dr treasury:3 115',
    'Other Income: amount − included taxes': 'Cr other_income 100',
    "each tax's output account: its tax": 'Cr output_tax:4 15',
  },
);

postsTable('Manual stock transaction, stock in', () => stockTransactionLines(new Map([[2, d('30')]]), false), {
  "the store's inventory: cost_value": 'Dr inventory:2 30',
  'Inventory Adjustments': 'Cr stock_adjustments 30',
});

postsTable(
  "Manual stock transaction, a new product's opening stock",
  () => stockTransactionLines(new Map([[2, d('30')]]), true),
  {
    "the store's inventory: cost_value": 'Dr inventory:2 30',
    'Opening Balance Equity': 'Cr opening_balance 30',
  },
);

postsTable('Manual stock transaction, stock out', () => stockTransactionLines(new Map([[2, d('-30')]]), false), {
  'Inventory Adjustments': 'Dr stock_adjustments 30',
  "the store's inventory: cost_value (moving average)": 'Cr inventory:2 30',
});

postsTable(
  'Requisition, inbound (journal_account_id 40)',
  () => requisitionLines(new Map([[2, d('30')]]), 'account:40'),
  {
    "the store's inventory: in at unit_price": 'Dr inventory:2 30',
    journal_account_id: 'Cr account:40 30',
  },
);

postsTable(
  'Requisition, outbound (no journal_account_id)',
  () => requisitionLines(new Map([[2, d('-30')]]), 'stock_adjustments'),
  {
    'Inventory Adjustments': 'Dr stock_adjustments 30',
    "the store's inventory: out at moving average": 'Cr inventory:2 30',
  },
);

postsTable(
  'Requisition, transfer',
  () =>
    requisitionLines(
      new Map([
        [2, d('-30')],
        [5, d('30')],
      ]),
      null,
    ),
  {
    "the destination's inventory": 'Dr inventory:5 30',
    "the source's inventory": 'Cr inventory:2 30',
  },
);

describe('posting rules (plain calls): reversing documents mirror their originals', () => {
  it('a credit note is the invoice flipped, on Sales Returns', () => {
    const mirrored = table(invoiceLines(sale).map(flip)).map((line) => line.replace(' sales ', ' sales_returns '));
    assert.deepEqual(table(creditNoteLines(sale)), mirrored);
  });
});

describe('document kinds', () => {
  it('names one kind per (table, type), each journal kind with its rule', () => {
    const keys = DOCUMENT_KINDS.map((kind) => `${kind.table}:${kind.type}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const kind of DOCUMENT_KINDS)
      assert.equal(kind.journal === null, kind.rule === null, `${kind.name}: a journal iff a rule`);
    assert.equal(documentKind('invoices', 5)?.reverses, 'invoice');
    assert.equal(documentKind('invoices', 6)?.stock?.direction, 'in');
    assert.equal(documentKind('purchase_orders', 14)?.stock, null, 'a purchase debit note moves no stock');
    assert.equal(documentKind('invoices', 3)?.journal, null, 'an estimate posts nothing');
    assert.equal(documentKind('invoices', 99), undefined);
  });
});

describe('rounding once (money.ts)', () => {
  it('rounds a product straight to the currency, not through six places', () => {
    // 0.000001 × 4999.5 = 0.0049995: 0.00 to two places; through six places first it became 0.005 → 0.01.
    assert.equal(formatDec(roundTo(mul(d('0.000001'), d('4999.5')), 2)), '0.01', 'the double rounding this replaces');
    assert.equal(formatDec(mulTo(d('0.000001'), d('4999.5'), 2)), '0');
    assert.equal(formatDec(mulTo(d('19.99'), d('3'), 2)), '59.97');
    assert.equal(formatDec(mulTo(d('-0.000001'), d('5000.5'), 2)), '-0.01', 'half away from zero below zero');
    assert.equal(formatDec(mulTo(d('0.000001'), d('0.5'), 6)), '0.000001', 'six places: as mul');
  });
  it('rounds percentages, quotients and inclusive taxes once', () => {
    assert.equal(formatDec(percentOfTo(d('59.97'), d('15'), 2)), '9');
    assert.equal(formatDec(percentOfTo(d('0.033333'), d('15'), 2)), '0', '0.00499995 is below the half cent');
    assert.equal(formatDec(divTo(d('10'), d('3'), 2)), '3.33');
    assert.equal(formatDec(divTo(d('0.009999'), d('2'), 2)), '0', '0.0049995');
    assert.equal(formatDec(includedTaxOfTo(d('115'), d('15'), 2)), '15');
    assert.equal(formatDec(mulDivTo(d('93.75'), d('4'), d('3.75'), 2)), '100');
  });
});
