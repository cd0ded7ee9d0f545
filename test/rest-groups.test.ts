// The rest of Daftra's documented groups served on v2 (and api2) from one declaration each: HR,
// organisational structure, employee assets, brands, unit templates, cost centers, follow-up status
// create, workflow records per type, and points & credits with balances derived from charges and usages.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { type Charge, allocateUsage, balanceOn } from '../src/domain/credits.js';
import { dec, formatDec } from '../src/domain/money.js';
import { eachDatabase, it } from './support/harness.js';

const V2 = '/v2/api/entity';

describe('credits (plain calls)', () => {
  const charge = (id: number, amount: string, expiryDate: string | null, extra: Partial<Charge> = {}): Charge => ({
    id,
    amount: dec(amount),
    startDate: '2026-01-01',
    expiryDate,
    used: 0n,
    active: true,
    ...extra,
  });

  it('spends the charge that expires first, then the one that never expires', () => {
    const charges = [charge(2, '5', null), charge(1, '10', '2026-06-30')];
    const parts = allocateUsage(charges, dec('12'), '2026-06-01')!;
    assert.deepEqual(
      parts.map((p) => [p.chargeId, formatDec(p.amount)]),
      [
        [1, '10'],
        [2, '2'],
      ],
    );
  });

  it('refuses a usage beyond the balance valid that day, and counts neither expired, future nor suspended charges', () => {
    const charges = [
      charge(1, '10', '2026-03-31'),
      charge(2, '4', null, { startDate: '2026-09-01' }),
      charge(3, '7', null, { active: false }),
      charge(4, '3', null, { used: dec('1') }),
    ];
    assert.equal(formatDec(balanceOn(charges, '2026-03-01')), '12');
    assert.equal(formatDec(balanceOn(charges, '2026-04-01')), '2');
    assert.equal(allocateUsage(charges, dec('2.5'), '2026-04-01'), null);
    assert.deepEqual(
      allocateUsage(charges, dec('2'), '2026-04-01')!.map((p) => p.chargeId),
      [4],
    );
  });
});

