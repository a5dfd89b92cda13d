import { addAmounts } from '../domain/money';
import { shopKey } from '../erp/keys';
import type { ShopifyResult } from '../shopify/client';
import type { BalanceTransactionsQuery, PayoutsQuery } from '../shopify/types/admin.generated';
import { BALANCE_TRANSACTIONS_QUERY, PAYOUTS_QUERY } from '../shopify/documents/payments';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

const PAGE = 100;
/** A payout carries 12 summary amounts: 50 a page keeps the request under Shopify's 1,000 points. */
export const PAYOUTS_PER_PAGE = 50;

function numericId(gid: string): number {
  return Number(gid.split('/').pop());
}

export interface PaymentCounts {
  payouts: number;
  balanceTransactions: number;
  refreshedPayouts: number;
  /** Balance transactions read again because their payout was not final yet. */
  refreshedTransactions?: number;
}

type PayoutSummary = NonNullable<PayoutsQuery['shopifyPaymentsAccount']>['payouts']['nodes'][number]['summary'];

/** Gross and fees of a payout: charges, refunds, adjustments, advances, reserved funds and retried payouts. */
export function payoutTotals(summary: PayoutSummary): { gross: string; fee: string } {
  const gross = [summary.chargesGross, summary.refundsFeeGross, summary.adjustmentsGross, summary.advanceGross, summary.reservedFundsGross, summary.retriedPayoutsGross];
  const fees = [summary.chargesFee, summary.refundsFee, summary.adjustmentsFee, summary.advanceFees, summary.reservedFundsFee, summary.retriedPayoutsFee];
  return { gross: addAmounts(...gross.map((m) => m.amount)), fee: addAmounts(...fees.map((m) => m.amount)) };
}

/** Shopify Payments → ERP (the connector's report 30105), by the highest id stored per shop. */
export function createPaymentActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    async importPayments(input: { shop: string }): Promise<PaymentCounts> {
      const client = shopify.forShop(input.shop);
      const counts: PaymentCounts = { payouts: 0, balanceTransactions: 0, refreshedPayouts: 0 };
      const pending = await erp.payouts.pendingPayoutIds(input.shop);
      const lowestPending = pending.length ? Math.min(...pending) : undefined;
      const highestPayout = await erp.payouts.highestId(input.shop, 'payouts');
      // Payouts not final yet are read again with the new ones, to pick up their status.
      const payoutFrom = lowestPending !== undefined ? `id:>=${lowestPending}` : `id:>${highestPayout}`;
      let after: string | null = null;
      for (;;) {
        const response: ShopifyResult<PayoutsQuery> = await client.request(PAYOUTS_QUERY, { first: PAYOUTS_PER_PAGE, after, query: payoutFrom });
        const page = response.data.shopifyPaymentsAccount?.payouts;
        if (!page) break;
        await checkpoint(counts);
        await erp.payouts.upsertPayouts(page.nodes.map((p) => ({
          _id: shopKey(input.shop, p.id), shop: input.shop, shopifyId: p.id, numericId: numericId(p.id), status: p.status, issuedAt: p.issuedAt,
          net: p.net.amount, ...payoutTotals(p.summary), currencyCode: p.net.currencyCode,
        })));
        for (const p of page.nodes) counts[numericId(p.id) > highestPayout ? 'payouts' : 'refreshedPayouts'] += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      const highestTransaction = await erp.payouts.highestId(input.shop, 'transactions');
      // Transactions of a payout not final yet are read again with the new ones, to pick up its status.
      const pendingTransactions = await erp.payouts.pendingTransactionIds(input.shop);
      const transactionsFrom = pendingTransactions.length ? `id:>=${Math.min(...pendingTransactions)}` : `id:>${highestTransaction}`;
      after = null;
      for (;;) {
        const response: ShopifyResult<BalanceTransactionsQuery> = await client.request(BALANCE_TRANSACTIONS_QUERY, { first: PAGE, after, query: transactionsFrom });
        const page = response.data.shopifyPaymentsAccount?.balanceTransactions;
        if (!page) break;
        await checkpoint(counts);
        await erp.payouts.upsertTransactions(page.nodes.map((t) => ({
          _id: shopKey(input.shop, t.id), shop: input.shop, shopifyId: t.id, numericId: numericId(t.id), type: t.type, amount: t.amount.amount, fee: t.fee.amount,
          net: t.net.amount, currencyCode: t.amount.currencyCode, transactionDate: t.transactionDate, payoutId: t.associatedPayout.id ?? null, payoutStatus: t.associatedPayout.status ?? null, orderId: t.associatedOrder?.id ?? null,
        })));
        for (const t of page.nodes) {
          if (numericId(t.id) > highestTransaction) counts.balanceTransactions += 1;
          else counts.refreshedTransactions = (counts.refreshedTransactions ?? 0) + 1;
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      return counts;
    },
  });
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
