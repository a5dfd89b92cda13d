/** What an order can still fulfil, and the fulfillments made since a moment (to recognise our own after a lost answer). */
export const ORDER_FULFILLMENT_STATE_QUERY = `#graphql
  query OrderFulfillmentState($id: ID!) {
    order(id: $id) {
      id
      fulfillmentOrders(first: 5) {
        nodes {
          id
          status
          assignedLocation { location { id } }
          lineItems(first: 25) {
            nodes { id remainingQuantity lineItem { id } }
          }
        }
      }
      fulfillments(first: 5) {
        id
        createdAt
        status
        fulfillmentLineItems(first: 25) {
          nodes { quantity lineItem { id } }
        }
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
