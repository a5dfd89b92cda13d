import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorAdmin } from '../emulator/admin-client';
import { Merchant } from '../emulator/merchant-client';
import { loadConfig, PROJECT_ROOT, STACK_FILE, type StackFile } from '../src/config';
import { CODEC_SECRETS_ENTRY } from '../src/secrets';
import { ShopSyncClient } from '../src/client';
import { installProjectLogger } from '../src/logging';
import { createSyncWorker } from '../src/worker';
import { MissingToolchainError } from './tools/cache';
import { startStack } from './stack';
import { freePort, GuardedProcess, waitUntilReady } from './tools/process';

/**
 * `npm start`: the whole thing on embedded defaults. Starts the stack with its state under .data/,
 * seeds a demo shop in the emulator, registers it, runs a worker and the shop's first task, prints
 * where to look, and keeps running until Ctrl-C, which stops everything it started.
 */
const DATA_DIR = join(PROJECT_ROOT, '.data');
const DEMO_SHOP = 'demo-store.myshopify.com';
const SECRETS_FILE = join(DATA_DIR, 'secrets.json');

interface DemoSecrets {
  token: string;
  webhookSecret: string;
}

const readSecretsFile = (): Record<string, unknown> => (existsSync(SECRETS_FILE) ? (JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as Record<string, unknown>) : {});
const writeSecretsFile = (file: Record<string, unknown>): void => writeFileSync(SECRETS_FILE, JSON.stringify(file, null, 2), { mode: 0o600 });

/** The demo shop's token and webhook secret, made once and kept in .data/secrets.json (older files held the token alone). */
function demoSecrets(): DemoSecrets {
  const file = readSecretsFile();
  const stored = file[DEMO_SHOP] as string | Partial<DemoSecrets> | undefined;
  const current = typeof stored === 'string' ? { token: stored } : (stored ?? {});
  if (!current.token || !current.webhookSecret) {
    file[DEMO_SHOP] = { token: current.token ?? `shpat_demo_${randomBytes(16).toString('hex')}`, webhookSecret: current.webhookSecret ?? `shpss_demo_${randomBytes(16).toString('hex')}` };
    writeSecretsFile(file);
  }
  return file[DEMO_SHOP] as DemoSecrets;
}

/**
 * The payload codec's key, made once and kept in .data/secrets.json under "codec" beside the token:
 * the worker, the clients, the service and the CLI find it there through the stack file, so the
 * demo's payloads are encrypted. Answers the key's id.
 */
function demoCodecKeyId(): string {
  const file = readSecretsFile();
  const stored = file[CODEC_SECRETS_ENTRY] as { keyId?: string; key?: string } | undefined;
  if (stored?.keyId && stored.key) return stored.keyId;
  const keyId = `demo-${new Date().toISOString().slice(0, 10)}`;
  file[CODEC_SECRETS_ENTRY] = { keyId, key: randomBytes(32).toString('base64') };
  writeSecretsFile(file);
  return keyId;
}

const demoToken = (): string => demoSecrets().token;

/** `npm run serve`, started as a process of its own beside the demo's worker, on the port chosen for it before the stack (the Web UI decodes through it). */
async function startDemoService(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const service = new GuardedProcess('service', 'env', [`SHOPSYNC_STACK_FILE=${STACK_FILE}`, `SHOPSYNC_SERVICE_PORT=${port}`, process.execPath, require.resolve('tsx/cli'), 'src/serve.ts'], { cwd: PROJECT_ROOT });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(service, async () => (await fetch(`${url}/health`)).ok, 60_000);
  return { url, stop: () => service.stop() };
}

