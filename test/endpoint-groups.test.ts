// Every endpoint group beyond the foundation slice, through every operation it has, with at least one
// invalid request each, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { type TestServer, eachDatabase, it } from './support/harness.js';

interface Walk {
  resource: string;
  model: string;
  create: (s: TestServer) => Promise<Record<string, unknown>>;
  edit: Record<string, unknown>;
  invalid: (s: TestServer) => Promise<[Record<string, unknown>, string]>;
}

/** Create (202), get, list, edit (PUT), get again, an invalid create (400 naming the field), delete, 404. */
async function walk(s: TestServer, group: Walk): Promise<void> {
  const body = { [group.model]: await group.create(s) };
  const id = await s.create(group.resource, body);
  const got = await s.get(`/api2/${group.resource}/${id}.json`);
  assert.equal(got.status, 200, `${group.resource} get: ${got.text}`);
  assert.equal(got.body.data[group.model].id, id);
  const listed = await s.get(`/api2/${group.resource}.json?limit=500`);
  assert.ok(
    listed.body.data.some((row: any) => row[group.model].id === id),
    `${group.resource} lists it`,
  );
  const edited = await s.put(`/api2/${group.resource}/${id}.json`, { [group.model]: group.edit });
  assert.equal(edited.status, 200, `${group.resource} edit: ${edited.text}`);
  const after = (await s.get(`/api2/${group.resource}/${id}`)).body.data[group.model];
  for (const [field, value] of Object.entries(group.edit))
    assert.equal(after[field], String(value), `${group.resource}.${field} edited`);
  const [invalidBody, field] = await group.invalid(s);
  const invalid = await s.post(`/api2/${group.resource}.json`, { [group.model]: invalidBody });
  assert.equal(invalid.status, 400, `${group.resource} invalid: ${invalid.text}`);
  assert.ok(invalid.body.validation_errors?.[field], `${group.resource} names ${field}: ${invalid.text}`);
  assert.equal((await s.del(`/api2/${group.resource}/${id}`)).status, 200, `${group.resource} delete`);
  assert.equal((await s.get(`/api2/${group.resource}/${id}`)).status, 404);
}

const clientOf = (s: TestServer) => s.create('clients', { Client: { business_name: `C ${Math.random()}` } });

