// Invoices over real HTTP on SQLite and PostgreSQL: exact totals and defaults, inclusive taxes,
// discounts and shipping, payment status through every payment write, embedded payments, the seed
// page's payment example and limits, and stock moved by sales.
import assert from 'node:assert/strict';
import { eachDatabase, it } from './support/harness.js';
import { invoiceOf as invoice, makeInvoice } from './support/sales.js';

/** The body of the seed page's "Add New Invoice Payment" example, as printed there. */
const SEED_PAYMENT_EXAMPLE = {
  InvoicePayment: {
    invoice_id: 0,
    payment_method: 'string',
    amount: 0,
    transaction_id: 'string',
    treasury_id: 0,
    date: '2019-08-24T14:15:22Z',
    email: 'string',
    status: 0,
    notes: 'string',
    response_code: 'string',
    response_message: 'string',
    created: '2019-08-24T14:15:22Z',
    modified: '2019-08-24T14:15:22Z',
    currency_code: 'str',
    first_name: 'string',
    last_name: 'string',
    address1: 'string',
    address2: 'string',
    city: 'string',
    state: 'string',
    postal_code: 'string',
    country_code: 'str',
    phone1: 'string',
    phone2: 'string',
    transaction_type: 'string',
    processed: true,
    attachment: 'string',
    staff_id: 0,
    receipt_notes: 'string',
  },
};

/** Length limits of the seed's payment fields. */
const PAYMENT_LIMITS: Record<string, number> = {
  payment_method: 100,
  transaction_id: 100,
  email: 255,
  currency_code: 3,
  first_name: 255,
  last_name: 255,
  address1: 255,
  address2: 255,
  city: 255,
  state: 100,
  postal_code: 10,
  country_code: 3,
  phone1: 50,
  phone2: 50,
  transaction_type: 255,
  attachment: 255,
};

