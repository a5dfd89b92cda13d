import type { ActivityDeps } from '../../src/activities/deps';
import { ORDER_HEADER_FRAGMENT, ORDER_LINE_FRAGMENT, type RawLine, type RawOrder } from '../../src/shopify/documents/orders';
import { orderFromRaw } from '../../src/shopify/order-mapper';

/**
 * The connector's request structure for importing orders (reference 2.1 and 3.1), as a baseline:
 * a page of 25 orders, then for each order one request for its header and one per 10 lines,
 * selecting the same fields as the project's import (the same fragments). Run as one activity per order, as a direct port
 * of the connector's per-order loop would be.
 */
export const BASELINE_PAGE_QUERY = `#graphql
  query BaselineOrdersToImport($after: String, $query: String) {
    orders(first: 25, after: $after, query: $query) {
      nodes { id name createdAt updatedAt closed displayFinancialStatus displayFulfillmentStatus tags totalPriceSet { shopMoney { amount } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const BASELINE_HEADER_QUERY = `#graphql
  query BaselineOrderHeader($id: ID!) {
    order(id: $id) { ...OrderHeaderFields }
  }
  ${ORDER_HEADER_FRAGMENT}
`;

export const BASELINE_LINES_QUERY = `#graphql
  query BaselineOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 10, after: $after) {
        nodes { ...OrderLineFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ORDER_LINE_FRAGMENT}
`;

type Header = Omit<RawOrder, 'lineItems'>;

export function createBaselineActivities({ shopify, erp }: ActivityDeps) {
  return {
    async baselineOrdersPage(input: { shop: string; query: string; after: string | null }): Promise<{ ids: string[]; after: string | null; hasNextPage: boolean }> {
      const { data } = await shopify.forShop(input.shop).request<{ orders: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        BASELINE_PAGE_QUERY,
        { after: input.after, query: input.query },
      );
      return { ids: data.orders.nodes.map((n) => n.id), after: data.orders.pageInfo.endCursor, hasNextPage: data.orders.pageInfo.hasNextPage };
    },

    async baselineImportOrder(input: { shop: string; id: string }): Promise<void> {
      const client = shopify.forShop(input.shop);
      const { data } = await client.request<{ order: Header }>(BASELINE_HEADER_QUERY, { id: input.id });
      const lines: RawLine[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data: { order: { lineItems: { nodes: RawLine[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } } = await client.request(BASELINE_LINES_QUERY, { id: input.id, after });
        lines.push(...page.data.order.lineItems.nodes);
        if (!page.data.order.lineItems.pageInfo.hasNextPage) break;
        after = page.data.order.lineItems.pageInfo.endCursor;
      }
      const raw: RawOrder = { ...data.order, lineItems: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };
      await erp.orders.upsertFromShopify(input.shop, orderFromRaw(raw, lines));
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
