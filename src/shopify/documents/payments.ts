/** Shopify Payments payouts and balance transactions, by id above the highest one stored. */
export const PAYOUTS_QUERY = `#graphql
  query Payouts($first: Int!, $after: String, $query: String) {
    shopifyPaymentsAccount {
      payouts(first: $first, after: $after, query: $query) {
        nodes {
          id
          status
          issuedAt
          net { amount currencyCode }
          gross { amount }
          summary { chargesFee { amount } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
` as const;


export const BALANCE_TRANSACTIONS_QUERY = `#graphql
  query BalanceTransactions($first: Int!, $after: String, $query: String) {
    shopifyPaymentsAccount {
      balanceTransactions(first: $first, after: $after, query: $query) {
        nodes {
          id
          type
          transactionDate
          amount { amount currencyCode }
          fee { amount }
          net { amount }
          associatedPayout { id status }
          associatedOrder { id }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
` as const;
