import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import type { OrderFilters } from '../erp/shopify-orders';
import type { TaskRunContext } from './run-task';

const BATCH = 25;

/** Where a walk through the unprocessed orders stands: carried over when the run continues as new. */
export interface ProcessingState {
  afterKey: string | null;
  totals: ProcessCounts;
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
    const keys: string[] = await activities.listUnprocessedOrders({ shop, filters, afterKey: state.afterKey, limit: BATCH });
    if (keys.length === 0) return state.totals;
    const counts = await activities.createSalesDocumentsFor({ shop, keys });
    state.totals.processed += counts.processed;
    state.totals.failed += counts.failed;
    state.totals.skipped += counts.skipped;
    state.afterKey = keys[keys.length - 1] ?? null;
    run.report({ counters: { documents: state.totals.processed, failed: state.totals.failed } });
  }
}
