import { PLAN_RESTORE_RATES } from '../../emulator/bucket';
import type { SyncProductsResult } from '../../src/workflows/sync-products';
import { fullBucket, LATENCY_MS, startHarness, statsDelta, writeResults, type Harness } from './harness';
import { changePrices, seedCatalog, type Catalog, type ChangedVariant } from './products-setup';

/**
 * `npm run bench -- products`: the products task against the connector's request structure, 150 ms per
 * request. Import: 300 products × 3 variants at the Plus rate (needs ≥ 5× the baseline's products per
 * second). Price push: 500 of 5,000 variants changed at the Standard rate, the emulator's bulk
 * mutations running 100 lines a second (needs ≤ 10 % of the baseline's points). Writes
 * bench-results/products.json.
 */
const IMPORT_SHOP = 'bench-products-import.myshopify.com';
const PRICE_SHOP = 'bench-products-prices.myshopify.com';
/** BENCH_IMPORT_PRODUCTS and BENCH_PRICE_PRODUCTS shrink the batches for a quick check of the paths (10 % of the variants change). */
const IMPORT_CATALOG: Catalog = { prefix: 'P', products: Number(process.env.BENCH_IMPORT_PRODUCTS ?? 300), codes: ['S', 'M', 'L'] };
const PRICE_CATALOG: Catalog = { prefix: 'Q', products: Number(process.env.BENCH_PRICE_PRODUCTS ?? 1000), codes: ['XS', 'S', 'M', 'L', 'XL'] };
const CHANGED_VARIANTS = Math.round(PRICE_CATALOG.products * PRICE_CATALOG.codes.length * 0.1);
const BULK_LINES_PER_SECOND = 100;
const IMPORT_SETTINGS = { syncItem: 'fromShopify', skuMapping: 'itemNoAndVariantCode', shopifyCanUpdateItems: true };

interface ImportFigures {
  seconds: number;
  products: number;
  productsPerSecond: number;
  requests: number;
  requestsPerProduct: number;
  points: number;
  pointsPerProduct: number;
  throttled: number;
  linkedProducts: number;
  linkedVariants: number;
}

interface PushFigures {
  seconds: number;
  variantsUpdated: number;
  products: number;
  requests: number;
  points: number;
  throttled: number;
  stagedUploads: number;
  bulkResultDownloads: number;
  bulkOperationId?: string;
}

/** Counts the HTTP calls the worker makes outside GraphQL (staged upload, bulk results), which the emulator's stats leave out. */
async function countOtherCalls<T>(work: () => Promise<T>): Promise<{ value: T; stagedUploads: number; bulkResultDownloads: number }> {
  const real = globalThis.fetch;
  const counts = { stagedUploads: 0, bulkResultDownloads: 0 };
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/staged-uploads/') && init?.method === 'POST') counts.stagedUploads += 1;
    if (url.includes('/bulk-results/')) counts.bulkResultDownloads += 1;
    return real(input, init);
  };
  try {
    return { value: await work(), ...counts };
  } finally {
    globalThis.fetch = real;
  }
}

async function links(h: Harness, shop: string): Promise<{ products: number; variants: number }> {
  const mapped = { shop, erpItemNo: { $ne: null } };
  return { products: await h.erp.db.collection('shopifyProducts').countDocuments(mapped), variants: await h.erp.db.collection('shopifyVariants').countDocuments(mapped) };
}

