import assert from 'node:assert/strict';
import type { WorkflowHandle } from '@temporalio/client';
import type { LockState } from '../../src/domain/shop-lock';
import { lockRequestSignal } from '../../src/temporal/lock-messages';
import { progressQuery } from '../../src/workflows/progress';
import { SyncRecordErrors } from '../../src/temporal/search-attributes';
import { eventually } from '../support/eventually';
import { holderIs, LockTestKit, queueIs } from '../support/lock-probes';
import { TEST_TASK_QUEUE } from '../support/stack';

/** The per-shop lock that replaces the connector's job-queue category, tested through real task runs. */
describe('shop lock', () => {
  let kit: LockTestKit;

  before(async () => {
    kit = await LockTestKit.open();
  });

  after(async () => kit?.close());

  it('grants one run at a time, first come first served, each with a larger fencing token', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop);
    const first = await kit.until(shop, 'A holds', holderIs(a));
    const others = await Promise.all([kit.startProbe(shop), kit.startProbe(shop), kit.startProbe(shop)]);
    const queued = await kit.until(shop, 'three queued', (s) => s.queue.length === 3);
    const arrival = queued.queue.map((r) => r.workflowId);
    assert.deepEqual([...arrival].sort(), others.map((h) => h.workflowId).sort());
    const byId = new Map(others.map((h) => [h.workflowId, h]));
    const granted: string[] = [];
    const tokens = [first.holder?.token ?? 0];
    let current = a;
    for (let i = 0; i < 3; i += 1) {
      await kit.finish(current);
      const state = await kit.until(shop, `grant ${i + 1}`, (s) => s.holder !== undefined && s.holder.workflowId !== current.workflowId);
      granted.push(state.holder?.workflowId as string);
      tokens.push(state.holder?.token ?? 0);
      assert.equal(state.queue.length, 2 - i, 'only one holder at a time, the rest still queued');
      current = byId.get(state.holder?.workflowId as string) as WorkflowHandle;
    }
    assert.deepEqual(granted, arrival);
    assert.deepEqual(tokens, [1, 2, 3, 4]);
    await kit.finish(current);
    const free = await kit.until(shop, 'lock free', holderIs(undefined));
    assert.equal(free.counters.released, 4);
    assert.equal((await kit.erp.locks.load(`shop-lock:${shop}`)).holder, null, 'the store no longer accepts the last token');
  });

  it('exposes the holder and the queue, and each run its progress', async () => {
    const shop = await kit.newShop();
    const [a, b] = await kit.lineUp(shop, 2);
    const holding = await a.query(progressQuery);
    assert.equal(holding.phase, 'running');
    assert.equal(holding.lockId, `shop-lock:${shop}`);
    assert.equal(holding.lockToken, 1);
    const waiting = await eventually('B says what it waits for', async () => {
      const p = await b.query(progressQuery);
      return p.waitingBehind ? p : undefined;
    });
    assert.equal(waiting.phase, 'waiting-for-lock');
    assert.match(waiting.waitingBehind ?? '', new RegExp(`lockProbe ${a.workflowId} \\(token 1\\)`));
    await kit.finish(a);
    await kit.finish(b);
  });

  it('skips a requester that is gone before its turn, and keeps the rest of the queue', async () => {
    const shop = await kit.newShop();
    const [a, b, c] = await kit.lineUp(shop, 3);
    await b.terminate('test: requester gone');
    const before = await kit.lockState(shop);
    await kit.finish(a);
    const after = await kit.until(shop, 'C holds', holderIs(c));
    assert.equal(after.counters.skippedRequesters, before.counters.skippedRequesters + 1);
    assert.deepEqual(after.queue, []);
    await kit.finish(c);
  });

  it('grants a duplicated request once, also one that comes late', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop);
    const holding = await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop);
    const queued = await kit.until(shop, 'B queued', queueIs([b]));
    const requestOfB = queued.queue[0];
    assert.ok(holding.holder && requestOfB);
    // What a retried requestShopLock activity would send again:
    await kit.lockHandle(shop).signal(lockRequestSignal, requestOfB);
    await kit.lockHandle(shop).signal(lockRequestSignal, { ...holding.holder });
    const state = await kit.lockState(shop);
    assert.equal(state.holder?.workflowId, a.workflowId);
    assert.equal(state.holder?.token, holding.holder.token, 'the holder keeps its token');
    assert.deepEqual(state.queue.map((r) => r.key), [requestOfB.key]);
    await kit.finish(a);
    await kit.until(shop, 'B holds', holderIs(b));
    await kit.finish(b);
    await kit.until(shop, 'free', holderIs(undefined));
    await kit.lockHandle(shop).signal(lockRequestSignal, requestOfB); // a late duplicate, after B is done
    const done = await kit.lockState(shop);
    assert.equal(done.holder, undefined);
    assert.deepEqual(done.queue, []);
    assert.equal(done.counters.grants, 2);
  });

  it('continues as new to bound its history, keeping holder, queue and token', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop);
    await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop);
    const c = await kit.startProbe(shop);
    await kit.until(shop, 'B and C queued', (s) => s.queue.length === 2);
    const before = await kit.lockState(shop);
    const firstRun = (await kit.lockHandle(shop).describe()).runId;
    for (let i = 0; i < 40; i += 1) await kit.lockHandle(shop).signal(lockRequestSignal, before.queue[0] as LockState['queue'][number]);
    await eventually('the lock continued as new', async () => ((await kit.lockHandle(shop).describe()).runId !== firstRun ? true : undefined), 100);
    const after = await kit.lockState(shop);
    assert.equal(after.holder?.workflowId, a.workflowId);
    assert.equal(after.token, before.token);
    assert.deepEqual(after.queue.map((r) => r.key), before.queue.map((r) => r.key));
    assert.equal(after.counters.grants, before.counters.grants);
    const history = await kit.lockHandle(shop).fetchHistory();
    assert.ok((history.events?.length ?? 0) < 80, 'the new run starts with a short history');
    for (const next of [a, ...before.queue.map((r) => kit.temporal.workflow.getHandle(r.workflowId))]) {
      if (next.workflowId !== a.workflowId) await kit.until(shop, `${next.workflowId} holds`, holderIs(next));
      await kit.finish(next);
    }
    assert.ok([b.workflowId, c.workflowId].includes(before.queue[0]?.workflowId as string));
  });

  it('releases in a finally when a run is cancelled, holding or queued', async () => {
    const shop = await kit.newShop();
    const [a, b, c] = await kit.lineUp(shop, 3);
    await b.cancel();
    await kit.until(shop, 'B left the queue', queueIs([c]));
    const before = await kit.lockState(shop);
    await a.cancel();
    const after = await kit.until(shop, 'C holds', holderIs(c));
    assert.equal(after.counters.released, before.counters.released + 1, 'released, not found closed');
    assert.equal(after.counters.holdersClosed, 0);
    await assert.rejects(a.result(), /cancel/i);
    await kit.finish(c);
  });

  it('records record-level errors on the run for visibility', async () => {
    const shop = await kit.newShop();
    const run = await kit.startProbe(shop, { holdMs: 0, recordErrors: 2 });
    await run.result();
    assert.equal((await run.describe()).typedSearchAttributes.get(SyncRecordErrors), 2);
    const found = await eventually('the run by SyncRecordErrors', async () => {
      for await (const execution of kit.temporal.workflow.list({ query: `ShopDomain = '${shop}' AND SyncRecordErrors > 0` })) return execution.workflowId;
      return undefined;
    });
    assert.equal(found, run.workflowId);
  });

  it('lets tasks in another lock group run meanwhile', async () => {
    const shop = await kit.newShop();
    await kit.erp.shops.update(shop, { lockGroups: { refreshShopInfo: 'info' } });
    const a = await kit.startProbe(shop);
    await kit.until(shop, 'A holds the default lock', holderIs(a));
    const refresh = await kit.temporal.workflow.start('refreshShopInfo', { taskQueue: TEST_TASK_QUEUE, workflowId: `grp-${shop}`, args: [{ shop }] });
    const progress = await eventually('refresh takes the "info" lock', async () => {
      const p = await refresh.query(progressQuery).catch(() => undefined);
      return p?.lockId ? p : undefined;
    });
    assert.equal(progress.lockId, `shop-lock:${shop}:info`);
    await assert.rejects(refresh.result()); // no emulator shop behind it: it fails, but after taking its own lock
    await kit.finish(a);
  });
});