eachDatabase('endpoint groups', (server) => {
  it('suppliers: auto numbers, lookups, delete rules', async () => {
    const s = server();
    await walk(s, {
      resource: 'suppliers',
      model: 'Supplier',
      create: async () => ({ business_name: 'Paper Mill', email: 'sales@mill.example', bn1: '٣٠٠١٢٣٤٥٦٧٠٠٠٠٣' }),
      edit: { city: 'Jeddah' },
      invalid: async () => [{ email: 'no name' }, 'business_name'],
    });
    const id = await s.create('suppliers', { Supplier: { first_name: 'Omar', last_name: 'Saleh' } });
    const supplier = (await s.get(`/api2/suppliers/${id}`)).body.data.Supplier;
    assert.equal(supplier.business_name, 'Omar Saleh');
    assert.match(supplier.supplier_number, /^\d{6}$/);
    const dup = await s.post('/api2/suppliers.json', {
      Supplier: { business_name: 'Dup', supplier_number: supplier.supplier_number },
    });
    assert.ok(dup.body.validation_errors.supplier_number);
    assert.equal((await s.get('/api2/suppliers.json?keywords=omar')).body.pagination.total_results, 1);
    const vat = await s.create('clients', { Client: { business_name: 'Digits', bn1: '٣٠٠٩٩٩٨٨٨٧٧٧٠٠٠٣' } });
    assert.deepEqual(
      (await s.get('/api2/clients.json?keywords=300999888777')).body.data.map((r: any) => r.Client.id),
      [vat],
      'ASCII finds Arabic-Indic',
    );
    const ascii = await s.create('clients', { Client: { business_name: 'Ascii', bn1: '311111111100003' } });
    assert.deepEqual(
      (await s.get(`/api2/clients.json?keywords=${encodeURIComponent('٣١١١١١١١١١')}`)).body.data.map(
        (r: any) => r.Client.id,
      ),
      [ascii],
      'and back',
    );
    assert.equal(
      (await s.get(`/api2/suppliers.json?filter[supplier_number]=${supplier.supplier_number}`)).body.data[0].Supplier
        .id,
      id,
    );
  });

  it('work orders: numbers, status enum, client reference', async () => {
    const s = server();
    await walk(s, {
      resource: 'work_orders',
      model: 'WorkOrder',
      create: async (t) => ({
        title: 'Fit-out',
        start_date: '2024-03-01',
        client_id: await clientOf(t),
        budget: '1500.50',
      }),
      edit: { status: 2, budget: '1600' },
      invalid: async () => [{ title: 'x', start_date: '2024-03-01', status: 9 }, 'status'],
    });
    const missing = await s.post('/api2/work_orders.json', { WorkOrder: { start_date: '2024-01-01' } });
    assert.equal(missing.body.validation_errors.title, 'is required');
    const late = await s.post('/api2/work_orders.json', {
      WorkOrder: { title: 'x', start_date: '2024-05-01', delivery_date: '2024-04-01' },
    });
    assert.ok(late.body.validation_errors.delivery_date);
    const numbered = (
      await s.get(
        `/api2/work_orders/${await s.create('work_orders', { WorkOrder: { title: 'n', start_date: '2024-01-01' } })}`,
      )
    ).body.data.WorkOrder;
    assert.match(numbered.number, /^\d{6}$/);
  });

  it('appointments of each item type bind to an item of that type', async () => {
    const s = server();
    const client = await clientOf(s);
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    const workOrder = await s.create('work_orders', { WorkOrder: { title: 'w', start_date: '2024-01-01' } });
    const kinds: Array<[string, string, string]> = [
      ['client_appointments', 'ClientAppointment', client],
      ['invoice_appointments', 'InvoiceAppointment', invoice],
      ['estimate_appointments', 'EstimateAppointment', estimate],
      ['work_order_appointments', 'WorkOrderAppointment', workOrder],
    ];
    for (const [resource, model, itemId] of kinds) {
      await walk(s, {
        resource,
        model,
        create: async () => ({ item_id: itemId, date: '2024-06-01 10:00:00', body: 'Call back', recurring: '1' }),
        edit: { status: 1 },
        invalid: async () => [{ item_id: 987654, date: '2024-06-01 10:00:00' }, 'item_id'],
      });
    }
    // An invoice id is not an estimate: each kind checks its own item type.
    const wrongType = await s.post('/api2/estimate_appointments.json', {
      EstimateAppointment: { item_id: invoice, date: '2024-06-01' },
    });
    assert.equal(wrongType.status, 400);
    const mine = await s.create('client_appointments', { ClientAppointment: { item_id: client, date: '2024-06-02' } });
    assert.equal((await s.get(`/api2/invoice_appointments/${mine}`)).status, 404, 'each kind sees only its own');
  });

  it('estimates, credit notes and refund receipts walk like invoices', async () => {
    const s = server();
    const client = await clientOf(s);
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'x', unit_price: 100 }],
    });
    for (const [resource, model] of [
      ['estimates', 'Estimate'],
      ['credit_notes', 'CreditNote'],
      ['refund_receipts', 'RefundReceipt'],
    ] as const) {
      const links = resource === 'estimates' ? {} : { subscription_id: invoice };
      const id = await s.create(resource, {
        [model]: { client_id: client, ...links },
        InvoiceItem: [{ item: 'x', unit_price: 10 }],
      });
      const got = (await s.get(`/api2/${resource}/${id}.json`)).body.data[model];
      assert.equal(got.summary_total, '10');
      assert.equal(got.InvoiceItem.length, 1, 'lines under InvoiceItem');
      assert.equal((await s.get(`/api2/invoices/${id}`)).status, 404, 'not an invoice');
      assert.equal((await s.put(`/api2/${resource}/${id}`, { [model]: { notes: 'n' } })).status, 200);
      const invalid = await s.post(`/api2/${resource}.json`, {
        [model]: { client_id: client },
        InvoiceItem: [{ item: 'x', unit_price: 'ten' }],
      });
      assert.ok(invalid.body.validation_errors['InvoiceItem.0.unit_price'], resource);
      assert.equal((await s.del(`/api2/${resource}/${id}`)).status, 200);
    }
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'Quoted', unit_price: '12.5', quantity: 2 }],
    });
    const converted = await s.create('invoices', { Invoice: { client_id: client, estimate_id: estimate } });
    const fromEstimate = (await s.get(`/api2/invoices/${converted}`)).body.data.Invoice;
    assert.deepEqual(
      [fromEstimate.estimate_id, fromEstimate.summary_total, fromEstimate.InvoiceItem[0].item],
      [estimate, '25', 'Quoted'],
      'an estimate converts into an invoice',
    );
    const notAnEstimate = await s.post('/api2/invoices.json', { Invoice: { client_id: client, estimate_id: invoice } });
    assert.ok(notAnEstimate.body.validation_errors.estimate_id);
    const viaInvoices = await s.create('invoices', {
      Invoice: { client_id: client, type: 3 },
      InvoiceItem: [{ item: 'x', unit_price: 5 }],
    });
    assert.equal(
      (await s.get(`/api2/estimates/${viaInvoices}`)).body.data.Estimate.type,
      '3',
      'POST /invoices with type 3 makes an estimate',
    );
    const wrongLink = await s.post('/api2/credit_notes.json', {
      CreditNote: { client_id: await clientOf(s), subscription_id: invoice },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    assert.ok(wrongLink.body.validation_errors.client_id, 'a credit note is for the invoice client');
  });

  it('journal accounts and cats form the chart, stock transactions move stock by hand', async () => {
    const s = server();
    const cats = (await s.get('/api2/journal_cats.json?limit=100')).body.data.map((r: any) => r.JournalCat);
    const assets = cats.find((c: any) => c.name === 'Assets');
    await walk(s, {
      resource: 'journal_cats',
      model: 'JournalCat',
      create: async () => ({ name: 'Prepaid', type: '0', journal_cat_id: assets.id }),
      edit: { color: '#00aa00' },
      invalid: async () => [{ name: 'x', type: '7' }, 'type'],
    });
    await walk(s, {
      resource: 'journal_accounts',
      model: 'JournalAccount',
      create: async () => ({ name: 'Petty cash', type: '0', journal_cat_id: assets.id, code: '1115' }),
      edit: { name: 'Petty cash box' },
      invalid: async () => [{ name: 'x', type: '0', journal_cat_id: 999999 }, 'journal_cat_id'],
    });
    const product = await s.create('products', { Product: { name: 'Box', track_stock: 1 } });
    await walk(s, {
      resource: 'stock_transactions',
      model: 'StockTransaction',
      create: async () => ({ product_id: product, transaction_type: 1, quantity: '12.5', price: 3 }),
      edit: { quantity: '10' },
      invalid: async () => [{ product_id: product, transaction_type: 3, quantity: 1 }, 'transaction_type'],
    });
    await s.create('stock_transactions', {
      StockTransaction: { product_id: product, transaction_type: 1, quantity: 5 },
    });
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '5');
    const out = await s.post('/api2/stock_transactions.json', {
      StockTransaction: { product_id: product, transaction_type: 2, quantity: 6 },
    });
    assert.equal(out.status, 400, 'cannot take out more than there is');
    assert.ok(out.body.validation_errors.quantity);
  });

  it('expenses and incomes compute their taxes; time tracking prices hours; categories follow products', async () => {
    const s = server();
    const vat = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const vatIn = await s.create('taxes', { Tax: { name: 'VAT in', value: 15, included: 1 } });
    for (const [resource, model] of [
      ['expenses', 'Expense'],
      ['incomes', 'Income'],
    ] as const) {
      await walk(s, {
        resource,
        model,
        create: async () => ({ amount: '200', vendor: 'Landlord', category: 'Rent', tax1_id: vat }),
        edit: { note: 'March' },
        invalid: async () => [{ amount: '-3' }, 'amount'],
      });
      const id = await s.create(resource, { [model]: { amount: '115', tax1_id: vatIn } });
      const got = (await s.get(`/api2/${resource}/${id}`)).body.data[model];
      assert.deepEqual(
        [got.tax1_amount, got.tax1_included, got.tax1_name, got.currency_code],
        ['15', '1', 'VAT in', 'SAR'],
      );
      assert.equal(got.treasury_id, '1');
    }
    const expense = await s.create('expenses', { Expense: { amount: 1 } });
    assert.equal((await s.get(`/api2/incomes/${expense}`)).status, 404, 'an expense is not an income');

    await walk(s, {
      resource: 'time_tracking',
      model: 'TimeTracking',
      create: async () => ({ staff_id: 0, time: '1:30', notes: 'design' }),
      edit: { time: '2:15' },
      invalid: async () => [{ staff_id: 0, time: '90 minutes' }, 'time'],
    });
    const entry = await s.create('time_tracking', { TimeTracking: { staff_id: 0, time: '0:45' } });
    const got = (await s.get(`/api2/time_tracking/${entry}`)).body.data.TimeTracking;
    assert.deepEqual(got.time_formatted, { hours: '0', minutes: '45', seconds: '0', string: '0:45' });

    await s.create('products', { Product: { name: 'Pencil', category: 'Stationery, Office' } });
    const categories = (await s.get('/api2/product_categories.json')).body.data
      .map((r: any) => r.ProductCategory.name)
      .sort();
    assert.deepEqual(categories, ['Office', 'Stationery']);
    const first = (await s.get('/api2/product_categories.json')).body.data[0].ProductCategory;
    assert.equal((await s.get(`/api2/product_categories/${first.id}.json`)).body.data.ProductCategory.name, first.name);
    assert.equal(
      (await s.post('/api2/product_categories.json', { ProductCategory: { name: 'x' } })).status,
      404,
      'read-only',
    );
    assert.equal((await s.get('/api2/product_categories/999999')).body.message, 'Category not found');
  });

  it('notes are created on an item by type name or code, then listed, edited and deleted', async () => {
    const s = server();
    const client = await clientOf(s);
    const product = await s.create('products', { Product: { name: 'Noted' } });
    const byName = await s.post(`/api2/notes/client/${client}.json`, {
      Note: { body: '<p>Called, will pay Monday</p>' },
    });
    assert.equal(byName.status, 202, byName.text);
    const byCode = await s.post(`/api2/notes/7/${product}`, { Note: { body: 'reorder soon' } });
    assert.equal(byCode.status, 202, byCode.text);
    const note = (await s.get(`/api2/notes/${byName.body.id}.json`)).body.data.Note;
    assert.deepEqual([note.item_type, note.item_id, note.body], ['1', client, '<p>Called, will pay Monday</p>']);
    assert.equal((await s.get(`/api2/notes.json?item_type=7`)).body.data[0].Note.id, byCode.body.id);
    assert.equal((await s.put(`/api2/notes/${byName.body.id}`, { Note: { body: 'paid' } })).status, 200);
    assert.equal((await s.get(`/api2/notes/${byName.body.id}`)).body.data.Note.body, 'paid');
    const missing = await s.post('/api2/notes/client/999999', { Note: { body: 'x' } });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.validation_errors.item_id);
    assert.equal(
      (await s.post(`/api2/notes/spaceship/${client}`, { Note: { body: 'x' } })).body.message,
      'Invalid Endpoint',
    );
    assert.equal((await s.del(`/api2/notes/${byName.body.id}`)).status, 200);
    assert.equal((await s.get(`/api2/notes/${byName.body.id}`)).status, 404);
  });

  it('follow-up actions and statuses come seeded, listed by type, read and deleted by id', async () => {
    const s = server();
    for (const [resource, model] of [
      ['follow_up_actions', 'FollowUpAction'],
      ['follow_up_statuses', 'FollowUpStatus'],
    ] as const) {
      const list = await s.get(`/api2/${resource}/client.json`);
      assert.equal(list.status, 200, list.text);
      assert.ok(list.body.data.length >= 4, `${resource} seeded`);
      assert.ok(list.body.data.every((row: any) => row[model].item_type === '1'));
      const byCode = await s.get(`/api2/${resource}/8`);
      assert.equal(byCode.body.data[model].id, '8', 'a numeric segment is a GET single by id');
      const byTypeName = await s.get(`/api2/${resource}/work_order`);
      assert.ok(byTypeName.body.data.every((row: any) => row[model].item_type === '8'));
      const id = list.body.data[0][model].id;
      assert.equal((await s.get(`/api2/${resource}/${id}.json`)).body.data[model].id, id);
      assert.equal((await s.del(`/api2/${resource}/${id}`)).status, 200);
      assert.equal((await s.get(`/api2/${resource}/${id}`)).status, 404);
      assert.equal((await s.get(`/api2/${resource}/nonsense`)).status, 404);
    }
  });

  it('client attendance log stores visits; general listing maps ids to titles', async () => {
    const s = server();
    const client = await clientOf(s);
    const visit = await s.post('/api2/client-attendance-log/store', {
      ClientAttendance: { client_id: client, time: '2024-05-01 09:30:00' },
    });
    assert.equal(visit.status, 202, visit.text);
    const bad = await s.post('/api2/client-attendance-log/store', { ClientAttendance: { time: 'yesterday' } });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.validation_errors.time);
    const product = await s.create('products', { Product: { name: 'Listed' } });
    const products = await s.get('/api2/listing/Product');
    assert.equal(products.body.data.Listing[product], 'Listed', 'data.Listing, as the docs show');
    for (const model of [
      'Timezone',
      'dateFormats',
      'languageCodes',
      'Branch',
      'Role',
      'InvoiceLayout',
      'GroupPrice',
      'TimeActivity',
    ]) {
      const reply = await s.get(`/api2/listing/${model}`);
      assert.equal(reply.status, 200, model);
      assert.equal(typeof reply.body.data.Listing, 'object');
    }
    const unknown = await s.get('/api2/listing/Spaceship');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.message, 'Invalid Endpoint');
  });

  it('purchase invoices bring stock in, purchase refunds take it out, under every accepted key and path', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Wholesale Co', city: 'Riyadh' } });
    const vat = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    const product = await s.create('products', { Product: { name: 'Crate', buy_price: '4.5', track_stock: 1 } });
    await walk(s, {
      resource: 'purchase_invoices',
      model: 'PurchaseOrder',
      create: async () => ({
        supplier_id: supplier,
        PurchaseOrderItem: [{ product_id: product, quantity: 10, tax1: vat }],
      }),
      edit: { notes: 'received' },
      invalid: async () => [{ supplier_id: 999999, PurchaseOrderItem: [{ item: 'x', unit_price: 1 }] }, 'supplier_id'],
    });
    assert.equal(
      (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance,
      '0',
      'deleted purchase took its stock back',
    );
    const purchase = await s.create('purchase_invoices', {
      PurchaseInvoice: { supplier_id: supplier },
      PurchaseInvoiceItem: { product_id: product, quantity: 10, tax1: vat },
    });
    const got = (await s.get(`/api2/purchase_orders/${purchase}.json`)).body.data.PurchaseOrder;
    assert.deepEqual(
      [got.summary_subtotal, got.summary_tax1, got.summary_total],
      ['45', '6.75', '51.75'],
      'unit cost from buy_price',
    );
    assert.equal(got.supplier_business_name, 'Wholesale Co');
    assert.equal(got.Supplier.id, supplier);
    assert.equal(got.PurchaseOrderItem.length, 1);
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '10');
    const refund = await s.create('purchase_refunds', {
      PurchaseRefund: { supplier_id: supplier, subscription_id: purchase },
      PurchaseOrderItem: [{ product_id: product, quantity: 4 }],
    });
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '6');
    assert.equal(
      (await s.put(`/api2/purchase_refunds/${refund}`, { PurchaseRefund: { notes: 'damaged' } })).status,
      200,
    );
    assert.equal((await s.del(`/api2/purchase_invoices/${purchase}`)).status, 400, 'refunded purchases are kept');
    const tooMany = await s.post('/api2/purchase_refunds.json', {
      PurchaseRefund: { supplier_id: supplier },
      PurchaseOrderItem: [{ product_id: product, quantity: 7 }],
    });
    assert.ok(tooMany.body.validation_errors['PurchaseOrderItem.0.quantity'], 'cannot return more than is in stock');
    const draft = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier, draft: 1 },
      PurchaseOrderItem: [{ product_id: product, quantity: 100 }],
    });
    assert.equal(
      (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance,
      '6',
      'a draft moves nothing',
    );
    assert.equal((await s.get(`/api2/purchase_invoices/${draft}`)).body.data.PurchaseOrder.payment_status, '-1');
    assert.equal(
      (await s.get(`/api2/purchase_invoices.json?supplier_id=${supplier}`)).body.pagination.total_results,
      2,
    );
    assert.equal((await s.get(`/api2/purchase_refunds/${purchase}`)).status, 404, 'a purchase invoice is not a refund');
  });

  it('client payments: on account, or allocated to the client invoices which then change status', async () => {
    const s = server();
    const client = await clientOf(s);
    await walk(s, {
      resource: 'client_payments',
      model: 'ClientPayment',
      create: async () => ({ client_id: client, payment_method: 'cash', amount: '50' }),
      edit: { notes: 'deposit' },
      invalid: async () => [{ client_id: client, amount: 5 }, 'payment_method'],
    });
    const first = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'a', unit_price: 100 }],
    });
    const second = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'b', unit_price: 30 }],
    });
    const payment = await s.create('client_payments', {
      ClientPayment: { client_id: client, payment_method: 'bank_transfer', amount: '150', transaction_id: 'TRX-9' },
      InvoicePayment: [
        { invoice_id: first, amount: '100' },
        { invoice_id: second, amount: '10' },
      ],
    });
    const status = async (id: string) => (await s.get(`/api2/invoices/${id}`)).body.data.Invoice;
    assert.deepEqual([(await status(first)).payment_status, (await status(second)).payment_status], ['2', '1']);
    assert.equal((await status(second)).InvoicePayment[0].transaction_id, 'TRX-9');
    const onAccount = await s.get(`/api2/journals.json?entity_type=client_payment&entity_id=${payment}`);
    assert.equal(onAccount.body.data[0].Journal.total_debit, '40', 'the unallocated 40 stays on account');
    await s.put(`/api2/client_payments/${payment}`, { InvoicePayment: [{ invoice_id: second, amount: '30' }] });
    assert.deepEqual(
      [(await status(first)).payment_status, (await status(second)).payment_status],
      ['0', '2'],
      'allocations replaced',
    );
    const other = await clientOf(s);
    const foreign = await s.post('/api2/client_payments.json', {
      ClientPayment: { client_id: other, payment_method: 'cash', amount: 10 },
      InvoicePayment: [{ invoice_id: first, amount: 10 }],
    });
    assert.ok(foreign.body.validation_errors['InvoicePayment.0.invoice_id'], "only the client's own invoices");
    const over = await s.post('/api2/client_payments.json', {
      ClientPayment: { client_id: client, payment_method: 'cash', amount: 10 },
      InvoicePayment: [{ invoice_id: first, amount: 20 }],
    });
    assert.ok(over.body.validation_errors.amount, 'allocations cannot exceed the payment');
    await s.del(`/api2/client_payments/${payment}`);
    assert.deepEqual(
      [(await status(first)).payment_status, (await status(second)).payment_status],
      ['0', '0'],
      'delete takes the allocations back',
    );
    assert.equal(
      (await s.get(`/api2/journals.json?entity_type=client_payment&entity_id=${payment}`)).body.pagination
        .total_results,
      0,
    );
  });
});
