import type { EmulatedOrder } from '../commerce';
import { expressionMatcher, parseSearchExpression, rewriteTagNot, type FieldKinds, type FieldReader } from '../search-query';
import type { EmulatedShop } from '../state';
import { financialStatus, fulfillmentStatus } from './objects';
import { sortKeyOf, type SortValue } from './sorted-page';

/** The `fulfillment_status` search values (shopify.dev, orders query) for each displayFulfillmentStatus. */
const FULFILLMENT_FILTER: Record<string, string[]> = {
  unshipped: ['UNFULFILLED'],
  unfulfilled: ['UNFULFILLED'],
  shipped: ['FULFILLED'],
  fulfilled: ['FULFILLED'],
  partial: ['PARTIALLY_FULFILLED'],
};

const words = (text: string | null) => (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * `status` values (shopify.dev, 2026-10): open, closed, cancelled, not_closed. A cancelled order is closed
 * here as in Shopify's admin, so `open` leaves it out; `not_closed` only asks that it is not closed.
 */
function statuses(order: EmulatedOrder): string[] {
  const values: string[] = [];
  if (!order.closedAt) values.push('not_closed');
  if (!order.closedAt && !order.cancelledAt) values.push('open');
  if (order.closedAt) values.push('closed');
  if (order.cancelledAt) values.push('cancelled');
  return values;
}

/** The `orders` query filters of shopify.dev (2026-10) that the emulator's records answer. */
function orderFields(shop: EmulatedShop): Record<string, FieldReader<EmulatedOrder>> {
  const customerName = (order: EmulatedOrder) => {
    const customer = order.customerId === null ? undefined : shop.customers.find((c) => c.id === order.customerId);
    return customer ? [...words(customer.firstName), ...words(customer.lastName)] : [];
  };
  return {
    // A bare word: the order's name or number, its email, its customer's name.
    default: (o) => [o.name, o.name.replace(/^#/, ''), ...(o.email ? [o.email] : []), ...customerName(o)],
    id: (o) => o.id,
    name: (o) => [o.name, o.name.replace(/^#/, '')],
    email: (o) => o.email,
    customer_id: (o) => o.customerId,
    created_at: (o) => o.createdAt,
    updated_at: (o) => o.updatedAt,
    processed_at: (o) => o.processedAt,
    status: statuses,
    financial_status: (o) => financialStatus(o).toLowerCase(),
    fulfillment_status: (o) => {
      const status = fulfillmentStatus(o);
      return Object.entries(FULFILLMENT_FILTER).filter(([, values]) => values.includes(status)).map(([name]) => name);
    },
    channel: (o) => o.channelHandle,
    source_name: (o) => o.sourceName,
    tag: (o) => o.tags,
    test: (o) => String(o.test),
    po_number: (o) => o.poNumber,
    sku: (o) => o.lineItems.map((l) => l.sku).filter((sku): sku is string => !!sku),
    gateway: (o) => o.transactions.map((t) => t.gateway),
    risk_level: (o) => o.riskLevel.toLowerCase(),
  };
}

const ORDER_KINDS: FieldKinds = { default: 'tokens', id: 'number', customer_id: 'number', created_at: 'date', updated_at: 'date', processed_at: 'date' };

/** The orders a `query` selects; `tag_not:x` is `-tag:x`. */
export function orderMatcher(shop: EmulatedShop, query: unknown): (order: EmulatedOrder) => boolean {
  return expressionMatcher(rewriteTagNot(parseSearchExpression(typeof query === 'string' ? query : null)), orderFields(shop), ORDER_KINDS);
}

const ORDER_SORTS: Record<string, (order: EmulatedOrder) => SortValue> = {
  ID: (o) => o.id,
  CREATED_AT: (o) => o.createdAt,
  UPDATED_AT: (o) => o.updatedAt,
  // The schema's default sort key for `orders`.
  PROCESSED_AT: (o) => o.processedAt,
  ORDER_NUMBER: (o) => o.number,
};

/** The sort of an `orders(sortKey:)`; GraphQL execution fills in the schema's default, PROCESSED_AT, when it is absent. */
export function orderSort(sortKey: unknown): (order: EmulatedOrder) => SortValue {
  return sortKeyOf(ORDER_SORTS, sortKey);
}
