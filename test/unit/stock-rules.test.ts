import assert from 'node:assert/strict';
import { quantityChanges, type StockLocation, type StockVariant } from '../../src/domain/inventory-plan';
import { isValidLocationFilter, matchesLocationFilter, shopStock, type StockFigures } from '../../src/domain/stock';

const record = (locationCode: string, onHand: number, overrides: Partial<StockFigures> = {}): StockFigures => ({ locationCode, onHand, reserved: 0, incoming: 0, outgoing: 0, ...overrides });

describe('stock per Shopify location (reference 2.5)', () => {
  it('takes the ERP locations of the filter: codes separated by |, * wildcards, any case; no filter takes all', () => {
    assert.equal(matchesLocationFilter('EAST|WEST', 'west'), true);
    assert.equal(matchesLocationFilter('EAST|WEST', 'NORTH'), false);
    assert.equal(matchesLocationFilter('W*', 'WAREHOUSE-2'), true);
    assert.equal(matchesLocationFilter(null, 'ANY'), true);
    assert.equal(isValidLocationFilter('EAST|W*'), true);
    assert.equal(isValidLocationFilter('EAST||'), false);
  });

  it('computes free inventory as on hand minus reserved, over the filtered locations, rounded down', () => {
    const records = [record('EAST', 10.7, { reserved: 2 }), record('WEST', 5), record('NORTH', 100)];
    assert.equal(shopStock(records, 'freeInventory', 'EAST|WEST'), 13);
  });

  it('computes projected available as on hand plus incoming minus outgoing due today, never below zero', () => {
    assert.equal(shopStock([record('EAST', 4, { incoming: 6, outgoing: 3, reserved: 9 })], 'projectedAvailable', null), 7);
    assert.equal(shopStock([record('EAST', 1, { outgoing: 5 })], 'projectedAvailable', null), 0);
  });
});

describe('changed-only quantities', () => {
  const locations: StockLocation[] = [
    { shopifyId: 'gid://shopify/Location/1', calculation: 'freeInventory', filter: 'EAST' },
    { shopifyId: 'gid://shopify/Location/2', calculation: 'freeInventory', filter: 'WEST' },
  ];
  const variant: StockVariant = { variantId: 'v1', inventoryItemId: 'i1', itemNo: 'A', variantCode: null };
  const stock = () => [record('EAST', 5), record('WEST', 7)];

  it('sends a quantity only where it differs from the one last confirmed, with that one as the compare value', () => {
    const confirmed = new Map([['i1|gid://shopify/Location/1', 5], ['i1|gid://shopify/Location/2', 3]]);
    assert.deepEqual(quantityChanges([variant], locations, stock, confirmed), [
      { variantId: 'v1', inventoryItemId: 'i1', locationId: 'gid://shopify/Location/2', quantity: 7, changeFromQuantity: 3 },
    ]);
  });

  it('sends every location of a variant never confirmed, without a compare value', () => {
    const changes = quantityChanges([variant], locations, stock, new Map());
    assert.deepEqual(changes.map((c) => [c.locationId, c.quantity, c.changeFromQuantity]), [['gid://shopify/Location/1', 5, null], ['gid://shopify/Location/2', 7, null]]);
  });
});
