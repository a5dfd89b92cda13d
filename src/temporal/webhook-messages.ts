import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * The messages of a shop's order-webhook debounce workflow: the webhook service signals it (with
 * start) for each order or refund webhook; `debounceState` says what it is doing. Definitions only.
 */
export interface OrdersChanged {
  topic: string;
}

export interface DebounceState {
  /** Webhooks received and not yet covered by a run that started after them. */
  pending: number;
  runs: number;
  running: boolean;
}

export const ordersChangedSignal = defineSignal<[OrdersChanged]>('ordersChanged');
export const debounceStateQuery = defineQuery<DebounceState>('debounceState');

export const ORDER_WEBHOOKS_WORKFLOW = 'debounceOrderSyncs';

/** One debounce workflow per shop: every webhook of the shop lands in the same one. */
export function orderWebhooksId(shop: string): string {
  return `webhooks:${shop}:orders`;
}

/** The id of the order import a webhook starts (one at a time per shop; the shop lock orders it with the rest). */
export function webhookRunId(shop: string): string {
  return `run:${shop}:orders:webhook`;
}
