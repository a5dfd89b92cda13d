import type { ShopifyOrder } from '../domain/order';
import type { ShopifyRefund } from '../domain/refund';
import type { ShopifyAdminClient } from '../shopify/client';
import { ORDER_REFUNDS_PER_PAGE, ORDER_REST_QUERY, ORDER_TRANSACTIONS_PER_PAGE, type RawOrder } from '../shopify/documents/orders';
import { REFUND_DETAILS_QUERY, REFUND_LINES_PER_PAGE, REFUND_PARTS_PER_PAGE } from '../shopify/documents/refunds';
import { orderFromRaw, type OrderRest } from '../shopify/order-mapper';
import { appendRefundParts, refundFromRaw } from '../shopify/refund-mapper';

/**
 * An order of a page made whole: the lines, shipping lines, transactions and refunds the page query
 * cut are read with ORDER_REST_QUERY (one request per order that needs it, each list asked for only
 * when cut), so no list is silently short.
 */
export async function completeOrder(client: ShopifyAdminClient, raw: RawOrder): Promise<{ order: ShopifyOrder; requests: number }> {
  const rest: OrderRest = { lines: [], shippingLines: [] };
  let lines = raw.lineItems.pageInfo;
  let shipping = raw.shippingLines.pageInfo;
  let withTransactions = raw.transactions.length >= ORDER_TRANSACTIONS_PER_PAGE;
  let withRefunds = raw.refunds.length >= ORDER_REFUNDS_PER_PAGE;
  let requests = 0;
  while (lines.hasNextPage || shipping.hasNextPage || withTransactions || withRefunds) {
    const { data } = await client.request(ORDER_REST_QUERY, {
      id: raw.id,
      withLines: lines.hasNextPage,
      linesAfter: lines.endCursor ?? null,
      withShipping: shipping.hasNextPage,
      shippingAfter: shipping.endCursor ?? null,
      withTransactions,
      withRefunds,
    });
    requests += 1;
    if (!data.order) break; // deleted meanwhile: store what the page had
    if (data.order.lineItems) {
      rest.lines.push(...data.order.lineItems.nodes);
      lines = data.order.lineItems.pageInfo;
    }
    if (data.order.shippingLines) {
      rest.shippingLines.push(...data.order.shippingLines.nodes);
      shipping = data.order.shippingLines.pageInfo;
    }
    if (data.order.transactions) rest.transactions = data.order.transactions;
    if (data.order.refunds) rest.refunds = data.order.refunds.map((r) => ({ shopifyId: r.id, updatedAt: r.updatedAt }));
    withTransactions = false;
    withRefunds = false;
  }
  return { order: orderFromRaw(raw, rest), requests };
}

/** One refund in full (its parts read on while any has more), or null when Shopify no longer has it. */
export async function readRefund(client: ShopifyAdminClient, id: string): Promise<{ refund: ShopifyRefund | null; requests: number }> {
  let refund: ShopifyRefund | null = null;
  let requests = 0;
  const after = { linesAfter: null as string | null, shippingAfter: null as string | null, adjustmentsAfter: null as string | null, transactionsAfter: null as string | null };
  for (;;) {
    const { data } = await client.request(REFUND_DETAILS_QUERY, { id, lines: REFUND_LINES_PER_PAGE, parts: REFUND_PARTS_PER_PAGE, ...after });
    requests += 1;
    const raw = data.node;
    if (!raw || !('refundLineItems' in raw)) return { refund: null, requests };
    if (refund) appendRefundParts(refund, raw);
    else refund = refundFromRaw(raw);
    const parts = [raw.refundLineItems.pageInfo, raw.refundShippingLines.pageInfo, raw.orderAdjustments.pageInfo, raw.transactions.pageInfo];
    if (!parts.some((part) => part.hasNextPage)) return { refund, requests };
    // A part already complete is asked again from its end and comes back empty.
    after.linesAfter = raw.refundLineItems.pageInfo.endCursor ?? after.linesAfter;
    after.shippingAfter = raw.refundShippingLines.pageInfo.endCursor ?? after.shippingAfter;
    after.adjustmentsAfter = raw.orderAdjustments.pageInfo.endCursor ?? after.adjustmentsAfter;
    after.transactionsAfter = raw.transactions.pageInfo.endCursor ?? after.transactionsAfter;
  }
}
