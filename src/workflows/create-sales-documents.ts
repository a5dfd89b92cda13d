import { proxyActivities } from '@temporalio/workflow';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { processUnprocessedOrders, startProcessing, type ProcessingState } from './process-orders';
import { runTask } from './run-task';

const { listUnprocessedOrders } = proxyActivities<OrderProcessingActivities>(SHORT_ACTIVITY);
const { createSalesDocumentsFor } = proxyActivities<OrderProcessingActivities>(BATCH_ACTIVITY);

/** ERP (the connector's report 30103): every unprocessed order becomes a sales order or invoice; failures are retried. */
export async function createSalesDocuments(input: unknown): Promise<ProcessCounts> {
  return runTask<typeof TASKS.salesDocuments.input, ProcessCounts, ProcessingState>('salesDocuments', TASKS.salesDocuments.input, input, async (run) => {
    const { shop, filters = {} } = run.input;
    const state = run.resumed ?? startProcessing();
    const counts = await processUnprocessedOrders({ listUnprocessedOrders, createSalesDocumentsFor }, run, shop, filters, state);
    if (counts === 'continue') return run.continueAsNew(state);
    return { result: counts, recordErrors: counts.failed };
  });
}
