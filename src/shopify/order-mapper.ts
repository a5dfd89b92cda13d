import type { Amount, OrderAddress, OrderLine, ShopifyOrder } from '../domain/order';
import type { MoneyBag, RawAddress, RawLine, RawOrder } from './documents/orders';

const amount = (bag: MoneyBag | null | undefined): Amount => ({ shop: bag?.shopMoney.amount ?? '0.00', presentment: bag?.presentmentMoney.amount ?? bag?.shopMoney.amount ?? '0.00' });

function address(raw: RawAddress | null): OrderAddress | null {
  if (!raw) return null;
  const { countryCodeV2, ...rest } = raw;
  return { ...rest, countryCode: countryCodeV2 };
}

export function lineFromRaw(raw: RawLine): OrderLine {
  return {
    shopifyId: raw.id,
    productId: null,
    variantId: raw.variant?.id ?? null,
    sku: raw.sku,
    barcode: raw.variant?.barcode ?? null,
    title: raw.title,
    quantity: raw.quantity,
    currentQuantity: raw.currentQuantity,
    unitPrice: amount(raw.originalUnitPriceSet),
    totalDiscount: amount(raw.totalDiscountSet),
    isGiftCard: raw.isGiftCard,
    isTip: false,
    requiresShipping: raw.requiresShipping,
  };
}

/** The order as the Admin API returned it, in the ERP's shape. */
export function orderFromRaw(raw: RawOrder, extraLines: RawLine[] = []): ShopifyOrder {
  return {
    shopifyId: raw.id,
    name: raw.name,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    closed: raw.closed,
    cancelledAt: raw.cancelledAt,
    test: raw.test,
    email: raw.email,
    phone: raw.phone,
    currencyCode: raw.currencyCode,
    presentmentCurrencyCode: raw.presentmentCurrencyCode,
    taxesIncluded: raw.taxesIncluded,
    financialStatus: raw.displayFinancialStatus ?? 'PENDING',
    fulfillmentStatus: raw.displayFulfillmentStatus,
    channel: raw.channelInformation?.channelDefinition?.handle ?? null,
    sourceName: raw.sourceName,
    tags: raw.tags,
    note: raw.note,
    poNumber: raw.poNumber,
    customAttributes: raw.customAttributes,
    customer: raw.customer ? { shopifyId: raw.customer.id, email: raw.customer.email, phone: raw.customer.phone, firstName: raw.customer.firstName, lastName: raw.customer.lastName } : null,
    billingAddress: address(raw.billingAddress),
    shippingAddress: address(raw.shippingAddress),
    subtotal: amount(raw.subtotalPriceSet),
    shipping: amount(raw.totalShippingPriceSet),
    totalDiscounts: amount(raw.totalDiscountsSet),
    cartDiscount: amount(raw.cartDiscountAmountSet),
    totalTax: amount(raw.totalTaxSet),
    total: amount(raw.totalPriceSet),
    riskRecommendation: null,
    lines: [...raw.lineItems.nodes, ...extraLines].map(lineFromRaw),
    shippingLines: raw.shippingLines.nodes.map((s) => ({ title: s.title, code: s.code, amount: amount(s.originalPriceSet) })),
    transactions: raw.transactions.map((t) => ({ shopifyId: t.id, kind: t.kind, status: t.status, gateway: t.gateway, amount: amount(t.amountSet) })),
  };
}
