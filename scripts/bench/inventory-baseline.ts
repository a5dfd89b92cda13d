import { pagesOf } from '../../src/activities/pages-of';
import { createHash } from 'node:crypto';
import type { ActivityDeps } from '../../src/activities/deps';
import type { StockLocation } from '../../src/domain/inventory-plan';
import { shopStock } from '../../src/domain/stock';
import { itemKeyOf } from '../../src/erp/stock';

/**
 * The connector's request structure for stock (reference 2.5), as a baseline: every inventory level of
 * each location read in pages of 100 (kept as its own "Shopify stock" map, as the connector keeps its
 * Shop Inventory table), then each linked variant's ERP quantity (the project's rule: location
 * calculation and filter) compared with it, and the differing ones set with inventorySetQuantities in
 * batches of 250, without a compare value. The map lives in the worker's memory between the run's
 * activities (the most favourable place for the baseline: nothing is written to the ERP database).
 */
export const BASELINE_LOCATION_LEVELS_QUERY = `#graphql
  query BaselineLocationLevels($id: ID!, $after: String) {
    location(id: $id) {
      inventoryLevels(first: 100, after: $after) {
        edges { cursor node { id quantities(names: ["available"]) { name quantity } item { id variant { id product { id } } } } }
        pageInfo { hasNextPage }
      }
    }
  }
` as const;

export const BASELINE_SET_QUANTITIES = `#graphql
  mutation BaselineSetQuantities($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id }
      userErrors { field message code }
    }
  }
` as const;

const SETS_PER_CALL = 250;
const VARIANTS_PER_PAGE = 250;

interface BaselineSet {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
}

/** Per run: Shopify's quantities as read (`item|location`), then the batches to send. */
const runs = new Map<string, { shopStock: Map<string, number>; batches: BaselineSet[][] }>();
const runOf = (runKey: string) => {
  let run = runs.get(runKey);
  if (!run) runs.set(runKey, (run = { shopStock: new Map(), batches: [] }));
  return run;
};

export function createInventoryBaselineActivities({ shopify, erp }: ActivityDeps) {
  return {
    /** The shop's locations that show ERP stock, as the project's plan reads them. */
    async baselineStockLocations(input: { shop: string }): Promise<StockLocation[]> {
      const all = (await erp.locations.list(input.shop)).filter((l) => l.active && !l.removedFromShopify && l.stockCalculation !== 'off');
      return all.map((l) => ({ shopifyId: l.shopifyId, calculation: l.stockCalculation as StockLocation['calculation'], filter: l.locationFilter }));
    },

    /** One page of 100 levels of a location, into the run's Shopify stock map. */
    async baselineReadLevelsPage(input: { shop: string; runKey: string; locationId: string; after: string | null }): Promise<{ levels: number; after: string | null; hasNextPage: boolean }> {
      const { data } = await shopify.forShop(input.shop).request(BASELINE_LOCATION_LEVELS_QUERY, { id: input.locationId, after: input.after });
      const edges = data.location?.inventoryLevels.edges ?? [];
      const { shopStock: map } = runOf(input.runKey);
      for (const { node } of edges) map.set(`${node.item.id}|${input.locationId}`, node.quantities.find((q) => q.name === 'available')?.quantity ?? 0);
      return { levels: edges.length, after: edges[edges.length - 1]?.cursor ?? input.after, hasNextPage: data.location?.inventoryLevels.pageInfo.hasNextPage ?? false };
    },

    /** Every linked variant's ERP quantity per location against the map: the differing ones, in batches of 250. */
    async baselinePlanSets(input: { shop: string; runKey: string; locations: StockLocation[] }): Promise<{ variants: number; sets: number; batches: number }> {
      const run = runOf(input.runKey);
      const sets: BaselineSet[] = [];
      let variants = 0;
      for await (const links of pagesOf(erp.products.linkedVariantsAfter(input.shop, null), VARIANTS_PER_PAGE)) {
        const items = await erp.items.many([...new Set(links.map((l) => l.erpItemNo as string))]);
        const stocked = links.filter((l) => l.inventoryItemId && items.get(l.erpItemNo as string)?.type === 'inventory');
        const stock = await erp.stock.forItems(stocked.map((l) => ({ itemNo: l.erpItemNo as string, variantCode: l.erpVariantCode })));
        for (const link of stocked) {
          variants += 1;
          const records = stock.get(itemKeyOf({ itemNo: link.erpItemNo as string, variantCode: link.erpVariantCode })) ?? [];
          for (const location of input.locations) {
            const quantity = shopStock(records, location.calculation, location.filter);
            if (run.shopStock.get(`${link.inventoryItemId}|${location.shopifyId}`) !== quantity) sets.push({ inventoryItemId: link.inventoryItemId as string, locationId: location.shopifyId, quantity });
          }
        }
      }
      run.batches = [];
      for (let start = 0; start < sets.length; start += SETS_PER_CALL) run.batches.push(sets.slice(start, start + SETS_PER_CALL));
      return { variants, sets: sets.length, batches: run.batches.length };
    },

    /** One inventorySetQuantities of 250 quantities, with no compare value. */
    async baselineSetBatch(input: { shop: string; runKey: string; index: number }): Promise<{ set: number; failed: number }> {
      const batch = runOf(input.runKey).batches[input.index] ?? [];
      const quantities = batch.map((s) => ({ ...s, changeFromQuantity: null }));
      const key = createHash('sha256').update(JSON.stringify([input.shop, input.runKey, input.index])).digest('hex').slice(0, 40);
      const { data } = await shopify.forShop(input.shop).request(BASELINE_SET_QUANTITIES, { input: { name: 'available', reason: 'correction', quantities }, key });
      const errors = data.inventorySetQuantities?.userErrors ?? [];
      return errors.length ? { set: 0, failed: batch.length } : { set: batch.length, failed: 0 };
    },

    async baselineForgetRun(input: { runKey: string }): Promise<void> {
      runs.delete(input.runKey);
    },
  };
}

export type InventoryBaselineActivities = ReturnType<typeof createInventoryBaselineActivities>;
