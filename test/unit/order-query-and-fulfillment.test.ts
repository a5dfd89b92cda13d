import assert from 'node:assert/strict';
import { planFulfillments, signatureOf } from '../../src/domain/fulfillment-plan';
import { addAmounts, fromCents, toCents } from '../../src/domain/money';
import { filterKey, planOrderQuery } from '../../src/domain/order-filters';

const RUN_START = '2026-11-27T10:00:00.000Z';

describe('order import query', () => {
  it('imports open orders on the first run', () => {
    assert.deepEqual(planOrderQuery(null, {}, {}, RUN_START), { query: `status:open updated_at:<='${RUN_START}'`, incremental: true });
  });

  it('re-reads an overlap window before the cursor, with >=', () => {
    const plan = planOrderQuery('2026-11-26T10:00:00.000Z', { financialStatus: 'PAID', channel: ['web', 'pos'], tag: 'b2b' }, {}, RUN_START);
    assert.equal(plan.query, `updated_at:>='2026-11-26T09:55:00.000Z' updated_at:<='${RUN_START}' financial_status:paid channel:web,pos tag:'b2b'`);
    assert.equal(planOrderQuery('2026-11-26T10:00:00.000Z', {}, { overlapSeconds: 0 }, RUN_START).query, `updated_at:>='2026-11-26T10:00:00.000Z' updated_at:<='${RUN_START}'`);
  });

  it('imports a created-at range, closed orders included, without moving the cursor', () => {
    const plan = planOrderQuery('2026-11-26T10:00:00.000Z', { fulfillmentStatus: 'FULFILLED' }, { since: '2025-01-01T00:00:00Z', until: '2025-12-31T23:59:59Z' }, RUN_START);
    assert.deepEqual(plan, { query: "created_at:>='2025-01-01T00:00:00Z' created_at:<='2025-12-31T23:59:59Z' fulfillment_status:fulfilled", incremental: false });
  });

  it('keeps one cursor per filter set', () => {
    assert.equal(filterKey({}), 'all');
    assert.equal(filterKey({ tag: 'b2b', financialStatus: 'PAID' }), 'financialStatus=PAID,tag=b2b');
    assert.equal(filterKey({ financialStatus: 'PAID', tag: 'b2b' }), filterKey({ tag: 'b2b', financialStatus: 'PAID' }));
  });
});

describe('fulfillment planning', () => {
  const fos = [
    { id: 'FO1', status: 'OPEN', locationId: 'L1', lines: [{ id: 'FOL1', lineItemId: 'LI1', remainingQuantity: 1 }, { id: 'FOL2', lineItemId: 'LI2', remainingQuantity: 2 }] },
    { id: 'FO2', status: 'OPEN', locationId: 'L2', lines: [{ id: 'FOL3', lineItemId: 'LI1', remainingQuantity: 2 }] },
    { id: 'FO3', status: 'CLOSED', locationId: 'L1', lines: [{ id: 'FOL4', lineItemId: 'LI2', remainingQuantity: 5 }] },
  ];

  it('spreads a line over open fulfillment orders and makes one fulfillment per location', () => {
    const { plans, unmatched } = planFulfillments([{ shopifyOrderLineId: 'LI1', quantity: 3 }, { shopifyOrderLineId: 'LI2', quantity: 1 }], fos);
    assert.deepEqual(unmatched, []);
    assert.deepEqual(plans.map((p) => [p.locationId, p.groups.map((g) => [g.fulfillmentOrderId, g.lines.map((l) => `${l.id}×${l.quantity}`).join(' ')])]), [
      ['L1', [['FO1', 'FOL1×1 FOL2×1']]],
      ['L2', [['FO2', 'FOL3×2']]],
    ]);
  });

  it('reports what cannot be matched, never using closed fulfillment orders', () => {
    const { unmatched } = planFulfillments([{ shopifyOrderLineId: 'LI2', quantity: 4 }], fos);
    assert.deepEqual(unmatched, ['2 of order line LI2']);
  });

  it('recognises a fulfillment by its lines and quantities, in any order', () => {
    assert.equal(signatureOf([{ lineItemId: 'B', quantity: 1 }, { lineItemId: 'A', quantity: 2 }, { lineItemId: 'B', quantity: 1 }]), 'A×2,B×2');
  });
});

describe('money', () => {
  it('adds in cents', () => {
    assert.equal(addAmounts('0.10', '0.20'), '0.30');
    assert.equal(toCents('19.99'), 1999);
    assert.equal(fromCents(-5), '-0.05');
    assert.throws(() => toCents('abc'), RangeError);
  });
});
