import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, testConfig, testStack, testWorker } from '../support/stack';

/** Orders already closed when an incremental import first sees them (POS sales, auto-archiving shops). */
describe('orders closed at creation', () => {
  let client: ShopSyncClient;
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  /** A shop with an order archived before it was added here, then added, with its first import done. */
  async function shopWithHistory(importClosedOrders: string) {
    const shop = await emulatedShop(`closed-${importClosedOrders.toLowerCase()}`, { currencyCode: 'EUR' });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const variants = await merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }]);
    const archived = await merchant.order({ lineItems: [{ variantId: variants['TS-S'], quantity: 1 }], email: 'old@example.com', closedAt: '2026-01-01T00:00:00Z' });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, importClosedOrders });
    await run(shop.domain); // the first import: open orders only
    const pos = await merchant.order({ lineItems: [{ variantId: variants['TS-S'], quantity: 1 }], email: 'pos@example.com', sourceName: 'pos', closedAt: new Date().toISOString() });
    await merchant.graphql('mutation($i: OrderInput!) { orderUpdate(input: $i) { userErrors { message } } }', { i: { id: archived.id, tags: ['touched'] } });
    return { ...shop, archived, pos };
  }

  const run = async (shop: string) => (await client.runTask({ shop, task: 'orders', wait: true })).result as Record<string, number>;
  const stored = async (shop: string, id: string) => (await erp.orders.get(shop, id)) !== null;

  it('imports a new closed order created since the shop was added, and leaves older archived history out (the default)', async () => {
    const shop = await shopWithHistory('sinceShopAdded');
    const result = await run(shop.domain);
    assert.deepEqual([result.created, result.skippedClosed], [1, 1]);
    assert.deepEqual([await stored(shop.domain, shop.pos.id), await stored(shop.domain, shop.archived.id)], [true, false]);
  });

  it('skips every new closed order with never, as the connector does', async () => {
    const shop = await shopWithHistory('never');
    const result = await run(shop.domain);
    assert.deepEqual([result.created, result.skippedClosed], [0, 2]);
    assert.deepEqual([await stored(shop.domain, shop.pos.id), await stored(shop.domain, shop.archived.id)], [false, false]);
  });

  it('imports every closed order the window sees with always', async () => {
    const shop = await shopWithHistory('always');
    const result = await run(shop.domain);
    // The archived order may come in with the first import already: its re-read window reaches back 5 minutes.
    assert.equal(result.skippedClosed, 0);
    assert.deepEqual([await stored(shop.domain, shop.pos.id), await stored(shop.domain, shop.archived.id)], [true, true]);
  });
});
