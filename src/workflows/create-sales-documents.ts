import { proxyActivities } from '@temporalio/workflow';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { processUnprocessedOrders } from './process-orders';
import { runTask } from './run-task';

const processing = proxyActivities<OrderProcessingActivities>(BATCH_ACTIVITY);

/** ERP (the connector's report 30103): every unprocessed order becomes a sales order or invoice; failures are retried. */
export async function createSalesDocuments(input: unknown): Promise<ProcessCounts> {
  return runTask('salesDocuments', TASKS.salesDocuments.input, input, async ({ input: { shop, filters = {} }, progress }) => {
    const counts = await processUnprocessedOrders(processing, shop, filters, progress);
    return { result: counts, recordErrors: counts.failed };
  });
}
