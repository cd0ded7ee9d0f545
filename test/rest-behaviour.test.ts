// Behaviour behind the rest of the docs export: purchase debit notes book like purchase refunds and
// move no stock; requisitions, advance payments, bookings and multi-entity writes follow below.
import assert from 'node:assert/strict';
import { before } from 'node:test';
import { eachDatabase, it } from './support/harness.js';
import { journalOf } from './support/books.js';
import { bookProblems } from './support/db-state.js';

const V2 = '/v2/api/entity';

eachDatabase('rest of the docs export: behaviour', (server) => {
  let supplier = '';
  let product = '';
  let tax = '';
  let purchase = '';

  before(async () => {
    const s = server();
    tax = await s.create('taxes', { Tax: { name: 'VAT', value: 15 } });
    supplier = await s.create('suppliers', { Supplier: { business_name: 'Bulk Foods' } });
    product = await s.create('products', {
      Product: { name: 'Rice 5kg', unit_price: '40', buy_price: '25', track_stock: 1 },
    });
    purchase = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [{ product_id: product, quantity: 10, unit_price: '25', tax1: tax }],
    });
  });

  it('books a purchase debit note like a purchase refund (Dr supplier, Cr purchases and input tax) and moves no stock', async () => {
    const s = server();
    const stockBefore = (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance;
    const created = await s.post(`${V2}/purchase_debit_note`, {
      type: '14',
      supplier_id: Number(supplier),
      date: '23/03/2026',
      draft: '0',
      subscription_id: Number(purchase),
      purchase_debit_notes_items: [
        { product_id: Number(product), item: 'Rice 5kg', unit_price: 10, quantity: 2, tax1: Number(tax) },
      ],
      summary_total: { currency: 'SAR' },
      PurchaseOrderCustomField: { 0: { label: 'x', value: 'y' } },
    });
    assert.equal(created.status, 200, created.text);
    const note = (await s.get(`${V2}/purchase_debit_note/${created.body.id}/1`)).body;
    assert.equal(note.type, 14);
    assert.equal(String(note.summary_total), '23');
    assert.equal(note.date, '2026-03-23');
    assert.equal(
      (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance,
      stockBefore,
      'no stock moves',
    );
    const journal = await journalOf(s, 'purchase_debit_note', String(created.body.id));
    assert.ok(journal, 'the debit note has a journal');
    const lines = journal.JournalTransaction as Array<{ debit: string; credit: string; subkey: string | null }>;
    const supplierLine = lines.find((line) => line.subkey === 'supplier')!;
    assert.equal(supplierLine.debit, '23');
    assert.equal(lines.find((line) => line.subkey === 'outcome_tax')!.credit, '3');
    assert.equal(journal.total_debit, '23');
    // Listed on its own entity (list/-1: header only), not among purchase invoices or refunds.
    const listed = await s.get(`${V2}/purchase_debit_note/list/-1`);
    assert.deepEqual(
      listed.body.data.map((row: { id: number }) => row.id),
      [created.body.id],
    );
    assert.equal((await s.get(`/api2/purchase_refunds/${created.body.id}`)).status, 404);
    // The purchase invoice it corrects cannot be deleted under it.
    assert.equal((await s.del(`/api2/purchase_invoices/${purchase}`)).status, 400);
    assert.equal((await s.get(`${V2}/purchase_debit_note/${created.body.id}`)).status, 200);
    assert.equal((await s.del(`${V2}/purchase_debit_note/${created.body.id}`)).status, 200);
    assert.equal(
      await journalOf(s, 'purchase_debit_note', String(created.body.id)),
      undefined,
      'its journal goes with it',
    );
    assert.deepEqual(await bookProblems(s.database), []);
  });
});

