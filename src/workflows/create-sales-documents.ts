import { proxyActivities } from '@temporalio/workflow';
import type { CreditMemoActivities, CreditMemoCounts } from '../activities/credit-memos';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { processOpenRefunds, processUnprocessedOrders, startProcessing, type ProcessingState } from './process-orders';
import { runTask } from './run-task';

const { listUnprocessedOrders } = proxyActivities<OrderProcessingActivities>(SHORT_ACTIVITY);
const { createSalesDocumentsFor } = proxyActivities<OrderProcessingActivities>(BATCH_ACTIVITY);
const { listOpenRefunds } = proxyActivities<CreditMemoActivities>(SHORT_ACTIVITY);
const { createCreditMemosFor } = proxyActivities<CreditMemoActivities>(BATCH_ACTIVITY);

export interface SalesDocumentsResult extends ProcessCounts {
  creditMemos?: CreditMemoCounts;
}

/**
 * ERP (the connector's report 30103): every unprocessed order becomes a sales order or invoice, then
 * every open refund a credit memo when the shop says so; failures are retried.
 */
export async function createSalesDocuments(input: unknown): Promise<SalesDocumentsResult> {
  return runTask<typeof TASKS.salesDocuments.input, SalesDocumentsResult, ProcessingState>('salesDocuments', TASKS.salesDocuments.input, input, async (run) => {
    const { shop, filters = {} } = run.input;
    const state = run.resumed ?? startProcessing();
    const counts = await processUnprocessedOrders({ listUnprocessedOrders, createSalesDocumentsFor }, run, shop, filters, state);
    if (counts === 'continue') return run.continueAsNew(state);
    const creditMemos = await processOpenRefunds({ listOpenRefunds, createCreditMemosFor }, run, shop, state);
    if (creditMemos === 'continue') return run.continueAsNew(state);
    const result: SalesDocumentsResult = creditMemos ? { ...counts, creditMemos } : counts;
    return { result, recordErrors: counts.failed + (creditMemos?.failed ?? 0) };
  });
}
