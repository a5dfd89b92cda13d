import type { Amount, OrderAddress, OrderLine, ShopifyOrder } from '../domain/order';
import type { RefundVersion } from '../domain/refund';
import type { MoneyBag, RawAddress, RawLine, RawOrder, RawShippingLine, RawTransaction } from './documents/orders';

/** What the page query did not hold of an order, read after it (ORDER_REST_QUERY). */
export interface OrderRest {
  lines: RawLine[];
  shippingLines: RawShippingLine[];
  /** The whole lists, when the page's were cut; undefined when the page had them all. */
  transactions?: RawTransaction[];
  refunds?: RefundVersion[];
}

const NOTHING_MORE: OrderRest = { lines: [], shippingLines: [] };

const amount = (bag: MoneyBag | null | undefined): Amount => ({ shop: bag?.shopMoney.amount ?? '0.00', presentment: bag?.presentmentMoney.amount ?? bag?.shopMoney.amount ?? '0.00' });

/** A field the mirror may lack (orders read before it was selected, older bulk files): left out, not zero. */
const optionalAmount = (bag: MoneyBag | null | undefined): Amount | undefined => (bag ? amount(bag) : undefined);

const text = (value: string | null | undefined): string | null => value ?? null;

function address(raw: RawAddress | null | undefined): OrderAddress | null {
  if (!raw) return null;
  return {
    firstName: text(raw.firstName), lastName: text(raw.lastName), company: text(raw.company), address1: text(raw.address1), address2: text(raw.address2),
    city: text(raw.city), zip: text(raw.zip), provinceCode: text(raw.provinceCode), countryCode: text(raw.countryCodeV2), phone: text(raw.phone),
  };
}

/**
 * Shopify has no tip flag on a line item: a tip (POS, checkout tipping) is a line named "Tip" without a
 * product, the connector's own test (`name = 'Tip'` and `product` null). A line without a product has no
 * variant either, and its name is its title, so the fields already read tell it.
 */
export function isTipLine(raw: Pick<RawLine, 'title' | 'variant'>): boolean {
  return raw.title === 'Tip' && !raw.variant;
}

export function lineFromRaw(raw: RawLine): OrderLine {
  return {
    shopifyId: raw.id,
    productId: null,
    variantId: raw.variant?.id ?? null,
    sku: text(raw.sku),
    barcode: raw.variant?.barcode ?? null,
    title: raw.title,
    quantity: raw.quantity,
    currentQuantity: raw.currentQuantity,
    unitPrice: amount(raw.originalUnitPriceSet),
    totalDiscount: amount(raw.totalDiscountSet),
    isGiftCard: raw.isGiftCard,
    isTip: isTipLine(raw),
    requiresShipping: raw.requiresShipping,
  };
}

/** The order as the Admin API returned it, in the ERP's shape. */
export function orderFromRaw(raw: RawOrder, rest: OrderRest = NOTHING_MORE): ShopifyOrder {
  return {
    shopifyId: raw.id,
    name: raw.name,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    closed: raw.closed,
    cancelledAt: text(raw.cancelledAt),
    test: raw.test,
    email: text(raw.email),
    phone: text(raw.phone),
    currencyCode: raw.currencyCode,
    presentmentCurrencyCode: raw.presentmentCurrencyCode,
    taxesIncluded: raw.taxesIncluded,
    financialStatus: raw.displayFinancialStatus ?? 'PENDING',
    fulfillmentStatus: raw.displayFulfillmentStatus,
    channel: raw.attribution?.handle ?? null,
    sourceName: text(raw.sourceName),
    tags: raw.tags,
    note: text(raw.note),
    poNumber: text(raw.poNumber),
    customAttributes: raw.customAttributes.map((a) => ({ key: a.key, value: text(a.value) })),
    customer: raw.customer
      ? { shopifyId: raw.customer.id, email: text(raw.customer.defaultEmailAddress?.emailAddress), phone: text(raw.customer.defaultPhoneNumber?.phoneNumber), firstName: text(raw.customer.firstName), lastName: text(raw.customer.lastName) }
      : null,
    company: raw.purchasingEntity && 'company' in raw.purchasingEntity ? { companyId: raw.purchasingEntity.company.id, locationId: raw.purchasingEntity.location.id } : null,
    billingAddress: address(raw.billingAddress),
    shippingAddress: address(raw.shippingAddress),
    subtotal: amount(raw.subtotalPriceSet),
    shipping: amount(raw.totalShippingPriceSet),
    currentShipping: optionalAmount(raw.currentShippingPriceSet),
    totalDiscounts: amount(raw.totalDiscountsSet),
    cartDiscount: amount(raw.cartDiscountAmountSet),
    currentCartDiscount: optionalAmount(raw.currentCartDiscountAmountSet),
    totalTax: amount(raw.totalTaxSet),
    total: amount(raw.totalPriceSet),
    riskRecommendation: null,
    lines: [...raw.lineItems.nodes, ...rest.lines].map(lineFromRaw),
    shippingLines: [...raw.shippingLines.nodes, ...rest.shippingLines].map((s) => ({ title: s.title, code: text(s.code), amount: amount(s.originalPriceSet) })),
    transactions: (rest.transactions ?? raw.transactions).map((t) => ({ shopifyId: t.id, kind: t.kind, status: t.status, gateway: text(t.gateway), amount: amount(t.amountSet) })),
    refunds: rest.refunds ?? raw.refunds.map((r) => ({ shopifyId: r.id, updatedAt: r.updatedAt })),
  };
}
