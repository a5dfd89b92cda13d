import assert from 'node:assert/strict';
import { ShopSyncClient, TaskRunFailedError } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { shopKey } from '../../src/erp/keys';
import { DEFAULT_LOCK_GROUP, lockId } from '../../src/domain/tasks';
import { startService } from '../../src/serve';
import { UnsafeBindingError } from '../../src/service/access';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, testConfig, testWorker } from '../support/stack';

const WEB_UI = 'http://127.0.0.1:8233';

/** The status page and the JSON API of the HTTP service, over HTTP, against the real stack. */
describe('status page and JSON API', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  let service: Awaited<ReturnType<typeof startService>>;
  let shop: string;
  let shopToken: string;
  let quietShop: string;

  before(async () => {
    const config = { ...(await testConfig()), temporalWebUi: WEB_UI };
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    service = await startService({ ...config, servicePort: 0 }, { secrets: { webhookSecretFor: () => undefined }, log: () => undefined });
    const busy = await emulatedShop('status-page');
    shop = busy.domain;
    shopToken = busy.token;
    await client.addShop({ domain: shop, allowBackgroundSyncs: false, schedules: { refreshShopInfo: { every: '1h' }, orders: { every: '1h' } } });
    await client.schedules.pause(shop, 'orders', 'holiday');
    // The cues' records as the tasks leave them: an order that could not be processed, 30 skipped
    // items (two pages), an order edited after processing, a shipment Shopify refused.
    const db = erp.db;
    await db.collection<{ _id: string } & Record<string, unknown>>('shopifyOrders').insertMany([
      { _id: shopKey(shop, 'gid://shopify/Order/9001'), shop, shopifyId: 'gid://shopify/Order/9001', name: '#9001', processed: false, error: { message: 'item SKU-9 not found', at: new Date() } },
      { _id: shopKey(shop, 'gid://shopify/Order/9002'), shop, shopifyId: 'gid://shopify/Order/9002', name: '#9002', processed: true, orderStateConflict: true, conflict: { message: 'edited after processing', at: new Date() } },
    ]);
    for (let i = 0; i < 30; i += 1) await erp.skipped.record(shop, 'item', `ITEM-${String(i).padStart(2, '0')}`, `blocked item <b>${i}</b>`);
    await db.collection<{ _id: string } & Record<string, unknown>>('salesShipments').insertOne({
      _id: `PS-STATUS-${shop}`, shop, shopifyOrderId: 'gid://shopify/Order/9002', shopifyOrderName: '#9002', fulfillment: { state: 'error', error: 'Shopify: location is not active', at: new Date() },
    });
    // A failed run: the shop's token was revoked.
    await (await emulatorAdmin()).updateShop(shop, { token: 'shpat_revoked_for_status' });
    await assert.rejects(client.runTask({ shop, task: 'refreshShopInfo' }), TaskRunFailedError);
    await (await emulatorAdmin()).updateShop(shop, { token: shopToken });
    await eventually('the failed run in visibility', async () => ((await client.listFailures({ shop })).length ? true : undefined));
    quietShop = (await emulatedShop('status-quiet')).domain;
    await client.addShop({ domain: quietShop, allowBackgroundSyncs: false });
  });

  after(async () => {
    await service?.close();
    await client?.close();
    await erp?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${service.url}${path}`, { headers, redirect: 'manual' });
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${service.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: service.url, ...headers }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
  const rows = (page: string) => page.match(/<tr><th scope="row">/g)?.length ?? 0;
  const shopPath = (domain: string) => `/shops/${encodeURIComponent(domain)}`;

  describe('JSON API', () => {
    it('GET /api/shops lists every shop with its cue counts and what needs attention', async () => {
      const response = await get('/api/shops');
      assert.equal(response.status, 200);
      const { shops } = (await response.json()) as { shops: Array<{ shop: string; needsAttention: string[]; counts: Record<string, number> }> };
      const busy = shops.find((s) => s.shop === shop);
      assert.deepEqual(busy?.needsAttention, ['unprocessedOrders', 'unprocessedOrderUpdates', 'shipmentErrors', 'skippedRecords', 'synchronizationErrors']);
      assert.equal(busy?.counts.skippedRecords, 30);
      assert.deepEqual(shops.find((s) => s.shop === quietShop)?.needsAttention, []);
    });

    it('GET /api/shops/<shop>/status answers what shopsync status --json prints', async () => {
      const response = await get(`/api/shops/${shop}/status`);
      assert.equal(response.status, 200);
      const expected = JSON.parse(JSON.stringify(await client.getShopStatus(shop, { limit: 5, sinceDays: 7 }))) as unknown;
      assert.deepEqual(await response.json(), expected);
    });

    it('GET /api/shops/<shop>/cues/<cue> pages through a cue, each record linked to its runs in the Web UI', async () => {
      const second = (await (await get(`/api/shops/${shop}/cues/skippedRecords?page=2&pageSize=25`)).json()) as { count: number; page: number; pages: number; items: Array<{ error: string; webUiUrl: string }> };
      assert.deepEqual([second.count, second.page, second.pages, second.items.length], [30, 2, 2, 5]);
      assert.ok(second.items[0]?.webUiUrl.startsWith(`${WEB_UI}/namespaces/default/workflows?query=`));
      assert.match(decodeURIComponent(second.items[0]?.webUiUrl ?? ''), new RegExp(`ShopDomain = '${shop.replace(/\./g, '\\.')}' AND StartTime <=`));
    });

    it('POST /api/shops/<shop>/runs starts the run and answers its id and Web UI link; the run completes', async () => {
      const response = await postJson(`/api/shops/${quietShop}/runs`, { task: 'refreshShopInfo' });
      assert.equal(response.status, 202);
      const run = (await response.json()) as { workflowId: string; runId: string; joined: boolean; webUiUrl: string };
      assert.equal(run.workflowId, `run:${quietShop}:refreshShopInfo`);
      assert.equal(run.webUiUrl, `${WEB_UI}/namespaces/default/workflows/${encodeURIComponent(run.workflowId)}/${run.runId}/history`);
      await client.temporal.workflow.getHandle(run.workflowId, run.runId).result();
      assert.ok((await client.shops.get(quietShop)).shopInfo, 'the run refreshed the shop info in the ERP store');
    });

    it('answers 400 naming the field for bad run requests, with the CLI messages, and 404 for an unknown shop or cue', async () => {
      const cases: Array<[unknown, string, RegExp]> = [
        [{ task: 'nope' }, 'task', /unknown task "nope"; tasks: refreshShopInfo, /],
        [{}, 'task', /task: missing/],
        [{ task: 'orders', filters: [1] }, 'filters', /filters: must be a JSON object/],
        [{ task: 'orders', options: 'x' }, 'options', /options: must be a JSON object/],
        [{ task: 'orders', colour: 'red' }, 'colour', /colour: is not a field of a run request/],
        ['{not json', 'body', /body: is not valid JSON/],
      ];
      for (const [body, field, message] of cases) {
        const response = await postJson(`/api/shops/${shop}/runs`, body);
        const answer = (await response.json()) as { error: string; field?: string };
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(answer.field, field);
        assert.match(answer.error, message);
      }
      const invalidFilter = await postJson(`/api/shops/${shop}/runs`, { task: 'orders', filters: { createdAtFrom: 'yesterday' } });
      assert.equal(invalidFilter.status, 400);
      assert.match(((await invalidFilter.json()) as { error: string }).error, /Invalid input for orders: filters/);
      const notJson = await fetch(`${service.url}/api/shops/${shop}/runs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"task":"orders"}' });
      assert.equal(notJson.status, 400);
      assert.equal(((await notJson.json()) as { field: string }).field, 'content-type');
      assert.equal((await get('/api/shops/unknown-shop.myshopify.com/status')).status, 404);
      assert.equal((await postJson('/api/shops/unknown-shop.myshopify.com/runs', { task: 'orders' })).status, 404);
      assert.equal((await get(`/api/shops/${shop}/cues/noSuchCue`)).status, 404);
      const badPage = await get(`/api/shops/${shop}/cues/skippedRecords?page=0`);
      assert.equal(badPage.status, 400);
      assert.equal(((await badPage.json()) as { field: string }).field, 'page');
    });
  });

  describe('pages', () => {
    /** The overview pages that show these shops (ten shops a page, in the shops' order; other test files add shops too). */
    async function overviewOf(...domains: string[]): Promise<string> {
      const order = (await client.shops.list()).map((record) => record.settings.domain);
      const pages = [...new Set(domains.map((domain) => Math.floor(order.indexOf(domain) / 10) + 1))];
      let text = '';
      for (const n of pages) {
        const response = await get(`/?page=${n}`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/);
        text += await response.text();
      }
      return text;
    }

    it('the overview shows each shop: cues with counts, nothing-needs-attention, the lock, schedules on hold, failed runs', async () => {
      const page = await overviewOf(shop, quietShop);
      assert.match(page, new RegExp(`<h2 id="shop-[^"]+"><a href="${shopPath(shop)}">${shop}</a>`));
      assert.match(page, new RegExp(`data-attention="${quietShop}">✓ Nothing needs attention\\.`));
      assert.match(page, new RegExp(`data-attention="${shop}">⚠ Needs attention: <a href="${shopPath(shop)}/cues/unprocessedOrders">Unprocessed orders \\(1\\)</a>`));
      assert.match(page, new RegExp(`data-count="${shop}\\|skippedRecords">30<`));
      assert.match(page, new RegExp(`data-lock="${shop}">Free\\.`));
      assert.match(page, /<th scope="row">orders<\/th><td><strong>On hold<\/strong> \(holiday\)/);
      assert.match(page, /<th scope="row">refreshShopInfo<\/th><td>Active/);
      assert.match(page, /refused the access token/);
      assert.ok(!page.includes(shopToken) && !page.includes('shpat_'), 'no token reaches the page');
    });

    it('shows a shop whose lock workflow no worker answers, from the ERP store\'s picture of the lock, instead of failing', async () => {
      const stranded = (await emulatedShop('status-stranded')).domain;
      await client.addShop({ domain: stranded });
      // A lock workflow on a task queue nobody polls: it is running, but its state query cannot be answered.
      const handle = await client.temporal.workflow.start('shopLock', { taskQueue: `nobody-polls-${Date.now()}`, workflowId: lockId(stranded, DEFAULT_LOCK_GROUP), args: [{}] });
      try {
        const response = await get(shopPath(stranded));
        assert.equal(response.status, 200);
        assert.match(await response.text(), new RegExp(`data-lock="${stranded}">Free \\(no task has asked for it yet\\)`));
      } finally {
        await handle.terminate('test over');
      }
    });

    it('pages the overview ten shops at a time, in the shops\' order', async () => {
      for (let i = 0; i < 11; i += 1) await client.addShop({ domain: `status-many-${i}-${Date.now().toString(36)}.myshopify.com` });
      const domains = (await client.shops.list()).map((record) => record.settings.domain);
      const pages = Math.ceil(domains.length / 10);
      const shownOn = async (n: number) => [...(await (await get(`/?page=${n}`)).text()).matchAll(/<section class="shop" [^>]*data-shop="([^"]+)"/g)].map((match) => match[1] as string);
      const first = await (await get('/')).text();
      assert.match(first, new RegExp(`Page 1 of ${pages} \\(${domains.length} shops\\)`));
      assert.deepEqual(await shownOn(1), domains.slice(0, 10));
      assert.deepEqual(await shownOn(pages), domains.slice((pages - 1) * 10));
      assert.equal((await get('/?page=0')).status, 400);
    });

    it('the drill-down lists a cue\'s records with their errors, escaped, 25 a page, with Web UI links', async () => {
      const first = await (await get(`${shopPath(shop)}/cues/skippedRecords`)).text();
      assert.equal(rows(first), 25);
      assert.match(first, /<h1>Skipped records<\/h1>/);
      assert.match(first, /blocked item &lt;b&gt;29&lt;\/b&gt;/, 'record text is escaped');
      assert.ok(!first.includes('<b>29</b>'));
      assert.match(first, /Page 1 of 2/);
      assert.match(first, /href="http:\/\/127\.0\.0\.1:8233\/namespaces\/default\/workflows\?query=/);
      const second = await (await get(`${shopPath(shop)}/cues/skippedRecords?page=2`)).text();
      assert.equal(rows(second), 5);
      const orders = await (await get(`${shopPath(shop)}/cues/unprocessedOrders`)).text();
      assert.match(orders, /#9001[\s\S]*item SKU-9 not found/);
      const failures = await (await get(`${shopPath(shop)}/cues/synchronizationErrors`)).text();
      assert.match(failures, /refreshShopInfo[\s\S]*refused the access token[\s\S]*\/workflows\/run%3A/);
      assert.equal((await get(`${shopPath(shop)}/cues/noSuchCue`)).status, 404);
      assert.equal((await get('/shops/unknown-shop.myshopify.com')).status, 404);
    });

    it('an action asks for confirmation first, then runs through the client: run now, pause and resume a schedule', async () => {
      const confirm = await (await get(`${shopPath(quietShop)}/confirm?action=run&task=refreshShopInfo`)).text();
      assert.match(confirm, /Run refreshShopInfo now for/);
      assert.match(confirm, /<form method="post" action="[^"]+\/actions"/);
      const runResponse = await postForm(`${shopPath(quietShop)}/actions`, { action: 'run', task: 'refreshShopInfo' });
      assert.equal(runResponse.status, 303);
      const location = new URL(runResponse.headers.get('location') ?? '', service.url);
      assert.equal(location.pathname, shopPath(quietShop));
      assert.match(location.searchParams.get('done') ?? '', /^(Started a|Joined the) refreshShopInfo run/);
      const description = await client.temporal.workflow.getHandle(`run:${quietShop}:refreshShopInfo`).describe();
      assert.ok(['RUNNING', 'COMPLETED'].includes(description.status.name));
      const shopPage = await (await get(`${location.pathname}${location.search}`)).text();
      assert.match(shopPage, /<p class="notice" role="status">(Started a|Joined the) refreshShopInfo run/);

      assert.equal((await postForm(`${shopPath(shop)}/actions`, { action: 'resume', task: 'orders' })).status, 303);
      assert.equal((await client.schedules.list(shop)).find((s) => s.task === 'orders')?.paused, false);
      assert.equal((await postForm(`${shopPath(shop)}/actions`, { action: 'pause', task: 'orders' })).status, 303);
      assert.equal((await client.schedules.list(shop)).find((s) => s.task === 'orders')?.paused, true);
      assert.equal((await postForm(`${shopPath(quietShop)}/actions`, { action: 'pause', task: 'orders' })).status, 404, 'no such schedule');
      assert.equal((await get(`${shopPath(shop)}/confirm?action=explode`)).status, 400);
    });

    it('retrying an errored shipment and accepting an order conflict change the ERP records; a cross-site post changes nothing', async () => {
      const shipmentId = `PS-STATUS-${shop}`;
      const shipmentState = async () => ((await erp.db.collection<{ _id: string; fulfillment: { state: string } }>('salesShipments').findOne({ _id: shipmentId }))?.fulfillment.state);
      const forged = await postForm(`${shopPath(shop)}/actions`, { action: 'retryShipments', shipment: shipmentId }, { origin: 'https://evil.example.com' });
      assert.equal(forged.status, 403);
      assert.equal(await shipmentState(), 'error');
      const errors = await (await get(`${shopPath(shop)}/cues/shipmentErrors`)).text();
      assert.match(errors, /Shopify: location is not active/);
      assert.match(errors, /action=retryShipments&amp;shipment=PS-STATUS-/);
      assert.equal((await postForm(`${shopPath(shop)}/actions`, { action: 'retryShipments', shipment: shipmentId })).status, 303);
      assert.equal(await shipmentState(), 'unprocessed');
      assert.equal((await postForm(`${shopPath(shop)}/actions`, { action: 'resolveConflict', order: 'gid://shopify/Order/9002' })).status, 303);
      assert.equal((await erp.db.collection('shopifyOrders').findOne({ shop, shopifyId: 'gid://shopify/Order/9002' }))?.orderStateConflict, false);
    });

    it('the live events stream sends the state, then a change when a count changes', async () => {
      const controller = new AbortController();
      const response = await fetch(`${service.url}/events?shop=${encodeURIComponent(quietShop)}`, { signal: controller.signal });
      assert.equal(response.headers.get('content-type'), 'text/event-stream');
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let text = '';
      const waitFor = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${pattern}`);
          text += new TextDecoder().decode(value);
        }
      };
      await waitFor(/event: state\ndata: .*"skippedRecords":0/);
      await erp.skipped.record(quietShop, 'item', 'LIVE-1', 'blocked for the live test');
      await waitFor(/event: change\ndata: .*"skippedRecords":1/);
      controller.abort();
    });
  });

  describe('access', () => {
    it('refuses to listen beyond loopback without credentials', async () => {
      await assert.rejects(startService({ ...(await testConfig()), servicePort: 0, serviceHost: '0.0.0.0' }, { log: () => undefined }), UnsafeBindingError);
    });

    it('with a token configured, the page, the API and the events need it (401 without); health and webhooks do not', async () => {
      const token = 'status-token-0123456789abcdef';
      const guarded = await startService({ ...(await testConfig()), servicePort: 0, serviceToken: token, serviceBasicAuth: 'ops:correct-horse' }, { secrets: { webhookSecretFor: () => undefined }, log: () => undefined });
      try {
        for (const path of ['/', `${shopPath(shop)}`, '/api/shops', `/api/shops/${shop}/status`, '/events', '/assets/status.js']) {
          const response = await fetch(`${guarded.url}${path}`);
          assert.equal(response.status, 401, path);
          assert.match(response.headers.get('www-authenticate') ?? '', /^Basic /);
        }
        const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
        assert.equal((await fetch(`${guarded.url}/api/shops`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
        const page = `${guarded.url}${shopPath(quietShop)}`;
        assert.equal((await fetch(page, { headers: { authorization: basic(`anyone:${token}`) } })).status, 200);
        assert.equal((await fetch(page, { headers: { authorization: basic('ops:correct-horse') } })).status, 200);
        assert.equal((await fetch(page, { headers: { authorization: basic('ops:wrong-horse') } })).status, 401);
        assert.equal((await fetch(`${guarded.url}/api/shops`, { headers: { authorization: 'Bearer wrong' } })).status, 401);
        assert.equal((await fetch(`${guarded.url}/health`)).status, 200);
        const webhook = await fetch(`${guarded.url}/webhooks`, { method: 'POST', headers: { 'x-shopify-shop-domain': shop }, body: '{}' });
        assert.equal(((await webhook.json()) as { error: string }).error, 'no webhook secret configured for this shop', 'webhooks keep their own check (the HMAC)');
      } finally {
        await guarded.close();
      }
    });
  });
});
