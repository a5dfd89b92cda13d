import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read as the JSON they are */

/** The emulator's inventory area over HTTP, as Shopify's Admin API 2026-10 answers it. */
describe('emulator inventory', () => {
  let url: string;
  let admin: EmulatorAdmin;
  let shop: { domain: string; token: string };
  let warehouse: string;
  let store: string;
  let itemA: string;
  let itemB: string;

  async function post(query: string, variables: Record<string, unknown> = {}, target = shop): Promise<{ data: any; errors?: any[] }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': target.domain, 'x-shopify-access-token': target.token },
      body: JSON.stringify({ query, variables }),
    });
    assert.equal(response.status, 200);
    return (await response.json()) as { data: any; errors?: any[] };
  }

  const SET = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id reason referenceDocumentUri createdAt changes { name delta quantityAfterChange item { id } location { id } } }
      userErrors { field message code }
    } }`;
  const LEVEL = `query($item: ID!, $location: ID!) { inventoryItem(id: $item) { inventoryLevel(locationId: $location) {
    updatedAt quantities(names: ["available", "on_hand", "committed", "reserved", "incoming", "damaged", "safety_stock", "quality_control", "unavailable"]) { name quantity } } } }`;

  async function quantities(item: string, location: string): Promise<Record<string, number> | null> {
    const level = (await post(LEVEL, { item, location })).data.inventoryItem.inventoryLevel;
    return level ? Object.fromEntries(level.quantities.map((q: any) => [q.name, q.quantity])) : null;
  }

  const set = (input: Record<string, unknown>, key = randomUUID()) => post(SET, { input: { reason: 'correction', referenceDocumentUri: 'gid://erp-sync/SyncJob/1', ...input }, key });

  before(async () => {
    url = (await testStack()).emulatorUrl;
    admin = await emulatorAdmin();
    shop = await emulatedShop('inventory', { locations: [{ name: 'Warehouse' }, { name: 'Store' }] });
    const locations = (await post('{ locations(first: 5) { nodes { id name } } }')).data.locations.nodes;
    warehouse = locations.find((l: any) => l.name === 'Warehouse').id;
    store = locations.find((l: any) => l.name === 'Store').id;
    await admin.seedProducts(shop.domain, [{ title: 'Stock Tee', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [
      { sku: 'INV-A', price: '10', tracked: true, cost: '4.00', optionValues: [{ optionName: 'Size', name: 'S' }] },
      { sku: 'INV-B', price: '10', tracked: true, optionValues: [{ optionName: 'Size', name: 'M' }] },
    ] }]);
    const items = (await post('{ inventoryItems(first: 10, query: "sku:INV-*") { nodes { id sku } } }')).data.inventoryItems.nodes;
    itemA = items.find((i: any) => i.sku === 'INV-A').id;
    itemB = items.find((i: any) => i.sku === 'INV-B').id;
  });

  it('stocks a new variant at the first active location only, every named quantity at zero', async () => {
    assert.deepEqual(await quantities(itemA, warehouse), { available: 0, on_hand: 0, committed: 0, reserved: 0, incoming: 0, damaged: 0, safety_stock: 0, quality_control: 0, unavailable: 0 });
    assert.equal(await quantities(itemA, store), null);
    const item = (await post(`query($id: ID!) { inventoryItem(id: $id) { sku tracked unitCost { amount } requiresShipping variant { sku } variants(first: 2) { nodes { sku } }
      inventoryLevels(first: 5) { nodes { id location { name } item { sku } canDeactivate } } } }`, { id: itemA })).data.inventoryItem;
    assert.deepEqual([item.sku, item.tracked, item.unitCost.amount, item.requiresShipping, item.variant.sku, item.variants.nodes[0].sku], ['INV-A', true, '4.00', true, 'INV-A', 'INV-A']);
    assert.deepEqual(item.inventoryLevels.nodes.map((l: any) => [l.location.name, l.item.sku, l.canDeactivate]), [['Warehouse', 'INV-A', false]]);
    assert.match(item.inventoryLevels.nodes[0].id, /^gid:\/\/shopify\/InventoryLevel\/\d+\?inventory_item_id=\d+$/);
  });

  it('inventorySetQuantities sets available, moves on_hand by the same delta and reports both changes in the adjustment group', async () => {
    const before = (await post(LEVEL, { item: itemA, location: warehouse })).data.inventoryItem.inventoryLevel.updatedAt;
    const result = (await set({ name: 'available', quantities: [{ inventoryItemId: itemA, locationId: warehouse, quantity: 7, changeFromQuantity: 0 }] })).data.inventorySetQuantities;
    assert.deepEqual(result.userErrors, []);
    assert.equal(result.inventoryAdjustmentGroup.reason, 'correction');
    assert.equal(result.inventoryAdjustmentGroup.referenceDocumentUri, 'gid://erp-sync/SyncJob/1');
    assert.deepEqual(result.inventoryAdjustmentGroup.changes.map((c: any) => [c.name, c.delta, c.quantityAfterChange, c.item.id, c.location.id]), [
      ['available', 7, 7, itemA, warehouse],
      ['on_hand', 7, 7, itemA, warehouse],
    ]);
    const level = (await post(LEVEL, { item: itemA, location: warehouse })).data.inventoryItem.inventoryLevel;
    assert.ok(level.updatedAt > before, 'the level updatedAt moves');
    const onHand = (await set({ name: 'on_hand', quantities: [{ inventoryItemId: itemA, locationId: warehouse, quantity: 4, changeFromQuantity: 7 }] })).data.inventorySetQuantities;
    assert.deepEqual(onHand.inventoryAdjustmentGroup.changes.map((c: any) => [c.name, c.delta, c.quantityAfterChange]), [['on_hand', -3, 4], ['available', -3, 4]]);
  });

  it('refuses the whole call when one quantity is stale (CHANGE_FROM_QUANTITY_STALE) and changes no level', async () => {
    const current = (await quantities(itemA, warehouse))?.available;
    const result = (await set({ name: 'available', quantities: [
      { inventoryItemId: itemB, locationId: warehouse, quantity: 50, changeFromQuantity: null },
      { inventoryItemId: itemA, locationId: warehouse, quantity: 99, changeFromQuantity: 12345 },
    ] })).data.inventorySetQuantities;
    assert.equal(result.inventoryAdjustmentGroup, null);
    assert.deepEqual(result.userErrors.map((e: any) => [e.field.join('.'), e.code]), [['input.quantities.1.changeFromQuantity', 'CHANGE_FROM_QUANTITY_STALE']]);
    assert.equal((await quantities(itemB, warehouse))?.available, 0, 'the valid quantity of the refused call is not applied');
    assert.equal((await quantities(itemA, warehouse))?.available, current);
  });

  it('answers each refused quantity with its documented code: omitted changeFromQuantity, unknown item or location, duplicate pair, bad name, reason and reference', async () => {
    const codes = async (input: Record<string, unknown>) => (await set(input)).data.inventorySetQuantities.userErrors.map((e: any) => [e.field.join('.'), e.code]);
    assert.deepEqual(await codes({ name: 'available', quantities: [{ inventoryItemId: itemA, locationId: warehouse, quantity: 1 }] }), [['input.quantities.0.changeFromQuantity', 'COMPARE_QUANTITY_REQUIRED']]);
    assert.deepEqual(await codes({ name: 'available', quantities: [
      { inventoryItemId: itemA, locationId: 'gid://shopify/Location/999999', quantity: 1, changeFromQuantity: null },
      { inventoryItemId: 'gid://shopify/InventoryItem/999999', locationId: warehouse, quantity: 1, changeFromQuantity: null },
      { inventoryItemId: itemB, locationId: warehouse, quantity: 1, changeFromQuantity: null },
      { inventoryItemId: itemB, locationId: warehouse, quantity: 2, changeFromQuantity: null },
    ] }), [
      ['input.quantities.0.locationId', 'INVALID_LOCATION'],
      ['input.quantities.1.inventoryItemId', 'INVALID_INVENTORY_ITEM'],
      ['input.quantities.3', 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR'],
    ]);
    assert.deepEqual(await codes({ name: 'committed', reason: 'stocktake', referenceDocumentUri: 'gid://only-app', quantities: [] }), [
      ['input.name', 'INVALID_NAME'], ['input.reason', 'INVALID_REASON'], ['input.referenceDocumentUri', 'INVALID_REFERENCE_DOCUMENT'],
    ]);
    assert.deepEqual(await codes({ name: 'on_hand', quantities: [{ inventoryItemId: itemA, locationId: warehouse, quantity: -1, changeFromQuantity: null }] }), [['input.quantities.0.quantity', 'INVALID_QUANTITY_NEGATIVE']]);
    assert.equal(await quantities(itemA, store), null, 'no refused call stocked the item anywhere');
  });

  it('stocks the item at a location it is not stocked at when quantities are set there (2026-10 has no ITEM_NOT_STOCKED_AT_LOCATION)', async () => {
    const result = (await set({ name: 'available', quantities: [{ inventoryItemId: itemA, locationId: store, quantity: 2, changeFromQuantity: 0 }] })).data.inventorySetQuantities;
    assert.deepEqual(result.userErrors, []);
    assert.equal((await quantities(itemA, store))?.available, 2);
  });

  it('refuses more than 250 quantities in one call with MAX_INPUT_SIZE_EXCEEDED', async () => {
    const many = Array.from({ length: 251 }, () => ({ inventoryItemId: itemA, locationId: warehouse, quantity: 1, changeFromQuantity: null }));
    const result = await set({ name: 'available', quantities: many });
    assert.equal(result.errors?.[0]?.extensions?.code, 'MAX_INPUT_SIZE_EXCEEDED');
  });

  it('inventoryActivate stocks an item at another location with its first quantities (refusing available and onHand that disagree); inventoryDeactivate turns it inactive, keeping its quantities for a later activation', async () => {
    const ACTIVATE = `mutation($item: ID!, $location: ID!, $key: String!, $onHand: Int) { inventoryActivate(inventoryItemId: $item, locationId: $location, available: 3, onHand: $onHand) @idempotent(key: $key) {
      inventoryLevel { id location { name } quantities(names: ["available", "on_hand"]) { name quantity } } userErrors { field message } } }`;
    const disagreeing = (await post(ACTIVATE, { item: itemB, location: store, key: randomUUID(), onHand: 5 })).data.inventoryActivate;
    assert.deepEqual(disagreeing.userErrors.map((e: any) => e.field), [['onHand']], 'available 3 and onHand 5 disagree on a new level');
    assert.equal(await quantities(itemB, store), null);
    const activated = (await post(ACTIVATE, { item: itemB, location: store, key: randomUUID(), onHand: 3 })).data.inventoryActivate;
    assert.deepEqual(activated.userErrors, []);
    assert.equal(activated.inventoryLevel.location.name, 'Store');
    assert.deepEqual(await quantities(itemB, store), { available: 3, on_hand: 3, committed: 0, reserved: 0, incoming: 0, damaged: 0, safety_stock: 0, quality_control: 0, unavailable: 0 });
    const atStore = (await post(`query($id: ID!) { location(id: $id) { inventoryLevels(first: 10) { nodes { item { sku } } } inventoryLevel(inventoryItemId: "${itemB}") { id } } }`, { id: store })).data.location;
    assert.deepEqual(atStore.inventoryLevels.nodes.map((l: any) => l.item.sku), ['INV-A', 'INV-B'], 'INV-A was stocked there by a set');
    assert.equal(atStore.inventoryLevel.id, activated.inventoryLevel.id);
    const deactivated = (await post('mutation($id: ID!) { inventoryDeactivate(inventoryLevelId: $id) { userErrors { message } } }', { id: activated.inventoryLevel.id })).data.inventoryDeactivate;
    assert.deepEqual(deactivated.userErrors, []);
    assert.equal(await quantities(itemB, store), null);
    const inactive = (await post(`query($item: ID!, $location: ID!) { inventoryItem(id: $item) { inventoryLevel(locationId: $location, includeInactive: true) { isActive quantities(names: ["available"]) { quantity } } } }`,
      { item: itemB, location: store })).data.inventoryItem.inventoryLevel;
    assert.deepEqual([inactive.isActive, inactive.quantities[0].quantity], [false, 3], 'an inactive level keeps its quantities');
    const again = `mutation($item: ID!, $location: ID!, $key: String!) { inventoryActivate(inventoryItemId: $item, locationId: $location) @idempotent(key: $key) { userErrors { message } } }`;
    assert.deepEqual((await post(again, { item: itemB, location: store, key: randomUUID() })).data.inventoryActivate.userErrors, []);
    assert.equal((await quantities(itemB, store))?.available, 3, 'activating again without quantities keeps them (2026-04)');
  });

  it('requires @idempotent on inventorySetQuantities and inventoryActivate, and refuses it on a mutation that does not document it', async () => {
    const missing = await post(`mutation { inventorySetQuantities(input: { name: "available", reason: "correction", quantities: [] }) { userErrors { code } } }`);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'IDEMPOTENCY_KEY_REQUIRED');
    const activate = await post(`mutation { inventoryActivate(inventoryItemId: "${itemA}", locationId: "${store}") { userErrors { message } } }`);
    assert.equal(activate.errors?.[0]?.extensions?.code, 'IDEMPOTENCY_KEY_REQUIRED');
    const unsupported = await post(`mutation { inventoryItemUpdate(id: "${itemA}", input: { tracked: true }) @idempotent(key: "k1") { userErrors { message } } }`);
    assert.match(unsupported.errors?.[0]?.message ?? '', /not supported on inventoryItemUpdate/);
    const empty = await post(`mutation { inventorySetQuantities(input: { name: "available", reason: "correction", quantities: [] }) @idempotent(key: "  ") { userErrors { code } } }`);
    assert.match(empty.errors?.[0]?.message ?? '', /cannot be an empty string/);
  });

  it('answers a repeated key with the first result without applying it twice, and the key with other variables with IDEMPOTENCY_KEY_PARAMETER_MISMATCH', async () => {
    const key = randomUUID();
    const input = { name: 'available', quantities: [{ inventoryItemId: itemB, locationId: warehouse, quantity: 20, changeFromQuantity: null }] };
    const first = await set(input, key);
    await admin.setInventory(shop.domain, [{ sku: 'INV-B', locationName: 'Warehouse', name: 'available', quantity: 5 }]);
    const again = await set(input, key);
    assert.deepEqual(again, first, 'the same answer, group id included');
    assert.equal((await quantities(itemB, warehouse))?.available, 5, 'the repeat set nothing again');
    const other = (await set({ ...input, quantities: [{ ...input.quantities[0], quantity: 21 }] }, key)).data.inventorySetQuantities;
    assert.equal(other.inventoryAdjustmentGroup, null);
    assert.deepEqual(other.userErrors.map((e: any) => e.code), ['IDEMPOTENCY_KEY_PARAMETER_MISMATCH']);
    assert.equal((await quantities(itemB, warehouse))?.available, 5);
  });

  it('scopes idempotency keys per shop: the same key in another shop runs there', async () => {
    const other = await emulatedShop('inventory-other', { locations: [{ name: 'Only' }] });
    await admin.seedProducts(other.domain, [{ title: 'Other', variants: [{ sku: 'OTHER-1', price: '1' }] }]);
    const [level] = await admin.inventoryLevels(other.domain, 'OTHER-1');
    const key = randomUUID();
    await set({ name: 'available', quantities: [{ inventoryItemId: itemA, locationId: warehouse, quantity: 1, changeFromQuantity: null }] }, key);
    const there = await post(SET, { key, input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: level?.inventoryItemId, locationId: level?.locationId, quantity: 9, changeFromQuantity: null }] } }, other);
    assert.deepEqual(there.data.inventorySetQuantities.userErrors, []);
    assert.equal((await admin.inventoryLevels(other.domain, 'OTHER-1'))[0]?.quantities.available, 9);
  });

  it('sets levels over the admin API as a merchant would (drift the API sees, updatedAt moved) and refuses a bad line with 422 naming the field', async () => {
    const before = (await admin.inventoryLevels(shop.domain, 'INV-A')).find((l) => l.locationName === 'Warehouse');
    const levels = await admin.setInventory(shop.domain, [{ sku: 'INV-A', locationId: warehouse, name: 'on_hand', quantity: 30 }]);
    const atWarehouse = levels.filter((l) => l.locationName === 'Warehouse');
    assert.deepEqual(atWarehouse.map((l) => [l.sku, l.quantities.on_hand, l.quantities.available]), [['INV-A', 30, 30]]);
    assert.ok((atWarehouse[0]?.updatedAt ?? '') > (before?.updatedAt ?? ''));
    assert.equal((await quantities(itemA, warehouse))?.on_hand, 30);
    const response = await fetch(`${url}/emulator/shops/${shop.domain}/inventory`, {
      method: 'PUT',
      body: JSON.stringify({ levels: [{ sku: 'INV-A', locationName: 'Warehouse', name: 'available', quantity: 1 }, { sku: 'NOPE', locationName: 'Warehouse', name: 'available', quantity: 1 }] }),
    });
    assert.equal(response.status, 422);
    assert.deepEqual(((await response.json()) as any).errors.map((e: any) => e.field), ['levels.1.sku']);
    const schema = await fetch(`${url}/emulator/shops/${shop.domain}/inventory`, { method: 'PUT', body: JSON.stringify({ levels: [{ sku: 'INV-A', locationName: 'Warehouse', name: 'committed', quantity: 1 }] }) });
    assert.equal(schema.status, 422);
    assert.equal(((await schema.json()) as any).errors[0].field, 'levels.0.name');
    assert.equal((await quantities(itemA, warehouse))?.available, 30, 'a refused request sets nothing');
  });

  it('filters inventoryItems by sku and id, and finds items, levels and locations through node and nodes', async () => {
    const numeric = itemA.split('/').pop();
    const bySku = (await post('{ inventoryItems(first: 5, query: "sku:INV-B") { nodes { id } } }')).data.inventoryItems.nodes;
    assert.deepEqual(bySku.map((n: any) => n.id), [itemB]);
    const byId = (await post(`{ inventoryItems(first: 5, query: "id:${numeric}") { nodes { sku } } }`)).data.inventoryItems.nodes;
    assert.deepEqual(byId.map((n: any) => n.sku), ['INV-A']);
    const levelId = (await post(LEVEL.replace('updatedAt', 'id updatedAt'), { item: itemA, location: warehouse })).data.inventoryItem.inventoryLevel.id;
    const found = (await post(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on InventoryItem { sku } ... on InventoryLevel { location { name } } ... on Location { name } } }`,
      { ids: [itemA, levelId, warehouse, 'gid://shopify/InventoryItem/1'] })).data.nodes;
    assert.deepEqual(found.map((n: any) => n && [n.__typename, n.sku ?? n.location?.name ?? n.name]), [['InventoryItem', 'INV-A'], ['InventoryLevel', 'Warehouse'], ['Location', 'Warehouse'], null]);
    const node = (await post(`{ node(id: "${itemB}") { ... on InventoryItem { sku } } }`)).data.node;
    assert.equal(node.sku, 'INV-B');
  });

  it('inventoryItemUpdate changes tracked, cost and SKU of the item, which the variant shows', async () => {
    const result = (await post(`mutation($id: ID!) { inventoryItemUpdate(id: $id, input: { tracked: false, cost: "5.25", sku: "INV-B2" }) {
      inventoryItem { tracked unitCost { amount } sku variant { sku inventoryItem { inventoryLevels(first: 5) { nodes { location { name } } } } } } userErrors { message } } }`, { id: itemB })).data.inventoryItemUpdate;
    assert.deepEqual(result.userErrors, []);
    assert.deepEqual([result.inventoryItem.tracked, result.inventoryItem.unitCost.amount, result.inventoryItem.sku, result.inventoryItem.variant.sku], [false, '5.25', 'INV-B2', 'INV-B2']);
    assert.deepEqual(result.inventoryItem.variant.inventoryItem.inventoryLevels.nodes.map((n: any) => n.location.name), ['Warehouse', 'Store'], 'the levels stay');
  });
});
