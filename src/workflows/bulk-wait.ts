import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BulkOperationActivities, BulkState } from '../activities/bulk-operations';
import { SHORT_ACTIVITY } from './activity-options';

const { bulkOperationState } = proxyActivities<BulkOperationActivities>(SHORT_ACTIVITY);

/** A webhook receiver (bulk_operations/finish) may wake a run waiting for its bulk operation; polling finds the end anyway. */
export const bulkOperationFinishedSignal = defineSignal<[{ operationId: string }]>('bulkOperationFinished');

const FIRST_POLL_MILLIS = 1_000;
const MAX_POLL_MILLIS = 30_000;
const FINISHED = ['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED'];

interface WaitingRun {
  shouldContinueAsNew(): boolean;
  report(update: { message: string }): void;
}

/**
 * Waits durably for a Shopify bulk operation: a poll of `bulkOperation(id)`, then a Temporal timer
 * (1 s doubling to 30 s) that the `bulkOperationFinished` signal cuts short. Returns its final
 * state, or 'continue' when the run should continue as new first (it waits again from there).
 */
export async function waitForBulkOperation(run: WaitingRun, shop: string, operationId: string, what: string): Promise<BulkState | 'continue'> {
  let woken = false;
  setHandler(bulkOperationFinishedSignal, (finished) => {
    if (finished.operationId === operationId) woken = true;
  });
  let delay = FIRST_POLL_MILLIS;
  for (;;) {
    const current = await bulkOperationState({ shop, operationId });
    run.report({ message: `bulk operation ${operationId} (${what}): ${current.status}, ${current.objectCount} objects` });
    if (FINISHED.includes(current.status)) return current;
    if (run.shouldContinueAsNew()) return 'continue';
    await condition(() => woken, delay);
    delay = Math.min(delay * 2, MAX_POLL_MILLIS);
  }
}
