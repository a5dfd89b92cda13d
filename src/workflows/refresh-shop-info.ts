import { proxyActivities } from '@temporalio/workflow';
import type { ShopInfoActivities, ShopInfoSummary } from '../activities/shop-info';
import { TASKS } from '../domain/tasks';
import { SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const activities = proxyActivities<ShopInfoActivities>(SHORT_ACTIVITY);

/** Reads the shop's name, plan, currency, timezone and locations from Shopify and stores them on the shop. */
export async function refreshShopInfo(input: unknown): Promise<ShopInfoSummary> {
  return runTask('refreshShopInfo', TASKS.refreshShopInfo.input, input, async (run) => {
    const summary = await activities.refreshShopInfo(run.input.shop);
    run.report({ counters: { locations: summary.locations } });
    return { result: summary, recordErrors: 0 };
  });
}
