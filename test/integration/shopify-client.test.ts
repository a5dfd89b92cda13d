import assert from 'node:assert/strict';
import { EnvAndFileTokenSource, tokenEnvName } from '../../src/secrets';
import { ShopifyClients } from '../../src/shopify/client';
import { SHOP_INFO_QUERY } from '../../src/shopify/documents/shop';
import { ShopifyAuthError, ShopifyQueryError, ShopifyUnavailableError } from '../../src/shopify/errors';
import { emulatedShop, emulatorAdmin, TEST_SHOPIFY_RETRY, testConfig, testTokenEnv } from '../support/stack';

/** The project's Shopify layer, through the real @shopify/shopify-api, against the emulator over HTTP. */
describe('Shopify client against the emulator', () => {
  let clients: ShopifyClients;

  before(async () => {
    await testConfig(); // points the library's fetch hook at the emulator
    clients = new ShopifyClients(new EnvAndFileTokenSource(undefined, testTokenEnv), TEST_SHOPIFY_RETRY);
  });

  it('returns data and the cost Shopify reported', async () => {
    const shop = await emulatedShop('client', { name: 'Client Shop', currencyCode: 'EUR' });
    const { data, cost } = await clients.forShop(shop.domain).request(SHOP_INFO_QUERY);
    assert.equal(data.shop.name, 'Client Shop');
    assert.equal(data.shop.currencyCode, 'EUR');
    assert.equal(cost?.requestedQueryCost, 3);
  });

  it('paces itself so a tiny bucket is never overrun by sequential requests', async () => {
    const locations = Array.from({ length: 15 }, (_, i) => ({ name: `L${i}` }));
    const shop = await emulatedShop('paced', { plan: 'standard', bucketSize: 40, locations });
    const client = clients.forShop(shop.domain);
    const query = '#graphql\n query { locations(first: 15) { nodes { id } } }';
    for (let i = 0; i < 8; i += 1) await client.request(query);
    const stats = await (await emulatorAdmin()).stats(shop.domain);
    assert.equal(stats.requests, 8);
    // 8 × 17 points through a 40-point bucket: only pacing keeps every request from being throttled.
    assert.equal(stats.throttled, 0);
  });

  it('waits for the bucket and retries when THROTTLED', async () => {
    const locations = Array.from({ length: 15 }, (_, i) => ({ name: `L${i}` }));
    const shop = await emulatedShop('throttled', { plan: 'standard', bucketSize: 20, locations });
    const query = '#graphql\n query { locations(first: 15) { nodes { id } } }';
    // Separate client objects share nothing but the shop's bucket in the emulator, so they collide.
    const separate = () => new ShopifyClients(new EnvAndFileTokenSource(undefined, testTokenEnv), TEST_SHOPIFY_RETRY).forShop(shop.domain);
    const results = await Promise.all([separate().request(query), separate().request(query), separate().request(query)]);
    assert.equal(results.length, 3);
    const stats = await (await emulatorAdmin()).stats(shop.domain);
    assert.ok(stats.throttled >= 1, 'the emulator should have throttled at least once');
    assert.equal(stats.requests, 3 + stats.throttled);
  });

  it('retries 5xx, 429 and dropped connections, then succeeds', async () => {
    const shop = await emulatedShop('retry');
    await (await emulatorAdmin()).setFaults(shop.domain, [
      { kind: 'http5xx', count: 1 },
      { kind: 'http429', count: 1, retryAfterSeconds: 0 },
      { kind: 'drop', count: 1 },
    ]);
    const { data } = await clients.forShop(shop.domain).request(SHOP_INFO_QUERY);
    assert.equal(data.shop.myshopifyDomain, shop.domain);
    assert.equal((await (await emulatorAdmin()).stats(shop.domain)).requests, 4);
  });

  it('retries an INTERNAL_SERVER_ERROR inside an HTTP 200 as transient for a query, and does not repeat a mutation on it', async () => {
    const shop = await emulatedShop('internal');
    const admin = await emulatorAdmin();
    await admin.setFaults(shop.domain, [{ kind: 'internalError', count: 1 }]);
    const { data } = await clients.forShop(shop.domain).request(SHOP_INFO_QUERY);
    assert.equal(data.shop.myshopifyDomain, shop.domain);
    assert.equal((await admin.stats(shop.domain)).requests, 2);
    await admin.setFaults(shop.domain, [{ kind: 'internalError', count: 1, operation: 'mutation' }]);
    const mutation = '#graphql\n mutation { customerCreate(input: { email: "internal@example.com" }) { customer { id } userErrors { message } } }';
    await assert.rejects(clients.forShop(shop.domain).request(mutation), (error: unknown) => error instanceof ShopifyUnavailableError && /INTERNAL_SERVER_ERROR.*not repeated/.test(error.message));
    assert.equal((await admin.stats(shop.domain)).requests, 3, 'the mutation was sent once');
  });

  it('gives up on a shop that keeps failing with a retryable error', async () => {
    const shop = await emulatedShop('down');
    await (await emulatorAdmin()).setFaults(shop.domain, [{ kind: 'http5xx', rate: 1 }]);
    await assert.rejects(clients.forShop(shop.domain).request(SHOP_INFO_QUERY), (error: unknown) => {
      assert.ok(error instanceof ShopifyUnavailableError);
      assert.equal(error.retryable, true);
      return true;
    });
    assert.equal((await (await emulatorAdmin()).stats(shop.domain)).requests, TEST_SHOPIFY_RETRY.maxAttempts);
  });

  it('fails at once, without retrying, on a revoked token', async () => {
    const shop = await emulatedShop('revoked');
    await (await emulatorAdmin()).updateShop(shop.domain, { token: 'shpat_rotated_elsewhere' });
    await assert.rejects(clients.forShop(shop.domain).request(SHOP_INFO_QUERY), (error: unknown) => {
      assert.ok(error instanceof ShopifyAuthError);
      assert.match(error.message, /HTTP 401/);
      assert.doesNotMatch(error.message, new RegExp(shop.token));
      return true;
    });
    assert.equal((await (await emulatorAdmin()).stats(shop.domain)).requests, 1);
  });

  it('fails at once on a document Shopify rejects', async () => {
    const shop = await emulatedShop('badquery');
    await assert.rejects(clients.forShop(shop.domain).request('query { shop { nothingHere } }'), ShopifyQueryError);
    assert.equal((await (await emulatorAdmin()).stats(shop.domain)).requests, 1);
  });

  it('reads the token where the worker runs, never from the caller', () => {
    assert.equal(tokenEnvName('x.myshopify.com'), 'SHOPSYNC_TOKEN_X_MYSHOPIFY_COM');
  });
});