/** A few orders a day's trade would bring: paid web orders, one already fulfilled, one from a new buyer. */
async function seedDemoOrders(emulatorUrl: string, token: string): Promise<void> {
  const merchant = new Merchant(emulatorUrl, DEMO_SHOP, token);
  const shirts = await merchant.product('Organic T-shirt', [{ sku: 'TSHIRT-S', price: '19.90' }, { sku: 'TSHIRT-M', price: '19.90' }]);
  const mugs = await merchant.product('Enamel mug', [{ sku: 'MUG', price: '12.50', barcode: '3760001234567' }]);
  await merchant.webOrder([{ variantId: shirts['TSHIRT-S'] as string, quantity: 2 }, { variantId: mugs.MUG as string, quantity: 1 }], { email: 'camille@example.com' });
  await merchant.webOrder([{ variantId: shirts['TSHIRT-M'] as string, quantity: 1 }], { email: 'jules@example.com', fulfilled: true });
  await merchant.webOrder([{ variantId: mugs.MUG as string, quantity: 4 }], { email: 'new.buyer@example.com' });
  // A customer who signed up without ordering yet: the customers task brings her into the ERP.
  await merchant.graphql('mutation($i: CustomerInput!) { customerCreate(input: $i) { userErrors { message } } }', {
    i: { email: 'lea.petit@example.com', firstName: 'Léa', lastName: 'Petit', addresses: [{ address1: '4 Place Bellecour', city: 'Lyon', zip: '69002', countryCode: 'FR' }] },
  });
}

async function seedDemoErp(client: ShopSyncClient): Promise<void> {
  const erp = client.erpStore;
  if (!(await erp.items.get('TSHIRT'))) {
    await erp.items.upsert({
      no: 'TSHIRT', description: 'Organic T-shirt', unitPrice: '19.90', unitCost: '7.20', vatPercent: 20, extendedText: 'Organic cotton, made in Portugal', variants: [{ code: 'S' }, { code: 'M' }],
      prices: [{ priceGroup: 'HORECA', unitPrice: '15.90' }],
      stock: [{ locationCode: 'LYON', variantCode: 'S', quantity: 25 }, { locationCode: 'LYON', variantCode: 'M', quantity: 18, reserved: 3 }, { locationCode: 'PARIS', variantCode: 'S', quantity: 4 }],
    });
    await erp.items.upsert({
      no: 'MUG', description: 'Enamel mug', unitPrice: '12.50', unitCost: '4.10', vatPercent: 20, barcodes: [{ barcode: '3760001234567' }],
      prices: [{ priceGroup: 'HORECA', unitPrice: '9.90' }],
      stock: [{ locationCode: 'LYON', quantity: 40 }, { locationCode: 'PARIS', quantity: 6 }],
    });
    await erp.pictures.set('TSHIRT', null, DEMO_PICTURES.green, 'image/png', 'tshirt.png');
    await erp.pictures.set('MUG', null, DEMO_PICTURES.blue, 'image/png', 'mug.png');
  }
  await erp.customers.upsert('C00010', { name: 'Camille Martin', email: 'camille@example.com' });
  await erp.customers.upsert('C00011', { name: 'Jules Bernard', email: 'jules@example.com' });
  if (!(await erp.customers.get('C00012'))) {
    await erp.customers.upsert('C00012', { name: 'Nina Roux', contact: 'Nina Roux', email: 'nina.roux@example.com', address: { firstName: 'Nina', lastName: 'Roux', company: null, address1: '8 Quai Saint-Antoine', address2: null, city: 'Lyon', zip: '69002', provinceCode: null, countryCode: 'FR', phone: null } });
  }
}

