import { Context } from '@temporalio/activity';
import { filterKey, planOrderQuery, wantsBulkLoad, type OrderImportFilters, type OrderImportOptions } from '../domain/order-filters';
import type { ShopifyOrder } from '../domain/order';
import type { ShopSettings } from '../domain/shop-settings';
import type { StoredVersion } from '../erp/shopify-orders';
import { shopKey } from '../erp/keys';
import { SyncStateRepository } from '../erp/sync-state';
import type { ShopifyAdminClient } from '../shopify/client';
import { ORDER_LINES_PER_PAGE, ORDERS_PAGE_QUERY, ORDERS_PER_PAGE } from '../shopify/documents/orders';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { completeOrder, readRefund } from './order-reading';
import { prefetchedPages } from './prefetched-pages';
import { checkpoint } from './run-guard';

export interface OrderImportStep {
  shop: string;
  query: string;
  after: string | null;
  /** A date-range import stores closed orders too; an incremental one skips new orders already closed. */
  includeClosed: boolean;
  country?: string;
  /** Stop after this long and hand back the page cursor, so the workflow's history stays small. */
  maxMillis: number;
}

export interface OrderImportCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  skippedClosed: number;
  filteredOut: number;
  /** Refunds read and stored, new or changed (none when the shop's returnAndRefundProcess is none). */
  refunds?: number;
}

export interface OrderImportStepResult extends OrderImportCounts {
  after: string | null;
  done: boolean;
  /** The newest updatedAt seen: the next cursor, from Shopify's clock, not ours. */
  maxUpdatedAt: string | null;
  requests: number;
  /** Pages of orders read (requests also counts the extra line requests of long orders). */
  pages: number;
}

async function fetchPage(client: ShopifyAdminClient, query: string, after: string | null) {
  return client.request(ORDERS_PAGE_QUERY, { first: ORDERS_PER_PAGE, after, query, lines: ORDER_LINES_PER_PAGE });
}

/** What one import step has counted so far; the order writer adds to it. */
export type StoredCounts = OrderImportCounts & { requests: number; maxUpdatedAt: string | null };

type StoreScope = Pick<OrderImportStep, 'shop' | 'includeClosed' | 'country'>;

/** How an import stores one order and its refunds, whether it read the order from a page or from a bulk query. */
export function createOrderStore(erp: ActivityDeps['erp']) {
  /** The order's refunds that are new or changed since stored, read in full and stored. Returns the requests spent. */
  async function storeRefunds(client: ShopifyAdminClient, shop: string, order: ShopifyOrder): Promise<{ stored: number; requests: number }> {
    const stale = await erp.refunds.staleOf(shop, order.refunds ?? []);
    let requests = 0;
    for (const version of stale) {
      const read = await readRefund(client, version.shopifyId);
      requests += read.requests;
      if (read.refund) await erp.refunds.upsertFromShopify(shop, { key: shopKey(shop, order.shopifyId), name: order.name }, read.refund);
    }
    return { stored: stale.length, requests };
  }

  /**
   * Stores an order; a new one already closed only when the run includes closed orders (a date range)
   * or it was created on or after `closedCreatedFrom` (the shop's importClosedOrders, see closedOrdersFrom).
   */
  async function storeOrder(step: StoreScope, order: ShopifyOrder, stored: StoredVersion | null, closedCreatedFrom: string | null) {
    if (step.country && (order.shippingAddress ?? order.billingAddress)?.countryCode !== step.country) return 'filteredOut' as const;
    const closedWanted = step.includeClosed || (closedCreatedFrom !== null && order.createdAt >= closedCreatedFrom);
    if (order.closed && !closedWanted && !stored) return 'skippedClosed' as const;
    return erp.orders.upsertFromShopify(step.shop, order, stored);
  }

  return {
    /**
     * Reads the shop's order rules once per step (importClosedOrders, returnAndRefundProcess) and
     * gives the function that stores one order, then its refunds, counting into `counts`.
     */
    async orderWriter(client: ShopifyAdminClient, step: StoreScope) {
      const shopRecord = await erp.shops.get(step.shop);
      const importRefunds = shopRecord.settings.returnAndRefundProcess !== 'none';
      const closedCreatedFrom = closedOrdersFrom(shopRecord);
      return {
        importRefunds,
        async store(order: ShopifyOrder, stored: StoredVersion | null, counts: StoredCounts): Promise<void> {
          const outcome = await storeOrder(step, order, stored, closedCreatedFrom);
          if (outcome === 'conflict') counts.conflicts += 1;
          else counts[outcome] += 1;
          if (importRefunds && outcome !== 'filteredOut' && outcome !== 'skippedClosed') {
            // Refunds are stored after their order, so a refund's order is always in the mirror.
            const refunds = await storeRefunds(client, step.shop, order);
            counts.refunds = (counts.refunds ?? 0) + refunds.stored;
            counts.requests += refunds.requests;
          }
          counts.fetched += 1;
          if (!counts.maxUpdatedAt || order.updatedAt > counts.maxUpdatedAt) counts.maxUpdatedAt = order.updatedAt;
        },
      };
    },
  };
}

