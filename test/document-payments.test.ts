// Issue 13: documented children that were dropped — payments on estimates (deposits), credit notes and
// refund receipts (money paid back), supplier payments, taxes and staff on purchase invoices, product
// images, a note's FollowUpReminder, and the chart's is_recalculated / last_transaction_update.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dec } from '../src/domain/money.js';
import { checkReportsAgree, journalOf } from './support/books.js';
import { type TestServer, eachDatabase } from './support/harness.js';

const TODAY = new Date().toISOString().slice(0, 10);

async function treasury(s: TestServer, name: string): Promise<string> {
  return s.create('treasuries', { Treasury: { name, type: 1 } });
}

async function balanceOf(s: TestServer, treasuryId: string): Promise<bigint> {
  return dec((await s.get(`/api2/treasuries/${treasuryId}.json`)).body.data.Treasury.balance);
}

/** The journal's lines as `debit/credit on account-entity` pairs, amounts in the site currency. */
function sides(journal: any): Array<{ subkey: string; debit: bigint; credit: bigint }> {
  return journal.JournalTransaction.map((line: any) => ({
    subkey: String(line.subkey ?? ''),
    debit: dec(line.debit),
    credit: dec(line.credit),
  }));
}

const M = (text: string) => dec(text);

eachDatabase('payments on every sales document, supplier payments and other documented children', (server) => {
  it('a refund receipt pays the client back: from the primary treasury without payments, through its payments with them', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Refunded' } });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Chair', unit_price: '100' }],
      InvoicePayment: [{ payment_method: 'cash', amount: '100' }],
    });
    const till = await treasury(s, 'Till 2');
    const plain = await s.create('refund_receipts', {
      RefundReceipt: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Chair', unit_price: '10' }],
    });
    const plainRecord = (await s.get(`/api2/refund_receipts/${plain}.json`)).body.data.RefundReceipt;
    assert.deepEqual(
      [plainRecord.payment_status, plainRecord.summary_paid, plainRecord.summary_unpaid],
      ['2', '10', '0'],
      'paid at once from the primary treasury',
    );
    assert.ok(
      sides(await journalOf(s, 'refund_receipt', plain)).some(
        (line) => line.subkey === 'treasury' && line.credit === M('10'),
      ),
    );

    const before = await balanceOf(s, till);
    const paid = await s.create('refund_receipts', {
      RefundReceipt: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Chair', unit_price: '30' }],
      InvoicePayment: [
        { payment_method: 'bank_transfer', amount: '20', treasury_id: Number(till), transaction_id: 'OUT-1' },
      ],
    });
    const record = (await s.get(`/api2/refund_receipts/${paid}.json`)).body.data.RefundReceipt;
    assert.equal(record.InvoicePayment.length, 1, 'the payment is stored and answered');
    assert.deepEqual([record.InvoicePayment[0].transaction_id, record.InvoicePayment[0].amount], ['OUT-1', '20']);
    assert.deepEqual(
      [record.payment_status, record.summary_paid, record.summary_unpaid],
      ['1', '20', '10'],
      'partly paid back: 10 still owed to the client',
    );
    const receiptLines = sides(await journalOf(s, 'refund_receipt', paid));
    assert.ok(
      receiptLines.some((line) => line.subkey === 'client' && line.credit === M('30')),
      'with payments of its own, the receipt credits the client',
    );
    assert.ok(!receiptLines.some((line) => line.subkey === 'treasury'), 'and no treasury');
    const paymentId = record.InvoicePayment[0].id;
    assert.deepEqual(
      sides(await journalOf(s, 'invoice_payment', paymentId)),
      [
        { subkey: 'client', debit: M('20'), credit: 0n },
        { subkey: 'treasury', debit: 0n, credit: M('20') },
      ],
      'a payment out: Dr client, Cr treasury',
    );
    assert.equal(await balanceOf(s, till), before - M('20'), 'the money left the treasury named');

    // Written with the document only: its journal depends on them.
    const standalone = await s.post('/api2/invoice_payments.json', {
      InvoicePayment: { invoice_id: Number(paid), payment_method: 'cash', amount: '1' },
    });
    assert.equal(standalone.status, 400);
    assert.ok(Object.hasOwn(standalone.body.validation_errors, 'invoice_id'), standalone.text);
    const edited = await s.put(`/api2/invoice_payments/${paymentId}.json`, { InvoicePayment: { amount: '5' } });
    assert.equal(edited.status, 400, 'its invoice_id names a refund receipt, not an invoice');
    assert.ok(Object.hasOwn(edited.body.validation_errors, 'invoice_id'), edited.text);
    assert.equal((await s.del(`/api2/invoice_payments/${paymentId}.json`)).status, 403);
    const beyond = await s.put(`/api2/refund_receipts/${paid}.json`, {
      RefundReceipt: {},
      InvoicePayment: [{ payment_method: 'cash', amount: '31' }],
    });
    assert.equal(beyond.status, 400, 'no more paid back than the receipt returns');
    assert.ok(Object.hasOwn(beyond.body.validation_errors, 'InvoicePayment'), beyond.text);

    // Replacing the payments with none: paid from the primary treasury again, the payment's journal gone.
    assert.equal(
      (await s.put(`/api2/refund_receipts/${paid}.json`, { RefundReceipt: {}, InvoicePayment: [] })).status,
      200,
    );
    assert.equal(await journalOf(s, 'invoice_payment', paymentId), undefined);
    assert.equal(await balanceOf(s, till), before);
    assert.equal((await s.get(`/api2/refund_receipts/${paid}.json`)).body.data.RefundReceipt.payment_status, '2');
    await checkReportsAgree(s, TODAY);
  });

  it("a credit note's payment is its credit paid out in money; the client's account ends at zero", async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Credited' } });
    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Desk', unit_price: '100' }],
      InvoicePayment: [{ payment_method: 'cash', amount: '100' }],
    });
    const note = await s.create('credit_notes', {
      CreditNote: { client_id: client, subscription_id: invoice },
      InvoiceItem: [{ item: 'Desk', unit_price: '30' }],
      InvoicePayment: [{ payment_method: 'cash', amount: '30' }],
    });
    const record = (await s.get(`/api2/credit_notes/${note}.json`)).body.data.CreditNote;
    assert.deepEqual([record.payment_status, record.summary_paid, record.InvoicePayment.length], ['2', '30', 1]);
    assert.deepEqual(
      sides(await journalOf(s, 'invoice_payment', record.InvoicePayment[0].id)).map(
        (l) => l.subkey + (l.debit > 0n ? ' Dr' : ' Cr'),
      ),
      ['client Dr', 'treasury Cr'],
    );
    const account = (await s.get(`/api2/journal_accounts.json?entity_type=client&entity_id=${client}`)).body.data[0]
      .JournalAccount;
    assert.equal(
      dec(account.total_debit) - dec(account.total_credit),
      0n,
      'invoiced 100, paid 100, credited 30, paid back 30',
    );
    const invoiceRecord = (await s.get(`/api2/invoices/${invoice}.json`)).body.data.Invoice;
    assert.deepEqual(
      [invoiceRecord.summary_paid, invoiceRecord.summary_refund],
      ['100', '30'],
      "the invoice's sums are its own",
    );
    await checkReportsAgree(s, TODAY);
  });

  it("an estimate's payments are deposits: counted on the estimate, carried to the invoice it becomes", async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Deposit' } });
    const estimate = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'Kitchen', unit_price: '200' }],
      InvoicePayment: [{ payment_method: 'cash', amount: '50', transaction_id: 'DEP-1' }],
    });
    const quoted = (await s.get(`/api2/estimates/${estimate}.json`)).body.data.Estimate;
    assert.deepEqual(
      [quoted.payment_status, quoted.summary_paid, quoted.summary_unpaid, quoted.InvoicePayment[0].transaction_id],
      ['1', '50', '150', 'DEP-1'],
    );
    const deposit = quoted.InvoicePayment[0].id;
    assert.deepEqual(
      sides(await journalOf(s, 'invoice_payment', deposit)).map((l) => l.subkey + (l.debit > 0n ? ' Dr' : ' Cr')),
      ['treasury Dr', 'client Cr'],
      'money received',
    );
    const stray = await s.post('/api2/invoice_payments.json', {
      InvoicePayment: { invoice_id: Number(estimate), payment_method: 'cash', amount: '10' },
    });
    assert.equal(stray.status, 400, 'a deposit comes with its estimate, not through /invoice_payments');
    assert.match(stray.body.validation_errors.invoice_id, /is an estimate/);
    const more = (await s.get(`/api2/estimates/${estimate}.json`)).body.data.Estimate.InvoicePayment.length;
    assert.equal(more, 1, 'nothing was added');
    const added = await s.put(`/api2/estimates/${estimate}.json`, {
      Estimate: {},
      InvoicePayment: [
        { id: deposit, payment_method: 'cash', amount: '50', transaction_id: 'DEP-1' },
        { payment_method: 'cash', amount: '10' },
      ],
    });
    assert.equal(added.status, 200, added.text);
    const second = (await s.get(`/api2/estimates/${estimate}.json`)).body.data.Estimate;
    assert.equal(second.summary_paid, '60', 'a second deposit, sent with the estimate');
    const deposits: number[] = second.InvoicePayment.map((p: any) => p.id).sort();

    const invoice = await s.create('invoices', { Invoice: { client_id: client, estimate_id: Number(estimate) } });
    const billed = (await s.get(`/api2/invoices/${invoice}.json`)).body.data.Invoice;
    assert.deepEqual(
      [billed.summary_total, billed.summary_paid, billed.payment_status],
      ['200', '60', '1'],
      'the deposits pay the invoice',
    );
    assert.deepEqual(billed.InvoicePayment.map((p: any) => p.id).sort(), deposits);
    const after = (await s.get(`/api2/estimates/${estimate}.json`)).body.data.Estimate;
    assert.deepEqual(
      [after.InvoicePayment.length, after.summary_paid, after.payment_status],
      [0, '0', '0'],
      'no longer the estimate’s',
    );
    for (const id of deposits)
      assert.ok(await journalOf(s, 'invoice_payment', String(id)), 'the journals stand as they were');
    await checkReportsAgree(s, TODAY);

    const draft = await s.post('/api2/estimates.json', {
      Estimate: { client_id: Number(client), draft: 1 },
      InvoiceItem: [{ item: 'x', unit_price: '1' }],
      InvoicePayment: [{ payment_method: 'cash', amount: '1' }],
    });
    assert.equal(draft.status, 400, 'a draft takes no payments');
    assert.ok(Object.hasOwn(draft.body.validation_errors, 'InvoicePayment'), draft.text);
    const removed = await s.create('estimates', {
      Estimate: { client_id: client },
      InvoiceItem: [{ item: 'Shed', unit_price: '9' }],
      InvoicePayment: [{ payment_method: 'cash', amount: '4' }],
    });
    const removedPayment = (await s.get(`/api2/estimates/${removed}.json`)).body.data.Estimate.InvoicePayment[0].id;
    assert.equal((await s.del(`/api2/estimates/${removed}.json`)).status, 200);
    assert.equal(
      await journalOf(s, 'invoice_payment', removedPayment),
      undefined,
      "a deleted estimate's deposits leave the books",
    );
    await checkReportsAgree(s, TODAY);
  });

  it('purchase invoices carry supplier payments (Dr supplier, Cr treasury), their taxes and their staff member', async () => {
    const s = server();
    const supplier = await s.create('suppliers', { Supplier: { business_name: 'Paid supplier' } });
    const tax = await s.create('taxes', { Tax: { name: 'VAT purchases', value: 15 } });
    const till = await treasury(s, 'Supplier till');
    const before = await balanceOf(s, till);
    const purchase = await s.create('purchase_invoices', {
      PurchaseOrder: { supplier_id: supplier },
      PurchaseOrderItem: [
        { item: 'Paper', unit_price: '100', tax1: Number(tax) },
        { item: 'Ink', unit_price: '10', tax1: Number(tax) },
      ],
      PurchaseOrderPayment: [
        { payment_method: 'bank_transfer', amount: '50', treasury_id: Number(till), transaction_id: 'SUP-1' },
      ],
    });
    const got = (await s.get(`/api2/purchase_invoices/${purchase}.json`)).body.data.PurchaseOrder;
    assert.deepEqual(
      [got.summary_total, got.summary_paid, got.summary_unpaid, got.payment_status],
      ['126.5', '50', '76.5', '1'],
    );
    assert.deepEqual(
      [
        got.PurchaseOrderPayment.length,
        got.PurchaseOrderPayment[0].transaction_id,
        got.PurchaseOrderPayment[0].purchase_order_id,
      ],
      [1, 'SUP-1', purchase],
    );
    assert.deepEqual(
      got.PurchaseOrderTax.map((t: any) => [t.tax_id, t.name, t.value]),
      [[tax, 'VAT purchases', '15']],
      'each tax once, from the lines',
    );
    assert.equal(typeof got.staff, 'object');
    assert.equal(got.staff?.role_id, '0', 'staff_id 0 is the site owner');
    const paymentId = got.PurchaseOrderPayment[0].id;
    assert.deepEqual(sides(await journalOf(s, 'purchase_order_payment', paymentId)), [
      { subkey: 'supplier', debit: M('50'), credit: 0n },
      { subkey: 'treasury', debit: 0n, credit: M('50') },
    ]);
    assert.equal(await balanceOf(s, till), before - M('50'));

    // An edit without the list keeps it; one with a list replaces it.
    assert.equal(
      (await s.put(`/api2/purchase_invoices/${purchase}.json`, { PurchaseOrder: { notes: 'kept' } })).status,
      200,
    );
    assert.equal((await s.get(`/api2/purchase_invoices/${purchase}.json`)).body.data.PurchaseOrder.summary_paid, '50');
    assert.ok(await journalOf(s, 'purchase_order_payment', paymentId));
    assert.equal(
      (
        await s.put(`/api2/purchase_invoices/${purchase}.json`, {
          PurchaseOrder: {},
          PurchaseOrderPayment: [{ payment_method: 'cash', amount: '126.5' }],
        })
      ).status,
      200,
    );
    const settled = (await s.get(`/api2/purchase_invoices/${purchase}.json`)).body.data.PurchaseOrder;
    assert.deepEqual([settled.summary_paid, settled.summary_unpaid, settled.payment_status], ['126.5', '0', '2']);
    assert.equal(
      await journalOf(s, 'purchase_order_payment', paymentId),
      undefined,
      "the replaced payment's journal is gone",
    );
    assert.equal(await balanceOf(s, till), before);
    await checkReportsAgree(s, TODAY);

    const draft = await s.post('/api2/purchase_invoices.json', {
      PurchaseOrder: { supplier_id: Number(supplier), draft: 1 },
      PurchaseOrderItem: [{ item: 'x', unit_price: '1' }],
      PurchaseOrderPayment: [{ payment_method: 'cash', amount: '1' }],
    });
    assert.equal(draft.status, 400);
    assert.ok(Object.hasOwn(draft.body.validation_errors, 'PurchaseOrderPayment'), draft.text);
    const newPayment = settled.PurchaseOrderPayment[0].id;
    assert.equal((await s.del(`/api2/purchase_invoices/${purchase}.json`)).status, 200);
    assert.equal(await journalOf(s, 'purchase_order_payment', newPayment), undefined);
    await checkReportsAgree(s, TODAY);
  });

  it('product images, a note’s FollowUpReminder, and when an account was last posted to', async () => {
    const s = server();
    const product = await s.create('products', {
      Product: { name: 'Pictured', unit_price: '5' },
      ProductImage: [
        { file: 'https://cdn.example/p1.png', default: 1 },
        { file: 'p2.png', file_full_path: 'https://cdn.example/full/p2.png' },
      ],
    });
    const images = (await s.get(`/api2/products/${product}.json`)).body.data.Product.ProductImage;
    assert.deepEqual(
      images.map((i: any) => [i.product_id, i.default, i.file, i.file_full_path]),
      [
        [product, '1', 'https://cdn.example/p1.png', 'https://cdn.example/p1.png'],
        [product, '0', 'p2.png', 'https://cdn.example/full/p2.png'],
      ],
    );
    const listed = (await s.get('/api2/products.json?limit=5000')).body.data.find(
      (row: any) => row.Product.id === product,
    );
    assert.equal(listed.Product.ProductImage.length, 2, 'lists carry the images');

    const client = await s.create('clients', { Client: { business_name: 'Noted' } });
    const made = await s.post(`/api2/notes/client/${client}.json`, {
      Note: { body: 'Call back' },
      FollowUpReminder: { date: '2025-01-02 10:00:00', action_id: 1 },
    });
    assert.equal(made.status, 202, made.text);
    const note = (await s.get(`/api2/notes/${made.body.id}.json`)).body.data.Note;
    assert.deepEqual(note.FollowUpReminder, { date: '2025-01-02 10:00:00', action_id: 1 });
    assert.equal(
      (await s.put(`/api2/notes/${made.body.id}.json`, { Note: {}, FollowUpReminder: { date: '2025-02-03 11:00:00' } }))
        .status,
      200,
    );
    assert.deepEqual((await s.get(`/api2/notes/${made.body.id}.json`)).body.data.Note.FollowUpReminder, {
      date: '2025-02-03 11:00:00',
    });

    const invoice = await s.create('invoices', {
      Invoice: { client_id: client },
      InvoiceItem: [{ item: 'Pen', unit_price: '3' }],
    });
    const account = (await s.get(`/api2/journal_accounts.json?entity_type=client&entity_id=${client}`)).body.data[0]
      .JournalAccount;
    const journal = await journalOf(s, 'invoice', invoice);
    assert.equal(account.is_recalculated, '1');
    assert.equal(
      account.last_transaction_update,
      journal.JournalTransaction[0].modified ?? journal.modified,
      'the last line posted to it',
    );
    const unused = await s.create('journal_accounts', {
      JournalAccount: { name: 'Unused', type: '0', journal_cat_id: Number(account.journal_cat_id) },
    });
    assert.equal(
      (await s.get(`/api2/journal_accounts/${unused}.json`)).body.data.JournalAccount.last_transaction_update,
      null,
    );
    const folder = (await s.get(`/api2/journal_cats/${account.journal_cat_id}.json`)).body.data.JournalCat;
    assert.deepEqual(
      [folder.is_recalculated, folder.last_transaction_update],
      ['1', account.last_transaction_update],
      'a folder: its accounts',
    );
  });
});