async function seedDemoShop(emulatorUrl: string, token: string): Promise<void> {
  const admin = new EmulatorAdmin(emulatorUrl);
  if (await admin.hasShop(DEMO_SHOP)) {
    // B2B needs Plus (demo stores made before B2B were Advanced); webhooks are signed with the demo's secret.
    await admin.updateShop(DEMO_SHOP, { plan: 'plus', apiSecret: demoSecrets().webhookSecret });
    return;
  }
  await admin.createShop({
    domain: DEMO_SHOP,
    token,
    apiSecret: demoSecrets().webhookSecret,
    plan: 'plus',
    name: 'Demo Store',
    currencyCode: 'EUR',
    ianaTimezone: 'Europe/Paris',
    locations: [
      { name: 'Main warehouse', address1: '1 Rue du Dépôt', city: 'Lyon', zip: '69001', countryCode: 'FR' },
      { name: 'Paris shop', address1: '10 Rue de Rivoli', city: 'Paris', zip: '75001', countryCode: 'FR' },
      { name: 'Old depot', city: 'Lille', countryCode: 'FR', isActive: false },
    ],
  });
  await seedDemoOrders(emulatorUrl, token);
}

/**
 * B2B (Shopify Plus): a company with a location and a catalog whose price list still has last
 * year's prices; the companies task links the company to a new ERP customer, the catalogs task brings
 * the catalog in, and the catalog prices task sends the ERP's B2B prices. Made once per demo store.
 */
async function seedDemoB2b(emulatorUrl: string, token: string): Promise<void> {
  const admin = new EmulatorAdmin(emulatorUrl);
  const merchant = new Merchant(emulatorUrl, DEMO_SHOP, token);
  const known = await merchant.graphql<{ companies: { nodes: unknown[] } }>('{ companies(first: 1) { nodes { id } } }');
  if (known.companies.nodes.length) return;
  const [company] = await admin.seedCompanies(DEMO_SHOP, [
    { name: 'Café Lumière', externalId: 'CAFE-LUMIERE', contact: { email: 'achats@cafe-lumiere.example.com', firstName: 'Inès', lastName: 'Moreau' }, locations: [{ name: 'Café Lumière Croix-Rousse', taxRegistrationId: 'FR40303265045', billingAddress: { address1: '12 Rue d\'Austerlitz', city: 'Lyon', zip: '69004', countryCode: 'FR' } }] },
  ]);
  const products = await merchant.graphql<{ products: { nodes: Array<{ id: string; variants: { nodes: Array<{ id: string }> } }> } }>('{ products(first: 10) { nodes { id variants(first: 10) { nodes { id } } } } }');
  await admin.seedCatalogs(DEMO_SHOP, [
    {
      type: 'COMPANY_LOCATION', title: 'Cafés et restaurants', currency: 'EUR', companyLocationIds: company?.locations.map((l) => l.id) ?? [], productIds: products.products.nodes.map((p) => p.id),
      fixedPrices: products.products.nodes.flatMap((p) => p.variants.nodes).map((v) => ({ variantId: v.id, price: '9.99' })),
    },
  ]);
}

/** The catalog prices B2B customers pay: the HORECA price group, synced. Answers how many prices went out. */
async function priceDemoCatalogs(client: ShopSyncClient): Promise<number> {
  await client.runTask({ shop: DEMO_SHOP, task: 'companies', wait: true });
  await client.runTask({ shop: DEMO_SHOP, task: 'catalogs', wait: true });
  for (const catalog of await client.catalogs.list(DEMO_SHOP)) {
    if (!catalog.settings.syncPrices) await client.configureCatalog(DEMO_SHOP, catalog.shopifyId, { syncPrices: true, customerPriceGroup: 'HORECA' });
  }
  const run = await client.runTask({ shop: DEMO_SHOP, task: 'catalogPrices', wait: true });
  return 'result' in run ? ((run.result as { sent?: number }).sent ?? 0) : 0;
}

/** Two 1×1 PNG pictures for the demo's items. */
const DEMO_PICTURES = {
  green: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  blue: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
};

/**
 * Links the emulator's products to the ERP items ("add items" finds their SKUs and links instead of
 * duplicating), sends them once, then raises the mug's ERP price: the products schedule carries the
 * change to Shopify on its next run, and the status line shows it arrive.
 */
