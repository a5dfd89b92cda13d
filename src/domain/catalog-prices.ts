import { z } from 'zod';
import { variantPrice, type PriceContext, type PricedItem } from './item-prices';
import { toCents } from './money';

/**
 * A catalog's own price context (the connector's `Shpfy Catalog` fields): who the price list sells to
 * and whether its prices are synced. Validated where people set it (CLI, client).
 */
export const CatalogSettingsSchema = z
  .object({
    syncPrices: z.boolean(),
    customerPriceGroup: z.string().min(1).max(20).nullable(),
    customerDiscountGroup: z.string().min(1).max(20).nullable(),
    allowLineDiscount: z.boolean(),
    pricesIncludingVat: z.boolean(),
    /** The ERP currency of the prices: null = the ERP's local currency (the shop's currency). */
    currencyCode: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code').nullable(),
    /** When set, this customer's price and discount groups are used instead of the catalog's. */
    customerNo: z.string().min(1).max(20).nullable(),
  })
  .strict();
export type CatalogSettings = z.infer<typeof CatalogSettingsSchema>;

export interface FixedPrice {
  price: string;
  compareAtPrice: string | null;
}

export interface PricedVariant {
  variantId: string;
  item: PricedItem;
  variantCode: string | null;
}

export interface CatalogPricePlan {
  changes: Array<{ variantId: string; price: string; compareAtPrice: string | null }>;
  unchanged: number;
  skipped: Array<{ recordId: string; reason: string }>;
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : toCents(a) === toCents(b));

/**
 * The fixed prices a catalog's price list needs (reference 2.11): the ERP price of each linked,
 * unblocked variant in the catalog's context; an entry only when the price or the compare-at differs
 * from the price list's; compare-at only when above the price.
 */
export function planCatalogPrices(variants: PricedVariant[], current: Map<string, FixedPrice>, context: PriceContext): CatalogPricePlan {
  const plan: CatalogPricePlan = { changes: [], unchanged: 0, skipped: [] };
  for (const variant of variants) {
    const priced = variantPrice(variant.item, variant.variantCode, context);
    if ('reason' in priced) {
      plan.skipped.push({ recordId: variant.variantId, reason: priced.reason });
      continue;
    }
    const compareAtPrice = priced.compareAtPrice !== null && toCents(priced.compareAtPrice) > toCents(priced.price) ? priced.compareAtPrice : null;
    const now = current.get(variant.variantId);
    if (now && same(now.price, priced.price) && same(now.compareAtPrice, compareAtPrice)) {
      plan.unchanged += 1;
      continue;
    }
    plan.changes.push({ variantId: variant.variantId, price: priced.price, compareAtPrice });
  }
  return plan;
}

/** The price context of a catalog: its own groups, or its customer's when it names one. */
export function catalogPriceContext(settings: CatalogSettings, customer: { customerPriceGroup: string | null; customerDiscountGroup: string | null } | null): PriceContext {
  return {
    customerPriceGroup: customer ? customer.customerPriceGroup : settings.customerPriceGroup,
    customerDiscountGroup: customer ? customer.customerDiscountGroup : settings.customerDiscountGroup,
    allowLineDiscount: settings.allowLineDiscount,
    pricesIncludingVat: settings.pricesIncludingVat,
    currencyCode: settings.currencyCode,
  };
}
