import { STORED_QUANTITY_NAMES, type StoredQuantityName } from '../commerce';
import { gid } from '../gid';
import {
  activate,
  adjustLevelQuantity,
  allInventoryItems,
  deactivate,
  findInventoryItem,
  findLocation,
  INVENTORY_REASONS,
  isActiveLevel,
  levelsOf,
  setQuantities,
  stockAt,
  validReferenceDocumentUri,
  type QuantityChange,
  type SetQuantitiesInput,
  type StockedItem,
} from '../inventory-store';
import { decimal, touch } from '../products-store';
import { expressionMatcher, parseSearchExpression } from '../search-query';
import type { EmulatedShop, EmulatorState } from '../state';
import { MAX_PAGE_SIZE, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError, type ResolverModule } from './context';
import { inventoryItemObject, inventoryLevelObject, locationObject } from './objects';
import { sortedPage } from './sorted-page';
import { userError, type UserError } from './user-errors';

/** The inventory area: inventory items and levels, and the mutations that stock and count them. */

/** inventoryItems(query:) terms documented for 2026-10: id, sku, created_at, updated_at. */
function inventoryItemMatcher(query: unknown) {
  return expressionMatcher<StockedItem>(
    parseSearchExpression(typeof query === 'string' ? query : null),
    {
      id: (s) => s.variant.inventoryItemId,
      sku: (s) => s.variant.sku,
      created_at: (s) => s.variant.createdAt,
      updated_at: (s) => s.variant.updatedAt,
      default: (s) => s.variant.sku,
    },
    { id: 'number', created_at: 'date', updated_at: 'date' },
  );
}

/** A list argument longer than Shopify's 250 is refused before anything runs (the docs name no limit of their own here). */
function checkInputSize(list: unknown[]): void {
  if (list.length > MAX_PAGE_SIZE) {
    throw new ShopifyGraphQLError(`The input array size of ${list.length} is greater than the maximum allowed of ${MAX_PAGE_SIZE}.`, 'MAX_INPUT_SIZE_EXCEEDED');
  }
}

function adjustmentGroup(shop: EmulatedShop, state: EmulatorState, reason: string, referenceDocumentUri: string | null, changes: QuantityChange[], now: string) {
  const id = state.nextId(shop);
  return {
    __typename: 'InventoryAdjustmentGroup',
    id: gid('InventoryAdjustmentGroup', id),
    reason,
    referenceDocumentUri,
    createdAt: now,
    app: null,
    staffMember: null,
    changes: (args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null }) =>
      changes
        .filter((c) => !args.inventoryItemIds || args.inventoryItemIds.includes(gid('InventoryItem', c.inventoryItemId)))
        .filter((c) => !args.locationIds || args.locationIds.includes(gid('Location', c.locationId)))
        .filter((c) => !args.quantityNames || args.quantityNames.includes(c.name))
        .map((c) => {
          const stocked = findInventoryItem(shop, c.inventoryItemId);
          const location = findLocation(shop, c.locationId);
          return {
            name: c.name,
            delta: c.delta,
            quantityAfterChange: c.quantityAfterChange,
            ledgerDocumentUri: null,
            item: stocked ? inventoryItemObject(shop, stocked.variant) : null,
            location: location ? locationObject(shop, location) : null,
          };
        }),
  };
}

/** The input as the client sent it: a field left out stays absent, so an omitted changeFromQuantity is told from null. */
function setInput(args: Record<string, unknown>): SetQuantitiesInput {
  const input = args.input as SetQuantitiesInput;
  return { ...input, quantities: input.quantities.map((q) => ({ ...q, changeFromQuantity: 'changeFromQuantity' in q ? q.changeFromQuantity : undefined })) };
}

