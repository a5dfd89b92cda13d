import { proxyActivities } from '@temporalio/workflow';
import type { AddCompaniesCounts, CompanyExportActivities } from '../activities/company-export';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { addCompaniesToShopify: addCompaniesStep } = proxyActivities<CompanyExportActivities>(BATCH_ACTIVITY);

/** Companies per activity: each takes up to eight requests. */
const BATCH = 20;

interface AddCompaniesState {
  done: number;
  totals: AddCompaniesCounts;
}

/** ERP → Shopify (the connector's report 30113): the named ERP customers become B2B companies with a location and a main contact, and are linked. */
export async function addCompaniesToShopify(input: unknown): Promise<AddCompaniesCounts> {
  return runTask<typeof TASKS.addCompanies.input, AddCompaniesCounts, AddCompaniesState>('addCompanies', TASKS.addCompanies.input, input, async (run) => {
    const { shop, filters } = run.input;
    const state = run.resumed ?? { done: 0, totals: { added: 0, alreadyInShopify: 0, catalogsCreated: 0, skipped: 0, requests: 0 } };
    const { totals } = state;
    while (state.done < filters.customerNos.length) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step = await addCompaniesStep({ shop, customerNos: filters.customerNos.slice(state.done, state.done + BATCH) });
      for (const key of Object.keys(totals) as Array<keyof AddCompaniesCounts>) totals[key] += step[key];
      state.done = Math.min(filters.customerNos.length, state.done + BATCH);
      run.report({ counters: { ...totals } });
    }
    return { result: totals, recordErrors: totals.skipped };
  });
}
