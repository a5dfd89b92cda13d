import { Context } from '@temporalio/activity';
import { createHash } from 'node:crypto';
import { quantityChanges, type QuantityChange, type StockLocation, type StockVariant } from '../domain/inventory-plan';
import type { InventoryFilters, InventoryOptions } from '../domain/inventory-filters';
import { itemKeyOf } from '../erp/stock';
import { SyncStateRepository } from '../erp/sync-state';
import type { VariantLink } from '../erp/shopify-products';
import type { ShopifyAdminClient } from '../shopify/client';
import {
  BULK_INVENTORY_LEVELS_QUERY,
  BULK_OPERATION_RUN_QUERY,
  INVENTORY_ACTIVATE,
  INVENTORY_ITEM_TRACK,
  INVENTORY_LEVELS_OF_ITEMS,
  INVENTORY_SET_QUANTITIES,
  ITEMS_PER_LEVELS_QUERY,
  LEVELS_PER_ITEM,
  QUANTITIES_PER_CALL,
} from '../shopify/documents/inventory';
import { readJsonl, type BulkState } from './bulk-operations';
import { pagesOf } from './pages-of';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export type InventoryPlan =
  | { kind: 'none'; reason: string }
  | { kind: 'push'; locations: StockLocation[]; fromSeq: number; toSeq: number; cursorKey: string; full: boolean; scoped: boolean };

/**
 * pending: variants linked (or relinked) since their stock was last confirmed, and those Shopify refused;
 * changed: variants whose ERP stock changed in the plan's window; all: every linked variant in scope.
 * (Runs begun before 'pending' was named say 'unsynced': it reads the same set.)
 */
export type InventoryPhase = 'pending' | 'changed' | 'all' | 'unsynced';

export interface InventoryCounts {
  /** Variants looked at, per phase (a variant both new and changed is looked at twice, and sent at most once). */
  variants: number;
  quantitiesSet: number;
  skipped: number;
  staleRetries: number;
  activated: number;
  requests: number;
}

export interface InventoryStep {
  shop: string;
  runKey: string;
  plan: Extract<InventoryPlan, { kind: 'push' }>;
  phase: InventoryPhase;
  filters: InventoryFilters;
  after: string | null;
  maxMillis: number;
}

const VARIANTS_PER_PAGE = 250;
const STOCK_CHANGES_PER_PAGE = 500;

interface VariantPage {
  links: VariantLink[];
  /** Where the page after this one starts. */
  next: string;
}

const MAX_STALE_ATTEMPTS = 3;
const NOT_STOCKED = new Set(['INVALID_LOCATION', 'ITEM_NOT_STOCKED_AT_LOCATION']);
const UNTRACKED = new Set(['NON_MUTABLE_INVENTORY_ITEM']);

function idempotencyKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

/** Shopify's current `available` quantities of these inventory items, by `itemId|locationId`. */
async function currentLevels(client: ShopifyAdminClient, inventoryItemIds: string[]): Promise<{ levels: Map<string, number>; requests: number }> {
  const levels = new Map<string, number>();
  let requests = 0;
  for (let start = 0; start < inventoryItemIds.length; start += ITEMS_PER_LEVELS_QUERY) {
    const { data } = await client.request(INVENTORY_LEVELS_OF_ITEMS, { ids: inventoryItemIds.slice(start, start + ITEMS_PER_LEVELS_QUERY), locations: LEVELS_PER_ITEM });
    requests += 1;
    for (const node of data.nodes) {
      if (!node || !('inventoryLevels' in node)) continue;
      for (const level of node.inventoryLevels.nodes) levels.set(`${node.id}|${level.location.id}`, level.quantities.find((q) => q.name === 'available')?.quantity ?? 0);
    }
  }
  return { levels, requests };
}

