import { proxyActivities } from '@temporalio/workflow';
import type { CatalogPriceActivities, CatalogPriceCounts } from '../activities/catalog-prices';
import type { CatalogSyncActivities } from '../activities/catalog-sync';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { catalogsToPrice } = proxyActivities<CatalogSyncActivities>(SHORT_ACTIVITY);
const { syncCatalogPricesOf } = proxyActivities<CatalogPriceActivities>(BATCH_ACTIVITY);

export interface SyncCatalogPricesResult extends CatalogPriceCounts {
  /** Catalogs asked for that are not imported, or have syncPrices off. */
  notes: string[];
}

interface CatalogPricesRunState {
  catalogIds: string[];
  next: number;
  totals: SyncCatalogPricesResult;
}

const COUNTS = ['catalogs', 'variants', 'sent', 'unchanged', 'skipped', 'failed', 'requests'] as const;

/**
 * ERP → Shopify (the connector's report 30116): each catalog with syncPrices gets its fixed prices,
 * one activity per catalog. The connector ran all catalogs in one job and hit a 12-hour limit at 150
 * catalogs; here a run hands over to a new one (continue-as-new) before its history gets long, so
 * any number of catalogs finishes, each history small.
 */
export async function syncCatalogPrices(input: unknown): Promise<SyncCatalogPricesResult> {
  return runTask<typeof TASKS.catalogPrices.input, SyncCatalogPricesResult, CatalogPricesRunState>('catalogPrices', TASKS.catalogPrices.input, input, async (run) => {
    const { shop, filters = {} } = run.input;
    let state = run.resumed;
    if (!state) {
      const chosen = await catalogsToPrice({ shop, catalogIds: filters.catalogIds });
      const notes = [
        ...chosen.unknown.map((id) => `catalog ${id} is not imported: run the catalogs task first`),
        ...(filters.catalogIds ? chosen.notSyncing.map((id) => `catalog ${id} has syncPrices off`) : []),
      ];
      if (!chosen.catalogIds.length && !filters.catalogIds) notes.push('no catalog has syncPrices on: shopsync catalogs set --sync-prices on');
      state = { catalogIds: chosen.catalogIds, next: 0, totals: { catalogs: 0, variants: 0, sent: 0, unchanged: 0, skipped: 0, failed: 0, requests: 0, notes } };
    }
    const { totals } = state;
    while (state.next < state.catalogIds.length) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const counts = await syncCatalogPricesOf({ shop, catalogId: state.catalogIds[state.next] as string });
      for (const key of COUNTS) totals[key] += counts[key];
      state.next += 1;
      run.report({ counters: { catalogs: totals.catalogs, sent: totals.sent }, message: `${state.next} of ${state.catalogIds.length} catalogs` });
    }
    return { result: totals, recordErrors: totals.skipped + totals.failed };
  });
}
