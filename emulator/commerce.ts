/** The emulator's commerce records: what Shopify keeps for products, customers, orders and payouts. */

export type WeightUnit = 'GRAMS' | 'KILOGRAMS' | 'OUNCES' | 'POUNDS';

/** What Shopify keeps on a variant's inventory item (its id is the variant's `inventoryItemId`). */
export interface EmulatedInventoryItem {
  tracked: boolean;
  requiresShipping: boolean;
  /** Unit cost in shop currency, a Decimal string. */
  unitCost: string | null;
  weight: { unit: WeightUnit; value: number };
  /** Where the item is stocked, one level per location; absent in state files written before inventory existed. */
  levels?: EmulatedInventoryLevel[];
}

/**
 * The quantity names Shopify stores per level (shopify.dev "Manage inventory quantities and states").
 * `on_hand` (available + committed + unavailable) and `unavailable` (damaged + quality_control + reserved +
 * safety_stock) are sums, computed when read; `incoming` is not part of on_hand.
 */
export const STORED_QUANTITY_NAMES = ['available', 'committed', 'damaged', 'incoming', 'quality_control', 'reserved', 'safety_stock'] as const;
export type StoredQuantityName = (typeof STORED_QUANTITY_NAMES)[number];

/** An inventory item's quantities at one location. */
export interface EmulatedInventoryLevel {
  id: number;
  locationId: number;
  quantities: Record<StoredQuantityName, number>;
  /** When each stored quantity last changed. */
  quantityUpdatedAt: Partial<Record<StoredQuantityName, string>>;
  /** False once deactivated; since 2026-04 an inactive level keeps its quantities for a later inventoryActivate. */
  isActive?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedVariant {
  id: number;
  productId: number;
  /** The option values joined by " / ", "Default Title" for a product without options. */
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  taxable: boolean;
  inventoryPolicy: 'DENY' | 'CONTINUE';
  /** 1-based, the variant's place in the product's list. */
  position: number;
  /** One value per product option, in the options' order. */
  selectedOptions: Array<{ name: string; value: string }>;
  inventoryItemId: number;
  inventoryItem: EmulatedInventoryItem;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedProductOption {
  id: number;
  name: string;
  position: number;
  /** All values, also those no variant uses any more (`hasVariants: false`). */
  values: Array<{ id: number; name: string }>;
}

export interface EmulatedProduct {
  id: number;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED' | 'UNLISTED';
  /** Unique within the shop. */
  handle: string;
  tags: string[];
  giftCard: boolean;
  /** At least one: a product without options of its own has "Title" with the value "Default Title". */
  options: EmulatedProductOption[];
  createdAt: string;
  /** Moved by every change to the product or any of its variants. */
  updatedAt: string;
  variants: EmulatedVariant[];
}

export type MediaStatus = 'UPLOADED' | 'PROCESSING' | 'READY' | 'FAILED';

/**
 * A MediaImage of the shop's Files, which products and variants reference by id (Shopify's files
 * model: one file, many references). Its bytes are kept in memory beside it (see media-store.ts).
 */
export interface EmulatedMediaImage {
  id: number;
  alt: string | null;
  filename: string;
  /** The source it was created or last replaced from: a staged upload's resourceUrl or an external URL. */
  originalSource: string;
  /** What the bytes turned out to be; null when there are none or they are no image. */
  mimeType: string | null;
  width: number | null;
  height: number | null;
  fileSize: number | null;
  sha256: string | null;
  /** Counts the contents: the image URL carries it as `?v=`, as Shopify's CDN URLs do. */
  version: number;
  /** Processing: UPLOADED for the first half of `processingMs` after `processingStartedAt`, then PROCESSING, then `outcome`. */
  processingStartedAt: number;
  processingMs: number;
  outcome: 'READY' | 'FAILED';
  /** A MediaErrorCode (the same names as FileErrorCode) when the outcome is FAILED. */
  error: { code: string; message: string; details: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface Address {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  zip: string | null;
  province: string | null;
  provinceCode: string | null;
  countryCode: string | null;
  phone: string | null;
}

/** One of a customer's addresses: a MailingAddress with an id of its own. */
export interface CustomerAddress extends Address {
  id: number;
}

export interface EmulatedCustomer {
  id: number;
  /** Unique in the shop, compared without case. */
  email: string | null;
  /** E.164, unique in the shop. */
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  note: string | null;
  /** Trimmed, without duplicates, sorted as Shopify answers them. */
  tags: string[];
  taxExempt: boolean;
  taxExemptions: string[];
  locale: string;
  /** In creation order, as addressesV2 lists them. */
  addresses: CustomerAddress[];
  defaultAddressId: number | null;
  createdAt: string;
  /** Moved by every change to the customer or its addresses. */
  updatedAt: string;
}

export interface EmulatedLineItem {
  id: number;
  productId: number | null;
  variantId: number | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendor: string | null;
  quantity: number;
  /** Unit price in shop currency. */
  price: string;
  /** The line-level discount allocated to the whole line (all its units), in shop currency. */
  discount: string;
  giftCard: boolean;
  requiresShipping: boolean;
  refundedQuantity: number;
}

export interface EmulatedTransaction {
  id: number;
  kind: 'SALE' | 'AUTHORIZATION' | 'CAPTURE' | 'REFUND' | 'VOID';
  status: 'SUCCESS' | 'PENDING' | 'FAILURE' | 'ERROR';
  gateway: string;
  amount: string;
  createdAt: string;
  /** When the gateway settled it; moves when a pending transaction succeeds or fails. Absent = createdAt. */
  processedAt?: string;
  /** The SALE or CAPTURE a refund pays back. */
  parentId?: number | null;
}

export interface EmulatedFulfillmentOrderLine {
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

/** FulfillmentHold: one reason a fulfillment order is ON_HOLD (since 2025-01 an order can carry several). */
export interface EmulatedFulfillmentHold {
  id: number;
  reason: 'AWAITING_PAYMENT' | 'AWAITING_RETURN_ITEMS' | 'HIGH_RISK_OF_FRAUD' | 'INCORRECT_ADDRESS' | 'INVENTORY_OUT_OF_STOCK' | 'ONLINE_STORE_POST_PURCHASE_CROSS_SELL' | 'OTHER' | 'UNKNOWN_DELIVERY_DATE';
  reasonNotes: string | null;
  handle: string | null;
}

export interface EmulatedFulfillmentOrder {
  id: number;
  status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD' | 'SCHEDULED' | 'INCOMPLETE';
  locationId: number;
  updatedAt: string;
  lineItems: EmulatedFulfillmentOrderLine[];
  /** Active holds; absent on fulfillment orders stored before holds existed. */
  holds?: EmulatedFulfillmentHold[];
  /** When a SCHEDULED fulfillment order becomes fulfillable. */
  fulfillAt?: string | null;
  /** The fulfillment service managing the assigned location, which fulfils the order itself (REQUEST_FULFILLMENT). */
  fulfillmentService?: { handle: string; serviceName: string } | null;
}

export interface EmulatedFulfillment {
  id: number;
  status: 'SUCCESS' | 'CANCELLED';
  createdAt: string;
  notifyCustomer: boolean;
  trackingInfo: Array<{ company: string | null; number: string | null; url: string | null }>;
  lineItems: Array<{ lineItemId: number; quantity: number }>;
  /** The location its fulfillment orders were assigned to; absent on fulfillments stored before it was kept. */
  locationId?: number | null;
}

export type RefundRestockType = 'NO_RESTOCK' | 'CANCEL' | 'RETURN' | 'LEGACY_RESTOCK';

export interface EmulatedRefundLineItem {
  /** Absent on refunds stored before refund lines had ids of their own. */
  id?: number;
  lineItemId: number;
  quantity: number;
  restockType: RefundRestockType;
  locationId?: number | null;
  /** Whether stock went back to the location (the variant is stocked there). */
  restocked?: boolean;
  /** How many of the units came off open fulfillment orders rather than out of fulfilled ones. */
  unfulfilledQuantity?: number;
  /** Unit price after the line's discount, the refunded units' subtotal and tax, in shop currency. */
  price?: string;
  subtotal?: string;
  totalTax?: string;
}

export interface EmulatedRefundShippingLine {
  id: number;
  shippingLineId: number;
  subtotal: string;
  tax: string;
}

/** OrderAdjustmentDiscrepancyReason. */
export type AdjustmentReason = 'CUSTOMER' | 'DAMAGE' | 'FULL_RETURN_BALANCING_ADJUSTMENT' | 'PENDING_REFUND_DISCREPANCY' | 'REFUND_DISCREPANCY' | 'RESTOCK';

/** The difference between the computed refund and the money the refund's transactions move. */
export interface EmulatedOrderAdjustment {
  id: number;
  amount: string;
  taxAmount: string;
  reason: AdjustmentReason;
}

export interface EmulatedRefund {
  id: number;
  createdAt: string;
  updatedAt?: string;
  processedAt?: string;
  note: string | null;
  lineItems: EmulatedRefundLineItem[];
  shippingLines?: EmulatedRefundShippingLine[];
  orderAdjustments?: EmulatedOrderAdjustment[];
  /** The order's REFUND transactions this refund made. */
  transactionIds?: number[];
  /** The Return it refunds, when made by returnProcess. */
  returnId?: number | null;
  /** What the refund's transactions were asked to move, in shop currency. */
  totalRefunded: string;
}

export type ReturnStatus = 'OPEN' | 'CLOSED' | 'CANCELED' | 'DECLINED' | 'REQUESTED';

export interface EmulatedReturnLineItem {
  id: number;
  /** The FulfillmentLineItem it returns: a line of one fulfillment, by its index there. */
  fulfillmentId: number;
  fulfillmentLineIndex: number;
  lineItemId: number;
  quantity: number;
  processedQuantity: number;
  refundedQuantity: number;
  returnReason: string;
  returnReasonNote: string;
  customerNote: string | null;
  /** Its line on the return's reverse fulfillment order (the ID dispositions name). */
  reverseFulfillmentOrderLineItemId: number;
  dispositions: Array<{ id: number; type: 'RESTOCKED' | 'NOT_RESTOCKED' | 'MISSING' | 'PROCESSING_REQUIRED'; quantity: number; locationId: number | null; createdAt: string }>;
}

export interface EmulatedReturn {
  id: number;
  name: string;
  status: ReturnStatus;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  reverseFulfillmentOrderId: number;
  lineItems: EmulatedReturnLineItem[];
}

export interface EmulatedOrder {
  id: number;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  customerId: number | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  /** Presentment units per shop unit (see currency.ts); absent when both are one currency or on orders stored before rates. */
  presentmentRate?: string;
  taxesIncluded: boolean;
  test: boolean;
  sourceName: string;
  channelHandle: string;
  tags: string[];
  note: string | null;
  poNumber: string | null;
  customAttributes: Array<{ key: string; value: string }>;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  lineItems: EmulatedLineItem[];
  shippingLines: Array<{ id: number; title: string; code: string | null; price: string }>;
  transactions: EmulatedTransaction[];
  /** Order-level discount (discount codes), beyond the line discounts. */
  orderDiscount: string;
  /** The code that gave it (absent on orders stored before codes were kept). */
  orderDiscountCode?: { code: string; percentage: number | null };
  totalTax: string;
  fulfillmentOrders: EmulatedFulfillmentOrder[];
  fulfillments: EmulatedFulfillment[];
  refunds: EmulatedRefund[];
  /** Absent on orders stored before returns existed. */
  returns?: EmulatedReturn[];
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH' | 'NONE';
  /** A B2B order's company location and the contact who ordered; absent on orders of a customer or none. */
  purchasingCompany?: { companyId: number; locationId: number; contactId: number | null };
}

export interface EmulatedPayout {
  id: number;
  status: 'SCHEDULED' | 'IN_TRANSIT' | 'PAID' | 'FAILED' | 'CANCELED';
  issuedAt: string;
  net: string;
  gross: string;
  fee: string;
  currencyCode: string;
}

export interface EmulatedBalanceTransaction {
  id: number;
  type: 'CHARGE' | 'REFUND' | 'ADJUSTMENT' | 'PAYOUT';
  test: boolean;
  amount: string;
  fee: string;
  net: string;
  currencyCode: string;
  transactionDate: string;
  payoutId: number | null;
  sourceOrderId: number | null;
}

/** Money as Shopify's Decimal strings, computed in cents to avoid float drift. */
export function cents(amount: string | number): number {
  return Math.round(Number(amount) * 100);
}

export function money(centsValue: number): string {
  return (centsValue / 100).toFixed(2);
}
