import { ActivityFailure, ApplicationFailure, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { z } from 'zod';
import { describeInputIssues, type Trigger } from '../domain/task-input';
import { ShopDomain, SyncRecordErrors, SyncTask, SyncTrigger } from '../temporal/search-attributes';
import { progressQuery, type TaskProgress } from './progress';
import { ShopLease } from './shop-lease';

export { progressQuery, type TaskProgress } from './progress';

export interface TaskRunContext<I> {
  input: I;
  progress: TaskProgress;
}

export interface TaskOutcome<R> {
  result: R;
  /** Records that ended in error (each carries its own message in the ERP store). */
  recordErrors: number;
}

function triggerOf(input: unknown): Trigger {
  const info = workflowInfo();
  if (info.searchAttributes?.TemporalScheduledById) return 'schedule';
  if (info.cronSchedule) return 'cron';
  const declared = (input as { trigger?: unknown } | null)?.trigger;
  return declared === 'auto' || declared === 'schedule' ? declared : 'manual';
}

/**
 * The life of every task run: validate the input (failing at once, naming each bad field), tag the
 * run for visibility, take the shop's lock, run the body under the lease with its progress exposed,
 * release the lock in a `finally` (also when cancelled), and record how many records ended in error.
 */
export async function runTask<S extends z.ZodType<{ shop: string }>, R>(
  task: string,
  schema: S,
  rawInput: unknown,
  body: (run: TaskRunContext<z.infer<S>>) => Promise<TaskOutcome<R>>,
): Promise<R> {
  const progress: TaskProgress = { task, phase: 'starting', counters: {} };
  setHandler(progressQuery, () => progress);
  const rawShop = (rawInput as { shop?: unknown } | null)?.shop;
  upsertSearchAttributes([
    { key: SyncTask, value: task },
    { key: SyncTrigger, value: triggerOf(rawInput) },
    ...(typeof rawShop === 'string' && rawShop.length > 0 && rawShop.length <= 255 ? [{ key: ShopDomain, value: rawShop }] : []),
  ]);
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) {
    progress.phase = 'failed';
    throw ApplicationFailure.nonRetryable(`Invalid input for ${task}: ${describeInputIssues(parsed.error)}`, 'InvalidTaskInput');
  }
  const input = parsed.data;
  progress.shop = input.shop;
  const lease = new ShopLease(input.shop, task);
  try {
    progress.phase = 'waiting-for-lock';
    await explainFailures(() => lease.acquire((lockId) => (progress.lockId = lockId)));
    progress.phase = 'running';
    const outcome = await lease.hold(() => explainFailures(() => body({ input, progress })));
    upsertSearchAttributes([{ key: SyncRecordErrors, value: outcome.recordErrors }]);
    progress.phase = 'completed';
    return outcome.result;
  } catch (error) {
    progress.phase = 'failed';
    throw error;
  } finally {
    await lease.release();
  }
}

/**
 * When an activity fails for good, fail the run with the activity's own message (for example
 * "Shopify refused the access token ...") rather than a generic "activity task failed".
 */
async function explainFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      throw ApplicationFailure.create({ message: error.cause.message, type: error.cause.type ?? 'ActivityFailed', nonRetryable: true, cause: error });
    }
    throw error;
  }
}
