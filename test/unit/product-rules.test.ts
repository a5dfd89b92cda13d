import assert from 'node:assert/strict';
import { changeHash } from '../../src/domain/change-hash';
import { nextCursor, updatedWindowTerms } from '../../src/domain/incremental-window';
import { variantPrice, type PriceContext, type PricedItem } from '../../src/domain/item-prices';
import { ProductFilters, productFilterKey, productImportQuery } from '../../src/domain/product-filters';
import { needsImport, newItemFrom, textOf, type ShopifyProduct } from '../../src/domain/product-import';
import { planProductPush, variantInput, type PushItem } from '../../src/domain/product-push';
import { descriptionHtml, productFieldsFor, skuFor } from '../../src/domain/product-fields';
import { parseShopSettings } from '../../src/domain/shop-settings';

const lcy: PriceContext = { customerPriceGroup: null, customerDiscountGroup: null, allowLineDiscount: true, pricesIncludingVat: false, currencyCode: null };

function priced(overrides: Partial<PricedItem> = {}): PricedItem {
  return { no: '1000', unitPrice: '100.00', priceIncludesVat: false, vatPercent: 20, unitCost: '40.00', prices: [], discounts: [], ...overrides };
}

function item(overrides: Partial<PushItem> = {}): PushItem {
  return {
    ...priced(),
    description: 'Bicycle',
    blocked: false,
    vendorName: 'Contoso',
    itemCategory: 'Bikes',
    tags: ['b', 'a'],
    extendedText: 'Light frame\nSteel fork',
    vendorItemNo: 'V-77',
    grossWeight: 12.5,
    variants: [],
    barcodes: [{ barcode: '5012345678900', variantCode: null }],
    ...overrides,
  };
}

const settings = (overrides: Record<string, unknown> = {}) => parseShopSettings({ domain: 'rules.myshopify.com', skuMapping: 'itemNo', ...overrides });

describe('price calculation in the shop price context (reference 2.4)', () => {
  it('takes the list price when no price group or discount applies: price = list price, no compare-at, cost in local currency', () => {
    assert.deepEqual(variantPrice(priced(), null, lcy), { price: '100.00', compareAtPrice: null, cost: '40.00' });
  });

  it('takes the lowest price that applies to the price group and the variant, ignoring other groups and variants', () => {
    const item = priced({
      prices: [
        { priceGroup: 'RETAIL', variantCode: null, currencyCode: null, unitPrice: '90.00', allowLineDiscount: true },
        { priceGroup: 'RETAIL', variantCode: 'RED', currencyCode: null, unitPrice: '85.00', allowLineDiscount: true },
        { priceGroup: 'WHOLESALE', variantCode: null, currencyCode: null, unitPrice: '50.00', allowLineDiscount: true },
      ],
    });
    assert.equal((variantPrice(item, 'BLUE', { ...lcy, customerPriceGroup: 'RETAIL' }) as { price: string }).price, '90.00');
    assert.equal((variantPrice(item, 'RED', { ...lcy, customerPriceGroup: 'RETAIL' }) as { price: string }).price, '85.00');
    assert.equal((variantPrice(item, 'RED', lcy) as { price: string }).price, '100.00');
  });

  it('applies the best line discount of the discount group: price after discount, compare-at = unit price', () => {
    const item = priced({ discounts: [{ discountGroup: 'VIP', variantCode: null, percent: 10 }, { discountGroup: 'VIP', variantCode: null, percent: 15 }, { discountGroup: 'OTHER', variantCode: null, percent: 50 }] });
    assert.deepEqual(variantPrice(item, null, { ...lcy, customerDiscountGroup: 'VIP' }), { price: '85.00', compareAtPrice: '100.00', cost: '40.00' });
  });

  it('gives no line discount when the shop or the price line does not allow it', () => {
    const item = priced({ discounts: [{ discountGroup: 'VIP', variantCode: null, percent: 10 }] });
    assert.equal((variantPrice(item, null, { ...lcy, customerDiscountGroup: 'VIP', allowLineDiscount: false }) as { price: string }).price, '100.00');
    const noDiscountLine = priced({ unitPrice: '200.00', discounts: item.discounts, prices: [{ priceGroup: null, variantCode: null, currencyCode: null, unitPrice: '80.00', allowLineDiscount: false }] });
    assert.deepEqual(variantPrice(noDiscountLine, null, { ...lcy, customerDiscountGroup: 'VIP' }), { price: '80.00', compareAtPrice: null, cost: '40.00' });
  });

  it('adds VAT for a shop whose prices include VAT, rounded to the cent', () => {
    assert.equal((variantPrice(priced({ unitPrice: '9.99', vatPercent: 21 }), null, { ...lcy, pricesIncludingVat: true }) as { price: string }).price, '12.09');
  });

  it('uses only prices in the shop currency, without cost, and says when there is none', () => {
    const item = priced({ prices: [{ priceGroup: null, variantCode: null, currencyCode: 'EUR', unitPrice: '95.00', allowLineDiscount: true }] });
    assert.deepEqual(variantPrice(item, null, { ...lcy, currencyCode: 'EUR' }), { price: '95.00', compareAtPrice: null, cost: null });
    assert.deepEqual(variantPrice(item, null, { ...lcy, currencyCode: 'GBP' }), { reason: 'item 1000 has no price in GBP' });
  });
});

