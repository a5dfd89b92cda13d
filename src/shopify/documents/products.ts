import type { ProductFieldsFragment, VariantFieldsFragment } from '../types/admin.generated';

/**
 * Products, read many per request with their variants nested (the connector reads a page of ids,
 * then one request per product and one per variant). A product with more variants than fit gets
 * one more request for the rest.
 */

/** Variants read with each product. */
export const PRODUCT_VARIANTS_PER_PAGE = 10;
/** Products per request: keeps the requested cost under Shopify's 1,000 (a test checks it). */
export const PRODUCTS_PER_PAGE = 15;

export const VARIANT_FRAGMENT = `#graphql
  fragment VariantFields on ProductVariant {
    id
    title
    sku
    barcode
    price
    compareAtPrice
    taxable
    inventoryPolicy
    updatedAt
    selectedOptions { name value }
    inventoryItem {
      id
      tracked
      unitCost { amount }
      measurement { weight { unit value } }
    }
  }
` as const;

export const PRODUCT_FRAGMENT = `#graphql
  fragment ProductFields on Product {
    id
    title
    handle
    status
    vendor
    productType
    tags
    descriptionHtml
    isGiftCard
    updatedAt
  }
` as const;

export const PRODUCTS_PAGE_QUERY = `#graphql
  query ProductsPage($first: Int!, $after: String, $query: String, $variants: Int!) {
    products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ...ProductFields
        variants(first: $variants) {
          nodes { ...VariantFields }
          pageInfo { hasNextPage endCursor }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${PRODUCT_FRAGMENT}
  ${VARIANT_FRAGMENT}
` as const;

/** The rest of the variants of a product with more than fit in the page query. */
export const PRODUCT_MORE_VARIANTS_QUERY = `#graphql
  query ProductMoreVariants($id: ID!, $after: String) {
    product(id: $id) {
      variants(first: 100, after: $after) {
        nodes { ...VariantFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${VARIANT_FRAGMENT}
` as const;

export type RawProduct = ProductFieldsFragment;
export type RawVariant = VariantFieldsFragment;

export const PRODUCT_UPDATE = `#graphql
  mutation ProductUpdate($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product { id updatedAt }
      userErrors { field message }
    }
  }
` as const;

export const VARIANTS_BULK_UPDATE = `#graphql
  mutation VariantsBulkUpdate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants, allowPartialUpdates: true) {
      product { id updatedAt }
      productVariants { id }
      userErrors { field message code }
    }
  }
` as const;

export const VARIANTS_BULK_CREATE = `#graphql
  mutation VariantsBulkCreate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkCreate(productId: $productId, variants: $variants) {
      product { id updatedAt }
      productVariants { id sku inventoryItem { id } }
      userErrors { field message code }
    }
  }
` as const;

/** Creates (or, by handle, finds again) a product with its options, variants and prices: "add items". */
export const PRODUCT_SET = `#graphql
  mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
    productSet(identifier: $identifier, input: $input, synchronous: true) {
      product {
        ...ProductFields
        variants(first: 100) { nodes { ...VariantFields } }
      }
      userErrors { field message code }
    }
  }
  ${PRODUCT_FRAGMENT}
  ${VARIANT_FRAGMENT}
` as const;

/** Products asked for per SKU lookup, and SKUs per lookup: two products per SKU fit, and the cost stays under 1,000. */
export const PRODUCTS_PER_SKU_QUERY = 10;
export const SKUS_PER_QUERY = 5;

/** Products that already carry one of these SKUs (an "add items" run links them instead of duplicating them). */
export const PRODUCTS_BY_SKU_QUERY = `#graphql
  query ProductsBySku($query: String!, $first: Int!) {
    products(first: $first, query: $query) {
      nodes {
        ...ProductFields
        variants(first: 10) { nodes { ...VariantFields } }
      }
    }
  }
  ${PRODUCT_FRAGMENT}
  ${VARIANT_FRAGMENT}
` as const;
