import assert from 'node:assert/strict';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { ShopSyncClient } from '../../src/client';
import { SyncTrigger } from '../../src/temporal/search-attributes';
import { eventually } from '../support/eventually';
import { emulatedShop, TEST_TASK_QUEUE, testConfig, testWorker } from '../support/stack';

/** Recurring runs as Temporal Schedules, reconciled from the shop's settings. */
describe('schedules', () => {
  let client: ShopSyncClient;

  before(async () => {
    await testWorker();
    client = await ShopSyncClient.connect(await testConfig());
  });

  after(async () => client?.close());

  const describeSchedule = (shop: string) => client.temporal.schedule.getHandle(`sched:${shop}:refreshShopInfo`).describe();

  it('creates, updates and deletes schedules from the settings, idempotently', async () => {
    const { domain } = await emulatedShop('sched');
    const added = await client.addShop({ domain, schedules: { refreshShopInfo: { every: '1h' } } });
    assert.deepEqual(added.schedules.created, [`sched:${domain}:refreshShopInfo`]);
    const created = await describeSchedule(domain);
    assert.equal(created.policies.overlap, ScheduleOverlapPolicy.SKIP);
    assert.equal(created.policies.catchupWindow, 60_000);
    assert.equal(created.spec.intervals?.[0]?.every, 3_600_000);
    assert.equal(created.action.workflowType, 'refreshShopInfo');
    assert.equal(created.action.taskQueue, TEST_TASK_QUEUE);
    assert.deepEqual(created.action.args, [{ shop: domain, trigger: 'schedule' }]);

    assert.deepEqual((await client.applySchedules(domain)).unchanged, [`sched:${domain}:refreshShopInfo`]);
    assert.deepEqual((await client.updateShop(domain, { allowBackgroundSyncs: false })).schedules.unchanged, [`sched:${domain}:refreshShopInfo`]);

    const updated = await client.updateShop(domain, { schedules: { refreshShopInfo: { cron: '*/30 * * * *', catchupWindow: '5m' } } });
    assert.deepEqual(updated.schedules.updated, [`sched:${domain}:refreshShopInfo`]);
    const changed = await describeSchedule(domain);
    assert.equal(changed.policies.catchupWindow, 300_000);
    assert.equal(changed.spec.intervals?.length ?? 0, 0);
    assert.ok((changed.spec.calendars?.length ?? 0) > 0);

    const disabled = await client.updateShop(domain, { schedules: { refreshShopInfo: { cron: '*/30 * * * *', enabled: false } } });
    assert.deepEqual(disabled.schedules.deleted, [`sched:${domain}:refreshShopInfo`]);
    await assert.rejects(describeSchedule(domain));
  });

  it('keeps a schedule on hold when the settings are applied again', async () => {
    const { domain } = await emulatedShop('hold');
    await client.addShop({ domain, schedules: { refreshShopInfo: { every: '1h' } } });
    await client.schedules.pause(domain, 'refreshShopInfo', 'merchant asked');
    await client.updateShop(domain, { schedules: { refreshShopInfo: { every: '2h' } } });
    const [summary] = await client.schedules.list(domain);
    assert.equal(summary?.paused, true);
    assert.equal(summary?.note, 'merchant asked');
    await client.schedules.unpause(domain, 'refreshShopInfo');
    assert.equal((await client.schedules.get(domain, 'refreshShopInfo')).paused, false);
  });

  it('runs now on trigger, as a scheduled run', async () => {
    const { domain } = await emulatedShop('trigger', { name: 'Triggered' });
    await client.addShop({ domain, schedules: { refreshShopInfo: { every: '12h' } } });
    await client.schedules.trigger(domain, 'refreshShopInfo');
    const run = await eventually('the triggered run', async () => {
      for await (const execution of client.temporal.workflow.list({ query: `TemporalScheduledById = 'sched:${domain}:refreshShopInfo'` })) return execution;
      return undefined;
    });
    const handle = client.temporal.workflow.getHandle(run.workflowId, run.runId);
    assert.equal(((await handle.result()) as { name: string }).name, 'Triggered');
    assert.equal((await handle.describe()).typedSearchAttributes.get(SyncTrigger), 'schedule');
    assert.equal((await client.shops.get(domain)).shopInfo?.name, 'Triggered');
  });

  it('backfills a past period', async () => {
    const { domain } = await emulatedShop('backfill');
    await client.addShop({ domain, schedules: { refreshShopInfo: { every: '1h' } } });
    const end = new Date();
    await client.schedules.backfill(domain, 'refreshShopInfo', new Date(end.getTime() - 2 * 3_600_000), end);
    const runs = await eventually('two backfilled runs', async () => {
      const found = [];
      for await (const execution of client.temporal.workflow.list({ query: `TemporalScheduledById = 'sched:${domain}:refreshShopInfo'` })) found.push(execution);
      return found.length >= 2 ? found : undefined;
    });
    assert.ok(runs.length >= 2);
  });

  it('refuses schedule settings that cannot work, naming them', async () => {
    const { domain } = await emulatedShop('badsched');
    await assert.rejects(
      client.addShop({ domain, schedules: { refreshShopInfo: { every: '5s' }, teleport: { every: '1h' } } }),
      (error: Error) => {
        assert.match(error.message, /schedules\.refreshShopInfo\.every: every must be a duration of at least 10s/);
        assert.match(error.message, /schedules\.teleport/);
        return true;
      },
    );
    await assert.rejects(client.addShop({ domain, schedules: { refreshShopInfo: { cron: 'every tuesday' } } }), /five-field cron/);
    await assert.rejects(client.addShop({ domain, schedules: { refreshShopInfo: { every: '1h', filters: { status: 'open' } } } }), /schedules\.refreshShopInfo\.filters: status: is not accepted here/);
  });

  it('removes the schedules with the shop', async () => {
    const { domain } = await emulatedShop('gone');
    await client.addShop({ domain, schedules: { refreshShopInfo: { every: '1h' } } });
    assert.deepEqual((await client.removeShop(domain)).deletedSchedules, [`sched:${domain}:refreshShopInfo`]);
  });

  it('runs under a plain --cron start too', async () => {
    const { domain } = await emulatedShop('cron');
    await client.addShop({ domain });
    const handle = await client.temporal.workflow.start('refreshShopInfo', {
      taskQueue: TEST_TASK_QUEUE,
      workflowId: `cron-${domain}`,
      cronSchedule: '@every 5s', // Temporal's cron also takes @every; the first run comes within seconds
      args: [{ shop: domain }],
    });
    const run = await eventually('the first cron run', async () => {
      for await (const execution of client.temporal.workflow.list({ query: `WorkflowId = 'cron-${domain}' AND SyncTrigger = 'cron'` })) return execution;
      return undefined;
    }, 900);
    assert.equal(run.typedSearchAttributes.get(SyncTrigger), 'cron');
    await handle.terminate('test done');
  });
});
