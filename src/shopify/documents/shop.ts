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
        displayName
        shopifyPlus
        partnerDevelopment
      }
      primaryDomain {
        host
      }
    }
  }
`;

export interface ShopInfoData {
  shop: {
    id: string;
    name: string;
    email: string;
    myshopifyDomain: string;
    currencyCode: string;
    ianaTimezone: string;
    timezoneAbbreviation: string;
    plan: { displayName: string; shopifyPlus: boolean; partnerDevelopment: boolean };
    primaryDomain: { host: string };
  };
}

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
`;

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  address: { city: string | null; countryCode: string | null };
}

export interface LocationsData {
  locations: {
    nodes: ShopifyLocation[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
