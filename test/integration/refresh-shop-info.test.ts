import assert from 'node:assert/strict';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ShopSyncClient, TaskRunFailedError } from '../../src/client';
import { ShopDomain, SyncTask, SyncTrigger } from '../../src/temporal/search-attributes';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, TEST_TASK_QUEUE, testConfig, testWorker } from '../support/stack';

/** The first task end to end: Temporal dev server, worker, FerretDB and the emulator, all real. */
describe('refreshShopInfo end to end', () => {
  let client: ShopSyncClient;
  let temporal: Client;
  let connection: Connection;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    connection = await Connection.connect({ address: config.temporalAddress });
    temporal = new Client({ connection, namespace: config.temporalNamespace });
  });

  after(async () => {
    await client?.close();
    await connection?.close();
  });

  async function registeredShop(prefix: string, settings: Record<string, unknown> = {}) {
    const shop = await emulatedShop(prefix, {
      name: 'Refresh Shop',
      plan: 'plus',
      currencyCode: 'EUR',
      ianaTimezone: 'Europe/Paris',
      locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }, { name: 'Closed', isActive: false }],
    });
    await client.shops.add({ domain: shop.domain, ...settings });
    return shop;
  }

  it('stores the shop info and locations, and tags the run for visibility', async () => {
    const shop = await registeredShop('refresh');
    const run = await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    assert.deepEqual(run.result, {
      shop: shop.domain,
      name: 'Refresh Shop',
      currencyCode: 'EUR',
      ianaTimezone: 'Europe/Paris',
      planDisplayName: 'Plus',
      locations: 2,
      activeLocations: 1,
    });
    const record = await client.shops.get(shop.domain);
    assert.equal(record.shopInfo?.name, 'Refresh Shop');
    assert.equal(record.shopInfo?.shopifyPlus, true);
    const locations = await client.locations.list(shop.domain);
    assert.deepEqual(locations.map((l) => [l.name, l.active]), [['Closed', false], ['Warehouse', true]]);

    const description = await temporal.workflow.getHandle(run.workflowId, run.runId).describe();
    assert.equal(description.typedSearchAttributes.get(ShopDomain), shop.domain);
    assert.equal(description.typedSearchAttributes.get(SyncTask), 'refreshShopInfo');
    assert.equal(description.typedSearchAttributes.get(SyncTrigger), 'manual');
    const found = await eventually('the run in a visibility query', async () => {
      for await (const execution of temporal.workflow.list({ query: `ShopDomain = '${shop.domain}' AND SyncTask = 'refreshShopInfo' AND ExecutionStatus = 'Completed'` })) {
        return execution.workflowId;
      }
      return undefined;
    });
    assert.equal(found, run.workflowId);
  });

  it('is idempotent: a second run changes nothing but the refresh time', async () => {
    const shop = await registeredShop('twice');
    await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    assert.equal((await client.locations.list(shop.domain)).length, 2);
  });

  it('starts from the plain JSON input the Temporal CLI sends', async () => {
    const shop = await registeredShop('cli-json');
    const result = await temporal.workflow.execute('refreshShopInfo', {
      taskQueue: TEST_TASK_QUEUE,
      workflowId: `cli-${shop.domain}`,
      args: [JSON.parse(`{"shop":"${shop.domain}"}`)],
    });
    assert.equal((result as { name: string }).name, 'Refresh Shop');
  });

  it('fails at once with a clear message when the token is revoked, without a retry storm', async () => {
    const shop = await registeredShop('revoked', { allowBackgroundSyncs: false });
    await (await emulatorAdmin()).updateShop(shop.domain, { token: 'shpat_revoked_by_merchant' });
    const before = (await (await emulatorAdmin()).stats(shop.domain)).requests;
    await assert.rejects(client.runTask({ shop: shop.domain, task: 'refreshShopInfo' }), (error: unknown) => {
      assert.ok(error instanceof TaskRunFailedError);
      assert.match(error.message, /refused the access token of .* \(HTTP 401\)/);
      return true;
    });
    assert.equal((await (await emulatorAdmin()).stats(shop.domain)).requests - before, 1);
    const failed = await eventually('the failed run in visibility', async () => {
      for await (const execution of temporal.workflow.list({ query: `ExecutionStatus = 'Failed' AND ShopDomain = '${shop.domain}'` })) {
        return execution;
      }
      return undefined;
    });
    assert.equal(failed.type, 'refreshShopInfo');
  });

  it('keeps the token out of Temporal: not in inputs, results or history', async () => {
    const shop = await registeredShop('secret');
    const run = await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    const history = await temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
    const text = JSON.stringify(history, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));
    assert.ok(text.includes(shop.domain), 'the history should be readable');
    assert.ok(!text.includes(shop.token), 'the access token leaked into the workflow history');
  });

  it('fails with a message that names the problem for an unknown shop, a disabled shop or bad input', async () => {
    const expectFailure = async (args: unknown, pattern: RegExp, type: string) => {
      const handle = await temporal.workflow.start('refreshShopInfo', { taskQueue: TEST_TASK_QUEUE, workflowId: `bad-${Math.random()}`, args: [args] });
      await assert.rejects(handle.result(), (error: unknown) => {
        assert.ok(error instanceof WorkflowFailedError);
        assert.match(error.cause?.message ?? '', pattern);
        assert.equal((error.cause as { type?: string }).type, type);
        return true;
      });
    };
    await expectFailure({ shop: 'never-added.myshopify.com' }, /no shop never-added\.myshopify\.com is configured/, 'ShopNotConfigured');
    const disabled = await registeredShop('disabled', { enabled: false });
    await expectFailure({ shop: disabled.domain }, /is disabled/, 'ShopDisabled');
    await expectFailure({ shop: 'Not a domain', filters: { since: 'yesterday' } }, /shop: must be a shop domain.*filters\.since: is not accepted here/, 'InvalidTaskInput');
  });
});
