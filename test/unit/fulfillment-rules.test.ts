import assert from 'node:assert/strict';
import { decideShipment, recogniseFulfillments, type OpenFulfillmentOrder, type SeenFulfillment } from '../../src/domain/fulfillment-plan';

const START = '2026-11-27T10:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();
const fulfillment = (id: string, locationId: string | null, lines: Array<[string, number]>, createdAt = after(1), status = 'SUCCESS'): SeenFulfillment => ({
  id,
  status,
  createdAt,
  locationId,
  lines: lines.map(([lineItemId, quantity]) => ({ lineItemId, quantity })),
});
const shipment = (lines: Array<[string, number]>) => lines.map(([shopifyOrderLineId, quantity]) => ({ shopifyOrderLineId, quantity }));

describe('recognising the fulfillments an attempt made', () => {
  const plans = [
    { locationId: 'L1', lines: [{ lineItemId: 'A', quantity: 1 }, { lineItemId: 'B', quantity: 1 }] },
    { locationId: 'L2', lines: [{ lineItemId: 'A', quantity: 1 }] },
    { locationId: 'L3', lines: [{ lineItemId: 'C', quantity: 2 }] },
  ];
  const lines = shipment([['A', 2], ['B', 1], ['C', 2]]);

  it('adopts the fulfillments made at the planned locations and leaves only the one never made', () => {
    const result = recogniseFulfillments({
      shipmentLines: lines,
      recordedIds: [],
      attempt: { startedAt: START, plans },
      fulfillments: [fulfillment('F1', 'L1', [['A', 1], ['B', 1]]), fulfillment('F2', 'L2', [['A', 1]])],
      slackMs: 0,
    });
    assert.deepEqual(result.adoptedIds, ['F1', 'F2']);
    assert.deepEqual(result.left, shipment([['C', 2]]));
  });

  it('leaves everything to send when nothing was made since the attempt began', () => {
    const result = recogniseFulfillments({ shipmentLines: lines, recordedIds: [], attempt: { startedAt: START, plans }, fulfillments: [fulfillment('OLD', 'L1', [['A', 1]], after(-3600))], slackMs: 0 });
    assert.deepEqual(result.adoptedIds, []);
    assert.deepEqual(result.left, lines);
  });

  it('does not adopt a fulfillment at another location, with other lines, or beyond the planned quantities', () => {
    const result = recogniseFulfillments({
      shipmentLines: lines,
      recordedIds: [],
      attempt: { startedAt: START, plans },
      fulfillments: [fulfillment('WRONG-PLACE', 'L9', [['A', 1]]), fulfillment('OTHER-LINE', 'L1', [['Z', 1]]), fulfillment('TOO-MUCH', 'L3', [['C', 3]]), fulfillment('GONE', 'L2', [['A', 1]], after(2), 'CANCELLED')],
      slackMs: 0,
    });
    assert.deepEqual(result.adoptedIds, []);
    assert.deepEqual(result.left, lines);
  });

  it('never claims two fulfillments for one planned call', () => {
    const result = recogniseFulfillments({
      shipmentLines: lines,
      recordedIds: [],
      attempt: { startedAt: START, plans },
      fulfillments: [fulfillment('F2', 'L2', [['A', 1]]), fulfillment('MERCHANT', 'L2', [['A', 1]], after(5))],
      slackMs: 0,
    });
    assert.deepEqual(result.adoptedIds, ['F2']);
    assert.deepEqual(result.left, shipment([['A', 1], ['B', 1], ['C', 2]]));
  });

  it('counts recorded fulfillments of earlier runs, so a shipment retried after an error sends only the rest', () => {
    const result = recogniseFulfillments({ shipmentLines: lines, recordedIds: ['F1'], attempt: null, fulfillments: [fulfillment('F1', 'L1', [['A', 1], ['B', 1]], after(-86400))], slackMs: 0 });
    assert.deepEqual(result.fulfillmentIds, ['F1']);
    assert.deepEqual(result.left, shipment([['A', 1], ['C', 2]]));
  });

  it('matches a fulfillment Shopify shows without a location against any planned location', () => {
    const result = recogniseFulfillments({ shipmentLines: shipment([['C', 2]]), recordedIds: [], attempt: { startedAt: START, plans }, fulfillments: [fulfillment('F3', null, [['C', 2]])], slackMs: 0 });
    assert.deepEqual(result.left, []);
  });
});

