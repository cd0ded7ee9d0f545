// References derived from the ref() graph (src/engine/integrity.ts): a delete is refused while any
// record names the record, naming the first one; a write's id must name a record of the target's
// scope (an invoice payment names an invoice, never an estimate). Each case below was a defect while
// the guards were lists kept by hand beside the declarations.
import assert from 'node:assert/strict';
import { type Reply, type TestServer, eachDatabase, it } from './support/harness.js';

/** The delete is refused in Daftra's envelope, naming the record that names it and the column. */
async function refusedDelete(s: TestServer, resource: string, id: string, namedBy: RegExp): Promise<void> {
  const reply = await s.del(`/api2/${resource}/${id}.json`);
  assert.equal(reply.status, 400, `DELETE ${resource}/${id}: ${reply.text}`);
  assert.equal(reply.body.result, 'failed');
  assert.match(reply.body.message, /^Can't delete item\. /);
  assert.match(reply.body.message, namedBy);
  assert.equal((await s.get(`/api2/${resource}/${id}.json`)).status, 200, `${resource} ${id} is still there`);
}

function refusedField(reply: Reply, field: string, problem: RegExp): void {
  assert.equal(reply.status, 400, reply.text);
  assert.equal(reply.body.result, 'failed');
  assert.match(String(reply.body.validation_errors?.[field]), problem, reply.text);
}

eachDatabase('deletes refused while a record names the record', (server) => {
  it('a tax used only on purchase lines', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'Purchase VAT', value: 15 } });
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Tax Supplier' } });
    await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [{ item: 'Paper', unit_price: '10', quantity: 1, tax1: tax }],
    });
    await refusedDelete(s, 'taxes', tax, /Purchase invoice PurchaseOrderItem #\d+ names it in tax1/);
  });

  it('a client with a client payment keeps the payment and its journal', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Paying Client' } });
    const payment = await s.create('client_payments', {
      ClientPayment: { client_id: client, payment_method: 'cash', amount: '25' },
    });
    await refusedDelete(s, 'clients', client, new RegExp(`Client payment #${payment} names it in client_id`));
    const journals = await s.get('/api2/journals.json?limit=100');
    assert.ok(
      journals.body.data.some(
        (row: any) => row.Journal.entity_type === 'client_payment' && String(row.Journal.entity_id) === payment,
      ),
      'the payment keeps its journal',
    );
  });

  it('a supplier used by an expense', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Expense Supplier' } });
    const expense = await s.create('expenses', { Expense: { amount: '11', supplier_id: supplier } });
    await refusedDelete(s, 'suppliers', supplier, new RegExp(`Expense #${expense} names it in supplier_id`));
  });

  it('a product used only on purchase lines', async () => {
    const s = server();
    const product = await s.create('products', {
      Product: { name: 'Bought only', unit_price: '5', buy_price: '3', track_stock: 0 },
    });
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Product Supplier' } });
    await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [{ product_id: product, quantity: 2 }],
    });
    await refusedDelete(s, 'products', product, /Purchase invoice PurchaseOrderItem #\d+ names it in product_id/);
  });

  it('a work order used by time tracking, and one named by an invoice', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Work Client' } });
    const staff = (await s.get('/api2/staff.json')).body.data[0].Staff.id;
    const tracked = await s.create('work_orders', {
      WorkOrder: { client_id: client, title: 'Tracked', start_date: '2024-01-01' },
    });
    const entry = await s.create('time_tracking', {
      TimeTracking: { staff_id: staff, time: '1:30', work_order_id: tracked },
    });
    await refusedDelete(s, 'work_orders', tracked, new RegExp(`#${entry} names it in work_order_id`));
    const invoiced = await s.create('work_orders', {
      WorkOrder: { client_id: client, title: 'Invoiced', start_date: '2024-01-01' },
    });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client, work_order_id: invoiced },
      InvoiceItem: [{ item: 'Work', unit_price: '9' }],
    });
    await refusedDelete(s, 'work_orders', invoiced, new RegExp(`Invoice #${invoice} names it in work_order_id`));
    // An invoice's work_order_id is a reference now: one that names nothing is refused.
    refusedField(
      await s.post('/api2/invoices.json', {
        Invoice: { client_id: client, work_order_id: 999999 },
        InvoiceItem: [{ item: 'Work', unit_price: '9' }],
      }),
      'work_order_id',
      /does not exist/,
    );
  });

  it('guards once kept by hand name the record too (a tax on a sales line, an invoice with a credit note)', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'Sales VAT', value: 5 } });
    const client = await s.create('clients', { Client: { business_name: 'Named Client' } });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Pen', unit_price: '10', tax1: tax }],
    });
    await refusedDelete(s, 'taxes', tax, /Invoice InvoiceItem #\d+ names it in tax1/);
    await refusedDelete(s, 'clients', client, new RegExp(`Invoice #${invoice} names it in client_id`));
    const credit = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Back', unit_price: '1' }],
    });
    await refusedDelete(s, 'invoices', invoice, new RegExp(`Credit note #${credit} names it in subscription_id`));
    // Once what names them is gone, they go.
    assert.equal((await s.del(`/api2/credit_notes/${credit}.json`)).status, 200);
    assert.equal((await s.del(`/api2/invoices/${invoice}.json`)).status, 200);
    assert.equal((await s.del(`/api2/taxes/${tax}.json`)).status, 200);
    assert.equal((await s.del(`/api2/clients/${client}.json`)).status, 200);
  });
});

