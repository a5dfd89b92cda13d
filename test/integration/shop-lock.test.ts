import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { PROJECT_ROOT } from '../../src/config';
import { connectErp, type Erp } from '../../src/erp/db';
import { lockRequestSignal, lockStateQuery, type LockState } from '../../src/workflows/lock-protocol';
import { progressQuery } from '../../src/workflows/progress';
import { SyncRecordErrors } from '../../src/temporal/search-attributes';
import { eventually } from '../support/eventually';
import { TEST_LOCK_LEASE_SECONDS, TEST_TASK_QUEUE, testConfig, testWorker, uniqueShop } from '../support/stack';
import { probeFinishSignal } from '../support/test-workflows';

/** The per-shop lock that replaces the connector's job-queue category, tested through real task runs. */
describe('shop lock', () => {
  let temporal: Client;
  let connection: Connection;
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    connection = await Connection.connect({ address: config.temporalAddress });
    temporal = new Client({ connection, namespace: config.temporalNamespace });
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
  });

  after(async () => {
    await connection?.close();
    await erp?.close();
  });

  async function newShop(): Promise<string> {
    const shop = uniqueShop('lock');
    await erp.shops.add({ domain: shop });
    return shop;
  }

  function startProbe(shop: string, options: { holdMs?: number; recordErrors?: number } = {}, taskQueue = TEST_TASK_QUEUE): Promise<WorkflowHandle> {
    return temporal.workflow.start('lockProbe', {
      taskQueue,
      workflowId: `probe-${randomBytes(4).toString('hex')}`,
      args: [{ shop, options }],
    });
  }

  const lockHandle = (shop: string) => temporal.workflow.getHandle(`shop-lock:${shop}`);
  const lockState = (shop: string): Promise<LockState> => lockHandle(shop).query(lockStateQuery);
  const requestIdOf = (handle: WorkflowHandle): string => `${handle.workflowId}/${(handle as WorkflowHandle & { firstExecutionRunId: string }).firstExecutionRunId}`;

  async function until(shop: string, what: string, predicate: (state: LockState) => boolean): Promise<LockState> {
    return eventually(what, async () => {
      const state = await lockState(shop).catch(() => undefined);
      return state && predicate(state) ? state : undefined;
    }, 300);
  }

  const holderIs = (handle: WorkflowHandle | undefined) => (state: LockState) =>
    handle ? state.holder?.workflowId === handle.workflowId : state.holder === undefined;
  const queueIs = (handles: WorkflowHandle[]) => (state: LockState) =>
    state.queue.map((r) => r.workflowId).join() === handles.map((h) => h.workflowId).join();

  async function finish(handle: WorkflowHandle): Promise<void> {
    await handle.signal(probeFinishSignal);
    await handle.result();
  }

  it('grants one run at a time, first come first served, under concurrent requests', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    await until(shop, 'A holds', holderIs(a));
    const others = await Promise.all([startProbe(shop), startProbe(shop), startProbe(shop)]);
    const queued = await until(shop, 'three queued', (s) => s.queue.length === 3);
    const arrival = queued.queue.map((r) => r.workflowId);
    assert.deepEqual([...arrival].sort(), others.map((h) => h.workflowId).sort());
    const byId = new Map(others.map((h) => [h.workflowId, h]));
    const granted: string[] = [];
    let current = a;
    for (let i = 0; i < 3; i += 1) {
      await finish(current);
      const state = await until(shop, `grant ${i + 1}`, (s) => s.holder !== undefined && s.holder.workflowId !== current.workflowId);
      granted.push(state.holder?.workflowId as string);
      assert.equal(state.queue.length, 2 - i, 'only one holder at a time, the rest still queued');
      current = byId.get(state.holder?.workflowId as string) as WorkflowHandle;
    }
    assert.deepEqual(granted, arrival);
    await finish(current);
    await until(shop, 'lock free', holderIs(undefined));
  });

  it('exposes the holder and the queue, and each run its progress', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    await until(shop, 'B queued', queueIs([b]));
    const holding = await a.query(progressQuery);
    assert.equal(holding.phase, 'running');
    assert.equal(holding.lockId, `shop-lock:${shop}`);
    assert.equal((await b.query(progressQuery)).phase, 'waiting-for-lock');
    await finish(a);
    await finish(b);
  });

  it('takes the lock back from a terminated holder within the lease, and grants the next', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    const held = await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    await until(shop, 'B queued', queueIs([b]));
    const lastSeen = (await lockState(shop)).holder?.leaseExpiresAt ?? 0;
    await a.terminate('test: holder dies');
    const after = await until(shop, 'B holds', holderIs(b));
    assert.equal(after.expiredLeases, held.expiredLeases + 1);
    // In the lock's own time: B was not granted while A's lease could still be valid, and was granted
    // within the lease bound of A's last renewal.
    const grantedAt = after.holder?.grantedAt ?? 0;
    assert.ok(grantedAt >= lastSeen, 'granted before the lease ran out');
    assert.ok(grantedAt - lastSeen <= 2 * TEST_LOCK_LEASE_SECONDS * 1000, `granted ${grantedAt - lastSeen} ms after the lease seen last`);
    await finish(b);
  });

  it('takes the lock back from a holder whose worker was killed (SIGKILL) mid-run', async () => {
    const shop = await newShop();
    const config = await testConfig();
    const isolatedQueue = `${TEST_TASK_QUEUE}-isolated-${randomBytes(2).toString('hex')}`;
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test', 'support', 'worker-process.ts')], {
      env: { ...process.env, SHOPSYNC_TEST_CONFIG: JSON.stringify({ ...config, taskQueue: isolatedQueue }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
      });
      const a = await startProbe(shop, {}, isolatedQueue);
      await until(shop, 'A (on the doomed worker) holds', holderIs(a));
      const b = await startProbe(shop);
      await until(shop, 'B queued', queueIs([b]));
      child.kill('SIGKILL');
      const after = await until(shop, 'B holds', holderIs(b));
      assert.ok(after.expiredLeases >= 1);
      await finish(b);
      await a.terminate('test cleanup: its worker is gone');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('skips a requester that is gone before its turn, and keeps the rest of the queue', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    await until(shop, 'B queued', queueIs([b]));
    const c = await startProbe(shop);
    await until(shop, 'C queued', queueIs([b, c]));
    await b.terminate('test: requester gone');
    const before = await lockState(shop);
    await finish(a);
    const after = await until(shop, 'C holds', holderIs(c));
    assert.equal(after.skippedRequesters, before.skippedRequesters + 1);
    assert.deepEqual(after.queue, []);
    await finish(c);
  });

  it('grants a duplicated request once', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    const holding = await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    const queued = await until(shop, 'B queued', queueIs([b]));
    const requestOfB = queued.queue[0];
    assert.ok(holding.holder && requestOfB);
    // What a retried requestShopLock activity would send again:
    await lockHandle(shop).signal(lockRequestSignal, requestOfB);
    await lockHandle(shop).signal(lockRequestSignal, { ...holding.holder });
    const state = await lockState(shop);
    assert.equal(state.holder?.workflowId, a.workflowId);
    assert.deepEqual(state.queue.map((r) => r.requestId), [requestIdOf(b)]);
    await finish(a);
    await until(shop, 'B holds', holderIs(b));
    await finish(b);
    await lockHandle(shop).signal(lockRequestSignal, requestOfB); // a late duplicate, after B is done
    const done = await lockState(shop);
    assert.equal(done.holder, undefined);
    assert.deepEqual(done.queue, []);
  });

  it('keeps the lease of a long run by renewing it', async () => {
    const shop = await newShop();
    const a = await startProbe(shop, { holdMs: 3 * TEST_LOCK_LEASE_SECONDS * 1000 });
    const first = await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    await until(shop, 'B queued', queueIs([b]));
    const renewed = await until(shop, 'A renewed past its first lease', (s) =>
      s.holder?.workflowId === a.workflowId && s.holder.leaseExpiresAt > (first.holder?.grantedAt ?? 0) + 2 * TEST_LOCK_LEASE_SECONDS * 1000,
    );
    assert.equal(renewed.expiredLeases, first.expiredLeases, 'the lease never expired');
    assert.deepEqual(renewed.queue.map((r) => r.workflowId), [b.workflowId]);
    await a.result();
    await until(shop, 'B holds', holderIs(b));
    await finish(b);
  });

  it('continues as new to bound its history, keeping holder and queue', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    const c = await startProbe(shop);
    await until(shop, 'B and C queued', (s) => s.queue.length === 2);
    const before = await lockState(shop);
    const firstRun = (await lockHandle(shop).describe()).runId;
    for (let i = 0; i < 40; i += 1) await lockHandle(shop).signal(lockRequestSignal, before.queue[0] as LockState['queue'][number]);
    await eventually('the lock continued as new', async () => ((await lockHandle(shop).describe()).runId !== firstRun ? true : undefined), 100);
    const after = await lockState(shop);
    assert.equal(after.holder?.workflowId, a.workflowId);
    assert.deepEqual(after.queue.map((r) => r.requestId), before.queue.map((r) => r.requestId));
    assert.equal(after.grants, before.grants);
    const history = await lockHandle(shop).fetchHistory();
    assert.ok((history.events?.length ?? 0) < 80, 'the new run starts with a short history');
    for (const next of [a, ...before.queue.map((r) => temporal.workflow.getHandle(r.workflowId))]) {
      if (next.workflowId !== a.workflowId) await until(shop, `${next.workflowId} holds`, holderIs(next));
      await finish(next);
    }
    assert.ok([b.workflowId, c.workflowId].includes(before.queue[0]?.workflowId as string));
  });

  it('releases in a finally when a run is cancelled, holding or queued', async () => {
    const shop = await newShop();
    const a = await startProbe(shop);
    await until(shop, 'A holds', holderIs(a));
    const b = await startProbe(shop);
    await until(shop, 'B queued', queueIs([b]));
    const c = await startProbe(shop);
    await until(shop, 'B and C queued', queueIs([b, c]));
    await b.cancel();
    await until(shop, 'B left the queue', queueIs([c]));
    const before = await lockState(shop);
    await a.cancel();
    const after = await until(shop, 'C holds', holderIs(c));
    assert.equal(after.expiredLeases, before.expiredLeases, 'released, not expired');
    await assert.rejects(a.result(), /cancel/i);
    await finish(c);
  });

  it('records record-level errors on the run for visibility', async () => {
    const shop = await newShop();
    const run = await startProbe(shop, { holdMs: 0, recordErrors: 2 });
    await run.result();
    assert.equal((await run.describe()).typedSearchAttributes.get(SyncRecordErrors), 2);
    const found = await eventually('the run by SyncRecordErrors', async () => {
      for await (const execution of temporal.workflow.list({ query: `ShopDomain = '${shop}' AND SyncRecordErrors > 0` })) return execution.workflowId;
      return undefined;
    });
    assert.equal(found, run.workflowId);
  });

  it('lets tasks in another lock group run meanwhile', async () => {
    const shop = await newShop();
    await erp.shops.update(shop, { lockGroups: { refreshShopInfo: 'info' } });
    const a = await startProbe(shop);
    await until(shop, 'A holds the default lock', holderIs(a));
    const refresh = await temporal.workflow.start('refreshShopInfo', { taskQueue: TEST_TASK_QUEUE, workflowId: `grp-${shop}`, args: [{ shop }] });
    const progress = await eventually('refresh takes the "info" lock', async () => {
      const p = await refresh.query(progressQuery).catch(() => undefined);
      return p?.lockId ? p : undefined;
    });
    assert.equal(progress.lockId, `shop-lock:${shop}:info`);
    await assert.rejects(refresh.result()); // no emulator shop behind it: it fails, but after taking its own lock
    await finish(a);
  });
});
