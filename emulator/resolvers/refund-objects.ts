import { cents, money, type EmulatedLineItem, type EmulatedOrder, type EmulatedRefund, type EmulatedTransaction } from '../commerce';
import { gid } from '../gid';
import { refundTransactions } from '../refunds-store';
import type { EmulatedShop } from '../state';
import { paginate, type ConnectionArgs } from './connection';
import { lineItemObject, locationObject, moneyBag, orderObject } from './objects';
import { orderReturnFields, returnObject } from './return-objects';

/** Refund, RefundLineItem, RefundShippingLine, OrderAdjustment and OrderTransaction as the Admin API shows them. */

export function shippingLineObject(order: EmulatedOrder, line: EmulatedOrder['shippingLines'][number]) {
  const refunded = order.refunds.flatMap((r) => r.shippingLines ?? []).filter((s) => s.shippingLineId === line.id).reduce((sum, s) => sum + cents(s.subtotal), 0);
  return {
    __typename: 'ShippingLine',
    id: gid('ShippingLine', line.id),
    title: line.title,
    code: line.code,
    source: 'shopify',
    custom: false,
    isRemoved: false,
    carrierIdentifier: null,
    deliveryCategory: null,
    phone: null,
    shippingRateHandle: null,
    discountAllocations: [],
    taxLines: [],
    originalPriceSet: moneyBag(line.price, order),
    discountedPriceSet: moneyBag(line.price, order),
    currentDiscountedPriceSet: moneyBag(money(Math.max(0, cents(line.price) - refunded)), order),
  };
}

export function transactionObject(shop: EmulatedShop, order: EmulatedOrder, t: EmulatedTransaction): Record<string, unknown> {
  const parent = t.parentId ? order.transactions.find((p) => p.id === t.parentId) : undefined;
  return {
    __typename: 'OrderTransaction',
    id: gid('OrderTransaction', t.id),
    kind: t.kind,
    status: t.status,
    gateway: t.gateway,
    formattedGateway: t.gateway,
    manualPaymentGateway: t.gateway === 'manual',
    manuallyCapturable: false,
    multiCapturable: false,
    test: order.test,
    errorCode: null,
    fees: [],
    createdAt: t.createdAt,
    processedAt: t.processedAt ?? t.createdAt,
    amountSet: moneyBag(t.amount, order),
    parentTransaction: () => (parent ? transactionObject(shop, order, parent) : null),
    order: () => orderObject(shop, order),
  };
}

function refundLineItemObject(shop: EmulatedShop, order: EmulatedOrder, refund: EmulatedRefund, index: number) {
  const rl = refund.lineItems[index] as EmulatedRefund['lineItems'][number];
  const line = order.lineItems.find((l) => l.id === rl.lineItemId) as EmulatedLineItem;
  const location = rl.locationId ? shop.locations.find((l) => l.id === rl.locationId) : undefined;
  // Refunds stored before prices were kept on the refund line are priced from the order line.
  const subtotal = rl.subtotal ?? money(cents(line.price) * rl.quantity);
  return {
    __typename: 'RefundLineItem',
    id: gid('RefundLineItem', rl.id ?? refund.id * 100 + index),
    quantity: rl.quantity,
    restockType: rl.restockType,
    restocked: rl.restocked ?? false,
    location: location ? locationObject(shop, location) : null,
    lineItem: () => lineItemObject(shop, order, line),
    priceSet: moneyBag(rl.price ?? line.price, order),
    subtotalSet: moneyBag(subtotal, order),
    totalTaxSet: moneyBag(rl.totalTax ?? '0.00', order),
  };
}

/** The money a refund's transactions move, failed ones left out (a pending refund still counts). */
function refundedCents(order: EmulatedOrder, refund: EmulatedRefund): number {
  if (!refund.transactionIds) return cents(refund.totalRefunded);
  return refundTransactions(order, refund).filter((t) => t.status === 'SUCCESS' || t.status === 'PENDING').reduce((sum, t) => sum + cents(t.amount), 0);
}

export function refundObject(shop: EmulatedShop, order: EmulatedOrder, refund: EmulatedRefund): Record<string, unknown> {
  const returned = refund.returnId ? (order.returns ?? []).find((r) => r.id === refund.returnId) : undefined;
  const refunded = moneyBag(money(refundedCents(order, refund)), order);
  return {
    __typename: 'Refund',
    id: gid('Refund', refund.id),
    legacyResourceId: String(refund.id),
    createdAt: refund.createdAt,
    updatedAt: refund.updatedAt ?? refund.createdAt,
    processedAt: refund.processedAt ?? refund.createdAt,
    note: refund.note,
    staffMember: null,
    duties: [],
    totalRefundedSet: refunded,
    totalRefunded: refunded.shopMoney,
    order: () => orderObject(shop, order),
    return: () => (returned ? returnObject(shop, order, returned) : null),
    refundLineItems: (args: ConnectionArgs) =>
      paginate(refund.lineItems.map((_, index) => refundLineItemObject(shop, order, refund, index)), args, (l) => l.id),
    refundShippingLines: (args: ConnectionArgs) =>
      paginate(
        (refund.shippingLines ?? []).map((s) => {
          const shippingLine = order.shippingLines.find((l) => l.id === s.shippingLineId);
          return {
            __typename: 'RefundShippingLine',
            id: gid('RefundShippingLine', s.id),
            shippingLine: shippingLine ? shippingLineObject(order, shippingLine) : null,
            subtotalAmountSet: moneyBag(s.subtotal, order),
            taxAmountSet: moneyBag(s.tax, order),
          };
        }),
        args,
        (s) => s.id,
      ),
    orderAdjustments: (args: ConnectionArgs) =>
      paginate(
        (refund.orderAdjustments ?? []).map((a) => ({
          __typename: 'OrderAdjustment',
          id: gid('OrderAdjustment', a.id),
          amountSet: moneyBag(a.amount, order),
          taxAmountSet: moneyBag(a.taxAmount, order),
          reason: a.reason,
        })),
        args,
        (a) => a.id,
      ),
    transactions: (args: ConnectionArgs) => paginate(refundTransactions(order, refund).map((t) => transactionObject(shop, order, t)), args, (t) => String(t.id)),
  };
}

/** Order fields of this area: its transactions, refunds and returns (Order.refunds and Order.transactions are lists with `first`). */
export function orderRefundFields(shop: EmulatedShop, order: EmulatedOrder) {
  return {
    transactions: (args: { first?: number | null }) => order.transactions.slice(0, args.first ?? undefined).map((t) => transactionObject(shop, order, t)),
    refunds: (args: { first?: number | null }) => order.refunds.slice(0, args.first ?? undefined).map((r) => refundObject(shop, order, r)),
    totalRefundedShippingSet: moneyBag(money(order.refunds.flatMap((r) => r.shippingLines ?? []).reduce((sum, s) => sum + cents(s.subtotal), 0)), order),
    ...orderReturnFields(shop, order),
  };
}
