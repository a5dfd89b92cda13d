import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { z } from 'zod';
import { describeInputIssues, type Continued, type Trigger } from '../domain/task-input';
import { ShopDomain, SyncRecordErrors, SyncTask, SyncTrigger } from '../temporal/search-attributes';
import { describeHolder } from '../domain/shop-lock';
import { describeProgress, progressQuery, type TaskProgress } from './progress';
import { ShopLease } from './shop-lease';

export { progressQuery, type TaskProgress } from './progress';

export interface ProgressUpdate {
  counters?: Record<string, number>;
  message?: string;
}

export interface TaskRunContext<I, St> {
  input: I;
  progress: Readonly<TaskProgress>;
  /** Where the run this one continues stopped (continue-as-new); undefined on a first run. */
  resumed: St | undefined;
  /** Updates the progress the `progress` query and the Web UI's current details show. */
  report(update: ProgressUpdate): void;
  /** True when the history is long enough that the body should hand its state to a new run. */
  shouldContinueAsNew(): boolean;
  /** The body's answer when `shouldContinueAsNew()`: the run continues as new, keeping its lease. */
  continueAsNew(state: St): TaskContinuation<St>;
}

export interface TaskOutcome<R> {
  result: R;
  /** Records that ended in error (each carries its own message in the ERP store). */
  recordErrors: number;
}

export interface TaskContinuation<St> {
  continueWith: St;
}

/** A run hands over well before its history gets long, even if the server suggests it later than this. */
const HISTORY_EVENTS_LIMIT = 5_000;

function triggerOf(input: unknown): Trigger {
  const info = workflowInfo();
  if (info.searchAttributes?.TemporalScheduledById) return 'schedule';
  if (info.cronSchedule) return 'cron';
  const declared = (input as { trigger?: unknown } | null)?.trigger;
  return declared === 'auto' || declared === 'schedule' || declared === 'webhook' ? declared : 'manual';
}

/**
 * The life of every task run: validate the input (failing at once, naming each bad field), tag the
 * run for visibility, take the shop's lock, run the body under the lease with its progress exposed,
 * release the lock in a `finally` (also when cancelled), and record how many records ended in error.
 * A body that works through a long backlog hands its state over with `continueAsNew`; the next run
 * keeps the lease and the history of each run stays short.
 */
export async function runTask<S extends z.ZodType<{ shop: string; continued?: Continued }>, R, St = never>(
  task: string,
  schema: S,
  rawInput: unknown,
  body: (run: TaskRunContext<z.infer<S>, St>) => Promise<TaskOutcome<R> | TaskContinuation<St>>,
): Promise<R> {
  const progress: TaskProgress = { task, phase: 'starting', counters: {} };
  const show = (): void => setCurrentDetails(describeProgress(progress));
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
  const { continued } = input;
  progress.shop = input.shop;
  progress.continuations = continued?.continuations;
  const lease = new ShopLease(input.shop, task, continued ? { lockId: continued.lockId, token: continued.token } : undefined);
  const run: TaskRunContext<z.infer<S>, St> = {
    input,
    progress,
    resumed: continued?.state as St | undefined,
    report(update) {
      Object.assign(progress.counters, update.counters);
      if (update.message !== undefined) progress.message = update.message;
      show();
    },
    shouldContinueAsNew: () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= HISTORY_EVENTS_LIMIT,
    continueAsNew: (state) => ({ continueWith: state }),
  };
  let continuation: TaskContinuation<St> | undefined;
  try {
    progress.phase = 'waiting-for-lock';
    show();
    const fence = await explainFailures(() =>
      lease.acquire((wait) => {
        progress.lockId = wait.lockId;
        progress.waitingBehind = wait.holder ? describeHolder(wait.holder) : undefined;
        progress.placeInLine = wait.placeInLine;
        show();
      }),
    );
    Object.assign(progress, { phase: 'running', lockId: fence.lockId, lockToken: fence.token, waitingBehind: undefined, placeInLine: undefined });
    show();
    const outcome = await lease.hold(() => explainFailures(() => (continued ? resumed(task, () => body(run)) : body(run))));
    if ('continueWith' in outcome) {
      continuation = outcome;
    } else {
      upsertSearchAttributes([{ key: SyncRecordErrors, value: outcome.recordErrors }]);
      progress.phase = 'completed';
      show();
      return outcome.result;
    }
  } catch (error) {
    progress.phase = 'failed';
    show();
    throw error;
  } finally {
    if (!continuation) await lease.release();
  }
  const fence = lease.fence;
  if (!fence) throw ApplicationFailure.nonRetryable(`${task} cannot continue as new without its lease`, 'ShopLockLost');
  await condition(allHandlersFinished);
  return continueAsNew<(input: unknown) => Promise<R>>({
    ...input,
    continued: { lockId: fence.lockId, token: fence.token, continuations: (continued?.continuations ?? 0) + 1, state: continuation.continueWith },
  });
}

/**
 * A run continued as new trusts the state its input hands over. A state that is not the task's (an input
 * written by hand, or damaged) makes the body throw a TypeError, which Temporal would retry as a
 * workflow task for ever while the run holds the shop's lock: the run fails instead, saying so.
 */
async function resumed<T>(task: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TypeError) {
      throw ApplicationFailure.create({ message: `cannot resume ${task} from the state the run before it handed over (continued.state): ${error.message}`, type: 'InvalidTaskInput', nonRetryable: true });
    }
    throw error;
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
