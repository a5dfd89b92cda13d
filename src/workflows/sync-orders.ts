import { ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { CreditMemoActivities, CreditMemoCounts } from '../activities/credit-memos';
import type { OrderBulkImportActivities } from '../activities/order-bulk-import';
import type { OrderImportActivities, OrderImportCounts, OrderImportStepResult } from '../activities/order-import';
import type { OrderProcessingActivities, ProcessCounts } from '../activities/order-processing';
import { nextCursor } from '../domain/incremental-window';
import { planOrderQuery, type OrderImportFilters, type OrderImportOptions } from '../domain/order-filters';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { waitForBulkOperation } from './bulk-wait';
import { processOpenRefunds, processUnprocessedOrders, startProcessing, type ProcessingState } from './process-orders';
import { runTask } from './run-task';

const { planOrderImport, advanceOrderCursor } = proxyActivities<OrderImportActivities>(SHORT_ACTIVITY);
const { importOrderPages } = proxyActivities<OrderImportActivities>(BATCH_ACTIVITY);
const { listUnprocessedOrders } = proxyActivities<OrderProcessingActivities>(SHORT_ACTIVITY);
const { createSalesDocumentsFor } = proxyActivities<OrderProcessingActivities>(BATCH_ACTIVITY);
const { listOpenRefunds } = proxyActivities<CreditMemoActivities>(SHORT_ACTIVITY);
const { createCreditMemosFor } = proxyActivities<CreditMemoActivities>(BATCH_ACTIVITY);
const { startOrderBulkQuery } = proxyActivities<OrderBulkImportActivities>(SHORT_ACTIVITY);
const { ingestOrderBulkResult } = proxyActivities<OrderBulkImportActivities>(BATCH_ACTIVITY);

/** Runs planned before it (and their histories) import page by page only. */
const BULK_LOAD_PATCH = 'orders-bulk-load';

/** One activity call imports pages for this long, then hands back the page cursor. */
const STEP_MILLIS = 60_000;

export interface SyncOrdersResult extends OrderImportCounts {
  requests: number;
  documents?: ProcessCounts;
  creditMemos?: CreditMemoCounts;
  /** The bulk load, when the run read its orders through a bulk query first. */
  bulk?: { operationId: string; fetched: number; ingestMillis: number };
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
  bulk?: BulkLoadState;
  /** The paged pass's query after a bulk load moved the cursor (else the plan's). */
  pagedQuery?: string;
}

/** Where a bulk load stands: started, finished, how far its result file is stored. */
interface BulkLoadState {
  operationId: string | null;
  /** The result file (null when the query found no order), once the operation completed. */
  url: string | null;
  finished: boolean;
  line: number;
  ingested: boolean;
  done: boolean;
  fetched: number;
  ingestMillis: number;
}

interface OrdersRun {
  shouldContinueAsNew(): boolean;
  report(update: { counters?: Record<string, number>; message: string }): void;
}

const COUNTS = ['fetched', 'created', 'updated', 'unchanged', 'conflicts', 'skippedClosed', 'filteredOut', 'requests'] as const;

/** Adds what an import step (pages or bulk file) stored to the run's totals, and the newest order it saw. */
function addStep(state: OrdersRunState, step: OrderImportCounts & { requests: number; maxUpdatedAt: string | null }): void {
  for (const key of COUNTS) state.totals[key] += step[key];
  if (step.refunds !== undefined) state.totals.refunds = (state.totals.refunds ?? 0) + step.refunds;
  if (step.maxUpdatedAt && (!state.newest || step.maxUpdatedAt > state.newest)) state.newest = step.maxUpdatedAt;
}

/** Shopify → ERP (the connector's report 30104): new and changed orders into the order mirror. */
export async function syncOrders(input: unknown): Promise<SyncOrdersResult> {
  return runTask<typeof TASKS.orders.input, SyncOrdersResult, OrdersRunState>('orders', TASKS.orders.input, input, async (run) => {
    const { shop, filters = {}, options = {} } = run.input;
    let state = run.resumed;
    if (!state) {
      const plan = await planOrderImport({ shop, filters, options });
      state = {
        plan,
        after: null,
        imported: false,
        newest: null,
        cursorMoved: false,
        pages: 0,
        totals: { fetched: 0, created: 0, updated: 0, unchanged: 0, conflicts: 0, skippedClosed: 0, filteredOut: 0, requests: 0 },
        ...(plan.bulk && patched(BULK_LOAD_PATCH)
          ? { bulk: { operationId: null, url: null, finished: false, line: 0, ingested: false, done: false, fetched: 0, ingestMillis: 0 } }
          : {}),
      };
    }
    if (state.bulk && !state.bulk.done) {
      if ((await bulkLoad(run, { shop, filters, options }, state, state.bulk)) === 'continue') return run.continueAsNew(state);
    }
    const { plan, totals } = state;
    while (!state.imported) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step: OrderImportStepResult = await importOrderPages({ shop, query: state.pagedQuery ?? plan.query, after: state.after, includeClosed: !plan.incremental, country: filters.country, maxMillis: STEP_MILLIS });
      addStep(state, step);
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

/**
 * The first import of a shop (or one with `options.bulk`): one bulk query reads the orders the plan's
 * query finds, its result file is stored in steps, then the cursor moves to the newest order stored
 * and the usual paged pass reads what changed since (a date-range import has nothing left to read).
 */
async function bulkLoad(run: OrdersRun, input: { shop: string; filters: OrderImportFilters; options: OrderImportOptions }, state: OrdersRunState, bulk: BulkLoadState): Promise<'done' | 'continue'> {
  const { shop, filters, options } = input;
  const { plan, totals } = state;
  bulk.operationId ??= await startOrderBulkQuery({ shop, query: plan.query, since: plan.runStart });
  if (!bulk.finished) {
    const end = await waitForBulkOperation(run, shop, bulk.operationId, 'orders');
    if (end === 'continue') return 'continue';
    // No silent fallback to pages: a failed first import would cost a page request per 9 orders
    // unannounced. The run fails with Shopify's code; the next run tries the bulk query again, and
    // options.bulk=false imports page by page on purpose.
    if (end.status !== 'COMPLETED') {
      throw ApplicationFailure.nonRetryable(
        `the orders bulk query ${bulk.operationId} ended ${end.status}${end.errorCode ? ` (${end.errorCode})` : ''}: the next run tries it again, or run with options.bulk=false to import page by page`,
        'BulkOperationFailed',
      );
    }
    bulk.url = end.url;
    bulk.finished = true;
  }
  while (!bulk.ingested) {
    if (run.shouldContinueAsNew()) return 'continue';
    const step = await ingestOrderBulkResult({ shop, url: bulk.url, fromLine: bulk.line, includeClosed: !plan.incremental, country: filters.country, maxMillis: STEP_MILLIS });
    addStep(state, step);
    bulk.line = step.line;
    bulk.ingested = step.done;
    bulk.fetched += step.fetched;
    bulk.ingestMillis += step.millis;
    totals.bulk = { operationId: bulk.operationId, fetched: bulk.fetched, ingestMillis: bulk.ingestMillis };
    run.report({ counters: { fetched: totals.fetched, created: totals.created, updated: totals.updated, conflicts: totals.conflicts }, message: `bulk load: ${bulk.fetched} orders stored` });
  }
  if (plan.incremental) {
    const cursor = nextCursor(state.newest, plan.runStart);
    await advanceOrderCursor({ shop, cursorKey: plan.cursorKey, cursor });
    state.pagedQuery = planOrderQuery(cursor, filters, { overlapSeconds: options.overlapSeconds }, plan.runStart).query;
  } else {
    state.imported = true;
  }
  bulk.done = true;
  return 'done';
}
