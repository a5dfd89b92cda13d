import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal as proto } from '@temporalio/proto';
import { Merchant } from '../../emulator/merchant-client';
import { ShopSyncClient, TaskRunFailedError } from '../../src/client';
import type { AppConfig } from '../../src/config';
import { DEFAULT_LOCK_GROUP, lockId, TASKS } from '../../src/domain/tasks';
import { EnvAndFileTokenSource } from '../../src/secrets';
import { startService } from '../../src/serve';
import { codecKeysOf } from '../../src/temporal/codec-keys';
import { AesGcmPayloadCodec } from '../../src/temporal/payload-codec';
import { createSyncWorker, type SyncWorker } from '../../src/worker';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, TEST_SHOPIFY_RETRY, testBundle, testConfig, testStack, testTokenEnv } from '../support/stack';

const execute = promisify(execFile);
const WEB_UI = 'http://127.0.0.1:8233';
const SERVICE_TOKEN = `codec-test-token-${randomBytes(8).toString('hex')}`;

interface Found {
  /** Every string, and every byte field read as UTF-8 (a payload in clear shows its JSON). */
  texts: string[];
  payloads: Array<{ path: string; encoding: string }>;
}

/** What a history, or a visibility record, holds: its texts and its payloads with where each sits. */
function contents(value: unknown, path = '', found: Found = { texts: [], payloads: [] }): Found {
  if (value instanceof Uint8Array) {
    found.texts.push(Buffer.from(value).toString('utf8'));
  } else if (typeof value === 'string') {
    found.texts.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => contents(item, `${path}[${index}]`, found));
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('metadata' in record && 'data' in record) {
      const encoding = (record.metadata as Record<string, Uint8Array | string> | null)?.encoding;
      found.payloads.push({ path, encoding: encoding === undefined ? '' : typeof encoding === 'string' ? Buffer.from(encoding, 'base64').toString('utf8') : Buffer.from(encoding).toString('utf8') });
    }
    for (const [key, item] of Object.entries(record)) contents(item, path ? `${path}.${key}` : key, found);
  }
  return found;
}

/**
 * Payloads Temporal never gives to a codec: search attributes (they are indexed), the lock fence's
 * activity header, and the SDK's own marker bookkeeping (local activity and patch markers). None holds
 * customer data: the text search below covers them too.
 */
const NEVER_ENCODED = [/\.searchAttributes\.indexedFields\./, /^searchAttributes\.indexedFields\./, /\.header\.fields\.shopsync-fence$/, /\.markerRecordedEventAttributes\.details\.(data|patch-data)\.payloads\[\d+\]$/];

/** The JSON the Temporal CLI prints, its payloads in clear read from base64 (as `--output json` shows them). */
function cliPayloadTexts(output: string): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.data === 'string' && record.metadata && typeof record.metadata === 'object') texts.push(Buffer.from(record.data, 'base64').toString('utf8'));
      Object.values(record).forEach(visit);
    }
  };
  visit(JSON.parse(output));
  return texts;
}

