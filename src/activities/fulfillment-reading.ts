import type { OpenFulfillmentOrder, SeenFulfillment } from '../domain/fulfillment-plan';
import type { ShopifyAdminClient, ShopifyResult } from '../shopify/client';
import {
  FULFILLMENT_LINES_PER_PAGE,
  FULFILLMENT_LINES_QUERY,
  FULFILLMENT_ORDER_LINES_PER_PAGE,
  FULFILLMENT_ORDER_LINES_QUERY,
  FULFILLMENT_ORDER_MORE_LINES_PER_PAGE,
  FULFILLMENT_ORDERS_PER_PAGE,
  FULFILLMENTS_PER_ORDER,
  ORDER_FULFILLMENT_ORDERS_QUERY,
  ORDER_FULFILLMENTS_QUERY,
} from '../shopify/documents/fulfillments';
import type { FulfillmentLinesQuery, FulfillmentOrderLinesQuery, OrderFulfillmentOrdersQuery } from '../shopify/types/admin.generated';

/** An order whose fulfillments do not fit the one list Shopify gives: reading on would silently miss some. */
export class TooManyFulfillmentsError extends Error {}

type Line = OpenFulfillmentOrder['lines'][number];
const lineOf = (l: { id: string; remainingQuantity: number; lineItem: { id: string } }): Line => ({ id: l.id, lineItemId: l.lineItem.id, remainingQuantity: l.remainingQuantity });

/** All of an order's fulfillment orders with all their lines; null when the order is gone. */
export async function readFulfillmentOrders(client: ShopifyAdminClient, orderId: string): Promise<OpenFulfillmentOrder[] | null> {
  const result: OpenFulfillmentOrder[] = [];
  let after: string | null = null;
  for (;;) {
    const response: ShopifyResult<OrderFulfillmentOrdersQuery> = await client.request(ORDER_FULFILLMENT_ORDERS_QUERY, { id: orderId, first: FULFILLMENT_ORDERS_PER_PAGE, after, lines: FULFILLMENT_ORDER_LINES_PER_PAGE });
    const order = response.data.order;
    if (!order) return null;
    const page = order.fulfillmentOrders;
    for (const fo of page.nodes) {
      const lines = fo.lineItems.nodes.map(lineOf);
      if (fo.lineItems.pageInfo.hasNextPage) lines.push(...(await moreLines(client, fo.id, fo.lineItems.pageInfo.endCursor ?? null)));
      const location = fo.assignedLocation.location;
      result.push({
        id: fo.id,
        status: fo.status,
        locationId: location?.id ?? null,
        locationName: fo.assignedLocation.name,
        fulfillmentService: location?.isFulfillmentService ?? false,
        holds: fo.fulfillmentHolds.map((h) => ({ id: h.id, reason: h.displayReason || h.reason })),
        fulfillAt: fo.fulfillAt ?? null,
        supportedActions: fo.supportedActions.map((a) => a.action),
        lines,
      });
    }
    if (!page.pageInfo.hasNextPage) return result;
    after = page.pageInfo.endCursor ?? null;
  }
}

async function moreLines(client: ShopifyAdminClient, fulfillmentOrderId: string, after: string | null): Promise<Line[]> {
  const lines: Line[] = [];
  let cursor = after;
  for (;;) {
    const response: ShopifyResult<FulfillmentOrderLinesQuery> = await client.request(FULFILLMENT_ORDER_LINES_QUERY, { id: fulfillmentOrderId, first: FULFILLMENT_ORDER_MORE_LINES_PER_PAGE, after: cursor });
    const connection = response.data.fulfillmentOrder?.lineItems;
    if (!connection) return lines;
    lines.push(...connection.nodes.map(lineOf));
    if (!connection.pageInfo.hasNextPage) return lines;
    cursor = connection.pageInfo.endCursor ?? null;
  }
}

/**
 * The order's fulfillments, with their lines for those `wanted` (the others' lines are not read).
 * `Order.fulfillments` is a plain list: it is read up to FULFILLMENTS_PER_ORDER and compared with
 * `fulfillmentsCount`, so that a longer list raises TooManyFulfillmentsError instead of being cut.
 */
export async function readFulfillments(client: ShopifyAdminClient, orderId: string, wanted: (f: { id: string; status: string; createdAt: string }) => boolean): Promise<SeenFulfillment[]> {
  const { data } = await client.request(ORDER_FULFILLMENTS_QUERY, { id: orderId, first: FULFILLMENTS_PER_ORDER });
  if (!data.order) return [];
  const listed = data.order.fulfillments;
  const total = data.order.fulfillmentsCount;
  if (listed.length >= FULFILLMENTS_PER_ORDER && (!total || total.count > listed.length || total.precision !== 'EXACT')) {
    throw new TooManyFulfillmentsError(`order has more than ${FULFILLMENTS_PER_ORDER} fulfillments in Shopify; the shipments task cannot read them all to recognise its own`);
  }
  const seen: SeenFulfillment[] = [];
  for (const f of listed) {
    const lines = wanted(f) ? await fulfillmentLines(client, f.id) : [];
    seen.push({ id: f.id, status: f.status, createdAt: f.createdAt, locationId: f.location?.id ?? null, lines });
  }
  return seen;
}

async function fulfillmentLines(client: ShopifyAdminClient, fulfillmentId: string): Promise<SeenFulfillment['lines']> {
  const lines: SeenFulfillment['lines'] = [];
  let after: string | null = null;
  for (;;) {
    const response: ShopifyResult<FulfillmentLinesQuery> = await client.request(FULFILLMENT_LINES_QUERY, { id: fulfillmentId, first: FULFILLMENT_LINES_PER_PAGE, after });
    const connection = response.data.fulfillment?.fulfillmentLineItems;
    if (!connection) return lines;
    lines.push(...connection.nodes.map((n) => ({ lineItemId: n.lineItem.id, quantity: n.quantity ?? 0 })));
    if (!connection.pageInfo.hasNextPage) return lines;
    after = connection.pageInfo.endCursor ?? null;
  }
}
