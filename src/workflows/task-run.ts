import { ActivityFailure, ApplicationFailure, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { z } from 'zod';
import { describeInputIssues, type Trigger } from '../domain/task-input';
import { ShopDomain, SyncRecordErrors, SyncTask, SyncTrigger } from '../temporal/search-attributes';

function triggerOf(input: unknown): Trigger {
  const info = workflowInfo();
  if (info.searchAttributes?.TemporalScheduledById) return 'schedule';
  if (info.cronSchedule) return 'cron';
  const declared = (input as { trigger?: unknown } | null)?.trigger;
  return declared === 'auto' ? 'auto' : 'manual';
}

/**
 * Opens a task run: tags it for visibility (shop, task, trigger) and validates its input, failing the
 * run at once, with a message that names each bad field, when the input is invalid.
 */
export function beginTaskRun<S extends z.ZodType>(task: string, schema: S, input: unknown): z.infer<S> {
  const rawShop = (input as { shop?: unknown } | null)?.shop;
  upsertSearchAttributes([
    { key: SyncTask, value: task },
    { key: SyncTrigger, value: triggerOf(input) },
    ...(typeof rawShop === 'string' && rawShop.length > 0 && rawShop.length <= 255 ? [{ key: ShopDomain, value: rawShop }] : []),
  ]);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(`Invalid input for ${task}: ${describeInputIssues(parsed.error)}`, 'InvalidTaskInput');
  }
  return parsed.data;
}

/** Records how many records ended in error, so `SyncRecordErrors > 0` finds runs that need a look. */
export function recordRecordErrors(count: number): void {
  upsertSearchAttributes([{ key: SyncRecordErrors, value: count }]);
}

/**
 * Runs an activity call and, when it fails for good, fails the run with the activity's own message
 * (for example "Shopify refused the access token ...") instead of a generic "activity failed".
 */
export async function explainFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      throw ApplicationFailure.create({ message: error.cause.message, type: error.cause.type ?? 'ActivityFailed', nonRetryable: true, cause: error });
    }
    throw error;
  }
}
