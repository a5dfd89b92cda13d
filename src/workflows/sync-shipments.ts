import { proxyActivities } from '@temporalio/workflow';
import type { ShipmentActivities, ShipmentCounts } from '../activities/shipments';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const shipments = proxyActivities<ShipmentActivities>(BATCH_ACTIVITY);
const BATCH = 25;

/** ERP → Shopify (the connector's report 30109): posted shipments of Shopify orders become fulfillments. */
export async function syncShipments(input: unknown): Promise<ShipmentCounts> {
  return runTask('shipments', TASKS.shipments.input, input, async ({ input: { shop, filters = {} }, progress }) => {
    const totals: ShipmentCounts = { sent: 0, failed: 0, nothingToSend: 0, waiting: 0 };
    let afterNo: string | null = null;
    for (;;) {
      const nos: string[] = await shipments.listShipmentsToSend({ shop, filters, afterNo, limit: BATCH });
      if (nos.length === 0) break;
      const counts = await shipments.sendShipments({ shop, shipmentNos: nos });
      for (const key of Object.keys(totals) as Array<keyof ShipmentCounts>) totals[key] += counts[key];
      Object.assign(progress.counters, totals);
      afterNo = nos[nos.length - 1] ?? null;
    }
    return { result: totals, recordErrors: totals.failed };
  });
}
