// Treasury transfers (Daftar's own /api2/treasury_transfers), on SQLite and PostgreSQL: a transfer
// moves the amount out of one treasury's balance and into the other's with one balanced journal
// (treasury_transfer), and is not counted as cash in or out of the month; an edit moves it again, a
// delete takes it back; bad input is a 400 naming the field and writes nothing; the books stay
// consistent (bookProblems).
import assert from 'node:assert/strict';
import { dec } from '../src/domain/money.js';
import { report } from './support/books.js';
import { bookProblems } from './support/db-state.js';
import { type TestServer, eachDatabase, it } from './support/harness.js';

async function balances(s: TestServer): Promise<Map<string, bigint>> {
  const rows = (await s.get('/api2/treasuries.json?limit=100')).body.data.map((r: any) => r.Treasury);
  return new Map(rows.map((t: any) => [String(t.id), dec(String(t.balance))]));
}

eachDatabase('treasury transfers', (server) => {
  it('move money between two treasuries through the books, and refuse what cannot be', async () => {
    const s = server();
    const till = String((await s.get('/api2/treasuries.json')).body.data[0].Treasury.id);
    const bank = await s.create('treasuries', { Treasury: { name: 'Bank', type: 1 } });
    await s.create('incomes', { Income: { amount: '500', treasury_id: till } });
    const before = await balances(s);

    const id = await s.create('treasury_transfers', {
      TreasuryTransfer: { from_treasury_id: till, to_treasury_id: bank, amount: '120.505', date: '2026-03-02' },
    });
    const got = (await s.get(`/api2/treasury_transfers/${id}.json`)).body.data.TreasuryTransfer;
    // Rounded to the site currency's minor unit, half away from zero (docs/accounting.md).
    assert.equal(dec(got.amount), dec('120.51'));
    assert.equal(got.date.slice(0, 10), '2026-03-02');
    let after = await balances(s);
    assert.equal(after.get(till), before.get(till)! - dec('120.51'), 'out of the till');
    assert.equal(after.get(bank), before.get(bank)! + dec('120.51'), 'into the bank');
    const journals = (await s.get('/api2/journals.json?entity_type=treasury_transfer&limit=10')).body.data;
    assert.equal(journals.length, 1, 'one journal');
    const journal = journals[0].Journal;
    assert.equal(dec(journal.total_debit), dec('120.51'));
    assert.equal(journal.total_debit, journal.total_credit, 'balanced');

    // Not money in or out of the business: the month's cash in and out leave it out.
    const month = await report(s, 'monthly_summary', 'date_from=2026-03-01&date_to=2026-03-31');
    assert.equal(dec(month.rows[0].cash_in), 0n, `cash in: ${JSON.stringify(month.rows[0])}`);
    assert.equal(dec(month.rows[0].cash_out), 0n, 'cash out');

    // An edit moves it again; the journal is replaced, not added to.
    assert.equal(
      (await s.put(`/api2/treasury_transfers/${id}.json`, { TreasuryTransfer: { amount: '20' } })).status,
      200,
    );
    after = await balances(s);
    assert.equal(after.get(till), before.get(till)! - dec('20'));
    assert.equal(after.get(bank), before.get(bank)! + dec('20'));
    assert.equal((await s.get('/api2/journals.json?entity_type=treasury_transfer&limit=10')).body.data.length, 1);

    // Refused with the field named, and nothing written.
    const refused: Array<[Record<string, unknown>, string]> = [
      [{ from_treasury_id: till, to_treasury_id: till, amount: '5' }, 'to_treasury_id'],
      [{ from_treasury_id: till, to_treasury_id: bank, amount: '0' }, 'amount'],
      [{ from_treasury_id: till, to_treasury_id: bank, amount: '-3' }, 'amount'],
      [{ from_treasury_id: till, amount: '5' }, 'to_treasury_id'],
      [{ from_treasury_id: till, to_treasury_id: '999999', amount: '5' }, 'to_treasury_id'],
      [{ from_treasury_id: till, to_treasury_id: bank, amount: 'ten' }, 'amount'],
    ];
    for (const [body, field] of refused) {
      const reply = await s.post('/api2/treasury_transfers.json', { TreasuryTransfer: body });
      assert.equal(reply.status, 400, `${JSON.stringify(body)}: ${reply.text}`);
      assert.ok(
        Object.keys(reply.body.validation_errors ?? {}).some((key) => key.endsWith(field)),
        `${JSON.stringify(body)} names ${field}: ${reply.text}`,
      );
    }
    assert.equal((await s.get('/api2/treasury_transfers.json')).body.pagination.total_results, 1);

    // A delete takes it back.
    assert.equal((await s.del(`/api2/treasury_transfers/${id}.json`)).status, 200);
    after = await balances(s);
    assert.equal(after.get(till), before.get(till));
    assert.equal(after.get(bank), before.get(bank));
    assert.equal((await s.get('/api2/journals.json?entity_type=treasury_transfer&limit=10')).body.data.length, 0);
    assert.deepEqual(await bookProblems(s.database), []);
  });
});
