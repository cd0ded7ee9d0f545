// The API additions the console needs, on both engines: staff sign-ins (/api2/users: owner only, the
// password grant takes them, removing one ends its tokens), the monthly_summary report (agreeing with
// the P&L and the invoices' unpaid amounts) and any report as PDF.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eachDatabase } from './support/harness.js';

eachDatabase("the console's API additions", (server) => {
  it('adds, lists and removes staff sign-ins; only the owner may', async () => {
    const s = server();
    const short = await s.post('/api2/users.json', { User: { name: 'A', email: 'a@example.com', password: 'short' } });
    assert.equal(short.status, 400);
    assert.ok(short.body.validation_errors.password, 'the field is named');
    const made = await s.post('/api2/users.json', {
      User: { name: 'Cashier', email: 'Cashier@Example.com', password: 'a long enough password' },
    });
    assert.equal(made.status, 202, made.text);
    const again = await s.post('/api2/users.json', {
      User: { name: 'Other', email: 'cashier@example.com', password: 'a long enough password' },
    });
    assert.equal(again.status, 400);
    assert.ok(again.body.validation_errors.email);
    const listed = await s.get('/api2/users.json');
    const users = listed.body.data.map((row: any) => row.User);
    assert.equal(users.length, 2);
    assert.ok(!JSON.stringify(listed.body).includes('password_hash'), 'never a password');
    const staff = users.find((u: any) => u.email === 'cashier@example.com');
    assert.notEqual(staff.staff_id, '0');

    const token = await s.post('/api2/oauth/token', {
      grant_type: 'password',
      username: 'cashier@example.com',
      password: 'a long enough password',
    });
    assert.equal(token.status, 200, 'the staff member signs in');
    const bearer = { authorization: `Bearer ${token.body.access_token}`, apikey: '' };
    const info = await s.get('/api2/site_info.json', bearer);
    assert.equal(String(info.body.data.Site.staff_id), staff.staff_id, 'their token is theirs');
    assert.equal((await s.get('/api2/users.json', bearer)).status, 403, 'staff may not manage users');
    assert.equal((await s.post('/api2/api_keys.json', { ApiKey: { name: 'x' } }, bearer)).status, 403);

    const owner = users.find((u: any) => u.owner === '1');
    assert.equal((await s.del(`/api2/users/${owner.id}.json`)).status, 400, "the owner's sign-in stays");
    assert.equal((await s.del(`/api2/users/${staff.id}.json`)).status, 200);
    assert.equal((await s.get('/api2/site_info.json', bearer)).status, 401, "a removed sign-in's token stops working");
    assert.equal((await s.del(`/api2/users/${staff.id}.json`)).status, 404);
  });

  it('sums month by month as the P&L does, and exports reports as PDF', async () => {
    const s = server();
    const client = await s.create('clients', { Client: { business_name: 'Summary Co' } });
    const today = new Date().toISOString().slice(0, 10);
    await s.create('invoices', {
      Invoice: { client_id: client, date: today },
      InvoiceItem: [{ item: 'Work', quantity: 2, unit_price: '40.50' }],
    });
    const old = await s.create('invoices', {
      Invoice: { client_id: client, date: '2020-01-10', due_after: 5 },
      InvoiceItem: [{ item: 'Old', quantity: 1, unit_price: '10' }],
    });
    await s.create('invoice_payments', {
      InvoicePayment: { invoice_id: old, amount: '4', payment_method: 'cash', date: today },
    });
    await s.create('expenses', { Expense: { amount: '30', date: today } });
    const summary = (await s.get('/api2/reports/monthly_summary.json')).body.data.Report;
    assert.equal(summary.rows.length, 12);
    const month = summary.rows[summary.rows.length - 1];
    assert.equal(month.month, today.slice(0, 7));
    const pnl = (await s.get(`/api2/reports/profit_and_loss.json?date_from=${today.slice(0, 7)}-01&date_to=${today}`))
      .body.data.Report.totals;
    assert.equal(month.revenue, pnl.revenue);
    assert.equal(month.expenses, pnl.expenses);
    assert.equal(month.revenue, '81');
    assert.equal(month.cash_in, '4', 'the payment came into a treasury');
    assert.equal(month.cash_out, '30', 'the expense went out of one');
    assert.equal(summary.receivable, '87', '81 + 10 − 4 unpaid');
    assert.equal(summary.overdue, '6', 'the 2020 invoice is past due');
    assert.equal((await s.get('/api2/reports/monthly_summary.json?date_from=2026-13-01')).status, 400);

    const pdf = await s.get('/api2/reports/trial_balance.pdf?lang=ar');
    assert.equal(pdf.status, 200);
    assert.match(String(pdf.headers.get('content-type')), /application\/pdf/);
    assert.ok(pdf.text.startsWith('%PDF-'));
    const csv = await s.get('/api2/reports/monthly_summary.csv');
    assert.match(csv.text, /^month,revenue,expenses,net_profit,cash_in,cash_out\r\n/);
  });
});