eachDatabase('requisitions', (server) => {
  let product = '';
  let main = '';
  let second = '';
  const stockIn = async (storeId: string) => {
    const rows = (
      await server().get(
        `/api2/stock_transactions.json?filter[product_id]=${product}&filter[store_id]=${storeId}&limit=100`,
      )
    ).body.data;
    return rows.reduce(
      (total: number, row: any) =>
        total + (row.StockTransaction.transaction_type === '1' ? 1 : -1) * Number(row.StockTransaction.quantity),
      0,
    );
  };

  before(async () => {
    const s = server();
    main = (await s.get('/api2/stores.json')).body.data[0].Store.id;
    second = await s.create('stores', { Store: { name: 'Jeddah' } });
    product = await s.create('products', {
      Product: { name: 'Dates 1kg', unit_price: '30', buy_price: '12', track_stock: 1 },
    });
  });

  it('moves stock only when accepted: inbound, then a transfer between stores, each with its journal', async () => {
    const s = server();
    const inbound = await s.create('requisitions', {
      Requisition: {
        type: 1,
        currency_code: '',
        Status: '',
        Order_type: '',
        work_order_id: '',
        date: '09/11/2025 14:32',
        store_id: main,
        To_store_id: '',
        journal_account_id: '',
        number: '',
        notes: '',
      },
      RequisitionItem: [
        {
          item: 'item',
          product_id: Number(product),
          org_name: '',
          unit_price: 12,
          quantity: 10,
          lot: [586865858],
          expiry_date: ['2024-09-29'],
          serials: [],
        },
      ],
    });
    const pending = (await s.get(`/api2/requisitions/${inbound}`)).body.data.Requisition;
    assert.equal(pending.status, '1', 'under delivery by default');
    assert.equal(pending.date, '2025-11-09 14:32:00');
    assert.ok(pending.number);
    assert.equal(pending.RequisitionItem.length, 1);
    assert.equal(await stockIn(main), 0, 'a pending requisition moves nothing');
    assert.equal(await journalOf(s, 'requisition', inbound), undefined);

    assert.equal((await s.put(`/api2/requisitions/${inbound}`, { Requisition: { Status: 3 } })).status, 200);
    assert.equal(await stockIn(main), 10, 'accepted: 10 in');
    const journal = await journalOf(s, 'requisition', inbound);
    assert.equal(journal.total_debit, '120');

    const transfer = await s.create('requisitions', {
      Requisition: { type: 3, status: 3, store_id: main, to_store_id: second },
      RequisitionItem: [{ product_id: product, quantity: 4 }],
    });
    assert.equal(await stockIn(main), 6);
    assert.equal(await stockIn(second), 4);
    const moved = await journalOf(s, 'requisition', transfer);
    assert.equal(moved.total_debit, '48', 'the receipt comes in at the cost it left at (4 × 12)');

    // Rejecting it puts the goods back; deleting the inbound one takes its stock and journal away.
    assert.equal((await s.put(`/api2/requisitions/${transfer}`, { Requisition: { status: 4 } })).status, 200);
    assert.equal(await stockIn(second), 0);
    assert.equal(await journalOf(s, 'requisition', transfer), undefined);
    assert.deepEqual(await bookProblems(s.database), []);
  });

  it('filters invoices by requisition_delivery_status (requisitions made for them: order_type 3, order_id)', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Requisition client' } });
    const invoice = async () =>
      s.create('invoices', {
        Invoice: { client_id: client, draft: 1 },
        InvoiceItem: [{ product_id: product, quantity: 1 }],
      });
    const [delivered, pending, none] = [await invoice(), await invoice(), await invoice()];
    for (const [order, status] of [
      [delivered, 3],
      [pending, 1],
    ] as const) {
      await s.create('requisitions', {
        Requisition: { type: 2, status, order_type: 3, order_id: order, store_id: main },
        RequisitionItem: [{ product_id: product, quantity: 1 }],
      });
    }
    const ids = async (value: string) =>
      (await s.get(`/api2/invoices.json?client_id=${client}&requisition_delivery_status=${value}`)).body.data
        .map((row: any) => row.Invoice.id)
        .sort();
    assert.deepEqual(await ids('3'), [delivered]);
    assert.deepEqual(await ids('pending'), [pending]);
    assert.deepEqual(await ids('0'), [none]);
    const v2 = (await s.get(`${V2}/invoice/list/1?filter[client_id]=${client}&filter[requisition_delivery_status]=3`))
      .body;
    assert.equal(v2.total, 1);
  });

  it('refuses a transfer without a destination or to the same store, an outbound beyond stock, and an empty one', async () => {
    const s = server();
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        {
          Requisition: { type: 3, status: 3, store_id: main },
          RequisitionItem: [{ product_id: product, quantity: 1 }],
        },
        'to_store_id',
      ],
      [
        {
          Requisition: { type: 3, store_id: main, to_store_id: main },
          RequisitionItem: [{ product_id: product, quantity: 1 }],
        },
        'to_store_id',
      ],
      [
        {
          Requisition: { type: 2, status: 3, store_id: second },
          RequisitionItem: [{ product_id: product, quantity: 1000 }],
        },
        'RequisitionItem.0.quantity',
      ],
      [{ Requisition: { type: 1 } }, 'RequisitionItem'],
      [{ Requisition: { type: 7 }, RequisitionItem: [{ product_id: product, quantity: 1 }] }, 'type'],
    ];
    for (const [body, field] of cases) {
      const reply = await s.post('/api2/requisitions', body);
      assert.equal(reply.status, 400, `${JSON.stringify(body)}: ${reply.text}`);
      assert.ok(reply.body.validation_errors[field], `${field}: ${reply.text}`);
    }
  });
});

