import type { EmulatedFulfillmentHold, EmulatedFulfillmentOrder, EmulatedOrder } from '../commerce';
import { parseGid } from '../gid';
import type { EmulatedShop } from '../state';
import type { ResolverModule } from './context';
import { fulfillmentHoldObject, fulfillmentOrderObject } from './fulfillment-objects';
import { touch } from './orders';
import { userError } from './user-errors';

/**
 * fulfillmentOrderHold, fulfillmentOrderReleaseHold and fulfillmentOrderOpen (Admin API 2026-10): a hold
 * makes the fulfillment order ON_HOLD until its last hold is released; fulfillmentOrderOpen makes a
 * SCHEDULED one OPEN. Since 2025-01 a held order takes more holds (distinct handles, at most 10).
 */

const MAX_HOLDS = 10;
const HOLD_REASONS = new Set<EmulatedFulfillmentHold['reason']>(['AWAITING_PAYMENT', 'AWAITING_RETURN_ITEMS', 'HIGH_RISK_OF_FRAUD', 'INCORRECT_ADDRESS', 'INVENTORY_OUT_OF_STOCK', 'ONLINE_STORE_POST_PURCHASE_CROSS_SELL', 'OTHER', 'UNKNOWN_DELIVERY_DATE']);

export function findFulfillmentOrder(shop: EmulatedShop, id: unknown): { order: EmulatedOrder; fo: EmulatedFulfillmentOrder } | undefined {
  const foId = parseGid(id, 'FulfillmentOrder');
  for (const order of shop.orders) {
    const fo = order.fulfillmentOrders.find((f) => f.id === foId);
    if (fo) return { order, fo };
  }
  return undefined;
}

/** The status a fulfillment order returns to once nothing holds or defers it. */
export function activeStatus(fo: EmulatedFulfillmentOrder): 'OPEN' | 'IN_PROGRESS' {
  return fo.lineItems.some((l) => l.remainingQuantity < l.totalQuantity) ? 'IN_PROGRESS' : 'OPEN';
}

interface HoldInput {
  reason: EmulatedFulfillmentHold['reason'];
  reasonNotes?: string | null;
  handle?: string | null;
  fulfillmentOrderLineItems?: unknown[] | null;
}

export const fulfillmentHoldResolvers: Required<Pick<ResolverModule, 'mutation'>> = {
  mutation: {
    fulfillmentOrderHold: (args, { shop, state }) => {
      const refused = (field: string[], message: string, code?: string) => ({ fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: [userError(field, message, code)] });
      const found = findFulfillmentOrder(shop, args.id);
      if (!found) return refused(['id'], 'Fulfillment order does not exist.', 'FULFILLMENT_ORDER_NOT_FOUND');
      const { order, fo } = found;
      const input = args.fulfillmentHold as HoldInput;
      if (!HOLD_REASONS.has(input.reason)) return refused(['fulfillmentHold', 'reason'], 'Reason is invalid.');
      if (input.fulfillmentOrderLineItems?.length) {
        // Shopify splits the order to hold some lines; the emulator holds whole fulfillment orders only.
        return refused(['fulfillmentHold', 'fulfillmentOrderLineItems'], 'The emulator holds whole fulfillment orders only.', 'FULFILLMENT_ORDER_NOT_SPLITTABLE');
      }
      if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS' && fo.status !== 'ON_HOLD') {
        return refused(['id'], `Fulfillment order with status ${fo.status.toLowerCase()} cannot be put on hold.`);
      }
      const holds = fo.holds ?? [];
      if (holds.length >= MAX_HOLDS) return refused(['id'], `A fulfillment order can have at most ${MAX_HOLDS} holds from the same app.`, 'FULFILLMENT_ORDER_HOLD_LIMIT_REACHED');
      const handle = input.handle ?? '';
      if (holds.some((h) => (h.handle ?? '') === handle)) {
        return refused(['fulfillmentHold', 'handle'], 'The app has already placed a hold with this handle on the fulfillment order.', 'DUPLICATE_FULFILLMENT_HOLD_HANDLE');
      }
      const hold: EmulatedFulfillmentHold = { id: state.nextId(shop), reason: input.reason, reasonNotes: input.reasonNotes ?? null, handle: input.handle ?? null };
      fo.holds = [...holds, hold];
      fo.status = 'ON_HOLD';
      fo.updatedAt = state.now();
      touch(order, state);
      return { fulfillmentHold: fulfillmentHoldObject(hold), fulfillmentOrder: fulfillmentOrderObject(shop, order, fo), remainingFulfillmentOrder: null, userErrors: [] };
    },

    fulfillmentOrderReleaseHold: (args, { shop, state }) => {
      const refused = (field: string[], message: string, code?: string) => ({ fulfillmentOrder: null, userErrors: [userError(field, message, code)] });
      const found = findFulfillmentOrder(shop, args.id);
      if (!found) return refused(['id'], 'Fulfillment order does not exist.', 'FULFILLMENT_ORDER_NOT_FOUND');
      const { order, fo } = found;
      if (fo.status !== 'ON_HOLD') return refused(['id'], 'The fulfillment order is not on hold.');
      const holdIds = Array.isArray(args.holdIds) ? args.holdIds.map((id) => parseGid(id, 'FulfillmentHold')) : null;
      // Without holdIds every hold goes; ids of other fulfillment orders' holds are ignored.
      fo.holds = holdIds ? (fo.holds ?? []).filter((h) => !holdIds.includes(h.id)) : [];
      if (fo.holds.length === 0) fo.status = activeStatus(fo);
      fo.updatedAt = state.now();
      touch(order, state);
      return { fulfillmentOrder: fulfillmentOrderObject(shop, order, fo), userErrors: [] };
    },

    fulfillmentOrderOpen: (args, { shop, state }) => {
      const found = findFulfillmentOrder(shop, args.id);
      if (!found) return { fulfillmentOrder: null, userErrors: [userError(['id'], 'Fulfillment order does not exist.')] };
      const { order, fo } = found;
      if (fo.status !== 'SCHEDULED') return { fulfillmentOrder: null, userErrors: [userError(['id'], `Fulfillment order with status ${fo.status.toLowerCase()} cannot be marked as open.`)] };
      fo.status = 'OPEN';
      fo.updatedAt = state.now();
      touch(order, state);
      return { fulfillmentOrder: fulfillmentOrderObject(shop, order, fo), userErrors: [] };
    },
  },
};
