import type { OrderHeaderFieldsFragment, OrderLineFieldsFragment, OrdersPageQuery } from '../types/admin.generated';

/**
 * Orders, read a page at a time with their lines, shipping lines and transactions in the same
 * request (the connector needs a page query, one header query per order and one per 10 lines).
 * Fulfillment orders are read when a shipment is sent, where they are needed fresh.
 */

/** Lines read with each order; an order with more gets one more request for the rest. */
export const ORDER_LINES_PER_PAGE = 6;
/** Orders per request: 9 × 100 points keeps the requested cost under Shopify's 1,000 (a test checks it). */
export const ORDERS_PER_PAGE = 9;

/** The order fields the ERP keeps (the connector's order header), shared by every order query. */
export const ORDER_HEADER_FRAGMENT = `#graphql
  fragment OrderHeaderFields on Order {
    id
    name
    createdAt
    updatedAt
    closed
    cancelledAt
    test
    email
    phone
    currencyCode
    presentmentCurrencyCode
    taxesIncluded
    displayFinancialStatus
    displayFulfillmentStatus
    sourceName
    tags
    note
    poNumber
    customAttributes { key value }
    channelInformation { channelDefinition { handle } }
    customer { id email phone firstName lastName }
    purchasingEntity { ... on PurchasingCompany { company { id } location { id } } }
    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }
    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }
    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }
    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }
    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }
    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }
    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }
    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }
    shippingLines(first: 2) {
      nodes { title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } } }
    }
    transactions(first: 3) {
      id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }
    }
  }
` as const;

/** The line fields the ERP keeps (the connector's order line). */
export const ORDER_LINE_FRAGMENT = `#graphql
  fragment OrderLineFields on LineItem {
    id
    sku
    title
    quantity
    currentQuantity
    isGiftCard
    requiresShipping
    variant { id barcode }
    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }
    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }
  }
` as const;

export const ORDERS_PAGE_QUERY = `#graphql
  query OrdersPage($first: Int!, $after: String, $query: String, $lines: Int!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ...OrderHeaderFields
        lineItems(first: $lines) {
          nodes { ...OrderLineFields }
          pageInfo { hasNextPage endCursor }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ORDER_HEADER_FRAGMENT}
  ${ORDER_LINE_FRAGMENT}
` as const;

/** The rest of the lines of an order with more than fit in the page query. */
export const ORDER_MORE_LINES_QUERY = `#graphql
  query OrderMoreLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 100, after: $after) {
        nodes { ...OrderLineFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ORDER_LINE_FRAGMENT}
` as const;

/** A money field in shop and presentment currencies, as the order documents select it. */
export interface MoneyBag {
  shopMoney: { amount: string };
  presentmentMoney: { amount: string };
}

/** An order as the page query returns it, with its first lines; its line and address shapes. */
export type RawOrder = OrdersPageQuery['orders']['nodes'][number];
export type RawLine = OrderLineFieldsFragment;
export type RawAddress = NonNullable<OrderHeaderFieldsFragment['billingAddress']>;

/** The ERP document number written back to the order (the connector's "BC Doc. No." attribute). */
export const DOCUMENT_NO_ATTRIBUTE = 'ERP Doc. No.';

export const ORDER_SET_ATTRIBUTES = `#graphql
  mutation OrderSetAttributes($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id updatedAt }
      userErrors { field message }
    }
  }
` as const;


export const ORDER_CLOSE = `#graphql
  mutation OrderClose($input: OrderCloseInput!) {
    orderClose(input: $input) {
      order { id closed }
      userErrors { field message }
    }
  }
` as const;