async function linkDemoProducts(client: ShopSyncClient): Promise<void> {
  await client.addItems({ shop: DEMO_SHOP, items: 'allUnlinked', wait: true });
  await client.runTask({ shop: DEMO_SHOP, task: 'products', wait: true });
  const mug = await client.erpStore.items.get('MUG');
  if (mug?.unitPrice === '12.50') await client.erpStore.items.update('MUG', { unitPrice: '13.90' });
}

/**
 * The main warehouse shows the ERP's LYON stock, the Paris shop its PARIS stock (free inventory);
 * stock and pictures go out once, then the mug's LYON stock drops: the inventory schedule sends it.
 */
async function stockDemoLocations(client: ShopSyncClient): Promise<void> {
  await client.locations.configure(DEMO_SHOP, 'Main warehouse', { stockCalculation: 'freeInventory', locationFilter: 'LYON' });
  await client.locations.configure(DEMO_SHOP, 'Paris shop', { stockCalculation: 'freeInventory', locationFilter: 'PARIS' });
  await client.runTask({ shop: DEMO_SHOP, task: 'inventory', wait: true });
  await client.runTask({ shop: DEMO_SHOP, task: 'images', wait: true });
  if ((await client.erpStore.stock.forItems([{ itemNo: 'MUG', variantCode: null }])).get('MUG|')?.find((s) => s.locationCode === 'LYON')?.onHand === 40) {
    await client.erpStore.stock.set('MUG', null, 'LYON', { onHand: 37 });
  }
}

/** The mug's price in Shopify and in the ERP, for the status line. */
async function mugPrices(client: ShopSyncClient, admin: EmulatorAdmin): Promise<string> {
  const [link] = await client.erpStore.products.linkedProducts(DEMO_SHOP, null, 1, ['MUG']);
  const erpPrice = (await client.erpStore.items.get('MUG'))?.unitPrice ?? '?';
  const shopifyPrice = link ? (await admin.getProduct(DEMO_SHOP, link.shopifyId)).variants[0]?.price : undefined;
  const shopifyStock = (await admin.inventoryLevels(DEMO_SHOP, 'MUG')).find((l) => l.locationName === 'Main warehouse')?.quantities.available;
  const erpStock = (await client.erpStore.stock.forItems([{ itemNo: 'MUG', variantCode: null }])).get('MUG|')?.find((s) => s.locationCode === 'LYON')?.onHand;
  return `mug ${shopifyPrice ?? '?'} in Shopify (ERP ${erpPrice}), ${shopifyStock ?? '?'} in the main warehouse (ERP ${erpStock ?? '?'})`;
}

