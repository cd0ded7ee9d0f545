// Integrity of the books under writes that name other records: a write racing the delete of the record
// it names, stock positions after every kind of write, client payments and their allocations, the
// accounts the posting rules need, payments only on invoices, currencies of allocations, ids never
// reused, searches with LIKE wildcards, and returns capped at what an invoice can still return.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe } from 'node:test';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server.js';
import { type Reply, TestServer, eachDatabase, startTestServer, it } from './support/harness.js';
import { bookProblems, orphanProblems } from './support/db-state.js';

const ROUNDS = 20;

function no5xx(replies: Reply[], what: string): void {
  const failed = replies.filter((reply) => reply.status >= 500);
  assert.deepEqual(
    failed.map((reply) => `${reply.status} ${reply.text.slice(0, 300)}`).slice(0, 3),
    [],
    `${what}: ${failed.length} 5xx`,
  );
}

async function clientOf(s: TestServer, name = 'Integrity Client'): Promise<string> {
  return s.create('clients', { Client: { business_name: name } });
}

const invoiceWith = (
  client: string,
  lines: unknown[] = [{ item: 'Work', unit_price: '100' }],
  extra: Record<string, unknown> = {},
) => ({ Invoice: { client_id: client, ...extra }, InvoiceItem: lines });

/** Runs `child` and `deleteParent` at the same moment, `ROUNDS` times; the books must hold every time. */
async function race(s: TestServer, what: string, round: (index: number) => Promise<Reply[]>): Promise<void> {
  const replies: Reply[] = [];
  for (let index = 0; index < ROUNDS; index += 1) replies.push(...(await round(index)));
  no5xx(replies, what);
  assert.deepEqual(await orphanProblems(s.database), [], `${what}: rows of deleted records`);
  assert.deepEqual(await bookProblems(s.database), [], `${what}: books`);
}

eachDatabase('a write racing the delete of the record it names', (server) => {
  it('payment and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'payment', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.post('/api2/invoice_payments.json', {
          InvoicePayment: { invoice_id: invoice, payment_method: 'cash', amount: '10' },
        }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });

  it('credit note and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'credit note', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.post('/api2/credit_notes.json', {
          CreditNote: { client_id: client, subscription_id: invoice },
          InvoiceItem: [{ item: 'Back', unit_price: '10' }],
        }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });

  it('client payment allocation and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'allocation', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.post('/api2/client_payments.json', {
          ClientPayment: { client_id: client, payment_method: 'cash', amount: '30' },
          InvoicePayment: [{ invoice_id: invoice, amount: '20' }],
        }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });

  it('invoice line and product delete', async () => {
    const s = server();
    const client = await clientOf(s);
    await race(s, 'line', async (index) => {
      const product = await s.create('products', { Product: { name: `Racing ${index}`, unit_price: '5' } });
      return Promise.all([
        s.post('/api2/invoices.json', invoiceWith(client, [{ product_id: product, quantity: 1 }])),
        s.del(`/api2/products/${product}`),
      ]);
    });
  });

  it('purchase refund and purchase invoice delete', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Racing Supplier' } });
    await race(s, 'purchase refund', async () => {
      const purchase = await s.create('purchase_invoices', {
        PurchaseOrder: { supplier_id: supplier },
        PurchaseOrderItem: [{ item: 'Part', unit_price: '10' }],
      });
      return Promise.all([
        s.post('/api2/purchase_refunds.json', {
          PurchaseRefund: { supplier_id: supplier, subscription_id: purchase },
          PurchaseOrderItem: [{ item: 'Part', unit_price: '10' }],
        }),
        s.del(`/api2/purchase_invoices/${purchase}`),
      ]);
    });
    const { rows } = await sql<{ id: number }>`select r.id from purchase_orders r where r.type = 1
      and not exists (select 1 from purchase_orders p where p.id = r.subscription_id and p.site_id = r.site_id)`.execute(
      s.database.db,
    );
    assert.deepEqual(rows, [], 'no refund of a deleted purchase invoice');
  });

  it('manual stock transaction and product delete', async () => {
    const s = server();
    await race(s, 'stock transaction', async (index) => {
      const product = await s.create('products', { Product: { name: `Moved ${index}`, track_stock: 1 } });
      return Promise.all([
        s.post('/api2/stock_transactions.json', {
          StockTransaction: { product_id: product, transaction_type: 1, quantity: 3, price: '2' },
        }),
        s.del(`/api2/products/${product}`),
      ]);
    });
    const { rows } = await sql<{ id: number }>`select s.id from stock_transactions s
      where not exists (select 1 from products p where p.id = s.product_id and p.site_id = s.site_id)`.execute(
      s.database.db,
    );
    assert.deepEqual(rows, [], 'no movement of a deleted product');
  });

  it('invoice edit and invoice delete', async () => {
    const s = server();
    const client = await clientOf(s);
    const product = await s.create('products', {
      Product: { name: 'Stocked', unit_price: '5', track_stock: 1, stock_balance: 1000 },
    });
    await race(s, 'edit', async () => {
      const invoice = await s.create('invoices', invoiceWith(client));
      return Promise.all([
        s.put(`/api2/invoices/${invoice}`, {
          Invoice: { notes: 'edited' },
          InvoiceItem: [{ product_id: product, quantity: 2 }],
          Payment: [{ payment_method: 'cash', amount: '1' }],
        }),
        s.del(`/api2/invoices/${invoice}`),
      ]);
    });
  });
});

