import { cents, money, type EmulatedBalanceTransaction, type EmulatedPayout } from '../commerce';
import { gid } from '../gid';
import { expressionMatcher, parseSearchExpression, type FieldKinds, type FieldReader } from '../search-query';
import type { ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { moneyV2 } from './objects';
import { sortedPage, sortKeyOf, type SortValue } from './sorted-page';

const zero = (currency: string) => moneyV2('0.00', currency);

/**
 * A payout's summary, per type of the balance transactions it pays out (charges, refunds, adjustments),
 * as Shopify sums them; a payout seeded without transactions counts its gross and fee as charges.
 */
function payoutSummary(payout: EmulatedPayout, transactions: EmulatedBalanceTransaction[]) {
  const currency = payout.currencyCode;
  const own = transactions.filter((t) => t.payoutId === payout.id);
  const sum = (type: EmulatedBalanceTransaction['type'], field: 'amount' | 'fee') => money(own.filter((t) => t.type === type).reduce((total, t) => total + cents(t[field]), 0));
  const byType = own.length > 0;
  return {
    chargesGross: moneyV2(byType ? sum('CHARGE', 'amount') : payout.gross, currency),
    chargesFee: moneyV2(byType ? sum('CHARGE', 'fee') : payout.fee, currency),
    refundsFeeGross: moneyV2(byType ? sum('REFUND', 'amount') : '0.00', currency),
    refundsFee: moneyV2(byType ? sum('REFUND', 'fee') : '0.00', currency),
    adjustmentsGross: moneyV2(byType ? sum('ADJUSTMENT', 'amount') : '0.00', currency),
    adjustmentsFee: moneyV2(byType ? sum('ADJUSTMENT', 'fee') : '0.00', currency),
    reservedFundsGross: zero(currency),
    reservedFundsFee: zero(currency),
    retriedPayoutsGross: zero(currency),
    retriedPayoutsFee: zero(currency),
    advanceGross: zero(currency),
    advanceFees: zero(currency),
    usdcRebateCreditAmount: zero(currency),
  };
}

function payoutObject(payout: EmulatedPayout, transactions: EmulatedBalanceTransaction[]) {
  return {
    id: gid('ShopifyPaymentsPayout', payout.id),
    legacyResourceId: String(payout.id),
    status: payout.status,
    issuedAt: payout.issuedAt,
    net: moneyV2(payout.net, payout.currencyCode),
    gross: moneyV2(payout.gross, payout.currencyCode),
    transactionType: 'DEPOSIT',
    externalTraceId: null,
    summary: payoutSummary(payout, transactions),
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

/** The `payouts` query filters of shopify.dev (2026-10) that the emulator's payouts answer. */
const PAYOUT_FIELDS: Record<string, FieldReader<EmulatedPayout>> = { id: (p) => p.id, status: (p) => p.status.toLowerCase(), issued_at: (p) => p.issuedAt };
const PAYOUT_KINDS: FieldKinds = { id: 'number', issued_at: 'date' };
// ISSUED_AT is the schema's default sort key for payouts.
const PAYOUT_SORTS: Record<string, (p: EmulatedPayout) => SortValue> = { ID: (p) => p.id, ISSUED_AT: (p) => p.issuedAt };

/** The `balanceTransactions` filters of shopify.dev (2026-10) the emulator answers; `payments_transfer_id` is taken to be the payout's id. */
const TRANSACTION_FIELDS: Record<string, FieldReader<EmulatedBalanceTransaction>> = {
  id: (t) => t.id,
  payments_transfer_id: (t) => t.payoutId,
  processed_at: (t) => t.transactionDate,
  transaction_type: (t) => t.type.toLowerCase(),
};
const TRANSACTION_KINDS: FieldKinds = { id: 'number', payments_transfer_id: 'number', processed_at: 'date' };
// PROCESSED_AT is the schema's default sort key for balance transactions.
const TRANSACTION_SORTS: Record<string, (t: EmulatedBalanceTransaction) => SortValue> = { ID: (t) => t.id, PROCESSED_AT: (t) => t.transactionDate };

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

export const paymentResolvers: ResolverModule = {
  query: {
    shopifyPaymentsAccount: (_args, { shop }) => ({
      id: gid('ShopifyPaymentsAccount', 1),
      payouts: (args: SearchArgs) => {
        const matches = expressionMatcher(parseSearchExpression(args.query), PAYOUT_FIELDS, PAYOUT_KINDS);
        return sortedPage(shop.payouts.filter(matches), args, sortKeyOf(PAYOUT_SORTS, args.sortKey), (p) => payoutObject(p, shop.balanceTransactions));
      },
      balanceTransactions: (args: SearchArgs) => {
        const matches = expressionMatcher(parseSearchExpression(args.query), TRANSACTION_FIELDS, TRANSACTION_KINDS);
        return sortedPage(shop.balanceTransactions.filter(matches), args, sortKeyOf(TRANSACTION_SORTS, args.sortKey), (t) => balanceTransactionObject(t, shop.payouts));
      },
    }),
  },
};
