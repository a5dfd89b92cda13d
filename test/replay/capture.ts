import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorAdmin } from '../../emulator/admin-client';
import { Merchant } from '../../emulator/merchant-client';
import { startStack } from '../../scripts/stack';
import { ShopSyncClient } from '../../src/client';
import type { AppConfig } from '../../src/config';
import { EnvAndFileTokenSource, tokenEnvName } from '../../src/secrets';
import { WebhookTriggers } from '../../src/service/webhook-triggers';
import { debounceStateQuery, orderWebhooksId, webhookRunId } from '../../src/temporal/webhook-messages';
import { buildWorkflowBundle } from '../../src/temporal/workflow-bundle';
import { createSyncWorker } from '../../src/worker';
import { createProbeActivities } from '../support/probe-activities';
import { probeFinishSignal } from '../support/test-workflows';

/**
 * `npm run capture-histories`: runs every workflow type through its paths (continue-as-new, lease
 * loss, cancellation, a lock that checks, hands over, is broken and continues as new) on a stack of
 * its own, and writes each run's history to test/replay/histories/, for the replay test to check that
 * the current code still replays them. Run it after a deliberate change of a workflow's commands
 * (behind `patched()`), and commit the histories.
 */
const OUT = join(__dirname, 'histories');
const QUEUE = 'capture';

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  const stack = await startStack({ temporalDynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 } });
  const tokens: NodeJS.ProcessEnv = {};
  try {
    const config: AppConfig = {
      temporalAddress: stack.temporalAddress, temporalNamespace: stack.temporalNamespace, taskQueue: QUEUE, mongoUri: stack.mongoUri,
      mongoDatabase: 'shopsync_capture', shopifyApiOrigin: stack.emulatorUrl, lockCheckSeconds: 1, lockResendSeconds: 2,
      lockMaxWaitSeconds: 600, lockTaskQueue: QUEUE, lockHistoryLimit: 60,
    };
    const worker = await createSyncWorker({
      config,
      workflowBundle: await buildWorkflowBundle(require.resolve('../support/test-workflows')),
      tokens: new EnvAndFileTokenSource(undefined, tokens),
      shopifyRetry: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 100, maxThrottledAttempts: 10 },
      extraActivities: createProbeActivities,
    });
    const running = worker.run();
    const connection = await Connection.connect({ address: config.temporalAddress });
    const temporal = new Client({ connection, namespace: config.temporalNamespace });
    const client = await ShopSyncClient.connect(config);
    const admin = new EmulatorAdmin(stack.emulatorUrl);
    const captured: Array<{ name: string; handle: WorkflowHandle }> = [];
    const keep = (name: string, handle: WorkflowHandle): void => void captured.push({ name, handle });

    // Order to cash, end to end, with enough orders that syncOrders continues as new while it makes documents.
    const shop = 'capture-o2c.myshopify.com';
    const token = `shpat_${randomBytes(8).toString('hex')}`;
    tokens[tokenEnvName(shop)] = token;
    await admin.createShop({ domain: shop, token, currencyCode: 'EUR', plan: 'plus', locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }] });
    await client.addShop({ domain: shop, allowBackgroundSyncs: false, skuMapping: 'itemNo', autoCreateOrders: true, autoCreateUnknownCustomers: true, shippingChargesAccount: '7190' });
    await client.erpStore.items.upsert({ no: 'MUG', description: 'Mug', unitPrice: '8.00' });
    const merchant = new Merchant(stack.emulatorUrl, shop, token);
    const { MUG } = await merchant.product('Mug', [{ sku: 'MUG', price: '8.00' }]);
    const orders = [];
    for (let i = 0; i < 110; i += 1) orders.push(await merchant.webOrder([{ variantId: MUG as string, quantity: 1 + (i % 3) }], { email: `buyer${i % 7}@example.com`, fulfilled: i % 10 === 0 }));
    const runTask = async (task: Parameters<ShopSyncClient['runTask']>[0]['task'], options?: Record<string, unknown>, name: string = task): Promise<void> => {
      const run = await client.runTask({ shop, task, wait: true, options });
      keep(name, temporal.workflow.getHandle(run.workflowId));
    };
    await runTask('refreshShopInfo');
    await runTask('orders', undefined, 'orders-bulk-first'); // a shop's first import reads through a bulk query
    await merchant.webOrder([{ variantId: MUG as string, quantity: 1 }]);
    await client.updateShop(shop, { autoCreateOrders: false });
    await runTask('orders', { overlapSeconds: 600 }, 'orders-with-options');
    await runTask('salesDocuments');
    await runTask('postSalesDocuments');
    await runTask('postSalesInvoices');
    // A refund after the document: imported with its order, credited, the credit memo posted.
    await client.updateShop(shop, { autoCreateOrders: true, returnAndRefundProcess: 'autoCreateCreditMemo', refundAccount: '6100', refundAccountNonRestockItems: '6110' });
    const refunded = orders[1];
    await merchant.refund({ orderId: refunded?.id, refundLineItems: [{ lineItemId: refunded?.lineItems[0]?.id, quantity: 1, restockType: 'NO_RESTOCK' }] });
    await runTask('orders', undefined, 'orders-credit-memos');
    await runTask('postCreditMemos');
    // Webhooks: the subscriptions reconciled, and an order webhook debounced into an import.
    await runTask('webhooks', { url: 'https://sync.example.com/webhooks' });
    await new WebhookTriggers(client).ordersChanged(shop, 'orders/create');
    await waitFor(async () => (await temporal.workflow.getHandle(orderWebhooksId(shop)).query(debounceStateQuery)).runs >= 1);
    keep('debounceOrderSyncs', temporal.workflow.getHandle(orderWebhooksId(shop)));
    keep('orders-webhook', temporal.workflow.getHandle(webhookRunId(shop)));
    await runTask('shipments');
    await admin.seedPayouts(shop, {
      payouts: [{ status: 'PAID', issuedAt: '2026-11-01T00:00:00Z', net: '95.00', gross: '100.00', fee: '5.00' }],
      balanceTransactions: [{ type: 'CHARGE', amount: '100.00', fee: '5.00', transactionDate: '2026-10-30T10:00:00Z', payoutIndex: 0 }],
    });
    await runTask('payments');

    // Products: add items, a push through a bulk mutation (with its durable wait), and an import.
    const products = 'capture-products.myshopify.com';
    const productsToken = `shpat_${randomBytes(8).toString('hex')}`;
    tokens[tokenEnvName(products)] = productsToken;
    await admin.createShop({ domain: products, token: productsToken, currencyCode: 'EUR', plan: 'plus', bulkLinesPerSecond: 5, locations: [{ name: 'Main warehouse' }] });
    await client.addShop({ domain: products, allowBackgroundSyncs: false, skuMapping: 'itemNo', syncItem: 'toShopify', canUpdateShopifyProducts: true, productBulkThreshold: 2 });
    const boards = ['BOARD-1', 'BOARD-2', 'BOARD-3'];
    for (const no of boards) await client.erpStore.items.upsert({ no, description: `Board ${no}`, unitPrice: '10.00' });
    const productRun = async (task: 'products' | 'addItems', name: string, args: { filters?: Record<string, unknown>; options?: Record<string, unknown> } = {}): Promise<void> => {
      const run = await client.runTask({ shop: products, task, wait: true, ...args });
      keep(name, temporal.workflow.getHandle(run.workflowId));
    };
    await productRun('addItems', 'addItems', { filters: { itemNos: boards } });
    for (const no of boards) await client.erpStore.items.update(no, { unitPrice: '12.00' });
    await productRun('products', 'products-bulk-push', { options: { onlySyncPrices: true } });
    await client.updateShop(products, { syncItem: 'fromShopify', canUpdateShopifyProducts: false });
    await productRun('products', 'products-import');

    // Inventory: a first run (every linked variant), a changed-only run, and a full compare (bulk query, durable wait); then images.
    await client.runTask({ shop: products, task: 'refreshShopInfo', wait: true });
    const [firstLocation] = await client.locations.list(products);
    if (!firstLocation) throw new Error('capture: the products shop has no location');
    await client.locations.configure(products, firstLocation.name, { stockCalculation: 'freeInventory', locationFilter: '*' });
    for (const no of boards) await client.erpStore.stock.set(no, null, 'MAIN', { onHand: 5 });
    await client.updateShop(products, { inventoryTracked: true, syncItemImages: 'toShopify' });
    const inventoryRun = async (name: string, options?: Record<string, unknown>): Promise<void> => {
      const run = await client.runTask({ shop: products, task: 'inventory', wait: true, options });
      keep(name, temporal.workflow.getHandle(run.workflowId));
    };
    await inventoryRun('inventory-first');
    await client.erpStore.stock.set('BOARD-2', null, 'MAIN', { onHand: 3 });
    await inventoryRun('inventory-changed');
    await inventoryRun('inventory-full', { full: true });
    for (const no of boards) await client.erpStore.pictures.set(no, null, ONE_PIXEL_PNG, 'image/png', `${no}.png`);
    const images = await client.runTask({ shop: products, task: 'images', wait: true });
    keep('images', temporal.workflow.getHandle(images.workflowId));

    // Customers: an import that creates and links, with an export of a changed ERP customer; then "add customers".
    await client.updateShop(shop, { customerImportFromShopify: 'allCustomers', canUpdateShopifyCustomers: true });
    await merchant.graphql('mutation($i: CustomerInput!) { customerCreate(input: $i) { userErrors { message } } }', { i: { email: 'walk-in@example.com', firstName: 'Walk', lastName: 'In' } });
    const firstBuyer = await client.erpStore.customers.byEmail('buyer0@example.com');
    if (!firstBuyer) throw new Error('capture: the orders made no customer for buyer0@example.com');
    await client.erpStore.customers.update(firstBuyer, { name: 'Renamed Buyer', contact: 'Renamed Buyer', email: 'buyer0@example.com' });
    await runTask('customers');
    await client.erpStore.customers.upsert('C-CAPTURE', { name: 'Capture Customer', email: 'capture.customer@example.com' });
    const added = await client.runTask({ shop, task: 'addCustomers', wait: true, filters: { customerNos: ['C-CAPTURE'] } });
    keep('addCustomers', temporal.workflow.getHandle(added.workflowId));

    // B2B: a company import, "add companies" with a catalog, the catalogs, and their prices.
    await client.runTask({ shop, task: 'refreshShopInfo', wait: true });
    await client.updateShop(shop, { companyImportFromShopify: 'allCompanies', autoCreateUnknownCompanies: true, autoCreateCatalog: true });
    await admin.seedCompanies(shop, [{ name: 'Capture Co', contact: { email: 'capture.co@example.com' }, locations: [{ name: 'Capture HQ' }] }]);
    await runTask('companies');
    await client.erpStore.customers.upsert('C-CAPTURE-B2B', { name: 'Capture B2B', email: 'capture.b2b@example.com' });
    const addedCompany = await client.runTask({ shop, task: 'addCompanies', wait: true, filters: { customerNos: ['C-CAPTURE-B2B'] } });
    keep('addCompanies', temporal.workflow.getHandle(addedCompany.workflowId));
    await runTask('catalogs');
    for (const catalog of await client.catalogs.list(shop)) await client.configureCatalog(shop, catalog.shopifyId, { syncPrices: true });
    await runTask('catalogPrices');

    // The lock's paths, through the engine's probe task.
    const lockShop = 'capture-lock.myshopify.com';
    await client.addShop({ domain: lockShop });
    const probe = (name: string, options: Record<string, unknown> = {}) =>
      temporal.workflow.start('lockProbe', { taskQueue: QUEUE, workflowId: `capture-${name}`, args: [{ shop: lockShop, options }] });
    const continuing = await probe('continue-as-new', { enterLeave: true, continueAsNewTimes: 2 });
    keep('lockProbe-continue-as-new', continuing);
    await continuing.result();
    const holder = await probe('lease-lost');
    keep('lockProbe-lease-lost', holder);
    const waiter = await probe('cancelled-waiting');
    keep('lockProbe-cancelled-waiting', waiter);
    await waitFor(async () => (await client.lockState(lockShop))?.queue.length === 1);
    await waiter.cancel();
    await waiter.result().catch(() => undefined);
    await client.breakLock(lockShop, undefined, 'capture: an operator breaks the lock');
    await holder.result().catch(() => undefined);
    const cancelled = await probe('cancelled-holding');
    keep('lockProbe-cancelled-holding', cancelled);
    await waitFor(async () => (await client.lockState(lockShop))?.holder?.workflowId === cancelled.workflowId);
    await cancelled.cancel();
    await cancelled.result().catch(() => undefined);
    const forgetful = await temporal.workflow.start('forgetfulHolder', { taskQueue: QUEUE, workflowId: 'capture-forgetful', args: [{ shop: lockShop }] });
    keep('forgetfulHolder', forgetful);
    await forgetful.result();
    const last = await probe('finished');
    keep('lockProbe-finished', last);
    await waitFor(async () => (await client.lockState(lockShop))?.holder?.workflowId === last.workflowId); // after the lock found the forgetful holder closed
    await last.signal(probeFinishSignal);
    await last.result();
    keep('shopLock', temporal.workflow.getHandle(`shop-lock:${lockShop}`));
    keep('shopLock-o2c', temporal.workflow.getHandle(`shop-lock:${shop}`));

    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    for (const { name, handle } of captured) {
      const runs = await runsOf(temporal, handle.workflowId);
      for (const [index, runId] of runs.entries()) {
        // What an operator would do: `temporal workflow show --output json`, the format the replayer reads.
        const history: unknown = JSON.parse(execFileSync(stack.tools.temporal, ['workflow', 'show', '--workflow-id', handle.workflowId, '--run-id', runId, '--output', 'json', '--address', config.temporalAddress]).toString());
        // The workflow id is not in the history itself, and a run's behaviour may depend on it (its lock key does).
        writeFileSync(join(OUT, `${name}${runs.length > 1 ? `-run${index + 1}` : ''}.json`), `${JSON.stringify({ workflowId: handle.workflowId, history }, null, 1)}\n`);
      }
    }
    console.log(`captured ${readdirSync(OUT).length} histories in ${OUT}`);
    await client.close();
    await connection.close();
    await worker.shutdown();
    await running;
  } finally {
    await stack.stop();
  }
}

/** Every run of a workflow id, oldest first (a chain of continue-as-new runs); the lock's at most three. */
async function runsOf(temporal: Client, workflowId: string): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 1500)); // visibility is eventually consistent
  const runs: Array<{ runId: string; start: number }> = [];
  for await (const execution of temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push({ runId: execution.runId, start: execution.startTime.getTime() });
  const ordered = runs.sort((a, b) => a.start - b.start).map((r) => r.runId);
  return workflowId.startsWith('shop-lock:') && ordered.length > 3 ? [...ordered.slice(0, 2), ordered.at(-1) as string] : ordered;
}

async function waitFor(probe: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('capture: a scenario did not reach its state');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
