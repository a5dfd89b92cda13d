/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type BaselineOrdersToImportQueryVariables = AdminTypes.Exact<{
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineOrdersToImportQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'tags'>
      & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type BaselineOrderHeaderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BaselineOrderHeaderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
    & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, channelInformation?: AdminTypes.Maybe<{ channelDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ChannelDefinition, 'handle'>> }>, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'email' | 'phone' | 'firstName' | 'lastName'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, shippingLines: { nodes: Array<(
        Pick<AdminTypes.ShippingLine, 'title' | 'code'>
        & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )> }, transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
      & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )> }
  )> };

export type BaselineOrderLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BaselineOrderLinesQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type OrderFulfillmentStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderFulfillmentStateQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, lineItems: { nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'remainingQuantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
          )> } }
      )> }, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'createdAt' | 'status'>
      & { fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )> }
  )> };

export type FulfillmentCreateMutationVariables = AdminTypes.Exact<{
  fulfillment: AdminTypes.FulfillmentInput;
}>;


export type FulfillmentCreateMutation = { fulfillmentCreate?: AdminTypes.Maybe<{ fulfillment?: AdminTypes.Maybe<Pick<AdminTypes.Fulfillment, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type OrderHeaderFieldsFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
  & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, channelInformation?: AdminTypes.Maybe<{ channelDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ChannelDefinition, 'handle'>> }>, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'email' | 'phone' | 'firstName' | 'lastName'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, shippingLines: { nodes: Array<(
      Pick<AdminTypes.ShippingLine, 'title' | 'code'>
      & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )> }, transactions: Array<(
    Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
    & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
  )> }
);

export type OrderLineFieldsFragment = (
  Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
  & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
);

export type OrdersPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  lines: AdminTypes.Scalars['Int']['input'];
}>;


export type OrdersPageQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'closed' | 'cancelledAt' | 'test' | 'email' | 'phone' | 'currencyCode' | 'presentmentCurrencyCode' | 'taxesIncluded' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'sourceName' | 'tags' | 'note' | 'poNumber'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
          & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, channelInformation?: AdminTypes.Maybe<{ channelDefinition?: AdminTypes.Maybe<Pick<AdminTypes.ChannelDefinition, 'handle'>> }>, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'email' | 'phone' | 'firstName' | 'lastName'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'zip' | 'provinceCode' | 'countryCodeV2' | 'phone'>>, subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountsSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, cartDiscountAmountSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, shippingLines: { nodes: Array<(
          Pick<AdminTypes.ShippingLine, 'title' | 'code'>
          & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
        )> }, transactions: Array<(
        Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
        & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type OrderMoreLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderMoreLinesQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'quantity' | 'currentQuantity' | 'isGiftCard' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'barcode'>>, originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type OrderSetAttributesMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderInput;
}>;


export type OrderSetAttributesMutation = { orderUpdate?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'updatedAt'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type OrderCloseMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderCloseInput;
}>;


