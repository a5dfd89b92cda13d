import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { ShopSyncClient } from '../../src/client';
import { recordedOutput } from '../support/output-recorder';
import { emulatedShop, testConfig, testTokenEnv, testWorker } from '../support/stack';

/** Anything shaped like a Shopify credential: access tokens (shpat_, shpca_, shppa_) and app secrets (shpss_). */
const CREDENTIAL = /shp(?:at|ca|pa|ss)_[A-Za-z0-9_]{6,}/g;
const PARALLEL_READS = 16;

/** All the text in a value: strings, and bytes (payloads, memos, search attributes) read as UTF-8. */
function textOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (Array.isArray(value)) for (const item of value) textOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) textOf(item, out);
  return out;
}

function credentialsIn(text: string, known: Set<string>): string[] {
  const found = new Set(text.match(CREDENTIAL) ?? []);
  for (const token of known) if (text.includes(token)) found.add(token);
  return [...found];
}

async function inBatches<T>(items: T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let at = 0; at < items.length; at += PARALLEL_READS) await Promise.all(items.slice(at, at + PARALLEL_READS).map(each));
}

/**
 * The last test of the run: what every other test left behind is searched for the shops' tokens and
 * webhook secrets. The README promises they never enter Temporal, MongoDB or the logs.
 */
describe('no access token anywhere, after every other test', () => {
  let connection: Connection;
  let temporal: Client;
  let mongo: MongoClient;

  before(async () => {
    const config = await testConfig();
    connection = await Connection.connect({ address: config.temporalAddress });
    temporal = new Client({ connection, namespace: config.temporalNamespace });
    mongo = await MongoClient.connect(config.mongoUri);
    // A run of its own, so the search has a history that used a token even when this file runs alone.
    await testWorker();
    const shop = await emulatedShop('no-secrets');
    const client = await ShopSyncClient.connect(config);
    try {
      await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false });
      await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    } finally {
      await client.close();
    }
  });

  after(async () => {
    await connection?.close();
    await mongo?.close();
  });

  const knownTokens = () => new Set(Object.values(testTokenEnv).filter((token): token is string => !!token));

  it('the search finds a token hidden in payload bytes (the check can fail)', () => {
    const planted = { events: [{ input: { payloads: [{ data: Buffer.from('{"token":"shpat_planted_0123456789"}') }] } }] };
    assert.deepEqual(credentialsIn(textOf(planted).join('\n'), new Set()), ['shpat_planted_0123456789']);
  });

  it('no workflow history (locks and every task, failed runs included), memo or search attribute holds a token or secret', async function () {
    this.timeout(10 * 60_000);
    const known = knownTokens();
    const executions: Array<{ workflowId: string; runId: string; listed: unknown }> = [];
    for await (const execution of temporal.workflow.list({ query: '' })) {
      executions.push({ workflowId: execution.workflowId, runId: execution.runId, listed: [execution.memo, execution.searchAttributes, execution.typedSearchAttributes] });
    }
    const hits: string[] = [];
    await inBatches(executions, async ({ workflowId, runId, listed }) => {
      const history = await temporal.workflow.getHandle(workflowId, runId).fetchHistory();
      const found = credentialsIn([...textOf(history), ...textOf(listed)].join('\n'), known);
      if (found.length) hits.push(`${workflowId} (${runId}): ${found.join(', ')}`);
    });
    assert.ok(executions.length > 0 && known.size > 0, 'there were runs and tokens to look for');
    console.log(`      searched ${executions.length} workflow histories for ${known.size} known tokens and any credential-shaped text`);
    assert.deepEqual(hits, []);
  });

  it('no document of the ERP store (every collection of the test databases) holds a token or secret', async () => {
    const known = knownTokens();
    const { databases } = await mongo.db('admin').admin().listDatabases();
    const hits: string[] = [];
    let documents = 0;
    for (const { name } of databases.filter((database) => database.name.startsWith('shopsync'))) {
      const db = mongo.db(name);
      for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        for await (const document of db.collection(collection).find()) {
          documents += 1;
          const found = credentialsIn(JSON.stringify(document), known);
          if (found.length) hits.push(`${name}.${collection} ${String(document._id)}: ${found.join(', ')}`);
        }
      }
    }
    assert.ok(documents > 0, 'the store had documents to search');
    assert.deepEqual(hits, []);
  });

  it('nothing the run printed, nor the output of the worker processes and CLI calls it started, holds a token or secret', () => {
    const output = recordedOutput();
    assert.ok(output.length > 0, 'output was recorded');
    assert.deepEqual(credentialsIn(output, knownTokens()), []);
  });
});