describe('product fields and SKUs from an item', () => {
  it('fills title, escaped description paragraphs, vendor, product type, sorted tags and the created status', () => {
    assert.deepEqual(productFieldsFor(item({ extendedText: 'A < B\n\nC & D' }), settings()), {
      title: 'Bicycle', descriptionHtml: '<p>A &lt; B</p><p>C &amp; D</p>', vendor: 'Contoso', productType: 'Bikes', tags: ['a', 'b'], status: 'ACTIVE',
    });
  });

  it('fills only the fields the shop lets the ERP fill', () => {
    assert.deepEqual(productFieldsFor(item(), settings({ productFields: ['title'] })), { title: 'Bicycle' });
  });

  it('gives a blocked item the status of actionForRemovedProducts, and no status when it is none', () => {
    assert.equal(productFieldsFor(item({ blocked: true }), settings({ actionForRemovedProducts: 'archive' })).status, 'ARCHIVED');
    assert.equal(productFieldsFor(item({ blocked: true }), settings({ actionForRemovedProducts: 'none' })).status, undefined);
  });

  it('makes the SKU by each SKU rule', () => {
    const bike = item({ variants: [{ code: 'RED', description: 'Red', blocked: false }] });
    assert.equal(skuFor(bike, 'RED', settings({ skuMapping: 'itemNo' })), '1000');
    assert.equal(skuFor(bike, 'RED', settings({ skuMapping: 'variantCode' })), 'RED');
    assert.equal(skuFor(bike, 'RED', settings({ skuMapping: 'itemNoAndVariantCode', skuFieldSeparator: '-' })), '1000-RED');
    assert.equal(skuFor(bike, null, settings({ skuMapping: 'vendorItemNo' })), 'V-77');
    assert.equal(skuFor(bike, null, settings({ skuMapping: 'barCode' })), '5012345678900');
    assert.equal(skuFor(bike, null, settings({ skuMapping: 'none' })), null);
  });

  it('turns description HTML back into text lines and item text into paragraphs', () => {
    assert.equal(textOf('<p>Light &amp; fast</p><ul><li>One</li><li>Two</li></ul>'), 'Light & fast\nOne\nTwo');
    assert.equal(descriptionHtml({ extendedText: null }), '');
  });
});

