import { changeHash } from './change-hash';
import { variantPrice, type PriceContext, type PricedItem, type VariantPrice } from './item-prices';
import { isBlocked, productFieldsFor, variantFieldsFor, type ItemCard, type ProductFields, type VariantFields } from './product-fields';
import type { ShopSettings } from './shop-settings';

export type PushItem = ItemCard & PricedItem;

export type PushSettings = Pick<
  ShopSettings,
  | 'syncPrices'
  | 'productFields'
  | 'actionForRemovedProducts'
  | 'statusForCreatedProducts'
  | 'skuMapping'
  | 'skuFieldSeparator'
  | 'defaultInventoryPolicy'
  | 'customerPriceGroup'
  | 'customerDiscountGroup'
  | 'allowLineDiscount'
  | 'pricesIncludingVat'
  | 'currencyCode'
>;

/** A linked variant as the push needs it: which ERP variant it is, and the hashes of what was last sent. */
export interface LinkedVariant {
  shopifyId: string;
  erpVariantCode: string | null;
  priceHash: string | null;
  fieldsHash: string | null;
}

export interface VariantChange {
  variantId: string;
  /** Present when the price, compare-at price or cost changed. */
  price?: VariantPrice;
  priceHash?: string;
  /** Present when another variant field changed. */
  fields?: VariantFields;
  fieldsHash?: string;
}

export interface NewVariant {
  variantCode: string;
  price?: VariantPrice;
  priceHash?: string;
  fields: VariantFields;
  fieldsHash: string;
}

export interface ProductPushPlan {
  /** The product fields to send, when they changed since the last push. */
  product?: { fields: ProductFields; hash: string };
  variants: VariantChange[];
  newVariants: NewVariant[];
  skipped: Array<{ recordId: string; reason: string }>;
}

export function priceContextOf(settings: PushSettings): PriceContext {
  return {
    customerPriceGroup: settings.customerPriceGroup,
    customerDiscountGroup: settings.customerDiscountGroup,
    allowLineDiscount: settings.allowLineDiscount,
    pricesIncludingVat: settings.pricesIncludingVat,
    currencyCode: settings.currencyCode,
  };
}

/**
 * What one linked product needs from the ERP (reference 2.4), compared with what was last sent:
 * product fields (not in price-only mode), each variant's price, compare-at and cost (when prices
 * are synced, or in price-only mode) and its other fields, and the item's variants Shopify lacks.
 * A blocked item sends no prices; its product only moves to the status `actionForRemovedProducts` says.
 */
export function planProductPush(item: PushItem, productHash: string | null, linked: LinkedVariant[], settings: PushSettings, onlyPrices: boolean): ProductPushPlan {
  const plan: ProductPushPlan = { variants: [], newVariants: [], skipped: [] };
  if (item.blocked) {
    if (onlyPrices || settings.actionForRemovedProducts === 'none') {
      plan.skipped.push({ recordId: item.no, reason: `item ${item.no} is blocked` });
      return plan;
    }
    const fields = { status: productFieldsFor(item, { ...settings, productFields: ['status'] }).status };
    const hash = changeHash(fields);
    if (hash !== productHash) plan.product = { fields, hash };
    return plan;
  }
  if (!onlyPrices) {
    const fields = productFieldsFor(item, settings);
    const hash = changeHash(fields);
    if (hash !== productHash) plan.product = { fields, hash };
  }
  const sendPrices = onlyPrices || settings.syncPrices;
  const context = priceContextOf(settings);
  for (const variant of linked) {
    const change: VariantChange = { variantId: variant.shopifyId };
    if (sendPrices) {
      const price = pricedFor(item, variant.erpVariantCode, context);
      if ('reason' in price) plan.skipped.push({ recordId: variant.shopifyId, reason: price.reason });
      else if (price.hash !== variant.priceHash) Object.assign(change, { price: price.price, priceHash: price.hash });
    }
    if (!onlyPrices) {
      const fields = variantFieldsFor(item, variant.erpVariantCode, settings);
      const hash = changeHash(fields);
      if (hash !== variant.fieldsHash) Object.assign(change, { fields, fieldsHash: hash });
    }
    if (change.price || change.fields) plan.variants.push(change);
  }
  if (!onlyPrices && linked.some((v) => v.erpVariantCode !== null)) {
    const known = new Set(linked.map((v) => v.erpVariantCode));
    for (const variant of item.variants.filter((v) => !known.has(v.code) && !v.blocked)) {
      const fields = variantFieldsFor(item, variant.code, settings);
      const price = sendPrices ? pricedFor(item, variant.code, context) : undefined;
      if (price && 'reason' in price) {
        plan.skipped.push({ recordId: `${item.no}/${variant.code}`, reason: price.reason });
        continue;
      }
      plan.newVariants.push({ variantCode: variant.code, fields, fieldsHash: changeHash(fields), ...(price ? { price: price.price, priceHash: price.hash } : {}) });
    }
  }
  return plan;
}

function pricedFor(item: PushItem, variantCode: string | null, context: PriceContext): { price: VariantPrice; hash: string } | { reason: string } {
  if (isBlocked(item, variantCode)) return { reason: `item ${item.no}${variantCode ? ` variant ${variantCode}` : ''} is blocked` };
  const price = variantPrice(item, variantCode, context);
  return 'reason' in price ? price : { price, hash: changeHash(price) };
}

/** The option name the ERP's variants appear under in Shopify (the connector's default). */
export const VARIANT_OPTION_NAME = 'Variant';

/** A variant change as `ProductVariantsBulkInput`. */
export function variantInput(change: { variantId?: string; price?: VariantPrice; fields?: VariantFields }, optionValue?: string) {
  const { price, fields } = change;
  const inventoryItem = {
    ...(price?.cost !== undefined && price.cost !== null ? { cost: price.cost } : {}),
    ...(fields ? { sku: fields.sku ?? undefined, measurement: { weight: { unit: 'KILOGRAMS' as const, value: fields.weightKg } } } : {}),
  };
  return {
    ...(change.variantId ? { id: change.variantId } : {}),
    ...(price ? { price: price.price, compareAtPrice: price.compareAtPrice } : {}),
    ...(fields ? { barcode: fields.barcode, taxable: fields.taxable, inventoryPolicy: fields.inventoryPolicy } : {}),
    ...(Object.keys(inventoryItem).length ? { inventoryItem } : {}),
    ...(optionValue ? { optionValues: [{ optionName: VARIANT_OPTION_NAME, name: optionValue }] } : {}),
  };
}
