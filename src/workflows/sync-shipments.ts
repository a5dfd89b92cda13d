import { proxyActivities } from '@temporalio/workflow';
import type { ShipmentActivities, ShipmentCounts } from '../activities/shipments';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { inBatches, LIST_AHEAD } from './batches';
import { runTask } from './run-task';

const { listShipmentsToSend } = proxyActivities<ShipmentActivities>(SHORT_ACTIVITY);
const { sendShipments } = proxyActivities<ShipmentActivities>(BATCH_ACTIVITY);

interface ShipmentsState {
  afterNo: string | null;
  totals: ShipmentCounts;
}

/** ERP → Shopify (the connector's report 30109): posted shipments of Shopify orders become fulfillments. */
export async function syncShipments(input: unknown): Promise<ShipmentCounts> {
  return runTask<typeof TASKS.shipments.input, ShipmentCounts, ShipmentsState>('shipments', TASKS.shipments.input, input, async (run) => {
    const { shop, filters = {} } = run.input;
    const state = run.resumed ?? { afterNo: null, totals: { sent: 0, failed: 0, nothingToSend: 0, waiting: 0 } };
    const { totals } = state;
    for (;;) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const listed: string[] = await listShipmentsToSend({ shop, filters, afterNo: state.afterNo, limit: LIST_AHEAD });
      if (listed.length === 0) break;
      for (const nos of inBatches(listed)) {
        const counts = await sendShipments({ shop, shipmentNos: nos });
        for (const key of Object.keys(totals) as Array<keyof ShipmentCounts>) totals[key] += counts[key];
        run.report({ counters: { ...totals } });
        state.afterNo = nos[nos.length - 1] ?? null;
      }
    }
    return { result: totals, recordErrors: totals.failed };
  });
}
