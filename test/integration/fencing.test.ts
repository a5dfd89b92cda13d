import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShopSyncClient } from '../../src/client';
import { progressQuery } from '../../src/workflows/progress';
import { eventually } from '../support/eventually';
import { holderIs, isolatedQueue, LockTestKit, queueIs, spawnWorker } from '../support/lock-probes';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, TEST_TASK_QUEUE, testStack } from '../support/stack';

/**
 * A run that lost its lock, or was told to stop, writes nothing more: its activities check the
 * fencing token and the cancellation between records, and pass the cancellation to their HTTP calls.
 */
describe('fencing and stopping', () => {
  let kit: LockTestKit;
  let client: ShopSyncClient;

  before(async () => {
    kit = await LockTestKit.open();
    client = await ShopSyncClient.connect(kit.config);
  });

  after(async () => {
    await client?.close();
    await kit?.close();
  });

  it('lets a holder whose lease an operator breaks write not one more record, and grants the next run a larger token', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop, { writes: 500, writeEveryMs: 30 });
    const held = await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop);
    await kit.until(shop, 'B queued', queueIs([b]));
    await eventually('A has written a few records', async () => ((await kit.countProbeWrites(shop)) >= 5 ? true : undefined));
    const broken = await client.breakLock(shop);
    const brokenAt = new Date();
    const written = await kit.countProbeWrites(shop);
    assert.equal(broken.holder?.workflowId, a.workflowId);
    await assert.rejects(a.result(), (error: Error & { cause?: Error }) => {
      // Whichever comes first: the activity's fence check, or the lock telling the run.
      assert.match(error.cause?.message ?? '', /lost the (shop )?lock shop-lock:\S+ \(token 1\b/);
      return true;
    });
    await sleep(2000);
    assert.equal(await kit.countProbeWrites(shop), written, 'not one more record after the break');
    const writes = await kit.probeWrites(shop);
    assert.ok(writes.every((w) => w.token === held.holder?.token && w.at <= brokenAt));
    assert.ok(written < 500, 'A was stopped, not finished');
    const next = await kit.until(shop, 'B holds', holderIs(b));
    assert.equal(next.holder?.token, 2);
    assert.equal(next.counters.broken, 1);
    await kit.finish(b);
  });

  it('lets a holder whose workflow is terminated mid-write write not one more record once the lock moved on', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop, { writes: 500, writeEveryMs: 30 });
    await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop);
    await kit.until(shop, 'B queued', queueIs([b]));
    await eventually('A has written a few records', async () => ((await kit.countProbeWrites(shop)) >= 5 ? true : undefined));
    await a.terminate('test: the holder is terminated; its activity is still running');
    await kit.until(shop, 'B holds', holderIs(b));
    const written = await kit.countProbeWrites(shop);
    await sleep(2000);
    assert.equal(await kit.countProbeWrites(shop), written, 'the orphaned activity stopped at its next record');
    assert.ok(written < 500);
    await kit.finish(b);
  });

  it('stops a real order import whose lease is broken: not one more order stored', async () => {
    const { domain, token } = await emulatedShop('fenced-orders', { currencyCode: 'EUR' });
    await kit.erp.shops.add({ domain });
    const merchant = new Merchant((await testStack()).emulatorUrl, domain, token);
    const { MUG } = await merchant.product('Mug', [{ sku: 'MUG', price: '8.00' }]);
    for (let i = 0; i < 45; i += 1) await merchant.webOrder([{ variantId: MUG as string, quantity: 1 }]);
    await (await emulatorAdmin()).updateShop(domain, { latencyMs: 400 });
    // Paged (a first import would read them all through one bulk file): 400 ms a page of 10 leaves time to break the lease mid-import.
    const run = await kit.temporal.workflow.start('syncOrders', { taskQueue: TEST_TASK_QUEUE, workflowId: `fenced-${domain}`, args: [{ shop: domain, options: { bulk: false } }] });
    const orders = () => kit.erp.db.collection('shopifyOrders').countDocuments({ shop: domain });
    await eventually('a first page stored', async () => ((await orders()) > 0 ? true : undefined));
    await client.breakLock(domain);
    const stored = await orders();
    await assert.rejects(run.result());
    await sleep(1500);
    assert.equal(await orders(), stored, 'not one more order after the break');
    assert.ok(stored < 45);
  });

  it('ends the activities of a cancelled run within seconds, and the run writes nothing after it closed', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop, { writes: 1000, writeEveryMs: 30 });
    await eventually('A is writing', async () => ((await kit.countProbeWrites(shop)) >= 5 ? true : undefined));
    const cancelledAt = Date.now();
    await a.cancel();
    await assert.rejects(a.result(), /cancel/i);
    const closedAt = (await a.describe()).closeTime?.getTime() ?? Number.NaN;
    const written = await kit.countProbeWrites(shop);
    assert.ok(closedAt - cancelledAt < 10_000, `closed ${closedAt - cancelledAt} ms after the cancellation (the activity alone would run 30 s)`);
    await sleep(2000);
    assert.equal(await kit.countProbeWrites(shop), written);
    await kit.until(shop, 'released', (s) => s.holder === undefined && s.counters.released === 1);
  });

  it('aborts a Shopify request in flight when its run is cancelled', async () => {
    const { domain } = await emulatedShop('abort', { latencyMs: 20_000 });
    await kit.erp.shops.add({ domain });
    const run = await kit.temporal.workflow.start('refreshShopInfo', { taskQueue: TEST_TASK_QUEUE, workflowId: `abort-${domain}`, args: [{ shop: domain }] });
    await eventually('the run is waiting on Shopify', async () => ((await run.query(progressQuery)).phase === 'running' ? true : undefined));
    await sleep(500);
    const cancelledAt = Date.now();
    await run.cancel();
    await assert.rejects(run.result(), /cancel/i);
    const closedAt = (await run.describe()).closeTime?.getTime() ?? Number.NaN;
    assert.ok(closedAt - cancelledAt < 10_000, `closed ${closedAt - cancelledAt} ms after the cancellation, not after the 20 s answer`);
  });

  it('stops a worker within 30 s of SIGTERM; another worker finishes the run with every record written once', async () => {
    const shop = await kit.newShop();
    const queue = isolatedQueue('term');
    const first = await spawnWorker(queue);
    const count = 700;
    const run = await kit.startProbe(shop, { writes: count, writeEveryMs: 20, holdMs: 0 }, { taskQueue: queue });
    await eventually('the probe is writing on the first worker', async () => ((await kit.countProbeWrites(shop)) >= 20 ? true : undefined));
    const termAt = Date.now();
    first.child.kill('SIGTERM');
    const code = await first.exited;
    const stoppedAfter = Date.now() - termAt;
    assert.equal(code, 0, 'a clean exit');
    assert.match(first.output(), /stopped/);
    assert.ok(stoppedAfter < 30_000, `stopped ${stoppedAfter} ms after SIGTERM`);
    const second = await spawnWorker(queue);
    try {
      await run.result();
      const writes = await kit.probeWrites(shop);
      assert.equal(writes.length, count);
      assert.deepEqual(writes.map((w) => w.index).sort((x, y) => x - y), Array.from({ length: count }, (_, i) => i));
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
