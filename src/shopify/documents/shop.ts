import type { ShopLocationsQuery } from '../types/admin.generated';

/** The connector's first step of every sync: who the shop is, and where it keeps stock. */
export const SHOP_INFO_QUERY = `#graphql
  query ShopInfo {
    shop {
      id
      name
      email
      myshopifyDomain
      currencyCode
      ianaTimezone
      timezoneAbbreviation
      plan {
        publicDisplayName
        shopifyPlus
        partnerDevelopment
      }
      primaryDomain {
        host
      }
    }
  }
` as const;


export const LOCATIONS_QUERY = `#graphql
  query ShopLocations($first: Int!, $after: String) {
    locations(first: $first, after: $after, includeInactive: true) {
      nodes {
        id
        name
        isActive
        fulfillsOnlineOrders
        shipsInventory
        address {
          city
          countryCode
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
` as const;

export type ShopifyLocation = ShopLocationsQuery['locations']['nodes'][number];
