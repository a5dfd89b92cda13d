import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ApplicationFailure, condition, continueAsNew, executeChild, ParentClosePolicy, setHandler, sleep } from '@temporalio/workflow';
import { z } from 'zod';
import { ShopDomainSchema } from '../domain/shop-domain';
import { describeInputIssues } from '../domain/task-input';
import { runMetadata, TASKS } from '../domain/tasks';
import { debounceStateQuery, ordersChangedSignal, webhookRunId, type DebounceState } from '../temporal/webhook-messages';

/** A burst settles when no webhook came for this long… */
const QUIET_MILLIS = 1_000;
/** …but no webhook waits longer than this for its import to start (a steady stream, or webhooks during an import). */
const MAX_DELAY_MILLIS = 5_000;
/** With nothing to do for this long the workflow ends; the next webhook starts it again. */
const IDLE_MILLIS = 10 * 60_000;
/**
 * The re-read window of a webhook's import: short, as it runs every few seconds under a stream of
 * webhooks (the scheduled import keeps the default 5 minutes, for whatever the search index was late on).
 */
const WEBHOOK_OVERLAP_SECONDS = 5;
/** Runs per history before it continues as new (each run adds a handful of events). */
const RUNS_PER_HISTORY = 100;

const DebounceInputSchema = z.object({ shop: ShopDomainSchema, pending: z.number().int().min(0).optional(), runs: z.number().int().min(0).optional() }).strict();

/**
 * Order webhooks of one shop (orders/create, orders/updated, orders/cancelled, refunds/create) turned
 * into order imports: the webhook is a trigger, the import reads the orders. A burst gives one import
 * once it settles; webhooks during an import give one more after it; none is lost, because each
 * signal counts as pending until an import that started after it ends.
 */
export async function debounceOrderSyncs(rawInput: unknown): Promise<DebounceState> {
  const parsed = DebounceInputSchema.safeParse(rawInput);
  if (!parsed.success) throw ApplicationFailure.nonRetryable(`Invalid input for debounceOrderSyncs: ${describeInputIssues(parsed.error)}`, 'InvalidTaskInput');
  const input = parsed.data;
  const state: DebounceState = { pending: input.pending ?? 0, runs: input.runs ?? 0, running: false };
  let lastSignalAt = Date.now();
  let firstPendingAt = Date.now();
  setHandler(ordersChangedSignal, () => {
    if (state.pending === 0) firstPendingAt = Date.now();
    state.pending += 1;
    lastSignalAt = Date.now();
  });
  setHandler(debounceStateQuery, () => state);
  for (let runsHere = 0; runsHere < RUNS_PER_HISTORY; runsHere += 1) {
    if (!(await condition(() => state.pending > 0, IDLE_MILLIS))) return state;
    // Webhooks that came during the last import have waited already: they count from their first one.
    while (Date.now() - lastSignalAt < QUIET_MILLIS && Date.now() - firstPendingAt < MAX_DELAY_MILLIS) {
      await sleep(Math.min(QUIET_MILLIS - (Date.now() - lastSignalAt), MAX_DELAY_MILLIS - (Date.now() - firstPendingAt)));
    }
    state.pending = 0;
    state.running = true;
    try {
      await executeChild(TASKS.orders.workflowType, {
        workflowId: webhookRunId(input.shop),
        args: [{ shop: input.shop, options: { overlapSeconds: WEBHOOK_OVERLAP_SECONDS }, trigger: 'webhook' }],
        workflowExecutionTimeout: TASKS.orders.runTimeout,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        ...runMetadata(input.shop, 'orders', 'webhook', undefined, { overlapSeconds: WEBHOOK_OVERLAP_SECONDS }),
      });
    } catch (error) {
      // An import still going from before this workflow (ended, restarted) may have started before these
      // webhooks: they stay pending for the next try. A failed import shows in visibility as a failed run.
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        state.pending += 1;
        await sleep(QUIET_MILLIS);
      }
    } finally {
      state.running = false;
      state.runs += 1;
    }
  }
  return continueAsNew<typeof debounceOrderSyncs>({ shop: input.shop, pending: state.pending, runs: state.runs });
}

