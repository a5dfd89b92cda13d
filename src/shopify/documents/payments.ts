/**
 * Shopify Payments payouts and balance transactions, by id above the highest one stored. A payout's
 * gross and fees are its summary's, every kind counted (`gross` itself is deprecated in 2026-10).
 */
export const PAYOUTS_QUERY = `#graphql
  query Payouts($first: Int!, $after: String, $query: String) {
    shopifyPaymentsAccount {
      payouts(first: $first, after: $after, query: $query) {
        nodes {
          id
          status
          issuedAt
          net { amount currencyCode }
          summary {
            chargesGross { amount } chargesFee { amount }
            refundsFeeGross { amount } refundsFee { amount }
            adjustmentsGross { amount } adjustmentsFee { amount }
            advanceGross { amount } advanceFees { amount }
            reservedFundsGross { amount } reservedFundsFee { amount }
            retriedPayoutsGross { amount } retriedPayoutsFee { amount }
          }
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