async function measureImport(h: Harness, approach: 'ours' | 'baseline'): Promise<ImportFigures> {
  await fullBucket();
  const workflow = approach === 'ours' ? 'syncProducts' : 'baselineImportProducts';
  const input = approach === 'ours' ? { shop: IMPORT_SHOP } : { shop: IMPORT_SHOP, query: 'gift_card:false' };
  const { value: run, spent } = await statsDelta(h.admin, IMPORT_SHOP, () => h.run<{ imported: number; unmapped: number }>(workflow, `bench-products-import-${approach}-${Date.now()}`, input));
  const linked = await links(h, IMPORT_SHOP);
  const expected = IMPORT_CATALOG.products;
  const problems = [
    run.result.imported !== expected && `imported ${run.result.imported}, not ${expected}`,
    run.result.unmapped !== 0 && `${run.result.unmapped} unmapped`,
    linked.products !== expected && `${linked.products} product links, not ${expected}`,
    linked.variants !== expected * IMPORT_CATALOG.codes.length && `${linked.variants} variant links, not ${expected * IMPORT_CATALOG.codes.length}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`${approach} import: ${problems.join('; ')} (result ${JSON.stringify(run.result)})`);
  console.log(`  ${approach} import done in ${run.seconds.toFixed(1)} s`);
  return {
    seconds: run.seconds, products: expected, productsPerSecond: expected / run.seconds, requests: spent.requests, requestsPerProduct: spent.requests / expected,
    points: spent.actualCostSpent, pointsPerProduct: spent.actualCostSpent / expected, throttled: spent.throttled, linkedProducts: linked.products, linkedVariants: linked.variants,
  };
}

async function benchImport(h: Harness): Promise<{ ours: ImportFigures; baseline: ImportFigures }> {
  await h.addShop({ domain: IMPORT_SHOP, plan: 'plus', currencyCode: 'EUR', latencyMs: LATENCY_MS }, IMPORT_SETTINGS);
  await seedCatalog(h, IMPORT_SHOP, IMPORT_CATALOG);
  // Warm-up: one run of each that matches no product (seeded products are active), so neither is timed with a cold worker.
  await h.run('syncProducts', 'bench-products-warm-up-ours', { shop: IMPORT_SHOP, filters: { status: ['ARCHIVED'] } });
  await h.run('baselineImportProducts', 'bench-products-warm-up-baseline', { shop: IMPORT_SHOP, query: 'gift_card:false status:archived' });
  const ours = await measureImport(h, 'ours');
  // The same products again for the baseline, after removing the links (and the cursor) the project wrote.
  for (const collection of ['shopifyProducts', 'shopifyVariants', 'syncState']) await h.erp.db.collection(collection).deleteMany({ shop: IMPORT_SHOP });
  const baseline = await measureImport(h, 'baseline');
  return { ours, baseline };
}

/** Sets up the price push: products linked by an import and every price sent once, both unmeasured, then 500 ERP prices changed. */
async function preparePricePush(h: Harness): Promise<ChangedVariant[]> {
  await h.addShop({ domain: PRICE_SHOP, plan: 'plus', currencyCode: 'EUR', bulkLinesPerSecond: 10_000 }, IMPORT_SETTINGS);
  const seeded = await seedCatalog(h, PRICE_SHOP, PRICE_CATALOG);
  const setupImport = await h.run<SyncProductsResult>('syncProducts', 'bench-prices-setup-import', { shop: PRICE_SHOP });
  const imported = setupImport.result;
  console.log(`  price push setup: ${imported.imported} products linked in ${setupImport.seconds.toFixed(0)} s`);
  if (imported.imported !== PRICE_CATALOG.products || imported.unmapped) throw new Error(`price push setup: the import gave ${JSON.stringify(imported)}`);
  await h.erp.shops.update(PRICE_SHOP, { syncItem: 'toShopify' });
  const firstPush = await h.run<SyncProductsResult>('syncProducts', 'bench-prices-setup-push', { shop: PRICE_SHOP, options: { onlySyncPrices: true } });
  const sent = firstPush.result;
  console.log(`  price push setup: ${sent.variantsUpdated} prices sent once in ${firstPush.seconds.toFixed(0)} s`);
  const all = PRICE_CATALOG.products * PRICE_CATALOG.codes.length;
  if (sent.variantsUpdated !== all) throw new Error(`price push setup: the first push gave ${JSON.stringify(sent)}`);
  const changed = await changePrices(h, PRICE_CATALOG, seeded, CHANGED_VARIANTS);
  // The typed admin client does not list bulkLinesPerSecond yet; the emulator's admin API takes it.
  const measured = { plan: 'standard' as const, latencyMs: LATENCY_MS, bulkLinesPerSecond: BULK_LINES_PER_SECOND };
  await h.admin.updateShop(PRICE_SHOP, measured);
  return changed;
}

async function measurePush(h: Harness, approach: 'ours' | 'baseline'): Promise<PushFigures> {
  await fullBucket();
  const workflow = approach === 'ours' ? 'syncProducts' : 'baselinePushPrices';
  const input = approach === 'ours' ? { shop: PRICE_SHOP, options: { onlySyncPrices: true } } : { shop: PRICE_SHOP };
  const { value: counted, spent } = await statsDelta(h.admin, PRICE_SHOP, () =>
    countOtherCalls(() => h.run<{ variantsUpdated: number; failed: number; products: number; bulkOperationId?: string }>(workflow, `bench-prices-${approach}-${Date.now()}`, input)),
  );
  const { result, seconds } = counted.value;
  if (result.variantsUpdated !== CHANGED_VARIANTS || result.failed) throw new Error(`${approach} price push: ${JSON.stringify(result)}, expected ${CHANGED_VARIANTS} variants updated`);
  if (approach === 'ours' && !result.bulkOperationId) throw new Error(`ours price push went without a bulk mutation: ${JSON.stringify(result)}`);
  console.log(`  ${approach} price push done in ${seconds.toFixed(1)} s`);
  return {
    seconds, variantsUpdated: result.variantsUpdated, products: result.products, requests: spent.requests, points: spent.actualCostSpent, throttled: spent.throttled,
    stagedUploads: counted.stagedUploads, bulkResultDownloads: counted.bulkResultDownloads, ...(result.bulkOperationId ? { bulkOperationId: result.bulkOperationId } : {}),
  };
}

/** A few changed variants carry their new price in the emulator. */
async function verifyPrices(h: Harness, changed: ChangedVariant[]): Promise<void> {
  for (const c of changed.slice(0, 5)) {
    const product = await h.admin.getProduct(PRICE_SHOP, c.productId);
    const variant = product.variants.find((v) => `gid://shopify/ProductVariant/${v.id}` === c.variantId);
    if (variant?.price !== c.price) throw new Error(`variant ${c.variantId} has price ${variant?.price}, not the pushed ${c.price}`);
  }
}