export const inventoryResolvers: ResolverModule = {
  query: {
    inventoryItem: (args, { shop }) => {
      const stocked = findInventoryItem(shop, args.id);
      return stocked ? inventoryItemObject(shop, stocked.variant) : null;
    },
    inventoryItems: (args, { shop }) => {
      const matches = inventoryItemMatcher(args.query);
      const records = allInventoryItems(shop).filter(matches).map((s) => ({ ...s, id: s.variant.inventoryItemId }));
      return sortedPage(records, args as ConnectionArgs, (s) => s.id, (s) => inventoryItemObject(shop, s.variant));
    },
  },
  mutation: {
    inventorySetQuantities: (args, { shop, state }) => {
      const input = setInput(args);
      checkInputSize(input.quantities);
      const now = state.now();
      const result = setQuantities(shop, state, input, now);
      if ('errors' in result) return { inventoryAdjustmentGroup: null, userErrors: result.errors };
      return { inventoryAdjustmentGroup: adjustmentGroup(shop, state, input.reason, input.referenceDocumentUri ?? null, result.changes, now), userErrors: [] };
    },
    inventoryAdjustQuantities: (args, { shop, state }) => {
      const input = args.input as { name: string; reason: string; referenceDocumentUri?: string | null; changes: Array<{ inventoryItemId: string; locationId: string; delta: number; changeFromQuantity?: number | null }> };
      checkInputSize(input.changes);
      const errors: UserError[] = [];
      const name = input.name as StoredQuantityName;
      if (!(STORED_QUANTITY_NAMES as readonly string[]).includes(input.name)) errors.push(userError(['input', 'name'], 'The specified quantity name is invalid.', 'INVALID_QUANTITY_NAME'));
      if (!INVENTORY_REASONS.has(input.reason)) errors.push(userError(['input', 'reason'], 'The specified reason is invalid.', 'INVALID_REASON'));
      if (input.referenceDocumentUri !== null && input.referenceDocumentUri !== undefined && !validReferenceDocumentUri(input.referenceDocumentUri)) {
        errors.push(userError(['input', 'referenceDocumentUri'], 'The specified reference document is invalid.', 'INVALID_REFERENCE_DOCUMENT'));
      }
      const planned = input.changes.flatMap((change, index) => {
        const at = ['input', 'changes', index];
        const stocked = findInventoryItem(shop, change.inventoryItemId);
        const location = findLocation(shop, change.locationId);
        if (!stocked) return errors.push(userError([...at, 'inventoryItemId'], 'The specified inventory item could not be found.', 'INVALID_INVENTORY_ITEM')), [];
        if (!location) return errors.push(userError([...at, 'locationId'], 'The specified location could not be found.', 'INVALID_LOCATION')), [];
        const level = levelsOf(stocked.item).find((l) => l.locationId === location.id);
        const current = level && isActiveLevel(level) ? level.quantities[name] : 0;
        if (change.changeFromQuantity !== null && change.changeFromQuantity !== undefined && current !== change.changeFromQuantity) {
          return errors.push(userError([...at, 'changeFromQuantity'], 'The changeFromQuantity argument no longer matches the persisted quantity.', 'CHANGE_FROM_QUANTITY_STALE')), [];
        }
        if (Math.abs(current + change.delta) > 2_000_000_000) {
          return errors.push(userError([...at, 'delta'], "The quantity can't be higher than 2,000,000,000.", change.delta > 0 ? 'INVALID_QUANTITY_TOO_HIGH' : 'INVALID_QUANTITY_TOO_LOW')), [];
        }
        return [{ stocked, locationId: location.id, level, delta: change.delta }];
      });
      if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
      const now = state.now();
      const changes = planned.flatMap((p) => adjustLevelQuantity(stockAt(shop, state, p.stocked, p.locationId, p.level, now), p.stocked.variant.inventoryItemId, name, p.delta, now));
      return { inventoryAdjustmentGroup: adjustmentGroup(shop, state, input.reason, input.referenceDocumentUri ?? null, changes, now), userErrors: [] };
    },
    inventoryActivate: (args, { shop, state }) => {
      const result = activate(shop, state, args as Parameters<typeof activate>[2], state.now());
      if ('errors' in result) return { inventoryLevel: null, userErrors: result.errors };
      return { inventoryLevel: inventoryLevelObject(shop, result.stocked.variant, result.level), userErrors: [] };
    },
    inventoryDeactivate: (args, { shop }) => ({ userErrors: deactivate(shop, args.inventoryLevelId).errors }),
    inventoryItemUpdate: (args, { shop, state }) => {
      const stocked = findInventoryItem(shop, args.id);
      if (!stocked) return { inventoryItem: null, userErrors: [userError(['id'], 'Inventory item does not exist')] };
      const input = args.input as { cost?: unknown; tracked?: boolean | null; requiresShipping?: boolean | null; sku?: string | null; measurement?: { weight?: { unit: 'GRAMS' | 'KILOGRAMS' | 'OUNCES' | 'POUNDS'; value: number } | null } | null };
      const cost = input.cost === undefined || input.cost === null ? input.cost : decimal(input.cost);
      if (cost === null && input.cost !== null && input.cost !== undefined) return { inventoryItem: null, userErrors: [userError(['input', 'cost'], 'Cost is not a number')] };
      if (cost !== null && cost !== undefined && Number(cost) < 0) return { inventoryItem: null, userErrors: [userError(['input', 'cost'], 'Cost must be greater than or equal to 0')] };
      const item = stocked.item;
      if (cost !== undefined) item.unitCost = cost;
      if (input.tracked !== null && input.tracked !== undefined) item.tracked = input.tracked;
      if (input.requiresShipping !== null && input.requiresShipping !== undefined) item.requiresShipping = input.requiresShipping;
      if (input.sku !== undefined) stocked.variant.sku = input.sku;
      if (input.measurement?.weight) item.weight = input.measurement.weight;
      touch(stocked.product, state.now(), [stocked.variant]);
      return { inventoryItem: inventoryItemObject(shop, stocked.variant), userErrors: [] };
    },
  },
};