eachDatabase('rest of the docs export: plain groups', (server) => {
  it('creates, reads, lists and edits HR, organisation, asset, brand and cost-center entities on v2', async () => {
    const s = server();
    const created: Record<string, number> = {};
    const bodies: Array<[string, Record<string, unknown>]> = [
      ['department', { name: 'Sales', abbr: 'SL', managers: [1, 2] }],
      ['employment_type', { name: 'Full time' }],
      ['asset_type', { name: 'Laptop', is_active: 1 }],
      ['asset_location', { name: 'HQ' }],
      ['storage', { name: 'IT cupboard' }],
      ['brand', { name: 'Almarai' }],
      ['cost_center', { name: 'Riyadh shop', code: 'RUH' }],
      [
        'leave_application',
        {
          staff_id: 0,
          days: '1.5',
          date_from: '2026-03-01',
          date_to: '2026-03-02',
          type: 'leave',
          description: 'Family',
        },
      ],
      ['attendance_log', { staff_id: 0, time: '2026-03-03 08:59:00', status: 'sign_in', source_type: 'machine' }],
    ];
    for (const [entity, body] of bodies) {
      const reply = await s.post(`${V2}/${entity}`, body);
      assert.equal(reply.status, 200, `${entity}: ${reply.text}`);
      created[entity] = reply.body.id;
      const one = await s.get(`${V2}/${entity}/${reply.body.id}/1`);
      assert.equal(one.status, 200, one.text);
      for (const [field, value] of Object.entries(body))
        assert.deepEqual(String(one.body[field]), String(value), `${entity}.${field}`);
      const list = await s.get(`${V2}/${entity}/list/1`);
      assert.equal(list.status, 200);
      assert.ok(
        list.body.data.some((row: { id: number }) => row.id === reply.body.id),
        `${entity} listed`,
      );
    }
    const designation = await s.post(`${V2}/designation`, {
      name: 'Clerk',
      department_id: created['department'],
      employment_type_id: created['employment_type'],
    });
    assert.equal(designation.status, 200, designation.text);
    const edited = await s.put(`${V2}/brand/${created['brand']}`, { id: created['brand'], name: 'Almarai Co' });
    assert.equal(edited.status, 200, edited.text);
    assert.equal((await s.get(`${V2}/brand/${created['brand']}/1`)).body.name, 'Almarai Co');
    // A department still named by a designation stays.
    const refused = await s.del(`${V2}/department/${created['department']}`);
    assert.equal(refused.status, 400, refused.text);
  });

  it('refuses what the groups forbid, naming the field', async () => {
    const s = server();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['leave_application', { staff_id: 0, days: 1, date_from: '2026-03-05', date_to: '2026-03-01' }, 'date_to'],
      ['leave_application', { staff_id: 0, days: 0, date_from: '2026-03-01', date_to: '2026-03-01' }, 'days'],
      ['employee_asset', { name: 'Phone', used_by: 'employee', location_id: 999999 }, 'location_id'],
      ['employee_asset', { name: 'Phone', used_by: 'somebody' }, 'used_by'],
      ['designation', { name: 'Ghost', department_id: 999999 }, 'department_id'],
      ['follow_up_status', { name: 'Hot', item_type: 5, status: 1, staff_id: 0 }, 'item_type'],
      [
        'unit_template',
        {
          template_name: 'Bad',
          main_unit_name: 'piece',
          unit_templates_unit_factors: [{ factor_name: 'box', factor: 0 }],
        },
        'UnitTemplatesUnitFactors.0.factor',
      ],
    ];
    for (const [entity, body, field] of cases) {
      const reply = await s.post(`${V2}/${entity}`, body);
      assert.equal(reply.status, 422, `${entity} ${JSON.stringify(body)}: ${reply.text}`);
      assert.ok(reply.body.errors[field], `${entity}: errors name ${field}: ${reply.text}`);
    }
    const location = await s.post(`${V2}/asset_location`, { name: 'Branch 2' });
    const noEmployee = await s.post(`${V2}/employee_asset`, {
      name: 'Phone',
      used_by: 'employee',
      location_id: location.body.id,
    });
    assert.equal(noEmployee.status, 422);
    assert.ok(noEmployee.body.errors['employee_id'], noEmployee.text);
  });

  it("creates follow-up statuses on v2 and lists them with the item type's statuses on api2", async () => {
    const s = server();
    const reply = await s.post(`${V2}/follow_up_status`, {
      item_type: 1,
      name: 'Hot lead',
      color: '#ff0000',
      status: 1,
      staff_id: 0,
      display_order: 9,
    });
    assert.equal(reply.status, 200, reply.text);
    const listed = await s.get('/api2/follow_up_statuses/client');
    assert.ok(
      listed.body.data.some(
        (row: { FollowUpStatus: { id: string } }) => Number(row.FollowUpStatus.id) === reply.body.id,
      ),
      listed.text,
    );
  });

  it('stores a unit template with its factors, read back under unit_templates_unit_factors', async () => {
    const s = server();
    const reply = await s.post(`${V2}/unit_template`, {
      template_name: 'Drinks',
      active: 1,
      main_unit_name: 'can',
      unit_small_name: 'cn',
      branch_id: 1,
      staff_id: 0,
      unit_templates_unit_factors: [
        { factor_name: 'pack', factor: 6, small_name: 'pk' },
        { factor_name: 'carton', factor: 24, small_name: 'ct' },
      ],
    });
    assert.equal(reply.status, 200, reply.text);
    const api2 = await s.get(`/api2/unit_templates/${reply.body.id}.json`);
    assert.equal(api2.status, 200, api2.text);
    assert.deepEqual(
      api2.body.data.UnitTemplate.UnitTemplatesUnitFactors.map((f: { factor: string }) => f.factor),
      ['6', '24'],
    );
    const v2 = await s.get(`${V2}/unit_template/${reply.body.id}/1`);
    assert.deepEqual(
      v2.body.unit_templates_unit_factors.map((f: { factor_name: string }) => f.factor_name),
      ['pack', 'carton'],
    );
  });

  it("serves a workflow type's records as le_workflow-type-entity-{id}, each type seeing only its own", async () => {
    const s = server();
    const typeA = (await s.post(`${V2}/workflow_type`, { name: 'Projects' })).body.id;
    const typeB = (await s.post(`${V2}/workflow_type`, { name: 'Cases' })).body.id;
    const record = await s.post(`${V2}/le_workflow-type-entity-${typeA}`, {
      title: 'Villa fit-out',
      number: { code: 'PRJ-1', generated: null },
      budget: { number: 1500, currency: 'sar' },
      tags: ['vip'],
      start_date: '2026-04-01',
    });
    assert.equal(record.status, 200, record.text);
    const one = await s.get(`${V2}/le_workflow-type-entity-${typeA}/${record.body.id}/1`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.number, 'PRJ-1');
    assert.equal(one.body.budget, '1500');
    assert.equal(one.body.budget_currency, 'SAR');
    assert.equal(one.body.workflow_type_id, typeA);
    assert.equal((await s.get(`${V2}/le_workflow-type-entity-${typeB}/${record.body.id}/1`)).status, 404);
    assert.equal((await s.get(`${V2}/le_workflow-type-entity-${typeB}/list/1`)).body.total, 0);
    assert.equal((await s.get(`${V2}/le_workflow-type-entity-${typeA}/list/1`)).body.total, 1);
    const noType = await s.post(`${V2}/le_workflow-type-entity-999999`, { title: 'x', number: { code: 'X' } });
    assert.equal(noType.status, 422, noType.text);
    const edit = await s.put(`${V2}/le_workflow-type-entity-${typeA}/${record.body.id}`, {
      title: 'Villa fit-out, phase 2',
      number: { code: 'PRJ-1' },
    });
    assert.equal(edit.status, 200, edit.text);
  });

  it('derives credit balances: usages are allocated to charges, a usage beyond the balance is refused and nothing is written', async () => {
    const s = server();
    const client = (await s.post(`${V2}/client`, { business_name: 'Gym member' })).body.id;
    const type = (
      await s.post(`${V2}/credit_type`, {
        name: 'Sessions',
        unit: 'session',
        allow_decimal: 0,
        status: 1,
        description: 'PT',
      })
    ).body.id;
    const soon = await s.post(`${V2}/credit_charge`, {
      client_id: client,
      credit_type_id: type,
      amount: 10,
      start_date: '2026-01-01',
      expiry_date: '2026-06-30',
      staff_id: 0,
      description: 'promo',
    });
    const later = await s.post(`${V2}/credit_charge`, {
      client_id: client,
      credit_type_id: type,
      amount: 5,
      start_date: '2026-01-01',
      staff_id: 0,
      description: 'bought',
    });
    assert.equal(soon.status, 200, soon.text);
    const usage = await s.post(`${V2}/credit_usage`, {
      client_id: client,
      credit_type_id: type,
      amount: 12,
      usage_date: '2026-05-01',
      description: 'sessions',
    });
    assert.equal(usage.status, 200, usage.text);
    const parts = await s.get(`${V2}/charge_usage/list/1?filter[credit_usage_id]=${usage.body.id}`);
    assert.deepEqual(
      parts.body.data
        .map((p: { credit_charge_id: number; amount: unknown }) => [p.credit_charge_id, String(p.amount)])
        .sort(),
      [
        [soon.body.id, '10'],
        [later.body.id, '2'],
      ].sort(),
    );
    assert.equal(String((await s.get(`${V2}/credit_charge/${later.body.id}/1`)).body.remaining_amount), '3');
    const short = await s.post(`${V2}/credit_usage`, {
      client_id: client,
      credit_type_id: type,
      amount: 4,
      usage_date: '2026-07-01',
    });
    assert.equal(short.status, 422, short.text);
    assert.ok(short.body.errors['amount']);
    assert.equal(
      (await s.get(`${V2}/credit_usage/list/1?filter[client_id]=${client}`)).body.total,
      1,
      'the refused usage left no row',
    );
    const fractional = await s.post(`${V2}/credit_usage`, {
      client_id: client,
      credit_type_id: type,
      amount: '0.5',
      usage_date: '2026-05-01',
    });
    assert.equal(fractional.status, 422, 'whole sessions only');
    // Deleting the usage gives the credit back.
    assert.equal((await s.del(`${V2}/credit_usage/${usage.body.id}`)).status, 200);
    assert.equal(String((await s.get(`${V2}/credit_charge/${soon.body.id}/1`)).body.remaining_amount), '10');
  });
});

