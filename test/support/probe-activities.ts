import { setTimeout as sleep } from 'node:timers/promises';
import type { ActivityDeps } from '../../src/activities/deps';
import { checkpoint, currentRunGuard } from '../../src/activities/run-guard';

/** A record the probe writes under its lease, for the tests to count. */
export interface ProbeWrite {
  shop: string;
  runKey: string;
  token: number;
  index: number;
  at: Date;
}

/** An interval during which a probe held the lock, as it saw it, for the contention test. */
export interface ProbeInterval {
  shop: string;
  runKey: string;
  token: number;
  enteredAt: number;
  leftAt: number;
}

/**
 * Activities of the engine's test task: they write the way every task's activities do (a
 * checkpoint before each record), so the tests can count what a run writes after it lost its lock.
 */
export function createProbeActivities({ erp }: Pick<ActivityDeps, 'erp'>) {
  const writes = erp.db.collection<ProbeWrite>('probeWrites');
  const intervals = erp.db.collection<ProbeInterval>('probeIntervals');
  const fenceToken = (): number => currentRunGuard()?.fence?.token ?? -1;
  return {
    async probeWrite(input: { shop: string; runKey: string; count: number; everyMs: number }): Promise<number> {
      let written = 0;
      for (let index = 0; index < input.count; index += 1) {
        await checkpoint({ index });
        await writes.insertOne({ shop: input.shop, runKey: input.runKey, token: fenceToken(), index, at: new Date() });
        written += 1;
        await sleep(input.everyMs, undefined, { signal: currentRunGuard()?.signal });
      }
      return written;
    },

    async probeEnterLeave(input: { shop: string; runKey: string; holdMs: number }): Promise<number> {
      await checkpoint();
      const enteredAt = Date.now();
      if (input.holdMs > 0) await sleep(input.holdMs);
      const leftAt = Date.now();
      await intervals.insertOne({ shop: input.shop, runKey: input.runKey, token: fenceToken(), enteredAt, leftAt });
      return fenceToken();
    },
  };
}

export type ProbeActivities = ReturnType<typeof createProbeActivities>;
