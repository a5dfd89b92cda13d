import { fromCents, toCents } from './money';

/** One line of an item's price list: a price for everyone or for one customer price group. */
export interface ItemPrice {
  priceGroup: string | null;
  variantCode: string | null;
  /** null: the ERP's local currency. */
  currencyCode: string | null;
  unitPrice: string;
  allowLineDiscount: boolean;
}

/** A line discount for one customer discount group, on the whole item or one variant. */
export interface ItemDiscount {
  discountGroup: string;
  variantCode: string | null;
  percent: number;
}

export interface PricedItem {
  no: string;
  /** The item card's list price, in local currency. */
  unitPrice: string;
  priceIncludesVat: boolean;
  vatPercent: number;
  unitCost: string;
  prices: ItemPrice[];
  discounts: ItemDiscount[];
}

/** The shop's price context (the connector's temporary sales quote): who is buying, in which currency. */
export interface PriceContext {
  customerPriceGroup: string | null;
  customerDiscountGroup: string | null;
  allowLineDiscount: boolean;
  pricesIncludingVat: boolean;
  /** null: the ERP's local currency. */
  currencyCode: string | null;
}

export interface VariantPrice {
  price: string;
  /** The list price when it is above the price, else null (Shopify shows no strike-through). */
  compareAtPrice: string | null;
  /** Unit cost in local currency; null when the shop sells in another currency (no rate to convert it). */
  cost: string | null;
}

/**
 * The price of one item (or variant) in the shop's context, as reference 2.4 computes it on a sales
 * quote line of quantity 1: the unit price is the best (lowest) price that applies to the shop's
 * price group and currency; the price is the line amount after the best line discount of its
 * discount group; compare-at is the unit price when above the price.
 */
export function variantPrice(item: PricedItem, variantCode: string | null, context: PriceContext): VariantPrice | { reason: string } {
  const applies = (price: ItemPrice) =>
    (price.priceGroup === null || price.priceGroup === context.customerPriceGroup) &&
    (price.variantCode === null || price.variantCode === variantCode) &&
    price.currencyCode === context.currencyCode;
  const listPrice: ItemPrice = { priceGroup: null, variantCode: null, currencyCode: null, unitPrice: item.unitPrice, allowLineDiscount: true };
  const candidates = [listPrice, ...item.prices].filter(applies);
  const best = candidates.reduce<ItemPrice | undefined>((low, price) => (!low || toCents(price.unitPrice) < toCents(low.unitPrice) ? price : low), undefined);
  if (!best) return { reason: `item ${item.no} has no price in ${context.currencyCode}` };
  const unitCents = convertVat(toCents(best.unitPrice), item.vatPercent, item.priceIncludesVat, context.pricesIncludingVat);
  const discount =
    context.allowLineDiscount && best.allowLineDiscount && context.customerDiscountGroup
      ? Math.max(0, ...item.discounts.filter((d) => d.discountGroup === context.customerDiscountGroup && (d.variantCode === null || d.variantCode === variantCode)).map((d) => d.percent))
      : 0;
  const lineCents = Math.round((unitCents * (100 - Math.min(discount, 100))) / 100);
  return {
    price: fromCents(lineCents),
    compareAtPrice: unitCents > lineCents ? fromCents(unitCents) : null,
    cost: context.currencyCode === null ? fromCents(toCents(item.unitCost)) : null,
  };
}

/** A price from the item's VAT basis to the shop's, rounded to the cent. */
function convertVat(cents: number, vatPercent: number, fromIncludesVat: boolean, toIncludesVat: boolean): number {
  if (fromIncludesVat === toIncludesVat) return cents;
  const factor = 1 + vatPercent / 100;
  return Math.round(toIncludesVat ? cents * factor : cents / factor);
}