/** Prints one status line whenever the demo shop's cues, schedules, lock or mug price change. */
async function showLiveStatus(client: ShopSyncClient, admin: EmulatorAdmin): Promise<never> {
  let last = '';
  for (;;) {
    const [status, schedules, lock, prices] = await Promise.all([
      client.getShopStatus(DEMO_SHOP, { limit: 1 }),
      client.schedules.list(DEMO_SHOP),
      client.lockState(DEMO_SHOP),
      mugPrices(client, admin),
    ]);
    const cues = Object.values(status.cues).filter((cue) => cue.count > 0).map((cue) => `${cue.title} ${cue.count}`);
    const next = schedules.map((s) => `${s.task} ${s.paused ? 'on hold' : `next ${s.nextRunAt?.toLocaleTimeString() ?? '-'}`}`);
    const line = `[status] ${cues.length ? cues.join(', ') : 'nothing needs attention'} | schedules: ${next.join(', ') || 'none'} | lock: ${lock?.holder ? `held by ${lock.holder.task}` : 'free'}${lock?.queue.length ? `, ${lock.queue.length} waiting` : ''} | ${prices}`;
    if (line !== last) console.log(`${new Date().toLocaleTimeString()} ${line}`);
    last = line;
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/**
 * The version of the workflows' histories the demo's state was written with. State from an earlier
 * version holds live workflows (every shop's lock) that the current code cannot replay; the demo
 * puts it aside and starts afresh rather than leave them stuck. (A real installation upgrades as the
 * README's "Development" section says.)
 */
const STATE_VERSION = '4'; // 4: the ERP's stock is one document per item (3: the emulator's products carry options and inventory items)
const STATE_VERSION_FILE = join(DATA_DIR, 'state-version');

function setAsideOldState(): void {
  const written = existsSync(STATE_VERSION_FILE) ? readFileSync(STATE_VERSION_FILE, 'utf8').trim() : undefined;
  if (written === STATE_VERSION || !existsSync(join(DATA_DIR, 'temporal.sqlite'))) return;
  const aside = `${DATA_DIR}.before-v${STATE_VERSION}-${Date.now()}`;
  renameSync(DATA_DIR, aside);
  console.log(`The demo's state in .data/ was written by an earlier version; it is kept in ${aside} and the demo starts afresh.`);
}

async function main(): Promise<void> {
  installProjectLogger(loadConfig(), { defaultLevel: 'WARN' });
  setAsideOldState();
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(STATE_VERSION_FILE, `${STATE_VERSION}\n`);
  const log = (line: string): void => console.log(`  ${line}`);
  const codecKeyId = demoCodecKeyId();
  // The Web UI is told where the service's codec endpoint is when it starts, so the service's port comes first.
  const servicePort = await freePort();
  const codecEndpoint = `http://127.0.0.1:${servicePort}/codec`;
  console.log('Starting the local stack (first start provisions the servers; later starts reuse them)...');
  const stack = await startStack({ dataDir: DATA_DIR, webUi: true, uiCodecEndpoint: codecEndpoint, log });
  const stackFile: StackFile = {
    temporalAddress: stack.temporalAddress,
    temporalNamespace: stack.temporalNamespace,
    temporalWebUi: stack.temporalWebUi,
    mongoUri: stack.mongoUri,
    emulatorUrl: stack.emulatorUrl,
    secretsFile: SECRETS_FILE,
  };
  writeFileSync(STACK_FILE, JSON.stringify(stackFile, null, 2));
  let worker: Awaited<ReturnType<typeof createSyncWorker>> | undefined;
  let client: ShopSyncClient | undefined;
  let service: Awaited<ReturnType<typeof startDemoService>> | undefined;
  const shutdown = async (): Promise<void> => {
    console.log('\nStopping...');
    rmSync(STACK_FILE, { force: true });
    await service?.stop().catch(() => undefined);
    await worker?.shutdown().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  try {
    await seedDemoShop(stack.emulatorUrl, demoToken());
    const config = loadConfig({ ...process.env, SHOPSYNC_STACK_FILE: STACK_FILE });
    client = await ShopSyncClient.connect(config);
    await seedDemoErp(client);
    const demoSettings = {
      allowBackgroundSyncs: true,
      autoCreateOrders: true,
      autoCreateUnknownCustomers: true,
      customerImportFromShopify: 'allCustomers',
      customerTemplateCode: 'RETAIL',
      companyImportFromShopify: 'allCompanies',
      autoCreateUnknownCompanies: true,
      skuMapping: 'itemNoAndVariantCode',
      skuFieldSeparator: '-',
      shippingChargesAccount: '7190',
      returnAndRefundProcess: 'autoCreateCreditMemo',
      refundAccount: '6100',
      refundAccountNonRestockItems: '6110',
      syncItem: 'toShopify',
      canUpdateShopifyProducts: true,
      inventoryTracked: true,
      syncItemImages: 'toShopify',
      schedules: {
        refreshShopInfo: { every: '10m' },
        orders: { every: '1m' },
        postSalesDocuments: { every: '5m' },
        postSalesInvoices: { every: '5m' },
        postCreditMemos: { every: '5m' },
        shipments: { every: '5m' },
        products: { every: '1m' },
        inventory: { every: '1m' },
        images: { every: '5m' },
        payments: { every: '1h' },
        customers: { every: '5m' },
        companies: { every: '5m' },
        catalogs: { every: '1h' },
        catalogPrices: { every: '15m' },
      },
    };
    if (await client.shops.find(DEMO_SHOP)) await client.updateShop(DEMO_SHOP, demoSettings);
    else await client.addShop({ domain: DEMO_SHOP, ...demoSettings });
    worker = await createSyncWorker({ config });
    void worker.run();
    service = await startDemoService(servicePort);
    writeFileSync(STACK_FILE, JSON.stringify({ ...stackFile, serviceUrl: service.url, statusUrl: `${service.url}/` }, null, 2));
    await client.runTask({ shop: DEMO_SHOP, task: 'webhooks', options: { url: `${service.url}/webhooks` }, wait: true });
    const run = await client.runTask({ shop: DEMO_SHOP, task: 'refreshShopInfo', wait: true });
    const imported = await client.runTask({ shop: DEMO_SHOP, task: 'orders', wait: true });
    await linkDemoProducts(client);
    await stockDemoLocations(client);
    await client.addCustomers({ shop: DEMO_SHOP, customerNos: ['C00012'], wait: true });
    await seedDemoB2b(stack.emulatorUrl, demoToken());
    const catalogPricesSent = await priceDemoCatalogs(client);
    const record = await client.shops.get(DEMO_SHOP);
    const locations = await client.locations.list(DEMO_SHOP);
    console.log('');
    console.log(`Temporal Web UI   ${stack.temporalWebUi ?? '(headless)'}`);
    console.log(`Payloads          encrypted (AES-256-GCM, key "${codecKeyId}" in .data/secrets.json); the Web UI decodes them through ${codecEndpoint}`);
    console.log(`Status page       ${service.url}/   (what needs attention, per shop; JSON: ${service.url}/api/shops)`);
    console.log(`Temporal gRPC     ${stack.temporalAddress}   (temporal --address ${stack.temporalAddress} workflow list; add --codec-endpoint ${codecEndpoint} to read payloads)`);
    console.log(`MongoDB (FerretDB) ${stack.mongoUri}`);
    console.log(`Shopify emulator  ${stack.emulatorUrl}`);
    console.log(`Service           ${service.url}   (webhooks: POST ${service.url}/webhooks; the demo shop is subscribed)`);
    console.log(`First run         ${run.webUiUrl ?? run.workflowId}`);
    console.log('');
    console.log(`Status: ${DEMO_SHOP} "${record.shopInfo?.name}" (${record.shopInfo?.planDisplayName}, ${record.shopInfo?.currencyCode}, ` +
      `${record.shopInfo?.ianaTimezone}): ${locations.filter((l) => l.active).length} active of ${locations.length} locations; ` +
      `shop info refreshed ${record.shopInfo?.refreshedAt.toISOString()}`);
    console.log(`Orders: ${JSON.stringify(imported.result)}`);
    console.log('Products: linked to the ERP items; the mug\'s ERP price went from 12.50 to 13.90 and reaches Shopify with the next products run (every minute).');
    console.log('Stock and pictures: sent once; the mug\'s LYON stock went from 40 to 37 and reaches the main warehouse with the next inventory run (every minute).');
    console.log(`Customers and B2B: customers imported and C00012 added to Shopify; company "Café Lumière" linked; its catalog got ${catalogPricesSent} ERP prices (HORECA group). Try: npx shopsync catalogs list --shop ${DEMO_SHOP}`);
    console.log(`Running. Open the status page, or try \`npx shopsync status ${DEMO_SHOP}\` in another terminal. Ctrl-C stops everything.`);
    await showLiveStatus(client, new EmulatorAdmin(stack.emulatorUrl));
  } catch (error) {
    console.error(error instanceof MissingToolchainError ? error.message : error);
    await shutdown();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

