import { STORED_QUANTITY_NAMES, type EmulatedInventoryItem, type EmulatedInventoryLevel, type EmulatedProduct, type EmulatedVariant, type StoredQuantityName } from './commerce';
import { parseGid } from './gid';
import type { EmulatedLocation, EmulatedShop, EmulatorState } from './state';

/**
 * The inventory area's records and Shopify's rules for them (shopify.dev "Manage inventory quantities and
 * states", the 2026-10 descriptions of inventorySetQuantities, InventoryQuantityInput and
 * InventorySetQuantitiesUserErrorCode). The GraphQL resolvers and the emulator's admin API write through here.
 */

/** The names `quantities(names:)` answers: the stored ones and the two sums. */
export const QUANTITY_NAMES = [...STORED_QUANTITY_NAMES, 'on_hand', 'unavailable'] as const;
export type QuantityName = (typeof QUANTITY_NAMES)[number];
const UNAVAILABLE_NAMES: StoredQuantityName[] = ['damaged', 'quality_control', 'reserved', 'safety_stock'];

/** InventorySetQuantitiesInput.name: "The only accepted values are: `available` or `on_hand`." */
export type SettableName = 'available' | 'on_hand';

/** The reasons of the quantities-states guide ("The value must be one of the possible reasons"). */
export const INVENTORY_REASONS = new Set([
  'correction', 'cycle_count_available', 'damaged', 'movement_canceled', 'movement_created', 'movement_received', 'movement_updated', 'other',
  'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated', 'restock', 'safety_stock', 'shrinkage',
]);

/** INVALID_QUANTITY_TOO_HIGH / _TOO_LOW: "The total quantity can't be higher than 1,000,000,000" (lower than -1,000,000,000). */
export const MAX_QUANTITY = 1_000_000_000;

export interface StockedItem {
  product: EmulatedProduct;
  variant: EmulatedVariant;
  item: EmulatedInventoryItem;
}

/** All levels of an item, inactive ones included. */
export function levelsOf(item: EmulatedInventoryItem): EmulatedInventoryLevel[] {
  item.levels ??= [];
  return item.levels;
}

export function isActiveLevel(level: EmulatedInventoryLevel): boolean {
  return level.isActive !== false;
}

/** The levels reads show: the active ones, or all with `includeInactive`. */
export function visibleLevels(item: EmulatedInventoryItem, includeInactive = false): EmulatedInventoryLevel[] {
  return levelsOf(item).filter((l) => includeInactive || isActiveLevel(l));
}

export function quantityOf(level: EmulatedInventoryLevel, name: QuantityName): number {
  const unavailable = UNAVAILABLE_NAMES.reduce((sum, n) => sum + level.quantities[n], 0);
  if (name === 'unavailable') return unavailable;
  if (name === 'on_hand') return level.quantities.available + level.quantities.committed + unavailable;
  return level.quantities[name];
}

export function isQuantityName(name: string): name is QuantityName {
  return (QUANTITY_NAMES as readonly string[]).includes(name);
}

/** Every inventory item of the shop, in id order (one per variant). */
export function allInventoryItems(shop: EmulatedShop): StockedItem[] {
  return shop.products
    .flatMap((product) => product.variants.map((variant) => ({ product, variant, item: variant.inventoryItem })))
    .sort((a, b) => a.variant.inventoryItemId - b.variant.inventoryItemId);
}

export function findInventoryItem(shop: EmulatedShop, id: unknown): StockedItem | undefined {
  const numeric = typeof id === 'number' ? id : parseGid(id, 'InventoryItem');
  if (numeric === undefined) return undefined;
  for (const product of shop.products) {
    const variant = product.variants.find((v) => v.inventoryItemId === numeric);
    if (variant) return { product, variant, item: variant.inventoryItem };
  }
  return undefined;
}

export function findLocation(shop: EmulatedShop, id: unknown): EmulatedLocation | undefined {
  const numeric = typeof id === 'number' ? id : parseGid(id, 'Location');
  return numeric === undefined ? undefined : shop.locations.find((l) => l.id === numeric);
}

