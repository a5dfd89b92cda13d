/**
 * What an order can still fulfil, and the fulfillments made since a moment (to recognise our own after a
 * lost answer). Every list is read in full: connections page with `after`, the plain `Order.fulfillments`
 * list is read up to FULFILLMENTS_PER_ORDER and checked against `fulfillmentsCount`.
 * Page sizes keep each document under Shopify's 1,000-point requested cost.
 */
export const FULFILLMENT_ORDERS_PER_PAGE = 10;
export const FULFILLMENT_ORDER_LINES_PER_PAGE = 30;
export const FULFILLMENT_ORDER_MORE_LINES_PER_PAGE = 250;
export const FULFILLMENTS_PER_ORDER = 250;
export const FULFILLMENT_LINES_PER_PAGE = 250;

export const FULFILLMENT_ORDER_FRAGMENT = `#graphql
  fragment FulfillmentOrderState on FulfillmentOrder {
    id
    status
    requestStatus
    fulfillAt
    fulfillmentHolds { id reason displayReason }
    supportedActions { action }
    assignedLocation { name location { id isFulfillmentService } }
  }
` as const;

export const ORDER_FULFILLMENT_ORDERS_QUERY = `#graphql
  ${FULFILLMENT_ORDER_FRAGMENT}
  query OrderFulfillmentOrders($id: ID!, $first: Int!, $after: String, $lines: Int!) {
    order(id: $id) {
      id
      fulfillmentOrders(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          ...FulfillmentOrderState
          lineItems(first: $lines) {
            pageInfo { hasNextPage endCursor }
            nodes { id remainingQuantity lineItem { id } }
          }
        }
      }
    }
  }
` as const;

export const FULFILLMENT_ORDER_LINES_QUERY = `#graphql
  query FulfillmentOrderLines($id: ID!, $first: Int!, $after: String) {
    fulfillmentOrder(id: $id) {
      id
      lineItems(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id remainingQuantity lineItem { id } }
      }
    }
  }
` as const;

export const ORDER_FULFILLMENTS_QUERY = `#graphql
  query OrderFulfillments($id: ID!, $first: Int!) {
    order(id: $id) {
      id
      fulfillmentsCount { count precision }
      fulfillments(first: $first) { id createdAt status location { id } }
    }
  }
` as const;

export const FULFILLMENT_LINES_QUERY = `#graphql
  query FulfillmentLines($id: ID!, $first: Int!, $after: String) {
    fulfillment(id: $id) {
      id
      fulfillmentLineItems(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { quantity lineItem { id } }
      }
    }
  }
` as const;

export const FULFILLMENT_CREATE = `#graphql
  mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment { id status }
      userErrors { field message }
    }
  }
` as const;

/** Releases the holds we saw (by id, as the docs advise, so a hold placed since is not released unseen). */
export const FULFILLMENT_ORDER_RELEASE_HOLD = `#graphql
  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder { id status }
      userErrors { field message code }
    }
  }
` as const;

export const FULFILLMENT_ORDER_OPEN = `#graphql
  mutation FulfillmentOrderOpen($id: ID!) {
    fulfillmentOrderOpen(id: $id) {
      fulfillmentOrder { id status }
      userErrors { field message }
    }
  }
` as const;
