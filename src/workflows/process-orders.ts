import { patched } from '@temporalio/workflow';
import type { CreditMemoActivities, CreditMemoCounts } from '../activities/credit-memos';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import type { OrderFilters } from '../erp/shopify-orders';
import { BATCH, inBatches, LIST_AHEAD } from './batches';
import type { TaskRunContext } from './run-task';

/** Where a walk through the unprocessed orders stands: carried over when the run continues as new. */
export interface ProcessingState {
  afterKey: string | null;
  totals: ProcessCounts;
  /** The walk through open refunds that follows (runs from before credit memos have none). */
  refunds?: { afterKey: string | null; totals: CreditMemoCounts };
}

export function startProcessing(): ProcessingState {
  return { afterKey: null, totals: { processed: 0, failed: 0, skipped: 0 } };
}

/**
 * Walks the unprocessed orders in batches; each batch is one activity that records per-order errors.
 * Answers 'continue' when the run should hand over to a new one (the state says where it stopped).
 */
export async function processUnprocessedOrders(
  activities: Pick<OrderProcessingActivities, 'listUnprocessedOrders' | 'createSalesDocumentsFor'>,
  run: Pick<TaskRunContext<unknown, unknown>, 'report' | 'shouldContinueAsNew'>,
  shop: string,
  filters: OrderFilters,
  state: ProcessingState,
): Promise<ProcessCounts | 'continue'> {
  for (;;) {
    if (run.shouldContinueAsNew()) return 'continue';
    const listed: string[] = await activities.listUnprocessedOrders({ shop, filters, afterKey: state.afterKey, limit: LIST_AHEAD });
    if (listed.length === 0) return state.totals;
    for (const keys of inBatches(listed)) {
      const counts = await activities.createSalesDocumentsFor({ shop, keys });
      state.totals.processed += counts.processed;
      state.totals.failed += counts.failed;
      state.totals.skipped += counts.skipped;
      state.afterKey = keys[keys.length - 1] ?? null;
      run.report({ counters: { documents: state.totals.processed, failed: state.totals.failed } });
    }
  }
}

/**
 * Walks the open refunds after the orders (their documents come first): each batch is one activity
 * that makes credit memos and records why a refund waits or fails. The list is empty unless the shop
 * makes credit memos. Histories from before credit memos carry no marker and skip it on replay.
 */
export async function processOpenRefunds(
  activities: Pick<CreditMemoActivities, 'listOpenRefunds' | 'createCreditMemosFor'>,
  run: Pick<TaskRunContext<unknown, unknown>, 'report' | 'shouldContinueAsNew'>,
  shop: string,
  state: ProcessingState,
): Promise<CreditMemoCounts | undefined | 'continue'> {
  // undefined: no open refund (or a run replayed from before credit memos).
  if (!state.refunds && !patched('credit-memos')) return undefined;
  const walk = (state.refunds ??= { afterKey: null, totals: { credited: 0, settled: 0, waiting: 0, failed: 0 } });
  for (;;) {
    if (run.shouldContinueAsNew()) return 'continue';
    const keys: string[] = await activities.listOpenRefunds({ shop, afterKey: walk.afterKey, limit: BATCH });
    if (keys.length === 0) return walk.afterKey === null ? undefined : walk.totals; // no refund to settle: nothing to report
    const counts = await activities.createCreditMemosFor({ shop, keys });
    for (const key of ['credited', 'settled', 'waiting', 'failed'] as const) walk.totals[key] += counts[key];
    walk.afterKey = keys[keys.length - 1] ?? null;
    run.report({ counters: { creditMemos: walk.totals.credited, refundsWaiting: walk.totals.waiting, refundsFailed: walk.totals.failed } });
  }
}