eachDatabase('invoices: totals, payments, stock', (server) => {
  it('computes invoice totals exactly and fills defaults', async () => {
    const s = server();
    const tax = await s.create('taxes', { Tax: { name: 'VAT 15', value: '15', included: '0' } });
    const client = await s.create('clients', {
      Client: { business_name: 'Money Co', email: 'm@example.com', city: 'Dammam', bn1: '300000000000003' },
    });
    const id = await s.create('invoices', {
      Invoice: { client_id: client, summary_total: '1', payment_status: 2, created: '2001-01-01 00:00:00' },
      InvoiceItem: [{ item: 'Pen', unit_price: 19.99, quantity: '3', tax1: tax }],
    });
    const inv = await invoice(s, id);
    assert.equal(inv.summary_subtotal, '59.97');
    assert.equal(inv.summary_tax1, '9');
    assert.equal(inv.summary_total, '68.97', 'computed by the server, client summary ignored');
    assert.equal(inv.summary_unpaid, '68.97');
    assert.equal(inv.payment_status, '0', 'read-only payment_status ignored');
    assert.notEqual(inv.created, '2001-01-01 00:00:00');
    assert.equal(inv.currency_code, 'SAR');
    assert.equal(inv.client_business_name, 'Money Co', 'client snapshot');
    assert.equal(inv.client_city, 'Dammam');
    assert.equal(inv.client_bn1, '300000000000003');
    assert.match(inv.no, /^\d{6}$/);
    assert.equal(inv.store_id, '1', 'primary store');
    assert.equal(inv.Client.id, client, 'client nested inside the invoice');
    assert.equal(inv.InvoiceItem.length, 1);
    assert.equal(inv.InvoiceItem[0].subtotal, '59.97');
    assert.equal(inv.InvoiceItem[0].summary_tax1, '9');
    assert.deepEqual(inv.InvoicePayment, []);

    const next = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    assert.equal(Number((await invoice(s, next)).no), Number(inv.no) + 1, 'numbers follow each other');
    const custom = await s.create('invoices', {
      Invoice: { client_id: client, no: 'WEB-1001' },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    assert.equal((await invoice(s, custom)).no, 'WEB-1001');
    const duplicate = await s.post('/api2/invoices.json', {
      Invoice: { client_id: client, no: 'WEB-1001' },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    assert.equal(duplicate.status, 400);
    assert.ok(duplicate.body.validation_errors.no);
  });

  it('handles inclusive taxes, discounts and shipping', async () => {
    const s = server();
    const inclusive = await s.create('taxes', { Tax: { name: 'VAT incl', value: 15, included: 1 } });
    const id = await makeInvoice(s, { discount: 10, shipping_amount: '20' }, [
      { item: 'A', unit_price: '115', quantity: 2, tax1: inclusive },
      { item: 'B', unit_price: '50', quantity: 1, discount: 5, discount_type: 2 },
    ]);
    const inv = await invoice(s, id);
    // gross 230 + 50; line discount 5; nets 230 + 45 = 275; 10% header = 27.5 split 23 / 4.5
    assert.equal(inv.summary_subtotal, '280');
    assert.equal(inv.summary_discount, '32.5');
    assert.equal(inv.summary_tax1, '27', 'tax inside 207 at 15%');
    assert.equal(inv.summary_total, '267.5', '275 - 27.5 + 20 shipping; inclusive tax adds nothing');
    const both = await s.post('/api2/invoices.json', {
      Invoice: { client_id: inv.client_id, discount: 5, discount_amount: 3 },
      InvoiceItem: [{ item: 'x', unit_price: 1 }],
    });
    assert.equal(both.status, 400);
    assert.ok(both.body.validation_errors.discount_amount);
  });

  it('keeps payment status true through payment create, edit and delete', async () => {
    const s = server();
    const id = await makeInvoice(s);
    assert.equal((await invoice(s, id)).payment_status, '0');
    const first = await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: id, payment_method: 'cash', amount: '40' },
    });
    let inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['1', '40', '60']);
    const pending = await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: id, payment_method: 'bank_transfer', amount: '60', status: 2 },
    });
    inv = await invoice(s, id);
    assert.equal(inv.summary_paid, '40', 'a pending payment does not count');
    assert.equal((await s.put(`/api2/invoice_payments/${pending}`, { InvoicePayment: { status: '1' } })).status, 200);
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['2', '100', '0']);
    assert.equal((await s.put(`/api2/invoice_payments/${first}`, { InvoicePayment: { amount: '45.5' } })).status, 200);
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['4', '105.5', '0'], 'overpaid');
    const deleted = await s.del(`/api2/invoice_payments/${pending}.json`);
    assert.deepEqual(deleted.body, { code: 200, result: 'successful', message: 'Payment has been deleted' });
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['1', '45.5', '54.5']);
    assert.equal(inv.InvoicePayment.length, 1, 'payments nested in the invoice');
    await s.del(`/api2/invoice_payments/${first}`);
    inv = await invoice(s, id);
    assert.deepEqual([inv.payment_status, inv.summary_paid, inv.summary_unpaid], ['0', '0', '100']);
    const payment = await s.get(`/api2/invoice_payments/${first}`);
    assert.equal(payment.status, 404);
  });

  it('takes payments embedded in the invoice and marks drafts', async () => {
    const s = server();
    const paid = await makeInvoice(s, {}, [{ item: 'x', unit_price: '10', quantity: 2 }]);
    const withPayment = await s.create('invoices', {
      Invoice: { client_id: (await invoice(s, paid)).client_id },
      InvoiceItem: { item: 'one object where a list belongs', unit_price: '25' },
      Payment: { payment_method: 'cash', amount: '25', transaction_id: 'POS-1' },
    });
    const inv = await invoice(s, withPayment);
    assert.deepEqual([inv.payment_status, inv.summary_paid], ['2', '25']);
    assert.equal(inv.InvoicePayment[0].transaction_id, 'POS-1');
    assert.equal(inv.InvoicePayment[0].treasury_id, '1', 'primary treasury by default');
    assert.equal(inv.InvoicePayment[0].currency_code, 'SAR');
    const draft = await makeInvoice(s, { draft: '1' });
    assert.equal((await invoice(s, draft)).payment_status, '-1');
    assert.equal((await s.put(`/api2/invoices/${draft}`, { Invoice: { draft: false } })).status, 200);
    assert.equal((await invoice(s, draft)).payment_status, '0');
  });

  it('accepts the seed page example body as sent, with a real invoice id', async () => {
    const s = server();
    const id = await makeInvoice(s);
    const literal = await s.post('/api2/invoice_payments', SEED_PAYMENT_EXAMPLE);
    assert.equal(literal.status, 400, 'invoice_id 0 names no invoice');
    assert.deepEqual(Object.keys(literal.body.validation_errors), ['invoice_id']);
    const body = { InvoicePayment: { ...SEED_PAYMENT_EXAMPLE.InvoicePayment, invoice_id: Number(id) } };
    const reply = await s.post('/api2/invoice_payments', body);
    assert.equal(reply.status, 202, reply.text);
    const payment = (await s.get(`/api2/invoice_payments/${reply.body.id}.json`)).body.data.InvoicePayment;
    assert.equal(payment.date, '2019-08-24 14:15:22');
    assert.equal(payment.status, '0');
    assert.equal(payment.processed, '1');
    assert.equal(payment.treasury_id, '1', 'treasury 0 means the primary treasury');
    assert.notEqual(payment.created, '2019-08-24 14:15:22', 'created is set by the server');
    assert.equal((await invoice(s, id)).summary_paid, '0', 'a failed payment does not count');
  });

  it('enforces every length limit and required field of the payment', async () => {
    const s = server();
    const id = Number(await makeInvoice(s));
    for (const [field, limit] of Object.entries(PAYMENT_LIMITS)) {
      const base = { invoice_id: id, payment_method: 'cash', amount: 1 };
      const atLimit = await s.post('/api2/invoice_payments.json', {
        InvoicePayment: { ...base, [field]: 'a'.repeat(limit) },
      });
      assert.equal(atLimit.status, 202, `${field} at ${limit}: ${atLimit.text}`);
      const over = await s.post('/api2/invoice_payments.json', {
        InvoicePayment: { ...base, [field]: 'a'.repeat(limit + 1) },
      });
      assert.equal(over.status, 400, `${field} over ${limit}`);
      assert.equal(over.body.result, 'failed');
      assert.equal(over.body.validation_errors[field], `must be at most ${limit} characters`);
    }
    const missing = await s.post('/api2/invoice_payments.json', { InvoicePayment: {} });
    assert.equal(missing.status, 400);
    for (const field of ['invoice_id', 'payment_method', 'amount'])
      assert.equal(missing.body.validation_errors[field], 'is required', field);
    const wrong = await s.post('/api2/invoice_payments.json', {
      InvoicePayment: { invoice_id: 'abc', payment_method: ['x'], amount: '1,2,3', status: 9, date: '2024-13-45' },
    });
    assert.equal(wrong.status, 400);
    assert.deepEqual(Object.keys(wrong.body.validation_errors).sort(), [
      'amount',
      'date',
      'invoice_id',
      'payment_method',
      'status',
    ]);
    const negative = await s.post('/api2/invoice_payments.json', {
      InvoicePayment: { invoice_id: id, payment_method: 'cash', amount: -5 },
    });
    assert.equal(negative.status, 400);
    assert.ok(negative.body.validation_errors.amount);
  });

  it('moves stock with sales and refuses to sell what is not there', async () => {
    const s = server();
    const product = await s.create('products', {
      Product: { name: 'Stocked', unit_price: '10', track_stock: 1, stock_balance: '5' },
    });
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '5');
    const sale = await makeInvoice(s, {}, [{ product_id: product, quantity: 2 }]);
    assert.equal((await invoice(s, sale)).InvoiceItem[0].item, 'Stocked', 'line label from the product');
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '3');
    const tooMuch = await s.post('/api2/invoices.json', {
      Invoice: { client_id: (await invoice(s, sale)).client_id },
      InvoiceItem: [{ product_id: product, quantity: 4 }],
    });
    assert.equal(tooMuch.status, 400);
    assert.match(tooMuch.body.validation_errors['InvoiceItem.0.quantity'], /not enough stock/);
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '3', 'nothing moved');
    await s.put(`/api2/invoices/${sale}`, { InvoiceItem: [{ product_id: product, quantity: 1 }] });
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '4');
    await s.del(`/api2/invoices/${sale}`);
    assert.equal((await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance, '5');
    const moves = await s.get(`/api2/stock_transactions.json?product_id=${product}`);
    assert.equal(moves.body.pagination.total_results, 1, 'only the opening stock remains');
    assert.equal((await s.put(`/api2/products/${product}`, { Product: { stock_balance: 8 } })).status, 200);
    assert.equal(
      (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance,
      '8',
      'a new level is an adjustment',
    );
    assert.equal((await s.del(`/api2/products/${product}`)).status, 400, 'a product with movements is kept');
  });
});
