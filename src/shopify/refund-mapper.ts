import type { Amount } from '../domain/order';
import type { ShopifyRefund } from '../domain/refund';
import type { MoneyBag } from './documents/orders';
import type { RawRefund } from './documents/refunds';

const amount = (bag: MoneyBag | null | undefined): Amount => ({ shop: bag?.shopMoney.amount ?? '0.00', presentment: bag?.presentmentMoney.amount ?? bag?.shopMoney.amount ?? '0.00' });

/** The refund's header, from its first page. */
export function refundFromRaw(raw: RawRefund): ShopifyRefund {
  const refund: ShopifyRefund = {
    shopifyId: raw.id,
    orderId: raw.order.id,
    createdAt: raw.createdAt ?? raw.updatedAt,
    updatedAt: raw.updatedAt,
    note: raw.note ?? null,
    returnId: raw.return?.id ?? null,
    totalRefunded: amount(raw.totalRefundedSet),
    lines: [],
    shippingLines: [],
    adjustments: [],
    transactions: [],
  };
  appendRefundParts(refund, raw);
  return refund;
}

/** The lines, shipping lines, adjustments and transactions of one page of the refund. */
export function appendRefundParts(refund: ShopifyRefund, raw: RawRefund): void {
  refund.lines.push(
    ...raw.refundLineItems.nodes.map((line) => ({
      shopifyId: line.id ?? `${raw.id}#${line.lineItem.id}`,
      orderLineId: line.lineItem.id,
      quantity: line.quantity,
      restockType: line.restockType,
      restocked: line.restocked,
      locationId: line.location?.id ?? null,
      unitPrice: amount(line.priceSet),
      subtotal: amount(line.subtotalSet),
      tax: amount(line.totalTaxSet),
    })),
  );
  refund.shippingLines.push(...raw.refundShippingLines.nodes.map((line) => ({ title: line.shippingLine.title ?? null, subtotal: amount(line.subtotalAmountSet), tax: amount(line.taxAmountSet) })));
  refund.adjustments.push(...raw.orderAdjustments.nodes.map((adjustment) => ({ reason: adjustment.reason ?? null, amount: amount(adjustment.amountSet), tax: amount(adjustment.taxAmountSet) })));
  refund.transactions.push(...raw.transactions.nodes.map((t) => ({ shopifyId: t.id, kind: t.kind, status: t.status, gateway: t.gateway ?? null, amount: amount(t.amountSet) })));
}
