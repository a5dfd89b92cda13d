import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/** The order cursor under edits made while a slow import reads its pages. */
describe('order import cursor', () => {
  let client: ShopSyncClient;
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.items.upsert({ no: 'CURSOR-MUG', description: 'Mug', unitPrice: '8.00' });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  it('misses no order edited during a slow import, on a page already read or one still to come', async () => {
    const shop = await emulatedShop('order-cursor', { currencyCode: 'EUR' });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNo' });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const admin = await emulatorAdmin();
    const { 'CURSOR-MUG': variantId } = await merchant.product('Mug', [{ sku: 'CURSOR-MUG', price: '8.00' }]);
    const orders = [];
    for (let i = 0; i < 25; i += 1) orders.push(await merchant.webOrder([{ variantId: variantId as string, quantity: 1 }]));
    const note = (id: string, text: string) => merchant.graphql('mutation($i: OrderInput!) { orderUpdate(input: $i) { userErrors { message } } }', { i: { id, note: text } });
    const options = { overlapSeconds: 0 };
    await client.runTask({ shop: shop.domain, task: 'orders', wait: true, options });
    // Every order changes after the cursor, so the next run reads three pages of them, one second each.
    for (const order of orders) await note(order.id, 'reviewed');
    await admin.updateShop(shop.domain, { latencyMs: 1000 });
    const before = (await admin.stats(shop.domain)).requests;
    const slow = client.runTask({ shop: shop.domain, task: 'orders', wait: true, options });
    // Once the second page is asked for, the first has been read: edit an order from it and one from the last page.
    while ((await admin.stats(shop.domain)).requests < before + 2) await new Promise((resolve) => setTimeout(resolve, 50));
    const [first, last] = [orders[0], orders[24]] as [{ id: string }, { id: string }];
    await note(first.id, 'edited during the run');
    await note(last.id, 'edited during the run too');
    await slow;
    await admin.updateShop(shop.domain, { latencyMs: 0 });
    await client.runTask({ shop: shop.domain, task: 'orders', wait: true, options });
    const mirrored = async (id: string) => ((await erp.db.collection('shopifyOrders').findOne({ shop: shop.domain, shopifyId: id }))?.order as { note: string | null } | undefined)?.note;
    assert.equal(await mirrored(first.id), 'edited during the run', 'the order edited on a page already read is imported by the next run');
    assert.equal(await mirrored(last.id), 'edited during the run too');
  });
});