describe('push plan: what a linked product needs, against the hashes of what was sent', () => {
  const linked = [{ shopifyId: 'gid://shopify/ProductVariant/1', erpVariantCode: null, priceHash: null, fieldsHash: null }];

  it('sends product fields, price and variant fields the first time', () => {
    const plan = planProductPush(item(), null, linked, settings(), false);
    assert.ok(plan.product);
    assert.equal(plan.variants.length, 1);
    assert.deepEqual(plan.variants[0]?.price, { price: '100.00', compareAtPrice: null, cost: '40.00' });
    assert.equal(plan.variants[0]?.fields?.sku, '1000');
  });

  it('sends nothing when nothing changed since the last push', () => {
    const first = planProductPush(item(), null, linked, settings(), false);
    const sent = [{ ...linked[0]!, priceHash: first.variants[0]?.priceHash ?? null, fieldsHash: first.variants[0]?.fieldsHash ?? null }];
    const again = planProductPush(item(), first.product?.hash ?? null, sent, settings(), false);
    assert.deepEqual(again, { variants: [], newVariants: [], skipped: [] });
  });

  it('sends only the changed price after a price change, and in price-only mode never product fields', () => {
    const first = planProductPush(item(), null, linked, settings(), false);
    const sent = [{ ...linked[0]!, priceHash: first.variants[0]?.priceHash ?? null, fieldsHash: first.variants[0]?.fieldsHash ?? null }];
    const plan = planProductPush(item({ unitPrice: '120.00' }), null, sent, settings(), true);
    assert.equal(plan.product, undefined);
    assert.equal(plan.variants.length, 1);
    assert.equal(plan.variants[0]?.price?.price, '120.00');
    assert.equal(plan.variants[0]?.fields, undefined);
  });

  it('sends no prices when syncPrices is off (outside price-only mode)', () => {
    const plan = planProductPush(item(), null, linked, settings({ syncPrices: false }), false);
    assert.equal(plan.variants[0]?.price, undefined);
    assert.ok(plan.variants[0]?.fields);
  });

  it('skips a blocked item with a reason when the removed-products action is none, and only archives it otherwise', () => {
    assert.deepEqual(planProductPush(item({ blocked: true }), null, linked, settings(), false).skipped, [{ recordId: '1000', reason: 'item 1000 is blocked' }]);
    const archive = planProductPush(item({ blocked: true }), null, linked, settings({ actionForRemovedProducts: 'archive' }), false);
    assert.deepEqual(archive.product?.fields, { status: 'ARCHIVED' });
    assert.equal(archive.variants.length, 0);
  });

  it('plans the item variants Shopify lacks as new variants, blocked ones left out', () => {
    const bike = item({ variants: [{ code: 'RED', description: 'Red', blocked: false }, { code: 'BLUE', description: 'Blue', blocked: false }, { code: 'OLD', description: 'Old', blocked: true }] });
    const plan = planProductPush(bike, null, [{ shopifyId: 'v1', erpVariantCode: 'RED', priceHash: null, fieldsHash: null }], settings({ skuMapping: 'variantCode' }), false);
    assert.deepEqual(plan.newVariants.map((v) => v.variantCode), ['BLUE']);
    assert.deepEqual(variantInput(plan.newVariants[0]!, 'BLUE').optionValues, [{ optionName: 'Variant', name: 'BLUE' }]);
  });

  it('writes a variant change as ProductVariantsBulkInput with cost, SKU and weight under inventoryItem', () => {
    const plan = planProductPush(item(), null, linked, settings(), false);
    assert.deepEqual(variantInput(plan.variants[0]!), {
      id: 'gid://shopify/ProductVariant/1', price: '100.00', compareAtPrice: null, barcode: '5012345678900', taxable: true, inventoryPolicy: 'CONTINUE',
      inventoryItem: { cost: '40.00', sku: '1000', measurement: { weight: { unit: 'KILOGRAMS', value: 12.5 } } },
    });
  });
});

