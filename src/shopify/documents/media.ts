/**
 * Product and variant pictures (reference 2.6) with the 2026-10 media operations: bytes go up
 * through staged uploads (resource IMAGE, PUT), `productUpdate(media:)` adds a product image,
 * `fileUpdate` replaces an image's content in place, `productVariantsBulkUpdate(media:, mediaSrc)`
 * gives a variant its own (the connector's productCreateMedia/productUpdateMedia are deprecated).
 */

/** Products per media read: keeps the requested cost under 1,000 (a test checks it). */
export const PRODUCTS_PER_MEDIA_QUERY = 10;

export const PRODUCTS_MEDIA_QUERY = `#graphql
  query ProductsMedia($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        media(first: 10) {
          nodes { id status ... on MediaImage { image { url } } }
        }
        variants(first: 10) {
          nodes {
            id
            media(first: 1) { nodes { id status ... on MediaImage { image { url } } } }
          }
        }
      }
    }
  }
` as const;

export const STAGED_IMAGE_UPLOADS = `#graphql
  mutation StagedImageUploads($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets { url resourceUrl parameters { name value } }
      userErrors { field message }
    }
  }
` as const;

export const PRODUCT_ADD_MEDIA = `#graphql
  mutation ProductAddMedia($id: ID!, $media: [CreateMediaInput!]!) {
    productUpdate(product: { id: $id }, media: $media) {
      product { id media(first: 50) { nodes { id } } }
      userErrors { field message }
    }
  }
` as const;

export const FILE_REPLACE = `#graphql
  mutation FileReplace($files: [FileUpdateInput!]!) {
    fileUpdate(files: $files) {
      files { id fileStatus }
      userErrors { field message code }
    }
  }
` as const;

export const VARIANT_SET_MEDIA = `#graphql
  mutation VariantSetMedia($productId: ID!, $media: [CreateMediaInput!]!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, media: $media, variants: $variants) {
      productVariants { id media(first: 1) { nodes { id } } }
      userErrors { field message code }
    }
  }
` as const;
