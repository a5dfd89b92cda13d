import { catalogPriceContext, planCatalogPrices, type FixedPrice, type PricedVariant } from '../domain/catalog-prices';
import type { CatalogDocument } from '../erp/catalogs';
import type { Erp } from '../erp/db';
import { IDS_PER_QUERY } from '../erp/keys';
import type { ShopifyAdminClient } from '../shopify/client';
import { FIXED_PRICES_PER_CALL, FIXED_PRICES_PER_PAGE, PRICE_LIST_FIXED_PRICES_ADD, PRICE_LIST_FIXED_PRICES_QUERY, PUBLICATION_PRODUCTS_PER_PAGE, PUBLICATION_PRODUCTS_QUERY } from '../shopify/documents/catalogs';
import type { CurrencyCode } from '../shopify/types/admin.types';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { pushItemOf } from './product-push';
import { prefetchedPages } from './prefetched-pages';
import { checkpoint } from './run-guard';

export interface CatalogPriceCounts {
  catalogs: number;
  variants: number;
  sent: number;
  unchanged: number;
  /** Variants without a price in the catalog's context, refused lines, and catalogs passed over (currency). */
  skipped: number;
  failed: number;
  requests: number;
}

const RECORD_TYPE = 'catalog';

async function publicationProducts(client: ShopifyAdminClient, publicationId: string, counts: CatalogPriceCounts): Promise<string[]> {
  const ids: string[] = [];
  const fetchPage = async (after: string | null) =>
    (await client.request(PUBLICATION_PRODUCTS_QUERY, { id: publicationId, first: PUBLICATION_PRODUCTS_PER_PAGE, after })).data.publication?.products ?? { nodes: [], pageInfo: { hasNextPage: false } };
  for await (const page of prefetchedPages(fetchPage, null, () => true)) {
    counts.requests += 1;
    ids.push(...page.nodes.map((product) => product.id));
  }
  return ids;
}

async function fixedPrices(client: ShopifyAdminClient, priceListId: string, counts: CatalogPriceCounts): Promise<Map<string, FixedPrice>> {
  const prices = new Map<string, FixedPrice>();
  const fetchPage = async (after: string | null) =>
    (await client.request(PRICE_LIST_FIXED_PRICES_QUERY, { id: priceListId, first: FIXED_PRICES_PER_PAGE, after })).data.priceList?.prices ?? { nodes: [], pageInfo: { hasNextPage: false } };
  for await (const page of prefetchedPages(fetchPage, null, () => true)) {
    counts.requests += 1;
    for (const node of page.nodes) prices.set(node.variant.id, { price: node.price.amount, compareAtPrice: node.compareAtPrice?.amount ?? null });
  }
  return prices;
}

/** The linked, unblocked variants of the catalog's products with their items, read by id. */
async function pricedVariants(erp: Erp, shop: string, productIds: string[]): Promise<PricedVariant[]> {
  const variants: PricedVariant[] = [];
  for (let at = 0; at < productIds.length; at += IDS_PER_QUERY) {
    const products = [...(await erp.products.productsById(shop, productIds.slice(at, at + IDS_PER_QUERY))).values()].filter((product) => product.erpItemNo);
    const variantIds = products.flatMap((product) => product.variantIds ?? []);
    const links: Awaited<ReturnType<Erp['products']['variantsById']>> = new Map();
    for (let v = 0; v < variantIds.length; v += IDS_PER_QUERY) for (const [id, link] of await erp.products.variantsById(shop, variantIds.slice(v, v + IDS_PER_QUERY))) links.set(id, link);
    const items = await erp.items.many([...new Set([...links.values()].map((link) => link.erpItemNo).filter((no): no is string => !!no))]);
    for (const link of links.values()) {
      const item = link.erpItemNo ? items.get(link.erpItemNo) : undefined;
      if (!item || item.blocked) continue;
      if (link.erpVariantCode && item.variants.find((v) => v.code === link.erpVariantCode)?.blocked) continue;
      variants.push({ variantId: link.shopifyId, item: pushItemOf(item), variantCode: link.erpVariantCode });
    }
  }
  return variants;
}

