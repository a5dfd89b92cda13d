import assert from 'node:assert/strict';
import { catalogPriceContext, CatalogSettingsSchema, planCatalogPrices, type CatalogSettings, type PricedVariant } from '../../src/domain/catalog-prices';
import type { PricedItem } from '../../src/domain/item-prices';

const item = (overrides: Partial<PricedItem> = {}): PricedItem => ({
  no: 'SHIRT', unitPrice: '20.00', priceIncludesVat: false, vatPercent: 20, unitCost: '8.00',
  prices: [{ priceGroup: 'B2B', variantCode: null, currencyCode: null, unitPrice: '16.00', allowLineDiscount: true }],
  discounts: [{ discountGroup: 'WHOLESALE', variantCode: null, percent: 10 }],
  ...overrides,
});

const settings = (overrides: Partial<CatalogSettings> = {}): CatalogSettings => ({
  syncPrices: true, customerPriceGroup: 'B2B', customerDiscountGroup: null, allowLineDiscount: true, pricesIncludingVat: false, currencyCode: null, customerNo: null, ...overrides,
});

const variant = (id: string, overrides: Partial<PricedItem> = {}): PricedVariant => ({ variantId: `gid://shopify/ProductVariant/${id}`, item: item(overrides), variantCode: null });

describe('catalog prices', () => {
  it('prices each variant in the catalog context and sends only what differs from the price list', () => {
    const current = new Map([
      ['gid://shopify/ProductVariant/1', { price: '16.00', compareAtPrice: null }],
      ['gid://shopify/ProductVariant/2', { price: '15.00', compareAtPrice: null }],
    ]);
    const plan = planCatalogPrices([variant('1'), variant('2'), variant('3')], current, catalogPriceContext(settings(), null));
    assert.equal(plan.unchanged, 1);
    assert.deepEqual(plan.changes, [
      { variantId: 'gid://shopify/ProductVariant/2', price: '16.00', compareAtPrice: null },
      { variantId: 'gid://shopify/ProductVariant/3', price: '16.00', compareAtPrice: null },
    ]);
  });

  it('sends a compare-at price only when it is above the price, and compares amounts, not their spelling', () => {
    const discounted = catalogPriceContext(settings({ customerPriceGroup: null, customerDiscountGroup: 'WHOLESALE' }), null);
    const plan = planCatalogPrices([variant('1')], new Map(), discounted);
    assert.deepEqual(plan.changes, [{ variantId: 'gid://shopify/ProductVariant/1', price: '18.00', compareAtPrice: '20.00' }]);
    const same = planCatalogPrices([variant('1')], new Map([['gid://shopify/ProductVariant/1', { price: '18.0', compareAtPrice: '20' }]]), discounted);
    assert.deepEqual([same.changes.length, same.unchanged], [0, 1]);
  });

  it("uses the customer's groups when the catalog names a customer", () => {
    const context = catalogPriceContext(settings({ customerNo: 'C1' }), { customerPriceGroup: null, customerDiscountGroup: 'WHOLESALE' });
    assert.deepEqual([context.customerPriceGroup, context.customerDiscountGroup], [null, 'WHOLESALE']);
  });

  it('skips a variant with no price in the catalog currency, naming why', () => {
    const plan = planCatalogPrices([variant('1')], new Map(), catalogPriceContext(settings({ currencyCode: 'USD' }), null));
    assert.deepEqual(plan.skipped, [{ recordId: 'gid://shopify/ProductVariant/1', reason: 'item SHIRT has no price in USD' }]);
  });

  it('refuses catalog settings that are not codes, currencies or switches', () => {
    assert.equal(CatalogSettingsSchema.partial().safeParse({ currencyCode: 'euro' }).success, false);
    assert.equal(CatalogSettingsSchema.partial().safeParse({ syncPrices: 'yes' }).success, false);
    assert.equal(CatalogSettingsSchema.partial().safeParse({ unknown: 1 }).success, false);
  });
});
