import type { SyncCatalogPricesResult } from '../../src/workflows/sync-catalog-prices';
import { fullBucket, LATENCY_MS, statsDelta, type Harness } from './harness';
import { seedCatalog, type Catalog } from './products-setup';

/**
 * The catalog prices part of `npm run bench -- customers`: 50 market catalogs whose price lists hold
 * fixed prices for 500 linked variants, 10 % of them different from the ERP's, sent by
 * `syncCatalogPrices` at the Plus rate with 150 ms per request. Reports seconds, requests, points and
 * the largest history among the run and its continuations.
 */
const SHOP = 'bench-catalog-prices.myshopify.com';
const CATALOGS = Number(process.env.BENCH_CATALOGS ?? 50);
const PRODUCTS: Catalog = { prefix: 'K', products: Number(process.env.BENCH_CATALOG_PRODUCTS ?? 500), codes: ['U'] };
/** What the ERP says (see products-setup: the variant's own price line is the unit price, so no compare-at). */
const ERP_PRICE = { price: '20.00' };
const STALE_PRICE = { price: '19.00' };

export interface CatalogPriceFigures {
  catalogs: number;
  pricesPerCatalog: number;
  changedPerCatalog: number;
  seconds: number;
  requests: number;
  points: number;
  throttled: number;
  sent: number;
  runs: number;
  maxHistoryEvents: number;
}

/** The events of each run of a workflow id (the first run and its continuations). */
async function historySizes(h: Harness, workflowId: string): Promise<number[]> {
  const sizes: number[] = [];
  for await (const execution of h.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    const history = await h.temporal.workflow.getHandle(workflowId, execution.runId).fetchHistory();
    sizes.push(history.events?.length ?? 0);
  }
  return sizes;
}

export async function benchCatalogPrices(h: Harness): Promise<CatalogPriceFigures> {
  await h.addShop({ domain: SHOP, plan: 'plus', currencyCode: 'EUR' }, { syncItem: 'fromShopify', skuMapping: 'itemNoAndVariantCode' });
  const seeded = await seedCatalog(h, SHOP, PRODUCTS);
  const linked = await h.run<{ imported: number }>('syncProducts', 'bench-catalog-prices-link', { shop: SHOP });
  if (linked.result.imported !== PRODUCTS.products) throw new Error(`catalog prices setup: the product import gave ${JSON.stringify(linked.result)}`);
  await h.run('refreshShopInfo', 'bench-catalog-prices-shop-info', { shop: SHOP });
  const variants = seeded.map((product) => product.variants[0]?.id as string);
  const changedPerCatalog = Math.round(variants.length * 0.1);
  await h.admin.seedCatalogs(
    SHOP,
    Array.from({ length: CATALOGS }, (_, c) => ({
      type: 'MARKET' as const,
      title: `Bench catalog ${c + 1}`,
      currency: 'EUR',
      productIds: seeded.map((product) => product.id),
      // A different tenth of the variants is stale in each catalog.
      fixedPrices: variants.map((variantId, v) => ({ variantId, ...((v + c * changedPerCatalog) % variants.length < changedPerCatalog ? STALE_PRICE : ERP_PRICE) })),
    })),
  );
  await h.run('syncCatalogs', 'bench-catalog-prices-catalogs', { shop: SHOP });
  for (const catalog of await h.erp.catalogs.list(SHOP)) await h.erp.catalogs.configure(SHOP, catalog.shopifyId, { syncPrices: true });
  await h.admin.updateShop(SHOP, { latencyMs: LATENCY_MS });
  await fullBucket();
  const workflowId = `bench-catalog-prices-${Date.now()}`;
  const { value: run, spent } = await statsDelta(h.admin, SHOP, () => h.run<SyncCatalogPricesResult>('syncCatalogPrices', workflowId, { shop: SHOP }));
  const expected = CATALOGS * changedPerCatalog;
  if (run.result.sent !== expected || run.result.failed || run.result.catalogs !== CATALOGS) throw new Error(`catalog prices: ${JSON.stringify(run.result)}, expected ${expected} prices sent over ${CATALOGS} catalogs`);
  const sizes = await historySizes(h, workflowId);
  console.log(`  catalog prices done in ${run.seconds.toFixed(1)} s: ${run.result.sent} prices sent over ${CATALOGS} catalogs, ${sizes.length} run(s)`);
  return {
    catalogs: CATALOGS, pricesPerCatalog: variants.length, changedPerCatalog, seconds: run.seconds, requests: spent.requests, points: spent.actualCostSpent, throttled: spent.throttled,
    sent: run.result.sent, runs: sizes.length, maxHistoryEvents: Math.max(...sizes),
  };
}
