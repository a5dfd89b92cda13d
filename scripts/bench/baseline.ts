import type { ActivityDeps } from '../../src/activities/deps';
import { ORDER_HEADER_FRAGMENT, ORDER_LINE_FRAGMENT, ORDER_LISTS_FRAGMENT, type RawLine, type RawOrder } from '../../src/shopify/documents/orders';
import type { ShopifyResult } from '../../src/shopify/client';
import { orderFromRaw } from '../../src/shopify/order-mapper';
import type { BaselineOrderLinesQuery } from '../../src/shopify/types/admin.generated';

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
` as const;

export const BASELINE_HEADER_QUERY = `#graphql
  query BaselineOrderHeader($id: ID!) {
    order(id: $id) { ...OrderHeaderFields }
  }
  ${ORDER_HEADER_FRAGMENT}
  ${ORDER_LISTS_FRAGMENT}
` as const;

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
` as const;

export function createBaselineActivities({ shopify, erp }: ActivityDeps) {
  return {
    async baselineOrdersPage(input: { shop: string; query: string; after: string | null }): Promise<{ ids: string[]; after: string | null; hasNextPage: boolean }> {
      const { data } = await shopify.forShop(input.shop).request(BASELINE_PAGE_QUERY, { after: input.after, query: input.query });
      return { ids: data.orders.nodes.map((n) => n.id), after: data.orders.pageInfo.endCursor ?? null, hasNextPage: data.orders.pageInfo.hasNextPage };
    },

    async baselineImportOrder(input: { shop: string; id: string }): Promise<void> {
      const client = shopify.forShop(input.shop);
      const { data } = await client.request(BASELINE_HEADER_QUERY, { id: input.id });
      if (!data.order) return;
      const lines: RawLine[] = [];
      let after: string | null = null;
      for (;;) {
        const page: ShopifyResult<BaselineOrderLinesQuery> = await client.request(BASELINE_LINES_QUERY, { id: input.id, after });
        const lineItems = page.data.order?.lineItems;
        if (!lineItems) break;
        lines.push(...lineItems.nodes);
        if (!lineItems.pageInfo.hasNextPage) break;
        after = lineItems.pageInfo.endCursor ?? null;
      }
      const raw: RawOrder = { ...data.order, lineItems: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };
      await erp.orders.upsertFromShopify(input.shop, orderFromRaw(raw, { lines, shippingLines: [] }));
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
