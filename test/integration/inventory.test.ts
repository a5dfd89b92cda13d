import assert from 'node:assert/strict';
import { InvalidRunRequestError, ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { emulatedShop, emulatorAdmin, testConfig, testWorker } from '../support/stack';

/** Stock to Shopify, changed-only, with compare-and-set, against the emulator over HTTP. */
describe('inventory', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  let admin: EmulatorAdmin;
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
  const no = (name: string) => `${name}-${suffix}`;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    admin = await emulatorAdmin();
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  /** A shop with two Shopify locations showing the ERP's EAST and WEST stock, and products for the items. */
  async function stockedShop(prefix: string, items: string[], settings: Record<string, unknown> = {}) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus', locations: [{ name: 'Lyon' }, { name: 'Paris' }] });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNo', inventoryTracked: true, ...settings });
    await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    await client.locations.configure(shop.domain, 'Lyon', { stockCalculation: 'freeInventory', locationFilter: 'EAST' });
    await client.locations.configure(shop.domain, 'Paris', { stockCalculation: 'freeInventory', locationFilter: 'WEST' });
    await client.addItems({ shop: shop.domain, items, wait: true });
    return shop;
  }

  const sync = async (shop: string, options?: Record<string, unknown>, filters?: Record<string, unknown>) =>
    (await client.runTask({ shop, task: 'inventory', wait: true, options, filters })).result as Record<string, number | string>;
  const levels = async (shop: string, sku: string) =>
    Object.fromEntries((await admin.inventoryLevels(shop, sku)).map((level) => [level.locationName, level.quantities.available]));

  it('sends free inventory per location on the first run, then nothing when nothing changed', async () => {
    await erp.items.upsert({ no: no('KETTLE'), description: 'Kettle', unitPrice: '30.00', stock: [{ locationCode: 'EAST', quantity: 12, reserved: 2 }, { locationCode: 'WEST', quantity: 4 }, { locationCode: 'NORTH', quantity: 99 }] });
    await erp.items.upsert({ no: no('SERVICE'), description: 'Installation', unitPrice: '50.00', type: 'service' });
    const shop = await stockedShop('inv-first', [no('KETTLE'), no('SERVICE')]);
    const first = await sync(shop.domain);
    assert.equal(first.quantitiesSet, 2);
    assert.equal(first.skipped, 0);
    assert.deepEqual(await levels(shop.domain, no('KETTLE')), { Lyon: 10, Paris: 4 });
    assert.deepEqual(await levels(shop.domain, no('SERVICE')), { Lyon: 0 }, 'the service item has no stock to send: its new variant keeps the level Shopify gave it');
    const second = await sync(shop.domain);
    assert.equal(second.quantitiesSet, 0);
    assert.equal(second.requests, 0, 'nothing is read from Shopify to find out that nothing changed');
  });

  it('sends only the items whose ERP stock changed since the last push, in one request', async () => {
    const nos = [no('A'), no('B'), no('C')];
    for (const itemNo of nos) await erp.items.upsert({ no: itemNo, description: itemNo, unitPrice: '5.00', stock: [{ locationCode: 'EAST', quantity: 3 }, { locationCode: 'WEST', quantity: 3 }] });
    const shop = await stockedShop('inv-delta', nos);
    await sync(shop.domain);
    await erp.stock.set(no('B'), null, 'WEST', { onHand: 8 });
    const delta = await sync(shop.domain);
    assert.equal(delta.quantitiesSet, 1);
    assert.equal(delta.requests, 1);
    assert.deepEqual(await levels(shop.domain, no('B')), { Lyon: 3, Paris: 8 });
    assert.deepEqual(await levels(shop.domain, no('A')), { Lyon: 3, Paris: 3 });
  });

  it('sends the stock of a variant linked after the last push on the next ordinary run, even though its stock did not change since', async () => {
    await erp.items.upsert({ no: no('PAN'), description: 'Pan', unitPrice: '25.00', stock: [{ locationCode: 'EAST', quantity: 9 }, { locationCode: 'WEST', quantity: 1 }] });
    await erp.items.upsert({ no: no('POT'), description: 'Pot', unitPrice: '28.00', stock: [{ locationCode: 'EAST', quantity: 6 }, { locationCode: 'WEST', quantity: 2 }] });
    const shop = await stockedShop('inv-pending', [no('PAN')]);
    await sync(shop.domain);
    await client.addItems({ shop: shop.domain, items: [no('POT')], wait: true });
    const next = await sync(shop.domain);
    assert.equal(next.quantitiesSet, 2);
    assert.deepEqual(await levels(shop.domain, no('POT')), { Lyon: 6, Paris: 2 });
    assert.equal((await sync(shop.domain)).requests, 0, 'once confirmed, the new variant is not sent again');
  });

  it('notices a quantity changed in Shopify meanwhile (stale compare), reads it again and sets the ERP value', async () => {
    await erp.items.upsert({ no: no('LAMP'), description: 'Lamp', unitPrice: '20.00', stock: [{ locationCode: 'EAST', quantity: 5 }, { locationCode: 'WEST', quantity: 5 }] });
    const shop = await stockedShop('inv-stale', [no('LAMP')]);
    await sync(shop.domain);
    await admin.setInventory(shop.domain, [{ sku: no('LAMP'), locationName: 'Lyon', name: 'available', quantity: 1 }]);
    await erp.stock.set(no('LAMP'), null, 'EAST', { onHand: 7 });
    const result = await sync(shop.domain);
    assert.equal(result.staleRetries, 1);
    assert.equal(result.skipped, 0);
    assert.deepEqual(await levels(shop.domain, no('LAMP')), { Lyon: 7, Paris: 5 });
  });

  it('repairs drift made in Shopify only on a full compare, which reads every level with one bulk query', async () => {
    await erp.items.upsert({ no: no('VASE'), description: 'Vase', unitPrice: '15.00', stock: [{ locationCode: 'EAST', quantity: 6 }, { locationCode: 'WEST', quantity: 2 }] });
    const shop = await stockedShop('inv-full', [no('VASE')]);
    await sync(shop.domain);
    await admin.setInventory(shop.domain, [{ sku: no('VASE'), locationName: 'Paris', name: 'available', quantity: 40 }]);
    const ordinary = await sync(shop.domain);
    assert.equal(ordinary.quantitiesSet, 0, 'an ordinary run reads nothing from Shopify');
    assert.deepEqual(await levels(shop.domain, no('VASE')), { Lyon: 6, Paris: 40 });
    const full = await sync(shop.domain, { full: true });
    assert.ok(Number(full.levelsRead) >= 2);
    assert.equal(full.quantitiesSet, 1);
    assert.deepEqual(await levels(shop.domain, no('VASE')), { Lyon: 6, Paris: 2 });
  });

  it('limits a run to the items and locations its filters name, without moving the cursor', async () => {
    await erp.items.upsert({ no: no('CUP'), description: 'Cup', unitPrice: '4.00', stock: [{ locationCode: 'EAST', quantity: 9 }, { locationCode: 'WEST', quantity: 9 }] });
    await erp.items.upsert({ no: no('PLATE'), description: 'Plate', unitPrice: '6.00', stock: [{ locationCode: 'EAST', quantity: 1 }] });
    const shop = await stockedShop('inv-filter', [no('CUP'), no('PLATE')]);
    const scoped = await sync(shop.domain, undefined, { itemNos: [no('CUP')], locations: ['Paris'] });
    assert.equal(scoped.quantitiesSet, 1);
    assert.equal((await levels(shop.domain, no('CUP'))).Paris, 9);
    assert.equal((await levels(shop.domain, no('PLATE'))).Lyon, 0);
    const rest = await sync(shop.domain);
    assert.equal(rest.quantitiesSet, 3, 'the unfiltered run sends what the scoped one left');
  });

  it('refuses an invalid variant filter before starting, and says why it does nothing without a location to fill', async () => {
    const shop = await emulatedShop('inv-bad', { locations: [{ name: 'Lyon' }] });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false });
    await assert.rejects(sync(shop.domain, undefined, { variantIds: ['x'] }), (error: Error) => error instanceof InvalidRunRequestError && /filters\.variantIds\.0/.test(error.message));
    const result = await sync(shop.domain);
    assert.match(String(result.note), /no active Shopify location of the shop has a stock calculation/);
  });
});
