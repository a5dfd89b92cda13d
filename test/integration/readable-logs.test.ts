import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ShopSyncClient, TaskRunFailedError } from '../../src/client';
import { PROJECT_ROOT, type AppConfig } from '../../src/config';
import { tokenEnvName } from '../../src/secrets';
import { eventually } from '../support/eventually';
import { isolatedQueue } from '../support/lock-probes';
import { recordOutput } from '../support/output-recorder';
import { emulatedShop, emulatorAdmin, testBundleFile, testConfig } from '../support/stack';

const WEB_UI = 'http://127.0.0.1:8233';

/** A worker process logging as in production, its stdout and stderr captured together. */
async function loggingWorker(config: AppConfig, tokens: Record<string, string>): Promise<{ child: ChildProcess; output: () => string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test', 'support', 'worker-process.ts')], {
    env: {
      ...process.env,
      SHOPSYNC_TEST_CONFIG: JSON.stringify(config),
      SHOPSYNC_TEST_BUNDLE: await testBundleFile(),
      SHOPSYNC_TEST_TOKENS: JSON.stringify(tokens),
      SHOPSYNC_TEST_PROJECT_LOGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const take = (chunk: Buffer): void => {
      recordOutput(chunk.toString());
      output += chunk.toString();
      if (output.includes('ready\n')) resolve();
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void exited.then(() => reject(new Error(`worker process exited before it was ready:\n${output}`)));
  });
  return { child, output: () => output, exited };
}

describe('readable logs', () => {
  it('a revoked token is one line for the failed activity and one for the failed run: task, shop, message, Web UI link; no stack, no token', async () => {
    const queue = isolatedQueue('logs');
    const config: AppConfig = { ...(await testConfig()), taskQueue: queue, lockTaskQueue: queue, temporalWebUi: WEB_UI };
    const shop = await emulatedShop('logs');
    const client = await ShopSyncClient.connect(config);
    const worker = await loggingWorker(config, { [tokenEnvName(shop.domain)]: shop.token });
    try {
      await client.shops.add({ domain: shop.domain, allowBackgroundSyncs: false });
      await (await emulatorAdmin()).updateShop(shop.domain, { token: 'shpat_revoked_by_merchant' });
      await assert.rejects(client.runTask({ shop: shop.domain, task: 'refreshShopInfo' }), TaskRunFailedError);
      await eventually('the failed run logged', async () => (worker.output().includes('failed workflow refreshShopInfo') ? true : undefined));
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await client.close();
    }

    const output = worker.output();
    const lines = output.split('\n').filter((line) => line.includes(shop.domain));
    const link = `${WEB_UI}/namespaces/${config.temporalNamespace}/workflows/${encodeURIComponent(`run:${shop.domain}:refreshShopInfo`)}/`;
    const message = `Shopify refused the access token of ${shop.domain} (HTTP 401): it is missing, revoked or lacks a scope`;
    assert.equal(lines.length, 2, output);
    // The activity's failure still has its type; the run's crossed the workflow thread without it.
    assert.match(lines[0] ?? '', /^\S+ WARN failed activity refreshShopInfo task=refreshShopInfo shop=/);
    assert.ok(lines[0]?.includes(`shop=${shop.domain}: ${message} (ShopifyAuthError) ${link}`), lines[0]);
    assert.match(lines[1] ?? '', /^\S+ WARN failed workflow refreshShopInfo task=refreshShopInfo shop=/);
    assert.ok(lines[1]?.includes(`shop=${shop.domain}: ${message} ${link}`), lines[1]);
    for (const line of lines) assert.match(line, /\/history$/);
    assert.doesNotMatch(output, /^\s+at /m, 'a stack trace was printed');
    assert.ok(!output.includes(shop.token), 'the access token was printed');
    assert.ok(!output.includes('shpat_'), 'a token-shaped string was printed');
  });
});
