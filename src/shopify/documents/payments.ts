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
`;

export interface PayoutsData {
  shopifyPaymentsAccount: {
    payouts: {
      nodes: Array<{ id: string; status: string; issuedAt: string; net: { amount: string; currencyCode: string }; gross: { amount: string }; summary: { chargesFee: { amount: string } } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

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
`;

export interface BalanceTransactionsData {
  shopifyPaymentsAccount: {
    balanceTransactions: {
      nodes: Array<{
        id: string;
        type: string;
        transactionDate: string;
        amount: { amount: string; currencyCode: string };
        fee: { amount: string };
        net: { amount: string };
        associatedPayout: { id: string | null; status: string | null };
        associatedOrder: { id: string } | null;
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}