async function benchPricePush(h: Harness): Promise<{ ours: PushFigures; baseline: PushFigures; changedProducts: number }> {
  const changed = await preparePricePush(h);
  const variants = h.erp.db.collection<{ _id: string }>('shopifyVariants');
  const before = await variants.find({ _id: { $in: changed.map((c) => `${PRICE_SHOP}|${c.variantId}`) } }).toArray();
  const ours = await measurePush(h, 'ours');
  await verifyPrices(h, changed);
  // The same 500 changes again for the baseline: the changed variants' links get back what was last sent before.
  for (const link of before) await variants.replaceOne({ _id: link._id }, link);
  const baseline = await measurePush(h, 'baseline');
  return { ours, baseline, changedProducts: new Set(changed.map((c) => c.product)).size };
}

function table(rows: Array<[string, string, string]>): void {
  for (const [label, ours, baseline] of rows) console.log(`${label.padEnd(34)} ${ours.padStart(12)} ${baseline.padStart(12)}`);
}

/** Runs the benchmark; false when a target is missed (the reasons are printed). */
export async function benchProducts(): Promise<boolean> {
  console.log(`Benchmark products: ${LATENCY_MS} ms per request; import at plus (${PLAN_RESTORE_RATES.plus} points/s), price push at standard (${PLAN_RESTORE_RATES.standard} points/s, bulk ${BULK_LINES_PER_SECOND} lines/s)`);
  const h = await startHarness('shopsync_bench_products');
  try {
    const imported = await benchImport(h);
    const pushed = await benchPricePush(h);
    const speedup = imported.ours.productsPerSecond / imported.baseline.productsPerSecond;
    const pointsRatio = pushed.ours.points / pushed.baseline.points;
    const checks = { importSpeedupAtLeast5: speedup >= 5, pricePushPointsAtMost10Percent: pointsRatio <= 0.1 };
    const { ours: io, baseline: ib } = imported;
    const { ours: po, baseline: pb } = pushed;
    console.log('');
    table([
      ['', 'ours', 'baseline'],
      [`import ${io.products} × ${IMPORT_CATALOG.codes.length}: products/s`, io.productsPerSecond.toFixed(2), ib.productsPerSecond.toFixed(2)],
      ['  seconds', io.seconds.toFixed(1), ib.seconds.toFixed(1)],
      ['  requests/product', io.requestsPerProduct.toFixed(3), ib.requestsPerProduct.toFixed(3)],
      ['  points/product', io.pointsPerProduct.toFixed(2), ib.pointsPerProduct.toFixed(2)],
      [`price push ${CHANGED_VARIANTS} of ${PRICE_CATALOG.products * PRICE_CATALOG.codes.length}: seconds`, po.seconds.toFixed(1), pb.seconds.toFixed(1)],
      ['  GraphQL requests', String(po.requests), String(pb.requests)],
      ['  staged uploads / result downloads', `${po.stagedUploads} / ${po.bulkResultDownloads}`, `${pb.stagedUploads} / ${pb.bulkResultDownloads}`],
      ['  points', po.points.toFixed(0), pb.points.toFixed(0)],
    ]);
    console.log(`\nimport speed-up ${speedup.toFixed(1)}× (needs ≥ 5): ${checks.importSpeedupAtLeast5 ? 'ok' : 'NOT MET'}; price push points ${(pointsRatio * 100).toFixed(1)} % of the baseline's (needs ≤ 10 %): ${checks.pricePushPointsAtMost10Percent ? 'ok' : 'NOT MET'}`);
    writeResults('products', {
      date: new Date().toISOString(),
      latencyMs: LATENCY_MS,
      import: { plan: 'plus', products: IMPORT_CATALOG.products, variantsPerProduct: IMPORT_CATALOG.codes.length, ours: io, baseline: ib, speedup },
      pricePush: { plan: 'standard', bulkLinesPerSecond: BULK_LINES_PER_SECOND, variants: PRICE_CATALOG.products * PRICE_CATALOG.codes.length, changedVariants: CHANGED_VARIANTS, changedProducts: pushed.changedProducts, ours: po, baseline: pb, pointsRatio },
      checks,
    });
    return checks.importSpeedupAtLeast5 && checks.pricePushPointsAtMost10Percent;
  } finally {
    await h.close();
  }
}
