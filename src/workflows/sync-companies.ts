import { proxyActivities } from '@temporalio/workflow';
import type { CompanyExportActivities, CompanyExportCounts } from '../activities/company-export';
import type { CompanyImportActivities, CompanyImportCounts } from '../activities/company-import';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';
import { freshTwoWayState, importThenExport, type TwoWayState } from './two-way-sync';

const { planCompanySync, advanceCompanyCursor } = proxyActivities<CompanyImportActivities>(SHORT_ACTIVITY);
const { importCompanyPages, pushCompanyChanges } = proxyActivities<CompanyImportActivities & CompanyExportActivities>(BATCH_ACTIVITY);

export interface SyncCompaniesResult {
  imported: CompanyImportCounts;
  exported: CompanyExportCounts;
  notes: string[];
}

type CompaniesRunState = TwoWayState<CompanyImportCounts, CompanyExportCounts>;

/**
 * B2B companies both ways (the connector's report 30114): import what changed in Shopify since the
 * cursor (all companies, or only known ones), then send linked companies whose ERP customer changed.
 */
export async function syncCompanies(input: unknown): Promise<SyncCompaniesResult> {
  return runTask<typeof TASKS.companies.input, SyncCompaniesResult, CompaniesRunState>('companies', TASKS.companies.input, input, async (run) => {
    const { shop, options = {} } = run.input;
    const state =
      run.resumed ??
      freshTwoWayState(
        await planCompanySync({ shop, options }),
        { fetched: 0, created: 0, linked: 0, updated: 0, refreshed: 0, unchanged: 0, unmapped: 0, notKnown: 0, requests: 0 },
        { linked: 0, sent: 0, unchanged: 0, skipped: 0, failed: 0, requests: 0 },
      );
    const outcome = await importThenExport(run, state, { noun: 'companies', importPages: importCompanyPages, advanceCursor: advanceCompanyCursor, pushChanges: pushCompanyChanges });
    if (outcome === 'continue') return run.continueAsNew(state);
    return { result: state.totals, recordErrors: state.totals.imported.unmapped + state.totals.exported.failed };
  });
}
