import { Context } from '@temporalio/activity';
import type { CatalogSettings } from '../domain/catalog-prices';
import type { ShopSettings } from '../domain/shop-settings';
import { CATALOGS_PAGE_QUERY, CATALOGS_PER_PAGE } from '../shopify/documents/catalogs';
import type { CatalogType } from '../shopify/types/admin.types';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { prefetchedPages } from './prefetched-pages';
import { checkpoint } from './run-guard';

export interface CatalogImportCounts {
  fetched: number;
  created: number;
  updated: number;
  requests: number;
}

export interface CatalogImportStepResult extends CatalogImportCounts {
  after: string | null;
  done: boolean;
}

/** A new catalog prices as the shop does until someone sets its own context; syncPrices starts off. */
function defaultsFrom(settings: ShopSettings): CatalogSettings {
  return {
    syncPrices: false,
    customerPriceGroup: settings.customerPriceGroup,
    customerDiscountGroup: settings.customerDiscountGroup,
    allowLineDiscount: settings.allowLineDiscount,
    pricesIncludingVat: settings.pricesIncludingVat,
    currencyCode: settings.currencyCode,
    customerNo: null,
  };
}

export function createCatalogSyncActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    /**
     * Imports pages of one type of catalog (company-location or market) until done or out of time: 50
     * catalogs per request with their price list's currency and the companies or markets they serve.
     * Safe to retry: a catalog is an upsert that keeps the ERP's settings for it.
     */
    async importCatalogPages(step: { shop: string; type: 'companyLocation' | 'market'; after: string | null; maxMillis: number }): Promise<CatalogImportStepResult> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${step.shop} is disabled`);
      const client = shopify.forShop(step.shop);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const result: CatalogImportStepResult = { fetched: 0, created: 0, updated: 0, requests: 0, after, done: false };
      const type: CatalogType = step.type === 'market' ? 'MARKET' : 'COMPANY_LOCATION';
      const fetchPage = async (from: string | null) => (await client.request(CATALOGS_PAGE_QUERY, { first: CATALOGS_PER_PAGE, after: from, type })).data.catalogs;
      for await (const page of prefetchedPages(fetchPage, after, () => Date.now() - started < step.maxMillis)) {
        result.requests += 1;
        for (const node of page.nodes) {
          await checkpoint({ after });
          const locations = 'companyLocations' in node ? node.companyLocations.nodes : [];
          const markets = 'markets' in node ? node.markets.nodes : [];
          const outcome = await erp.catalogs.saveImported(
            {
              shop: step.shop,
              shopifyId: node.id,
              title: node.title,
              type: step.type,
              status: node.status,
              priceListId: node.priceList?.id ?? null,
              currency: node.priceList?.currency ?? null,
              publicationId: node.publication?.id ?? null,
              companyIds: [...new Set(locations.map((location) => location.company.id))],
              companyLocationIds: locations.map((location) => location.id),
              marketIds: markets.map((market) => market.id),
            },
            defaultsFrom(settings),
          );
          result[outcome] += 1;
        }
        result.fetched += page.nodes.length;
        after = page.pageInfo.endCursor ?? null;
        result.after = after;
        result.done = !page.pageInfo.hasNextPage;
      }
      return result;
    },

    /** The catalogs whose prices the ERP keeps (syncPrices on), all or the ones asked for. */
    async catalogsToPrice(input: { shop: string; catalogIds?: string[] }): Promise<{ catalogIds: string[]; notSyncing: string[]; unknown: string[] }> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const catalogs = input.catalogIds ? await erp.catalogs.byIds(input.shop, input.catalogIds) : await erp.catalogs.list(input.shop);
      const known = new Set(catalogs.map((catalog) => catalog.shopifyId));
      return {
        catalogIds: catalogs.filter((catalog) => catalog.settings.syncPrices).map((catalog) => catalog.shopifyId),
        notSyncing: catalogs.filter((catalog) => !catalog.settings.syncPrices).map((catalog) => catalog.shopifyId),
        unknown: (input.catalogIds ?? []).filter((id) => !known.has(id)),
      };
    },
  });
}

export type CatalogSyncActivities = ReturnType<typeof createCatalogSyncActivities>;
