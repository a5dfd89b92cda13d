import type { EmulatedBulkOperation } from './bulk-operations';
import { money, type Address, type EmulatedOrder } from './commerce';
import { gid } from './gid';
import { currentQuantity, financialStatus, fulfilledQuantity, fulfillmentStatus, orderTotals } from './resolvers/objects';
import type { EmulatedShop } from './state';

/**
 * Webhook payloads are REST resources (shopify.dev, "Webhooks delivery structure"): snake_case fields,
 * numeric ids beside `admin_graphql_api_id`, lower-case enum values and times in the shop's time zone
 * with its offset ("2021-12-31T19:00:00-05:00"), as in the sample payloads of the webhooks reference.
 */
export type WebhookPayload = Record<string, unknown>;

/** An ISO time as REST shows it: local time of the shop's zone, with that zone's offset at the time. */
export function restTime(iso: string | null, timeZone: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function restAddress(address: Address | null) {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  return {
    first_name: address.firstName, last_name: address.lastName, name: name || null, company: address.company,
    address1: address.address1, address2: address.address2, city: address.city, zip: address.zip,
    province: address.province, province_code: address.provinceCode, country_code: address.countryCode, phone: address.phone,
  };
}

/** REST's fulfillment_status of an order: null until something ships. */
function restFulfillmentStatus(order: EmulatedOrder): string | null {
  const status = fulfillmentStatus(order);
  return status === 'FULFILLED' ? 'fulfilled' : status === 'PARTIALLY_FULFILLED' ? 'partial' : null;
}

/** The Order resource of the orders/* topics, built from the emulated order in one place. */
export function orderPayload(shop: EmulatedShop, order: EmulatedOrder): WebhookPayload {
  const time = (iso: string | null) => restTime(iso, shop.ianaTimezone);
  const totals = orderTotals(order);
  const customer = order.customerId === null ? undefined : shop.customers.find((c) => c.id === order.customerId);
  return {
    id: order.id,
    admin_graphql_api_id: gid('Order', order.id),
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: time(order.createdAt),
    updated_at: time(order.updatedAt),
    processed_at: time(order.processedAt),
    cancelled_at: time(order.cancelledAt),
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    closed_at: time(order.closedAt),
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode,
    financial_status: financialStatus(order).toLowerCase(),
    fulfillment_status: restFulfillmentStatus(order),
    source_name: order.sourceName,
    tags: order.tags.join(', '),
    note: order.note,
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    po_number: order.poNumber,
    test: order.test,
    taxes_included: order.taxesIncluded,
    subtotal_price: money(totals.currentSubtotal),
    total_discounts: money(totals.discounts),
    total_tax: money(totals.tax),
    total_price: money(totals.currentTotal),
    total_outstanding: money(Math.max(0, totals.currentTotal - totals.paid + totals.refunded)),
    customer: customer
      ? { id: customer.id, admin_graphql_api_id: gid('Customer', customer.id), email: customer.email, first_name: customer.firstName, last_name: customer.lastName, phone: customer.phone }
      : null,
    billing_address: restAddress(order.billingAddress),
    shipping_address: restAddress(order.shippingAddress),
    line_items: order.lineItems.map((line) => ({
      id: line.id,
      admin_graphql_api_id: gid('LineItem', line.id),
      sku: line.sku,
      title: line.title,
      variant_title: line.variantTitle,
      name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
      vendor: line.vendor,
      quantity: line.quantity,
      current_quantity: currentQuantity(line),
      fulfillable_quantity: Math.max(0, currentQuantity(line) - fulfilledQuantity(order, line)),
      price: line.price,
      total_discount: line.discount,
      variant_id: line.variantId,
      product_id: line.productId,
      product_exists: line.productId !== null && shop.products.some((p) => p.id === line.productId),
      gift_card: line.giftCard,
      requires_shipping: line.requiresShipping,
    })),
    shipping_lines: order.shippingLines.map((s) => ({ id: s.id, title: s.title, code: s.code, price: s.price })),
    refunds: order.refunds.map((r) => ({ id: r.id, admin_graphql_api_id: gid('Refund', r.id), created_at: time(r.createdAt), note: r.note })),
  };
}

/** bulk_operations/finish: flat, with lower-case status, type and error code. */
export function bulkOperationFinishPayload(shop: EmulatedShop, op: EmulatedBulkOperation): WebhookPayload {
  return {
    admin_graphql_api_id: gid('BulkOperation', op.id),
    completed_at: restTime(op.completedAt, shop.ianaTimezone),
    created_at: restTime(op.createdAt, shop.ianaTimezone),
    error_code: op.errorCode?.toLowerCase() ?? null,
    status: op.status.toLowerCase(),
    type: op.type.toLowerCase(),
  };
}
