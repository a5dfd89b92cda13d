import { proxyActivities } from '@temporalio/workflow';
import type { CreditMemoActivities, CreditMemoCounts } from '../activities/credit-memos';
import type { OrderImportActivities, OrderImportCounts, OrderImportStepResult } from '../activities/order-import';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import { nextCursor } from '../domain/incremental-window';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { processOpenRefunds, processUnprocessedOrders, startProcessing, type ProcessingState } from './process-orders';
import { runTask } from './run-task';

const { planOrderImport, advanceOrderCursor } = proxyActivities<OrderImportActivities>(SHORT_ACTIVITY);
const { importOrderPages } = proxyActivities<OrderImportActivities>(BATCH_ACTIVITY);
const { listUnprocessedOrders } = proxyActivities<OrderProcessingActivities>(SHORT_ACTIVITY);
const { createSalesDocumentsFor } = proxyActivities<OrderProcessingActivities>(BATCH_ACTIVITY);
const { listOpenRefunds } = proxyActivities<CreditMemoActivities>(SHORT_ACTIVITY);
const { createCreditMemosFor } = proxyActivities<CreditMemoActivities>(BATCH_ACTIVITY);

/** One activity call imports pages for this long, then hands back the page cursor. */
const STEP_MILLIS = 60_000;

export interface SyncOrdersResult extends OrderImportCounts {
  requests: number;
  documents?: ProcessCounts;
  creditMemos?: CreditMemoCounts;
}

type OrderImportPlan = Awaited<ReturnType<OrderImportActivities['planOrderImport']>>;

/** Where a run stands; a run that continues as new hands it to the next. */
interface OrdersRunState {
  plan: OrderImportPlan;
  /** Shopify's page cursor, and whether the last page was read. */
  after: string | null;
  imported: boolean;
  /** The newest updatedAt seen: the next cursor, moved once every page is stored. */
  newest: string | null;
  cursorMoved: boolean;
  pages: number;
  totals: SyncOrdersResult;
  documents?: ProcessingState;
}

const COUNTS = ['fetched', 'created', 'updated', 'unchanged', 'conflicts', 'skippedClosed', 'filteredOut', 'requests'] as const;

/** Shopify → ERP (the connector's report 30104): new and changed orders into the order mirror. */
export async function syncOrders(input: unknown): Promise<SyncOrdersResult> {
  return runTask<typeof TASKS.orders.input, SyncOrdersResult, OrdersRunState>('orders', TASKS.orders.input, input, async (run) => {
    const { shop, filters = {}, options = {} } = run.input;
    const state: OrdersRunState = run.resumed ?? {
      plan: await planOrderImport({ shop, filters, options }),
      after: null,
      imported: false,
      newest: null,
      cursorMoved: false,
      pages: 0,
      totals: { fetched: 0, created: 0, updated: 0, unchanged: 0, conflicts: 0, skippedClosed: 0, filteredOut: 0, requests: 0 },
    };
    const { plan, totals } = state;
    while (!state.imported) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step: OrderImportStepResult = await importOrderPages({ shop, query: plan.query, after: state.after, includeClosed: !plan.incremental, country: filters.country, maxMillis: STEP_MILLIS });
      for (const key of COUNTS) totals[key] += step[key];
      if (step.refunds !== undefined) totals.refunds = (totals.refunds ?? 0) + step.refunds;
      if (step.maxUpdatedAt && (!state.newest || step.maxUpdatedAt > state.newest)) state.newest = step.maxUpdatedAt;
      state.after = step.after;
      state.imported = step.done;
      state.pages += step.pages;
      run.report({
        counters: { fetched: totals.fetched, created: totals.created, updated: totals.updated, conflicts: totals.conflicts },
        message: `page ${state.pages}, ${totals.fetched} orders imported`,
      });
    }
    if (plan.incremental && state.newest && !state.cursorMoved) {
      // Never past the run's start (a run planned before runStart existed keeps the newest it saw).
      await advanceOrderCursor({ shop, cursorKey: plan.cursorKey, cursor: plan.runStart ? nextCursor(state.newest, plan.runStart) : state.newest });
      state.cursorMoved = true;
    }
    if (plan.autoCreateOrders) {
      run.report({ message: 'creating sales documents' });
      state.documents ??= startProcessing();
      const documents = await processUnprocessedOrders({ listUnprocessedOrders, createSalesDocumentsFor }, run, shop, {}, state.documents);
      if (documents === 'continue') return run.continueAsNew(state);
      totals.documents = documents;
      const creditMemos = await processOpenRefunds({ listOpenRefunds, createCreditMemosFor }, run, shop, state.documents);
      if (creditMemos === 'continue') return run.continueAsNew(state);
      if (creditMemos) totals.creditMemos = creditMemos;
    }
    return { result: totals, recordErrors: (totals.documents?.failed ?? 0) + (totals.creditMemos?.failed ?? 0) };
  });
}