/** Customer data through the order-to-cash and customer tasks, with payloads encrypted, read back with and without the codec. */
describe('encrypted payloads', () => {
  const suffix = randomBytes(3).toString('hex');
  const taskQueue = `codec-test-${suffix}`;
  const email = `zephyrine.quill-${suffix}@example.com`;
  const firstName = 'Zephyrine';
  const lastName = `Quillfeather${suffix}`;
  const sku = `CODEC${suffix}`.toUpperCase();
  let config: AppConfig;
  let worker: SyncWorker;
  let client: ShopSyncClient;
  let connection: Connection;
  let plain: Client;
  let service: Awaited<ReturnType<typeof startService>>;
  let temporalBinary: string;
  let shop: string;
  let lock: string;
  let byHandId: string;
  const runs: Array<{ workflowId: string; runId: string }> = [];

  const temporalCli = async (args: string[]): Promise<string> =>
    (await execute(temporalBinary, [...args, '--address', config.temporalAddress, '--namespace', config.temporalNamespace], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  const withCodec = (): string[] => ['--codec-endpoint', `${service.url}/codec`, '--codec-auth', `Bearer ${SERVICE_TOKEN}`];
  const codecRequest = (path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) =>
    fetch(`${service.url}${path}`, {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_TOKEN}`, ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  before(async () => {
    config = { ...(await testConfig()), taskQueue, lockTaskQueue: taskQueue, codecKeyId: `test-${suffix}`, codecKey: randomBytes(32).toString('base64') };
    worker = await createSyncWorker({ config, workflowBundle: await testBundle(), shopifyRetry: TEST_SHOPIFY_RETRY, tokens: new EnvAndFileTokenSource(undefined, testTokenEnv) });
    void worker.run();
    client = await ShopSyncClient.connect(config);
    connection = await Connection.connect({ address: config.temporalAddress });
    plain = new Client({ connection, namespace: config.temporalNamespace });
    service = await startService({ ...config, servicePort: 0, serviceToken: SERVICE_TOKEN, temporalWebUi: WEB_UI }, { secrets: { webhookSecretFor: () => undefined }, log: () => undefined });
    temporalBinary = (await testStack()).tools.temporal;

    const created = await emulatedShop('codec', { currencyCode: 'EUR', locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }] });
    shop = created.domain;
    lock = lockId(shop, DEFAULT_LOCK_GROUP);
    await client.erpStore.items.upsert({ no: sku, description: 'Codec mug', unitPrice: '8.00' });
    await client.addShop({ domain: shop, allowBackgroundSyncs: false, autoCreateUnknownCustomers: true, customerImportFromShopify: 'allCustomers', customerTemplateCode: 'RETAIL', shippingChargesAccount: '7190' });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop, created.token);
    const variants = await merchant.product('Codec mug', [{ sku, price: '8.00' }]);
    const address = { firstName, lastName, address1: '7 Rue des Secrets', city: 'Lyon', zip: '69001', countryCode: 'FR' };
    await merchant.webOrder([{ variantId: variants[sku] as string, quantity: 1 }], { email, extra: { customer: { toUpsert: { email, firstName, lastName } }, shippingAddress: address, billingAddress: address } });

    // The order comes in, becomes a sales document for a new ERP customer, and the customer is synced.
    for (const task of ['orders', 'salesDocuments', 'customers'] as const) runs.push(await client.runTask({ shop, task, wait: true }));
    assert.equal((await client.erpStore.customers.byEmail(email)) !== undefined, true, 'the ERP has the customer');
    // A run started by hand (as with temporal workflow start) with the customer's e-mail and name as filters: invalid input.
    const byHand = await client.temporal.workflow.start(TASKS.customers.workflowType, {
      taskQueue,
      workflowId: `run:${shop}:customers:by-hand`,
      args: [{ shop, filters: { customerIds: [email], names: [`${firstName} ${lastName}`] } }],
    });
    await assert.rejects(byHand.result(), WorkflowFailedError);
    byHandId = byHand.workflowId;
    runs.push({ workflowId: byHand.workflowId, runId: byHand.firstExecutionRunId });
    // A run failing in an activity: the shop's token was revoked.
    await (await emulatorAdmin()).updateShop(shop, { token: 'shpat_revoked_for_codec' });
    const failed = await client.runTask({ shop, task: 'customers', wait: true }).then(() => assert.fail('the run succeeded'), (error: unknown) => error);
    assert.ok(failed instanceof TaskRunFailedError);
    runs.push(failed.run);
  });

  after(async () => {
    await service?.close();
    await client?.close();
    await connection?.close();
    await worker?.shutdown();
  });

  it('writes no customer e-mail or name in clear in any history of the runs or of the shop lock, nor in their memos and search attributes: every payload is encrypted', async () => {
    const executions = await eventually('every run and the lock in visibility', async () => {
      const found = new Map<string, proto.api.workflow.v1.IWorkflowExecutionInfo>();
      for (const query of [`ShopDomain = '${shop}'`, `WorkflowId = '${lock}'`, `WorkflowId = '${byHandId}'`]) {
        const page = await connection.workflowService.listWorkflowExecutions({ namespace: config.temporalNamespace, query, pageSize: 100 });
        for (const execution of page.executions) found.set(`${execution.execution?.workflowId}|${execution.execution?.runId}`, execution);
      }
      const missing = runs.filter((r) => !found.has(`${r.workflowId}|${r.runId}`));
      return missing.length === 0 && [...found.keys()].some((key) => key.startsWith(`${lock}|`)) ? found : undefined;
    });
    let encrypted = 0;
    for (const [key, execution] of executions) {
      const [workflowId, runId] = key.split('|') as [string, string];
      // A client without the codec reads what the server stores.
      const history = contents(await plain.workflow.getHandle(workflowId, runId).fetchHistory());
      const visibility = contents(execution);
      const texts = [...history.texts, ...visibility.texts].join('\n').toLowerCase();
      for (const secret of [email, firstName, lastName]) assert.equal(texts.includes(secret.toLowerCase()), false, `${secret} in ${key}`);
      const payloads = [...history.payloads, ...visibility.payloads];
      assert.deepEqual(payloads.filter((p) => p.encoding !== 'binary/encrypted' && !NEVER_ENCODED.some((pattern) => pattern.test(p.path))), [], `payloads in clear in ${key}`);
      encrypted += payloads.filter((p) => p.encoding === 'binary/encrypted').length;
    }
    assert.ok(encrypted > 20, `${encrypted} encrypted payloads`);
    // The search would have found them: the run started by hand carries both, encrypted.
    const started = (await plain.workflow.getHandle(byHandId).fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0] as Payload;
    const [input] = await new AesGcmPayloadCodec(codecKeysOf(config) as NonNullable<ReturnType<typeof codecKeysOf>>).decode([started]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(input as Payload), { shop, filters: { customerIds: [email], names: [`${firstName} ${lastName}`] } });
  });

  it('shows the decrypted payloads with temporal workflow show --codec-endpoint <service>/codec --codec-auth, and only ciphertext without them', async () => {
    const decoded = await temporalCli(['workflow', 'show', '--workflow-id', byHandId, '--output', 'json', ...withCodec()]);
    assert.ok(cliPayloadTexts(decoded).some((text) => text.includes(email) && text.includes(`${firstName} ${lastName}`)), 'the e-mail and the name in the decoded input');
    const detailed = await temporalCli(['workflow', 'show', '--workflow-id', byHandId, '--output', 'text', '--detailed', ...withCodec()]);
    assert.match(detailed, new RegExp(`input\\[0\\]\\.filters\\.customerIds\\[0\\]: ${email.replace(/\./g, '\\.')}`));

    const raw = await temporalCli(['workflow', 'show', '--workflow-id', byHandId, '--output', 'json']);
    assert.equal([raw, ...cliPayloadTexts(raw)].some((text) => text.includes(email) || text.includes(lastName)), false);
    assert.ok(contents(JSON.parse(raw)).payloads.some((p) => p.encoding === 'binary/encrypted'));

    // Every payload of every run and of the lock decodes.
    for (const { workflowId, runId } of [...runs, { workflowId: lock, runId: '' }]) {
      const shown = await temporalCli(['workflow', 'show', '--workflow-id', workflowId, ...(runId ? ['--run-id', runId] : []), '--output', 'json', ...withCodec()]);
      assert.deepEqual(contents(JSON.parse(shown)).payloads.filter((p) => p.encoding === 'binary/encrypted'), [], workflowId);
    }
  });

  it('answers the Web UI\'s preflight from its origin without credentials, then decodes and encodes for it with CORS headers', async () => {
    const preflight = await fetch(`${service.url}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: WEB_UI, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), WEB_UI);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type, x-namespace, authorization');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);

    const stored = (await plain.workflow.getHandle(byHandId).fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const asJson = (payload: typeof stored) => ({
      metadata: Object.fromEntries(Object.entries(payload?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(payload?.data ?? new Uint8Array()).toString('base64'),
    });
    const decoded = await codecRequest('/codec/decode', { headers: { origin: WEB_UI, 'x-namespace': config.temporalNamespace }, body: { payloads: [asJson(stored)] } });
    assert.equal(decoded.status, 200);
    assert.equal(decoded.headers.get('access-control-allow-origin'), WEB_UI);
    assert.equal(decoded.headers.get('access-control-allow-credentials'), 'true');
    const { payloads } = (await decoded.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> };
    assert.equal(Buffer.from(payloads[0]?.metadata.encoding ?? '', 'base64').toString(), 'json/plain');
    assert.ok(Buffer.from(payloads[0]?.data ?? '', 'base64').toString().includes(email));

    // The UI encodes what it sends (a signal, a workflow started from it); /codec/{namespace}/... works too.
    const encoded = (await (await codecRequest(`/codec/${config.temporalNamespace}/encode`, { headers: { origin: WEB_UI }, body: { payloads } })).json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> };
    assert.equal(Buffer.from(encoded.payloads[0]?.metadata['encryption-key-id'] ?? '', 'base64').toString(), config.codecKeyId);
    assert.equal(Buffer.from(encoded.payloads[0]?.data ?? '', 'base64').toString().includes(email), false);
    const again = (await (await codecRequest('/codec/decode', { body: encoded })).json()) as { payloads: unknown[] };
    assert.deepEqual(again.payloads, payloads);
  });

  it('refuses browsers from other origins and callers without the service\'s credentials, and names an unknown key id', async () => {
    const foreign = await fetch(`${service.url}/codec/decode`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);

    const anonymous = await fetch(`${service.url}/codec/decode`, { method: 'POST', headers: { 'content-type': 'application/json', origin: WEB_UI }, body: JSON.stringify({ payloads: [] }) });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('access-control-allow-origin'), WEB_UI, 'the UI can read why');
    assert.match(((await anonymous.json()) as { error: string }).error, /unauthorized/);

    const otherKey = randomBytes(32).toString('base64');
    const [sealed] = await new AesGcmPayloadCodec({ keyId: 'retired-2025', key: Buffer.from(otherKey, 'base64'), oldKeys: new Map() }).encode([defaultPayloadConverter.toPayload({ email })]);
    const unknown = await codecRequest('/codec/decode', {
      body: { payloads: [{ metadata: Object.fromEntries(Object.entries(sealed?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(sealed?.data ?? new Uint8Array()).toString('base64') }] },
    });
    assert.equal(unknown.status, 400);
    const { error } = (await unknown.json()) as { error: string };
    assert.match(error, /key "retired-2025", which is not configured/);
    assert.equal(error.includes(otherKey) || error.includes(config.codecKey as string), false);
    assert.equal((await codecRequest('/codec/decode', { body: { payload: 'nope' } })).status, 400);
  });

  it('answers /codec/* with 404 and says what to set when the service has no codec', async () => {
    const { codecKeyId: _id, codecKey: _key, ...withoutCodec } = config;
    const bare = await startService({ ...withoutCodec, servicePort: 0 }, { secrets: { webhookSecretFor: () => undefined }, log: () => undefined });
    try {
      assert.equal(bare.codecUrl, undefined);
      const response = await fetch(`${bare.url}/codec/decode`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payloads: [] }) });
      assert.equal(response.status, 404);
      assert.match(((await response.json()) as { error: string }).error, /no payload codec is configured on this service: set SHOPSYNC_CODEC_KEY and SHOPSYNC_CODEC_KEY_ID/);
    } finally {
      await bare.close();
    }
  });
});