eachDatabase('bookings and multi-entity', (server) => {
  let client = '';
  let service = '';

  before(async () => {
    const s = server();
    client = await s.create('clients', { Client: { business_name: 'Salon client' } });
    service = await s.create('products', { Product: { name: 'Haircut', unit_price: '50', type: 2 } });
  });

  it("adds a booking in the docs' invoice shape, changes its status and converts it to an invoice linked both ways", async () => {
    const s = server();
    const added = await s.post('/api2/bookings/add', {
      InvoiceItem: [{ product_id: service }],
      Invoice: {
        staff_id: '0',
        date: '28/09/2025',
        client_id: client,
        description: 'Friday',
        end_time: '23:59',
        start_time: '00:00',
        branch_id: 1,
        converted: 1,
      },
    });
    assert.equal(added.status, 202, added.text);
    const id = added.body.id;
    const v2 = (await s.get(`${V2}/booking/${id}/1`)).body;
    assert.equal(v2.date, '2025-09-28');
    assert.equal(v2.converted, 0, 'not converted until convert_to_invoice');
    assert.equal((await s.get(`${V2}/booking/list/1`)).body.total, 1);
    assert.equal((await s.get(`/api2/bookings/change_status/${id}/1`)).status, 200);
    assert.equal((await s.get(`/api2/bookings/${id}`)).body.data.Booking.status, '1');
    assert.equal((await s.get(`/api2/bookings/change_status/${id}/7`)).status, 400);

    const converted = await s.get(`/api2/bookings/convert_to_invoice/${id}`);
    assert.equal(converted.status, 202, converted.text);
    const invoiceId = converted.body.id;
    const invoice = (await s.get(`/api2/invoices/${invoiceId}`)).body.data.Invoice;
    assert.equal(invoice.client_id, client);
    assert.equal(invoice.source_type, '22');
    assert.equal(invoice.source_id, String(id));
    assert.equal(invoice.summary_total, '50', 'priced from the service');
    const booking = (await s.get(`/api2/bookings/${id}`)).body.data.Booking;
    assert.equal(booking.invoice_id, invoiceId);
    assert.equal(booking.status, '4');
    assert.equal((await s.get(`/api2/bookings/convert_to_invoice/${id}`)).status, 400, 'converted once');
    assert.equal((await s.del(`/api2/bookings/${id}`)).status, 400, 'a converted booking stays while its invoice does');
  });

  it('refuses a booking that ends before it starts, or with no service', async () => {
    const s = server();
    const backwards = await s.post('/api2/bookings/add', {
      Invoice: { client_id: client, start_time: '11:00', end_time: '10:00' },
      InvoiceItem: [{ product_id: service }],
    });
    assert.equal(backwards.status, 400);
    assert.ok(backwards.body.validation_errors['end_time']);
    const empty = await s.post('/api2/bookings/add', { Invoice: { client_id: client } });
    assert.equal(empty.status, 400);
  });

  it('runs a multi-entity request in one transaction: reads see earlier writes, and one refusal rolls every write back', async () => {
    const s = server();
    const ok = await s.post('/v2/api/multi-entity', [
      { key: 'brand', action: 'create', data: { name: 'Multi brand' }, alias: 'made' },
      { key: 'brand', action: 'list', options: { name: 'Multi brand' }, data_level: 1, alias: 'found' },
      { key: 'client', action: 'show', options: client, data_level: 1 },
    ]);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.made.message, 'Brand added successfully');
    assert.deepEqual(
      ok.body.found.map((row: { id: number }) => row.id),
      [ok.body.made.id],
    );
    assert.equal(ok.body.client.business_name, 'Salon client');

    const before = (await s.get(`${V2}/brand/list/1`)).body.total;
    const failed = await s.post('/v2/api/multi-entity', [
      { key: 'brand', action: 'create', data: { name: 'Rolled back' } },
      { key: 'designation', action: 'create', data: { name: 'Ghost', department_id: 999999 } },
    ]);
    assert.equal(failed.status, 422, failed.text);
    assert.ok(failed.body.errors['1.department_id'], failed.text);
    assert.equal((await s.get(`${V2}/brand/list/1`)).body.total, before, 'the first write was rolled back');
    assert.equal((await s.post('/v2/api/multi-entity', [{ key: 'nope', action: 'list' }])).status, 422);
    assert.equal((await s.post('/v2/api/multi-entity', { key: 'brand' })).status, 422);
  });

  it('replays a multi-entity request sent again with the same Idempotency-Key instead of writing twice', async () => {
    const s = server();
    const body = [{ key: 'brand', action: 'create', data: { name: 'Once only' } }];
    const first = await s.post('/v2/api/multi-entity', body, { 'Idempotency-Key': 'multi-once-1' });
    const again = await s.post('/v2/api/multi-entity', body, { 'Idempotency-Key': 'multi-once-1' });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(again.body, first.body);
    assert.equal((await s.get(`${V2}/brand/list/1?filter[name]=Once only`)).body.total, 1);
  });

  it('answers app-manager/is_active: no Developers Portal app is active on a self-hosted site', async () => {
    const reply = await server().get('/v2/api/app-manager/is_active/12');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.is_active, false);
  });
});

