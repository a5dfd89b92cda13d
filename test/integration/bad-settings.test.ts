import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { InvalidRunRequestError, ShopSyncClient } from '../../src/client';
import { runCli } from '../../src/cli/main';
import type { AppConfig } from '../../src/config';
import { InvalidShopSettingsError } from '../../src/domain/shop-settings';
import type { TaskKey } from '../../src/domain/tasks';
import { eventually } from '../support/eventually';
import { emulatedShop, testConfig, testWorker, uniqueShop } from '../support/stack';

/**
 * Bad settings, task inputs, raw workflow inputs and command lines (issue 12, "Bad input"): each is
 * refused before anything runs with a message naming the field, or fails its run at once with a
 * clear, non-retryable reason, never a workflow task retried for ever.
 */
describe('bad input: settings, task inputs, workflow inputs and command lines', () => {
  let config: AppConfig;
  let client: ShopSyncClient;
  let shop: string;

  before(async () => {
    config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    shop = (await emulatedShop('bad-settings', { currencyCode: 'EUR' })).domain;
    await client.addShop({ domain: shop, allowBackgroundSyncs: false, skuMapping: 'itemNo' });
  });

  after(async () => {
    await client?.close();
  });

  describe('shop settings (client.addShop and client.updateShop)', () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['an unknown setting (a typo)', { autoCreateOrder: true }, /autoCreateOrder: is not a shop setting/],
      ['a boolean given as text', { autoCreateOrders: 'yes' }, /autoCreateOrders: Invalid input: expected boolean, received string/],
      ['a value outside the setting\'s choices', { skuMapping: 'sku' }, /skuMapping: Invalid option: expected one of "none"\|"itemNo"/],
      ['an empty G/L account', { shippingChargesAccount: '' }, /shippingChargesAccount: Too small/],
      ['a G/L account longer than the ERP\'s 20 characters', { tipAccount: '7'.repeat(21) }, /tipAccount: Too big/],
      ['a schedule every 5 seconds', { schedules: { orders: { every: '5s' } } }, /schedules\.orders\.every: every must be a duration of at least 10s/],
      ['a schedule with both cron and every', { schedules: { orders: { every: '1h', cron: '0 * * * *' } } }, /schedules\.orders: give exactly one of cron or every/],
      ['a schedule whose cron is prose', { schedules: { orders: { cron: 'every minute' } } }, /schedules\.orders\.cron: must be a five-field cron expression/],
      ['a schedule for a task that does not exist', { schedules: { ordres: { every: '1h' } } }, /schedules\.ordres: is not a task \(tasks: refreshShopInfo, orders, /],
      ['a schedule with a field schedules do not have', { schedules: { orders: { every: '1h', at: '02:00' } } }, /schedules\.orders\.at: is not accepted here/],
      ['a schedule whose filters the task refuses', { schedules: { orders: { every: '1h', filters: { financialStatus: 'NOPE' } } } }, /schedules\.orders\.filters: financialStatus: Invalid option/],
      ['a run timeout of one millisecond', { runTimeouts: { orders: '1ms' } }, /runTimeouts\.orders: must be a duration such as "90s"/],
      ['a lock group with spaces and capitals', { lockGroups: { images: 'Media Group' } }, /lockGroups\.images: must be a short lower-case name/],
      ['a customer template for a lower-case country', { customerTemplatesByCountry: { fr: 'RETAIL-FR' } }, /customerTemplatesByCountry\.fr: must be a two-letter country code/],
      ['a currency code that is no ISO code', { currencyCode: 'euro' }, /currencyCode: must be a three-letter ISO currency code/],
      ['a bulk threshold of 0', { productBulkThreshold: 0 }, /productBulkThreshold: Too small/],
      ['both sides allowed to update products', { canUpdateShopifyProducts: true, shopifyCanUpdateItems: true }, /shopifyCanUpdateItems: cannot be on together with canUpdateShopifyProducts/],
      ['credit memos without sales documents', { returnAndRefundProcess: 'autoCreateCreditMemo' }, /returnAndRefundProcess: autoCreateCreditMemo needs autoCreateOrders on/],
      ['the default customer mapping without a default customer', { customerMappingType: 'defaultCustomer' }, /defaultCustomerNo: is required when customerMappingType is defaultCustomer/],
    ];
    for (const [what, settings, message] of cases) {
      it(`refuses ${what} on add and on update, naming the field, and changes nothing`, async () => {
        const domain = uniqueShop('refused');
        await assert.rejects(client.addShop({ domain, ...settings }), (error: Error) => error instanceof InvalidShopSettingsError && message.test(error.message));
        assert.equal(await client.shops.find(domain), undefined, 'not added');
        const before = await client.shops.get(shop);
        await assert.rejects(client.updateShop(shop, settings), (error: Error) => error instanceof InvalidShopSettingsError && message.test(error.message));
        assert.deepEqual((await client.shops.get(shop)).settings, before.settings, 'not changed');
      });
    }

    it('refuses a domain that is not a lower-case *.myshopify.com name', async () => {
      for (const domain of ['shop.example.com', 'Shop.myshopify.com', 'shop.myshopify.com.evil.io', '', 'x'.repeat(300)]) {
        await assert.rejects(client.addShop({ domain }), /domain: must be a shop domain such as my-store\.myshopify\.com \(lower case\)/, domain);
      }
    });

    it('refuses settings that are not an object, and a change of domain', async () => {
      await assert.rejects(client.addShop(null as never), /\(settings\): Invalid input: expected object, received null/);
      await assert.rejects(client.updateShop(shop, { domain: 'other.myshopify.com' }), /domain: cannot be changed; remove the shop and add it again/);
    });
  });

  describe('task inputs (client.runTask)', () => {
    const cases: Array<[string, TaskKey, { filters?: Record<string, unknown>; options?: Record<string, unknown> }, RegExp]> = [
      ['an unknown filter', 'orders', { filters: { status: 'open' } }, /filters\.status: is not accepted here/],
      ['an unknown financial status', 'orders', { filters: { financialStatus: 'SORT_OF' } }, /filters\.financialStatus: Invalid option/],
      ['a date range with an end but no start', 'orders', { options: { until: '2026-01-01T00:00:00Z' } }, /options\.until: until needs since/],
      ['a date range that ends before it starts', 'orders', { options: { since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' } }, /options\.until: must not be before since/],
      ['a start that is no date', 'orders', { options: { since: 'yesterday' } }, /options\.since: Invalid ISO datetime/],
      ['a negative overlap', 'orders', { options: { overlapSeconds: -1 } }, /options\.overlapSeconds: Too small/],
      ['an option the task does not have', 'salesDocuments', { options: { bulk: true } }, /options\.bulk: is not accepted here/],
      ['a posting date that is no calendar date', 'shipments', { filters: { postingDateFrom: '2026-13-45' } }, /filters\.postingDateFrom: must be a date such as 2026-11-30/],
      ['posting dates that end before they start', 'shipments', { filters: { postingDateFrom: '2026-11-30', postingDateTo: '2026-11-01' } }, /filters\.postingDateTo: must not be before postingDateFrom/],
      ['add items without saying which', 'addItems', {}, /filters: is required/],
      ['webhooks without the service\'s URL', 'webhooks', {}, /options: is required/],
      ['a webhook URL over plain http', 'webhooks', { options: { url: 'http://sync.example.com/webhooks' } }, /options\.url: must be an https:\/\/ URL/],
    ];
    for (const [what, task, input, message] of cases) {
      it(`refuses ${what} (${task}) before starting a run, naming the field`, async () => {
        await assert.rejects(client.runTask({ shop, task, wait: true, ...input }), (error: Error) => error instanceof InvalidRunRequestError && message.test(error.message));
      });
    }
  });

  describe('raw workflow inputs (started without the client, as the Temporal CLI can)', () => {
    const cases: Array<[string, string, unknown[], RegExp]> = [
      ['no argument at all', 'syncOrders', [], /Invalid input for orders: \(input\): Invalid input: expected object, received undefined/],
      ['null', 'createSalesDocuments', [null], /Invalid input for salesDocuments: \(input\): Invalid input: expected object, received null/],
      ['a bare string', 'syncProducts', ['my-store.myshopify.com'], /Invalid input for products: \(input\): Invalid input: expected object, received string/],
      ['a shop that is no domain', 'syncCustomers', [{ shop: 'My Store' }], /Invalid input for customers: shop: must be a shop domain/],
      ['filters of the wrong type', 'syncOrders', [{ shop: 'x.myshopify.com', filters: 'PAID' }], /Invalid input for orders: filters: Invalid input: expected object, received string/],
      ['an unknown trigger and field', 'refreshShopInfo', [{ shop: 'x.myshopify.com', trigger: 'cron-ish', extra: 1 }], /trigger: Invalid option.*; extra: is not accepted here|extra: is not accepted here.*trigger: Invalid option/],
      ['a continued lease that is no lease', 'syncOrders', [{ shop: 'x.myshopify.com', continued: { lockId: 7, token: -1 } }], /continued\.lockId: Invalid input: expected string, received number; continued\.token: Too small/],
      ['a shop nobody configured', 'refreshShopInfo', [{ shop: 'nobody-configured.myshopify.com' }], /no shop nobody-configured\.myshopify\.com is configured/],
      ['a lock input that is null', 'shopLock', [null], /Invalid input for shopLock: \(input\): Invalid input: expected object, received null/],
      ['a lock input without its lock id', 'shopLock', [{ shop: 'x.myshopify.com' }], /Invalid input for shopLock: lockId: Invalid input: expected string, received undefined/],
      ['a webhook debouncer for no shop', 'debounceOrderSyncs', [{ pending: -1 }], /Invalid input for debounceOrderSyncs: shop: Invalid input: expected string, received undefined; pending: Too small/],
    ];
    for (const [what, workflowType, args, message] of cases) {
      it(`fails ${workflowType} started with ${what} at once, for good, with a message that says why`, async () => {
        await assertFailsAtOnce(workflowType, args, message);
      });
    }

    it('lists a run that failed on its input among the shop\'s failures, with the reason', async () => {
      const named = uniqueShop('never-added');
      const workflowId = await assertFailsAtOnce('syncOrders', [{ shop: named, filters: 'PAID' }], /filters: Invalid input: expected object, received string/);
      const failure = await eventually('the failure is visible', async () => (await client.listFailures({ shop: named, sinceDays: 1 })).find((f) => f.workflowId === workflowId));
      assert.match(failure.message, /Invalid input for orders: filters: /);
    });

    it('fails a run resumed from a state that is not the task\'s at once, instead of retrying its workflow task for ever', async () => {
      const continued = { lockId: `shop-lock:${shop}`, token: 1, continuations: 1, state: { documents: 'garbage' } };
      await assertFailsAtOnce('syncOrders', [{ shop, continued }], /cannot resume orders from the state the run before it handed over/);
    });
  });

  describe('command lines (shopsync, run in process)', () => {
    const cases: Array<[string, (shop: string) => string[], RegExp, number?]> = [
      ['an unknown command', () => ['synchronise'], /unknown command "synchronise"/],
      ['an unknown task', (s) => ['run', 'ordrs', s], /unknown task "ordrs"; tasks: refreshShopInfo, orders/],
      ['filters that are no JSON', (s) => ['run', 'orders', s, '--filters', '{financialStatus:PAID'], /--filters must be a JSON object, got: \{financialStatus:PAID/],
      ['filters that are a JSON list', (s) => ['run', 'orders', s, '--filters', '["PAID"]'], /--filters must be a JSON object/],
      ['filters the task refuses', (s) => ['run', 'orders', s, '--filters', '{"financialStatus":"NOPE"}'], /Invalid input for orders: filters\.financialStatus: Invalid option/],
      ['--limit 0', (s) => ['orders', 'list', s, '--limit', '0'], /--limit must be a whole number above 0/],
      ['--limit that is no number', (s) => ['status', s, '--limit', 'ten'], /--limit must be a whole number above 0/],
      ['an unknown option', (s) => ['status', s, '--frobnicate'], /Unknown option '--frobnicate'/],
      ['an option without its value', () => ['run', 'orders', '--shop'], /Option '--shop <value>' argument missing/],
      ['two different shops', (s) => ['status', s, '--shop', 'other.myshopify.com'], /two different shops given: .* and --shop other\.myshopify\.com; give one/],
      ['no shop', () => ['run', 'orders'], /missing shop: give <domain> or --shop <domain>/],
      ['a --set without a value', (s) => ['shops', 'update', s, '--set', 'autoCreateOrders'], /--set expects key=value, got "autoCreateOrders"/],
      ['a settings file that does not exist', (s) => ['shops', 'update', s, '--settings-file', '/nonexistent/settings.json'], /--settings-file: cannot read \/nonexistent\/settings\.json/],
      ['a setting the shop refuses', (s) => ['shops', 'update', s, '--set', 'skuMapping=sku'], /Invalid shop settings: skuMapping: Invalid option/],
      ['a shop domain that is no shop domain', () => ['shops', 'add', 'shop.example.com'], /Invalid shop settings: domain: must be a shop domain/],
    ];
    for (const [what, argv, message, expectedCode = 2] of cases) {
      it(`exits with code ${expectedCode} and one line on ${what}`, async () => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv(shop), { out: (line) => out.push(line), err: (line) => err.push(line), connect: () => ShopSyncClient.connect(config) });
        assert.equal(code, expectedCode, `exit code (stderr: ${err.join(' | ')})`);
        assert.equal(err.length, 1, `one line: ${err.join(' | ')}`);
        assert.equal(err[0]?.includes('\n'), false, 'one line');
        assert.match(err[0] ?? '', /^shopsync: /);
        assert.match(err[0] ?? '', message);
        assert.deepEqual(out, []);
      });
    }
  });

  /** Starts a workflow with raw arguments; it must fail within seconds, non-retryably, without a failed workflow task. */
  async function assertFailsAtOnce(workflowType: string, args: unknown[], message: RegExp): Promise<string> {
    const workflowId = `bad-input-${workflowType}-${randomBytes(4).toString('hex')}`;
    const started = Date.now();
    const handle = await client.temporal.workflow.start(workflowType, { taskQueue: config.taskQueue, workflowId, args, workflowExecutionTimeout: '2 minutes' });
    const failure = await Promise.race([
      handle.result().then(
        () => assert.fail(`${workflowType} completed`),
        (error: unknown) => error,
      ),
      new Promise((resolve) => setTimeout(() => resolve(new Error('still running after 20 s')), 20_000)),
    ]);
    if (!(failure instanceof WorkflowFailedError)) {
      await handle.terminate('bad-input test: did not fail at once').catch(() => undefined);
      assert.fail(`${workflowType} did not fail at once: ${String(failure)}`);
    }
    assert.match(failure.cause?.message ?? '', message);
    assert.ok(Date.now() - started < 20_000);
    const description = await handle.describe();
    assert.equal(description.status.name, 'FAILED');
    const history = await handle.fetchHistory();
    assert.equal(history.events?.filter((e) => e.workflowTaskFailedEventAttributes).length, 0, 'no workflow task failed (no retry loop)');
    const failed = history.events?.at(-1)?.workflowExecutionFailedEventAttributes?.failure;
    assert.equal(failed?.applicationFailureInfo?.nonRetryable ?? failed?.cause?.applicationFailureInfo?.nonRetryable, true, 'non-retryable');
    return workflowId;
  }
});