describe('requisitions (plain calls)', async () => {
  const { plannedMoves } = await import('../src/domain/requisitions.js');
  const lines = [{ productId: 7, quantity: dec('4'), unitPrice: dec('12') }];
  it('moves nothing unless accepted', () => {
    for (const status of [1, 4]) assert.deepEqual(plannedMoves(3, status, 1, 2, lines), { first: [], receipts: [] });
  });
  it('takes a transfer out of store_id and receives it into to_store_id; an outbound only takes out', () => {
    const transfer = plannedMoves(3, 3, 1, 2, lines);
    assert.deepEqual(
      transfer.first.map((m) => [m.storeId, formatDec(m.quantity)]),
      [[1, '-4']],
    );
    assert.deepEqual(
      transfer.receipts.map((m) => [m.storeId, formatDec(m.quantity)]),
      [[2, '4']],
    );
    assert.deepEqual(plannedMoves(2, 3, 1, null, lines).receipts, []);
    assert.equal(formatDec(plannedMoves(1, 3, 1, null, lines).first[0]!.quantity), '4');
  });
});

describe('stock units (plain calls)', async () => {
  const { stockUnitsOf } = await import('../src/domain/units.js');
  it('converts a larger unit to base units, and a bundle to its tracked components', () => {
    const rice = { id: 1, tracked: true, isBundle: false };
    assert.deepEqual(
      stockUnitsOf(dec('2'), dec('12'), rice, []).map((u) => formatDec(u.quantity)),
      ['24'],
    );
    assert.deepEqual(
      stockUnitsOf(dec('2'), null, rice, []).map((u) => formatDec(u.quantity)),
      ['2'],
    );
    const bundle = { id: 9, tracked: false, isBundle: true };
    const parts = stockUnitsOf(dec('2'), null, bundle, [
      { productId: 1, quantity: dec('3'), tracked: true },
      { productId: 2, quantity: dec('1'), tracked: false },
    ]);
    assert.deepEqual(
      parts.map((u) => [u.productId, formatDec(u.quantity)]),
      [[1, '6']],
    );
    assert.deepEqual(stockUnitsOf(dec('1'), null, { id: 3, tracked: false, isBundle: false }, []), []);
  });
});

describe('advance payments (plain calls)', async () => {
  const { applicationProblem, splitApplied } = await import('../src/domain/advances.js');
  it('splits an applied amount into net and tax pro rata, the parts summing exactly', () => {
    const full = splitApplied(dec('115'), dec('115'), [{ taxId: 4, amount: dec('15') }]);
    assert.equal(formatDec(full.net), '100');
    assert.deepEqual(
      full.taxes.map((t) => formatDec(t.amount)),
      ['15'],
    );
    const part = splitApplied(dec('10'), dec('115'), [{ taxId: 4, amount: dec('15') }]);
    assert.equal(formatDec(part.taxes[0]!.amount), '1.304348');
    assert.equal(formatDec(part.net + part.taxes[0]!.amount), '10');
  });
  it('refuses more than is left of the advance or unpaid on the invoice', () => {
    assert.equal(applicationProblem(dec('10'), dec('10'), dec('50')), null);
    assert.match(applicationProblem(dec('11'), dec('10'), dec('50'))!, /left of the advance/);
    assert.match(applicationProblem(dec('11'), dec('20'), dec('10'))!, /unpaid/);
    assert.match(applicationProblem(0n, dec('20'), dec('10'))!, /greater than 0/);
  });
});
