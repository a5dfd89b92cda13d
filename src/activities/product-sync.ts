import { productFilterKey, productImportQuery, type ProductFilters, type ProductOptions } from '../domain/product-filters';
import { SyncStateRepository } from '../erp/sync-state';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

/** Which way a product sync run goes, decided from the shop's settings and the run's options. */
export type ProductSyncPlan =
  | { direction: 'import'; query: string; incremental: boolean; cursorKey: string; runStart: string }
  | { direction: 'push'; onlyPrices: boolean; bulkThreshold: number }
  | { direction: 'none'; reason: string };

export function createProductSyncActivities({ erp }: ActivityDeps) {
  return withFailureTypes({
    /**
     * Reads the shop's product settings and says what the run does (reference 2.4): price-only mode
     * pushes prices whatever the direction; `toShopify` pushes linked items when the shop lets the ERP
     * update products; `fromShopify` imports products changed in the cursor's window; `none` does nothing.
     */
    async planProductSync(input: { shop: string; filters: ProductFilters; options: ProductOptions }): Promise<ProductSyncPlan> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const onlyPrices = input.options.onlySyncPrices === true;
      if (onlyPrices || settings.syncItem === 'toShopify') {
        if (!settings.allowOutgoingRequests) return { direction: 'none', reason: 'the shop has allowOutgoingRequests off: nothing is sent to Shopify' };
        if (!onlyPrices && !settings.canUpdateShopifyProducts) return { direction: 'none', reason: 'syncItem is toShopify but canUpdateShopifyProducts is off: turn it on, or run with onlySyncPrices' };
        return { direction: 'push', onlyPrices, bulkThreshold: settings.productBulkThreshold };
      }
      if (settings.syncItem === 'none') return { direction: 'none', reason: 'syncItem is none: products come only with orders and "add items"' };
      const runStart = new Date().toISOString();
      const cursorKey = SyncStateRepository.key(input.shop, 'products', productFilterKey(input.filters));
      let productIds = input.filters.productIds;
      if (input.filters.itemNos) {
        const linked = await erp.products.linkedProducts(input.shop, null, 250, input.filters.itemNos);
        productIds = [...(productIds ?? []), ...linked.map((link) => link.shopifyId)];
        if (!productIds.length) return { direction: 'none', reason: `no Shopify product is linked to item ${input.filters.itemNos.join(', ')}` };
      }
      const cursor = await erp.syncState.cursor(cursorKey);
      const { query, incremental } = productImportQuery(cursor, runStart, input.filters, input.options, productIds);
      return { direction: 'import', query, incremental, cursorKey, runStart };
    },

    /** Which way the image sync goes for the shop (its syncItemImages setting), or why it does nothing. */
    async imageSyncDirection(input: { shop: string }): Promise<{ direction: 'toShopify' | 'fromShopify' } | { direction: 'none'; reason: string }> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      if (settings.syncItemImages === 'none') return { direction: 'none', reason: 'syncItemImages is none: set it to toShopify or fromShopify' };
      if (settings.syncItemImages === 'toShopify' && !settings.allowOutgoingRequests) return { direction: 'none', reason: 'the shop has allowOutgoingRequests off: nothing is sent to Shopify' };
      return { direction: settings.syncItemImages };
    },

    /** Moves the product cursor to the run's start, once every page of the run is stored. */
    async advanceProductCursor(input: { shop: string; cursorKey: string; cursor: string }): Promise<void> {
      await checkpoint();
      await erp.syncState.advance(input.cursorKey, input.shop, 'products', input.cursor);
    },
  });
}

export type ProductSyncActivities = ReturnType<typeof createProductSyncActivities>;