async function rejected(reply: Promise<Reply>, field: string, status = 400): Promise<Reply> {
  const answer = await reply;
  assert.equal(answer.status, status, `${field}: ${answer.text}`);
  assert.equal(answer.body.result, 'failed');
  if (status === 400 && field) assert.ok(answer.body.validation_errors?.[field], `names ${field}: ${answer.text}`);
  return answer;
}

async function invoiceOf(s: TestServer, id: string): Promise<any> {
  return (await s.get(`/api2/invoices/${id}`)).body.data.Invoice;
}

async function treasuryBalance(s: TestServer, id = '1'): Promise<string> {
  return (await s.get(`/api2/treasuries/${id}`)).body.data.Treasury.balance;
}

eachDatabase('client payments keep what they received', (server) => {
  it('an invoice edit with a new payment list, or an empty one, keeps the allocations of client payments', async () => {
    const s = server();
    const client = await clientOf(s, 'Allocated Client');
    const treasuryBefore = Number(await treasuryBalance(s));
    const invoice = await s.create('invoices', invoiceWith(client, [{ item: 'Job', unit_price: '200' }], {}));
    const payment = await s.create('client_payments', {
      ClientPayment: { client_id: client, payment_method: 'cash', amount: '150' },
      InvoicePayment: [{ invoice_id: invoice, amount: '150' }],
    });
    assert.equal((await invoiceOf(s, invoice)).summary_paid, '150');
    const edited = await s.put(`/api2/invoices/${invoice}`, {
      Invoice: { notes: 'x' },
      Payment: [{ payment_method: 'cash', amount: '50' }],
    });
    assert.equal(edited.status, 200, edited.text);
    let got = await invoiceOf(s, invoice);
    assert.equal(got.summary_paid, '200', 'the allocation of 150 stays beside the new payment of 50');
    assert.deepEqual(got.InvoicePayment.map((p: any) => [p.amount, p.client_payment_id]).sort(), [
      ['150', payment],
      ['50', null],
    ]);
    assert.equal(Number(await treasuryBalance(s)) - treasuryBefore, 200, 'the treasury holds both');
    assert.equal((await s.put(`/api2/invoices/${invoice}`, { Invoice: { notes: 'y' }, Payment: [] })).status, 200);
    got = await invoiceOf(s, invoice);
    assert.equal(got.summary_paid, '150', "an empty list removes only the invoice's own payments");
    assert.equal(Number(await treasuryBalance(s)) - treasuryBefore, 150);
    assert.deepEqual(await bookProblems(s.database), []);
    assert.deepEqual(await orphanProblems(s.database), []);
  });

  it('an invoice with allocations cannot be deleted, and an allocation changes only through its client payment', async () => {
    const s = server();
    const client = await clientOf(s, 'Guarded Client');
    const invoice = await s.create('invoices', invoiceWith(client));
    const payment = await s.create('client_payments', {
      ClientPayment: { client_id: client, payment_method: 'cash', amount: '100' },
      InvoicePayment: [{ invoice_id: invoice, amount: '60' }],
    });
    const refused = await rejected(s.del(`/api2/invoices/${invoice}`), '');
    assert.match(refused.body.message, new RegExp(`Client payment #${payment}`));
    const allocation = (await invoiceOf(s, invoice)).InvoicePayment[0].id;
    await rejected(s.put(`/api2/invoice_payments/${allocation}`, { InvoicePayment: { amount: '900' } }), '', 403);
    await rejected(s.del(`/api2/invoice_payments/${allocation}`), '', 403);
    assert.equal((await invoiceOf(s, invoice)).summary_paid, '60');
    // Emptying the client payment's allocations frees the invoice and puts the money on account.
    assert.equal(
      (await s.put(`/api2/client_payments/${payment}`, { ClientPayment: { notes: 'on account' }, InvoicePayment: [] }))
        .status,
      200,
    );
    assert.equal((await invoiceOf(s, invoice)).summary_paid, '0');
    assert.deepEqual(await bookProblems(s.database), []);
    assert.deepEqual(await orphanProblems(s.database), []);
    assert.equal((await s.del(`/api2/invoices/${invoice}`)).status, 200);
  });
});

