import { proxyActivities } from '@temporalio/workflow';
import type { AddItemsActivities, AddItemsCounts } from '../activities/add-items';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { addItemsToShopify: addItemsStep } = proxyActivities<AddItemsActivities>(BATCH_ACTIVITY);
const STEP_MILLIS = 60_000;

interface AddItemsState {
  after: string | null;
  totals: AddItemsCounts;
}

/** ERP → Shopify (the connector's report 30106): items become products with their variants and prices, and are linked. */
export async function addItemsToShopify(input: unknown): Promise<AddItemsCounts> {
  return runTask<typeof TASKS.addItems.input, AddItemsCounts, AddItemsState>('addItems', TASKS.addItems.input, input, async (run) => {
    const { shop, filters } = run.input;
    const state = run.resumed ?? { after: null, totals: { created: 0, linkedExisting: 0, alreadyLinked: 0, skipped: 0, requests: 0 } };
    const { totals } = state;
    for (;;) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step = await addItemsStep({ shop, itemNos: filters.itemNos, after: state.after, maxMillis: STEP_MILLIS });
      for (const key of Object.keys(totals) as Array<keyof AddItemsCounts>) totals[key] += step[key];
      state.after = step.after;
      run.report({ counters: { ...totals } });
      if (step.done) break;
    }
    return { result: totals, recordErrors: totals.skipped };
  });
}
