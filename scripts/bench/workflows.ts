import { proxyActivities } from '@temporalio/workflow';
import type { BaselineActivities } from './baseline';

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
