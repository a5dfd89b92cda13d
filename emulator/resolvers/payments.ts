import type { EmulatedBalanceTransaction, EmulatedPayout } from '../commerce';
import { gid } from '../gid';
import { matcher, parseSearchQuery } from '../search-query';
import { paginate, type ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { moneyV2 } from './objects';

const zero = (currency: string) => moneyV2('0.00', currency);

function payoutObject(payout: EmulatedPayout) {
  return {
    id: gid('ShopifyPaymentsPayout', payout.id),
    legacyResourceId: String(payout.id),
    status: payout.status,
    issuedAt: payout.issuedAt,
    net: moneyV2(payout.net, payout.currencyCode),
    gross: moneyV2(payout.gross, payout.currencyCode),
    transactionType: 'DEPOSIT',
    externalTraceId: null,
    summary: {
      chargesGross: moneyV2(payout.gross, payout.currencyCode),
      chargesFee: moneyV2(payout.fee, payout.currencyCode),
      refundsFeeGross: zero(payout.currencyCode),
      refundsFee: zero(payout.currencyCode),
      adjustmentsGross: zero(payout.currencyCode),
      adjustmentsFee: zero(payout.currencyCode),
      reservedFundsGross: zero(payout.currencyCode),
      reservedFundsFee: zero(payout.currencyCode),
      retriedPayoutsGross: zero(payout.currencyCode),
      retriedPayoutsFee: zero(payout.currencyCode),
      advanceGross: zero(payout.currencyCode),
      advanceFees: zero(payout.currencyCode),
      usdcRebateCreditAmount: zero(payout.currencyCode),
    },
  };
}

function balanceTransactionObject(tx: EmulatedBalanceTransaction, payouts: EmulatedPayout[]) {
  const payout = tx.payoutId ? payouts.find((p) => p.id === tx.payoutId) : undefined;
  return {
    id: gid('ShopifyPaymentsBalanceTransaction', tx.id),
    type: tx.type,
    test: tx.test,
    amount: moneyV2(tx.amount, tx.currencyCode),
    fee: moneyV2(tx.fee, tx.currencyCode),
    net: moneyV2(tx.net, tx.currencyCode),
    transactionDate: tx.transactionDate,
    sourceOrderTransactionId: null,
    sourceId: tx.sourceOrderId ? String(tx.sourceOrderId) : null,
    sourceType: tx.sourceOrderId ? 'CHARGE' : null,
    associatedOrder: tx.sourceOrderId ? { id: gid('Order', tx.sourceOrderId), name: '' } : null,
    associatedPayout: { id: payout ? gid('ShopifyPaymentsPayout', payout.id) : null, status: payout ? payout.status : null },
  };
}

const byId = (kinds = { id: 'number' as const }) => kinds;

export const paymentResolvers: ResolverModule = {
  query: {
    shopifyPaymentsAccount: (_args, { shop }) => ({
      id: gid('ShopifyPaymentsAccount', 1),
      payouts: (args: ConnectionArgs & { query?: string }) => {
        const match = matcher<EmulatedPayout>(parseSearchQuery(args.query), { id: (p) => p.id, status: (p) => p.status.toLowerCase() }, byId());
        return paginate([...shop.payouts].filter(match).sort((a, b) => a.id - b.id).map(payoutObject), args, (p) => p.id);
      },
      balanceTransactions: (args: ConnectionArgs & { query?: string }) => {
        const match = matcher<EmulatedBalanceTransaction>(parseSearchQuery(args.query), { id: (t) => t.id, payout_id: (t) => t.payoutId }, { id: 'number', payout_id: 'number' });
        return paginate(
          [...shop.balanceTransactions].filter(match).sort((a, b) => a.id - b.id).map((t) => balanceTransactionObject(t, shop.payouts)),
          args,
          (t) => t.id,
        );
      },
    }),
  },
};
