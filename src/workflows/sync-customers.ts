import { proxyActivities } from '@temporalio/workflow';
import type { CustomerExportActivities, CustomerExportCounts } from '../activities/customer-export';
import type { CustomerImportActivities, CustomerImportCounts, CustomerSyncPlan } from '../activities/customer-import';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { planCustomerSync, advanceCustomerCursor } = proxyActivities<CustomerImportActivities>(SHORT_ACTIVITY);
const { importCustomerPages, pushCustomerChanges } = proxyActivities<CustomerImportActivities & CustomerExportActivities>(BATCH_ACTIVITY);

const STEP_MILLIS = 60_000;

export interface SyncCustomersResult {
  imported: CustomerImportCounts;
  exported: CustomerExportCounts;
  /** Why a direction did nothing. */
  notes: string[];
}

interface CustomersRunState {
  plan: CustomerSyncPlan;
  after: string | null;
  importDone: boolean;
  exportAfterKey: string | null;
  exportDone: boolean;
  totals: SyncCustomersResult;
}

const IMPORT_COUNTS = ['fetched', 'created', 'linked', 'updated', 'refreshed', 'unchanged', 'unmapped', 'notKnown', 'requests'] as const;
const EXPORT_COUNTS = ['linked', 'sent', 'unchanged', 'skipped', 'failed', 'requests'] as const;

/**
 * Customers both ways (the connector's report 30100): import what changed in Shopify since the cursor
 * (all customers, or only known ones, as the shop says), then send the linked ERP customers that
 * changed when the ERP may update Shopify. Only ids and counts pass through the workflow.
 */
export async function syncCustomers(input: unknown): Promise<SyncCustomersResult> {
  return runTask<typeof TASKS.customers.input, SyncCustomersResult, CustomersRunState>('customers', TASKS.customers.input, input, async (run) => {
    const { shop, filters = {}, options = {} } = run.input;
    const state: CustomersRunState = run.resumed ?? {
      plan: await planCustomerSync({ shop, filters, options }),
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
    if (importPlan) {
      while (!state.importDone) {
        if (run.shouldContinueAsNew()) return run.continueAsNew(state);
        const step = await importCustomerPages({ shop, query: importPlan.query, onlyKnown: importPlan.onlyKnown, after: state.after, maxMillis: STEP_MILLIS });
        for (const key of IMPORT_COUNTS) totals.imported[key] += step[key];
        state.after = step.after;
        run.report({ counters: { read: totals.imported.fetched, unmapped: totals.imported.unmapped }, message: `${totals.imported.fetched} customers read` });
        if (step.done) {
          if (importPlan.incremental) await advanceCustomerCursor({ shop, cursorKey: importPlan.cursorKey, cursor: importPlan.runStart });
          state.importDone = true;
        }
      }
    }
    if (plan.export) {
      while (!state.exportDone) {
        if (run.shouldContinueAsNew()) return run.continueAsNew(state);
        const step = await pushCustomerChanges({ shop, afterKey: state.exportAfterKey, maxMillis: STEP_MILLIS });
        for (const key of EXPORT_COUNTS) totals.exported[key] += step[key];
        state.exportAfterKey = step.afterKey;
        state.exportDone = step.done;
        run.report({ counters: { sent: totals.exported.sent, failed: totals.exported.failed }, message: `${totals.exported.linked} linked customers compared` });
      }
    }
    return { result: totals, recordErrors: totals.imported.unmapped + totals.exported.failed };
  });
}
