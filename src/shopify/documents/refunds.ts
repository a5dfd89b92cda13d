import type { RefundDetailsQuery } from '../types/admin.generated';

/**
 * One refund with what a credit memo needs: refunded lines (restock type and location), refunded
 * shipping, Shopify's order adjustments (the difference between computed and returned money) and the
 * refund transactions. Read once per new or changed refund; a long refund is read on with the cursors
 * of the parts that have more (the parts already complete are asked again from their last cursor and
 * come back empty).
 */
export const REFUND_LINES_PER_PAGE = 40;
export const REFUND_PARTS_PER_PAGE = 10;

export const REFUND_DETAILS_QUERY = `#graphql
  query RefundDetails(
    $id: ID!
    $lines: Int!
    $parts: Int!
    $linesAfter: String
    $shippingAfter: String
    $adjustmentsAfter: String
    $transactionsAfter: String
  ) {
    node(id: $id) {
      ... on Refund {
        id
        createdAt
        updatedAt
        note
        order { id }
        return { id }
        totalRefundedSet { shopMoney { amount } presentmentMoney { amount } }
        refundLineItems(first: $lines, after: $linesAfter) {
          nodes {
            id
            quantity
            restockType
            restocked
            location { id }
            lineItem { id }
            priceSet { shopMoney { amount } presentmentMoney { amount } }
            subtotalSet { shopMoney { amount } presentmentMoney { amount } }
            totalTaxSet { shopMoney { amount } presentmentMoney { amount } }
          }
          pageInfo { hasNextPage endCursor }
        }
        refundShippingLines(first: $parts, after: $shippingAfter) {
          nodes {
            shippingLine { title }
            subtotalAmountSet { shopMoney { amount } presentmentMoney { amount } }
            taxAmountSet { shopMoney { amount } presentmentMoney { amount } }
          }
          pageInfo { hasNextPage endCursor }
        }
        orderAdjustments(first: $parts, after: $adjustmentsAfter) {
          nodes {
            reason
            amountSet { shopMoney { amount } presentmentMoney { amount } }
            taxAmountSet { shopMoney { amount } presentmentMoney { amount } }
          }
          pageInfo { hasNextPage endCursor }
        }
        transactions(first: $parts, after: $transactionsAfter) {
          nodes { id kind status gateway amountSet { shopMoney { amount } presentmentMoney { amount } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
` as const;

export type RawRefund = Extract<NonNullable<RefundDetailsQuery['node']>, { refundLineItems: unknown }>;
