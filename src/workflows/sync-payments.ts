import { proxyActivities } from '@temporalio/workflow';
import type { PaymentActivities, PaymentCounts } from '../activities/payments';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const payments = proxyActivities<PaymentActivities>(BATCH_ACTIVITY);

/** Shopify → ERP (the connector's report 30105): payouts and balance transactions, by highest id per shop. */
export async function syncPayments(input: unknown): Promise<PaymentCounts> {
  return runTask('payments', TASKS.payments.input, input, async (run) => {
    const counts = await payments.importPayments({ shop: run.input.shop });
    run.report({ counters: { ...counts } });
    return { result: counts, recordErrors: 0 };
  });
}
