import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core' with { 'resolution-mode': 'import' };
import { ShopSyncClient } from '../../src/client';
import { PROJECT_ROOT } from '../../src/config';
import { connectErp, type Erp } from '../../src/erp/db';
import { startService } from '../../src/serve';
import { emulatedShop, testConfig, testWorker } from '../support/stack';

/** Screenshots land here (git-ignored), for people to look at. */
const SCREENSHOTS = join(PROJECT_ROOT, 'test-screenshots');
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to drive: CHROME_PATH, or the first Chromium or Chrome on the PATH. */
function findBrowser(): string {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
    return process.env.CHROME_PATH;
  }
  for (const name of BROWSERS) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error(
    'npm run test:browser needs Chromium or Chrome and found none. Install the system package (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome binary.',
  );
}

/** The status page in a real headless browser: the overview, a drill-down, an action with its confirmation, live counts. */
describe('status page in a browser', () => {
  let browser: Browser;
  let page: Page;
  let client: ShopSyncClient;
  let erp: Erp;
  let service: Awaited<ReturnType<typeof startService>>;
  let shop: string;

  before(async function () {
    const executablePath = findBrowser();
    const config = { ...(await testConfig()), temporalWebUi: 'http://127.0.0.1:8233' };
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    service = await startService({ ...config, servicePort: 0 }, { secrets: { webhookSecretFor: () => undefined }, log: () => undefined });
    shop = (await emulatedShop('browser')).domain;
    await client.addShop({ domain: shop, allowBackgroundSyncs: true, schedules: { refreshShopInfo: { every: '1h' } } });
    await erp.db.collection<{ _id: string } & Record<string, unknown>>('salesShipments').insertOne({
      _id: `PS-BROWSER-${shop}`, shop, shopifyOrderId: 'gid://shopify/Order/7001', shopifyOrderName: '#7001', fulfillment: { state: 'error', error: 'Shopify: the location is not active', at: new Date() },
    });
    await erp.skipped.record(shop, 'item', 'BLOCKED-1', 'blocked item: price not synced');
    mkdirSync(SCREENSHOTS, { recursive: true });
    // puppeteer-core is an ES module; this test file is CommonJS.
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
  });

  after(async () => {
    await browser?.close();
    await service?.close();
    await client?.close();
    await erp?.close();
  });

  const countOf = (cue: string) => page.$eval(`[data-count="${shop}|${cue}"]`, (element) => element.textContent);

  it('shows the shops overview with the cues that need attention, and saves a screenshot', async () => {
    await page.goto(`${service.url}/`, { waitUntil: 'networkidle2' });
    assert.equal(await page.$eval('h1', (element) => element.textContent), 'Shops');
    assert.equal(await countOf('shipmentErrors'), '1');
    const attention = await page.$eval(`[data-attention="${shop}"]`, (element) => element.textContent ?? '');
    assert.match(attention, /Needs attention: Shipment errors \(1\), Skipped records \(1\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
  });

  it('drills down into shipment errors from the overview, by keyboard, and saves a screenshot', async () => {
    // Tab to the cue's link and follow it with Enter: the page works without a mouse.
    await page.focus(`a[href$="/cues/shipmentErrors"]`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(await page.$eval('h1', (element) => element.textContent), 'Shipment errors');
    assert.match(await page.$eval('table.records', (element) => element.textContent ?? ''), /Shopify: the location is not active/);
    await page.screenshot({ path: join(SCREENSHOTS, 'drill-down.png'), fullPage: true });
  });

  it('retries the errored shipment after a confirmation; the shipment is back in line in the ERP', async () => {
    await Promise.all([page.waitForNavigation(), page.click('table.records a.button')]);
    assert.match(await page.$eval('main', (element) => element.textContent ?? ''), /Send shipment PS-BROWSER-.* to Shopify again/);
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm.png') });
    await Promise.all([page.waitForNavigation(), page.click('form.confirm button[type="submit"]')]);
    assert.match(await page.$eval('.notice', (element) => element.textContent ?? ''), /1 shipment\(s\) will be sent again/);
    const shipment = await erp.db.collection<{ _id: string; fulfillment: { state: string } }>('salesShipments').findOne({ _id: `PS-BROWSER-${shop}` });
    assert.equal(shipment?.fulfillment.state, 'unprocessed');
  });

  it('updates a count without a reload when the records change', async () => {
    await page.goto(`${service.url}/shops/${encodeURIComponent(shop)}`, { waitUntil: 'networkidle2' });
    await page.evaluate('window.loadedOnce = true');
    assert.equal(await countOf('skippedRecords'), '1');
    await erp.skipped.record(shop, 'item', 'BLOCKED-2', 'blocked item: no price');
    await page.waitForFunction(`document.querySelector('[data-count="${shop}|skippedRecords"]')?.textContent === '2'`, { timeout: 30_000 });
    assert.equal(await page.evaluate('window.loadedOnce'), true, 'the same page, not a reload');
  });

  it('reads on a phone-sized screen without sideways scrolling, and saves a screenshot', async () => {
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await page.goto(`${service.url}/`, { waitUntil: 'networkidle2' });
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-phone.png'), fullPage: true });
  });
});