eachDatabase('payments go only to invoices that can be paid', (server) => {
  // Estimates take deposits and credit notes money paid back (test/document-payments.test.ts), but a
  // credit note's payments are written with it, drafts take none and allocations go to invoices only.
  it('refuses payments on drafts, credit notes at /invoice_payments, and allocations to anything but an issued invoice, naming the field', async () => {
    const s = server();
    const client = await clientOf(s, 'Payer');
    const invoice = await s.create('invoices', invoiceWith(client));
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'Quote', unit_price: '10' }],
    });
    const credit = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Back', unit_price: '10' }],
    });
    const draft = await s.create('invoices', invoiceWith(client, undefined, { draft: 1 }));
    const treasury = await treasuryBalance(s);
    for (const target of [estimate, credit, draft]) {
      if (target !== estimate)
        await rejected(
          s.post('/api2/invoice_payments.json', {
            InvoicePayment: { invoice_id: target, payment_method: 'cash', amount: '5' },
          }),
          'invoice_id',
        );
      await rejected(
        s.post('/api2/client_payments.json', {
          ClientPayment: { client_id: client, payment_method: 'cash', amount: '5' },
          InvoicePayment: [{ invoice_id: target, amount: '5' }],
        }),
        'InvoicePayment.0.invoice_id',
      );
    }
    await rejected(
      s.post('/api2/invoices.json', {
        ...invoiceWith(client, undefined, { draft: 1 }),
        Payment: [{ payment_method: 'cash', amount: '5' }],
      }),
      'InvoicePayment',
    );
    await rejected(
      s.post('/api2/invoices.json', {
        ...invoiceWith(client, undefined, { type: 3, draft: 1 }),
        Payment: [{ payment_method: 'cash', amount: '5' }],
      }),
      'InvoicePayment',
    );
    await rejected(
      s.put(`/api2/invoices/${draft}`, { Invoice: { draft: 1 }, Payment: [{ payment_method: 'cash', amount: '5' }] }),
      'InvoicePayment',
    );
    const paid = await s.create('invoices', {
      ...invoiceWith(client),
      Payment: [{ payment_method: 'cash', amount: '5' }],
    });
    await rejected(s.put(`/api2/invoices/${paid}`, { Invoice: { draft: 1 } }), 'draft');
    const payment = (await invoiceOf(s, paid)).InvoicePayment[0].id;
    await rejected(
      s.put(`/api2/invoice_payments/${payment}`, { InvoicePayment: { invoice_id: credit } }),
      'invoice_id',
    );
    await rejected(s.put(`/api2/invoice_payments/${payment}`, { InvoicePayment: { invoice_id: draft } }), 'invoice_id');
    assert.equal(
      Number(await treasuryBalance(s)) - Number(treasury),
      5,
      'only the payment on the invoice reached the treasury',
    );
    assert.deepEqual(await bookProblems(s.database), []);
  });
});