describe('deciding what a shipment does with blocked fulfillment orders', () => {
  const fo = (id: string, status: string, extra: Partial<OpenFulfillmentOrder> = {}): OpenFulfillmentOrder => ({
    id,
    status,
    locationId: 'L1',
    locationName: 'Warehouse',
    lines: [{ id: `${id}-1`, lineItemId: 'A', remainingQuantity: 2 }],
    ...extra,
  });
  const wanted = shipment([['A', 2]]);

  it('sends from open fulfillment orders', () => {
    assert.equal(decideShipment(wanted, [fo('FO1', 'OPEN')], false).kind, 'send');
  });

  it('waits for a hold, a schedule or a fulfillment service, saying why', () => {
    const held = decideShipment(wanted, [fo('FO1', 'ON_HOLD', { holds: [{ id: 'H1', reason: 'Incorrect address' }], supportedActions: ['RELEASE_HOLD'] })], false);
    assert.deepEqual(held, { kind: 'wait', reasons: ['fulfillment order FO1 at Warehouse is on hold in Shopify (Incorrect address)'] });
    const scheduled = decideShipment(wanted, [fo('FO1', 'SCHEDULED', { fulfillAt: '2099-01-01T00:00:00Z' })], false);
    assert.deepEqual(scheduled, { kind: 'wait', reasons: ['fulfillment order FO1 at Warehouse is scheduled in Shopify for 2099-01-01T00:00:00Z'] });
    const service = decideShipment(wanted, [fo('FO1', 'OPEN', { fulfillmentService: true, locationName: 'ShipBob' })], true);
    assert.deepEqual(service, { kind: 'wait', reasons: ['fulfillment order FO1 at ShipBob is assigned to a fulfillment service, which fulfils it itself'] });
  });

  it('unblocks held and scheduled fulfillment orders when allowed to and when Shopify allows it', () => {
    const fos = [fo('FO1', 'ON_HOLD', { holds: [{ id: 'H1', reason: 'Other' }], supportedActions: ['RELEASE_HOLD'], lines: [{ id: 'x', lineItemId: 'A', remainingQuantity: 1 }] }), fo('FO2', 'SCHEDULED', { supportedActions: ['MARK_AS_OPEN'], lines: [{ id: 'y', lineItemId: 'A', remainingQuantity: 1 }] })];
    assert.deepEqual(decideShipment(wanted, fos, true), {
      kind: 'unblock',
      unblocks: [{ fulfillmentOrderId: 'FO1', action: 'releaseHold', holdIds: ['H1'] }, { fulfillmentOrderId: 'FO2', action: 'open', holdIds: [] }],
    });
    const refused = decideShipment(wanted, [fo('FO1', 'ON_HOLD', { supportedActions: [] })], true);
    assert.equal(refused.kind, 'wait');
    assert.match(refused.kind === 'wait' ? refused.reasons[0] ?? '' : '', /does not let the app release it/);
  });

  it('waits whole rather than sending the open part of a partly held shipment', () => {
    const fos = [fo('FO1', 'OPEN', { lines: [{ id: 'x', lineItemId: 'A', remainingQuantity: 1 }] }), fo('FO2', 'ON_HOLD', { lines: [{ id: 'y', lineItemId: 'A', remainingQuantity: 1 }] })];
    assert.equal(decideShipment(wanted, fos, false).kind, 'wait');
  });

  it('reports nothing left when not even blocked fulfillment orders hold the quantities', () => {
    assert.deepEqual(decideShipment(shipment([['A', 5]]), [fo('FO1', 'ON_HOLD'), fo('FO2', 'CLOSED')], true), { kind: 'nothingLeft', unmatched: ['3 of order line A'] });
  });
});
