import type { ShopifyResult } from '../shopify/client';
import { LOCATIONS_QUERY, SHOP_INFO_QUERY, type ShopifyLocation } from '../shopify/documents/shop';
import type { ShopLocationsQuery } from '../shopify/types/admin.generated';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface ShopInfoSummary {
  shop: string;
  name: string;
  currencyCode: string;
  ianaTimezone: string;
  planDisplayName: string;
  locations: number;
  activeLocations: number;
}

const LOCATIONS_PAGE_SIZE = 50;

export function createShopInfoActivities({ shops, locations, shopify }: ActivityDeps) {
  return withFailureTypes({
    /** Reads the shop's name, plan, currency, timezone and locations from Shopify and stores them on the shop. */
    async refreshShopInfo(shop: string): Promise<ShopInfoSummary> {
      const record = await shops.get(shop);
      if (!record.settings.enabled) throw new ShopDisabledError(`shop ${shop} is disabled (enable it with: shopsync shops update ${shop} --set enabled=true)`);
      const client = shopify.forShop(shop);
      const { data } = await client.request(SHOP_INFO_QUERY);
      const reported: ShopifyLocation[] = [];
      let after: string | null = null;
      for (;;) {
        const page: ShopifyResult<ShopLocationsQuery> = await client.request(LOCATIONS_QUERY, { first: LOCATIONS_PAGE_SIZE, after });
        reported.push(...page.data.locations.nodes);
        if (!page.data.locations.pageInfo.hasNextPage) break;
        after = page.data.locations.pageInfo.endCursor ?? null;
      }
      const refreshedAt = new Date();
      await checkpoint();
      await shops.recordShopInfo(shop, {
        name: data.shop.name,
        email: data.shop.email,
        currencyCode: data.shop.currencyCode,
        ianaTimezone: data.shop.ianaTimezone,
        timezoneAbbreviation: data.shop.timezoneAbbreviation,
        planDisplayName: data.shop.plan.publicDisplayName,
        shopifyPlus: data.shop.plan.shopifyPlus,
        primaryDomain: data.shop.primaryDomain.host,
        refreshedAt,
      });
      await locations.syncFromShopify(
        shop,
        reported.map((location) => ({
          shopifyId: location.id,
          name: location.name,
          active: location.isActive,
          fulfillsOnlineOrders: location.fulfillsOnlineOrders,
          city: location.address.city ?? null,
          countryCode: location.address.countryCode ?? null,
        })),
        refreshedAt,
      );
      return {
        shop,
        name: data.shop.name,
        currencyCode: data.shop.currencyCode,
        ianaTimezone: data.shop.ianaTimezone,
        planDisplayName: data.shop.plan.publicDisplayName,
        locations: reported.length,
        activeLocations: reported.filter((location) => location.isActive).length,
      };
    },
  });
}

export type ShopInfoActivities = ReturnType<typeof createShopInfoActivities>;