eachDatabase('allocations across currencies', (server) => {
  it("converts through the site currency at the documents' rates", async () => {
    const s = server();
    const client = await clientOf(s, 'Euro Client');
    const treasury = await s.create('treasuries', { Treasury: { name: 'FX till', type: 1 } });
    const invoice = await s.create(
      'invoices',
      invoiceWith(client, [{ item: 'Export', unit_price: '100' }], { currency_code: 'EUR', currency_rate: '4' }),
    );
    const usd = {
      client_id: client,
      payment_method: 'bank_transfer',
      amount: '100',
      currency_code: 'USD',
      currency_rate: '3.75',
      treasury_id: treasury,
    };
    // 100 EUR at 4 is 400 SAR; 100 USD at 3.75 is 375 SAR: it cannot pay the invoice in full.
    await rejected(
      s.post('/api2/client_payments.json', {
        ClientPayment: usd,
        InvoicePayment: [{ invoice_id: invoice, amount: '100' }],
      }),
      'amount',
    );
    const payment = await s.create('client_payments', {
      ClientPayment: usd,
      InvoicePayment: [{ invoice_id: invoice, amount: '93.75' }],
    });
    const got = await invoiceOf(s, invoice);
    assert.deepEqual([got.summary_paid, got.summary_unpaid, got.payment_status], ['93.75', '6.25', '1']);
    assert.equal(got.InvoicePayment[0].currency_code, 'EUR', "an allocation is in its invoice's currency");
    assert.equal(await treasuryBalance(s, treasury), '375', 'the treasury holds what was received: 100 USD at 3.75');
    // Half of it: 46.88 EUR ≈ 50 USD; the other 50 USD stays on account, still 375 SAR in the treasury.
    assert.equal(
      (
        await s.put(`/api2/client_payments/${payment}`, {
          ClientPayment: { notes: 'half' },
          InvoicePayment: [{ invoice_id: invoice, amount: '46.875' }],
        })
      ).status,
      200,
    );
    assert.equal(await treasuryBalance(s, treasury), '375');
    assert.deepEqual(await bookProblems(s.database), []);
  });
});

