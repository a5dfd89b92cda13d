import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ProductImportActivities, ProductImportCounts } from '../activities/product-import';
import type { ProductPushActivities, PushCounts } from '../activities/product-push';
import type { ProductSyncActivities, ProductSyncPlan } from '../activities/product-sync';
import type { BulkState } from '../activities/bulk-operations';
import type { BulkStart, VariantBulkPushActivities } from '../activities/variant-bulk-push';
import type { ProductFilters } from '../domain/product-filters';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { waitForBulkOperation } from './bulk-wait';
import { runTask, type TaskRunContext } from './run-task';

const { planProductSync, advanceProductCursor, countProductChanges, startVariantBulkPush } = proxyActivities<
  ProductSyncActivities & ProductPushActivities & VariantBulkPushActivities
>(SHORT_ACTIVITY);
const { importProductPages, pushProductChanges, applyVariantBulkPush } = proxyActivities<ProductImportActivities & ProductPushActivities & VariantBulkPushActivities>(BATCH_ACTIVITY);

const STEP_MILLIS = 60_000;

export interface SyncProductsResult extends ProductImportCounts, PushCounts {
  direction: ProductSyncPlan['direction'];
  /** Why the run did nothing, or why the bulk path fell back to ordinary calls. */
  note?: string;
  bulkOperationId?: string;
}

interface PushState {
  changedVariants?: number;
  productPhaseDone: boolean;
  bulk?: BulkStart;
  bulkState?: BulkState;
  variantsDone: boolean;
}

interface ProductsRunState {
  plan: ProductSyncPlan;
  after: string | null;
  done: boolean;
  cursorMoved: boolean;
  push: PushState;
  totals: SyncProductsResult;
}

const IMPORT_COUNTS = ['fetched', 'imported', 'unchanged', 'itemsCreated', 'itemsUpdated', 'unmapped', 'variantsUnlinked', 'requests'] as const;
const PUSH_COUNTS = ['products', 'productsUpdated', 'variantsUpdated', 'variantsCreated', 'skipped', 'failed', 'requests'] as const;

/** Products and prices (the connector's report 30108), in the direction the shop's settings give. */
export async function syncProducts(input: unknown): Promise<SyncProductsResult> {
  return runTask<typeof TASKS.products.input, SyncProductsResult, ProductsRunState>('products', TASKS.products.input, input, async (run) => {
    const { shop, filters = {}, options = {} } = run.input;
    const state: ProductsRunState = run.resumed ?? {
      plan: await planProductSync({ shop, filters, options }),
      after: null,
      done: false,
      cursorMoved: false,
      push: { productPhaseDone: false, variantsDone: false },
      totals: { direction: 'none', fetched: 0, imported: 0, unchanged: 0, itemsCreated: 0, itemsUpdated: 0, unmapped: 0, variantsUnlinked: 0, products: 0, productsUpdated: 0, variantsUpdated: 0, variantsCreated: 0, skipped: 0, failed: 0, requests: 0 },
    };
    const { plan, totals } = state;
    totals.direction = plan.direction;
    if (plan.direction === 'none') {
      totals.note = plan.reason;
      return { result: totals, recordErrors: 0 };
    }
    const outcome = plan.direction === 'import' ? await importProducts(run, state, plan) : await pushProducts(run, state, plan, filters);
    if (outcome === 'continue') return run.continueAsNew(state);
    return { result: totals, recordErrors: totals.unmapped + totals.failed };
  });
}

type Run = TaskRunContext<{ shop: string }, ProductsRunState>;

async function importProducts(run: Run, state: ProductsRunState, plan: Extract<ProductSyncPlan, { direction: 'import' }>): Promise<'done' | 'continue'> {
  const { shop } = run.input;
  const { totals } = state;
  while (!state.done) {
    if (run.shouldContinueAsNew()) return 'continue';
    const step = await importProductPages({ shop, query: plan.query, after: state.after, maxMillis: STEP_MILLIS });
    for (const key of IMPORT_COUNTS) totals[key] += step[key];
    state.after = step.after;
    state.done = step.done;
    run.report({ counters: { fetched: totals.fetched, imported: totals.imported, unmapped: totals.unmapped }, message: `${totals.fetched} products read` });
  }
  if (plan.incremental && !state.cursorMoved) {
    await advanceProductCursor({ shop, cursorKey: plan.cursorKey, cursor: plan.runStart });
    state.cursorMoved = true;
  }
  return 'done';
}

/**
 * ERP → Shopify: product fields and new variants with ordinary calls; changed variants too, unless
 * there are at least the shop's threshold of them: then one bulk mutation carries them, and the run
 * waits for it durably (timers between polls, or the `bulkOperationFinished` signal).
 */
async function pushProducts(run: Run, state: ProductsRunState, plan: Extract<ProductSyncPlan, { direction: 'push' }>, filters: ProductFilters): Promise<'done' | 'continue'> {
  const { shop } = run.input;
  const { totals, push } = state;
  const scope = { shop, onlyPrices: plan.onlyPrices, filters };
  if (push.changedVariants === undefined) {
    const counts = await countProductChanges(scope);
    push.changedVariants = counts.changedVariants;
    run.report({ counters: { changedVariants: counts.changedVariants, productUpdates: counts.productUpdates }, message: `${counts.changedVariants} changed variants` });
  }
  const bulk = push.changedVariants >= plan.bulkThreshold;
  const pushStep = async (variants: boolean): Promise<'done' | 'continue'> => {
    while (!(variants ? push.variantsDone : push.productPhaseDone)) {
      if (run.shouldContinueAsNew()) return 'continue';
      const step = await pushProductChanges({ ...scope, after: state.after, maxMillis: STEP_MILLIS, variants });
      for (const key of PUSH_COUNTS) totals[key] += step[key];
      state.after = step.done ? null : step.after;
      if (step.done) {
        push.productPhaseDone = true;
        if (variants) push.variantsDone = true;
      }
      run.report({ counters: { products: totals.products, productsUpdated: totals.productsUpdated, variantsUpdated: totals.variantsUpdated, failed: totals.failed } });
    }
    return 'done';
  };
  if (!bulk) return pushStep(true);
  if ((await pushStep(false)) === 'continue') return 'continue';
  push.bulk ??= await startVariantBulkPush({ ...scope, pushId: `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}` });
  if (push.bulk.kind === 'nothingToSend') return 'done';
  if (push.bulk.kind === 'busy') {
    totals.note = `bulk mutation not started (${push.bulk.reason}): variants sent with ordinary calls`;
    return pushStep(true);
  }
  const { operationId } = push.bulk;
  totals.bulkOperationId = operationId;
  if (!push.bulkState) {
    const finished = await waitForBulkOperation(run, shop, operationId, `${push.bulk.lines} products' variants`);
    if (finished === 'continue') return 'continue';
    push.bulkState = finished;
  }
  const applied = await applyVariantBulkPush({ shop, pushId: `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`, state: push.bulkState });
  totals.variantsUpdated += applied.variantsUpdated;
  totals.failed += applied.failed;
  push.variantsDone = true;
  return 'done';
}
