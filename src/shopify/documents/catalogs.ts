/**
 * B2B and market catalogs with their price lists (reference 2.10, 2.11). Catalogs are read a page at
 * a time across all companies (the connector asks once per company); a catalog's publication and its
 * price list's fixed prices are read in pages of 250.
 */

/** Catalogs per request: each carries its price list and up to 5 company locations. */
export const CATALOGS_PER_PAGE = 50;
/** Products of a publication per request (an id each). */
export const PUBLICATION_PRODUCTS_PER_PAGE = 250;
/** Fixed prices per request: variant, price and compare-at are three objects each, 803 points for 200. */
export const FIXED_PRICES_PER_PAGE = 200;
/** Fixed prices per `priceListFixedPricesAdd` (the connector's batch). */
export const FIXED_PRICES_PER_CALL = 250;

export const CATALOGS_PAGE_QUERY = `#graphql
  query CatalogsPage($first: Int!, $after: String, $type: CatalogType!, $query: String) {
    catalogs(first: $first, after: $after, type: $type, query: $query) {
      nodes {
        id
        title
        status
        priceList { id currency }
        publication { id }
        ... on CompanyLocationCatalog {
          companyLocations(first: 5) { nodes { id company { id } } }
        }
        ... on MarketCatalog {
          markets(first: 5) { nodes { id } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
` as const;

export const PUBLICATION_PRODUCTS_QUERY = `#graphql
  query PublicationProducts($id: ID!, $first: Int!, $after: String) {
    publication(id: $id) {
      products(first: $first, after: $after) {
        nodes { id }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
` as const;

export const PRICE_LIST_FIXED_PRICES_QUERY = `#graphql
  query PriceListFixedPrices($id: ID!, $first: Int!, $after: String) {
    priceList(id: $id) {
      currency
      prices(first: $first, after: $after, originType: FIXED) {
        nodes {
          variant { id }
          price { amount currencyCode }
          compareAtPrice { amount currencyCode }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
` as const;

export const PRICE_LIST_FIXED_PRICES_ADD = `#graphql
  mutation PriceListFixedPricesAdd($priceListId: ID!, $prices: [PriceListPriceInput!]!) {
    priceListFixedPricesAdd(priceListId: $priceListId, prices: $prices) {
      prices { variant { id } }
      userErrors { field message code }
    }
  }
` as const;
