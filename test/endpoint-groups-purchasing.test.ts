// Purchasing and money-movement groups in depth: purchase invoices and refunds (numbering, supplier
// snapshot, totals, stock in/out through every state change), expenses and incomes (tax arithmetic),
// client payments (allocation rules and invoice status) and read-only product categories; on SQLite
// and PostgreSQL. The broad walk of each group is in endpoint-groups.test.ts.
import assert from 'node:assert/strict';
import { type TestServer, eachDatabase, it } from './support/harness.js';

/** The 400's validation_errors, failing when the reply was not a 400. */
async function rejected(
  reply: Promise<{ status: number; body: any; text: string }>,
  field: string,
): Promise<Record<string, string>> {
  const got = await reply;
  assert.equal(got.status, 400, `expected a 400 naming ${field}: ${got.text}`);
  assert.ok(got.body.validation_errors?.[field], `the 400 names ${field}: ${got.text}`);
  return got.body.validation_errors;
}

const balance = async (s: TestServer, product: string) =>
  (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance;

eachDatabase('purchasing groups', (server) => {
  it('purchase invoices: create, get under both paths, list, edit, delete, with defaults and totals', async () => {
    const s = server();
    const supplier = await s.create('suppliers', {
      Supplier: { business_name: 'Olive Oil Co', email: 'a@olive.example', city: 'Amman' },
    });
    const vat = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const created = await s.post('/api2/purchase_invoices.json', {
      PurchaseInvoice: { supplier_id: supplier, discount_amount: '0.05', notes: 'first' },
      PurchaseInvoiceItem: [
        { item: 'Bottle', unit_price: '0.1', quantity: 3, tax1: vat },
        { item: 'Label', unit_price: '0.2', quantity: '1' },
      ],
    });
    assert.equal(created.status, 202, created.text);
    const id = created.body.id as string;
    const got = await s.get(`/api2/purchase_invoices/${id}.json`);
    assert.equal(got.status, 200);
    const doc = got.body.data.PurchaseOrder;
    assert.equal(doc.type, '0');
    assert.match(doc.no, /^\d{6}$/);
    assert.equal(doc.store_id, '1', 'primary store');
    assert.equal(doc.currency_code, 'SAR');
    assert.equal(doc.draft, '0');
    assert.equal(doc.supplier_business_name, 'Olive Oil Co');
    assert.equal(doc.supplier_email, 'a@olive.example');
    assert.equal(doc.supplier_city, 'Amman');
    assert.equal(doc.summary_subtotal, '0.5', '0.1 × 3 + 0.2 exactly');
    assert.equal(doc.summary_paid, '0');
    assert.equal(doc.summary_unpaid, doc.summary_total);
    assert.equal(doc.payment_status, '0');
    assert.equal(doc.PurchaseOrderItem.length, 2);
    assert.equal(doc.PurchaseOrderItem[0].subtotal, '0.3');
    assert.equal((await s.get(`/api2/purchase_orders/${id}`)).body.data.PurchaseOrder.id, id, 'alias path');
    const listed = await s.get('/api2/purchase_orders.json?limit=100');
    assert.ok(listed.body.data.some((row: any) => row.PurchaseOrder.id === id));
    assert.ok(
      (await s.get('/api2/purchase_invoices.json?keywords=olive')).body.data.some(
        (row: any) => row.PurchaseOrder.id === id,
      ),
    );

    const edited = await s.put(`/api2/purchase_invoices/${id}.json`, {
      PurchaseOrder: { notes: 'second', supplier_business_name: 'Olive (HQ)' },
    });
    assert.equal(edited.status, 200, edited.text);
    const after = (await s.get(`/api2/purchase_invoices/${id}`)).body.data.PurchaseOrder;
    assert.deepEqual(
      [after.notes, after.supplier_business_name, after.no, after.PurchaseOrderItem.length],
      ['second', 'Olive (HQ)', doc.no, 2],
    );

    const named = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier, supplier_business_name: 'Sent name', no: 'PO-77' },
      PurchaseOrderItem: [{ item: 'x', unit_price: 1, quantity: 1 }],
    });
    const namedDoc = (await s.get(`/api2/purchase_invoices/${named}`)).body.data.PurchaseOrder;
    assert.deepEqual(
      [namedDoc.supplier_business_name, namedDoc.no, namedDoc.supplier_city],
      ['Sent name', 'PO-77', 'Amman'],
      'sent values kept, the rest snapshotted',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', {
        PurchaseOrder: { supplier_id: supplier, no: 'PO-77' },
        PurchaseOrderItem: [{ item: 'x', unit_price: 1 }],
      }),
      'no',
    );

    assert.equal((await s.del(`/api2/purchase_invoices/${id}.json`)).status, 200);
    assert.equal((await s.get(`/api2/purchase_invoices/${id}`)).status, 404);
  });

  it('purchase documents refuse what is incomplete or does not exist, naming the field', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Refusals Ltd' } });
    const other = await s.create('suppliers', { Supplier: { business_name: 'Someone Else' } });
    const line = [{ item: 'x', unit_price: 2, quantity: 1 }];
    await rejected(
      s.post('/api2/purchase_invoices.json', { PurchaseOrder: { supplier_id: supplier } }),
      'PurchaseOrderItem',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', { PurchaseOrder: { supplier_id: supplier }, PurchaseOrderItem: [] }),
      'PurchaseOrderItem',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', { PurchaseOrder: {}, PurchaseOrderItem: line }),
      'supplier_id',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', {
        PurchaseOrder: { supplier_id: supplier, store_id: 9999 },
        PurchaseOrderItem: line,
      }),
      'store_id',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', {
        PurchaseOrder: { supplier_id: supplier, date: '2024-02-30' },
        PurchaseOrderItem: line,
      }),
      'date',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', {
        PurchaseOrder: { supplier_id: supplier },
        PurchaseOrderItem: [{ item: 'x', unit_price: 'ten' }],
      }),
      'PurchaseOrderItem.0.unit_price',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', {
        PurchaseOrder: { supplier_id: supplier },
        PurchaseOrderItem: [{ item: 'x', unit_price: 1, tax1: 9999 }],
      }),
      'PurchaseOrderItem.0.tax1',
    );
    await rejected(
      s.post('/api2/purchase_invoices.json', {
        PurchaseOrder: { supplier_id: supplier, discount: '-1' },
        PurchaseOrderItem: line,
      }),
      'discount',
    );

    const purchase = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: line,
    });
    const refund = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier, subscription_id: purchase },
      PurchaseRefundItem: line,
    });
    await rejected(
      s.post('/api2/purchase_refunds.json', {
        PurchaseRefund: { supplier_id: supplier, subscription_id: refund },
        PurchaseOrderItem: line,
      }),
      'subscription_id',
    );
    await rejected(
      s.post('/api2/purchase_refunds.json', {
        PurchaseRefund: { supplier_id: supplier, subscription_id: 999999 },
        PurchaseOrderItem: line,
      }),
      'subscription_id',
    );
    await rejected(
      s.post('/api2/purchase_refunds.json', {
        PurchaseRefund: { supplier_id: other, subscription_id: purchase },
        PurchaseOrderItem: line,
      }),
      'supplier_id',
    );
    await rejected(s.put(`/api2/purchase_invoices/${purchase}`, { PurchaseOrderItem: [] }), 'PurchaseOrderItem');
    assert.equal((await s.get(`/api2/purchase_invoices/${refund}`)).status, 404, 'a refund is not a purchase invoice');
    assert.equal((await s.put(`/api2/purchase_invoices/${refund}`, { PurchaseOrder: { notes: 'x' } })).status, 404);
    assert.equal((await s.del(`/api2/purchase_invoices/${refund}`)).status, 404);
  });

  it('numbers run per document type', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Numbers Inc' } });
    const line = [{ item: 'x', unit_price: 1, quantity: 1 }];
    const numberOf = async (resource: string, model: string, id: string) =>
      (await s.get(`/api2/${resource}/${id}`)).body.data[model].no;
    const p1 = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: line,
    });
    const p2 = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: line,
    });
    const r1 = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier },
      PurchaseOrderItem: line,
    });
    const p3 = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: line,
    });
    const r2 = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier },
      PurchaseOrderItem: line,
    });
    const purchaseNumbers = [p1, p2, p3].map((id) => numberOf('purchase_invoices', 'PurchaseOrder', id));
    const [n1, n2, n3] = (await Promise.all(purchaseNumbers)).map(Number);
    const [m1, m2] = (await Promise.all([r1, r2].map((id) => numberOf('purchase_refunds', 'PurchaseRefund', id)))).map(
      Number,
    );
    assert.deepEqual([n2! - n1!, n3! - n2!], [1, 1], 'a refund between does not take a purchase number');
    assert.equal(m2! - m1!, 1, 'a purchase between does not take a refund number: refunds have their own sequence');
    const refund = (await s.get(`/api2/purchase_refunds/${r1}`)).body.data.PurchaseRefund;
    assert.equal(refund.type, '1');
  });

  it('stock: purchases bring it in, refunds take it out, through edits, drafts, deletes and untracked products', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Stock Supplier' } });
    const tracked = await s.create('products', { Product: { name: 'Tracked', buy_price: '2.2', track_stock: 1 } });
    const untracked = await s.create('products', { Product: { name: 'Service', buy_price: '9', track_stock: 0 } });
    const store = await s.create('stores', { Store: { name: 'Back room' } });

    const purchase = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [
        { product_id: tracked, quantity: '10.5' },
        { product_id: untracked, quantity: 4 },
      ],
    });
    assert.equal(await balance(s, tracked), '10.5');
    assert.equal(await balance(s, untracked), '0', 'untracked products do not move');
    const doc = (await s.get(`/api2/purchase_invoices/${purchase}`)).body.data.PurchaseOrder;
    assert.equal(doc.PurchaseOrderItem[0].unit_price, '2.2', 'unit cost from buy_price');
    assert.equal(doc.summary_subtotal, '59.1', '10.5 × 2.2 + 4 × 9 exactly');
    const movements = (await s.get(`/api2/stock_transactions.json?product_id=${tracked}`)).body.data.map(
      (r: any) => r.StockTransaction,
    );
    assert.equal(movements.length, 1);
    assert.deepEqual(
      [movements[0].source_type, movements[0].transaction_type, movements[0].order_id, movements[0].quantity],
      ['3', '1', purchase, '10.5'],
    );

    assert.equal(
      (
        await s.put(`/api2/purchase_invoices/${purchase}`, {
          PurchaseOrderItem: [{ product_id: tracked, quantity: 3 }],
        })
      ).status,
      200,
    );
    assert.equal(await balance(s, tracked), '3', 'an edit replaces the movements');
    assert.equal((await s.put(`/api2/purchase_invoices/${purchase}`, { PurchaseOrder: { draft: 1 } })).status, 200);
    assert.equal(await balance(s, tracked), '0', 'back to draft: nothing moved');
    assert.equal((await s.put(`/api2/purchase_invoices/${purchase}`, { PurchaseOrder: { draft: 0 } })).status, 200);
    assert.equal(await balance(s, tracked), '3', 'out of draft: moved in again');
    assert.equal((await s.get(`/api2/stock_transactions.json?product_id=${tracked}`)).body.pagination.total_results, 1);

    const inStore = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier, store_id: store },
      PurchaseOrderItem: [{ product_id: tracked, quantity: 2 }],
    });
    const storeMove = (await s.get(`/api2/stock_transactions.json?order_id=${inStore}&source_type=3`)).body.data.map(
      (r: any) => r.StockTransaction,
    );
    assert.ok(
      storeMove.length >= 1 && storeMove.every((m: any) => m.store_id === store),
      'moves into the document store',
    );
    assert.equal(await balance(s, tracked), '5');

    const refund = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier, subscription_id: purchase },
      PurchaseOrderItem: [
        { product_id: tracked, quantity: 1 },
        { product_id: untracked, quantity: 1 },
      ],
    });
    assert.equal(await balance(s, tracked), '4');
    assert.equal(await balance(s, untracked), '0');
    const out = (await s.get(`/api2/stock_transactions.json?product_id=${tracked}&source_type=7`)).body.data.map(
      (r: any) => r.StockTransaction,
    );
    assert.deepEqual(
      out.map((m: any) => [m.transaction_type, m.order_id, m.quantity]),
      [['2', refund, '1']],
    );
    assert.equal(
      (await s.put(`/api2/purchase_refunds/${refund}`, { PurchaseOrderItem: [{ product_id: tracked, quantity: 2 }] }))
        .status,
      200,
    );
    assert.equal(await balance(s, tracked), '3');
    await rejected(
      s.put(`/api2/purchase_refunds/${refund}`, { PurchaseOrderItem: [{ product_id: tracked, quantity: 50 }] }),
      'PurchaseOrderItem.0.quantity',
    );
    assert.equal(await balance(s, tracked), '3', 'a refused edit moves nothing');
    assert.equal((await s.del(`/api2/purchase_refunds/${refund}`)).status, 200);
    assert.equal(await balance(s, tracked), '5', 'deleting the refund puts the stock back');
    assert.equal((await s.del(`/api2/purchase_invoices/${purchase}`)).status, 200, 'no refund left: deletable');
    assert.equal(await balance(s, tracked), '2');
    assert.equal(
      (await s.get(`/api2/stock_transactions.json?order_id=${purchase}&source_type=3`)).body.pagination.total_results,
      0,
    );
  });

  it('expenses and incomes: every operation, tax arithmetic, defaults and refusals', async () => {
    const s = server();
    const vat = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const vatIn = await s.create('taxes', { Tax: { name: 'VAT in', value: 15, included: 1 } });
    const levy = await s.create('taxes', { Tax: { name: 'Levy', value: '2.5' } });
    const client = await s.create('clients', { Client: { business_name: 'Tenant' } });
    for (const [resource, model, isIncome] of [
      ['expenses', 'Expense', '0'],
      ['incomes', 'Income', '1'],
    ] as const) {
      const id = await s.create(resource, {
        [model]: {
          amount: '10.01',
          tax1_id: vat,
          tax2_id: levy,
          client_id: client,
          is_income: isIncome === '0' ? 1 : 0,
        },
      });
      const got = (await s.get(`/api2/${resource}/${id}.json`)).body.data[model];
      assert.equal(got.is_income, isIncome, 'is_income is fixed by the path');
      assert.deepEqual(
        [got.tax1_name, got.tax1_value, got.tax1_included, got.tax1_amount],
        ['VAT', '15', '0', '1.5'],
        '15% of 10.01 = 1.5015 → 1.50',
      );
      assert.deepEqual([got.tax2_name, got.tax2_amount], ['Levy', '0.25'], '2.5% of 10.01 = 0.25025 → 0.25');
      assert.equal(got.treasury_id, '1');
      assert.match(got.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(got.client_id, client);
      assert.ok((await s.get(`/api2/${resource}.json`)).body.data.some((r: any) => r[model].id === id));

      assert.equal(
        (await s.put(`/api2/${resource}/${id}`, { [model]: { amount: '100', tax1_id: vatIn, tax2_id: null } })).status,
        200,
      );
      const edited = (await s.get(`/api2/${resource}/${id}`)).body.data[model];
      assert.deepEqual(
        [edited.amount, edited.tax1_amount, edited.tax1_included, edited.tax2_id, edited.tax2_amount],
        ['100', '13.04', '1', null, null],
        'included: 100 × 15/115',
      );

      await rejected(s.post(`/api2/${resource}.json`, { [model]: { amount: 0 } }), 'amount');
      await rejected(s.post(`/api2/${resource}.json`, { [model]: { vendor: 'no amount' } }), 'amount');
      await rejected(s.post(`/api2/${resource}.json`, { [model]: { amount: 5, tax1_id: 99999 } }), 'tax1_id');
      await rejected(s.post(`/api2/${resource}.json`, { [model]: { amount: 5, treasury_id: 99999 } }), 'treasury_id');
      await rejected(s.post(`/api2/${resource}.json`, { [model]: { amount: 5, client_id: 99999 } }), 'client_id');
      await rejected(s.put(`/api2/${resource}/${id}`, { [model]: { amount: '-1' } }), 'amount');

      assert.equal((await s.del(`/api2/${resource}/${id}`)).status, 200);
      assert.equal((await s.get(`/api2/${resource}/${id}`)).status, 404);
    }
    await rejected(
      s.post('/api2/expenses.json', { Expense: { amount: 3, currency_code: 'KWD', tax1_id: vat } }),
      'currency_rate',
    );
    const expense = await s.create('expenses', {
      Expense: { amount: 3, currency_code: 'KWD', currency_rate: '12.2', tax1_id: vat },
    });
    assert.equal(
      (await s.get(`/api2/expenses/${expense}`)).body.data.Expense.tax1_amount,
      '0.45',
      'KWD keeps three decimals',
    );
    assert.ok(
      !(await s.get('/api2/incomes.json?limit=500')).body.data.some((r: any) => r.Income.id === expense),
      'incomes list no expenses',
    );
  });

  it('client payments: refusals, allocation limits, pending allocations, edits keeping allocations', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Payer' } });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'a', unit_price: 100 }],
    });
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'e', unit_price: 5 }],
    });
    const status = async () => (await s.get(`/api2/invoices/${invoice}`)).body.data.Invoice;

    await rejected(
      s.post('/api2/client_payments.json', { ClientPayment: { payment_method: 'cash', amount: 1 } }),
      'client_id',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: 1, status: 7 },
      }),
      'status',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'x'.repeat(101), amount: 1 },
      }),
      'payment_method',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: '-1' },
      }),
      'amount',
    );
    await rejected(
      s.post('/api2/client_payments.json', { ClientPayment: { client_id: client, payment_method: 'cash' } }),
      'amount',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: 1, transaction_id: 't'.repeat(101) },
      }),
      'transaction_id',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: 9, InvoicePayment: [{ amount: 5 }] },
      }),
      'InvoicePayment.0.invoice_id',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: 9 },
        InvoicePayment: [{ invoice_id: estimate, amount: 5 }],
      }),
      'InvoicePayment.0.invoice_id',
    );
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: 9 },
        InvoicePayment: [
          { invoice_id: invoice, amount: 5 },
          { invoice_id: invoice, amount: '4.01' },
        ],
      }),
      'amount',
    );
    assert.equal((await status()).payment_status, '0', 'refusals changed nothing');

    // Nested allocation, fields inherited from the client payment.
    const created = await s.post('/api2/client_payments.json', {
      ClientPayment: {
        client_id: client,
        payment_method: 'cheque',
        amount: '60.5',
        date: '2024-05-01 10:00:00',
        InvoicePayment: [{ invoice_id: invoice, amount: '60.5' }],
      },
    });
    assert.equal(created.status, 202, created.text);
    const payment = created.body.id as string;
    const got = (await s.get(`/api2/client_payments/${payment}.json`)).body.data.ClientPayment;
    assert.deepEqual(
      [got.status, got.currency_code, got.treasury_id, got.date, got.amount],
      ['1', 'SAR', '1', '2024-05-01 10:00:00', '60.5'],
    );
    const allocation = (await status()).InvoicePayment[0];
    assert.deepEqual(
      [allocation.payment_method, allocation.amount, allocation.date, allocation.treasury_id, allocation.status],
      ['cheque', '60.5', '2024-05-01 10:00:00', '1', '1'],
    );
    let inv = await status();
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['1', '60.5', '39.5']);

    assert.equal((await s.put(`/api2/client_payments/${payment}`, { ClientPayment: { notes: 'kept' } })).status, 200);
    inv = await status();
    assert.deepEqual(
      [inv.payment_status, inv.summary_paid],
      ['1', '60.5'],
      'an edit without InvoicePayment keeps the allocations',
    );
    await rejected(s.put(`/api2/client_payments/${payment}`, { ClientPayment: { amount: 50 } }), 'amount');
    assert.equal(
      (await s.put(`/api2/client_payments/${payment}`, { ClientPayment: { payment_method: 'bank_transfer' } })).status,
      200,
    );
    assert.equal((await status()).InvoicePayment[0].payment_method, 'bank_transfer', 'allocations follow the payment');

    // A pending payment's allocation does not count as paid until it is completed.
    assert.equal((await s.put(`/api2/client_payments/${payment}`, { ClientPayment: { status: 2 } })).status, 200);
    inv = await status();
    assert.deepEqual([inv.payment_status, inv.summary_paid], ['0', '0']);
    assert.equal(
      (
        await s.put(`/api2/client_payments/${payment}`, {
          ClientPayment: { status: 1, amount: 100 },
          InvoicePayment: [{ invoice_id: invoice, amount: 100 }],
        })
      ).status,
      200,
    );
    assert.equal((await status()).payment_status, '2');
    const second = await s.create('client_payments', {
      ClientPayment: { client_id: client, payment_method: 'cash', amount: 5 },
      InvoicePayment: [{ invoice_id: invoice, amount: 5 }],
    });
    assert.equal((await status()).payment_status, '4', 'overpaid');
    assert.equal((await s.del(`/api2/client_payments/${second}`)).status, 200);
    assert.equal((await status()).payment_status, '2');
    const listed = await s.get(`/api2/client_payments.json?client_id=${client}`);
    assert.deepEqual(
      listed.body.data.map((r: any) => r.ClientPayment.id),
      [payment],
    );
    assert.equal((await s.del(`/api2/client_payments/${payment}`)).status, 200);
    assert.equal((await s.get(`/api2/client_payments/${payment}`)).status, 404);
    inv = await status();
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.InvoicePayment.length], ['0', '0', 0]);
  });

  it('product categories are read-only and made once per name from product category texts', async () => {
    const s = server();
    await s.create('products', { Product: { name: 'Pen', category: 'Writing,  Office ,Writing' } });
    const product = await s.create('products', { Product: { name: 'Desk', category: 'Office' } });
    assert.equal(
      (await s.put(`/api2/products/${product}`, { Product: { category: 'Furniture, Office' } })).status,
      200,
    );
    const names = (await s.get('/api2/product_categories.json?limit=100')).body.data
      .map((r: any) => r.ProductCategory.name)
      .sort();
    assert.deepEqual(names, ['Furniture', 'Office', 'Writing']);
    const office = (await s.get('/api2/product_categories.json?keywords=Office')).body.data[0].ProductCategory;
    assert.equal(office.name, 'Office');
    const got = await s.get(`/api2/product_categories/${office.id}.json`);
    assert.equal(got.status, 200);
    assert.equal(got.body.data.ProductCategory.name, 'Office');
    assert.notEqual(
      (await s.put(`/api2/product_categories/${office.id}`, { ProductCategory: { name: 'x' } })).status,
      200,
      'no edit',
    );
    assert.notEqual((await s.del(`/api2/product_categories/${office.id}`)).status, 200, 'no delete');
    assert.equal((await s.get(`/api2/product_categories/${office.id}`)).status, 200, 'still there');
  });
});