eachDatabase('bundles and unit templates', (server) => {
  it("selling a bundle moves its components' stock; selling boxes of a unit template moves base units", async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Shop' } });
    const soap = await s.create('products', {
      Product: { name: 'Soap', unit_price: '5', buy_price: '2', track_stock: 1, stock_balance: 100 },
    });
    const towel = await s.create('products', {
      Product: { name: 'Towel', unit_price: '20', buy_price: '8', track_stock: 1, stock_balance: 10 },
    });
    const bundle = await s.create('products', { Product: { name: 'Gift set', unit_price: '35', type: 3 } });
    for (const [component, quantity] of [
      [soap, 3],
      [towel, 1],
    ] as const) {
      const reply = await s.post(`${V2}/product_bundle`, {
        product_id: component,
        bundle_product_id: bundle,
        quantity,
        unit_name: null,
        unit_factor: null,
        unit_small_name: null,
        unit_factor_id: null,
      });
      assert.equal(reply.status, 200, reply.text);
    }
    assert.equal(
      (await s.post(`${V2}/product_bundle`, { product_id: soap, bundle_product_id: towel, quantity: 1 })).status,
      422,
      'the bundle must be of type 3',
    );
    await s.create('invoices', { Invoice: { client_id: client }, InvoiceItem: [{ product_id: bundle, quantity: 2 }] });
    const balance = async (id: string) => (await s.get(`/api2/products/${id}`)).body.data.Product.stock_balance;
    assert.equal(await balance(soap), '94');
    assert.equal(await balance(towel), '8');

    const template = await s.post(`${V2}/unit_template`, {
      template_name: 'Soap packs',
      main_unit_name: 'bar',
      unit_templates_unit_factors: [{ factor_name: 'box', factor: 12 }],
    });
    const boxId = (await s.get(`${V2}/unit_template/${template.body.id}/1`)).body.unit_templates_unit_factors[0].id;
    assert.equal(
      (await s.put(`/api2/products/${soap}`, { Product: { unit_template_id: template.body.id } })).status,
      200,
    );
    await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ product_id: soap, quantity: 2, unit_factor_id: boxId, unit_price: '50' }],
    });
    assert.equal(await balance(soap), '70', '2 boxes of 12 = 24 bars');
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Soap works' } });
    await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [{ product_id: soap, quantity: 1, unit_factor_id: boxId, unit_price: '24' }],
    });
    assert.equal(await balance(soap), '82', 'a box received is 12 bars');
    const wrongUnit = await s.post('/api2/invoices.json', {
      Invoice: { client_id: client },
      InvoiceItem: [{ product_id: towel, quantity: 1, unit_factor_id: boxId }],
    });
    assert.equal(wrongUnit.status, 400, "a unit of another product's template");
    assert.ok(wrongUnit.body.validation_errors['InvoiceItem.0.unit_factor_id'], wrongUnit.text);
    assert.deepEqual(await bookProblems(s.database), []);
  });
});

