import { proxyActivities } from '@temporalio/workflow';
import type { CustomerExportActivities, CustomerExportCounts } from '../activities/customer-export';
import type { CustomerImportActivities, CustomerImportCounts } from '../activities/customer-import';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';
import { freshTwoWayState, importThenExport, type TwoWayState } from './two-way-sync';

const { planCustomerSync, advanceCustomerCursor } = proxyActivities<CustomerImportActivities>(SHORT_ACTIVITY);
const { importCustomerPages, pushCustomerChanges } = proxyActivities<CustomerImportActivities & CustomerExportActivities>(BATCH_ACTIVITY);

export interface SyncCustomersResult {
  imported: CustomerImportCounts;
  exported: CustomerExportCounts;
  /** Why a direction did nothing. */
  notes: string[];
}

type CustomersRunState = TwoWayState<CustomerImportCounts, CustomerExportCounts>;

/**
 * Customers both ways (the connector's report 30100): import what changed in Shopify since the cursor
 * (all customers, or only known ones, as the shop says), then send the linked ERP customers that
 * changed when the ERP may update Shopify. Only ids and counts pass through the workflow.
 */
export async function syncCustomers(input: unknown): Promise<SyncCustomersResult> {
  return runTask<typeof TASKS.customers.input, SyncCustomersResult, CustomersRunState>('customers', TASKS.customers.input, input, async (run) => {
    const { shop, filters = {}, options = {} } = run.input;
    const state =
      run.resumed ??
      freshTwoWayState(
        await planCustomerSync({ shop, filters, options }),
        { fetched: 0, created: 0, linked: 0, updated: 0, refreshed: 0, unchanged: 0, unmapped: 0, notKnown: 0, requests: 0 },
        { linked: 0, sent: 0, unchanged: 0, skipped: 0, failed: 0, requests: 0 },
      );
    const outcome = await importThenExport(run, state, { noun: 'customers', importPages: importCustomerPages, advanceCursor: advanceCustomerCursor, pushChanges: pushCustomerChanges });
    if (outcome === 'continue') return run.continueAsNew(state);
    return { result: state.totals, recordErrors: state.totals.imported.unmapped + state.totals.exported.failed };
  });
}
