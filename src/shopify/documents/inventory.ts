/**
 * Inventory (reference 2.5, in the 2026-04 model): absolute quantities set with compare-and-set
 * (`changeFromQuantity`), every write under an idempotency key.
 */

/** Quantities per `inventorySetQuantities` call (Shopify's limit, the connector's batch). */
export const QUANTITIES_PER_CALL = 250;

export const INVENTORY_SET_QUANTITIES = `#graphql
  mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id }
      userErrors { field message code }
    }
  }
` as const;

/** Levels read per inventory item, and items per read: 6 × (3 + 50 × 3) points stays under 1,000 (a test checks it). */
export const LEVELS_PER_ITEM = 50;
export const ITEMS_PER_LEVELS_QUERY = 6;

/** The current quantities of some inventory items at every location (after a stale compare). */
export const INVENTORY_LEVELS_OF_ITEMS = `#graphql
  query InventoryLevelsOfItems($ids: [ID!]!, $locations: Int!) {
    nodes(ids: $ids) {
      ... on InventoryItem {
        id
        tracked
        inventoryLevels(first: $locations) {
          nodes { location { id } quantities(names: ["available"]) { name quantity } }
        }
      }
    }
  }
` as const;

export const INVENTORY_ACTIVATE = `#graphql
  mutation InventoryActivate($inventoryItemId: ID!, $locationId: ID!, $available: Int, $key: String!) {
    inventoryActivate(inventoryItemId: $inventoryItemId, locationId: $locationId, available: $available) @idempotent(key: $key) {
      inventoryLevel { id }
      userErrors { field message }
    }
  }
` as const;

export const INVENTORY_ITEM_TRACK = `#graphql
  mutation InventoryItemTrack($id: ID!) {
    inventoryItemUpdate(id: $id, input: { tracked: true }) {
      inventoryItem { id tracked }
      userErrors { field message }
    }
  }
` as const;

export const BULK_OPERATION_RUN_QUERY = `#graphql
  mutation BulkOperationRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
` as const;

/** Every inventory level of every location, as one bulk query (a full compare reads Shopify's quantities this way). */
export const BULK_INVENTORY_LEVELS_QUERY = `{
  locations {
    edges {
      node {
        id
        inventoryLevels {
          edges { node { item { id } quantities(names: ["available"]) { name quantity } } }
        }
      }
    }
  }
}`;