eachDatabase('advance payment invoices', (server) => {
  it('posts an advance (type 19) to customer advances and applies it to a later invoice, giving back its tax', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT 15', value: 15 } });
    const client = await s.create('clients', { Client: { business_name: 'Contractor' } });
    const advance = await s.create('invoices', {
      Invoice: { client_id: client, type: 19 },
      InvoiceItem: [{ item: 'Advance on fit-out', unit_price: '100', tax1: tax }],
    });
    const listed = (await s.get('/v2/api/entity/invoice/list/1?filter[type]=19')).body;
    assert.deepEqual(
      listed.data.map((row: { id: number }) => String(row.id)),
      [advance],
      'invoice/list/1 filters the advance type',
    );
    const advanceJournal = await journalOf(s, 'invoice', advance);
    const advances = (await s.get('/api2/journal_accounts.json?filter[name]=Customer%20Advances')).body.data[0]
      .JournalAccount.id;
    const creditTo = (id: string) =>
      advanceJournal.JournalTransaction.filter((line: any) => line.journal_account_id === id).reduce(
        (t: number, l: any) => t + Number(l.credit),
        0,
      );
    assert.equal(creditTo(advances), 100, 'net of tax to customer advances');
    const sales = (await s.get('/api2/journal_accounts.json?filter[name]=Sales')).body.data[0].JournalAccount.id;
    assert.equal(creditTo(sales), 0, 'nothing to sales');

    const later = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Fit-out', unit_price: '1000', tax1: tax }],
    });
    const applied = await s.post('/v2/api/entity/advance_application', {
      advance_invoice_id: Number(advance),
      invoice_id: Number(later),
      amount: '115',
    });
    assert.equal(applied.status, 200, applied.text);
    const journal = await journalOf(s, 'advance_payment_application', String(applied.body.id));
    assert.equal(journal.total_debit, '115');
    const debitOf = (id: string) =>
      journal.JournalTransaction.filter((line: any) => line.journal_account_id === id).reduce(
        (t: number, l: any) => t + Number(l.debit),
        0,
      );
    assert.equal(debitOf(advances), 100);
    const paid = (await s.get(`/api2/invoices/${later}`)).body.data.Invoice;
    assert.equal(paid.summary_paid, '115', 'the advance applied pays the invoice');
    assert.equal(paid.summary_unpaid, '1035');
    assert.equal(paid.payment_status, '1', 'partly paid');
    const again = await s.post('/v2/api/entity/advance_application', {
      advance_invoice_id: Number(advance),
      invoice_id: Number(later),
      amount: '1',
    });
    assert.equal(again.status, 422, 'nothing left of the advance');
    const wrongType = await s.post('/v2/api/entity/advance_application', {
      advance_invoice_id: Number(later),
      invoice_id: Number(later),
      amount: '1',
    });
    assert.equal(wrongType.status, 422);
    assert.equal(
      (await s.del(`/api2/invoices/${later}`)).status,
      400,
      'an invoice paid by an advance stays while the application does',
    );
    assert.equal((await s.del(`/api2/invoices/${advance}`)).status, 400, 'so does the advance');
    assert.equal((await s.del(`/v2/api/entity/advance_application/${applied.body.id}`)).status, 200);
    assert.equal(
      (await s.get(`/api2/invoices/${later}`)).body.data.Invoice.summary_paid,
      '0',
      'unapplied, the invoice owes it again',
    );
    assert.deepEqual(await bookProblems(s.database), []);
  });
});

