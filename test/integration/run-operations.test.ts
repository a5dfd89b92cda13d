import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { schedulesCommand } from '../../src/cli/schedules';
import { InvalidRunRequestError, ShopSyncClient } from '../../src/client';
import { eventually } from '../support/eventually';
import { holderIs, LockTestKit } from '../support/lock-probes';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

const run = promisify(execFile);

/** Runs that cannot block their schedule, that wait out outages, that are not silently joined, and that explain themselves. */
describe('running tasks', () => {
  let kit: LockTestKit;
  let client: ShopSyncClient;
  let temporalCli: (args: string[]) => Promise<string>;

  before(async () => {
    kit = await LockTestKit.open();
    client = await ShopSyncClient.connect(kit.config);
    const binary = (await testStack()).tools.temporal;
    temporalCli = async (args) => (await run(binary, [...args, '--address', kit.config.temporalAddress])).stdout;
  });

  after(async () => {
    await client?.close();
    await kit?.close();
  });

  it('times out a run stuck past its run timeout, frees the lock, and lets its schedule run again; schedules list shows running and skipped runs', async () => {
    const { domain } = await emulatedShop('stuck', { latencyMs: 60_000 });
    await client.addShop({ domain, runTimeouts: { refreshShopInfo: '4s' }, schedules: { refreshShopInfo: { every: '1h' } } });
    await client.schedules.trigger(domain, 'refreshShopInfo');
    const running = await eventually('the scheduled run is going', async () => {
      const schedule = await client.schedules.get(domain, 'refreshShopInfo');
      return schedule.running.length === 1 ? schedule : undefined;
    });
    await client.schedules.trigger(domain, 'refreshShopInfo'); // overlap SKIP: skipped while the first runs
    const skipped = await eventually('the second trigger was skipped', async () => {
      const schedule = await client.schedules.get(domain, 'refreshShopInfo');
      return schedule.skippedOverlapping === 1 ? schedule : undefined;
    });
    assert.equal(skipped.running[0]?.workflowId, running.running[0]?.workflowId);
    const stuck = kit.temporal.workflow.getHandle(running.running[0]?.workflowId as string);
    await assert.rejects(stuck.result(), /timed out/i);
    const lock = await eventually('the lock notices the run is gone', async () => {
      const state = await client.lockState(domain);
      return state && !state.holder ? state : undefined;
    });
    assert.equal(lock.counters.holdersClosed, 1);
    const lines: string[] = [];
    await schedulesCommand(client, ['list', '--shop', domain], (line) => lines.push(line));
    assert.match(lines.join('\n'), /running 0 {2}skipped \(still running\) 1 {2}runs 1/);
    await (await emulatorAdmin()).updateShop(domain, { latencyMs: 0 });
    await client.schedules.trigger(domain, 'refreshShopInfo');
    const after = await eventually('a new run went and completed', async () => {
      const schedule = await client.schedules.get(domain, 'refreshShopInfo');
      const last = schedule.recentRuns.at(-1);
      if (schedule.actionsTaken !== 2 || schedule.running.length > 0 || !last) return undefined;
      return (await kit.temporal.workflow.getHandle(last.workflowId).describe()).status.name === 'COMPLETED' ? schedule : undefined;
    });
    assert.equal(after.skippedOverlapping, 1);
    const failures = await eventually('the timeout among the failures', async () => {
      const found = await client.listFailures({ shop: domain });
      return found.length ? found : undefined;
    });
    assert.equal(failures[0]?.status, 'TIMED_OUT');
  });

  it('makes a manual run with other filters or options a run of its own, queued behind; the same ones join', async () => {
    const { domain } = await emulatedShop('nojoin', { latencyMs: 1500 });
    await client.addShop({ domain, allowBackgroundSyncs: true });
    const incremental = await client.runTask({ shop: domain, task: 'orders' });
    const dateRange = await client.runTask({ shop: domain, task: 'orders', options: { since: '2026-01-01T00:00:00Z' } });
    const again = await client.runTask({ shop: domain, task: 'orders', options: { since: '2026-01-01T00:00:00Z' } });
    assert.equal(incremental.workflowId, `run:${domain}:orders`);
    assert.match(dateRange.workflowId, new RegExp(`^run:${domain.replace(/\./g, '\\.')}:orders:[0-9a-f]{12}$`));
    assert.equal(dateRange.joined, false, 'not joined to the incremental run');
    assert.equal(again.joined, true, 'the same date range joins');
    assert.equal(again.runId, dateRange.runId);
    const queued = await eventually('one holds, the other waits', async () => {
      const state = await client.lockState(domain);
      return state?.holder && state.queue.length === 1 ? state : undefined;
    });
    assert.deepEqual([queued.holder?.workflowId, queued.queue[0]?.workflowId].sort(), [incremental.workflowId, dateRange.workflowId].sort());
    await kit.temporal.workflow.getHandle(incremental.workflowId, incremental.runId).result();
    await kit.temporal.workflow.getHandle(dateRange.workflowId, dateRange.runId).result();
    assert.equal((await client.lockState(domain))?.counters.grants, 2);
    await assert.rejects(client.runTask({ shop: domain, task: 'orders', options: { since: 'yesterday' } }), InvalidRunRequestError);
  });

  it('waits out a 20 s Shopify outage: the activity retries past five attempts and the run completes', async () => {
    const { domain } = await emulatedShop('outage');
    await client.addShop({ domain, allowBackgroundSyncs: true });
    const admin = await emulatorAdmin();
    await admin.setFaults(domain, [{ kind: 'http5xx', status: 503, rate: 1 }]);
    const started = await client.runTask({ shop: domain, task: 'refreshShopInfo' });
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    await admin.clearFaults(domain);
    const handle = kit.temporal.workflow.getHandle(started.workflowId, started.runId);
    assert.equal(((await handle.result()) as { shop: string }).shop, domain);
    const events = (await handle.fetchHistory()).events ?? [];
    const attempts = events.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes?.attempt ?? 0);
    assert.ok(Math.max(...attempts) >= 6, `attempts: ${attempts.join(', ')}`);
  });

  it('explains each run in the Web UI: its summary and details, and what it does now, shown by temporal workflow describe and metadata', async () => {
    const { domain } = await emulatedShop('explain', { latencyMs: 3000 });
    await client.addShop({ domain, allowBackgroundSyncs: true });
    const holder = await kit.startProbe(domain);
    await kit.until(domain, 'the probe holds the lock', holderIs(holder));
    const started = await client.runTask({ shop: domain, task: 'refreshShopInfo' });
    const described = await temporalCli(['workflow', 'describe', '--workflow-id', started.workflowId]);
    assert.match(described, new RegExp(`StaticSummary +"refreshShopInfo · ${domain.replace(/\./g, '\\.')} · manual"`));
    assert.match(described, /StaticDetails +".*\*\*Filters\*\* none/);
    const waiting = await eventually('waiting, with the holder named', async () => {
      const out = await temporalCli(['workflow', 'metadata', '--workflow-id', started.workflowId]);
      return /behind lockProbe/.test(out) ? out : undefined;
    });
    assert.match(waiting, new RegExp(`waiting for shop-lock:\\S+ behind lockProbe ${holder.workflowId} \\(token 1\\) since \\S+ \\(1st in line\\)`));
    const lock = await temporalCli(['workflow', 'metadata', '--workflow-id', `shop-lock:${domain}`]);
    assert.match(lock, new RegExp(`Held by lockProbe ${holder.workflowId} \\(token 1\\)`));
    assert.match(lock, new RegExp(`Waiting \\(1\\): 1\\. refreshShopInfo ${started.workflowId.replace(/\./g, '\\.')}`));
    await kit.finish(holder);
    const runningNow = await eventually('running, with its token', async () => {
      const out = await temporalCli(['workflow', 'metadata', '--workflow-id', started.workflowId]);
      return /running under/.test(out) ? out : undefined;
    });
    assert.match(runningNow, /running under shop-lock:\S+ \(token 2\)/);
    await kit.temporal.workflow.getHandle(started.workflowId, started.runId).result();
  });
});
