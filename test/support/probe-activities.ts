import { Context } from '@temporalio/activity';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActivityDeps } from '../../src/activities/deps';
import { checkpoint, currentRunGuard } from '../../src/activities/run-guard';

/** A record the probe writes under its lease, for the tests to count. */
export interface ProbeWrite {
  /** `<runKey>|<index>`: writing a record again is a no-op, as for every write of the project. */
  _id: string;
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
  /** The holder's place in the lock's arrivals, as the ERP store has it: grants in token order must follow it. */
  arrival: number;
  /** When the run started, for the longest wait. */
  startedAt: number;
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
    /** Writes records 0..count-1, one every `everyMs`; a retry resumes at the record its last heartbeat named. */
    async probeWrite(input: { shop: string; runKey: string; count: number; everyMs: number }): Promise<number> {
      const resumeAt = (Context.current().info.heartbeatDetails as { index?: number } | undefined)?.index ?? 0;
      for (let index = resumeAt; index < input.count; index += 1) {
        await checkpoint({ index });
        const _id = `${input.runKey}|${index}`;
        await writes.updateOne({ _id }, { $setOnInsert: { shop: input.shop, runKey: input.runKey, token: fenceToken(), index, at: new Date() } }, { upsert: true });
        await sleep(input.everyMs, undefined, { signal: currentRunGuard()?.signal });
      }
      return input.count - resumeAt;
    },

    async probeEnterLeave(input: { shop: string; runKey: string; holdMs: number; startedAt: number }): Promise<number> {
      await checkpoint();
      const enteredAt = Date.now();
      const fence = currentRunGuard()?.fence;
      const holder = fence ? await erp.locks.holder(fence.lockId) : null;
      if (input.holdMs > 0) await sleep(input.holdMs);
      await checkpoint();
      const leftAt = Date.now();
      const arrival = holder?.token === fenceToken() ? (holder.arrival ?? -1) : -1;
      await intervals.insertOne({ shop: input.shop, runKey: input.runKey, token: fenceToken(), arrival, startedAt: input.startedAt, enteredAt, leftAt });
      return fenceToken();
    },
  };
}

export type ProbeActivities = ReturnType<typeof createProbeActivities>;