eachDatabase('stock never goes below zero, whatever the direction of the write', (server) => {
  let client: string;
  let supplier: string;
  let otherStore: string;
  let count = 0;

  /** A tracked product with 10 received by `receive` into the primary store and 8 of them sold. */
  async function soldOut(
    s: TestServer,
    receive: (product: string) => Promise<string>,
  ): Promise<{ product: string; receipt: string }> {
    count += 1;
    const product = await s.create('products', {
      Product: { name: `Scarce ${count}`, unit_price: '10', buy_price: '4', track_stock: 1 },
    });
    const receipt = await receive(product);
    await s.create('invoices', invoiceWith(client, [{ product_id: product, quantity: 8 }]));
    return { product, receipt };
  }
  const balanceOf = async (s: TestServer, product: string) =>
    (await s.get(`/api2/products/${product}`)).body.data.Product.stock_balance;

  async function refusedKeepsStock(
    s: TestServer,
    product: string,
    reply: Promise<Reply>,
    field: string,
  ): Promise<void> {
    const answer = await rejected(reply, field);
    assert.match(answer.body.validation_errors[field], /not enough stock/);
    assert.equal(await balanceOf(s, product), '2', 'nothing moved');
  }

  it('prepares a client, a supplier and a second store', async () => {
    const s = server();
    client = await clientOf(s, 'Stock Client');
    supplier = await s.create('suppliers', { Supplier: { business_name: 'Stock Supplier' } });
    otherStore = await s.create('stores', { Store: { name: 'Second store' } });
  });

  it('refuses to delete, reduce, draft or move a purchase invoice whose goods were sold', async () => {
    const s = server();
    const purchase = (product: string) =>
      s.create('purchase_invoices', {
        PurchaseOrder: { supplier_id: supplier },
        PurchaseOrderItem: [{ product_id: product, quantity: 10, unit_price: '4' }],
      });
    const { product, receipt } = await soldOut(s, purchase);
    await refusedKeepsStock(s, product, s.del(`/api2/purchase_invoices/${receipt}`), 'id');
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/purchase_invoices/${receipt}`, {
        PurchaseOrder: { notes: 'less' },
        PurchaseOrderItem: [{ product_id: product, quantity: 5, unit_price: '4' }],
      }),
      'PurchaseOrderItem.0.quantity',
    );
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/purchase_invoices/${receipt}`, { PurchaseOrder: { draft: 1 } }),
      'draft',
    );
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/purchase_invoices/${receipt}`, {
        PurchaseOrder: { notes: 'moved' },
        PurchaseOrderItem: [{ product_id: product, quantity: 10, unit_price: '4', store_id: otherStore }],
      }),
      'PurchaseOrderItem',
    );
    const other = await s.create('products', { Product: { name: 'Other product', track_stock: 1 } });
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/purchase_invoices/${receipt}`, {
        PurchaseOrder: { notes: 'moved' },
        PurchaseOrderItem: [{ product_id: other, quantity: 10, unit_price: '4' }],
      }),
      'PurchaseOrderItem',
    );
    // Reducing by what is left is fine.
    assert.equal(
      (
        await s.put(`/api2/purchase_invoices/${receipt}`, {
          PurchaseOrder: { notes: 'ok' },
          PurchaseOrderItem: [{ product_id: product, quantity: 8, unit_price: '4' }],
        })
      ).status,
      200,
    );
    assert.equal(await balanceOf(s, product), '0');
  });

  it('refuses to delete, reduce or move a manual stock-in whose goods were sold', async () => {
    const s = server();
    const stockIn = (product: string) =>
      s.create('stock_transactions', {
        StockTransaction: { product_id: product, transaction_type: 1, quantity: 10, price: '4' },
      });
    const { product, receipt } = await soldOut(s, stockIn);
    await refusedKeepsStock(s, product, s.del(`/api2/stock_transactions/${receipt}`), 'id');
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/stock_transactions/${receipt}`, { StockTransaction: { quantity: 5 } }),
      'quantity',
    );
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/stock_transactions/${receipt}`, { StockTransaction: { store_id: otherStore } }),
      'store_id',
    );
    const other = await s.create('products', { Product: { name: 'Other product 2', track_stock: 1 } });
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/stock_transactions/${receipt}`, { StockTransaction: { product_id: other } }),
      'product_id',
    );
    const out = await rejected(
      s.post('/api2/stock_transactions.json', {
        StockTransaction: { product_id: product, transaction_type: 2, quantity: 3 },
      }),
      'quantity',
    );
    assert.match(out.body.validation_errors.quantity, /available 2\)/);
  });

  it('refuses to delete, reduce or draft a credit note whose returned goods were sold again', async () => {
    const s = server();
    count += 1;
    const product = await s.create('products', {
      Product: { name: `Returned ${count}`, unit_price: '10', buy_price: '4', track_stock: 1, stock_balance: 10 },
    });
    const invoice = await s.create('invoices', invoiceWith(client, [{ product_id: product, quantity: 10 }]));
    const credit = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ product_id: product, quantity: 10 }],
    });
    await s.create('invoices', invoiceWith(client, [{ product_id: product, quantity: 8 }]));
    await refusedKeepsStock(s, product, s.del(`/api2/credit_notes/${credit}`), 'id');
    await refusedKeepsStock(
      s,
      product,
      s.put(`/api2/credit_notes/${credit}`, {
        CreditNote: { notes: 'less' },
        InvoiceItem: [{ product_id: product, quantity: 5 }],
      }),
      'InvoiceItem.0.quantity',
    );
    await refusedKeepsStock(s, product, s.put(`/api2/credit_notes/${credit}`, { CreditNote: { draft: 1 } }), 'draft');
    assert.deepEqual(await bookProblems(s.database), []);
  });

  it('lets a site that allows negative stock do all of it', async () => {
    const s = server();
    const purchase = (product: string) =>
      s.create('purchase_invoices', {
        PurchaseOrder: { supplier_id: supplier },
        PurchaseOrderItem: [{ product_id: product, quantity: 10, unit_price: '4' }],
      });
    const { product, receipt } = await soldOut(s, purchase);
    await s.database.db.updateTable('sites').set({ allow_negative_stock: 1 }).execute();
    try {
      assert.equal((await s.del(`/api2/purchase_invoices/${receipt}`)).status, 200);
      assert.equal(await balanceOf(s, product), '-8');
    } finally {
      await s.database.db.updateTable('sites').set({ allow_negative_stock: 0 }).execute();
    }
  });
});

eachDatabase('the accounts the posting rules need', (server) => {
  async function catNamed(s: TestServer, name: string): Promise<any> {
    const reply = await s.get(`/api2/journal_cats.json?limit=100&filter[name]=${encodeURIComponent(name)}`);
    return reply.body.data[0].JournalCat;
  }

  it('refuses to delete or retype the folders and accounts the books post to, naming why', async () => {
    const s = server();
    const receivables = await catNamed(s, 'Accounts Receivable');
    const refused = await rejected(s.del(`/api2/journal_cats/${receivables.id}`), '');
    assert.match(refused.body.message, /books/);
    const cash = await catNamed(s, 'Cash and Banks');
    await rejected(s.put(`/api2/journal_cats/${cash.id}`, { JournalCat: { type: '1' } }), 'type');
    await rejected(s.put(`/api2/journal_cats/${cash.id}`, { JournalCat: { entity_type: 'client' } }), 'entity_type');
    assert.equal(
      (await s.put(`/api2/journal_cats/${cash.id}`, { JournalCat: { name: 'Cash, Banks and Wallets' } })).status,
      200,
      'a rename is fine',
    );
    const sales = (await s.get('/api2/journal_accounts.json?limit=100&filter[name]=Sales')).body.data[0].JournalAccount;
    await rejected(s.put(`/api2/journal_accounts/${sales.id}`, { JournalAccount: { type: '0' } }), 'type');
    const client = await clientOf(s, 'Posting Client');
    await s.create('invoices', { ...invoiceWith(client), Payment: [{ payment_method: 'cash', amount: '10' }] });
    assert.deepEqual(await bookProblems(s.database), []);
  });

  it('opens a folder the rules need again when it is missing, instead of failing', async () => {
    const s = server();
    // A chart from before the folders were protected: the empty folders were deleted.
    await s.database.db.deleteFrom('journal_cats').where('system_key', 'in', ['receivables', 'treasuries']).execute();
    const treasury = await s.create('treasuries', { Treasury: { name: 'New till', type: 1 } });
    const client = await clientOf(s, 'Client after the folder went');
    const invoice = await s.post('/api2/invoices.json', {
      ...invoiceWith(client),
      Payment: [{ payment_method: 'cash', amount: '10', treasury_id: treasury }],
    });
    assert.equal(invoice.status, 202, invoice.text);
    const receivables = await catNamed(s, 'Accounts Receivable');
    assert.equal(receivables.entity_type, 'client');
    assert.equal(await treasuryBalance(s, treasury), '10');
    assert.deepEqual(await bookProblems(s.database), []);
  });
});

eachDatabase('ids, searches and returns', (server) => {
  it("never hands a deleted record's id to a new one, so its notes stay with it", async () => {
    const s = server();
    const gone = await clientOf(s, 'Soon gone');
    assert.equal((await s.post(`/api2/notes/client/${gone}`, { Note: { body: 'about the old client' } })).status, 202);
    assert.equal((await s.del(`/api2/clients/${gone}`)).status, 200);
    const fresh = await clientOf(s, 'Newcomer');
    assert.ok(Number(fresh) > Number(gone), `new id ${fresh} after deleted ${gone}`);
    const notes = await s.get(`/api2/notes/client/${fresh}`);
    assert.ok(
      !JSON.stringify(notes.body).includes('about the old client'),
      "the old client's note is not the new one's",
    );
  });

  it('matches _ and % in searches literally', async () => {
    const s = server();
    await s.create('clients', { Client: { business_name: 'under_score 100%' } });
    await s.create('clients', { Client: { business_name: 'underXscore 1000' } });
    const names = async (query: string) =>
      (await s.get(`/api2/clients.json?limit=100&${query}`)).body.data.map((row: any) => row.Client.business_name);
    assert.deepEqual(await names(`keywords=${encodeURIComponent('under_score')}`), ['under_score 100%']);
    assert.deepEqual(await names(`keywords=${encodeURIComponent('100%')}`), ['under_score 100%']);
    assert.deepEqual(await names(`filter[business_name][like]=${encodeURIComponent('r_s')}`), ['under_score 100%']);
    const client = await clientOf(s, 'Numbered');
    await s.create('invoices', invoiceWith(client, undefined, { no: 'INV_7' }));
    await s.create('invoices', invoiceWith(client, undefined, { no: 'INVX7' }));
    const numbers = (await s.get('/api2/invoices.json?no=INV_')).body.data.map((row: any) => row.Invoice.no);
    assert.deepEqual(numbers, ['INV_7']);
  });

  it('caps credit notes and refund receipts at what their invoice can still return', async () => {
    const s = server();
    const client = await clientOf(s, 'Returning Client');
    const invoice = await s.create('invoices', invoiceWith(client, [{ item: 'Goods', unit_price: '100' }]));
    const credit = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Back', unit_price: '60' }],
    });
    await rejected(
      s.post('/api2/refund_receipts.json', {
        RefundReceipt: { client_id: client, subscription_id: invoice },
        InvoiceItem: [{ item: 'Cash back', unit_price: '50' }],
      }),
      'summary_total',
    );
    assert.equal(
      (
        await s.post('/api2/refund_receipts.json', {
          RefundReceipt: { client_id: client, subscription_id: invoice },
          InvoiceItem: [{ item: 'Cash back', unit_price: '40' }],
        })
      ).status,
      202,
    );
    await rejected(
      s.put(`/api2/credit_notes/${credit}`, {
        CreditNote: { notes: 'more' },
        InvoiceItem: [{ item: 'Back', unit_price: '61' }],
      }),
      'summary_total',
    );
    assert.equal(
      (
        await s.put(`/api2/credit_notes/${credit}`, {
          CreditNote: { notes: 'same' },
          InvoiceItem: [{ item: 'Back', unit_price: '60' }],
        })
      ).status,
      200,
      'an edit does not count itself twice',
    );
    const got = await invoiceOf(s, invoice);
    assert.deepEqual([got.summary_refund, got.payment_status], ['100', '3']);
  });
});

describe('migration 0007 on a SQLite database made before it', () => {
  /** Turns a table back into what migrations before 0007 made: an id without AUTOINCREMENT. */
  function downgrade(file: string, table: string): void {
    const db = new Sqlite(file);
    try {
      const definition = (
        db.prepare("select sql from sqlite_master where type = 'table' and name = ?").get(table) as { sql: string }
      ).sql;
      const attached = db
        .prepare(
          "select sql from sqlite_master where tbl_name = ? and type in ('index', 'trigger') and sql is not null",
        )
        .all(table) as Array<{ sql: string }>;
      db.exec(definition.replace(`"${table}"`, `"${table}_old"`).replace(/ autoincrement/i, ''));
      db.exec(
        `insert into "${table}_old" select * from "${table}"; drop table "${table}"; alter table "${table}_old" rename to "${table}"`,
      );
      for (const row of attached) db.exec(row.sql);
      db.prepare("delete from kysely_migration where name = '0007_integrity'").run();
    } finally {
      db.close();
    }
  }

  it('rebuilds every table with AUTOINCREMENT, keeping rows, indexes and the list counts', async () => {
    const first = await startTestServer('sqlite');
    const file = path.join(first.env['DAFTAR_DATA_DIR']!, 'test.sqlite');
    const client = await clientOf(first, 'Before the upgrade');
    await first.create('invoices', invoiceWith(client));
    await first.server.close();
    downgrade(file, 'clients');
    downgrade(file, 'invoices');
    const server = await startServer(loadConfig(first.env), false);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const s = new TestServer(
      server,
      `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      first.apiKey,
      async () => {
        await first.close().catch(() => {});
      },
    );
    try {
      const definitions = await s.database.db
        .selectFrom('sqlite_master')
        .select(['name', 'sql'])
        .where('type', '=', 'table')
        .where('name', 'in', ['clients', 'invoices'])
        .execute();
      for (const row of definitions) assert.match(String(row['sql']), /autoincrement/i, `${row['name']} rebuilt`);
      assert.equal((await s.get(`/api2/clients/${client}`)).body.data.Client.business_name, 'Before the upgrade');
      await s.create('invoices', invoiceWith(client));
      assert.equal(
        (await s.get('/api2/invoices.json')).body.pagination.total_results,
        2,
        'the count triggers came back with the table',
      );
      const newest = await clientOf(s, 'Newest');
      assert.equal((await s.del(`/api2/clients/${newest}`)).status, 200);
      assert.ok(Number(await clientOf(s, 'After')) > Number(newest), 'the deleted id is not handed out again');
    } finally {
      await s.close();
    }
  });
});
