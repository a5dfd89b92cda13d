import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- mirror documents and raw GraphQL answers, read as stored */

const ORDERS = 30;
/** Lines per order: 1 to 9, so some need the paged import's extra request for lines past 6. */
const linesOf = (i: number) => 1 + ((i * 7) % 9);
/** Shipping lines per order: 0 to 3, past the page query's 2 for some. */
const shippingOf = (i: number) => i % 4;
const REFUNDED = new Set([3, 11, 17, 24]);

interface SeededShop {
  domain: string;
  merchant: Merchant;
}

/** The bulk load of a shop's first import, compared with what the paged import stores for the same orders. */
describe('orders bulk load', () => {
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

  async function seededShop(prefix: string, background = false): Promise<SeededShop> {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus' });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: background, skuMapping: 'itemNo' });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const variants = await merchant.product('Bulk item', Array.from({ length: 9 }, (_, v) => ({ sku: `BULK-${v}`, price: `${v + 3}.00` })));
    for (let i = 0; i < ORDERS; i += 1) {
      const order = await merchant.webOrder(
        Array.from({ length: linesOf(i) }, (_, l) => ({ variantId: variants[`BULK-${l}`] as string, quantity: 1 + (l % 3) })),
        {
          email: `buyer${i}@example.com`,
          extra: {
            shippingLines: Array.from({ length: shippingOf(i) }, (_, s) => ({ title: `Ship ${s}`, code: `S${s}`, priceSet: { shopMoney: { amount: `${s + 2}.50`, currencyCode: 'EUR' } } })),
            note: `order ${i}`,
          },
        },
      );
      if (REFUNDED.has(i)) await merchant.refund({ orderId: order.id, refundLineItems: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, restockType: 'NO_RESTOCK' }] });
    }
    return { domain: shop.domain, merchant };
  }

  const run = async (shop: string, options?: Record<string, unknown>) => (await client.runTask({ shop, task: 'orders', wait: true, options })).result as Record<string, any>;

  /** The shop's bulk query operations as Shopify lists them (newest first). */
  async function bulkQueries(shop: SeededShop): Promise<Array<{ id: string; status: string; rootObjectCount: string }>> {
    const data = await shop.merchant.graphql<any>('{ bulkOperations(first: 20, query: "operation_type:query") { nodes { id status rootObjectCount } } }');
    return data.bulkOperations.nodes;
  }

  const mirror = async (shop: string) => erp.db.collection('shopifyOrders').find({ shop }).sort({ name: 1 }).toArray();
  const refundCount = async (shop: string) => erp.db.collection('shopifyRefunds').countDocuments({ shop });

  /** An order as stored, with what differs between two shops of the same orders (ids, times) blanked. */
  function content(doc: Record<string, any>): unknown {
    return JSON.parse(JSON.stringify(doc.order), (key, value) => {
      if (key === 'createdAt' || key === 'updatedAt') return 'time';
      return typeof value === 'string' && value.startsWith('gid://shopify/') ? value.replace(/\d+$/, 'N') : value;
    });
  }

  let bulkShop: SeededShop;
  let pagedShop: SeededShop;

  it('loads a first import through one bulk query, storing exactly the orders a paged import of the same orders stores, with the same content', async () => {
    bulkShop = await seededShop('bulk-load');
    pagedShop = await seededShop('paged-load');
    await run(bulkShop.domain);
    await run(pagedShop.domain, { bulk: false });

    const operations = await bulkQueries(bulkShop);
    assert.deepEqual(operations.map((op) => [op.status, op.rootObjectCount]), [['COMPLETED', String(ORDERS)]], 'one bulk query read the 30 orders');
    assert.deepEqual(await bulkQueries(pagedShop), [], 'bulk: false reads pages only');

    const [bulk, paged] = [await mirror(bulkShop.domain), await mirror(pagedShop.domain)];
    assert.equal(bulk.length, ORDERS);
    assert.equal(paged.length, ORDERS);
    assert.deepEqual(bulk.map((doc) => doc.order.lines.length), Array.from({ length: ORDERS }, (_, i) => linesOf(i)));
    assert.deepEqual(bulk.map((doc) => doc.order.shippingLines.length), Array.from({ length: ORDERS }, (_, i) => shippingOf(i)));
    assert.deepEqual(bulk.map(content), paged.map(content));
    assert.equal(await refundCount(bulkShop.domain), REFUNDED.size, 'each refund read in full and stored');
    assert.equal(await refundCount(pagedShop.domain), REFUNDED.size);
  });

  it('runs the next import incrementally: no bulk query, and the mirror unchanged', async () => {
    const before = await mirror(bulkShop.domain);
    await run(bulkShop.domain);
    assert.equal((await bulkQueries(bulkShop)).length, 1);
    assert.deepEqual(await mirror(bulkShop.domain), before);
    assert.equal(await refundCount(bulkShop.domain), REFUNDED.size);
  });

  it('loads through a bulk query again with options.bulk, storing nothing twice and reading an order changed since', async () => {
    const changed = (await mirror(bulkShop.domain))[4] as Record<string, any>;
    await bulkShop.merchant.graphql('mutation($i: OrderInput!) { orderUpdate(input: $i) { userErrors { message } } }', { i: { id: changed.shopifyId, note: 'changed' } });
    await run(bulkShop.domain, { bulk: true });
    assert.equal((await bulkQueries(bulkShop)).length, 2);
    const after = await mirror(bulkShop.domain);
    assert.equal(after.length, ORDERS);
    assert.equal(after.find((doc) => doc.shopifyId === changed.shopifyId)?.order.note, 'changed');
    assert.equal(await refundCount(bulkShop.domain), REFUNDED.size);
  });

  it('resumes a bulk load whose storing activity failed in the middle of the file: every order stored once and whole', async function () {
    this.timeout(300_000);
    const shop = await seededShop('bulk-retry', true);
    // Each refund read takes a second: the file is stored slowly enough to fail the activity half-way.
    await (await emulatorAdmin()).updateShop(shop.domain, { latencyMs: 1000 });
    const started = await client.runTask({ shop: shop.domain, task: 'orders' });
    const count = () => erp.db.collection('shopifyOrders').countDocuments({ shop: shop.domain });
    const ingest = await eventually('the bulk result half stored', async () => {
      const stored = await count();
      if (stored === 0 || stored >= ORDERS) return undefined;
      const described = await client.temporal.workflow.getHandle(started.workflowId).describe();
      const pending = described.raw.pendingActivities?.find((a) => a.activityType?.name === 'ingestOrderBulkResult');
      return pending?.activityId ? { runId: described.runId, activityId: pending.activityId } : undefined;
    }, 1200, 100);
    await client.temporal.activity.fail({ workflowId: started.workflowId, runId: ingest.runId, activityId: ingest.activityId }, new Error('injected: the worker lost this attempt'));
    await (await emulatorAdmin()).updateShop(shop.domain, { latencyMs: 0 });
    await client.temporal.workflow.getHandle(started.workflowId).result();

    const history = await client.temporal.workflow.getHandle(started.workflowId, ingest.runId).fetchHistory();
    const attempts = (history.events ?? []).filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes?.attempt ?? 1);
    assert.ok(attempts.some((attempt) => attempt >= 2), 'the storing activity ran a second attempt');
    const stored = await mirror(shop.domain);
    assert.equal(stored.length, ORDERS);
    assert.deepEqual(stored.map((doc) => doc.order.lines.length), Array.from({ length: ORDERS }, (_, i) => linesOf(i)));
    assert.deepEqual(stored.map((doc) => doc.order.shippingLines.length), Array.from({ length: ORDERS }, (_, i) => shippingOf(i)));
    assert.equal(await refundCount(shop.domain), REFUNDED.size);
  });
});