describe('product import rules', () => {
  it('imports a new product, skips one unchanged since the last import, and skips a change the ERP pushed itself (echo)', () => {
    assert.equal(needsImport('2026-11-01T00:00:00Z', null), true);
    assert.equal(needsImport('2026-11-01T00:00:00Z', { shopifyUpdatedAt: '2026-11-01T00:00:00Z', lastUpdatedByErp: null }), false);
    assert.equal(needsImport('2026-11-02T00:00:00Z', { shopifyUpdatedAt: '2026-11-01T00:00:00Z', lastUpdatedByErp: '2026-11-02T00:00:00Z' }), false);
    assert.equal(needsImport('2026-11-03T00:00:00Z', { shopifyUpdatedAt: '2026-11-01T00:00:00Z', lastUpdatedByErp: '2026-11-02T00:00:00Z' }), true);
  });

  const product = (variants: Array<{ sku: string | null; barcode?: string }>): ShopifyProduct => ({
    id: 'gid://shopify/Product/9', title: 'Shirt', handle: 'shirt', status: 'ACTIVE', vendor: 'Acme', productType: 'Tops', tags: ['z', 'y'], descriptionHtml: '<p>Soft</p>', updatedAt: '2026-11-01T00:00:00Z',
    variants: variants.map((v, i) => ({ id: `gid://shopify/ProductVariant/${i}`, title: `V${i}`, sku: v.sku, barcode: v.barcode ?? null, price: '19.90', inventoryItemId: `gid://shopify/InventoryItem/${i}`, unitCost: '7.00', weightKg: 0.3 })),
  });

  it('takes a new item number from the SKU under the itemNo rule, variant codes from the SKU under itemNoAndVariantCode', () => {
    assert.equal(newItemFrom(product([{ sku: 'SHIRT-1' }]), settings({ skuMapping: 'itemNo' })).itemNo, 'SHIRT-1');
    const split = newItemFrom(product([{ sku: 'SH|s' }, { sku: 'SH|m' }]), settings({ skuMapping: 'itemNoAndVariantCode' }));
    assert.equal(split.itemNo, 'SH');
    assert.deepEqual(split.variants.map((v) => v.code), ['S', 'M']);
  });

  it('leaves the item number to the number series and numbers variants with the prefix when the SKU rule gives neither', () => {
    const created = newItemFrom(product([{ sku: null }, { sku: null }]), settings({ skuMapping: 'none', variantPrefix: 'V_' }));
    assert.equal(created.itemNo, null);
    assert.deepEqual(created.variants.map((v) => v.code), ['V_1', 'V_2']);
    assert.equal(created.extendedText, 'Soft');
  });
});

describe('product sync filters and the cursor window', () => {
  it('reads changed products from the cursor minus the overlap up to the run start, gift cards left out', () => {
    const { query, incremental } = productImportQuery('2026-11-01T10:00:00.000Z', '2026-11-02T00:00:00.000Z', {}, {}, undefined);
    assert.equal(query, "updated_at:>='2026-11-01T09:55:00.000Z' updated_at:<='2026-11-02T00:00:00.000Z' gift_card:false");
    assert.equal(incremental, true);
  });

  it('turns status and product id filters into search terms, and a since option into a non-incremental range', () => {
    const filters = ProductFilters.parse({ productIds: ['12', 'gid://shopify/Product/34'], status: ['ACTIVE', 'DRAFT'] });
    const { query, incremental } = productImportQuery(null, '2026-11-02T00:00:00.000Z', filters, { since: '2026-10-01T00:00:00Z' }, filters.productIds);
    assert.equal(query, "updated_at:>='2026-10-01T00:00:00.000Z' updated_at:<='2026-11-02T00:00:00.000Z' gift_card:false status:active,draft (id:12 OR id:34)");
    assert.equal(incremental, false);
    assert.equal(productFilterKey(filters), 'ids=12+34,status=ACTIVE+DRAFT');
  });

  it('rejects a product id that is not one', () => {
    assert.equal(ProductFilters.safeParse({ productIds: ['abc'] }).success, false);
  });

  it('never moves the cursor past the run start', () => {
    assert.equal(nextCursor('2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z'), '2026-11-02T00:00:00Z');
    assert.equal(nextCursor('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), '2026-11-01T00:00:00Z');
    assert.deepEqual(updatedWindowTerms(null, '2026-11-02T00:00:00Z'), ["updated_at:<='2026-11-02T00:00:00Z'"]);
  });

  it('hashes equal values equally whatever their key order', () => {
    assert.equal(changeHash({ a: 1, b: [1, 2] }), changeHash({ b: [1, 2], a: 1 }));
    assert.notEqual(changeHash({ a: 1 }), changeHash({ a: 2 }));
  });
});

describe('product settings', () => {
  it('requires an item template when unknown items are created', () => {
    assert.throws(() => parseShopSettings({ domain: 'x.myshopify.com', autoCreateUnknownItems: true }), /itemTemplateCode: is required when autoCreateUnknownItems is on/);
  });

  it('names the removed-products actions archive, draft and none', () => {
    assert.throws(() => parseShopSettings({ domain: 'x.myshopify.com', actionForRemovedProducts: 'statusToArchived' }), /actionForRemovedProducts/);
  });
});