/** From when a new, already closed order is imported by an incremental run (null: never). */
export function closedOrdersFrom(shop: { settings: Pick<ShopSettings, 'importClosedOrders'>; createdAt: Date }): string | null {
  if (shop.settings.importClosedOrders === 'always') return '';
  return shop.settings.importClosedOrders === 'sinceShopAdded' ? shop.createdAt.toISOString() : null;
}

export function createOrderImportActivities(deps: ActivityDeps) {
  const { erp, shopify } = deps;
  const { orderWriter } = createOrderStore(erp);

  return withFailureTypes({
    /** Reads the shop's order settings and cursor, and says what this run asks Shopify for. */
    async planOrderImport(input: { shop: string; filters: OrderImportFilters; options: OrderImportOptions }) {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const cursorKey = SyncStateRepository.key(input.shop, 'orders', filterKey(input.filters));
      const cursor = await erp.syncState.cursor(cursorKey);
      const runStart = new Date().toISOString();
      const plan = planOrderQuery(cursor, input.filters, input.options, runStart);
      return { ...plan, cursorKey, cursor, runStart, autoCreateOrders: settings.autoCreateOrders, bulk: wantsBulkLoad(cursor, input.options) };
    },

    /**
     * Imports pages of orders until done or out of time. Each page is one request for 10 orders with
     * their lines, shipping lines and transactions; the next page is fetched while this one is stored.
     * Safe to retry: storing an order again is a no-op, and a retry resumes at the last page reported.
     */
    async importOrderPages(step: OrderImportStep): Promise<OrderImportStepResult> {
      const started = Date.now();
      const client = shopify.forShop(step.shop);
      const writer = await orderWriter(client, step);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const result: OrderImportStepResult = { fetched: 0, created: 0, updated: 0, unchanged: 0, conflicts: 0, skippedClosed: 0, filteredOut: 0, ...(writer.importRefunds ? { refunds: 0 } : {}), after, done: false, maxUpdatedAt: null, requests: 0, pages: 0 };
      const pages = prefetchedPages(async (from) => (await fetchPage(client, step.query, from)).data.orders, after, () => Date.now() - started < step.maxMillis);
      for await (const page of pages) {
        result.requests += 1;
        result.pages += 1;
        const orders: ShopifyOrder[] = [];
        for (const raw of page.nodes) {
          const whole = await completeOrder(client, raw);
          result.requests += whole.requests;
          orders.push(whole.order);
        }
        // One order at a time, each after the fence check: a run that lost its lock stores not one more.
        // (The next page is on its way meanwhile, so this costs no time.)
        const stored = await erp.orders.storedVersions(step.shop, orders.map((order) => order.shopifyId));
        for (const order of orders) {
          await checkpoint({ after }); // the pages before this one are stored: a retry resumes here
          await writer.store(order, stored.get(order.shopifyId) ?? null, result);
        }
        after = page.pageInfo.endCursor ?? null;
        result.after = after;
        result.done = !page.pageInfo.hasNextPage;
      }
      return result;
    },

    /** Moves the shop's order cursor forward, after the orders it covers are stored. */
    async advanceOrderCursor(input: { shop: string; cursorKey: string; cursor: string }): Promise<void> {
      await checkpoint();
      await erp.syncState.advance(input.cursorKey, input.shop, 'orders', input.cursor);
    },
  });
}

export type OrderImportActivities = ReturnType<typeof createOrderImportActivities>;
