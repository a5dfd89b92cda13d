import type { EmulatedFulfillment, EmulatedFulfillmentOrder, EmulatedOrder } from '../commerce';
import { gid, parseGid } from '../gid';
import type { ResolverModule } from './context';
import { fulfillmentHoldResolvers } from './fulfillment-holds';
import { fulfillmentObject, fulfillmentOrderObject } from './fulfillment-objects';
import { touch } from './orders';
import { userError, type UserError } from './user-errors';

interface FulfillmentInput {
  lineItemsByFulfillmentOrder: Array<{ fulfillmentOrderId: string; fulfillmentOrderLineItems?: Array<{ id: string; quantity: number }> }>;
  notifyCustomer?: boolean;
  trackingInfo?: { company?: string; number?: string; url?: string; numbers?: string[]; urls?: string[] };
}

export const fulfillmentResolvers: ResolverModule = {
  query: {
    fulfillmentOrder: (args, { shop }) => {
      const id = parseGid(args.id, 'FulfillmentOrder');
      for (const order of shop.orders) {
        const fo = order.fulfillmentOrders.find((f) => f.id === id);
        if (fo) return fulfillmentOrderObject(shop, order, fo);
      }
      return null;
    },
    fulfillment: (args, { shop }) => {
      const id = parseGid(args.id, 'Fulfillment');
      for (const order of shop.orders) {
        const fulfillment = order.fulfillments.find((f) => f.id === id);
        if (fulfillment) return fulfillmentObject(shop, order, fulfillment);
      }
      return null;
    },
  },
  mutation: {
    ...fulfillmentHoldResolvers.mutation,
    fulfillmentCreate: (args, { shop, state }) => {
      const input = args.fulfillment as FulfillmentInput;
      const errors: UserError[] = [];
      const plan: Array<{ order: EmulatedOrder; fo: EmulatedFulfillmentOrder; lines: Array<{ lineId: number; quantity: number }> }> = [];
      input.lineItemsByFulfillmentOrder.forEach((group, index) => {
        const path = ['fulfillment', 'lineItemsByFulfillmentOrder', index];
        const foId = parseGid(group.fulfillmentOrderId, 'FulfillmentOrder');
        const order = shop.orders.find((o) => o.fulfillmentOrders.some((f) => f.id === foId));
        const fo = order?.fulfillmentOrders.find((f) => f.id === foId);
        if (!order || !fo) return void errors.push(userError([...path, 'fulfillmentOrderId'], 'Fulfillment order does not exist.'));
        if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') {
          return void errors.push(userError([...path, 'fulfillmentOrderId'], `Fulfillment order ${group.fulfillmentOrderId} has an unfulfillable status= ${fo.status.toLowerCase()}.`));
        }
        const requested = group.fulfillmentOrderLineItems ?? fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: gid('FulfillmentOrderLineItem', l.id), quantity: l.remainingQuantity }));
        const lines: Array<{ lineId: number; quantity: number }> = [];
        requested.forEach((item, itemIndex) => {
          const line = fo.lineItems.find((l) => l.id === parseGid(item.id, 'FulfillmentOrderLineItem'));
          const itemPath = [...path, 'fulfillmentOrderLineItems', itemIndex];
          if (!line) return void errors.push(userError([...itemPath, 'id'], 'Fulfillment order line item does not exist.'));
          if (!(item.quantity > 0) || item.quantity > line.remainingQuantity) {
            return void errors.push(userError([...itemPath, 'quantity'], `Invalid fulfillment order line item quantity requested: ${item.quantity}, remaining ${line.remainingQuantity}.`));
          }
          lines.push({ lineId: line.id, quantity: item.quantity });
        });
        plan.push({ order, fo, lines });
      });
      if (new Set(plan.map((p) => p.order.id)).size > 1) errors.push(userError(['fulfillment'], 'All fulfillment orders must belong to the same order.'));
      // One fulfillment is made at one location (the mutation's documentation): a split shipment is one call per location.
      if (new Set(plan.map((p) => p.fo.locationId)).size > 1) errors.push(userError(['fulfillment'], 'All fulfillment orders must be assigned to the same location.'));
      if (errors.length || plan.length === 0) return { fulfillment: null, userErrors: errors.length ? errors : [userError(['fulfillment'], 'Nothing to fulfill.')] };
      const order = plan[0]?.order as EmulatedOrder;
      const now = state.now();
      const tracking = input.trackingInfo;
      const fulfillment: EmulatedFulfillment = {
        id: state.nextId(shop),
        status: 'SUCCESS',
        createdAt: now,
        notifyCustomer: input.notifyCustomer ?? false,
        trackingInfo: tracking ? [{ company: tracking.company ?? null, number: tracking.number ?? tracking.numbers?.[0] ?? null, url: tracking.url ?? tracking.urls?.[0] ?? null }] : [],
        lineItems: [],
        locationId: plan[0]?.fo.locationId ?? null,
      };
      for (const { fo, lines } of plan) {
        for (const { lineId, quantity } of lines) {
          const line = fo.lineItems.find((l) => l.id === lineId);
          if (!line) continue;
          line.remainingQuantity -= quantity;
          fulfillment.lineItems.push({ lineItemId: line.lineItemId, quantity });
        }
        fo.status = fo.lineItems.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
        fo.updatedAt = now;
      }
      order.fulfillments.push(fulfillment);
      touch(order, state);
      return {
        fulfillment: fulfillmentObject(shop, order, fulfillment),
        userErrors: [],
      };
    },
  },
};
