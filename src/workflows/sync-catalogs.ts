import { proxyActivities } from '@temporalio/workflow';
import type { CatalogImportCounts, CatalogSyncActivities } from '../activities/catalog-sync';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { importCatalogPages } = proxyActivities<CatalogSyncActivities>(BATCH_ACTIVITY);

const STEP_MILLIS = 60_000;
const TYPES = ['companyLocation', 'market'] as const;

interface CatalogsRunState {
  typeIndex: number;
  after: string | null;
  totals: CatalogImportCounts;
}

/** Shopify → ERP (the connector's report 30115): company-location and market catalogs with their price lists' currency. No cursor: every run reads them all. */
export async function syncCatalogs(input: unknown): Promise<CatalogImportCounts> {
  return runTask<typeof TASKS.catalogs.input, CatalogImportCounts, CatalogsRunState>('catalogs', TASKS.catalogs.input, input, async (run) => {
    const { shop, filters = {} } = run.input;
    const types = filters.type ? [filters.type] : TYPES;
    const state = run.resumed ?? { typeIndex: 0, after: null, totals: { fetched: 0, created: 0, updated: 0, requests: 0 } };
    const { totals } = state;
    while (state.typeIndex < types.length) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const type = types[state.typeIndex] as (typeof TYPES)[number];
      const step = await importCatalogPages({ shop, type, after: state.after, maxMillis: STEP_MILLIS });
      for (const key of ['fetched', 'created', 'updated', 'requests'] as const) totals[key] += step[key];
      state.after = step.done ? null : step.after;
      if (step.done) state.typeIndex += 1;
      run.report({ counters: { fetched: totals.fetched, created: totals.created }, message: `${totals.fetched} catalogs read` });
    }
    return { result: totals, recordErrors: 0 };
  });
}
