import type { ShopSettings } from './shop-settings';

/** The ERP item (and variant) a Shopify variant stands for. */
export interface ItemRef {
  itemNo: string;
  variantCode: string | null;
}

/** The ERP lookups the SKU rules need; the ERP store implements them. */
export interface ItemLookups {
  itemByNo(no: string): Promise<ItemRef | undefined>;
  itemByVariantCode(code: string): Promise<ItemRef | undefined>;
  itemByNoAndVariant(no: string, code: string): Promise<ItemRef | undefined>;
  itemByVendorItemNo(vendorItemNo: string): Promise<ItemRef | undefined>;
  itemByBarcode(barcode: string): Promise<ItemRef | undefined>;
}

type SkuSettings = Pick<ShopSettings, 'skuMapping' | 'skuFieldSeparator' | 'findMappingByBarcode'>;

/** One code looked up the way `skuMapping` says (reference 3.4). */
async function byRule(code: string, settings: SkuSettings, lookups: ItemLookups): Promise<ItemRef | undefined> {
  switch (settings.skuMapping) {
    case 'itemNo':
      return lookups.itemByNo(code);
    case 'variantCode':
      return lookups.itemByVariantCode(code.toUpperCase());
    case 'itemNoAndVariantCode': {
      const [itemNo, variantCode] = code.split(settings.skuFieldSeparator);
      if (!itemNo) return undefined;
      return variantCode ? lookups.itemByNoAndVariant(itemNo, variantCode) : lookups.itemByNo(itemNo);
    }
    case 'vendorItemNo':
      return lookups.itemByVendorItemNo(code);
    case 'barCode':
      return lookups.itemByBarcode(code);
    case 'none':
      return undefined;
  }
}

/**
 * Maps a Shopify variant to an ERP item by the shop's SKU rule, then, when `findMappingByBarcode`
 * is on, by the variant's barcode. Returns why it failed when it did, for the order's error.
 */
export async function mapVariant(
  variant: { sku: string | null; barcode: string | null },
  settings: SkuSettings,
  lookups: ItemLookups,
): Promise<{ item: ItemRef } | { reason: string }> {
  if (variant.sku && settings.skuMapping !== 'none') {
    const item = await byRule(variant.sku, settings, lookups);
    if (item) return { item };
  }
  if (variant.barcode && settings.findMappingByBarcode) {
    const item = await lookups.itemByBarcode(variant.barcode);
    if (item) return { item };
  }
  const tried = [
    settings.skuMapping !== 'none' ? `SKU "${variant.sku ?? ''}" by ${settings.skuMapping}` : 'no SKU rule (skuMapping none)',
    settings.findMappingByBarcode ? `barcode "${variant.barcode ?? ''}"` : undefined,
  ].filter(Boolean);
  return { reason: `no ERP item matches ${tried.join(' or ')}` };
}
