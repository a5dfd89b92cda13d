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
`;

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
`;

export const ORDERS_PAGE_QUERY = `#graphql
  query OrdersPage($first: Int!, $after: String, $query: String, $lines: Int!) {
    orders(first: $first, after: $after, query: $query) {
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
`;

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
`;

/** Shopify's userErrors: the mutation ran, the input was refused, `field` says where. */
export interface ShopifyUserError {
  field: string[] | null;
  message: string;
}

export interface MoneyBag {
  shopMoney: { amount: string };
  presentmentMoney: { amount: string };
}

export interface RawAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  zip: string | null;
  provinceCode: string | null;
  countryCodeV2: string | null;
  phone: string | null;
}

export interface RawLine {
  id: string;
  sku: string | null;
  title: string;
  quantity: number;
  currentQuantity: number;
  isGiftCard: boolean;
  requiresShipping: boolean;
  variant: { id: string; barcode: string | null } | null;
  originalUnitPriceSet: MoneyBag;
  totalDiscountSet: MoneyBag;
}

export interface RawOrder {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  closed: boolean;
  cancelledAt: string | null;
  test: boolean;
  email: string | null;
  phone: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  taxesIncluded: boolean;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  sourceName: string | null;
  tags: string[];
  note: string | null;
  poNumber: string | null;
  customAttributes: Array<{ key: string; value: string | null }>;
  channelInformation: { channelDefinition: { handle: string } | null } | null;
  customer: { id: string; email: string | null; phone: string | null; firstName: string | null; lastName: string | null } | null;
  billingAddress: RawAddress | null;
  shippingAddress: RawAddress | null;
  subtotalPriceSet: MoneyBag;
  totalShippingPriceSet: MoneyBag;
  totalDiscountsSet: MoneyBag;
  cartDiscountAmountSet: MoneyBag | null;
  totalTaxSet: MoneyBag | null;
  totalPriceSet: MoneyBag;
  lineItems: { nodes: RawLine[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  shippingLines: { nodes: Array<{ title: string; code: string | null; originalPriceSet: MoneyBag }> };
  transactions: Array<{ id: string; kind: string; status: string; gateway: string | null; amountSet: MoneyBag }>;
}

export interface OrdersPageData {
  orders: { nodes: RawOrder[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export interface OrderMoreLinesData {
  order: { lineItems: RawOrder['lineItems'] } | null;
}

/** The ERP document number written back to the order (the connector's "BC Doc. No." attribute). */
export const DOCUMENT_NO_ATTRIBUTE = 'ERP Doc. No.';

export const ORDER_SET_ATTRIBUTES = `#graphql
  mutation OrderSetAttributes($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { id updatedAt }
      userErrors { field message }
    }
  }
`;

export interface OrderSetAttributesData {
  orderUpdate: { order: { id: string; updatedAt: string } | null; userErrors: ShopifyUserError[] };
}

export const ORDER_CLOSE = `#graphql
  mutation OrderClose($input: OrderCloseInput!) {
    orderClose(input: $input) {
      order { id closed }
      userErrors { field message }
    }
  }
`;

export interface OrderCloseData {
  orderClose: { order: { id: string; closed: boolean } | null; userErrors: ShopifyUserError[] };
}
