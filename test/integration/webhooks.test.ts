import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { startService } from '../../src/serve';
import { debounceStateQuery, orderWebhooksId, webhookRunId } from '../../src/temporal/webhook-messages';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/** Shopify's webhooks, received by the service (`npm run serve`), verified, and turned into runs. */
describe('webhooks', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  let service: Awaited<ReturnType<typeof startService>>;
  const secrets = new Map<string, string>();

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.items.upsert({ no: 'TS', description: 'T-shirt', unitPrice: '10.00', variants: [{ code: 'S' }] });
    service = await startService({ ...config, servicePort: 0 }, { secrets: { webhookSecretFor: (shop) => secrets.get(shop) }, log: () => undefined });
  });

  after(async () => {
    await service?.close();
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string) {
    const apiSecret = `shpss_${randomBytes(16).toString('hex')}`;
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', apiSecret, locations: [{ name: 'Warehouse' }] });
    secrets.set(shop.domain, apiSecret);
    await client.addShop({
      domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNoAndVariantCode', skuFieldSeparator: '-', autoCreateUnknownCustomers: true,
      autoCreateOrders: true, orderAttributesToShopify: false, shippingChargesAccount: '7190',
    });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const variants = await merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }]);
    return { ...shop, apiSecret, merchant, variant: variants['TS-S'] as string };
  }

  const apply = async (shop: string) => (await client.runTask({ shop, task: 'webhooks', options: { url: `${service.url}/webhooks` }, wait: true })).result as Record<string, number>;

  async function post(shop: string, body: string, headers: Record<string, string>) {
    return fetch(`${service.url}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop, ...headers }, body });
  }

  function signed(secret: string, body: string, topic: string, webhookId: string): Record<string, string> {
    return {
      'x-shopify-topic': topic, 'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'), 'x-shopify-webhook-id': webhookId,
      'x-shopify-api-version': '2026-10', 'x-shopify-event-id': randomBytes(8).toString('hex'), 'x-shopify-triggered-at': new Date().toISOString(),
    };
  }

  /** Waits (up to a minute) for something the service sets going in the background. */
  async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((resolve) => setTimeout(resolve, 250))) {
      const value = await probe();
      if (value !== undefined) return value;
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function webhookRuns(shop: string): Promise<number> {
    let runs = 0;
    for await (const execution of client.temporal.workflow.list({ query: `WorkflowId = '${webhookRunId(shop)}'` })) if (execution.status.name === 'COMPLETED') runs += 1;
    return runs;
  }

  const ordersInMirror = async (shop: string) => erp.db.collection('shopifyOrders').countDocuments({ shop });
  const debounceExists = async (shop: string) => client.temporal.workflow.getHandle(orderWebhooksId(shop)).describe().then(() => true, () => false);

  it('subscribes the shop once per topic at the service URL; a second apply changes nothing', async () => {
    const shop = await newShop('subscribe');
    assert.deepEqual(await apply(shop.domain), { created: 6, updated: 0, deleted: 0, unchanged: 0 });
    assert.deepEqual(await apply(shop.domain), { created: 0, updated: 0, deleted: 0, unchanged: 6 });
    const listed = await shop.merchant.graphql<{ webhookSubscriptions: { nodes: Array<{ topic: string; uri: string }> } }>('{ webhookSubscriptions(first: 50) { nodes { topic uri } } }');
    assert.deepEqual(listed.webhookSubscriptions.nodes.map((s) => s.topic).sort(), ['APP_UNINSTALLED', 'BULK_OPERATIONS_FINISH', 'ORDERS_CANCELLED', 'ORDERS_CREATE', 'ORDERS_UPDATED', 'REFUNDS_CREATE']);
    assert.ok(listed.webhookSubscriptions.nodes.every((s) => s.uri === `${service.url}/webhooks`));
  });

  it('refuses a delivery with a bad or missing signature (401) or of an unknown shop (404), starting nothing', async () => {
    const shop = await newShop('refuse');
    const body = JSON.stringify({ id: 1 });
    assert.equal((await post(shop.domain, body, signed('not-the-secret', body, 'orders/create', 'w-bad'))).status, 401);
    const { 'x-shopify-hmac-sha256': _dropped, ...unsigned } = signed(shop.apiSecret, body, 'orders/create', 'w-none');
    assert.equal((await post(shop.domain, body, unsigned)).status, 401);
    assert.equal((await post('nobody-here.myshopify.com', body, signed(shop.apiSecret, body, 'orders/create', 'w-who'))).status, 404);
    assert.equal(await debounceExists(shop.domain), false);
  });

  it('acts once on a delivery Shopify sends twice (same webhook id)', async () => {
    const shop = await newShop('dupe');
    const body = JSON.stringify({ id: 1, admin_graphql_api_id: 'gid://shopify/Order/1' });
    const first = await post(shop.domain, body, signed(shop.apiSecret, body, 'orders/create', `w-${shop.domain}`));
    assert.deepEqual(await first.json(), { accepted: 'orders/create' });
    const again = await post(shop.domain, body, signed(shop.apiSecret, body, 'orders/create', `w-${shop.domain}`));
    assert.deepEqual(await again.json(), { duplicate: true });
    assert.equal(await erp.db.collection('webhookDeliveries').countDocuments({ shop: shop.domain }), 1);
  });

  it('turns a burst of order webhooks into one or two imports, and an order made during an import into one more', async () => {
    const shop = await newShop('burst');
    await apply(shop.domain);
    for (let i = 0; i < 20; i += 1) await shop.merchant.webOrder([{ variantId: shop.variant, quantity: 1 }]);
    await eventually('the 20 orders in the mirror', async () => ((await ordersInMirror(shop.domain)) === 20 ? true : undefined));
    await eventually('the debounce workflow idle', async () => {
      const state = await client.temporal.workflow.getHandle(orderWebhooksId(shop.domain)).query(debounceStateQuery);
      return state.pending === 0 && !state.running ? state : undefined;
    });
    const burstRuns = await webhookRuns(shop.domain);
    assert.ok(burstRuns >= 1 && burstRuns <= 2, `${burstRuns} imports for a burst of 20 orders`);

    // An order made while an import runs is imported by one more run after it.
    await shop.merchant.webOrder([{ variantId: shop.variant, quantity: 2 }]);
    await eventually('the import to start', async () => ((await client.temporal.workflow.getHandle(orderWebhooksId(shop.domain)).query(debounceStateQuery)).running ? true : undefined));
    await shop.merchant.webOrder([{ variantId: shop.variant, quantity: 3 }]);
    await eventually('both orders in the mirror', async () => ((await ordersInMirror(shop.domain)) === 22 ? true : undefined));
    await eventually('one more run', async () => ((await webhookRuns(shop.domain)) >= burstRuns + 2 ? true : undefined));
    const documents = await erp.db.collection('salesDocuments').countDocuments({ shop: shop.domain });
    assert.equal(documents, 22, 'one sales document per order, none doubled');
  });

  it('wakes the first import waiting for its bulk operation when bulk_operations/finish arrives', async () => {
    const shop = await newShop('bulkwake');
    for (let i = 0; i < 3; i += 1) await shop.merchant.webOrder([{ variantId: shop.variant, quantity: 1 }]);
    await (await emulatorAdmin()).updateShop(shop.domain, { bulkLinesPerSecond: 2 }); // the operation runs a few seconds
    await apply(shop.domain);
    const run = await client.runTask({ shop: shop.domain, task: 'orders', wait: true });
    const history = await client.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
    const signals = (history.events ?? []).map((e) => e.workflowExecutionSignaledEventAttributes?.signalName).filter(Boolean);
    assert.ok(signals.includes('bulkOperationFinished'), `signals received: ${signals.join(', ') || 'none'}`);
    assert.equal(await ordersInMirror(shop.domain), 3);
  });

  it('disables the shop when the app is uninstalled', async () => {
    const shop = await newShop('uninstall');
    await apply(shop.domain);
    const response = await fetch(`${(await testStack()).emulatorUrl}/emulator/shops/${shop.domain}/uninstall`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 200);
    await eventually('the shop disabled', async () => ((await client.shops.get(shop.domain)).settings.enabled === false ? true : undefined));
  });
});
