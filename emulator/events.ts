import type { EmulatorState } from './state';

/**
 * What happened in a shop, as Shopify's webhook topics name it ("orders/create", "refunds/create"…),
 * with the topic's REST-shaped payload. Resolvers emit; webhook delivery (and anything else) listens.
 * Listeners belong to one emulator state, so two emulators in one process do not hear each other.
 */
export interface ShopEvent {
  shop: string;
  topic: string;
  payload: Record<string, unknown>;
}

type Listener = (event: ShopEvent) => void;

const listenersByState = new WeakMap<EmulatorState, Set<Listener>>();

export function onShopEvent(state: EmulatorState, listener: Listener): () => void {
  let listeners = listenersByState.get(state);
  if (!listeners) listenersByState.set(state, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitShopEvent(state: EmulatorState, shop: string, topic: string, payload: Record<string, unknown>): void {
  for (const listener of listenersByState.get(state) ?? []) listener({ shop, topic, payload });
}
