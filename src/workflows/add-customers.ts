import { proxyActivities } from '@temporalio/workflow';
import type { AddCustomersCounts, CustomerExportActivities } from '../activities/customer-export';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { addCustomersToShopify: addCustomersStep } = proxyActivities<CustomerExportActivities>(BATCH_ACTIVITY);

/** Customers per activity: each costs two requests at most, so a batch ends well within its timeout. */
const BATCH = 50;

interface AddCustomersState {
  done: number;
  totals: AddCustomersCounts;
}

/** ERP → Shopify (the connector's report 30112): the named ERP customers become Shopify customers, and are linked. */
export async function addCustomersToShopify(input: unknown): Promise<AddCustomersCounts> {
  return runTask<typeof TASKS.addCustomers.input, AddCustomersCounts, AddCustomersState>('addCustomers', TASKS.addCustomers.input, input, async (run) => {
    const { shop, filters } = run.input;
    const state = run.resumed ?? { done: 0, totals: { added: 0, alreadyInShopify: 0, skipped: 0, requests: 0 } };
    const { totals } = state;
    while (state.done < filters.customerNos.length) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step = await addCustomersStep({ shop, customerNos: filters.customerNos.slice(state.done, state.done + BATCH) });
      for (const key of Object.keys(totals) as Array<keyof AddCustomersCounts>) totals[key] += step[key];
      state.done = Math.min(filters.customerNos.length, state.done + BATCH);
      run.report({ counters: { ...totals } });
    }
    return { result: totals, recordErrors: totals.skipped };
  });
}
