import assert from 'node:assert/strict';
import { ShopSyncClient, TaskRunFailedError } from '../../src/client';
import type { TaskProgress } from '../../src/workflows/progress';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, testConfig, testWorker } from '../support/stack';

/** Running tasks from the typed client: background or foreground, joining, progress, failures, status. */
describe('engine through the client', () => {
  let client: ShopSyncClient;

  before(async () => {
    await testWorker();
    client = await ShopSyncClient.connect(await testConfig());
  });

  after(async () => client?.close());

  it('returns at once in the background, and a second request joins the running run', async () => {
    const { domain } = await emulatedShop('bg', { latencyMs: 1500 });
    await client.addShop({ domain, allowBackgroundSyncs: true });
    const first = await client.runTask({ shop: domain, task: 'refreshShopInfo' });
    assert.equal('result' in first, false);
    assert.equal(first.joined, false);
    const second = await client.runTask({ shop: domain, task: 'refreshShopInfo' });
    assert.equal(second.joined, true);
    assert.equal(second.runId, first.runId);
    const details = await eventually('the run completes', async () => {
      const run = await client.getRun(first.workflowId, first.runId);
      return run?.status === 'COMPLETED' ? run : undefined;
    });
    assert.equal((details.result as { shop: string }).shop, domain);
    const lock = await client.lockState(domain);
    assert.equal(lock?.counters.grants, 1, 'one run, not two');
  });

  it('waits in the foreground and reports progress', async () => {
    const { domain } = await emulatedShop('fg', { latencyMs: 700 });
    await client.addShop({ domain, allowBackgroundSyncs: false });
    const seen: TaskProgress[] = [];
    const run = await client.runTask({ shop: domain, task: 'refreshShopInfo', onProgress: (p) => seen.push(p) });
    assert.equal((run.result as { shop: string }).shop, domain);
    assert.ok(seen.some((p) => p.phase === 'running'), `phases seen: ${seen.map((p) => p.phase).join(', ')}`);
  });

  it('lists failed runs with their reason, and counts them as synchronization errors', async () => {
    const shop = await emulatedShop('fails');
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false });
    await (await emulatorAdmin()).updateShop(shop.domain, { token: 'shpat_revoked_token' });
    await assert.rejects(client.runTask({ shop: shop.domain, task: 'refreshShopInfo' }), TaskRunFailedError);
    const failures = await eventually('the failure in visibility', async () => {
      const found = await client.listFailures({ shop: shop.domain });
      return found.length > 0 ? found : undefined;
    });
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.task, 'refreshShopInfo');
    assert.match(failures[0]?.message ?? '', /refused the access token/);
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.synchronizationErrors.count, 1);
    assert.match(status.cues.synchronizationErrors.items[0]?.error ?? '', /HTTP 401/);
    assert.deepEqual(status.needsAttention, ['synchronizationErrors']);
    const details = await client.getRun(failures[0]?.workflowId as string, failures[0]?.runId);
    assert.equal(details?.status, 'FAILED');
    assert.match(details?.failure ?? '', /refused the access token/);
  });

  it('counts every cue from its collection, with the records and their errors', async () => {
    const { domain } = await emulatedShop('cues');
    await client.addShop({ domain });
    const db = (client as unknown as { erp: { db: import('mongodb').Db } }).erp.db;
    const other = 'someone-else.myshopify.com';
    await db.collection('shopifyCustomers').insertMany([
      { shop: domain, shopifyId: 'gid://shopify/Customer/1', email: 'a@example.com', erpCustomerNo: null, error: { message: 'no customer matches a@example.com' } },
      { shop: domain, shopifyId: 'gid://shopify/Customer/2', email: 'b@example.com', erpCustomerNo: 'C0002' },
      { shop: other, shopifyId: 'gid://shopify/Customer/3', erpCustomerNo: null },
    ]);
    await db.collection('shopifyOrders').insertMany([
      { shop: domain, shopifyId: 'gid://shopify/Order/1', name: '#1001', processed: false, error: { message: 'item SKU-9 not found' } },
      { shop: domain, shopifyId: 'gid://shopify/Order/2', name: '#1002', processed: true, orderStateConflict: true, conflict: { message: 'edited after processing' } },
    ]);
    await db.collection<{ _id: string } & Record<string, unknown>>('salesShipments').insertMany([
      { _id: `PS-1-${domain}`, shop: domain, shopifyOrderId: 'gid://shopify/Order/2', fulfillment: { state: 'unprocessed' } },
      { _id: `PS-2-${domain}`, shop: domain, shopifyOrderId: 'gid://shopify/Order/2', fulfillment: { state: 'error', error: 'location not found' } },
      { _id: `PS-3-${domain}`, shop: domain, shopifyOrderId: null, fulfillment: { state: 'unprocessed' } },
    ]);
    await db.collection('skippedRecords').insertOne({ shop: domain, recordType: 'item', recordId: 'ITEM-1', reason: 'blocked item: price not synced' });
    const status = await client.getShopStatus(domain);
    const counts = Object.fromEntries(Object.entries(status.cues).map(([key, cue]) => [key, cue.count]));
    assert.deepEqual(counts, {
      unmappedCustomers: 1,
      unmappedCompanies: 0,
      unmappedProducts: 0,
      unprocessedOrders: 1,
      unprocessedOrderUpdates: 1,
      unprocessedRefunds: 0,
      unprocessedShipments: 1,
      waitingShipments: 0,
      shipmentErrors: 1,
      skippedRecords: 1,
      synchronizationErrors: 0,
    });
    assert.deepEqual(status.cues.unmappedCustomers.items, [{ id: 'gid://shopify/Customer/1', label: 'a@example.com', error: 'no customer matches a@example.com' }]);
    assert.equal(status.cues.unprocessedOrders.items[0]?.error, 'item SKU-9 not found');
    assert.equal(status.cues.unprocessedOrderUpdates.items[0]?.error, 'edited after processing');
    assert.equal(status.cues.shipmentErrors.items[0]?.error, 'location not found');
    assert.equal(status.cues.shipmentErrors.items[0]?.label, `PS-2-${domain} (order gid://shopify/Order/2)`);
    assert.equal(status.cues.skippedRecords.items[0]?.error, 'blocked item: price not synced');
  });

  it('cancels a run, which releases the lock', async () => {
    const { domain } = await emulatedShop('cancel', { latencyMs: 5000 });
    await client.addShop({ domain });
    const run = await client.runTask({ shop: domain, task: 'refreshShopInfo' });
    await eventually('the run holds the lock', async () => ((await client.lockState(domain))?.holder ? true : undefined));
    await client.cancelRun(run.workflowId);
    const lock = await eventually('the lock is free', async () => {
      const state = await client.lockState(domain);
      return state && !state.holder ? state : undefined;
    });
    assert.equal(lock.counters.holdersClosed, 0);
    assert.equal(lock.counters.released, 1);
    assert.equal((await client.getRun(run.workflowId))?.status, 'CANCELLED');
  });
});
