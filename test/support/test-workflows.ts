import { condition, defineSignal, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import { taskInputSchema } from '../../src/domain/task-input';
import { NoFilters } from '../../src/domain/tasks';
import { BATCH_ACTIVITY } from '../../src/workflows/activity-options';
import { runTask } from '../../src/workflows/run-task';
import { ShopLease } from '../../src/workflows/shop-lease';
import type { ProbeActivities } from './probe-activities';

export * from '../../src/workflows';

export const probeFinishSignal = defineSignal('probeFinish');

const probe = proxyActivities<ProbeActivities>(BATCH_ACTIVITY);
// Local: the contention test's holders record their interval within their own workflow task.
const { probeEnterLeave } = proxyLocalActivities<ProbeActivities>({ startToCloseTimeout: '30 seconds' });

const ProbeInput = taskInputSchema(
  NoFilters,
  z
    .object({
      holdMs: z.number().int().min(0).optional(),
      recordErrors: z.number().int().min(0).optional(),
      /** Write this many records under the lease, one every writeEveryMs, before holding. */
      writes: z.number().int().min(0).optional(),
      writeEveryMs: z.number().int().min(0).optional(),
      /** Record the interval it held the lock, with its token (the contention test). */
      enterLeave: z.boolean().optional(),
      /** Continue as new this many times while holding the lock. */
      continueAsNewTimes: z.number().int().min(0).max(10).optional(),
    })
    .strict(),
);

export interface ProbeResult {
  heldFor: number;
  tokens: number[];
  continuations: number;
}

/**
 * A task for the engine's tests: it runs on the real `runTask` helper (input, lock, fence, progress,
 * continue-as-new, release) and holds the lock until it is signalled, or for `holdMs`.
 */
export async function lockProbe(input: unknown): Promise<ProbeResult> {
  let finish = false;
  setHandler(probeFinishSignal, () => void (finish = true));
  return runTask<typeof ProbeInput, ProbeResult, { tokens: number[] }>('lockProbe', ProbeInput, input, async (run) => {
    const { shop, options = {} } = run.input;
    const runKey = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;
    const state = run.resumed ?? { tokens: [] };
    if (options.enterLeave) state.tokens.push(await probeEnterLeave({ shop, runKey, holdMs: options.holdMs ?? 0, startedAt: workflowInfo().startTime.getTime() }));
    if (state.tokens.length <= (options.continueAsNewTimes ?? 0) && options.continueAsNewTimes) return run.continueAsNew(state);
    if (options.writes) await probe.probeWrite({ shop, runKey, count: options.writes, everyMs: options.writeEveryMs ?? 100 });
    const started = Date.now();
    run.report({ message: 'holding the lock' });
    if (!options.enterLeave) await condition(() => finish, options.holdMs ?? '1 day');
    run.report({ counters: { held: 1 } });
    return { result: { heldFor: Date.now() - started, tokens: state.tokens, continuations: run.progress.continuations ?? 0 }, recordErrors: options.recordErrors ?? 0 };
  });
}

/** A holder that takes the lock and completes without giving it back (what a bug or a crash in a finally would do). */
export async function forgetfulHolder(input: { shop: string }): Promise<number> {
  const lease = new ShopLease(input.shop, 'forgetfulHolder');
  const fence = await lease.acquire(() => undefined);
  return fence.token;
}
