import { fullBucket, LATENCY_MS, seedVariants, shopGraphql, startHarness, statsDelta, writeResults, type Harness } from './harness';
import { measureWebhookLatency } from './webhook-latency';

/**
 * `npm run bench -- initial-load`: the first import of a large shop through the bulk query. 20,000
 * orders (1 to 4 lines, one shipping line) at the Shopify Plus rate with 150 ms per request are loaded
 * by `syncOrders` (a first import takes the bulk path); beside it, a paged import of a 2,000-order
 * sample on another shop gives the points a paged import spends per order. Writes
 * bench-results/initial-load.json: `bulk: { points, seconds, ordersIngestedPerSecond }`,
 * `paged: { pointsPerOrder }`, and `webhooks: { p50Seconds, p95Seconds }` (orders created at 10 a second
 * for a minute on a shop subscribed to the service, each to its sales document). Goal: the whole bulk
 * load under 100 points.
 */
const BULK_ORDERS = Number(process.env.BENCH_INITIAL_ORDERS ?? 20_000);
const PAGED_ORDERS = Number(process.env.BENCH_PAGED_SAMPLE ?? 2_000);
const PLAN = 'plus' as const;
const BULK_SHOP = 'bench-initial-bulk.myshopify.com';
const PAGED_SHOP = 'bench-initial-paged.myshopify.com';
/** Shopify writes a bulk query's objects server-side; the emulator's default (100 a second) is for watching one run. */
const BULK_LINES_PER_SECOND = 10_000;
/** Seeding spends no time on the rate limit: a bucket this large holds every orderCreate (10 points each). */
const SEED_BUCKET = 1_000_000;
const SEED_CONCURRENCY = 16;
const POINTS_GOAL = 100;
const DATABASE = 'shopsync_bench_initial';
const WEBHOOK_DATABASE = 'shopsync_bench_webhooks';
const WEBHOOK_NOTE = 'orders created at 10 a second for a minute, each to its sales document';

/** Seeds `count` orders of 1 to 4 lines on a new Plus shop (quickly: a huge bucket, no latency), then sets the benchmark latency. */
export async function seedOrders(h: Harness, shop: string, count: number): Promise<void> {
  await h.addShop({ domain: shop, plan: PLAN, currencyCode: 'EUR', bucketSize: SEED_BUCKET, bulkLinesPerSecond: BULK_LINES_PER_SECOND, locations: [{ name: 'Warehouse' }] });
  const gql = shopGraphql(h, shop);
  const variants = await seedVariants(gql, 'Bench item', [1, 2, 3, 4, 5].map((n) => ({ sku: `BENCH-${n}`, price: `${n * 3}.50` })));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      await gql('mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id } userErrors { message } } }', {
        o: {
          lineItems: Array.from({ length: 1 + (i % 4) }, (_, l) => ({ variantId: variants[(i + l) % variants.length], quantity: 1 + (l % 2) })),
          email: `buyer${i % 50}@example.com`,
          shippingAddress: { firstName: 'Ada', lastName: `Buyer${i}`, address1: '1 Main St', city: 'Lyon', zip: '69001', countryCode: 'FR' },
          shippingLines: [{ title: 'Standard', priceSet: { shopMoney: { amount: '4.90', currencyCode: 'EUR' } } }],
          financialStatus: 'PAID',
        },
      });
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  await h.admin.updateShop(shop, { bucketSize: null, latencyMs: LATENCY_MS });
}

async function storedOrders(h: Harness, shop: string): Promise<number> {
  return h.erp.db.collection('shopifyOrders').countDocuments({ shop });
}

interface BulkRunResult {
  fetched: number;
  bulk?: { operationId: string; fetched: number; ingestMillis: number };
}

