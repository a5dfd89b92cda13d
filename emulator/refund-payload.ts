import { cents, money, type EmulatedOrder, type EmulatedRefund } from './commerce';
import { toPresentmentCents } from './currency';
import { gid } from './gid';

/**
 * The body of the refunds/create webhook: Shopify's REST Refund resource (shopify.dev REST "Refund", and the
 * topic's example payload): numeric ids, snake_case, money as strings in `*_set` bags, line subtotal and tax
 * as numbers, restock types in lower case, order adjustments with their REST kind.
 */

function bag(amount: string, order: EmulatedOrder) {
  return {
    shop_money: { amount, currency_code: order.currencyCode },
    presentment_money: { amount: money(toPresentmentCents(cents(amount), order.presentmentRate)), currency_code: order.presentmentCurrencyCode },
  };
}

const REASON_TEXT: Record<string, string> = { REFUND_DISCREPANCY: 'Refund discrepancy', PENDING_REFUND_DISCREPANCY: 'Pending refund discrepancy' };

export function refundWebhookPayload(order: EmulatedOrder, refund: EmulatedRefund): Record<string, unknown> {
  const transactionIds = new Set(refund.transactionIds ?? []);
  return {
    id: refund.id,
    order_id: order.id,
    created_at: refund.createdAt,
    note: refund.note,
    user_id: null,
    processed_at: refund.processedAt ?? refund.createdAt,
    restock: refund.lineItems.some((l) => l.restocked === true),
    duties: [],
    total_duties_set: bag('0.00', order),
    return: refund.returnId ? { id: refund.returnId, admin_graphql_api_id: gid('Return', refund.returnId) } : null,
    admin_graphql_api_id: gid('Refund', refund.id),
    refund_line_items: refund.lineItems.map((l, index) => {
      const line = order.lineItems.find((li) => li.id === l.lineItemId);
      const subtotal = l.subtotal ?? '0.00';
      const totalTax = l.totalTax ?? '0.00';
      return {
        id: l.id ?? refund.id * 100 + index,
        quantity: l.quantity,
        line_item_id: l.lineItemId,
        location_id: l.locationId ?? null,
        restock_type: l.restockType.toLowerCase(),
        subtotal: Number(subtotal),
        total_tax: Number(totalTax),
        subtotal_set: bag(subtotal, order),
        total_tax_set: bag(totalTax, order),
        line_item: line
          ? {
              id: line.id,
              variant_id: line.variantId,
              product_id: line.productId,
              title: line.title,
              variant_title: line.variantTitle,
              name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
              sku: line.sku,
              vendor: line.vendor,
              quantity: line.quantity,
              price: line.price,
              price_set: bag(line.price, order),
              total_discount: line.discount,
              requires_shipping: line.requiresShipping,
              gift_card: line.giftCard,
              admin_graphql_api_id: gid('LineItem', line.id),
            }
          : null,
      };
    }),
    refund_shipping_lines: (refund.shippingLines ?? []).map((s) => ({
      id: s.id,
      shipping_line_id: s.shippingLineId,
      subtotal_amount_set: bag(s.subtotal, order),
      tax_amount_set: bag(s.tax, order),
    })),
    transactions: order.transactions
      .filter((t) => transactionIds.has(t.id))
      .map((t) => ({
        id: t.id,
        order_id: order.id,
        kind: t.kind.toLowerCase(),
        gateway: t.gateway,
        status: t.status.toLowerCase(),
        message: null,
        created_at: t.createdAt,
        processed_at: t.processedAt ?? t.createdAt,
        test: order.test,
        authorization: null,
        location_id: null,
        user_id: null,
        parent_id: t.parentId ?? null,
        device_id: null,
        error_code: null,
        source_name: 'external',
        receipt: {},
        amount: t.amount,
        currency: order.presentmentCurrencyCode,
        admin_graphql_api_id: gid('OrderTransaction', t.id),
      })),
    order_adjustments: (refund.orderAdjustments ?? []).map((a) => ({
      id: a.id,
      order_id: order.id,
      refund_id: refund.id,
      amount: a.amount,
      tax_amount: a.taxAmount,
      kind: 'refund_discrepancy',
      reason: REASON_TEXT[a.reason] ?? a.reason.toLowerCase(),
      amount_set: bag(a.amount, order),
      tax_amount_set: bag(a.taxAmount, order),
    })),
  };
}
