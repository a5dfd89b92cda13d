import type { ShopSettings } from './shop-settings';

/** A Shopify product as the import reads it (with all its variants). */
export interface ShopifyProduct {
  id: string;
  title: string;
  handle: string;
  status: string;
  vendor: string;
  productType: string;
  tags: string[];
  descriptionHtml: string;
  updatedAt: string;
  variants: ShopifyVariant[];
}

export interface ShopifyVariant {
  id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  inventoryItemId: string;
  unitCost: string | null;
  weightKg: number | null;
}

/**
 * Whether a product read from Shopify needs importing: it is new, or Shopify changed it after both
 * the last import and the ERP's own last write (a change the ERP pushed is not imported back).
 */
export function needsImport(updatedAt: string, link: { shopifyUpdatedAt: string; lastUpdatedByErp: string | null } | null): boolean {
  if (!link) return true;
  if (updatedAt <= link.shopifyUpdatedAt) return false;
  return !link.lastUpdatedByErp || updatedAt > link.lastUpdatedByErp;
}

/** The item card fields Shopify may update ("Shopify can update items"): description, vendor, category, and the single variant's price, cost and weight. */
export function itemChangesFrom(product: ShopifyProduct, variant: ShopifyVariant | undefined) {
  return {
    description: product.title,
    vendorName: product.vendor || null,
    itemCategory: product.productType || null,
    tags: [...product.tags].sort(),
    ...(variant ? { unitPrice: variant.price, ...(variant.unitCost ? { unitCost: variant.unitCost } : {}), ...(variant.weightKg !== null ? { grossWeight: variant.weightKg } : {}) } : {}),
  };
}

/** The plain text of a product's description HTML (the item's extended text). */
export function textOf(html: string): string | null {
  const text = html
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
  return text || null;
}

/** An item to create from a Shopify product; `itemNo` null means: take the next number of the template's series. */
export interface NewItemFromShopify {
  itemNo: string | null;
  description: string;
  unitPrice: string;
  unitCost: string;
  grossWeight: number;
  vendorName: string | null;
  itemCategory: string | null;
  tags: string[];
  extendedText: string | null;
  vendorItemNo: string | null;
  barcode: string | null;
  variants: Array<{ shopifyVariantId: string; code: string; description: string; barcode: string | null }>;
}

type CreateSettings = Pick<ShopSettings, 'skuMapping' | 'skuFieldSeparator' | 'variantPrefix'>;

/**
 * The item (and item variants) a Shopify product becomes when "auto create unknown items" is on
 * (reference 3.4): the item number from the SKU when the SKU rule is the item number, else from the
 * template's number series; variant codes from the SKU when the rule says so, else the variant
 * prefix and a counter. A product with one variant becomes an item without variants.
 */
export function newItemFrom(product: ShopifyProduct, settings: CreateSettings): NewItemFromShopify {
  const first = product.variants[0];
  const skuParts = (sku: string | null) => (sku ? sku.split(settings.skuFieldSeparator) : []);
  let itemNo: string | null = null;
  if (settings.skuMapping === 'itemNo' && product.variants.length === 1 && first?.sku) itemNo = first.sku;
  if (settings.skuMapping === 'itemNoAndVariantCode' && first?.sku) itemNo = skuParts(first.sku)[0] || null;
  const single = product.variants.length <= 1;
  const variants = single
    ? []
    : product.variants.map((variant, index) => {
        let code = `${settings.variantPrefix}${index + 1}`;
        if (settings.skuMapping === 'variantCode' && variant.sku) code = variant.sku.toUpperCase();
        if (settings.skuMapping === 'itemNoAndVariantCode' && skuParts(variant.sku)[1]) code = (skuParts(variant.sku)[1] ?? code).toUpperCase();
        return { shopifyVariantId: variant.id, code, description: variant.title, barcode: variant.barcode };
      });
  return {
    itemNo,
    description: product.title,
    unitPrice: first?.price ?? '0.00',
    unitCost: first?.unitCost ?? '0.00',
    grossWeight: first?.weightKg ?? 0,
    vendorName: product.vendor || null,
    itemCategory: product.productType || null,
    tags: [...product.tags].sort(),
    extendedText: textOf(product.descriptionHtml),
    vendorItemNo: settings.skuMapping === 'vendorItemNo' && single ? (first?.sku ?? null) : null,
    barcode: single ? (first?.barcode ?? null) : null,
    variants,
  };
}