export type OrderCloseMutation = { orderClose?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'closed'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type PayoutsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type PayoutsQuery = { shopifyPaymentsAccount?: AdminTypes.Maybe<{ payouts: { nodes: Array<(
        Pick<AdminTypes.ShopifyPaymentsPayout, 'id' | 'status' | 'issuedAt'>
        & { net: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, gross: Pick<AdminTypes.MoneyV2, 'amount'>, summary: { chargesFee: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type BalanceTransactionsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type BalanceTransactionsQuery = { shopifyPaymentsAccount?: AdminTypes.Maybe<{ balanceTransactions: { nodes: Array<(
        Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, 'id' | 'type' | 'transactionDate'>
        & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, fee: Pick<AdminTypes.MoneyV2, 'amount'>, net: Pick<AdminTypes.MoneyV2, 'amount'>, associatedPayout: Pick<AdminTypes.ShopifyPaymentsBalanceTransactionAssociatedPayout, 'id' | 'status'>, associatedOrder?: AdminTypes.Maybe<Pick<AdminTypes.ShopifyPaymentsAssociatedOrder, 'id'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopInfoQuery = { shop: (
    Pick<AdminTypes.Shop, 'id' | 'name' | 'email' | 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone' | 'timezoneAbbreviation'>
    & { plan: Pick<AdminTypes.ShopPlan, 'displayName' | 'shopifyPlus' | 'partnerDevelopment'>, primaryDomain: Pick<AdminTypes.Domain, 'host'> }
  ) };

export type ShopLocationsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ShopLocationsQuery = { locations: { nodes: Array<(
      Pick<AdminTypes.Location, 'id' | 'name' | 'isActive' | 'fulfillsOnlineOrders' | 'shipsInventory'>
      & { address: Pick<AdminTypes.LocationAddress, 'city' | 'countryCode'> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

interface GeneratedQueryTypes {
  "#graphql\n  query BaselineOrdersToImport($after: String, $query: String) {\n    orders(first: 25, after: $after, query: $query) {\n      nodes { id name createdAt updatedAt closed displayFinancialStatus displayFulfillmentStatus tags totalPriceSet { shopMoney { amount } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": {return: BaselineOrdersToImportQuery, variables: BaselineOrdersToImportQueryVariables},
  "#graphql\n  query BaselineOrderHeader($id: ID!) {\n    order(id: $id) { ...OrderHeaderFields }\n  }\n  #graphql\n  fragment OrderHeaderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    closed\n    cancelledAt\n    test\n    email\n    phone\n    currencyCode\n    presentmentCurrencyCode\n    taxesIncluded\n    displayFinancialStatus\n    displayFulfillmentStatus\n    sourceName\n    tags\n    note\n    poNumber\n    customAttributes { key value }\n    channelInformation { channelDefinition { handle } }\n    customer { id email phone firstName lastName }\n    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }\n    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }\n    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    shippingLines(first: 2) {\n      nodes { title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } } }\n    }\n    transactions(first: 3) {\n      id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }\n    }\n  }\n\n": {return: BaselineOrderHeaderQuery, variables: BaselineOrderHeaderQueryVariables},
  "#graphql\n  query BaselineOrderLines($id: ID!, $after: String) {\n    order(id: $id) {\n      lineItems(first: 10, after: $after) {\n        nodes { ...OrderLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: BaselineOrderLinesQuery, variables: BaselineOrderLinesQueryVariables},
  "#graphql\n  query OrderFulfillmentState($id: ID!) {\n    order(id: $id) {\n      id\n      fulfillmentOrders(first: 5) {\n        nodes {\n          id\n          status\n          assignedLocation { location { id } }\n          lineItems(first: 25) {\n            nodes { id remainingQuantity lineItem { id } }\n          }\n        }\n      }\n      fulfillments(first: 5) {\n        id\n        createdAt\n        status\n        fulfillmentLineItems(first: 25) {\n          nodes { quantity lineItem { id } }\n        }\n      }\n    }\n  }\n": {return: OrderFulfillmentStateQuery, variables: OrderFulfillmentStateQueryVariables},
  "#graphql\n  query OrdersPage($first: Int!, $after: String, $query: String, $lines: Int!) {\n    orders(first: $first, after: $after, query: $query) {\n      nodes {\n        ...OrderHeaderFields\n        lineItems(first: $lines) {\n          nodes { ...OrderLineFields }\n          pageInfo { hasNextPage endCursor }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n  #graphql\n  fragment OrderHeaderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    closed\n    cancelledAt\n    test\n    email\n    phone\n    currencyCode\n    presentmentCurrencyCode\n    taxesIncluded\n    displayFinancialStatus\n    displayFulfillmentStatus\n    sourceName\n    tags\n    note\n    poNumber\n    customAttributes { key value }\n    channelInformation { channelDefinition { handle } }\n    customer { id email phone firstName lastName }\n    billingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    shippingAddress { firstName lastName company address1 address2 city zip provinceCode countryCodeV2 phone }\n    subtotalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalShippingPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountsSet { shopMoney { amount } presentmentMoney { amount } }\n    cartDiscountAmountSet { shopMoney { amount } presentmentMoney { amount } }\n    totalTaxSet { shopMoney { amount } presentmentMoney { amount } }\n    totalPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    shippingLines(first: 2) {\n      nodes { title code originalPriceSet { shopMoney { amount } presentmentMoney { amount } } }\n    }\n    transactions(first: 3) {\n      id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } }\n    }\n  }\n\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: OrdersPageQuery, variables: OrdersPageQueryVariables},
  "#graphql\n  query OrderMoreLines($id: ID!, $after: String) {\n    order(id: $id) {\n      lineItems(first: 100, after: $after) {\n        nodes { ...OrderLineFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n  #graphql\n  fragment OrderLineFields on LineItem {\n    id\n    sku\n    title\n    quantity\n    currentQuantity\n    isGiftCard\n    requiresShipping\n    variant { id barcode }\n    originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } }\n    totalDiscountSet { shopMoney { amount } presentmentMoney { amount } }\n  }\n\n": {return: OrderMoreLinesQuery, variables: OrderMoreLinesQueryVariables},
  "#graphql\n  query Payouts($first: Int!, $after: String, $query: String) {\n    shopifyPaymentsAccount {\n      payouts(first: $first, after: $after, query: $query) {\n        nodes {\n          id\n          status\n          issuedAt\n          net { amount currencyCode }\n          gross { amount }\n          summary { chargesFee { amount } }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: PayoutsQuery, variables: PayoutsQueryVariables},
  "#graphql\n  query BalanceTransactions($first: Int!, $after: String, $query: String) {\n    shopifyPaymentsAccount {\n      balanceTransactions(first: $first, after: $after, query: $query) {\n        nodes {\n          id\n          type\n          transactionDate\n          amount { amount currencyCode }\n          fee { amount }\n          net { amount }\n          associatedPayout { id status }\n          associatedOrder { id }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: BalanceTransactionsQuery, variables: BalanceTransactionsQueryVariables},
  "#graphql\n  query ShopInfo {\n    shop {\n      id\n      name\n      email\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      timezoneAbbreviation\n      plan {\n        displayName\n        shopifyPlus\n        partnerDevelopment\n      }\n      primaryDomain {\n        host\n      }\n    }\n  }\n": {return: ShopInfoQuery, variables: ShopInfoQueryVariables},
  "#graphql\n  query ShopLocations($first: Int!, $after: String) {\n    locations(first: $first, after: $after, includeInactive: true) {\n      nodes {\n        id\n        name\n        isActive\n        fulfillsOnlineOrders\n        shipsInventory\n        address {\n          city\n          countryCode\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: ShopLocationsQuery, variables: ShopLocationsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {\n    fulfillmentCreate(fulfillment: $fulfillment) {\n      fulfillment { id status }\n      userErrors { field message }\n    }\n  }\n": {return: FulfillmentCreateMutation, variables: FulfillmentCreateMutationVariables},
  "#graphql\n  mutation OrderSetAttributes($input: OrderInput!) {\n    orderUpdate(input: $input) {\n      order { id updatedAt }\n      userErrors { field message }\n    }\n  }\n": {return: OrderSetAttributesMutation, variables: OrderSetAttributesMutationVariables},
  "#graphql\n  mutation OrderClose($input: OrderCloseInput!) {\n    orderClose(input: $input) {\n      order { id closed }\n      userErrors { field message }\n    }\n  }\n": {return: OrderCloseMutation, variables: OrderCloseMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
