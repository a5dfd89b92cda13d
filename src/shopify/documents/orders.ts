import type {
  OrderHeaderFieldsFragment,
  OrderLineFieldsFragment,
  OrderShippingLineFieldsFragment,
  OrderTransactionFieldsFragment,
  OrdersPageQuery,
} from '../types/admin.generated';

/**
 * Orders, read a page at a time with their lines, shipping lines and transactions in the same
 * request (the connector needs a page query, one header query per order and one per 10 lines).
 * Fulfillment orders are read when a shipment is sent, where they are needed fresh.
 */

/** Lines read with each order; an order with more gets one more request for the rest. */
export const ORDER_LINES_PER_PAGE = 6;
/** Orders per request: 9 × 110 points (992 requested) keeps the cost under Shopify's 1,000 (a test checks it). */
export const ORDERS_PER_PAGE = 9;

/** The order fields the ERP keeps (the connector's order header) that are no list: the paged and the bulk query share them. */
export const ORDER_FIELDS_FRAGMENT = `#graphql
  fragment OrderFields on Order {
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
    attribution { handle }
    customer { id defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } firstName lastName }
    purchasingEntity { ... on PurchasingCompany { company { id } location { id } } }
    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }
    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }
    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }
    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }
    currentShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }
    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }
    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }
    currentCartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }
    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }
    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }
  }
` as const;

/** The order header with the start of its lists, read by every paged order query. */
export const ORDER_HEADER_FRAGMENT = `#graphql
  fragment OrderHeaderFields on Order {
    ...OrderFields
    shippingLines(first: 2) {
      nodes { ...OrderShippingLineFields }
      pageInfo { hasNextPage endCursor }
    }
    transactions(first: 3) { ...OrderTransactionFields }
    refunds(first: 3) { id updatedAt }
  }
  ${ORDER_FIELDS_FRAGMENT}
` as const;

/** The shipping line and transaction fields, read by the page query and by ORDER_REST_QUERY. */
export const ORDER_LISTS_FRAGMENT = `#graphql
  fragment OrderShippingLineFields on ShippingLine {
    title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } }
  }
  fragment OrderTransactionFields on OrderTransaction {
    id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }
  }
` as const;

/** Lists the page query reads only the start of; a full list (or a next page) sends the order to ORDER_REST_QUERY. */
export const ORDER_TRANSACTIONS_PER_PAGE = 3;
export const ORDER_REFUNDS_PER_PAGE = 3;

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
  ${ORDER_LISTS_FRAGMENT}
` as const;

/**
 * The rest of an order that did not fit in the page query: more lines, more shipping lines, all its
 * transactions and refunds (plain lists, read whole). Each part is asked for only when it is needed.
 */
export const ORDER_REST_QUERY = `#graphql
  query OrderRest(
    $id: ID!
    $linesAfter: String
    $withLines: Boolean!
    $shippingAfter: String
    $withShipping: Boolean!
    $withTransactions: Boolean!
    $withRefunds: Boolean!
  ) {
    order(id: $id) {
      lineItems(first: 90, after: $linesAfter) @include(if: $withLines) {
        nodes { ...OrderLineFields }
        pageInfo { hasNextPage endCursor }
      }
      shippingLines(first: 25, after: $shippingAfter) @include(if: $withShipping) {
        nodes { ...OrderShippingLineFields }
        pageInfo { hasNextPage endCursor }
      }
      transactions @include(if: $withTransactions) { ...OrderTransactionFields }
      refunds @include(if: $withRefunds) { id updatedAt }
    }
  }
  ${ORDER_LINE_FRAGMENT}
  ${ORDER_LISTS_FRAGMENT}
` as const;

/** A money field in shop and presentment currencies, as the order documents select it. */
export interface MoneyBag {
  shopMoney: { amount: string };
  presentmentMoney: { amount: string };
}

/** An order as the page query returns it, with its first lines; its line and address shapes. */
export type RawOrder = OrdersPageQuery['orders']['nodes'][number];
export type RawLine = OrderLineFieldsFragment;
export type RawShippingLine = OrderShippingLineFieldsFragment;
export type RawTransaction = OrderTransactionFieldsFragment;
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
