import { proxyActivities } from '@temporalio/workflow';
import type { CompanyExportActivities, CompanyExportCounts } from '../activities/company-export';
import type { CompanyImportActivities, CompanyImportCounts, CompanySyncPlan } from '../activities/company-import';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { planCompanySync, advanceCompanyCursor } = proxyActivities<CompanyImportActivities>(SHORT_ACTIVITY);
const { importCompanyPages, pushCompanyChanges } = proxyActivities<CompanyImportActivities & CompanyExportActivities>(BATCH_ACTIVITY);

const STEP_MILLIS = 60_000;

export interface SyncCompaniesResult {
  imported: CompanyImportCounts;
  exported: CompanyExportCounts;
  notes: string[];
}

interface CompaniesRunState {
  plan: CompanySyncPlan;
  after: string | null;
  importDone: boolean;
  exportAfterKey: string | null;
  exportDone: boolean;
  totals: SyncCompaniesResult;
}

const IMPORT_COUNTS = ['fetched', 'created', 'linked', 'updated', 'refreshed', 'unchanged', 'unmapped', 'notKnown', 'requests'] as const;
const EXPORT_COUNTS = ['linked', 'sent', 'unchanged', 'skipped', 'failed', 'requests'] as const;

/**
 * B2B companies both ways (the connector's report 30114): import what changed in Shopify since the
 * cursor (all companies, or only known ones), then send linked companies whose ERP customer changed.
 */
export async function syncCompanies(input: unknown): Promise<SyncCompaniesResult> {
  return runTask<typeof TASKS.companies.input, SyncCompaniesResult, CompaniesRunState>('companies', TASKS.companies.input, input, async (run) => {
    const { shop, options = {} } = run.input;
    const state: CompaniesRunState = run.resumed ?? {
      plan: await planCompanySync({ shop, options }),
      after: null,
      importDone: false,
      exportAfterKey: null,
      exportDone: false,
      totals: {
        imported: { fetched: 0, created: 0, linked: 0, updated: 0, refreshed: 0, unchanged: 0, unmapped: 0, notKnown: 0, requests: 0 },
        exported: { linked: 0, sent: 0, unchanged: 0, skipped: 0, failed: 0, requests: 0 },
        notes: [],
      },
    };
    const { plan, totals } = state;
    totals.notes = plan.notes;
    const importPlan = plan.import;
    while (importPlan && !state.importDone) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step = await importCompanyPages({ shop, query: importPlan.query, onlyKnown: importPlan.onlyKnown, after: state.after, maxMillis: STEP_MILLIS });
      for (const key of IMPORT_COUNTS) totals.imported[key] += step[key];
      state.after = step.after;
      run.report({ counters: { read: totals.imported.fetched, unmapped: totals.imported.unmapped }, message: `${totals.imported.fetched} companies read` });
      if (step.done) {
        if (importPlan.incremental) await advanceCompanyCursor({ shop, cursorKey: importPlan.cursorKey, cursor: importPlan.runStart });
        state.importDone = true;
      }
    }
    while (plan.export && !state.exportDone) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step = await pushCompanyChanges({ shop, afterKey: state.exportAfterKey, maxMillis: STEP_MILLIS });
      for (const key of EXPORT_COUNTS) totals.exported[key] += step[key];
      state.exportAfterKey = step.afterKey;
      state.exportDone = step.done;
      run.report({ counters: { sent: totals.exported.sent, failed: totals.exported.failed } });
    }
    return { result: totals, recordErrors: totals.imported.unmapped + totals.exported.failed };
  });
}
