import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import type { OrderFilters } from '../erp/shopify-orders';
import type { TaskProgress } from './progress';

const BATCH = 25;

/** Walks the unprocessed orders in batches; each batch is one activity that records per-order errors. */
export async function processUnprocessedOrders(
  activities: Pick<OrderProcessingActivities, 'listUnprocessedOrders' | 'createSalesDocumentsFor'>,
  shop: string,
  filters: OrderFilters,
  progress: TaskProgress,
): Promise<ProcessCounts> {
  const totals: ProcessCounts = { processed: 0, failed: 0, skipped: 0 };
  let afterKey: string | null = null;
  for (;;) {
    const keys: string[] = await activities.listUnprocessedOrders({ shop, filters, afterKey, limit: BATCH });
    if (keys.length === 0) return totals;
    const counts = await activities.createSalesDocumentsFor({ shop, keys });
    totals.processed += counts.processed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    Object.assign(progress.counters, { documents: totals.processed, failed: totals.failed });
    afterKey = keys[keys.length - 1] ?? null;
  }
}
