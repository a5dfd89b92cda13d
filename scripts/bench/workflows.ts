import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { TASKS } from '../../src/domain/tasks';
import { runTask } from '../../src/workflows/run-task';
import type { BaselineActivities } from './baseline';
import type { CustomerBaselineActivities } from './customers-baseline';
import type { InventoryBaselineActivities } from './inventory-baseline';
import type { ProductBaselineActivities } from './products-baseline';

export * from '../../src/workflows';

const baseline = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });

/** The connector-shaped import, for the benchmark: a page of 25, then one activity per order. */
export async function baselineImportOrders(input: { shop: string; query: string }): Promise<{ orders: number }> {
  let after: string | null = null;
  let orders = 0;
  for (;;) {
    const page: { ids: string[]; after: string | null; hasNextPage: boolean } = await baseline.baselineOrdersPage({ shop: input.shop, query: input.query, after });
    for (const id of page.ids) {
      await baseline.baselineImportOrder({ shop: input.shop, id });
      orders += 1;
    }
    if (!page.hasNextPage) return { orders };
    after = page.after;
  }
}

const productBaseline = proxyActivities<ProductBaselineActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });

/** The connector-shaped product import: a page of 200 ids, then one activity per product (one request for it, one per variant). */
export async function baselineImportProducts(input: { shop: string; query: string }): Promise<{ fetched: number; imported: number; unchanged: number; unmapped: number }> {
  const counts = { fetched: 0, imported: 0, unchanged: 0, unmapped: 0 };
  let after: string | null = null;
  for (;;) {
    const page: { ids: string[]; after: string | null; hasNextPage: boolean } = await productBaseline.baselineProductIdsPage({ shop: input.shop, query: input.query, after });
    for (const id of page.ids) {
      const outcome = await productBaseline.baselineImportProduct({ shop: input.shop, id });
      counts.fetched += 1;
      if (outcome !== 'gone') counts[outcome] += 1;
    }
    if (!page.hasNextPage) return counts;
    after = page.after;
  }
}

/**
 * The connector-shaped price push: the changed variants from the local comparison, then one
 * productVariantsBulkUpdate (one activity) per product. It holds the shop's lock like every task that
 * writes to Shopify (the worker refuses an unfenced mutation), so it pays the same lock overhead as ours.
 */
export async function baselinePushPrices(input: { shop: string }): Promise<{ products: number; variantsUpdated: number; failed: number }> {
  return runTask('products', TASKS.products.input, input, async (run) => {
    const { shop } = run.input;
    const totals = { products: 0, variantsUpdated: 0, failed: 0 };
    for (const product of await productBaseline.baselineChangedPrices({ shop })) {
      const sent = await productBaseline.baselinePushProductPrices({ shop, ...product });
      totals.products += 1;
      totals.variantsUpdated += sent.variantsUpdated;
      totals.failed += sent.failed;
    }
    return { result: totals, recordErrors: totals.failed };
  });
}

const inventoryBaseline = proxyActivities<InventoryBaselineActivities>({ startToCloseTimeout: '10 minutes', retry: { maximumAttempts: 3 } });

/**
 * The connector-shaped stock push: every level of each location read in pages of 100 (one activity
 * per page), the ERP's quantities compared with them, and the differing ones set 250 per
 * inventorySetQuantities (one activity per batch). It holds the shop's lock like the project's run.
 */
export async function baselineSyncInventory(input: { shop: string }): Promise<{ levelsRead: number; readRequests: number; variants: number; quantitiesSet: number; failed: number }> {
  return runTask('inventory', TASKS.inventory.input, input, async (run) => {
    const { shop } = run.input;
    const runKey = `${workflowInfo().workflowId}/${workflowInfo().runId}`;
    const totals = { levelsRead: 0, readRequests: 0, variants: 0, quantitiesSet: 0, failed: 0 };
    const locations = await inventoryBaseline.baselineStockLocations({ shop });
    for (const location of locations) {
      let after: string | null = null;
      for (;;) {
        const page: { levels: number; after: string | null; hasNextPage: boolean } = await inventoryBaseline.baselineReadLevelsPage({ shop, runKey, locationId: location.shopifyId, after });
        totals.levelsRead += page.levels;
        totals.readRequests += 1;
        if (!page.hasNextPage) break;
        after = page.after;
      }
    }
    const planned = await inventoryBaseline.baselinePlanSets({ shop, runKey, locations });
    totals.variants = planned.variants;
    for (let index = 0; index < planned.batches; index += 1) {
      const sent = await inventoryBaseline.baselineSetBatch({ shop, runKey, index });
      totals.quantitiesSet += sent.set;
      totals.failed += sent.failed;
    }
    await inventoryBaseline.baselineForgetRun({ runKey });
    return { result: totals, recordErrors: totals.failed };
  });
}

const customerBaseline = proxyActivities<CustomerBaselineActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });

/** The connector-shaped customer import: a page of 200 ids, then one activity (one request) per customer. */
export async function baselineImportCustomers(input: { shop: string; query: string }): Promise<{ fetched: number; outcomes: Record<string, number> }> {
  const outcomes: Record<string, number> = {};
  let fetched = 0;
  let after: string | null = null;
  for (;;) {
    const page: { ids: string[]; after: string | null; hasNextPage: boolean } = await customerBaseline.baselineCustomerIdsPage({ shop: input.shop, query: input.query, after });
    for (const id of page.ids) {
      const outcome = await customerBaseline.baselineImportCustomer({ shop: input.shop, id });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      fetched += 1;
    }
    if (!page.hasNextPage) return { fetched, outcomes };
    after = page.after;
  }
}
