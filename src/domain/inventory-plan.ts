import { shopStock, type StockCalculation, type StockFigures } from './stock';

/** A Shopify location the inventory task fills, with how its stock is computed. */
export interface StockLocation {
  shopifyId: string;
  calculation: Exclude<StockCalculation, 'off'>;
  filter: string | null;
}

/** A linked variant whose stock goes to Shopify. */
export interface StockVariant {
  variantId: string;
  inventoryItemId: string;
  itemNo: string;
  variantCode: string | null;
}

export interface QuantityChange {
  variantId: string;
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  /** The quantity last confirmed in Shopify; null when none is known (a first push: no compare). */
  changeFromQuantity: number | null;
}

/**
 * The quantities to set (reference 2.5, changed-only): for each variant and location, the ERP's stock
 * by the location's calculation and filter, where it differs from what Shopify last confirmed, or
 * where nothing was confirmed yet.
 */
export function quantityChanges(variants: StockVariant[], locations: StockLocation[], stockOf: (variant: StockVariant) => StockFigures[], confirmed: Map<string, number>): QuantityChange[] {
  const changes: QuantityChange[] = [];
  for (const variant of variants) {
    const records = stockOf(variant);
    for (const location of locations) {
      const quantity = shopStock(records, location.calculation, location.filter);
      const known = confirmed.get(`${variant.inventoryItemId}|${location.shopifyId}`);
      if (known === quantity) continue;
      changes.push({ variantId: variant.variantId, inventoryItemId: variant.inventoryItemId, locationId: location.shopifyId, quantity, changeFromQuantity: known ?? null });
    }
  }
  return changes;
}
