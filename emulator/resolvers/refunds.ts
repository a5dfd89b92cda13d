import { cents } from '../commerce';
import { toShopCents, type OrderCurrencies } from '../currency';
import { parseGid } from '../gid';
import { applyRefund, findRefund, planRefund, type RefundRequest } from '../refunds-store';
import { ShopifyGraphQLError, type ResolverModule } from './context';
import { orderObject } from './objects';
import { findOrder } from './orders';
import { refundObject } from './refund-objects';
import { userError, type UserError } from './user-errors';

/** refundCreate (RefundInput, 2026-10) and the refund(id:) query. */

interface RefundInput {
  orderId: string;
  note?: string | null;
  notify?: boolean | null;
  currency?: string | null;
  processedAt?: string | null;
  allowOverRefunding?: boolean | null;
  discrepancyReason?: string | null;
  refundLineItems?: Array<{ lineItemId: string; quantity: number; restockType?: string | null; locationId?: string | null }> | null;
  shipping?: { amount?: string | null; fullRefund?: boolean | null } | null;
  transactions?: Array<{ amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }> | null;
  refundDuties?: unknown[] | null;
  refundMethods?: unknown[] | null;
}

/** The input as the refund rules read it, with the errors of its own shape (kind, order, currency). */
function readInput(input: RefundInput, order: OrderCurrencies & { id: number }): { request: RefundRequest } | { errors: UserError[] } {
  const errors: UserError[] = [];
  if (order.presentmentCurrencyCode !== order.currencyCode && !input.currency) {
    errors.push(userError(['currency'], `Currency is required for an order whose presentment currency (${order.presentmentCurrencyCode}) differs from the shop's (${order.currencyCode})`));
  } else if (input.currency && input.currency !== order.presentmentCurrencyCode) {
    errors.push(userError(['currency'], `Currency must be the order's presentment currency (${order.presentmentCurrencyCode})`));
  }
  (input.transactions ?? []).forEach((t, i) => {
    if (t.kind !== 'REFUND') errors.push(userError(['transactions', i, 'kind'], 'Transaction kind must be REFUND'));
    if (parseGid(t.orderId, 'Order') !== order.id) errors.push(userError(['transactions', i, 'orderId'], 'Transaction must belong to the refunded order'));
  });
  if (errors.length > 0) return { errors };
  // The input's amounts are in the presentment currency (RefundInput.currency); the emulator computes in shop cents.
  const shopCents = (amount: string) => toShopCents(cents(amount), order.presentmentRate);
  return {
    request: {
      lines: (input.refundLineItems ?? []).map((item, i) => ({
        lineItemId: parseGid(item.lineItemId, 'LineItem'),
        quantity: item.quantity,
        restockType: item.restockType ?? 'NO_RESTOCK',
        locationId: item.locationId === undefined ? undefined : item.locationId === null ? null : (parseGid(item.locationId, 'Location') ?? -1),
        at: ['refundLineItems', i],
      })),
      shipping: input.shipping ? { amount: input.shipping.amount === undefined || input.shipping.amount === null ? undefined : shopCents(input.shipping.amount), fullRefund: input.shipping.fullRefund ?? false, at: ['shipping'] } : undefined,
      transactions: (input.transactions ?? []).map((t, i) => ({
        amount: shopCents(t.amount),
        gateway: t.gateway,
        parentId: t.parentId === undefined || t.parentId === null ? null : (parseGid(t.parentId, 'OrderTransaction') ?? -1),
        at: ['transactions', i],
      })),
      allowOverRefunding: input.allowOverRefunding ?? false,
      discrepancyReason: input.discrepancyReason,
      note: input.note ?? null,
      processedAt: input.processedAt,
    },
  };
}

export const refundResolvers: ResolverModule = {
  query: {
    refund: (args, { shop }) => {
      const found = findRefund(shop, parseGid(args.id, 'Refund'));
      return found ? refundObject(shop, found.order, found.refund) : null;
    },
  },
  mutation: {
    refundCreate: (args, { shop, state }) => {
      const input = args.input as RefundInput;
      if (input.refundDuties?.length || input.refundMethods?.length) {
        throw new ShopifyGraphQLError('The emulator does not implement refundDuties or refundMethods of refundCreate', 'NOT_IMPLEMENTED');
      }
      const order = findOrder(shop, input.orderId);
      if (!order) return { refund: null, order: null, userErrors: [userError(['orderId'], 'Order does not exist')] };
      const read = readInput(input, order);
      if ('errors' in read) return { refund: null, order: null, userErrors: read.errors };
      const planned = planRefund(shop, order, read.request);
      if ('errors' in planned) return { refund: null, order: null, userErrors: planned.errors };
      const refund = applyRefund(shop, state, planned.plan);
      return { refund: refundObject(shop, order, refund), order: orderObject(shop, order), userErrors: [] };
    },
  },
};
