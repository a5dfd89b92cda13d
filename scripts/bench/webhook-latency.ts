import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../src/config';
import { startService } from '../../src/serve';
import { LATENCY_MS, seedVariants, shopGraphql, type Harness } from './harness';

const SHOP = 'bench-webhooks.myshopify.com';
const ORDERS_PER_SECOND = 10;
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 60);
const SKUS = ['HOOK-1', 'HOOK-2', 'HOOK-3'];

export interface WebhookLatency {
  orders: number;
  ordersPerSecond: number;
  p50Seconds: number;
  p95Seconds: number;
  maxSeconds: number;
  imports: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Orders created in the emulator at 10 a second for a minute, on a shop subscribed to the service's
 * webhooks: the time from each order's creation (its orderCreate answer) to its sales document in the
 * ERP, through delivery, verification, the debounce workflow and a syncOrders run with autoCreateOrders.
 */
export async function measureWebhookLatency(h: Harness, database: string): Promise<WebhookLatency> {
  const secret = `shpss_bench_${randomBytes(12).toString('hex')}`;
  await h.addShop(
    { domain: SHOP, plan: 'plus', currencyCode: 'EUR', apiSecret: secret, latencyMs: LATENCY_MS, locations: [{ name: 'Warehouse' }] },
    { autoCreateOrders: true, autoCreateUnknownCustomers: true, skuMapping: 'itemNo', orderAttributesToShopify: false, shippingChargesAccount: '7190' },
  );
  for (const sku of SKUS) await h.erp.items.upsert({ no: sku, description: `Webhook item ${sku}`, unitPrice: '9.90' });
  const config: AppConfig = {
    temporalAddress: h.stack.temporalAddress, temporalNamespace: h.stack.temporalNamespace, taskQueue: h.queue, mongoUri: h.stack.mongoUri, mongoDatabase: database,
    shopifyApiOrigin: h.stack.emulatorUrl, lockCheckSeconds: 10, lockResendSeconds: 60, lockMaxWaitSeconds: 3600, lockTaskQueue: h.queue, lockHistoryLimit: 2000, servicePort: 0,
  };
  const service = await startService(config, { secrets: { webhookSecretFor: (shop) => (shop === SHOP ? secret : undefined) }, log: () => undefined });
  try {
    await h.run('applyWebhooks', `bench-webhooks-apply-${Date.now()}`, { shop: SHOP, options: { url: `${service.url}/webhooks` } });
    const gql = shopGraphql(h, SHOP);
    const variants = await seedVariants(gql, 'Webhook item', SKUS.map((sku) => ({ sku, price: '9.90' })));

    const createdAt = new Map<string, number>();
    const total = ORDERS_PER_SECOND * SECONDS;
    const started = Date.now();
    const creations: Array<Promise<void>> = [];
    for (let i = 0; i < total; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (i * 1000) / ORDERS_PER_SECOND - Date.now())));
      creations.push(
        gql<{ orderCreate: { order: { id: string } } }>('mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id } userErrors { message } } }', {
          o: { lineItems: [{ variantId: variants[i % variants.length], quantity: 1 }], email: `hook${i % 20}@example.com`, financialStatus: 'PAID' },
        }).then((data) => void createdAt.set(data.orderCreate.order.id, Date.now())),
      );
    }
    await Promise.all(creations);
    const documents = h.erp.db.collection<{ shopifyOrderId: string; createdAt: Date }>('salesDocuments');
    const deadline = Date.now() + 10 * 60_000;
    while ((await documents.countDocuments({ shop: SHOP })) < total) {
      if (Date.now() > deadline) throw new Error(`only ${await documents.countDocuments({ shop: SHOP })} of ${total} orders got their sales document`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const latencies = (await documents.find({ shop: SHOP }).toArray())
      .map((doc) => (doc.createdAt.getTime() - (createdAt.get(doc.shopifyOrderId) ?? NaN)) / 1000)
      .filter((seconds) => Number.isFinite(seconds))
      .sort((a, b) => a - b);
    let imports = 0;
    for await (const execution of h.temporal.workflow.list({ query: `WorkflowId = 'run:${SHOP}:orders:webhook'` })) if (execution.status.name === 'COMPLETED') imports += 1;
    return { orders: latencies.length, ordersPerSecond: ORDERS_PER_SECOND, p50Seconds: percentile(latencies, 50), p95Seconds: percentile(latencies, 95), maxSeconds: latencies[latencies.length - 1] ?? NaN, imports };
  } finally {
    await service.close();
  }
}
