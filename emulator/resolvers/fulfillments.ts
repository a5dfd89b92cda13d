import { cents, money, type EmulatedFulfillment, type EmulatedFulfillmentOrder, type EmulatedOrder } from '../commerce';
import { gid, parseGid } from '../gid';
import type { ResolverModule } from './context';
import { fulfillmentOrderObject, orderObject, orderTotals } from './objects';
import { findOrder, touch } from './orders';
import { userError, type UserError } from './user-errors';

interface FulfillmentInput {
  lineItemsByFulfillmentOrder: Array<{ fulfillmentOrderId: string; fulfillmentOrderLineItems?: Array<{ id: string; quantity: number }> }>;
  notifyCustomer?: boolean;
  trackingInfo?: { company?: string; number?: string; url?: string; numbers?: string[]; urls?: string[] };
}

interface RefundInput {
  orderId: string;
  note?: string;
  refundLineItems?: Array<{ lineItemId: string; quantity: number; restockType?: string }>;
  shipping?: { fullRefund?: boolean; amount?: string };
  transactions?: Array<{ amount: string; gateway: string; kind: string }>;
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
  },
  mutation: {
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
        fulfillment: {
          id: gid('Fulfillment', fulfillment.id),
          name: `${order.name}-F${order.fulfillments.length}`,
          status: fulfillment.status,
          createdAt: now,
          location: null,
          trackingInfo: () => fulfillment.trackingInfo,
        },
        userErrors: [],
      };
    },
    refundCreate: (args, { shop, state }) => {
      const input = args.input as RefundInput;
      const order = findOrder(shop, input.orderId);
      if (!order) return { refund: null, order: null, userErrors: [userError(['orderId'], 'Order does not exist')] };
      const errors: UserError[] = [];
      const lines = (input.refundLineItems ?? []).map((item, index) => {
        const line = order.lineItems.find((l) => l.id === parseGid(item.lineItemId, 'LineItem'));
        if (!line) errors.push(userError(['refundLineItems', index, 'lineItemId'], 'Line item does not exist'));
        else if (!(item.quantity > 0) || item.quantity > line.quantity - line.refundedQuantity) {
          errors.push(userError(['refundLineItems', index, 'quantity'], `Quantity cannot refund more items than were purchased (${line.quantity - line.refundedQuantity} left)`));
        }
        return { line, item };
      });
      if (errors.length) return { refund: null, order: null, userErrors: errors };
      let amount = 0;
      for (const { line, item } of lines) {
        if (!line) continue;
        line.refundedQuantity += item.quantity;
        amount += cents(line.price) * item.quantity;
        for (const fo of order.fulfillmentOrders) {
          const foLine = fo.lineItems.find((l) => l.lineItemId === line.id);
          if (foLine) foLine.remainingQuantity = Math.max(0, foLine.remainingQuantity - item.quantity);
        }
      }
      if (input.shipping?.fullRefund) amount += order.shippingLines.reduce((s, l) => s + cents(l.price), 0);
      else if (input.shipping?.amount) amount += cents(input.shipping.amount);
      const transactionAmount = input.transactions?.length ? input.transactions.reduce((s, t) => s + cents(t.amount), 0) : Math.min(amount, orderTotals(order).paid);
      const now = state.now();
      if (transactionAmount > 0) {
        order.transactions.push({ id: state.nextId(shop), kind: 'REFUND', status: 'SUCCESS', gateway: input.transactions?.[0]?.gateway ?? 'manual', amount: money(transactionAmount), createdAt: now });
      }
      const refund = {
        id: state.nextId(shop),
        createdAt: now,
        note: input.note ?? null,
        lineItems: lines.filter((l) => l.line).map(({ line, item }) => ({ lineItemId: (line as { id: number }).id, quantity: item.quantity, restockType: item.restockType ?? 'NO_RESTOCK' })),
        totalRefunded: money(transactionAmount),
      };
      order.refunds.push(refund);
      touch(order, state);
      const view = orderObject(shop, order);
      return {
        refund: (view.refunds({}) as Array<{ id: string }>).find((r) => r.id === gid('Refund', refund.id)),
        order: view,
        userErrors: [],
      };
    },
  },
};
