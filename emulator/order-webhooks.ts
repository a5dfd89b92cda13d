import type { EmulatedOrder } from './commerce';
import { emitShopEvent } from './events';
import type { EmulatedShop, EmulatorState } from './state';
import { orderPayload } from './webhook-payloads';

/** The orders/* events: created and cancelled at once, updated once per request however often the order is touched. */
export function orderCreated(state: EmulatorState, shop: EmulatedShop, order: EmulatedOrder): void {
  emitShopEvent(state, shop.domain, 'orders/create', orderPayload(shop, order));
}

export function orderCancelled(state: EmulatorState, shop: EmulatedShop, order: EmulatedOrder): void {
  emitShopEvent(state, shop.domain, 'orders/cancelled', orderPayload(shop, order));
}

const changedByState = new WeakMap<EmulatorState, Set<EmulatedOrder>>();

/**
 * Notes that an order changed; orders/updated goes out when the current request's synchronous work is done
 * (a microtask), with the order as it is then. A mutation that touches an order several times (or a document
 * with several mutations on it) thus sends one orders/updated, as Shopify sends one per change it commits.
 */
export function orderChanged(state: EmulatorState, order: EmulatedOrder): void {
  let changed = changedByState.get(state);
  if (!changed) {
    const pending = new Set<EmulatedOrder>();
    changedByState.set(state, (changed = pending));
    queueMicrotask(() => {
      changedByState.delete(state);
      for (const shop of state.list()) {
        for (const touched of pending) if (shop.orders.includes(touched)) emitShopEvent(state, shop.domain, 'orders/updated', orderPayload(shop, touched));
      }
    });
  }
  changed.add(order);
}
