import { PLAN_RESTORE_RATES, DEFAULT_BUCKET_SECONDS } from '../../emulator/bucket';
import { fullBucket, LATENCY_MS, seedVariants, shopGraphql, startHarness, statsDelta, writeResults, type Harness } from './harness';

/**
 * `npm run bench -- orders-import`: imports the same seeded batch of orders twice against the emulator
 * at the Shopify Plus rate (1,000 points/s) with 150 ms per request: once with the project's import,
 * once with the connector's request structure. Prints and writes (bench-results/orders-import.json)
 * for each: orders per second, requests per order, actual cost points per order, Temporal history
 * events per order, and the bound that the rate limit and the latency set.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 400);
const PLAN = 'plus' as const;
const SHOP = 'bench-store.myshopify.com';

interface Figures {
  approach: string;
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  requestsPerOrder: number;
  actualCostPerOrder: number;
  throttledRequests: number;
  historyEventsPerOrder: number;
  boundOrdersPerSecond: number;
  boundBy: 'latency' | 'rate limit';
  shareOfBound: number;
}

/** Seeds the orders through the emulator's GraphQL endpoint (before the latency is set, so it is quick). */
async function seed(h: Harness): Promise<void> {
  await h.addShop({ domain: SHOP, plan: PLAN, currencyCode: 'EUR', locations: [{ name: 'Warehouse' }] });
  const gql = shopGraphql(h, SHOP);
  const variants = await seedVariants(gql, 'Bench item', [1, 2, 3, 4, 5].map((n) => ({ sku: `BENCH-${n}`, price: `${n * 3}.50` })));
  for (let i = 0; i < ORDERS; i += 1) {
    const lines = 1 + (i % 4);
    await gql('mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id } userErrors { message } } }', {
      o: {
        lineItems: Array.from({ length: lines }, (_, l) => ({ variantId: variants[(i + l) % variants.length], quantity: 1 + (l % 2) })),
        email: `buyer${i % 50}@example.com`,
        shippingAddress: { firstName: 'Ada', lastName: `Buyer${i}`, address1: '1 Main St', city: 'Lyon', zip: '69001', countryCode: 'FR' },
        shippingLines: [{ title: 'Standard', priceSet: { shopMoney: { amount: '4.90', currencyCode: 'EUR' } } }],
        financialStatus: 'PAID',
      },
    });
  }
}

function bound(orders: number, requestsPerOrder: number, costPerOrder: number): { value: number; by: Figures['boundBy'] } {
  const restore = PLAN_RESTORE_RATES[PLAN];
  const bucket = restore * DEFAULT_BUCKET_SECONDS;
  const latencySeconds = (orders * requestsPerOrder * LATENCY_MS) / 1000;
  const rateSeconds = Math.max(0, orders * costPerOrder - bucket) / restore;
  return latencySeconds >= rateSeconds ? { value: orders / latencySeconds, by: 'latency' } : { value: orders / rateSeconds, by: 'rate limit' };
}

async function measure(h: Harness, approach: string, workflowType: string, args: unknown): Promise<Figures> {
  await h.erp.db.collection('shopifyOrders').deleteMany({ shop: SHOP });
  await h.erp.db.collection('syncState').deleteMany({ shop: SHOP });
  await fullBucket();
  const { value: run, spent } = await statsDelta(h.admin, SHOP, () => h.run(workflowType, `bench-${approach}-${Date.now()}`, args));
  const stored = await h.erp.db.collection('shopifyOrders').countDocuments({ shop: SHOP });
  if (stored !== ORDERS) throw new Error(`${approach} stored ${stored} orders, not ${ORDERS}`);
  const requestsPerOrder = spent.requests / ORDERS;
  const actualCostPerOrder = spent.actualCostSpent / ORDERS;
  const limit = bound(ORDERS, requestsPerOrder, actualCostPerOrder);
  const ordersPerSecond = ORDERS / run.seconds;
  return {
    approach, orders: ORDERS, seconds: run.seconds, ordersPerSecond, requestsPerOrder, actualCostPerOrder,
    throttledRequests: spent.throttled,
    historyEventsPerOrder: (await run.handle.describe()).historyLength / ORDERS,
    boundOrdersPerSecond: limit.value, boundBy: limit.by, shareOfBound: ordersPerSecond / limit.value,
  };
}

/** Runs the benchmark. A missed target is printed, not failed on (as before the products benchmark came). */
export async function benchOrdersImport(): Promise<boolean> {
  console.log(`Benchmark orders-import: ${ORDERS} orders, ${PLAN} plan (${PLAN_RESTORE_RATES[PLAN]} points/s), ${LATENCY_MS} ms per request`);
  const h = await startHarness('shopsync_bench');
  try {
    await seed(h);
    await h.admin.updateShop(SHOP, { latencyMs: LATENCY_MS });
    // Warm-up: one run of each that matches no order, so neither is timed with a cold worker.
    await h.run('syncOrders', 'bench-warm-up-project', { shop: SHOP, filters: { tag: 'no-such-tag' }, options: { bulk: false } });
    await h.run('baselineImportOrders', 'bench-warm-up-baseline', { shop: SHOP, query: 'tag:no-such-tag' });
    // The paged import is measured here (a shop's first import would take the bulk path: see initial-load).
    const project = await measure(h, 'project', 'syncOrders', { shop: SHOP, options: { bulk: false } });
    console.log(`  project import done in ${project.seconds.toFixed(1)} s`);
    const baseline = await measure(h, 'baseline', 'baselineImportOrders', { shop: SHOP, query: 'status:open' });
    console.log(`  baseline import done in ${baseline.seconds.toFixed(1)} s`);
    const results = [project, baseline];
    console.log('');
    console.log('approach   orders/s  bound/s (by)          share  requests/order  cost/order  throttled  history events/order');
    for (const r of results) {
      console.log(
        `${r.approach.padEnd(10)} ${r.ordersPerSecond.toFixed(1).padStart(8)}  ${r.boundOrdersPerSecond.toFixed(1).padStart(7)} (${r.boundBy.padEnd(10)})  ${(r.shareOfBound * 100).toFixed(0).padStart(4)} %  ` +
          `${r.requestsPerOrder.toFixed(3).padStart(14)}  ${r.actualCostPerOrder.toFixed(1).padStart(10)}  ${String(r.throttledRequests).padStart(9)}  ${r.historyEventsPerOrder.toFixed(2).padStart(20)}`,
      );
    }
    const speedup = project.ordersPerSecond / baseline.ordersPerSecond;
    const checks = { speedupAtLeast5: speedup >= 5, projectAtLeast80PercentOfBound: project.shareOfBound >= 0.8 };
    console.log(`\nspeed-up ${speedup.toFixed(1)}× (needs ≥ 5): ${checks.speedupAtLeast5 ? 'ok' : 'NOT MET'}; project at ${(project.shareOfBound * 100).toFixed(0)} % of its bound (needs ≥ 80 %): ${checks.projectAtLeast80PercentOfBound ? 'ok' : 'NOT MET'}`);
    writeResults('orders-import', { date: new Date().toISOString(), plan: PLAN, latencyMs: LATENCY_MS, results, speedup, checks });
    return true;
  } finally {
    await h.close();
  }
}