/** Shopify's level ids carry the item: gid://shopify/InventoryLevel/<id>?inventory_item_id=<item>. */
export function levelGid(level: EmulatedInventoryLevel, inventoryItemId: number): string {
  return `gid://shopify/InventoryLevel/${level.id}?inventory_item_id=${inventoryItemId}`;
}

export function findLevelByGid(shop: EmulatedShop, id: unknown): { stocked: StockedItem; level: EmulatedInventoryLevel } | undefined {
  const match = /^gid:\/\/shopify\/InventoryLevel\/(\d+)(?:\?inventory_item_id=(\d+))?$/.exec(String(id ?? ''));
  if (!match) return undefined;
  const levelId = Number(match[1]);
  const candidates = match[2] ? [findInventoryItem(shop, Number(match[2]))].filter((s): s is StockedItem => !!s) : allInventoryItems(shop);
  for (const stocked of candidates) {
    const level = levelsOf(stocked.item).find((l) => l.id === levelId);
    if (level) return { stocked, level };
  }
  return undefined;
}

function emptyQuantities(): Record<StoredQuantityName, number> {
  return Object.fromEntries(STORED_QUANTITY_NAMES.map((name) => [name, 0])) as Record<StoredQuantityName, number>;
}

export function newLevel(shop: EmulatedShop, state: EmulatorState, locationId: number, now: string): EmulatedInventoryLevel {
  return { id: state.nextId(shop), locationId, quantities: emptyQuantities(), quantityUpdatedAt: {}, createdAt: now, updatedAt: now };
}

/**
 * The levels of a new variant: Shopify stocks a new variant at the shop's default location, which is the
 * first active location here (as `location` without an id answers); a shop without locations stocks nowhere.
 */
export function initialLevels(shop: EmulatedShop, state: EmulatorState, now: string): EmulatedInventoryLevel[] {
  const primary = shop.locations.find((l) => l.isActive);
  return primary ? [newLevel(shop, state, primary.id, now)] : [];
}

export interface QuantityChange {
  name: QuantityName;
  delta: number;
  quantityAfterChange: number;
  inventoryItemId: number;
  locationId: number;
}

/**
 * Sets `available` or `on_hand` to a quantity. Either moves the other by the same delta, since on_hand is
 * available + committed + unavailable; the changes name both, as Shopify's adjustment groups do.
 */
export function setLevelQuantity(level: EmulatedInventoryLevel, inventoryItemId: number, name: SettableName, quantity: number, now: string): QuantityChange[] {
  const delta = quantity - quantityOf(level, name);
  if (delta === 0) return [];
  level.quantities.available += delta;
  level.quantityUpdatedAt.available = now;
  level.updatedAt = now;
  const other: SettableName = name === 'available' ? 'on_hand' : 'available';
  return [name, other].map((n) => ({ name: n, delta, quantityAfterChange: quantityOf(level, n), inventoryItemId, locationId: level.locationId }));
}

/** Adds a delta to one quantity; a change to a part of on_hand moves on_hand too. */
export function adjustLevelQuantity(level: EmulatedInventoryLevel, inventoryItemId: number, name: StoredQuantityName, delta: number, now: string): QuantityChange[] {
  if (delta === 0) return [];
  level.quantities[name] += delta;
  level.quantityUpdatedAt[name] = now;
  level.updatedAt = now;
  const names: QuantityName[] = name === 'incoming' ? [name] : [name, 'on_hand'];
  return names.map((n) => ({ name: n, delta, quantityAfterChange: quantityOf(level, n), inventoryItemId, locationId: level.locationId }));
}

/**
 * referenceDocumentUri: "Valid URI with scheme and content. For GID format, all components (app, entity, id)
 * must be present." (InventorySetQuantitiesInput, 2026-10).
 */
export function validReferenceDocumentUri(uri: string): boolean {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.+)$/.exec(uri);
  if (!scheme) return false;
  if (scheme[1]?.toLowerCase() === 'gid') return /^gid:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+$/.test(uri);
  return !/\s/.test(uri);
}