export function createInventoryActivities({ erp, shopify }: ActivityDeps) {
  /**
   * Sets one batch of quantities with compare-and-set. When Shopify refuses some (a quantity changed
   * there meanwhile, an item not stocked or not tracked at a location), the batch's items are read
   * again and what is still different is sent with fresh compare values, at most three times; then
   * each remaining quantity becomes a skipped record that says why. Returns the variants that failed.
   */
  async function sendBatch(client: ShopifyAdminClient, step: InventoryStep, batch: QuantityChange[], batchNo: string, counts: InventoryCounts, activate: boolean): Promise<Set<string>> {
    const failed = new Set<string>();
    let pending = batch;
    for (let attempt = 1; pending.length; attempt += 1) {
      await checkpoint({ after: step.after });
      const input = {
        name: 'available',
        reason: 'correction',
        // Names the ERP change: this run's push of this batch (a GID of app, entity and id, as Shopify asks).
        referenceDocumentUri: `gid://shopsync/StockPush/${idempotencyKey(step.runKey, batchNo).slice(0, 16)}`,
        quantities: pending.map((c) => ({ inventoryItemId: c.inventoryItemId, locationId: c.locationId, quantity: c.quantity, changeFromQuantity: c.changeFromQuantity })),
      };
      // The same variables under the same key when the activity retries: Shopify answers the first result.
      const { data } = await client.request(INVENTORY_SET_QUANTITIES, { input, key: idempotencyKey(step.shop, step.runKey, input) });
      counts.requests += 1;
      const errors = data.inventorySetQuantities?.userErrors ?? [];
      if (!errors.length) {
        await erp.shopInventory.confirm(step.shop, pending);
        counts.quantitiesSet += pending.length;
        return failed;
      }
      const byIndex = new Map<number, { code: string | null; message: string }>();
      for (const error of errors) {
        const index = Number(error.field?.[2]);
        if (Number.isInteger(index)) byIndex.set(index, { code: error.code ?? null, message: error.message });
      }
      const problems = pending.map((change, index) => ({ change, error: byIndex.get(index) ?? (byIndex.size ? undefined : { code: errors[0]?.code ?? null, message: errors[0]?.message ?? '' }) }));
      const retry: QuantityChange[] = [];
      for (const { change, error } of problems) {
        if (error && error.code && NOT_STOCKED.has(error.code) && activate) {
          await client.request(INVENTORY_ACTIVATE, { inventoryItemId: change.inventoryItemId, locationId: change.locationId, available: change.quantity, key: idempotencyKey(step.shop, 'activate', change) });
          counts.requests += 1;
          counts.activated += 1;
          await erp.shopInventory.confirm(step.shop, [change]);
          continue;
        }
        if (error && error.code && UNTRACKED.has(error.code) && activate) {
          await client.request(INVENTORY_ITEM_TRACK, { id: change.inventoryItemId });
          counts.requests += 1;
        } else if (error && error.code !== 'CHANGE_FROM_QUANTITY_STALE') {
          await erp.skipped.record(step.shop, 'inventoryLevel', `${change.inventoryItemId}@${change.locationId}`, `stock ${change.quantity} not set: ${error.message}${error.code ? ` (${error.code})` : ''}`);
          counts.skipped += 1;
          failed.add(change.variantId);
          continue;
        }
        retry.push(change);
      }
      if (!retry.length) return failed;
      if (attempt >= MAX_STALE_ATTEMPTS) {
        for (const change of retry) {
          await erp.skipped.record(step.shop, 'inventoryLevel', `${change.inventoryItemId}@${change.locationId}`, `stock ${change.quantity} not set: the quantity in Shopify kept changing (CHANGE_FROM_QUANTITY_STALE ${MAX_STALE_ATTEMPTS} times)`);
          counts.skipped += 1;
          failed.add(change.variantId);
        }
        return failed;
      }
      // Read what Shopify has now; a quantity that is already right needs nothing more.
      const { levels, requests } = await currentLevels(client, [...new Set(retry.map((c) => c.inventoryItemId))]);
      counts.requests += requests;
      counts.staleRetries += 1;
      const fresh = retry.map((c) => ({ ...c, changeFromQuantity: levels.get(`${c.inventoryItemId}|${c.locationId}`) ?? null }));
      await erp.shopInventory.confirm(step.shop, fresh.filter((c) => c.changeFromQuantity !== null).map((c) => ({ ...c, quantity: c.changeFromQuantity as number })));
      counts.quantitiesSet += fresh.filter((c) => c.changeFromQuantity === c.quantity).length;
      pending = fresh.filter((c) => c.changeFromQuantity !== c.quantity);
    }
    return failed;
  }

  /**
   * The pages of variants of a phase from `after` on, each found by id except in `all`, which reads
   * the shop's links once per step: FerretDB reads a whole collection for any other query.
   */
  async function* variantPages(step: InventoryStep, after: string | null): AsyncGenerator<VariantPage> {
    if (step.phase === 'all') {
      const inScope = (v: VariantLink) => (!step.filters.variantIds || step.filters.variantIds.includes(v.shopifyId)) && (!step.filters.itemNos || step.filters.itemNos.includes(v.erpItemNo as string));
      for await (const page of pagesOf(erp.products.linkedVariantsAfter(step.shop, after), VARIANTS_PER_PAGE)) {
        yield { links: page.filter(inScope), next: page[page.length - 1]?._id as string };
      }
      return;
    }
    if (step.phase === 'changed') {
      for (let from = Number(after ?? 0); ; ) {
        const changed = await erp.stock.changedItems(step.plan.fromSeq, step.plan.toSeq, from, STOCK_CHANGES_PER_PAGE);
        const itemKeys = changed.keys.map(itemKeyOf);
        const variantIds = await erp.stockTargets.variantIdsOf(step.shop, itemKeys);
        const links = await erp.products.variantsById(step.shop, [...new Set(itemKeys.flatMap((key) => variantIds.get(key) ?? []))]);
        // The variant must still stand for the item whose stock changed.
        const wanted = new Set(itemKeys);
        const current = [...links.values()].filter((v) => v.erpItemNo && wanted.has(itemKeyOf({ itemNo: v.erpItemNo, variantCode: v.erpVariantCode })));
        yield { links: current, next: String(changed.lastSeq ?? step.plan.toSeq) };
        if (changed.lastSeq === null) return;
        from = changed.lastSeq;
      }
    }
    for (let from = after; ; ) {
      const pending = await erp.stockTargets.pendingVariants(step.shop, from, VARIANTS_PER_PAGE);
      if (!pending.length) return;
      const links = await erp.products.variantsById(step.shop, pending.map((p) => p.variantId));
      const gone = pending.filter((p) => !links.get(p.variantId)?.erpItemNo).map((p) => p.variantId);
      await erp.stockTargets.done(step.shop, gone);
      from = pending[pending.length - 1]?.key as string;
      yield { links: [...links.values()].filter((v) => v.erpItemNo), next: from };
      if (pending.length < VARIANTS_PER_PAGE) return;
    }
  }

  return withFailureTypes({
    /** Reads the shop's locations and the ERP's stock change numbers, and says what this run sends. */
    async planInventorySync(input: { shop: string; filters: InventoryFilters; options: InventoryOptions }): Promise<InventoryPlan> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      if (!settings.allowOutgoingRequests) return { kind: 'none', reason: 'the shop has allowOutgoingRequests off: nothing is sent to Shopify' };
      const all = (await erp.locations.list(input.shop)).filter((l) => l.active && !l.removedFromShopify && l.stockCalculation !== 'off');
      const locations = input.filters.locations ? all.filter((l) => input.filters.locations?.some((name) => name === l.name || name === l.shopifyId)) : all;
      if (!locations.length) return { kind: 'none', reason: 'no active Shopify location of the shop has a stock calculation (shopsync locations set --shop D --location NAME --stock freeInventory)' };
      // 'ids': the change numbers of this cursor are read through the variants-by-item index that a run
      // from number 0 builds; a cursor of an earlier version starts again from 0 (one full comparison).
      const cursorKey = SyncStateRepository.key(input.shop, 'inventory', 'ids');
      const fromSeq = Number((await erp.syncState.cursor(cursorKey)) ?? 0);
      const toSeq = await erp.stock.lastChange();
      const scoped = !!(input.filters.variantIds || input.filters.itemNos || input.filters.locations);
      return {
        kind: 'push',
        locations: locations.map((l) => ({ shopifyId: l.shopifyId, calculation: l.stockCalculation as StockLocation['calculation'], filter: l.locationFilter })),
        fromSeq,
        toSeq,
        cursorKey,
        full: input.options.full === true,
        scoped,
      };
    },

    /**
     * Sends the quantities of one page of variants after another until the phase is done or the step
     * is out of time: only those that differ from what Shopify last confirmed, in batches of 250.
     * Non-inventory and service items are passed over; a variant whose inventory item is not known
     * yet (linked from an order, not read by the products task) is a skipped record.
     */
    async pushInventory(step: InventoryStep): Promise<InventoryCounts & { after: string | null; done: boolean }> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      const client = shopify.forShop(step.shop);
      const counts: InventoryCounts = { variants: 0, quantitiesSet: 0, skipped: 0, staleRetries: 0, activated: 0, requests: 0 };
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const locationIds = step.plan.locations.map((l) => l.shopifyId);
      await checkpoint({ after });
      for await (const { links, next } of variantPages(step, after)) {
        const items = await erp.items.many([...new Set(links.map((l) => l.erpItemNo as string))]);
        const variants: StockVariant[] = [];
        const passedOver: string[] = [];
        for (const link of links) {
          const item = items.get(link.erpItemNo as string);
          if (!item || item.type !== 'inventory') {
            passedOver.push(link.shopifyId);
            continue;
          }
          if (!link.inventoryItemId) {
            await erp.skipped.record(step.shop, 'productVariant', link.shopifyId, 'stock not sent: its inventory item is not known yet (run the products task first)');
            counts.skipped += 1;
            passedOver.push(link.shopifyId);
            continue;
          }
          variants.push({ variantId: link.shopifyId, inventoryItemId: link.inventoryItemId, itemNo: item._id, variantCode: link.erpVariantCode });
        }
        const stock = await erp.stock.forItems(variants);
        const confirmed = await erp.shopInventory.confirmed(step.shop, variants.map((v) => v.inventoryItemId), locationIds);
        const changes = quantityChanges(variants, step.plan.locations, (v) => stock.get(itemKeyOf(v)) ?? [], confirmed);
        const failed = new Set<string>();
        for (let start = 0; start < changes.length; start += QUANTITIES_PER_CALL) {
          const batch = changes.slice(start, start + QUANTITIES_PER_CALL);
          for (const variant of await sendBatch(client, { ...step, after }, batch, `${step.phase}-${after ?? 'first'}-${start}`, counts, settings.activateUnstockedInventory)) failed.add(variant);
        }
        counts.variants += variants.length;
        await erp.stockTargets.remember(step.shop, variants.map((v) => ({ itemKey: itemKeyOf(v), variantId: v.variantId })));
        await erp.stockTargets.done(step.shop, [...passedOver, ...variants.map((v) => v.variantId).filter((id) => !failed.has(id))]);
        // Refused ones are sent again by the next run.
        await erp.stockTargets.markPending(step.shop, [...failed]);
        after = next;
        await checkpoint({ after });
        if (Date.now() - started >= step.maxMillis) return { ...counts, after, done: false };
      }
      return { ...counts, after: null, done: true };
    },

    /** Starts the bulk query that reads every inventory level of the shop (a full compare). Starting it twice is harmless: it only reads. */
    async startInventoryLevelsQuery(input: { shop: string }): Promise<string> {
      const { data } = await shopify.forShop(input.shop).request(BULK_OPERATION_RUN_QUERY, { query: BULK_INVENTORY_LEVELS_QUERY });
      const operation = data.bulkOperationRunQuery?.bulkOperation;
      if (!operation) throw new Error(`Shopify refused the inventory levels bulk query: ${(data.bulkOperationRunQuery?.userErrors ?? []).map((e) => e.message).join('; ') || 'no answer'}`);
      return operation.id;
    },

    /** Records every level the bulk query read as the quantity confirmed in Shopify: the push then repairs what drifted. */
    async applyInventoryLevels(input: { shop: string; state: BulkState }): Promise<{ levels: number }> {
      if (input.state.status !== 'COMPLETED' || !input.state.url) {
        if (input.state.status === 'COMPLETED') return { levels: 0 }; // an empty result has no file
        throw new Error(`the inventory levels bulk query ended ${input.state.status}${input.state.errorCode ? ` (${input.state.errorCode})` : ''}`);
      }
      let batch: Array<{ inventoryItemId: string; locationId: string; quantity: number }> = [];
      let levels = 0;
      for await (const text of readJsonl(input.state.url, Context.current().cancellationSignal)) {
        const line = JSON.parse(text) as { __parentId?: string; item?: { id: string }; quantities?: Array<{ name: string; quantity: number }> };
        if (!line.__parentId || !line.item) continue;
        batch.push({ inventoryItemId: line.item.id, locationId: line.__parentId, quantity: line.quantities?.find((q) => q.name === 'available')?.quantity ?? 0 });
        if (batch.length >= 500) {
          await checkpoint();
          await erp.shopInventory.confirm(input.shop, batch);
          levels += batch.length;
          batch = [];
        }
      }
      await erp.shopInventory.confirm(input.shop, batch);
      return { levels: levels + batch.length };
    },

    /** Moves the stock change cursor to the run's plan, once every phase is done. */
    async advanceInventoryCursor(input: { shop: string; cursorKey: string; toSeq: number }): Promise<void> {
      await checkpoint();
      await erp.syncState.advance(input.cursorKey, input.shop, 'inventory', String(input.toSeq).padStart(15, '0'));
    },
  });
}

export type InventoryActivities = ReturnType<typeof createInventoryActivities>;

