import { isTaskKey, TASK_KEYS, type TaskKey } from '../domain/tasks';
import type { ShopSyncClient } from '../client';
import { FieldError } from './http-io';

/** The client methods the status page's actions call: the same the CLI calls. */
export type ActionClient = Pick<ShopSyncClient, 'runTask' | 'schedules' | 'retryShipments' | 'resolveOrderConflict'>;

/** What a button on the status page asks for; each is confirmed on a page of its own first. */
export type PageAction =
  | { kind: 'run'; task: TaskKey }
  | { kind: 'pause'; task: TaskKey }
  | { kind: 'resume'; task: TaskKey }
  | { kind: 'retryShipments'; shipmentNo?: string }
  | { kind: 'resolveConflict'; orderId: string };

function taskOf(params: URLSearchParams): TaskKey {
  const task = params.get('task') ?? '';
  if (!task) throw new FieldError('task', `missing; tasks: ${TASK_KEYS.join(', ')}`);
  if (!isTaskKey(task)) throw new FieldError('task', `unknown task "${task}"; tasks: ${TASK_KEYS.join(', ')}`);
  return task;
}

export function parsePageAction(params: URLSearchParams): PageAction {
  const kind = params.get('action');
  switch (kind) {
    case 'run':
    case 'pause':
    case 'resume':
      return { kind, task: taskOf(params) };
    case 'retryShipments': {
      const shipmentNo = params.get('shipment') ?? undefined;
      return shipmentNo ? { kind, shipmentNo } : { kind };
    }
    case 'resolveConflict': {
      const orderId = params.get('order') ?? '';
      if (!orderId.startsWith('gid://shopify/Order/')) throw new FieldError('order', 'must be a Shopify order GID such as gid://shopify/Order/1001');
      return { kind, orderId };
    }
    default:
      throw new FieldError('action', 'must be one of run, pause, resume, retryShipments, resolveConflict');
  }
}

/** The form fields that carry an action from its confirmation page to the POST. */
export function actionFields(action: PageAction): Record<string, string> {
  switch (action.kind) {
    case 'run':
    case 'pause':
    case 'resume':
      return { action: action.kind, task: action.task };
    case 'retryShipments':
      return action.shipmentNo ? { action: action.kind, shipment: action.shipmentNo } : { action: action.kind };
    case 'resolveConflict':
      return { action: action.kind, order: action.orderId };
  }
}

/** The question the confirmation page asks. */
export function describeAction(shop: string, action: PageAction): string {
  switch (action.kind) {
    case 'run':
      return `Run ${action.task} now for ${shop}? It starts in the background and waits for the shop's lock if another task holds it.`;
    case 'pause':
      return `Put the ${action.task} schedule of ${shop} on hold? No run starts from it until it is resumed.`;
    case 'resume':
      return `Resume the ${action.task} schedule of ${shop}?`;
    case 'retryShipments':
      return action.shipmentNo
        ? `Send shipment ${action.shipmentNo} of ${shop} to Shopify again with the next shipments run?`
        : `Send every shipment of ${shop} that ended in error to Shopify again with the next shipments run?`;
    case 'resolveConflict':
      return `Accept order ${action.orderId} of ${shop} as it is now in Shopify? It leaves "unprocessed order updates"; its sales document is not changed.`;
  }
}

/** Performs a confirmed action through the client; answers what happened, for the page's notice. */
export async function performAction(client: ActionClient, shop: string, action: PageAction): Promise<{ message: string; workflowId?: string }> {
  switch (action.kind) {
    case 'run': {
      const run = await client.runTask({ shop, task: action.task, background: true });
      return { message: `${run.joined ? 'Joined the' : 'Started a'} ${action.task} run (workflow ${run.workflowId}).`, workflowId: run.workflowId };
    }
    case 'pause':
      await client.schedules.pause(shop, action.task, 'paused from the status page');
      return { message: `The ${action.task} schedule is on hold.` };
    case 'resume':
      await client.schedules.unpause(shop, action.task, 'resumed from the status page');
      return { message: `The ${action.task} schedule is running again.` };
    case 'retryShipments': {
      const count = await client.retryShipments(shop, action.shipmentNo ? [action.shipmentNo] : undefined);
      return { message: `${count} shipment(s) will be sent again by the next shipments run.` };
    }
    case 'resolveConflict':
      return { message: (await client.resolveOrderConflict(shop, action.orderId)) ? `Order ${action.orderId} accepted as it is.` : `Order ${action.orderId} had no conflict.` };
  }
}
