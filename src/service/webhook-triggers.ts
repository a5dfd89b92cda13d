import type { ShopSyncClient } from '../client';
import { ShopDomain, SyncTask } from '../temporal/search-attributes';
import { ORDER_WEBHOOKS_WORKFLOW, orderWebhooksId, ordersChangedSignal } from '../temporal/webhook-messages';
import { bulkOperationFinishedSignal } from '../workflows/bulk-wait';

/**
 * What a verified webhook sets going in Temporal. The webhook is a trigger, never the source of truth:
 * the runs it starts or wakes read Shopify themselves.
 */
export class WebhookTriggers {
  constructor(private readonly client: ShopSyncClient) {}

  /** An order or refund changed: the shop's debounce workflow (started if need be) will import orders. */
  async ordersChanged(shop: string, topic: string): Promise<void> {
    await this.client.temporal.workflow.signalWithStart(ORDER_WEBHOOKS_WORKFLOW, {
      workflowId: orderWebhooksId(shop),
      taskQueue: this.client.config.taskQueue,
      args: [{ shop }],
      signal: ordersChangedSignal,
      signalArgs: [{ topic }],
      staticSummary: `order webhooks · ${shop}`,
    });
  }

  /**
   * A bulk operation ended: every running task run of the shop is told (a run waits only for its own
   * operation id and ignores the others; one that missed it finds the end by polling anyway).
   */
  async bulkOperationFinished(shop: string, operationId: string): Promise<number> {
    const query = `${ShopDomain.name} = '${shop}' AND ${SyncTask.name} IS NOT NULL AND ExecutionStatus = 'Running'`;
    let woken = 0;
    for await (const execution of this.client.temporal.workflow.list({ query })) {
      await this.client.temporal.workflow.getHandle(execution.workflowId, execution.runId).signal(bulkOperationFinishedSignal, { operationId }).then(
        () => (woken += 1),
        () => undefined, // it ended meanwhile
      );
    }
    return woken;
  }

  /** The app was uninstalled: the token is dead, so the shop is disabled and its schedules paused. */
  async appUninstalled(shop: string): Promise<void> {
    await this.client.updateShop(shop, { enabled: false });
  }
}
