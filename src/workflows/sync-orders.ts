import { proxyActivities } from '@temporalio/workflow';
import type { OrderImportActivities, OrderImportCounts, OrderImportStepResult } from '../activities/order-import';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { processUnprocessedOrders } from './process-orders';
import { runTask } from './run-task';

const { planOrderImport, advanceOrderCursor } = proxyActivities<OrderImportActivities>(SHORT_ACTIVITY);
const { importOrderPages } = proxyActivities<OrderImportActivities>(BATCH_ACTIVITY);
const processing = proxyActivities<OrderProcessingActivities>(BATCH_ACTIVITY);

/** One activity call imports pages for this long, then hands back the page cursor. */
const STEP_MILLIS = 60_000;

export interface SyncOrdersResult extends OrderImportCounts {
  requests: number;
  documents?: ProcessCounts;
}

/** Shopify → ERP (the connector's report 30104): new and changed orders into the order mirror. */
export async function syncOrders(input: unknown): Promise<SyncOrdersResult> {
  return runTask('orders', TASKS.orders.input, input, async ({ input: { shop, filters = {}, options = {} }, progress }) => {
    const plan = await planOrderImport({ shop, filters, options });
    const totals: SyncOrdersResult = { fetched: 0, created: 0, updated: 0, unchanged: 0, conflicts: 0, skippedClosed: 0, filteredOut: 0, requests: 0 };
    let after: string | null = null;
    let newest: string | null = null;
    for (;;) {
      const step: OrderImportStepResult = await importOrderPages({ shop, query: plan.query, after, includeClosed: !plan.incremental, country: filters.country, maxMillis: STEP_MILLIS });
      for (const key of ['fetched', 'created', 'updated', 'unchanged', 'conflicts', 'skippedClosed', 'filteredOut', 'requests'] as const) totals[key] += step[key];
      if (step.maxUpdatedAt && (!newest || step.maxUpdatedAt > newest)) newest = step.maxUpdatedAt;
      Object.assign(progress.counters, { fetched: totals.fetched, created: totals.created, updated: totals.updated, conflicts: totals.conflicts });
      if (step.done) break;
      after = step.after;
    }
    if (plan.incremental && newest) await advanceOrderCursor({ shop, cursorKey: plan.cursorKey, cursor: newest });
    if (plan.autoCreateOrders) {
      progress.message = 'creating sales documents';
      totals.documents = await processUnprocessedOrders(processing, shop, {}, progress);
    }
    return { result: totals, recordErrors: totals.documents?.failed ?? 0 };
  });
}