eachDatabase('cost centers', (server) => {
  it('reports journal lines per cost center and account; a parent center includes the centers under it', async () => {
    const s = server();
    const region = (await s.post(`${V2}/cost_center`, { name: 'Western region', code: 'W', is_primary: '1' })).body.id;
    const shop = (await s.post(`${V2}/cost_center`, { name: 'Jeddah shop', code: 'W1', cost_center_id: region })).body
      .id;
    const other = (await s.post(`${V2}/cost_center`, { name: 'Riyadh shop', code: 'C1' })).body.id;
    assert.equal((await s.put(`${V2}/cost_center/${region}`, { cost_center_id: shop })).status, 422, 'no cycles');
    const accounts = (await s.get('/api2/journal_accounts.json?limit=2')).body.data.map(
      (row: any) => row.JournalAccount.id,
    );
    await s.create('journals', {
      Journal: { description: 'Rent', date: '2026-02-01' },
      JournalTransaction: [
        { journal_account_id: accounts[0], debit: '40', cost_center_id: shop },
        { journal_account_id: accounts[1], credit: '40' },
      ],
    });
    await s.create('journals', {
      Journal: { description: 'Rent', date: '2026-02-02' },
      JournalTransaction: [
        { journal_account_id: accounts[0], debit: '25', cost_center_id: other },
        { journal_account_id: accounts[1], credit: '25', cost_center_id: other },
      ],
    });
    const bad = await s.post('/api2/journals.json', {
      Journal: { description: 'x' },
      JournalTransaction: [
        { journal_account_id: accounts[0], debit: '1', cost_center_id: 999999 },
        { journal_account_id: accounts[1], credit: '1' },
      ],
    });
    assert.equal(bad.status, 400, 'a line names an existing cost center');
    const all = (await s.get('/api2/reports/cost_centers.json?date_from=2026-01-01&date_to=2026-12-31')).body.data
      .Report;
    assert.equal(all.totals.debit, '65');
    assert.equal(all.totals.credit, '25');
    const western = (await s.get(`/api2/reports/cost_centers.json?cost_center_id=${region}&date_to=2026-12-31`)).body
      .data.Report;
    assert.deepEqual(
      western.rows.map((row: any) => [row.cost_center_id, row.net]),
      [[String(shop), '40']],
    );
    assert.equal((await s.del(`${V2}/cost_center/${shop}`)).status, 400, 'a center named by journal lines stays');
  });
});

eachDatabase('branch selection', (server) => {
  it('request_branch_id and Site-Id give new records their branch and narrow lists to it; an unknown branch is refused', async () => {
    const s = server();
    const main = (await s.get(`${V2}/branch/list/1`)).body.data[0].id;
    const jeddah = await s.create('branches', { Branch: { name: 'Jeddah branch' } });
    const inMain = await s.post(`/api2/clients.json?request_branch_id=${main}`, {
      Client: { business_name: 'Main branch client' },
    });
    assert.equal(inMain.status, 202, inMain.text);
    const inJeddah = await s.post(
      '/api2/clients.json',
      { Client: { business_name: 'Jeddah client' } },
      { 'Site-Id': jeddah },
    );
    assert.equal(inJeddah.status, 202, inJeddah.text);
    assert.equal((await s.get(`/api2/clients/${inJeddah.body.id}`)).body.data.Client.branch_id, jeddah);
    const jeddahList = (await s.get(`/api2/clients.json?request_branch_id=${jeddah}&limit=100`)).body.data.map(
      (row: any) => row.Client.business_name,
    );
    assert.ok(jeddahList.includes('Jeddah client'));
    assert.ok(!jeddahList.includes('Main branch client'), "another branch's records are not listed");
    const v2List = (await s.get(`${V2}/client/list/1?per_page=100`, { 'Site-Id': String(main) })).body.data.map(
      (row: any) => row.business_name,
    );
    assert.ok(v2List.includes('Main branch client') && !v2List.includes('Jeddah client'));
    const all = (await s.get('/api2/clients.json?limit=100')).body.data.length;
    assert.ok(all >= 2, 'without a branch, every record');
    const unknown = await s.get('/api2/clients.json?request_branch_id=999999');
    assert.equal(unknown.status, 400);
    assert.ok(unknown.body.validation_errors.request_branch_id);
    assert.equal((await s.get('/api2/clients.json?request_branch_id=abc')).status, 400);
  });
});
