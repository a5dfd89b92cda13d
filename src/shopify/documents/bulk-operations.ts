/**
 * Bulk mutations (reference 1.6): the variables go up as a JSONL file through a staged upload, the
 * mutation runs asynchronously on Shopify's side, and its result comes back as a JSONL file.
 */

export const STAGED_UPLOADS_CREATE = `#graphql
  mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets { url resourceUrl parameters { name value } }
      userErrors { field message }
    }
  }
` as const;

export const BULK_OPERATION_RUN_MUTATION = `#graphql
  mutation BulkOperationRunMutation($mutation: String!, $stagedUploadPath: String!, $clientIdentifier: String) {
    bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $stagedUploadPath, clientIdentifier: $clientIdentifier) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
` as const;

export const BULK_OPERATION_FRAGMENT = `#graphql
  fragment BulkOperationFields on BulkOperation {
    id
    status
    errorCode
    objectCount
    url
    partialDataUrl
    completedAt
    createdAt
  }
` as const;

export const BULK_OPERATION_QUERY = `#graphql
  query BulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) { ...BulkOperationFields }
  }
  ${BULK_OPERATION_FRAGMENT}
` as const;

/** This app's bulk mutations in progress on the shop (up to five may run at once since 2026-01). */
export const RUNNING_BULK_MUTATIONS_QUERY = `#graphql
  query RunningBulkMutations {
    bulkOperations(first: 5, query: "operation_type:mutation AND (status:created OR status:running)") {
      nodes { ...BulkOperationFields }
    }
  }
  ${BULK_OPERATION_FRAGMENT}
` as const;

/**
 * The mutation each line of a bulk price push runs (sent as a string, one JSONL line of variables
 * per product). Only prices and cost: the bulk path is for large price changes.
 */
export const BULK_VARIANT_PRICE_MUTATION = `mutation call($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants, allowPartialUpdates: true) {
    product { id updatedAt }
    productVariants { id }
    userErrors { field message code }
  }
}`;
