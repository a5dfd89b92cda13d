import assert from 'node:assert/strict';
import { Merchant } from '../../emulator/merchant-client';
import { SHOP_DOMAIN_HEADER } from '../../emulator/server';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

interface GraphQLBody<T> {
  data: T;
  errors?: unknown;
  extensions?: { search?: unknown; cost?: unknown };
}

/** The emulator's `orders` and payouts searches over HTTP: Shopify's whole search syntax, its default sort, its warnings. */
describe('emulator orders search', () => {
  let shop: { domain: string; token: string };
  let merchant: Merchant;
  let variant: string;
  const orders: Record<'paidPos' | 'pending' | 'closed' | 'cancelled', string> = { paidPos: '', pending: '', closed: '', cancelled: '' };

  async function post<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody<T>> {
    const response = await fetch(`${(await testStack()).emulatorUrl}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SHOP_DOMAIN_HEADER]: shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLBody<T>;
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body;
  }

  const ORDERS = 'query($q: String) { orders(first: 50, query: $q) { nodes { id } } }';
  const search = async (q: string) => (await post<{ orders: { nodes: Array<{ id: string }> } }>(ORDERS, { q })).data.orders.nodes.map((n) => n.id);
  const named = (...keys: Array<keyof typeof orders>) => keys.map((key) => orders[key]);

  before(async () => {
    shop = await emulatedShop('orders-search', { currencyCode: 'EUR', locations: [{ name: 'Warehouse' }] });
    merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    variant = (await merchant.product('Mug', [{ sku: 'MUG-1', price: '8.00' }]))['MUG-1'] as string;
    const line = [{ variantId: variant, quantity: 1 }];
    // processedAt out of creation order, to tell the default sort (PROCESSED_AT) from an id sort.
    orders.paidPos = (await merchant.webOrder(line, { email: 'ada@example.com', extra: { tags: ['wholesale'], sourceName: 'pos', processedAt: '2026-03-01T00:00:00Z' } })).id;
    orders.pending = (await merchant.webOrder(line, { email: 'bo@example.com', paid: false, extra: { tags: ['retail'], processedAt: '2026-01-01T00:00:00Z' } })).id;
    orders.closed = (await merchant.webOrder(line, { email: 'cy@example.com', fulfilled: true, extra: { closedAt: '2026-02-15T00:00:00Z', processedAt: '2026-02-01T00:00:00Z' } })).id;
    orders.cancelled = (await merchant.webOrder(line, { email: 'di@example.com', extra: { tags: ['wholesale'], processedAt: '2026-04-01T00:00:00Z' } })).id;
    await merchant.graphql('mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refund: false) { orderCancelUserErrors { message } } }', { id: orders.cancelled });
  });

  it('sorts orders by PROCESSED_AT, the schema default, when no sortKey is given', async () => {
    assert.deepEqual(await search(''), named('pending', 'closed', 'paidPos', 'cancelled'));
    const byId = (await post<{ orders: { nodes: Array<{ id: string }> } }>('{ orders(first: 50, sortKey: ID) { nodes { id } } }')).data.orders.nodes.map((n) => n.id);
    assert.deepEqual(byId, named('paidPos', 'pending', 'closed', 'cancelled'));
  });

  it('matches the documented status values: open, closed, cancelled (closed too) and not_closed', async () => {
    assert.deepEqual(await search('status:open'), named('pending', 'paidPos'));
    assert.deepEqual(await search('status:closed'), named('closed', 'cancelled'));
    assert.deepEqual(await search('status:cancelled'), named('cancelled'));
    assert.deepEqual(await search('status:not_closed'), named('pending', 'paidPos'));
  });

  it('combines terms with OR, NOT, -field:, parentheses and comma lists', async () => {
    assert.deepEqual(await search('financial_status:pending OR tag:wholesale'), named('pending', 'paidPos', 'cancelled'));
    assert.deepEqual(await search('tag:wholesale NOT status:cancelled'), named('paidPos'));
    assert.deepEqual(await search('-tag:wholesale'), named('pending', 'closed'));
    assert.deepEqual(await search('tag_not:wholesale status:open'), named('pending'));
    assert.deepEqual(await search('(status:closed OR source_name:pos) -fulfillment_status:fulfilled'), named('paidPos', 'cancelled'));
    assert.deepEqual(await search('email:ada@example.com,cy@example.com'), named('closed', 'paidPos'));
    assert.deepEqual(await search('financial_status:paid,voided fulfillment_status:unfulfilled'), named('paidPos', 'cancelled'));
  });

  it('compares quoted dates and ids, and finds a bare word in the name, email or customer', async () => {
    assert.deepEqual(await search("processed_at:>='2026-02-01T00:00:00Z' processed_at:<'2026-04-01T00:00:00Z'"), named('closed', 'paidPos'));
    const pendingId = Number(orders.pending.split('/').pop());
    assert.deepEqual(await search(`id:>${pendingId}`), named('closed', 'cancelled'));
    assert.deepEqual(await search('bo@example.com'), named('pending'));
    const name = (await post<{ order: { name: string } }>('query($id: ID!) { order(id: $id) { name } }', { id: orders.closed })).data.order.name;
    assert.deepEqual(await search(name.replace('#', '')), named('closed'));
    assert.deepEqual(await search(`name:'${name}'`), named('closed'));
  });

  it('ignores an unknown search field, answering as if it were absent, and reports it in extensions.search', async () => {
    const query = "updated_att:>'2024-01-01' tag:wholesale";
    const body = await post<{ recent: { nodes: Array<{ id: string }> } }>('query($q: String) { recent: orders(first: 50, query: $q) { nodes { id } } }', { q: query });
    assert.deepEqual(body.data.recent.nodes.map((n) => n.id), named('paidPos', 'cancelled'));
    assert.deepEqual(body.extensions?.search, [{
      path: ['recent'],
      query,
      parsed: { and: [{ field: 'updated_att', range_gt: '2024-01-01' }, { field: 'tag', match_all: 'wholesale' }] },
      warnings: [{ field: 'updated_att', message: 'Invalid search field for this query.', code: 'invalid_field' }],
    }]);
    assert.deepEqual(await search('updated_att:>2024'), named('pending', 'closed', 'paidPos', 'cancelled'), 'nothing left to filter: every order');
  });

  it('sends no extensions.search when every search field is documented', async () => {
    const body = await post(ORDERS, { q: "updated_at:>='2024-01-01T00:00:00Z' status:open financial_status:paid channel:web,pos tag:'wholesale'" });
    assert.equal(body.extensions?.search, undefined);
    assert.ok(body.extensions?.cost);
  });

  it('searches payouts and balance transactions with the full grammar, sorted by their schema defaults, and warns on payout_id', async () => {
    const seeded = await (await emulatorAdmin()).seedPayouts(shop.domain, {
      payouts: [
        { status: 'PAID', issuedAt: '2026-11-02T00:00:00Z', net: '95.00', gross: '100.00', fee: '5.00' },
        { status: 'IN_TRANSIT', issuedAt: '2026-11-01T00:00:00Z', net: '47.50', gross: '50.00', fee: '2.50' },
        { status: 'FAILED', issuedAt: '2026-11-03T00:00:00Z', net: '9.50', gross: '10.00', fee: '0.50' },
      ],
      balanceTransactions: [
        { type: 'CHARGE', amount: '60.00', fee: '3.00', transactionDate: '2026-10-31T10:00:00Z', payoutIndex: 0 },
        { type: 'REFUND', amount: '-10.00', fee: '0.00', transactionDate: '2026-10-30T10:00:00Z', payoutIndex: 1 },
      ],
    });
    const [paid, inTransit, failed] = seeded.payouts.map((p) => `gid://shopify/ShopifyPaymentsPayout/${p.id}`);
    const payouts = async (q: string | null) =>
      (await post<{ shopifyPaymentsAccount: { payouts: { nodes: Array<{ id: string }> } } }>('query($q: String) { shopifyPaymentsAccount { payouts(first: 10, query: $q) { nodes { id } } } }', { q })).data.shopifyPaymentsAccount.payouts.nodes.map((p) => p.id);
    assert.deepEqual(await payouts(null), [inTransit, paid, failed], 'ISSUED_AT order');
    assert.deepEqual(await payouts('status:paid OR status:failed'), [paid, failed]);
    assert.deepEqual(await payouts(`-status:in_transit id:>=${seeded.payouts[0]?.id}`), [paid, failed]);
    const body = await post<{ shopifyPaymentsAccount: { balanceTransactions: { nodes: Array<{ id: string }> } } }>(
      'query($q: String) { shopifyPaymentsAccount { balanceTransactions(first: 10, query: $q) { nodes { id } } } }',
      { q: `payout_id:${seeded.payouts[0]?.id}` },
    );
    assert.deepEqual(body.data.shopifyPaymentsAccount.balanceTransactions.nodes.map((t) => Number(t.id.split('/').pop())), [seeded.balanceTransactions[1]?.id, seeded.balanceTransactions[0]?.id], 'PROCESSED_AT order, the unknown filter dropped');
    assert.deepEqual(body.extensions?.search, [{
      path: ['shopifyPaymentsAccount', 'balanceTransactions'],
      query: `payout_id:${seeded.payouts[0]?.id}`,
      parsed: { field: 'payout_id', match_all: String(seeded.payouts[0]?.id) },
      warnings: [{ field: 'payout_id', message: 'Invalid search field for this query.', code: 'invalid_field' }],
    }]);
  });
});
