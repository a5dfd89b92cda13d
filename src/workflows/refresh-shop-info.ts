import { proxyActivities } from '@temporalio/workflow';
import type { ShopInfoActivities, ShopInfoSummary } from '../activities/shop-info';
import { NoFilters, NoOptions, taskInputSchema } from '../domain/task-input';
import { SHORT_ACTIVITY } from './activity-options';
import { beginTaskRun, explainFailures, recordRecordErrors } from './task-run';

const activities = proxyActivities<ShopInfoActivities>(SHORT_ACTIVITY);

export const RefreshShopInfoInput = taskInputSchema(NoFilters, NoOptions);

/** Reads the shop's name, plan, currency, timezone and locations from Shopify and stores them on the shop. */
export async function refreshShopInfo(input: unknown): Promise<ShopInfoSummary> {
  const { shop } = beginTaskRun('refreshShopInfo', RefreshShopInfoInput, input);
  const summary = await explainFailures(() => activities.refreshShopInfo(shop));
  recordRecordErrors(0);
  return summary;
}