eachDatabase('references honour the scope of their target', (server) => {
  it('an invoice payment cannot name an estimate, which stays unpaid', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Estimate Client' } });
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'Quote', unit_price: '40' }],
    });
    refusedField(
      await s.post('/api2/invoice_payments.json', {
        InvoicePayment: { invoice_id: estimate, payment_method: 'cash', amount: '40' },
      }),
      'invoice_id',
      new RegExp(`must be an invoice: #${estimate} is an estimate`),
    );
    refusedField(
      await s.post('/api2/client_payments.json', {
        ClientPayment: { client_id: client, payment_method: 'cash', amount: '40' },
        InvoicePayment: [{ invoice_id: estimate, amount: '40' }],
      }),
      'InvoicePayment.0.invoice_id',
      /must be an invoice: .* is an estimate/,
    );
    const after = (await s.get(`/api2/estimates/${estimate}.json`)).body.data.Estimate;
    assert.deepEqual(
      [after.summary_paid, after.payment_status, after.summary_unpaid],
      ['0', '0', '40'],
      'the estimate shows as unpaid',
    );
    assert.equal((await s.get(`/api2/invoice_payments.json?filter[invoice_id]=${estimate}`)).body.data.length, 0);
  });

  it('a credit note returns an invoice, not another credit note; a purchase refund a purchase invoice', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Scope Client' } });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Pen', unit_price: '10' }],
    });
    const credit = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Back', unit_price: '1' }],
    });
    refusedField(
      await s.post('/api2/credit_notes.json', {
        CreditNote: { client_id: client, subscription_id: credit },
        InvoiceItem: [{ item: 'Back', unit_price: '1' }],
      }),
      'subscription_id',
      /must be an invoice: #\d+ is a credit note/,
    );
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Scope Supplier' } });
    const purchase = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [{ item: 'Ink', unit_price: '8', quantity: 1 }],
    });
    const refund = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier, subscription_id: purchase },
      PurchaseOrderItem: [{ item: 'Ink', unit_price: '8', quantity: 1 }],
    });
    refusedField(
      await s.post('/api2/purchase_refunds.json', {
        PurchaseRefund: { supplier_id: supplier, subscription_id: refund },
        PurchaseOrderItem: [{ item: 'Ink', unit_price: '8', quantity: 1 }],
      }),
      'subscription_id',
      /must be a purchase invoice: #\d+ is a purchase refund/,
    );
  });
});
