import assert from 'node:assert/strict';
import { Merchant } from '../../emulator/merchant-client';
import { planOrderQuery } from '../../src/domain/order-filters';
import { EnvAndFileTokenSource } from '../../src/secrets';
import { ShopifyClients } from '../../src/shopify/client';
import { ORDERS_PAGE_QUERY, ORDERS_PER_PAGE, ORDER_LINES_PER_PAGE } from '../../src/shopify/documents/orders';
import { SearchTermIgnoredError } from '../../src/shopify/search-warnings';
import { emulatedShop, TEST_SHOPIFY_RETRY, testConfig, testStack, testTokenEnv } from '../support/stack';

/** The Shopify client, through the real @shopify/shopify-api against the emulator, when Shopify ignores a search term. */
describe('Shopify client and ignored search terms', () => {
  let clients: ShopifyClients;
  let shop: { domain: string; token: string };
  const warnings: string[] = [];
  const originalWarn = console.warn;

  before(async () => {
    await testConfig(); // points the library's fetch hook at the emulator
    clients = new ShopifyClients(new EnvAndFileTokenSource(undefined, testTokenEnv), TEST_SHOPIFY_RETRY);
    shop = await emulatedShop('search-warnings', { currencyCode: 'EUR', locations: [{ name: 'Warehouse' }] });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const variant = (await merchant.product('Mug', [{ sku: 'MUG-1', price: '8.00' }]))['MUG-1'] as string;
    await merchant.webOrder([{ variantId: variant, quantity: 1 }], { extra: { tags: ['b2b'] } });
    await merchant.webOrder([{ variantId: variant, quantity: 1 }]);
  });

  beforeEach(() => {
    warnings.length = 0;
    console.warn = (line: string) => warnings.push(line);
  });

  afterEach(() => {
    console.warn = originalWarn;
  });

  const ordersPage = (query: string, options = {}) => clients.forShop(shop.domain).request(ORDERS_PAGE_QUERY, { first: ORDERS_PER_PAGE, after: null, query, lines: ORDER_LINES_PER_PAGE }, options);

  it('refuses the answer of an orders read whose filter Shopify ignored (SearchTermIgnoredError, not retryable) and logs the field and query', async () => {
    const query = "updated_att:>='2024-01-01T00:00:00Z' tag:b2b";
    await assert.rejects(ordersPage(query), (error: unknown) => {
      assert.ok(error instanceof SearchTermIgnoredError);
      assert.equal(error.retryable, false);
      assert.deepEqual(error.terms, [{ path: 'orders', query, field: 'updated_att', code: 'invalid_field', message: 'Invalid search field for this query.' }]);
      assert.match(error.message, /"updated_att" of orders\(query: "updated_att:>='2024-01-01T00:00:00Z' tag:b2b"\)/);
      return true;
    });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] as string, new RegExp(`^shopify ${shop.domain}: search field "updated_att" of orders\\(query: ".*tag:b2b"\\) ignored by Shopify`));
    assert.ok(!(warnings[0] as string).includes(shop.token), 'no token in the log');
  });

  it('hands the ignored terms to a caller that allows them, with the wider answer Shopify gave', async () => {
    const { data, ignoredSearchTerms } = await ordersPage('updated_att:>2024', { allowIgnoredSearchTerms: true });
    assert.equal(data.orders.nodes.length, 2, 'the unknown term was dropped: every order');
    assert.deepEqual(ignoredSearchTerms?.map((t) => [t.path, t.field, t.code]), [['orders', 'updated_att', 'invalid_field']]);
    assert.equal(warnings.length, 1);
  });

  it('reads the order import queries the sync builds without any ignored term', async () => {
    const runStart = new Date().toISOString();
    const filters = { financialStatus: 'PAID' as const, fulfillmentStatus: 'UNFULFILLED' as const, channel: ['web', 'pos'], tag: 'b2b' };
    for (const plan of [planOrderQuery(null, {}, {}, runStart), planOrderQuery('2024-01-01T00:00:00.000Z', filters, {}, runStart), planOrderQuery(null, filters, { since: '2024-01-01T00:00:00Z', until: runStart }, runStart)]) {
      const { ignoredSearchTerms } = await ordersPage(plan.query);
      assert.equal(ignoredSearchTerms, undefined, plan.query);
    }
    assert.deepEqual(warnings, []);
  });
});