export async function benchInitialLoad(): Promise<boolean> {
  console.log(`Benchmark initial-load: ${BULK_ORDERS} orders through the bulk query, a paged sample of ${PAGED_ORDERS}; ${PLAN} plan, ${LATENCY_MS} ms per request`);
  const h = await startHarness(DATABASE);
  let closed = false;
  try {
    console.log('  seeding...');
    await seedOrders(h, BULK_SHOP, BULK_ORDERS);
    await seedOrders(h, PAGED_SHOP, PAGED_ORDERS);
    await fullBucket();

    // The seeded orders are all minutes old, so the default 5-minute overlap of the paged pass that
    // follows the load would read every one of them again; a live shop has few orders in its last 5
    // minutes. Overlap 0 measures the load with the follow-up pass reading what a live shop would.
    const options = { overlapSeconds: 0 };
    const { value: bulkRun, spent: bulkSpent } = await statsDelta(h.admin, BULK_SHOP, () => h.run<BulkRunResult>('syncOrders', `bench-initial-bulk-${Date.now()}`, { shop: BULK_SHOP, options }));
    const bulkStored = await storedOrders(h, BULK_SHOP);
    if (bulkStored !== BULK_ORDERS) throw new Error(`the bulk load stored ${bulkStored} orders, not ${BULK_ORDERS}`);
    const ingest = bulkRun.result.bulk;
    if (!ingest) throw new Error('the first import did not take the bulk path');
    const bulk = {
      orders: BULK_ORDERS,
      points: bulkSpent.actualCostSpent,
      requests: bulkSpent.requests,
      seconds: bulkRun.seconds,
      ordersIngestedPerSecond: ingest.fetched / (ingest.ingestMillis / 1000),
      ingestSeconds: ingest.ingestMillis / 1000,
      bulkLinesPerSecond: BULK_LINES_PER_SECOND,
    };
    console.log(`  bulk load done in ${bulk.seconds.toFixed(1)} s`);

    const { value: pagedRun, spent: pagedSpent } = await statsDelta(h.admin, PAGED_SHOP, () => h.run('syncOrders', `bench-initial-paged-${Date.now()}`, { shop: PAGED_SHOP, options: { ...options, bulk: false } }));
    const pagedStored = await storedOrders(h, PAGED_SHOP);
    if (pagedStored !== PAGED_ORDERS) throw new Error(`the paged import stored ${pagedStored} orders, not ${PAGED_ORDERS}`);
    const paged = {
      orders: PAGED_ORDERS,
      points: pagedSpent.actualCostSpent,
      pointsPerOrder: pagedSpent.actualCostSpent / PAGED_ORDERS,
      requests: pagedSpent.requests,
      seconds: pagedRun.seconds,
      ordersPerSecond: PAGED_ORDERS / pagedRun.seconds,
    };
    console.log(`  paged sample done in ${paged.seconds.toFixed(1)} s`);

    // The webhook stream gets a stack and database of its own: measured beside the 22,000 orders just
    // loaded, it would measure FerretDB scanning them (it uses few indexes) rather than the pipeline.
    await h.close();
    closed = true;
    console.log(`  webhooks: ${WEBHOOK_NOTE}...`);
    const hooks = await startHarness(WEBHOOK_DATABASE);
    let webhooks: Awaited<ReturnType<typeof measureWebhookLatency>>;
    try {
      webhooks = await measureWebhookLatency(hooks, WEBHOOK_DATABASE);
    } finally {
      await hooks.close();
    }

    const checks = { bulkUnder100Points: bulk.points < POINTS_GOAL };
    console.log('');
    console.log(`bulk   ${bulk.orders} orders  ${bulk.points} points  ${bulk.requests} requests  ${bulk.seconds.toFixed(1)} s  ingest ${bulk.ordersIngestedPerSecond.toFixed(0)} orders/s (${bulk.ingestSeconds.toFixed(1)} s)`);
    console.log(`paged  ${paged.orders} orders  ${paged.points} points (${paged.pointsPerOrder.toFixed(2)} per order, ${(paged.pointsPerOrder * BULK_ORDERS).toFixed(0)} for ${BULK_ORDERS})  ${paged.requests} requests  ${paged.seconds.toFixed(1)} s`);
    console.log(`webhooks ${webhooks.orders} orders at ${webhooks.ordersPerSecond}/s  creation → sales document p50 ${webhooks.p50Seconds.toFixed(1)} s, p95 ${webhooks.p95Seconds.toFixed(1)} s, max ${webhooks.maxSeconds.toFixed(1)} s  (${webhooks.imports} imports)`);
    console.log(`\nwhole bulk load ${bulk.points} points (needs < ${POINTS_GOAL}): ${checks.bulkUnder100Points ? 'ok' : 'NOT MET'}`);
    writeResults('initial-load', { date: new Date().toISOString(), plan: PLAN, latencyMs: LATENCY_MS, overlapSeconds: options.overlapSeconds, bulk, paged, webhooks, checks });
    return checks.bulkUnder100Points;
  } finally {
    if (!closed) await h.close();
  }
}
