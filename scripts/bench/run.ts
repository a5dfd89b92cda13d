import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorAdmin } from '../../emulator/admin-client';
import { PLAN_RESTORE_RATES, DEFAULT_BUCKET_SECONDS } from '../../emulator/bucket';
import { SHOP_DOMAIN_HEADER } from '../../emulator/server';
import { PROJECT_ROOT, type AppConfig } from '../../src/config';
import { connectErp } from '../../src/erp/db';
import { EnvAndFileTokenSource, tokenEnvName } from '../../src/secrets';
import { configureShopifyTransport } from '../../src/shopify/transport';
import { createSyncWorker } from '../../src/worker';
import { startStack } from '../stack';
import { createBaselineActivities } from './baseline';

/**
 * `npm run bench`: imports the same seeded batch of orders twice against the emulator at the Shopify
 * Plus rate (1,000 points/s) with 150 ms per request: once with the project's import, once with the
 * connector's request structure. Prints and writes (bench-results/orders-import.json) for each:
 * orders per second, requests per order, actual cost points per order, Temporal history events per
 * order, and the bound that the rate limit and the latency set.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 400);
const LATENCY_MS = 150;
const PLAN = 'plus' as const;
const SHOP = 'bench-store.myshopify.com';
const TOKEN = 'shpat_bench_token_0000';
const QUEUE = 'shopify-sync-bench';

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

async function seed(admin: EmulatorAdmin, url: string): Promise<void> {
  await admin.createShop({ domain: SHOP, token: TOKEN, plan: PLAN, currencyCode: 'EUR', locations: [{ name: 'Warehouse' }] });
  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SHOP_DOMAIN_HEADER]: SHOP, 'x-shopify-access-token': TOKEN },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const product = await gql<{ productCreate: { product: { id: string } } }>('mutation($p: ProductCreateInput!) { productCreate(product: $p) { product { id } } }', { p: { title: 'Bench item' } });
  const created = await gql<{ productVariantsBulkCreate: { productVariants: Array<{ id: string }> } }>(
    'mutation($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v, strategy: REMOVE_STANDALONE_VARIANT) { productVariants { id } } }',
    { id: product.productCreate.product.id, v: [1, 2, 3, 4, 5].map((n) => ({ price: `${n * 3}.50`, inventoryItem: { sku: `BENCH-${n}` }, optionValues: [{ optionName: 'Size', name: `S${n}` }] })) },
  );
  const variants = created.productVariantsBulkCreate.productVariants.map((v) => v.id);
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

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  console.log(`Benchmark: ${ORDERS} orders, ${PLAN} plan (${PLAN_RESTORE_RATES[PLAN]} points/s), ${LATENCY_MS} ms per request`);
  const stack = await startStack({ log: (line) => console.log(`  ${line}`) });
  try {
    const admin = new EmulatorAdmin(stack.emulatorUrl);
    await seed(admin, stack.emulatorUrl);
    const config: AppConfig = {
      temporalAddress: stack.temporalAddress, temporalNamespace: stack.temporalNamespace, taskQueue: QUEUE, mongoUri: stack.mongoUri,
      mongoDatabase: 'shopsync_bench', shopifyApiOrigin: stack.emulatorUrl, lockCheckSeconds: 10, lockResendSeconds: 60, lockMaxWaitSeconds: 3600, lockTaskQueue: QUEUE, lockHistoryLimit: 2000,
    };
    configureShopifyTransport(config.shopifyApiOrigin);
    const erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.shops.add({ domain: SHOP, allowBackgroundSyncs: false });
    const worker = await createSyncWorker({
      config,
      workflowsPath: require.resolve('./workflows'),
      tokens: new EnvAndFileTokenSource(undefined, { [tokenEnvName(SHOP)]: TOKEN }),
      extraActivities: createBaselineActivities,
    });
    void worker.run();
    const connection = await Connection.connect({ address: config.temporalAddress });
    const temporal = new Client({ connection, namespace: config.temporalNamespace });
    await admin.updateShop(SHOP, { latencyMs: LATENCY_MS });

    const measure = async (approach: string, workflowType: string, args: unknown): Promise<Figures> => {
      await erp.db.collection('shopifyOrders').deleteMany({ shop: SHOP });
      await erp.db.collection('syncState').deleteMany({ shop: SHOP });
      await new Promise((resolve) => setTimeout(resolve, DEFAULT_BUCKET_SECONDS * 1000)); // start with a full bucket
      const before = await admin.stats(SHOP);
      const started = Date.now();
      const handle = await temporal.workflow.start(workflowType, { taskQueue: QUEUE, workflowId: `bench-${approach}-${started}`, args: [args] });
      await handle.result();
      const seconds = (Date.now() - started) / 1000;
      const after = await admin.stats(SHOP);
      const stored = await erp.db.collection('shopifyOrders').countDocuments({ shop: SHOP });
      if (stored !== ORDERS) throw new Error(`${approach} stored ${stored} orders, not ${ORDERS}`);
      const requestsPerOrder = (after.requests - before.requests) / ORDERS;
      const actualCostPerOrder = (after.actualCostSpent - before.actualCostSpent) / ORDERS;
      const limit = bound(ORDERS, requestsPerOrder, actualCostPerOrder);
      const ordersPerSecond = ORDERS / seconds;
      return {
        approach, orders: ORDERS, seconds, ordersPerSecond, requestsPerOrder, actualCostPerOrder,
        throttledRequests: after.throttled - before.throttled,
        historyEventsPerOrder: (await handle.describe()).historyLength / ORDERS,
        boundOrdersPerSecond: limit.value, boundBy: limit.by, shareOfBound: ordersPerSecond / limit.value,
      };
    };

    // Warm-up: one run of each that matches no order, so neither is timed with a cold worker.
    await temporal.workflow.execute('syncOrders', { taskQueue: QUEUE, workflowId: 'bench-warm-up-project', args: [{ shop: SHOP, filters: { tag: 'no-such-tag' } }] });
    await temporal.workflow.execute('baselineImportOrders', { taskQueue: QUEUE, workflowId: 'bench-warm-up-baseline', args: [{ shop: SHOP, query: 'tag:no-such-tag' }] });
    const project = await measure('project', 'syncOrders', { shop: SHOP });
    console.log(`  project import done in ${project.seconds.toFixed(1)} s`);
    const baseline = await measure('baseline', 'baselineImportOrders', { shop: SHOP, query: 'status:open' });
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
    const out = join(PROJECT_ROOT, 'bench-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'orders-import.json'), JSON.stringify({ date: new Date().toISOString(), plan: PLAN, latencyMs: LATENCY_MS, results, speedup, checks }, null, 2));
    console.log(`written: bench-results/orders-import.json`);
    await worker.shutdown();
    await connection.close();
    await erp.close();
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
