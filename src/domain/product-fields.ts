import type { ShopSettings } from './shop-settings';

/** The item card fields a product is filled from (the ERP store's item, without its lookups). */
export interface ItemCard {
  no: string;
  description: string;
  blocked: boolean;
  vendorName: string | null;
  itemCategory: string | null;
  tags: string[];
  extendedText: string | null;
  vendorItemNo: string | null;
  grossWeight: number;
  vatPercent: number;
  variants: Array<{ code: string; description: string; blocked: boolean }>;
  barcodes: Array<{ barcode: string; variantCode: string | null }>;
}

export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED' | 'UNLISTED';

/** What the ERP says a Shopify product should show; only the fields the shop lets it fill are present. */
export interface ProductFields {
  title?: string;
  descriptionHtml?: string;
  vendor?: string;
  productType?: string;
  tags?: string[];
  status?: ProductStatus;
}

/** What the ERP says a Shopify variant should carry, apart from its price. */
export interface VariantFields {
  sku: string | null;
  barcode: string | null;
  weightKg: number;
  taxable: boolean;
  inventoryPolicy: 'DENY' | 'CONTINUE';
}

type ProductSettings = Pick<ShopSettings, 'productFields' | 'actionForRemovedProducts' | 'statusForCreatedProducts'>;
type SkuSettings = Pick<ShopSettings, 'skuMapping' | 'skuFieldSeparator' | 'defaultInventoryPolicy'>;

const REMOVED_STATUS = { archive: 'ARCHIVED', draft: 'DRAFT' } as const;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The description HTML built from the item's extended text, one paragraph per line. */
export function descriptionHtml(item: Pick<ItemCard, 'extendedText'>): string {
  return (item.extendedText ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/**
 * The product fields of an item (reference 2.4): title from the description, vendor, product type
 * from the item category, tags, description from the extended text; a blocked item's product goes
 * to the status `actionForRemovedProducts` names, or keeps its own when that is `none`.
 */
export function productFieldsFor(item: ItemCard, settings: ProductSettings): ProductFields {
  const fill = new Set(settings.productFields);
  const fields: ProductFields = {};
  if (fill.has('title')) fields.title = item.description;
  if (fill.has('description')) fields.descriptionHtml = descriptionHtml(item);
  if (fill.has('vendor') && item.vendorName) fields.vendor = item.vendorName;
  if (fill.has('productType')) fields.productType = item.itemCategory ?? '';
  if (fill.has('tags')) fields.tags = [...item.tags].sort();
  if (fill.has('status')) {
    if (!item.blocked) fields.status = settings.statusForCreatedProducts;
    else if (settings.actionForRemovedProducts !== 'none') fields.status = REMOVED_STATUS[settings.actionForRemovedProducts];
  }
  return fields;
}

/** The SKU the shop's SKU rule gives an item (or one of its variants); null when the rule gives none. */
export function skuFor(item: ItemCard, variantCode: string | null, settings: Pick<ShopSettings, 'skuMapping' | 'skuFieldSeparator'>): string | null {
  switch (settings.skuMapping) {
    case 'itemNo':
      return item.no;
    case 'variantCode':
      return variantCode;
    case 'itemNoAndVariantCode':
      return variantCode ? `${item.no}${settings.skuFieldSeparator}${variantCode}` : item.no;
    case 'vendorItemNo':
      return item.vendorItemNo;
    case 'barCode':
      return barcodeOf(item, variantCode);
    case 'none':
      return null;
  }
}

export function barcodeOf(item: Pick<ItemCard, 'barcodes'>, variantCode: string | null): string | null {
  return item.barcodes.find((b) => b.variantCode === variantCode)?.barcode ?? null;
}

export function variantFieldsFor(item: ItemCard, variantCode: string | null, settings: SkuSettings): VariantFields {
  return {
    sku: skuFor(item, variantCode, settings),
    barcode: barcodeOf(item, variantCode),
    weightKg: item.grossWeight,
    taxable: item.vatPercent > 0,
    inventoryPolicy: settings.defaultInventoryPolicy,
  };
}

/** Whether an item (or its variant) is blocked: its prices are not sent. */
export function isBlocked(item: Pick<ItemCard, 'blocked' | 'variants'>, variantCode: string | null): boolean {
  return item.blocked || (variantCode !== null && item.variants.some((v) => v.code === variantCode && v.blocked));
}
