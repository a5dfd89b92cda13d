import { z } from 'zod';
import type { AdminResponse } from './admin-api';
import type { EmulatedFulfillmentOrder } from './commerce';
import { gid, parseGid } from './gid';
import { touch } from './resolvers/orders';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * POST /emulator/shops/:domain/orders/:id/fulfillment-orders: what Shopify's order routing does after an
 * order is made (shopify.dev, FulfillmentOrder "Fulfillment Order Creation"): it assigns the order's
 * lines to locations as fulfillment orders, some deferred (SCHEDULED, for pre-orders and subscriptions)
 * or at a location a fulfillment service manages. Apps cannot create fulfillment orders, so tests route
 * here. Only an order nothing was fulfilled from can be routed; the routing must cover every unit its
 * fulfillment orders hold. Holds are placed with Shopify's own fulfillmentOrderHold.
 */

const LineItemIdSchema = z.union([z.number().int().positive(), z.string().regex(/^gid:\/\/shopify\/LineItem\/\d+$/).transform((id) => parseGid(id, 'LineItem') as number)]);
const RoutingSchema = z
  .object({
    fulfillmentOrders: z
      .array(
        z
          .object({
            locationName: z.string().min(1),
            lines: z.array(z.object({ lineItemId: LineItemIdSchema, quantity: z.number().int().min(1) }).strict()).min(1),
            status: z.enum(['OPEN', 'SCHEDULED']).default('OPEN'),
            fulfillAt: z.iso.datetime().optional(),
            fulfillmentService: z.object({ serviceName: z.string().min(1).max(255), handle: z.string().regex(/^[a-z0-9-]{1,100}$/).optional() }).strict().optional(),
          })
          .strict()
          .refine((fo) => (fo.status === 'SCHEDULED') === (fo.fulfillAt !== undefined), { message: 'a SCHEDULED fulfillment order needs fulfillAt, and only it' }),
      )
      .min(1)
      .max(100),
  })
  .strict();

const refuse = (status: number, message: string, field?: string): AdminResponse => ({ status, body: { errors: [{ ...(field ? { field } : {}), message }] } });

export function fulfillmentOrderAdminRoute(state: EmulatorState, shop: EmulatedShop, method: string, rawOrderId: string | undefined, body: unknown): AdminResponse {
  if (method !== 'POST') return refuse(404, `no admin route ${method} for fulfillment orders`);
  const orderId = /^\d+$/.test(rawOrderId ?? '') ? Number(rawOrderId) : parseGid(decodeURIComponent(rawOrderId ?? ''), 'Order');
  const order = shop.orders.find((o) => o.id === orderId);
  if (!order) return refuse(404, `no order ${rawOrderId} in ${shop.domain}`);
  const parsed = RoutingSchema.safeParse(body);
  if (!parsed.success) return { status: 422, body: { errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })) } };
  const untouched = order.fulfillments.length === 0 && order.fulfillmentOrders.every((fo) => fo.status === 'OPEN' && fo.lineItems.every((l) => l.remainingQuantity === l.totalQuantity));
  if (!untouched) return refuse(409, `order ${order.name} has fulfillment work under way; only a new order can be routed`);
  const held = new Map<number, number>();
  for (const fo of order.fulfillmentOrders) for (const l of fo.lineItems) held.set(l.lineItemId, (held.get(l.lineItemId) ?? 0) + l.remainingQuantity);
  const routed = new Map<number, number>();
  for (const fo of parsed.data.fulfillmentOrders) for (const l of fo.lines) routed.set(l.lineItemId, (routed.get(l.lineItemId) ?? 0) + l.quantity);
  const mismatch = [...new Set([...held.keys(), ...routed.keys()])].find((id) => held.get(id) !== routed.get(id));
  if (mismatch !== undefined) return refuse(422, `line item ${mismatch}: the routing assigns ${routed.get(mismatch) ?? 0} units, the order has ${held.get(mismatch) ?? 0} to fulfil`, 'fulfillmentOrders');
  const locations = parsed.data.fulfillmentOrders.map((fo) => shop.locations.find((l) => l.name === fo.locationName));
  const unknown = parsed.data.fulfillmentOrders.findIndex((_, index) => !locations[index]);
  if (unknown >= 0) return refuse(422, 'names no location of the shop', `fulfillmentOrders.${unknown}.locationName`);
  const now = state.now();
  order.fulfillmentOrders = parsed.data.fulfillmentOrders.map((fo, index): EmulatedFulfillmentOrder => ({
    id: state.nextId(shop),
    status: fo.status,
    locationId: locations[index]?.id ?? 0,
    updatedAt: now,
    fulfillAt: fo.fulfillAt ?? null,
    holds: [],
    fulfillmentService: fo.fulfillmentService ? { serviceName: fo.fulfillmentService.serviceName, handle: fo.fulfillmentService.handle ?? fo.fulfillmentService.serviceName.toLowerCase().replace(/[^a-z0-9]+/g, '-') } : null,
    lineItems: fo.lines.map((l) => ({ id: state.nextId(shop), lineItemId: l.lineItemId, totalQuantity: l.quantity, remainingQuantity: l.quantity })),
  }));
  touch(order, state);
  state.changed();
  return {
    status: 200,
    body: {
      fulfillmentOrders: order.fulfillmentOrders.map((fo) => ({
        id: gid('FulfillmentOrder', fo.id),
        status: fo.status,
        locationId: gid('Location', fo.locationId),
        lineItems: fo.lineItems.map((l) => ({ id: gid('FulfillmentOrderLineItem', l.id), lineItemId: gid('LineItem', l.lineItemId), quantity: l.totalQuantity })),
      })),
    },
  };
}
