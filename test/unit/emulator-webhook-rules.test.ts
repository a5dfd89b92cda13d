import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { onShopEvent, type ShopEvent } from '../../emulator/events';
import { orderChanged } from '../../emulator/order-webhooks';
import { createOrder, touch } from '../../emulator/resolvers/orders';
import { EmulatorState, type EmulatedShop } from '../../emulator/state';
import { includedFields, webhookSignature } from '../../emulator/webhook-delivery';
import { orderPayload, restTime } from '../../emulator/webhook-payloads';
import { addressErrors, planSubscription, topicEnumOf } from '../../emulator/webhooks-store';

describe('emulator webhook rules', () => {
  let state: EmulatorState;
  let shop: EmulatedShop;

  beforeEach(() => {
    state = new EmulatorState();
    shop = state.createShop({ domain: 'hooks.myshopify.com', token: 'shpat_hooks', apiSecret: 'shpss_unit_secret' });
  });

  it('signs the raw body with base64 HMAC-SHA256 keyed by the client secret', () => {
    const body = '{"id":1,"name":"#1001"}';
    assert.equal(webhookSignature('shpss_unit_secret', body), createHmac('sha256', 'shpss_unit_secret').update(body).digest('base64'));
  });

  it('gives each shop a client secret of its own when the seed names none', () => {
    const other = state.createShop({ domain: 'other.myshopify.com', token: 'shpat_other' });
    assert.match(other.apiSecret, /^shpss_[0-9a-f]{32}$/);
    assert.equal(shop.apiSecret, 'shpss_unit_secret');
  });

  it('names the enum value of an event topic: orders/create is ORDERS_CREATE, bulk_operations/finish is BULK_OPERATIONS_FINISH', () => {
    assert.equal(topicEnumOf('orders/create'), 'ORDERS_CREATE');
    assert.equal(topicEnumOf('bulk_operations/finish'), 'BULK_OPERATIONS_FINISH');
    assert.equal(topicEnumOf('app/uninstalled'), 'APP_UNINSTALLED');
  });

  it('shows REST times in the shop time zone with its offset, daylight saving included', () => {
    assert.equal(restTime('2026-01-15T12:00:00.000Z', 'America/New_York'), '2026-01-15T07:00:00-05:00');
    assert.equal(restTime('2026-07-15T12:00:00.000Z', 'America/New_York'), '2026-07-15T08:00:00-04:00');
    assert.equal(restTime('2026-07-15T12:00:00.000Z', 'Asia/Kolkata'), '2026-07-15T17:30:00+05:30');
    assert.equal(restTime(null, 'UTC'), null);
  });

  it('accepts https addresses, loopback http, Pub/Sub and EventBridge; refuses blank, other http, other protocols and Shopify hosts', () => {
    for (const uri of ['https://erp.example.com/hooks', 'http://127.0.0.1:4000/hooks', 'http://localhost/hooks', 'pubsub://my-project:orders', 'arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/123/erp']) {
      assert.deepEqual(addressErrors(uri), [], uri);
    }
    const messages = (uri: string) => addressErrors(uri).map((e) => e.message);
    assert.deepEqual(messages(''), ["Address can't be blank"]);
    assert.deepEqual(messages('http://erp.example.com/hooks'), ['Address protocol http:// is not supported']);
    assert.deepEqual(messages('ftp://erp.example.com/hooks'), ['Address protocol ftp:// is not supported']);
    assert.deepEqual(messages('not a url'), ['Address is invalid']);
    assert.deepEqual(messages('https://hooks.myshopify.com/x'), ['Address cannot be a Shopify or an internal domain']);
    assert.deepEqual(addressErrors('')[0]?.field, ['webhookSubscription', 'callbackUrl']);
  });

  it('refuses a second subscription of a topic to the same address, and a duplicate or malformed name', () => {
    const first = planSubscription(shop, 'ORDERS_CREATE', { uri: 'https://erp.example.com/a', name: 'erp-orders' }, null, '2026-10');
    assert.ok('plan' in first);
    shop.webhookSubscriptions.push({ id: 1, ...first.plan, createdAt: '', updatedAt: '' });
    const again = planSubscription(shop, 'ORDERS_CREATE', { uri: 'https://erp.example.com/a' }, null, '2026-10');
    assert.deepEqual('errors' in again && again.errors.map((e) => e.message), ['Address for this topic has already been taken']);
    assert.ok('plan' in planSubscription(shop, 'ORDERS_UPDATED', { uri: 'https://erp.example.com/a' }, null, '2026-10'));
    const named = planSubscription(shop, 'ORDERS_UPDATED', { uri: 'https://erp.example.com/b', name: 'ERP-ORDERS' }, null, '2026-10');
    assert.deepEqual('errors' in named && named.errors.map((e) => e.message), ['Name already exists, no duplicate allowed']);
    const badName = planSubscription(shop, 'ORDERS_UPDATED', { uri: 'https://erp.example.com/b', name: 'erp orders!' }, null, '2026-10');
    assert.deepEqual('errors' in badName && badName.errors.map((e) => e.field), [['webhookSubscription', 'name']]);
  });

  it('cuts a payload to its includeFields, or leaves it whole without them', () => {
    const payload = { id: 1, name: '#1001', line_items: [{ id: 2 }] };
    assert.deepEqual(includedFields(payload, []), payload);
    assert.deepEqual(includedFields(payload, ['id', 'line_items.id']), { id: 1, line_items: [{ id: 2 }] });
  });

  it('builds the REST order: numeric ids, gids, lower-case statuses, decimal strings and line items', () => {
    const order = createOrder(shop, state, {
      email: 'buyer@example.com',
      lineItems: [{ title: 'Custom', sku: 'C-1', quantity: 2, priceSet: { shopMoney: { amount: '12.50', currencyCode: 'USD' } } }],
    });
    const payload = orderPayload(shop, order);
    assert.equal(payload.id, order.id);
    assert.equal(payload.admin_graphql_api_id, `gid://shopify/Order/${order.id}`);
    assert.equal(payload.order_number, 1001);
    assert.equal(payload.name, '#1001');
    assert.equal(payload.financial_status, 'pending');
    assert.equal(payload.fulfillment_status, null);
    assert.equal(payload.total_price, '25.00');
    assert.equal(payload.currency, 'USD');
    assert.deepEqual((payload.line_items as Array<Record<string, unknown>>).map((l) => [l.sku, l.quantity, l.price, l.variant_id, l.product_id]), [['C-1', 2, '12.50', null, null]]);
  });

  it('sends one orders/updated per request however many times the order is touched, with the order as it ends', async () => {
    const events: ShopEvent[] = [];
    onShopEvent(state, (event) => events.push(event));
    const order = createOrder(shop, state, { lineItems: [{ title: 'Custom', quantity: 1, priceSet: { shopMoney: { amount: '1.00', currencyCode: 'USD' } } }] });
    touch(order, state);
    order.note = 'second change';
    touch(order, state);
    orderChanged(state, order);
    assert.deepEqual(events.map((e) => e.topic), ['orders/create']);
    await Promise.resolve();
    assert.deepEqual(events.map((e) => e.topic), ['orders/create', 'orders/updated']);
    assert.equal(events[1]?.payload.note, 'second change');
  });
});
