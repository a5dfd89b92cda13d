import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockGrantedSignal } from '../../src/temporal/lock-messages';
import { progressQuery } from '../../src/workflows/progress';
import { eventually } from '../support/eventually';
import { holderIs, isolatedQueue, LockTestKit, queueIs, resetWorkflow, spawnWorker, workflowTaskCompletedAfter } from '../support/lock-probes';
import { TEST_TASK_QUEUE } from '../support/stack';

const LOCK_BOUND_MS = 30_000;

/**
 * Whether a holder is alive is Temporal's knowledge: a run keeps the lock while its workflow is open,
 * whatever the workers do, and loses it soon after its workflow closes. The lock itself loses nothing
 * when it is terminated, cancelled or reset, and runs keep their place through their own resets.
 */
describe('shop lock liveness and recovery', () => {
  let kit: LockTestKit;

  before(async () => {
    kit = await LockTestKit.open();
  });

  after(async () => kit?.close());

  it('keeps the lock of a running holder while every worker is down for 10 s, and the holder then finishes normally', async () => {
    const shop = await kit.newShop();
    const queue = isolatedQueue('down');
    const first = await spawnWorker(queue);
    const a = await kit.startProbe(shop, {}, { taskQueue: queue });
    const held = await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop, {}, { taskQueue: queue });
    await kit.until(shop, 'B queued', queueIs([b]));
    first.child.kill('SIGKILL');
    await first.exited;
    await sleep(10_000); // ten check intervals, three times the old 3 s lease of these tests
    const second = await spawnWorker(queue);
    try {
      const after = await kit.until(shop, 'the lock answers again', () => true);
      assert.equal(after.holder?.workflowId, a.workflowId, 'A still holds the lock');
      assert.equal(after.holder?.token, held.holder?.token, 'with the same token');
      assert.deepEqual(after.queue.map((r) => r.workflowId), [b.workflowId]);
      assert.equal(after.counters.holdersClosed, 0);
      const result = (await kit.finish(a)) as { heldFor: number };
      assert.ok(result.heldFor >= 10_000, 'A held on through the outage and completed');
      await kit.until(shop, 'B holds', holderIs(b));
      await kit.finish(b);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  for (const how of ['terminated', 'timed out', 'completed without releasing'] as const) {
    it(`takes the lock from a holder that ${how}, within ${LOCK_BOUND_MS / 1000} s, as Temporal reports it closed`, async () => {
      const shop = await kit.newShop();
      const a =
        how === 'completed without releasing'
          ? await kit.temporal.workflow.start('forgetfulHolder', { taskQueue: TEST_TASK_QUEUE, workflowId: `forgetful-${shop}`, args: [{ shop }] })
          : await kit.startProbe(shop, {}, how === 'timed out' ? { workflowExecutionTimeout: '3s' } : {});
      await kit.until(shop, 'A holds', holderIs(a));
      const b = await kit.startProbe(shop);
      await kit.until(shop, 'B queued', queueIs([b]));
      if (how === 'terminated') await a.terminate('test: holder dies');
      if (how === 'completed without releasing') await a.result();
      else await assert.rejects(a.result());
      const closedAt = (await a.describe()).closeTime as Date;
      const after = await kit.until(shop, 'B holds', holderIs(b));
      assert.equal(after.counters.holdersClosed, 1);
      assert.equal(after.counters.released, 0);
      assert.ok((after.holder?.grantedAt ?? 0) - closedAt.getTime() <= LOCK_BOUND_MS, 'granted within the bound after A closed');
      await kit.finish(b);
    });
  }

  it('lets a holder that continues as new keep its lease and token, with nobody granted in between', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop, { enterLeave: true, continueAsNewTimes: 3, holdMs: 200 });
    await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop, { holdMs: 0 });
    const result = (await a.result()) as { tokens: number[]; continuations: number };
    assert.equal(result.continuations, 3);
    assert.deepEqual(result.tokens, [1, 1, 1, 1], 'the same grant in all four runs');
    await b.result();
    const state = await kit.lockState(shop);
    assert.equal(state.counters.grants, 2, 'A once (across its runs), then B');
  });

  it('lets a holder reset to after its grant keep the lock and release it from its new run', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop);
    const held = await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop);
    await kit.until(shop, 'B queued', queueIs([b]));
    const afterGrant = await workflowTaskCompletedAfter(a, (e) => e.workflowExecutionSignaledEventAttributes?.signalName === lockGrantedSignal.name);
    const newRun = await resetWorkflow(kit.temporal, a.workflowId, afterGrant, true);
    await eventually('A runs again from its new run', async () => ((await a.describe()).runId === newRun ? true : undefined));
    const still = await kit.lockState(shop);
    assert.equal(still.holder?.token, held.holder?.token);
    await kit.finish(kit.temporal.workflow.getHandle(a.workflowId));
    const next = await kit.until(shop, 'B holds', holderIs(b));
    assert.equal(next.counters.released, 1, 'the new run released the lock it inherited');
    await kit.finish(b);
  });

  it('gives a holder reset to before its grant (signals dropped) the lock again, under a new token', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop);
    const held = await kit.until(shop, 'A holds', holderIs(a));
    const firstTask = await workflowTaskCompletedAfter(a);
    await resetWorkflow(kit.temporal, a.workflowId, firstTask, false);
    const regranted = await kit.until(shop, 'A holds under a new token', (s) => s.holder?.workflowId === a.workflowId && s.holder.token > (held.holder?.token ?? 0));
    assert.equal(regranted.holder?.token, (held.holder?.token ?? 0) + 1);
    assert.equal((await kit.erp.locks.isCurrent(`shop-lock:${shop}`, held.holder?.token ?? 0)), false, 'the old token no longer writes');
    const progress = await eventually('A runs under its new token', async () => {
      const p = await kit.temporal.workflow.getHandle(a.workflowId).query(progressQuery);
      return p.phase === 'running' ? p : undefined;
    });
    assert.equal(progress.lockToken, regranted.holder?.token);
    await kit.finish(kit.temporal.workflow.getHandle(a.workflowId));
    await kit.until(shop, 'free', holderIs(undefined));
  });

  it('keeps the place in line of a queued run that is reset', async () => {
    const shop = await kit.newShop();
    const [a, b, c] = await kit.lineUp(shop, 3);
    await resetWorkflow(kit.temporal, b.workflowId, await workflowTaskCompletedAfter(b), false);
    await sleep(3000); // B's new run asks again
    assert.deepEqual((await kit.lockState(shop)).queue.map((r) => r.workflowId), [b.workflowId, c.workflowId]);
    await kit.finish(a);
    await kit.until(shop, 'B holds', holderIs(b));
    await kit.finish(kit.temporal.workflow.getHandle(b.workflowId));
    await kit.until(shop, 'C holds', holderIs(c));
    await kit.finish(c);
  });

  for (const how of ['terminated', 'cancelled'] as const) {
    it(`loses nothing when the lock workflow is ${how}: holder, queue and token counter come back`, async () => {
      const shop = await kit.newShop();
      const a = await kit.startProbe(shop);
      const held = await kit.until(shop, 'A holds', holderIs(a));
      const b = await kit.startProbe(shop);
      await kit.until(shop, 'B queued', queueIs([b]));
      const c = await kit.startProbe(shop);
      await kit.until(shop, 'B and C queued', queueIs([b, c]));
      const lockRun = (await kit.lockHandle(shop).describe()).runId;
      if (how === 'terminated') await kit.lockHandle(shop).terminate('test: an operator terminates the lock');
      else await kit.lockHandle(shop).cancel();
      assert.equal(await kit.erp.locks.isCurrent(`shop-lock:${shop}`, held.holder?.token ?? 0), true, 'A may still write');
      // Waiting runs ask again within seconds; that starts a new lock run from what the store keeps.
      await eventually('a new lock run', async () => {
        const description = await kit.lockHandle(shop).describe();
        return description.runId !== lockRun && description.status.name === 'RUNNING' ? true : undefined;
      }, 100);
      const back = await kit.until(shop, 'A holding in the new lock run', (s) => s.holder?.workflowId === a.workflowId && s.queue.length === 2);
      assert.equal(back.token, held.token);
      assert.deepEqual(back.queue.map((r) => r.workflowId), [b.workflowId, c.workflowId]);
      await kit.finish(a);
      const next = await kit.until(shop, 'B holds', holderIs(b));
      assert.equal(next.holder?.token, (held.holder?.token ?? 0) + 1, 'the token counter went on, not back to 1');
      await kit.finish(b);
      await kit.until(shop, 'C holds', holderIs(c));
      await kit.finish(c);
    });
  }

  it('never hands out a token twice when the lock is reset to a stale picture', async () => {
    const shop = await kit.newShop();
    const [a, b] = await kit.lineUp(shop, 2);
    let requests = 0;
    const afterSecondRequest = (e: { workflowExecutionSignaledEventAttributes?: { signalName?: string | null } | null }) =>
      e.workflowExecutionSignaledEventAttributes?.signalName === 'lockRequest' && ++requests === 2;
    const stalePoint = await workflowTaskCompletedAfter(kit.lockHandle(shop), afterSecondRequest);
    await kit.finish(a);
    const bHolds = await kit.until(shop, 'B holds', holderIs(b));
    await resetWorkflow(kit.temporal, `shop-lock:${shop}`, stalePoint, false); // the lock now believes A holds token 1 and B waits
    const c = await kit.startProbe(shop);
    const caughtUp = await kit.until(shop, 'the reset lock caught up: B holds, C waits', (s) => s.holder?.workflowId === b.workflowId && s.queue.some((r) => r.workflowId === c.workflowId));
    assert.equal(caughtUp.holder?.token, bHolds.holder?.token);
    await kit.finish(b);
    const cHolds = await kit.until(shop, 'C holds', holderIs(c));
    assert.equal(cHolds.holder?.token, (bHolds.holder?.token ?? 0) + 1);
    await kit.finish(c);
  });

  it('gives up waiting before its own run timeout, so it fails naming the holder rather than timing out silently', async () => {
    const shop = await kit.newShop();
    const a = await kit.startProbe(shop);
    await kit.until(shop, 'A holds', holderIs(a));
    const b = await kit.startProbe(shop, {}, { workflowExecutionTimeout: '10s' });
    await assert.rejects(b.result(), (error: Error & { cause?: Error }) => {
      assert.match(error.cause?.message ?? '', new RegExp(`gave up waiting for shop-lock:\\S+ after 9 s: it is held by lockProbe ${a.workflowId}`));
      return true;
    });
    assert.equal((await b.describe()).status.name, 'FAILED');
    await kit.finish(a);
  });

  it('gives up waiting after the configured time, naming the holder', async () => {
    const shop = await kit.newShop();
    const queue = isolatedQueue('wait');
    const worker = await spawnWorker(queue, { lockMaxWaitSeconds: 3 });
    try {
      const a = await kit.startProbe(shop, {}, { taskQueue: queue });
      await kit.until(shop, 'A holds', holderIs(a));
      const b = await kit.startProbe(shop, {}, { taskQueue: queue });
      await assert.rejects(b.result(), (error: Error & { cause?: Error }) => {
        assert.match(error.cause?.message ?? '', new RegExp(`gave up waiting for shop-lock:${shop.replace(/\./g, '\\.')} after 3 s: it is held by lockProbe ${a.workflowId} \\(token 1\\)`));
        return true;
      });
      const state = await kit.until(shop, 'B left the queue', (s) => s.queue.length === 0);
      assert.equal(state.holder?.workflowId, a.workflowId);
      await kit.finish(a);
    } finally {
      worker.child.kill('SIGKILL');
    }
  });
});
