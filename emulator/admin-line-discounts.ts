import { z } from 'zod';
import type { AdminResponse } from './admin-api';
import { money, cents } from './commerce';
import { gid, parseGid } from './gid';
import { touch } from './resolvers/orders';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * POST /emulator/shops/:domain/orders/:id/line-discounts { lines: [{ lineItemId, amount }] }: the line-level
 * discounts a checkout leaves on an order (automatic or manual discounts on one line), which orderCreate cannot
 * make (OrderCreateLineItemInput has no discount). Amounts are in shop currency, for the whole line; only an
 * order nothing was refunded from takes them.
 */

const LineItemIdSchema = z.union([z.number().int().positive(), z.string().regex(/^gid:\/\/shopify\/LineItem\/\d+$/).transform((id) => parseGid(id, 'LineItem') as number)]);
const BodySchema = z
  .object({ lines: z.array(z.object({ lineItemId: LineItemIdSchema, amount: z.string().regex(/^\d+(\.\d{1,2})?$/) }).strict()).min(1) })
  .strict();

const refuse = (status: number, message: string): AdminResponse => ({ status, body: { errors: [{ message }] } });

export function lineDiscountAdminRoute(state: EmulatorState, shop: EmulatedShop, method: string, rawOrderId: string | undefined, body: unknown): AdminResponse {
  if (method !== 'POST') return refuse(404, `no admin route ${method} for line discounts`);
  const orderId = /^\d+$/.test(rawOrderId ?? '') ? Number(rawOrderId) : parseGid(decodeURIComponent(rawOrderId ?? ''), 'Order');
  const order = shop.orders.find((o) => o.id === orderId);
  if (!order) return refuse(404, `no order ${rawOrderId} in ${shop.domain}`);
  const parsed = BodySchema.safeParse(body);
  if (!parsed.success) return { status: 422, body: { errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })) } };
  if (order.refunds.length > 0) return refuse(409, `order ${order.name} has refunds; discounts can only be placed on a new order`);
  for (const entry of parsed.data.lines) {
    const line = order.lineItems.find((l) => l.id === entry.lineItemId);
    if (!line) return refuse(422, `order ${order.name} has no line item ${entry.lineItemId}`);
    if (cents(entry.amount) > cents(line.price) * line.quantity) return refuse(422, `a discount of ${entry.amount} exceeds line item ${entry.lineItemId}'s price`);
  }
  for (const entry of parsed.data.lines) {
    const line = order.lineItems.find((l) => l.id === entry.lineItemId);
    if (line) line.discount = money(cents(entry.amount));
  }
  touch(order, state);
  state.changed();
  return { status: 200, body: { order: { id: gid('Order', order.id), lineItems: order.lineItems.map((l) => ({ id: gid('LineItem', l.id), discount: l.discount })) } } };
}