export interface SetQuantityInput {
  inventoryItemId: unknown;
  locationId: unknown;
  quantity: number;
  /** Undefined when the client left the field out, which 2026-10 refuses; null skips the compare. */
  changeFromQuantity?: number | null;
}

export interface SetQuantitiesInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  quantities: SetQuantityInput[];
}

export interface InventoryUserError {
  field: string[];
  message: string;
  code: string;
}

/**
 * inventorySetQuantities, all or nothing: every quantity is checked first and any error leaves every level
 * as it was (the docs do not say; the emulator chooses the safe reading for a compare-and-swap call).
 */
export function setQuantities(shop: EmulatedShop, state: EmulatorState, input: SetQuantitiesInput, now: string): { changes: QuantityChange[] } | { errors: InventoryUserError[] } {
  const errors: InventoryUserError[] = [];
  const fail = (field: Array<string | number>, message: string, code: string) => errors.push({ field: ['input', ...field.map(String)], message, code });
  if (input.name !== 'available' && input.name !== 'on_hand') fail(['name'], "The quantity name must be either 'available' or 'on_hand'.", 'INVALID_NAME');
  if (!INVENTORY_REASONS.has(input.reason)) fail(['reason'], `The specified reason '${input.reason}' is invalid.`, 'INVALID_REASON');
  if (input.referenceDocumentUri !== null && input.referenceDocumentUri !== undefined && !validReferenceDocumentUri(input.referenceDocumentUri)) {
    fail(['referenceDocumentUri'], 'The specified reference document is invalid.', 'INVALID_REFERENCE_DOCUMENT');
  }
  const name = input.name as SettableName;
  const planned: Array<{ stocked: StockedItem; locationId: number; level: EmulatedInventoryLevel | undefined; quantity: number }> = [];
  const seen = new Set<string>();
  input.quantities.forEach((q, index) => {
    const at = ['quantities', index];
    const stocked = findInventoryItem(shop, q.inventoryItemId);
    const location = findLocation(shop, q.locationId);
    if (!stocked) return void fail([...at, 'inventoryItemId'], 'The specified inventory item could not be found.', 'INVALID_INVENTORY_ITEM');
    if (!location) return void fail([...at, 'locationId'], 'The specified location could not be found.', 'INVALID_LOCATION');
    const pair = `${stocked.variant.inventoryItemId}|${location.id}`;
    if (seen.has(pair)) return void fail([...at], 'The combination of inventoryItemId and locationId must be unique.', 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR');
    seen.add(pair);
    // 2026-10's enum no longer has ITEM_NOT_STOCKED_AT_LOCATION: an item not stocked there is stocked by the call.
    const level = levelsOf(stocked.item).find((l) => l.locationId === location.id);
    if (name === 'on_hand' && q.quantity < 0) return void fail([...at, 'quantity'], "The quantity can't be negative.", 'INVALID_QUANTITY_NEGATIVE');
    if (q.quantity > MAX_QUANTITY) return void fail([...at, 'quantity'], "The total quantity can't be higher than 1,000,000,000.", 'INVALID_QUANTITY_TOO_HIGH');
    if (q.quantity < -MAX_QUANTITY) return void fail([...at, 'quantity'], "The total quantity can't be lower than -1,000,000,000.", 'INVALID_QUANTITY_TOO_LOW');
    if (q.changeFromQuantity === undefined) {
      // 2026-10 names no code of its own for this; COMPARE_QUANTITY_REQUIRED is the enum's value for the same rule.
      return void fail([...at, 'changeFromQuantity'], 'changeFromQuantity must be given for each quantity; pass null to skip the compare.', 'COMPARE_QUANTITY_REQUIRED');
    }
    const current = level && isActiveLevel(level) ? quantityOf(level, name === 'on_hand' ? 'on_hand' : 'available') : 0;
    if (q.changeFromQuantity !== null && q.changeFromQuantity !== current) {
      return void fail([...at, 'changeFromQuantity'], 'The changeFromQuantity value does not match persisted value.', 'CHANGE_FROM_QUANTITY_STALE');
    }
    planned.push({ stocked, locationId: location.id, level, quantity: q.quantity });
  });
  if (errors.length > 0) return { errors };
  return {
    changes: planned.flatMap((p) => setLevelQuantity(stockAt(shop, state, p.stocked, p.locationId, p.level, now), p.stocked.variant.inventoryItemId, name, p.quantity, now)),
  };
}

/** The item's active level at a location: the one there, reactivated, or a new one. */
export function stockAt(shop: EmulatedShop, state: EmulatorState, stocked: StockedItem, locationId: number, level: EmulatedInventoryLevel | undefined, now: string): EmulatedInventoryLevel {
  if (level) {
    if (!isActiveLevel(level)) {
      level.isActive = true;
      level.updatedAt = now;
    }
    return level;
  }
  const created = newLevel(shop, state, locationId, now);
  levelsOf(stocked.item).push(created);
  return created;
}

/** inventoryActivate: a level at the location, with its first quantities; activating a stocked item sets nothing new. */
export function activate(
  shop: EmulatedShop,
  state: EmulatorState,
  args: { inventoryItemId: unknown; locationId: unknown; available?: number | null; onHand?: number | null },
  now: string,
): { stocked: StockedItem; level: EmulatedInventoryLevel } | { errors: Array<{ field: string[]; message: string }> } {
  const stocked = findInventoryItem(shop, args.inventoryItemId);
  if (!stocked) return { errors: [{ field: ['inventoryItemId'], message: 'Inventory item does not exist' }] };
  const location = findLocation(shop, args.locationId);
  if (!location) return { errors: [{ field: ['locationId'], message: 'Location does not exist' }] };
  if (!location.isActive) return { errors: [{ field: ['locationId'], message: 'Location is not active' }] };
  for (const [field, value] of [['available', args.available], ['onHand', args.onHand]] as const) {
    if (value !== null && value !== undefined && Math.abs(value) > MAX_QUANTITY) return { errors: [{ field: [field], message: `${field} must be between -1,000,000,000 and 1,000,000,000` }] };
  }
  const levels = levelsOf(stocked.item);
  const existing = levels.find((l) => l.locationId === location.id);
  if (args.available !== null && args.available !== undefined && args.onHand !== null && args.onHand !== undefined) {
    // Both given: they must agree, since on_hand is available plus committed and unavailable (zero on a new level).
    const heldBack = existing ? quantityOf(existing, 'committed') + quantityOf(existing, 'unavailable') : 0;
    if (args.onHand !== args.available + heldBack) return { errors: [{ field: ['onHand'], message: `onHand must equal available plus ${heldBack} committed and unavailable` }] };
  }
  // Since 2026-04 an item stocked there before keeps its quantities unless available or onHand are given.
  const level = stockAt(shop, state, stocked, location.id, existing, now);
  const itemId = stocked.variant.inventoryItemId;
  if (args.onHand !== null && args.onHand !== undefined) setLevelQuantity(level, itemId, 'on_hand', args.onHand, now);
  if (args.available !== null && args.available !== undefined) setLevelQuantity(level, itemId, 'available', args.available, now);
  return { stocked, level };
}

/** inventoryDeactivate: the level turns inactive and keeps its quantities; an item keeps one active level, and a level with committed units stays. */
export function deactivate(shop: EmulatedShop, levelId: unknown): { errors: Array<{ field: string[]; message: string }> } {
  const found = findLevelByGid(shop, levelId);
  if (!found) return { errors: [{ field: ['inventoryLevelId'], message: 'Inventory level does not exist' }] };
  const reason = deactivationBlocker(found.stocked.item, found.level);
  if (reason) return { errors: [{ field: ['inventoryLevelId'], message: reason }] };
  found.level.isActive = false;
  return { errors: [] };
}

/** Why a level can't be deactivated, or null (InventoryLevel.canDeactivate / deactivationAlert). */
export function deactivationBlocker(item: EmulatedInventoryItem, level: EmulatedInventoryLevel): string | null {
  if (!isActiveLevel(level)) return 'The inventory level is already inactive.';
  if (visibleLevels(item).length <= 1) return 'The inventory item must be stocked at one location at least.';
  if (level.quantities.committed > 0) return 'The location has committed units of the item (unfulfilled orders).';
  return null;
}
