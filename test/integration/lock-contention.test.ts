import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { isolatedQueue, LockTestKit, spawnWorker, type WorkerProcess } from '../support/lock-probes';
import type { ProbeInterval } from '../support/probe-activities';

const CONCURRENT = 20;
/** 10 rounds (200 grants) in `npm test`; `npm run test:stress` runs 50 (1,000 grants). */
const ROUNDS = Number(process.env.CONTENTION_ROUNDS ?? 10);

/**
 * Grants of one shop's lock (1,000 in `npm run test:stress`) to runs spread over two worker processes: each holder records the
 * interval it held the lock, with its token, in the ERP store; no two intervals may overlap.
 */
describe('shop lock under contention', () => {
  let kit: LockTestKit;
  const workers: WorkerProcess[] = [];

  before(async () => {
    kit = await LockTestKit.open();
  });

  after(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await kit?.close();
  });

  it(`grants ${CONCURRENT * ROUNDS} times to ${CONCURRENT} concurrent requesters on two workers: no overlap, first come first served, every run completed`, async function () {
    this.timeout(15 * 60_000);
    const shop = await kit.newShop('contention');
    const queue = isolatedQueue('contention');
    workers.push(await spawnWorker(queue, { lockHistoryLimit: 2000 }), await spawnWorker(queue, { lockHistoryLimit: 2000 }));
    const started = Date.now();
    const requester = async (n: number): Promise<number> => {
      let completed = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const run = await kit.startProbe(shop, { enterLeave: true, holdMs: 2 }, { taskQueue: queue, workflowId: `contend-${n}-${round}-${randomBytes(2).toString('hex')}` });
        await run.result();
        completed += 1;
      }
      return completed;
    };
    const completed = await Promise.all(Array.from({ length: CONCURRENT }, (_, n) => requester(n)));
    const seconds = (Date.now() - started) / 1000;
    assert.equal(completed.reduce((a, b) => a + b, 0), CONCURRENT * ROUNDS, 'every run completed');

    const intervals = await kit.erp.db.collection<ProbeInterval>('probeIntervals').find({ shop }).sort({ token: 1 }).toArray();
    assert.equal(intervals.length, CONCURRENT * ROUNDS);
    assert.deepEqual(intervals.map((i) => i.token), Array.from({ length: CONCURRENT * ROUNDS }, (_, i) => i + 1), 'one grant per run, tokens 1..N');
    const byEntry = [...intervals].sort((a, b) => a.enteredAt - b.enteredAt || a.token - b.token);
    let overlaps = 0;
    for (let i = 1; i < byEntry.length; i += 1) if ((byEntry[i]?.enteredAt ?? 0) < (byEntry[i - 1]?.leftAt ?? 0)) overlaps += 1;
    assert.equal(overlaps, 0, 'no two holders at once');
    assert.deepEqual(byEntry.map((i) => i.token), intervals.map((i) => i.token), 'entered in token order');
    const outOfOrder = intervals.filter((interval, i) => i > 0 && interval.arrival < (intervals[i - 1]?.arrival ?? 0)).length;
    assert.ok(intervals.every((i) => i.arrival > 0), 'each holder found its own grant in the store');
    assert.equal(outOfOrder, 0, 'granted in the order the requests arrived');
    const longestWaitMs = Math.max(...intervals.map((i) => i.enteredAt - i.startedAt));
    const lock = await kit.lockState(shop);
    console.log(`      contention: ${intervals.length} grants in ${seconds.toFixed(0)} s (${(intervals.length / seconds).toFixed(1)}/s), overlaps ${overlaps}, longest wait ${(longestWaitMs / 1000).toFixed(1)} s, lock counters ${JSON.stringify(lock.counters)}`);
  });
});
