import assert from 'node:assert/strict';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/** The emulator spoken to as Shopify would be: raw HTTP, no project code in between. */
describe('emulator over HTTP', () => {
  let url: string;
  let shop: { domain: string; token: string };

  before(async () => {
    url = (await testStack()).emulatorUrl;
    shop = await emulatedShop('http', { plan: 'standard', locations: [{ name: 'A' }, { name: 'B' }, { name: 'C', isActive: false }] });
  });

  async function post(body: unknown, options: { version?: string; token?: string; domain?: string } = {}) {
    const response = await fetch(`${url}/admin/api/${options.version ?? '2026-10'}/graphql.json`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-shop-domain': options.domain ?? shop.domain,
        ...(options.token === '' ? {} : { 'x-shopify-access-token': options.token ?? shop.token }),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it('answers shop and locations, with the cost of the request', async () => {
    const { status, body } = await post({ query: '{ shop { name myshopifyDomain currencyCode } locations(first: 10) { nodes { name } } }' });
    assert.equal(status, 200);
    assert.equal(body.data.shop.myshopifyDomain, shop.domain);
    assert.deepEqual(body.data.locations.nodes.map((l: { name: string }) => l.name), ['A', 'B']);
    assert.equal(body.extensions.cost.requestedQueryCost, 1 + 2 + 10);
    assert.equal(body.extensions.cost.actualQueryCost, 1 + 2 + 2);
    assert.equal(body.extensions.cost.throttleStatus.restoreRate, 100);
    assert.equal(body.extensions.cost.throttleStatus.maximumAvailable, 2000);
  });

  it('refuses a missing or wrong token with 401, an unknown version or shop with 404', async () => {
    assert.equal((await post({ query: '{ shop { name } }' }, { token: '' })).status, 401);
    assert.equal((await post({ query: '{ shop { name } }' }, { token: 'shpat_wrong_wrong' })).status, 401);
    assert.equal((await post({ query: '{ shop { name } }' }, { version: '2019-01' })).status, 404);
    assert.equal((await post({ query: '{ shop { name } }' }, { domain: 'nobody.myshopify.com' })).status, 404);
  });

  it('validates documents against the real schema, with locations', async () => {
    const { status, body } = await post({ query: '{\n  shop { nam }\n}' });
    assert.equal(status, 200);
    assert.match(body.errors[0].message, /Cannot query field "nam" on type "Shop"/);
    assert.deepEqual(body.errors[0].locations, [{ line: 2, column: 10 }]);
    const syntax = await post({ query: '{ shop { name }' });
    assert.ok(syntax.body.errors[0].locations);
    const variables = await post({ query: 'query($n: Int!) { locations(first: $n) { nodes { id } } }', variables: { n: 'many' } });
    assert.match(variables.body.errors[0].message, /\$n/);
  });

  it('refuses a query over 1,000 requested points before running it', async () => {
    const { body } = await post({ query: '{ locations(first: 200) { nodes { id inventoryLevels(first: 5) { nodes { id } } } } }' });
    assert.equal(body.errors[0].extensions.code, 'MAX_COST_EXCEEDED');
    assert.equal(body.errors[0].extensions.cost, 2 + 200 * (1 + 2 + 5));
    assert.equal(body.data, undefined);
  });

  it('throttles when the bucket is empty, as Shopify does', async () => {
    const locations = Array.from({ length: 15 }, (_, i) => ({ name: `L${i}` }));
    const tiny = await emulatedShop('throttle', { plan: 'standard', bucketSize: 20, locations });
    const query = { query: '{ locations(first: 15) { nodes { id } } }' };
    const first = await post(query, tiny);
    assert.equal(first.body.extensions.cost.requestedQueryCost, 17);
    assert.equal(first.body.extensions.cost.actualQueryCost, 17);
    const second = await post(query, tiny);
    assert.equal(second.status, 200);
    assert.equal(second.body.errors[0].extensions.code, 'THROTTLED');
    assert.equal(second.body.extensions.cost.actualQueryCost, null);
    assert.ok(second.body.extensions.cost.throttleStatus.currentlyAvailable < 17);
    assert.equal((await (await emulatorAdmin()).stats(tiny.domain)).throttled, 1);
  });

  it('injects 5xx, 429 and dropped connections by count', async () => {
    const faulty = await emulatedShop('faults');
    const admin = await emulatorAdmin();
    await admin.setFaults(faulty.domain, [{ kind: 'http5xx', status: 502, count: 1 }, { kind: 'http429', count: 1, retryAfterSeconds: 2 }]);
    const query = { query: '{ shop { name } }' };
    assert.equal((await post(query, faulty)).status, 502);
    const limited = await post(query, faulty);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
    assert.equal((await post(query, faulty)).status, 200);
    await admin.setFaults(faulty.domain, [{ kind: 'drop', count: 1 }]);
    await assert.rejects(post(query, faulty));
    assert.equal((await post(query, faulty)).status, 200);
  });

  it('validates its admin API input and names the bad field', async () => {
    const admin = await emulatorAdmin();
    await assert.rejects(admin.createShop({ domain: 'Not A Domain', token: 'shpat_x_long_enough' }), /422 domain: must look like/);
    await assert.rejects(admin.setFaults(shop.domain, [{ kind: 'http5xx' }]), /422 .*exactly one of rate or count/);
    await assert.rejects(admin.createShop({ domain: shop.domain, token: 'shpat_x_long_enough' }), /409/);
  });
});
