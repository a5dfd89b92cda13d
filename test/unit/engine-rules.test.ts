import assert from 'node:assert/strict';
import { formatDuration } from '../../src/domain/durations';
import { parseShopSettings } from '../../src/domain/shop-settings';
import { manualRunId, runMetadata, runTimeoutOf } from '../../src/domain/tasks';
import { BATCH_ACTIVITY, OUTAGE_RETRY, SHORT_ACTIVITY } from '../../src/workflows/activity-options';
import { inBatches } from '../../src/workflows/batches';
import { describeLock, emptyCounters, type LockState } from '../../src/domain/shop-lock';
import { describeProgress } from '../../src/workflows/progress';

describe('engine rules', () => {
  it('cuts a listing into batches of 25 in order, the last one shorter, and none for an empty listing', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `k${i}`);
    const batches = inBatches(keys);
    assert.deepEqual(batches.map((b) => b.length), [25, 25, 10]);
    assert.deepEqual(batches.flat(), keys);
    assert.deepEqual(inBatches([]), []);
  });

  it('retries through outages by time, not by a handful of attempts, and never retries what cannot succeed', () => {
    assert.equal(OUTAGE_RETRY.maximumAttempts, undefined);
    assert.equal(OUTAGE_RETRY.maximumInterval, '1 minute');
    for (const options of [SHORT_ACTIVITY, BATCH_ACTIVITY]) {
      assert.ok(options.scheduleToCloseTimeout, 'bounded by a schedule-to-close timeout');
      assert.ok(options.heartbeatTimeout, 'a dead worker is noticed, a cancellation delivered');
      assert.equal(options.retry, OUTAGE_RETRY);
    }
    for (const type of ['ShopifyAuthError', 'ShopDisabled', 'ShopLockLost', 'Unfenced']) assert.ok(OUTAGE_RETRY.nonRetryableErrorTypes?.includes(type), type);
  });

  it('gives a manual run an id of its own per filters and options, so only identical requests join', () => {
    assert.equal(manualRunId('a.myshopify.com', 'orders'), 'run:a.myshopify.com:orders');
    assert.equal(manualRunId('a.myshopify.com', 'orders', '0123456789ab'), 'run:a.myshopify.com:orders:0123456789ab');
  });

  it('takes a run timeout from the shop, or the task default; refuses one that is not a duration', () => {
    const settings = parseShopSettings({ domain: 'a.myshopify.com', runTimeouts: { orders: '8h' } });
    assert.equal(runTimeoutOf(settings, 'orders'), '8h');
    assert.equal(runTimeoutOf(settings, 'shipments'), '4h');
    assert.equal(runTimeoutOf(settings, 'refreshShopInfo'), '30m');
    assert.throws(() => parseShopSettings({ domain: 'a.myshopify.com', runTimeouts: { orders: 'forever' } }), /runTimeouts\.orders: must be a duration/);
  });

  it('summarises a run for the Web UI: task, shop, trigger, filters and options', () => {
    const metadata = runMetadata('a.myshopify.com', 'orders', 'manual', { financialStatus: 'PAID' }, { since: '2026-01-01T00:00:00Z' });
    assert.equal(metadata.staticSummary, 'orders · a.myshopify.com · manual · financialStatus=PAID; since=2026-01-01T00:00:00Z');
    assert.match(metadata.staticDetails, /\*\*Filters\*\* financialStatus=PAID/);
    assert.equal(runMetadata('a.myshopify.com', 'payments', 'manual').staticSummary, 'payments · a.myshopify.com · manual');
  });

  it('says what a run does now: waiting behind whom and where in line, or running under which token', () => {
    assert.equal(
      describeProgress({ task: 'orders', phase: 'waiting-for-lock', lockId: 'shop-lock:a', waitingBehind: 'products run:a:products (token 7)', placeInLine: 2, counters: {} }),
      'waiting for shop-lock:a behind products run:a:products (token 7) (2nd in line)',
    );
    assert.equal(
      describeProgress({ task: 'orders', phase: 'running', lockId: 'shop-lock:a', lockToken: 8, counters: { fetched: 1080 }, message: 'page 12, 1080 orders imported' }),
      'running under shop-lock:a (token 8) · fetched 1080 · page 12, 1080 orders imported',
    );
  });

  it('shows the lock with holder, queue and counters', () => {
    const state: LockState = {
      lockId: 'shop-lock:a',
      token: 3,
      holder: { key: 'run:a:orders/r1', workflowId: 'run:a:orders', runId: 'r1', task: 'orders', requestedAt: 0, token: 3, grantedAt: Date.parse('2026-11-27T10:00:00Z') },
      queue: [{ key: 'run:a:payments/r2', workflowId: 'run:a:payments', runId: 'r2', task: 'payments', requestedAt: 0 }],
      counters: { ...emptyCounters(), grants: 3, released: 2 },
      recentlyDone: [],
    };
    assert.equal(
      describeLock(state),
      'Held by orders run:a:orders (token 3) since 2026-11-27T10:00:00.000Z\n\nWaiting (1): 1. payments run:a:payments\n\n' +
        'grants 3, released 2, holders closed 0, broken 0, skipped 0',
    );
  });

  it('formats durations for messages', () => {
    assert.deepEqual([formatDuration(3000), formatDuration(600_000), formatDuration(6 * 3_600_000), formatDuration(200 * 60_000)], ['3 s', '10 min', '6 h', '3 h 20 min']);
  });
});