export function createCatalogPriceActivities({ erp, shopify }: ActivityDeps) {
  /** Sends one batch; a refused batch becomes skipped records for its variants and is tried again next run. */
  async function send(client: ShopifyAdminClient, catalog: CatalogDocument, batch: Array<{ variantId: string; price: string; compareAtPrice: string | null }>, counts: CatalogPriceCounts): Promise<boolean> {
    const currencyCode = catalog.currency as CurrencyCode;
    const prices = batch.map((line) => ({ variantId: line.variantId, price: { amount: line.price, currencyCode }, compareAtPrice: line.compareAtPrice === null ? null : { amount: line.compareAtPrice, currencyCode } }));
    // Setting fixed prices to values is the same however often it is sent: a lost answer may be retried.
    const { data } = await client.request(PRICE_LIST_FIXED_PRICES_ADD, { priceListId: catalog.priceListId as string, prices }, { idempotent: true });
    counts.requests += 1;
    const errors = data.priceListFixedPricesAdd?.userErrors ?? [];
    if (!errors.length) {
      counts.sent += batch.length;
      return true;
    }
    const message = errors.map((e) => `${(e.field ?? []).join('.')}: ${e.message}${e.code ? ` (${e.code})` : ''}`).join('; ');
    for (const line of batch) await erp.skipped.record(catalog.shop, 'catalogPrice', `${catalog.shopifyId}|${line.variantId}`, `catalog ${catalog.title}: Shopify refused the fixed prices: ${message}`);
    counts.failed += batch.length;
    return false;
  }

  return withFailureTypes({
    /**
     * One catalog's fixed prices (reference 2.11): the products in its publication, the price list's
     * fixed prices (every page), the ERP price in the catalog's context for each linked, unblocked
     * variant, and only the changed ones sent, 250 per call. A price list in another currency than
     * the catalog's ERP prices is a skipped record. Safe to retry: everything is compared again.
     */
    async syncCatalogPricesOf(input: { shop: string; catalogId: string }): Promise<CatalogPriceCounts> {
      const counts: CatalogPriceCounts = { catalogs: 1, variants: 0, sent: 0, unchanged: 0, skipped: 0, failed: 0, requests: 0 };
      const { settings, shopInfo } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const catalog = await erp.catalogs.get(input.shop, input.catalogId);
      const skipCatalog = async (reason: string) => {
        await erp.skipped.record(input.shop, RECORD_TYPE, input.catalogId, reason);
        if (catalog) await erp.catalogs.pricesSynced(input.shop, input.catalogId, reason);
        counts.skipped += 1;
        return counts;
      };
      if (!catalog) return skipCatalog(`catalog ${input.catalogId} is not imported: run the catalogs task first`);
      if (!settings.allowOutgoingRequests) return skipCatalog(`catalog ${catalog.title}: not sent, the shop has allowOutgoingRequests off`);
      if (!catalog.priceListId || !catalog.publicationId || !catalog.currency) return skipCatalog(`catalog ${catalog.title} has no price list or publication in Shopify`);
      const erpCurrency = catalog.settings.currencyCode ?? shopInfo?.currencyCode ?? null;
      if (erpCurrency !== catalog.currency) {
        return skipCatalog(`catalog ${catalog.title}: its price list is in ${catalog.currency} but its ERP prices are in ${erpCurrency ?? 'an unknown currency (run refreshShopInfo)'}; set the catalog's currencyCode`);
      }
      const customer = catalog.settings.customerNo ? await erp.customers.get(catalog.settings.customerNo) : null;
      if (catalog.settings.customerNo && !customer) return skipCatalog(`catalog ${catalog.title}: its customer ${catalog.settings.customerNo} does not exist`);
      const client = shopify.forShop(input.shop);
      const productIds = await publicationProducts(client, catalog.publicationId, counts);
      const current = await fixedPrices(client, catalog.priceListId, counts);
      const context = catalogPriceContext(catalog.settings, customer ? { customerPriceGroup: customer.customerPriceGroup ?? null, customerDiscountGroup: customer.customerDiscountGroup ?? null } : null);
      const variants = await pricedVariants(erp, input.shop, productIds);
      const plan = planCatalogPrices(variants, current, context);
      counts.variants = variants.length;
      counts.unchanged = plan.unchanged;
      for (const skipped of plan.skipped) await erp.skipped.record(input.shop, 'catalogPrice', `${catalog.shopifyId}|${skipped.recordId}`, `catalog ${catalog.title}: ${skipped.reason}`);
      counts.skipped += plan.skipped.length;
      const failedVariants = new Set<string>();
      for (let at = 0; at < plan.changes.length; at += FIXED_PRICES_PER_CALL) {
        await checkpoint(counts);
        const batch = plan.changes.slice(at, at + FIXED_PRICES_PER_CALL);
        if (!(await send(client, catalog, batch, counts))) for (const line of batch) failedVariants.add(line.variantId);
      }
      // Variants priced now no longer need attention (a refused batch recorded its own again above).
      const refused = new Set(plan.skipped.map((skipped) => skipped.recordId));
      await erp.skipped.clearMany(input.shop, 'catalogPrice', variants.filter((v) => !refused.has(v.variantId) && !failedVariants.has(v.variantId)).map((v) => `${catalog.shopifyId}|${v.variantId}`));
      await erp.skipped.clear(input.shop, RECORD_TYPE, input.catalogId);
      await erp.catalogs.pricesSynced(input.shop, input.catalogId, null);
      return counts;
    },
  });
}

export type CatalogPriceActivities = ReturnType<typeof createCatalogPriceActivities>;
