import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '../support/eventually';
import { emulatedShop, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw GraphQL answers and webhook bodies, read as a client would */

interface Shop {
  domain: string;
  token: string;
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: any;
}

/** A stand-in for the app's webhook endpoint: records every POST; a path can be told to fail first, or to hold its answer. */
class Receiver {
  readonly received: Received[] = [];
  private readonly failures = new Map<string, number>();
  private readonly held = new Map<string, Array<() => void>>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const rawBody = Buffer.concat(chunks).toString('utf8');
        this.received.push({ path, headers: request.headers, rawBody, body: JSON.parse(rawBody) });
        const answer = () => {
          const failing = this.failures.get(path) ?? 0;
          if (failing > 0) this.failures.set(path, failing - 1);
          response.writeHead(failing > 0 ? 500 : 200).end();
        };
        const holds = this.held.get(path);
        if (holds) holds.push(answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failNext(path: string, times: number): void {
    this.failures.set(path, times);
  }

  hold(path: string): void {
    this.held.set(path, []);
  }

  release(path: string): void {
    for (const answer of this.held.get(path) ?? []) answer();
    this.held.delete(path);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const SUBSCRIPTION_FIELDS = 'id legacyResourceId topic uri callbackUrl format name includeFields apiVersion { handle } endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } createdAt updatedAt';
const CREATE = `mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { webhookSubscription { ${SUBSCRIPTION_FIELDS} } userErrors { field message } } }`;
const UPDATE = `mutation($id: ID!, $sub: WebhookSubscriptionInput!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: $sub) { webhookSubscription { ${SUBSCRIPTION_FIELDS} } userErrors { field message } } }`;
const DELETE = 'mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }';
const ORDER_CREATE = 'mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id legacyResourceId name } userErrors { field message } } }';
const ORDER_UPDATE = 'mutation($input: OrderInput!) { orderUpdate(input: $input) { order { id } userErrors { field message } } }';
const ORDER_CANCEL = 'mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: false) { job { id } orderCancelUserErrors { field message } } }';
const customLine = (sku: string, amount: string, quantity = 1) => ({ title: `Item ${sku}`, sku, quantity, priceSet: { shopMoney: { amount, currencyCode: 'USD' } } });

function verifies(secret: string, delivery: Received): boolean {
  const expected = createHmac('sha256', secret).update(delivery.rawBody, 'utf8').digest();
  const given = Buffer.from(String(delivery.headers['x-shopify-hmac-sha256']), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Webhook subscriptions and their deliveries, driven as an app drives Shopify: GraphQL with the shop's token, deliveries to a local HTTP endpoint. */
describe('emulator webhooks', () => {
  let url: string;
  const receiver = new Receiver();

  before(async () => {
    url = (await testStack()).emulatorUrl;
    await receiver.start();
  });

  after(() => receiver.stop());

  async function graphql(shop: Shop, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; data: any; errors?: any[] }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data: any; errors?: any[] }) };
  }

  async function admin(method: string, path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${url}/emulator/${path}`, { method });
    return { status: response.status, body: await response.json() };
  }

  async function secretOf(shop: Shop): Promise<string> {
    return (await admin('GET', `shops/${shop.domain}`)).body.shop.apiSecret as string;
  }

  async function subscribe(shop: Shop, topic: string, path: string, extra: Record<string, unknown> = {}) {
    const { data } = await graphql(shop, CREATE, { topic, sub: { uri: `${receiver.url}${path}`, ...extra } });
    assert.deepEqual(data.webhookSubscriptionCreate.userErrors, []);
    return data.webhookSubscriptionCreate.webhookSubscription;
  }

  async function createOrder(shop: Shop, sku: string) {
    const { data } = await graphql(shop, ORDER_CREATE, { order: { email: 'buyer@example.com', lineItems: [customLine(sku, '12.50', 2)] } });
    assert.deepEqual(data.orderCreate.userErrors, []);
    return data.orderCreate.order as { id: string; legacyResourceId: string; name: string };
  }

  const deliveredTo = (path: string, count: number) =>
    eventually(`${count} deliveries to ${path}`, async () => (receiver.at(path).length >= count ? receiver.at(path) : undefined));

  async function deliveries(shop: Shop): Promise<any[]> {
    return (await admin('GET', `shops/${shop.domain}/webhook-deliveries`)).body.deliveries;
  }

  it('webhookSubscriptionCreate keeps the subscription: uri (and the deprecated callbackUrl and endpoint), JSON, API version 2026-10; the list filters by topic and uri, node finds it', async () => {
    const shop = await emulatedShop('hooks-subs');
    const created = await subscribe(shop, 'ORDERS_CREATE', '/subs/create', { name: 'erp-orders' });
    await subscribe(shop, 'ORDERS_UPDATED', '/subs/updated');
    assert.match(created.id, /^gid:\/\/shopify\/WebhookSubscription\/\d+$/);
    assert.equal(created.topic, 'ORDERS_CREATE');
    assert.equal(created.uri, `${receiver.url}/subs/create`);
    assert.equal(created.callbackUrl, created.uri);
    assert.deepEqual(created.endpoint, { __typename: 'WebhookHttpEndpoint', callbackUrl: created.uri });
    assert.equal(created.format, 'JSON');
    assert.equal(created.name, 'erp-orders');
    assert.equal(created.apiVersion.handle, '2026-10');
    const byTopic = await graphql(shop, `query { webhookSubscriptions(first: 10, topics: [ORDERS_CREATE]) { nodes { id topic } } }`);
    assert.deepEqual(byTopic.data.webhookSubscriptions.nodes, [{ id: created.id, topic: 'ORDERS_CREATE' }]);
    const byUri = await graphql(shop, 'query($uri: String) { webhookSubscriptions(first: 10, uri: $uri) { nodes { topic } } }', { uri: `${receiver.url}/subs/updated` });
    assert.deepEqual(byUri.data.webhookSubscriptions.nodes, [{ topic: 'ORDERS_UPDATED' }]);
    const all = await graphql(shop, 'query { webhookSubscriptions(first: 10) { nodes { topic } } webhookSubscriptionsCount { count precision } }');
    assert.deepEqual(all.data.webhookSubscriptions.nodes.map((n: { topic: string }) => n.topic), ['ORDERS_CREATE', 'ORDERS_UPDATED']);
    assert.deepEqual(all.data.webhookSubscriptionsCount, { count: 2, precision: 'EXACT' });
    const node = await graphql(shop, 'query($id: ID!) { node(id: $id) { ... on WebhookSubscription { topic } } webhookSubscription(id: $id) { uri } }', { id: created.id });
    assert.deepEqual(node.data, { node: { topic: 'ORDERS_CREATE' }, webhookSubscription: { uri: created.uri } });
  });

  it('answers user errors for a blank, non-HTTPS or taken address and for an unknown id, and creates nothing', async () => {
    const shop = await emulatedShop('hooks-errors');
    await subscribe(shop, 'ORDERS_CREATE', '/errors/taken');
    const errorsOf = async (uri: string) => (await graphql(shop, CREATE, { topic: 'ORDERS_CREATE', sub: { uri } })).data.webhookSubscriptionCreate;
    const taken = await errorsOf(`${receiver.url}/errors/taken`);
    assert.equal(taken.webhookSubscription, null);
    assert.deepEqual(taken.userErrors, [{ field: ['webhookSubscription', 'callbackUrl'], message: 'Address for this topic has already been taken' }]);
    assert.deepEqual((await errorsOf('http://erp.example.com/hooks')).userErrors.map((e: { message: string }) => e.message), ['Address protocol http:// is not supported']);
    assert.deepEqual((await errorsOf('')).userErrors.map((e: { message: string }) => e.message), ["Address can't be blank"]);
    const unknown = 'gid://shopify/WebhookSubscription/999999';
    const update = await graphql(shop, UPDATE, { id: unknown, sub: { uri: 'https://erp.example.com/x' } });
    assert.deepEqual(update.data.webhookSubscriptionUpdate, { webhookSubscription: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] });
    const deleted = await graphql(shop, DELETE, { id: unknown });
    assert.deepEqual(deleted.data.webhookSubscriptionDelete, { deletedWebhookSubscriptionId: null, userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }] });
    const count = await graphql(shop, 'query { webhookSubscriptionsCount { count } }');
    assert.equal(count.data.webhookSubscriptionsCount.count, 1);
  });

  it('delivers orders/create, orders/updated (once per mutation) and orders/cancelled with the topic, shop, version, id headers and an HMAC of the raw body under the shop secret', async () => {
    const shop = await emulatedShop('hooks-orders');
    const secret = await secretOf(shop);
    await subscribe(shop, 'ORDERS_CREATE', '/orders/create');
    await subscribe(shop, 'ORDERS_UPDATED', '/orders/updated');
    await subscribe(shop, 'ORDERS_CANCELLED', '/orders/cancelled');
    const order = await createOrder(shop, 'HOOK-1');

    const [created] = await deliveredTo('/orders/create', 1);
    assert.ok(created);
    assert.equal(created.headers['x-shopify-topic'], 'orders/create');
    assert.equal(created.headers['x-shopify-shop-domain'], shop.domain);
    assert.equal(created.headers['x-shopify-api-version'], '2026-10');
    assert.match(String(created.headers['x-shopify-webhook-id']), /^[0-9a-f-]{36}$/);
    assert.match(String(created.headers['x-shopify-event-id']), /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(String(created.headers['x-shopify-triggered-at']))));
    assert.equal(created.headers['content-type'], 'application/json');
    assert.ok(verifies(secret, created), 'HMAC of the raw body with the shop secret');
    assert.ok(!verifies('shpss_someone_else', created));
    assert.equal(created.body.id, Number(order.legacyResourceId));
    assert.equal(created.body.admin_graphql_api_id, order.id);
    assert.equal(created.body.name, order.name);
    assert.equal(created.body.email, 'buyer@example.com');
    assert.equal(created.body.financial_status, 'pending');
    assert.equal(created.body.fulfillment_status, null);
    assert.equal(created.body.total_price, '25.00');
    assert.equal(created.body.cancelled_at, null);
    assert.deepEqual(created.body.line_items.map((l: any) => [l.sku, l.quantity, l.price]), [['HOOK-1', 2, '12.50']]);
    assert.equal(receiver.at('/orders/updated').length, 0, 'creating an order sends no orders/updated');

    const updated = await graphql(shop, ORDER_UPDATE, { input: { id: order.id, note: 'gift wrap', tags: ['vip'] } });
    assert.deepEqual(updated.data.orderUpdate.userErrors, []);
    const [update] = await deliveredTo('/orders/updated', 1);
    assert.equal(update?.headers['x-shopify-topic'], 'orders/updated');
    assert.equal(update?.body.note, 'gift wrap');
    assert.equal(update?.body.tags, 'vip');
    assert.ok(update && verifies(secret, update));

    const cancel = await graphql(shop, ORDER_CANCEL, { id: order.id });
    assert.deepEqual(cancel.data.orderCancel.orderCancelUserErrors, []);
    const [cancelled] = await deliveredTo('/orders/cancelled', 1);
    assert.equal(cancelled?.headers['x-shopify-topic'], 'orders/cancelled');
    assert.equal(cancelled?.body.id, Number(order.legacyResourceId));
    assert.ok(cancelled?.body.cancelled_at);
    assert.equal(cancelled?.body.cancel_reason, 'customer');
    // Cancelling changes the order too: one more orders/updated, not one per change the cancel made.
    await deliveredTo('/orders/updated', 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(receiver.at('/orders/updated').length, 2);
    assert.notEqual(receiver.at('/orders/updated')[0]?.headers['x-shopify-event-id'], receiver.at('/orders/updated')[1]?.headers['x-shopify-event-id']);
  });

  it('retries a delivery the endpoint answers 500 with the same body, webhook id and event id after the shop retry delay, and logs the attempts', async () => {
    const shop = await emulatedShop('hooks-retry', { webhookRetryDelaysMs: [200, 200] });
    const secret = await secretOf(shop);
    await subscribe(shop, 'ORDERS_CREATE', '/retry/create');
    receiver.failNext('/retry/create', 1);
    const order = await createOrder(shop, 'RETRY-1');
    const [first, second] = await deliveredTo('/retry/create', 2);
    assert.ok(first && second);
    assert.equal(second.headers['x-shopify-webhook-id'], first.headers['x-shopify-webhook-id']);
    assert.equal(second.headers['x-shopify-event-id'], first.headers['x-shopify-event-id']);
    assert.equal(second.rawBody, first.rawBody);
    assert.ok(verifies(secret, second));
    assert.equal(second.body.admin_graphql_api_id, order.id);
    const logged = await eventually('the delivery logged as delivered', async () => {
      const record = (await deliveries(shop)).find((d) => d.webhookId === first.headers['x-shopify-webhook-id']);
      return record?.status === 'delivered' ? record : undefined;
    });
    assert.equal(logged.topic, 'orders/create');
    assert.equal(logged.eventId, first.headers['x-shopify-event-id']);
    assert.equal(logged.attempts, 2);
    assert.equal(logged.lastStatus, 200);
  });

  it('gives up after the last retry: an endpoint failing every attempt is logged failed after 1 + retries attempts', async () => {
    const shop = await emulatedShop('hooks-giveup', { webhookRetryDelaysMs: [50, 50] });
    await subscribe(shop, 'ORDERS_CREATE', '/giveup/create');
    receiver.failNext('/giveup/create', 10);
    await createOrder(shop, 'GIVEUP-1');
    const record = await eventually('the delivery logged as failed', async () => (await deliveries(shop)).find((d) => d.status === 'failed'));
    assert.equal(record.attempts, 3);
    assert.equal(record.lastStatus, 500);
    assert.equal(receiver.at('/giveup/create').length, 3);
  });

  it('answers the mutation while its delivery is still waiting on the endpoint', async () => {
    const shop = await emulatedShop('hooks-async');
    await subscribe(shop, 'ORDERS_CREATE', '/async/create');
    receiver.hold('/async/create');
    try {
      await createOrder(shop, 'ASYNC-1');
      await deliveredTo('/async/create', 1);
      const [record] = await deliveries(shop);
      assert.equal(record.status, 'pending');
      assert.equal(record.attempts, 1);
    } finally {
      receiver.release('/async/create');
    }
    await eventually('the held delivery delivered', async () => ((await deliveries(shop))[0]?.status === 'delivered' ? true : undefined));
  });

  it('webhookSubscriptionUpdate moves later deliveries to the new uri; webhookSubscriptionDelete stops them', async () => {
    const shop = await emulatedShop('hooks-update');
    const subscription = await subscribe(shop, 'ORDERS_CREATE', '/update/before');
    const updated = await graphql(shop, UPDATE, { id: subscription.id, sub: { uri: `${receiver.url}/update/after`, includeFields: ['id', 'name'] } });
    assert.deepEqual(updated.data.webhookSubscriptionUpdate.userErrors, []);
    assert.equal(updated.data.webhookSubscriptionUpdate.webhookSubscription.uri, `${receiver.url}/update/after`);
    assert.equal(updated.data.webhookSubscriptionUpdate.webhookSubscription.topic, 'ORDERS_CREATE');
    const order = await createOrder(shop, 'UPDATE-1');
    const [delivered] = await deliveredTo('/update/after', 1);
    assert.deepEqual(delivered?.body, { id: Number(order.legacyResourceId), name: order.name });
    assert.equal(receiver.at('/update/before').length, 0);

    const deleted = await graphql(shop, DELETE, { id: subscription.id });
    assert.deepEqual(deleted.data.webhookSubscriptionDelete, { deletedWebhookSubscriptionId: subscription.id, userErrors: [] });
    await createOrder(shop, 'UPDATE-2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(receiver.at('/update/after').length, 1);
    const list = await graphql(shop, 'query { webhookSubscriptions(first: 5) { nodes { id } } }');
    assert.deepEqual(list.data.webhookSubscriptions.nodes, []);
  });

  it('delivers bulk_operations/finish when a bulk query completes, with its gid, lower-case status and type, and times', async () => {
    const shop = await emulatedShop('hooks-bulk');
    const secret = await secretOf(shop);
    await subscribe(shop, 'BULK_OPERATIONS_FINISH', '/bulk/finish');
    await createOrder(shop, 'BULK-1');
    const run = await graphql(shop, 'mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { field message } } }', {
      q: '{ orders { edges { node { id name } } } }',
    });
    assert.deepEqual(run.data.bulkOperationRunQuery.userErrors, []);
    const [finished] = await deliveredTo('/bulk/finish', 1);
    assert.ok(finished && verifies(secret, finished));
    assert.equal(finished.headers['x-shopify-topic'], 'bulk_operations/finish');
    assert.equal(finished.body.admin_graphql_api_id, run.data.bulkOperationRunQuery.bulkOperation.id);
    assert.equal(finished.body.status, 'completed');
    assert.equal(finished.body.type, 'query');
    assert.equal(finished.body.error_code, null);
    assert.ok(finished.body.created_at && finished.body.completed_at);
    assert.deepEqual(Object.keys(finished.body).sort(), ['admin_graphql_api_id', 'completed_at', 'created_at', 'error_code', 'status', 'type']);
  });

  it('uninstall delivers app/uninstalled with the shop, then the token is refused with 401 and the subscriptions are gone', async () => {
    const shop = await emulatedShop('hooks-uninstall');
    const secret = await secretOf(shop);
    await subscribe(shop, 'APP_UNINSTALLED', '/uninstall/app');
    const answer = await admin('POST', `shops/${shop.domain}/uninstall`);
    assert.equal(answer.status, 200);
    const [uninstalled] = await deliveredTo('/uninstall/app', 1);
    assert.ok(uninstalled && verifies(secret, uninstalled));
    assert.equal(uninstalled.headers['x-shopify-topic'], 'app/uninstalled');
    assert.equal(uninstalled.body.myshopify_domain, shop.domain);
    const refused = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query: '{ shop { name } }' }),
    });
    assert.equal(refused.status, 401);
    assert.deepEqual((await admin('GET', `shops/${shop.domain}`)).body.shop.webhookSubscriptions, []);
  });
});
