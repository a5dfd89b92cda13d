import type { ActivityDeps } from '../../src/activities/deps';
import { importCustomer } from '../../src/activities/customer-import';
import { customerFromRaw } from '../../src/shopify/customer-mapper';
import { CUSTOMER_ADDRESSES, CUSTOMER_FRAGMENT } from '../../src/shopify/documents/customers';

/**
 * The connector's request structure for customers (reference 2.7), as a baseline: a page of 200
 * customer ids, then one request per customer for its fields (the same fragment as the project's
 * import), one activity per customer. The ERP work is the project's own `importCustomer`.
 */
export const BASELINE_CUSTOMER_IDS_QUERY = `#graphql
  query BaselineCustomerIds($after: String, $query: String) {
    customers(first: 200, after: $after, query: $query) {
      edges { cursor node { id updatedAt } }
      pageInfo { hasNextPage }
    }
  }
` as const;

export const BASELINE_CUSTOMER_QUERY = `#graphql
  query BaselineCustomer($id: ID!, $addresses: Int!) {
    customer(id: $id) { ...CustomerFields }
  }
  ${CUSTOMER_FRAGMENT}
` as const;

export function createCustomerBaselineActivities({ shopify, erp }: ActivityDeps) {
  return {
    async baselineCustomerIdsPage(input: { shop: string; query: string; after: string | null }): Promise<{ ids: string[]; after: string | null; hasNextPage: boolean }> {
      const { data } = await shopify.forShop(input.shop).request(BASELINE_CUSTOMER_IDS_QUERY, { after: input.after, query: input.query });
      const edges = data.customers.edges;
      return { ids: edges.map((e) => e.node.id), after: edges[edges.length - 1]?.cursor ?? input.after, hasNextPage: data.customers.pageInfo.hasNextPage };
    },

    async baselineImportCustomer(input: { shop: string; id: string }): Promise<string> {
      const { data } = await shopify.forShop(input.shop).request(BASELINE_CUSTOMER_QUERY, { id: input.id, addresses: CUSTOMER_ADDRESSES });
      if (!data.customer) return 'gone';
      const { settings } = await erp.shops.get(input.shop);
      const customer = customerFromRaw(data.customer);
      const mirror = await erp.shopifyCustomers.get(input.shop, customer.shopifyId);
      return importCustomer(erp, input.shop, settings, customer, mirror, false);
    },
  };
}

export type CustomerBaselineActivities = ReturnType<typeof createCustomerBaselineActivities>;
