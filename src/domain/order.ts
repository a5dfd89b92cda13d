import type { RefundVersion } from './refund';

/**
 * A Shopify order as the ERP keeps it (the connector's "Shpfy Order Header" and lines): what the
 * import reads, in plain JSON, amounts as decimal strings in shop currency and presentment currency.
 */
export interface OrderAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  zip: string | null;
  provinceCode: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface Amount {
  shop: string;
  presentment: string;
}

export interface OrderLine {
  shopifyId: string;
  productId: string | null;
  variantId: string | null;
  sku: string | null;
  barcode: string | null;
  title: string;
  quantity: number;
  currentQuantity: number;
  unitPrice: Amount;
  totalDiscount: Amount;
  isGiftCard: boolean;
  isTip: boolean;
  requiresShipping: boolean;
}

export interface OrderShippingLine {
  title: string;
  code: string | null;
  amount: Amount;
}

export interface OrderTransaction {
  shopifyId: string;
  kind: string;
  status: string;
  gateway: string | null;
  amount: Amount;
}

export interface ShopifyOrder {
  shopifyId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  closed: boolean;
  cancelledAt: string | null;
  test: boolean;
  email: string | null;
  phone: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  taxesIncluded: boolean;
  financialStatus: string;
  fulfillmentStatus: string;
  channel: string | null;
  sourceName: string | null;
  tags: string[];
  note: string | null;
  poNumber: string | null;
  customAttributes: Array<{ key: string; value: string | null }>;
  customer: { shopifyId: string; email: string | null; phone: string | null; firstName: string | null; lastName: string | null } | null;
  /** A B2B order: the company and company location it was placed for (absent on orders stored before B2B). */
  company?: { companyId: string; locationId: string } | null;
  billingAddress: OrderAddress | null;
  shippingAddress: OrderAddress | null;
  subtotal: Amount;
  /** Shipping as charged at checkout (Order.totalShippingPriceSet). */
  shipping: Amount;
  /** Shipping after refunds and discounts (Order.currentShippingPriceSet); absent on orders stored before it was read. */
  currentShipping?: Amount;
  totalDiscounts: Amount;
  /** The order-level (cart) discount, beyond the line discounts, as created (Order.cartDiscountAmountSet). */
  cartDiscount: Amount;
  /** The same on what returns and refunds left (Order.currentCartDiscountAmountSet); absent on orders stored before it was read. */
  currentCartDiscount?: Amount;
  totalTax: Amount;
  total: Amount;
  riskRecommendation: string | null;
  lines: OrderLine[];
  shippingLines: OrderShippingLine[];
  transactions: OrderTransaction[];
  /** The order's refunds as last read (absent on orders stored before refunds were imported). */
  refunds?: RefundVersion[];
}

/** What conflict detection compares between the processed and the current version (reference 3.1 step 4). */
export interface OrderFingerprint {
  currentQuantity: number;
  lineIdsHash: string;
  shippingAmount: string;
}

export function fingerprintOf(order: ShopifyOrder): OrderFingerprint {
  return {
    currentQuantity: order.lines.reduce((sum, line) => sum + line.currentQuantity, 0),
    lineIdsHash: order.lines.map((line) => line.shopifyId).sort().join(','),
    shippingAmount: order.shipping.shop,
  };
}

/**
 * An order edited after its sales document was made: more items, other lines, other shipping, or
 * cancelled. Its changes are not propagated; it shows as an unprocessed order update.
 */
export function conflictOf(processed: OrderFingerprint, current: ShopifyOrder): string | undefined {
  const now = fingerprintOf(current);
  const reasons: string[] = [];
  if (current.cancelledAt) reasons.push('it was cancelled');
  if (now.currentQuantity > processed.currentQuantity) reasons.push(`its item quantity rose from ${processed.currentQuantity} to ${now.currentQuantity}`);
  if (now.lineIdsHash !== processed.lineIdsHash) reasons.push('its lines changed');
  if (now.shippingAmount !== processed.shippingAmount) reasons.push(`its shipping changed from ${processed.shippingAmount} to ${now.shippingAmount}`);
  if (reasons.length === 0) return undefined;
  return `Order ${current.name} was edited in Shopify after its sales document was created (${reasons.join(', ')}); the changes were not applied to the document.`;
}
