import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { EmulatorAdmin } from '../../emulator/admin-client';
import { startStack, type Stack } from '../../scripts/stack';
import type { AppConfig } from '../../src/config';
import { EnvAndFileTokenSource, tokenEnvName } from '../../src/secrets';
import type { RetrySettings } from '../../src/shopify/client';
import { configureShopifyTransport } from '../../src/shopify/transport';
import { createSyncWorker, type SyncWorker } from '../../src/worker';

/**
 * The servers every integration test shares: started once, on first use, on free ports of
 * 127.0.0.1 with throw-away state, and stopped by the root hook at the end of the run.
 */
let stackPromise: Promise<Stack> | undefined;
let bundlePromise: Promise<WorkflowBundleWithSourceMap> | undefined;
let workerPromise: Promise<SyncWorker> | undefined;
let runtimeInstalled = false;

/** Tokens the test worker sees, as if they were its environment. */
export const testTokenEnv: NodeJS.ProcessEnv = {};

/** Fast client-side retries so fault tests take milliseconds, not seconds. */
export const TEST_SHOPIFY_RETRY: RetrySettings = { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200, maxThrottledAttempts: 10 };

export const TEST_TASK_QUEUE = `shopify-sync-test-${randomBytes(3).toString('hex')}`;

/** Short leases, so that recovery from a dead holder is seen within seconds. */
export const TEST_LOCK_LEASE_SECONDS = 3;

function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
}

export function testStack(): Promise<Stack> {
  installQuietRuntime();
  stackPromise ??= startStack({ log: () => undefined });
  return stackPromise;
}

export async function testConfig(): Promise<AppConfig> {
  const stack = await testStack();
  configureShopifyTransport(stack.emulatorUrl);
  return {
    temporalAddress: stack.temporalAddress,
    temporalNamespace: stack.temporalNamespace,
    taskQueue: TEST_TASK_QUEUE,
    mongoUri: stack.mongoUri,
    mongoDatabase: 'shopsync_test',
    shopifyApiOrigin: stack.emulatorUrl,
    lockLeaseSeconds: TEST_LOCK_LEASE_SECONDS,
    lockTaskQueue: TEST_TASK_QUEUE,
    // Low, so that lock workflows continue as new often during the tests.
    lockHistoryLimit: 80,
  };
}

export async function emulatorAdmin(): Promise<EmulatorAdmin> {
  return new EmulatorAdmin((await testStack()).emulatorUrl);
}

/** The worker under test, with the project's real activities and the workflow bundle built once. */
export async function testWorker(): Promise<SyncWorker> {
  workerPromise ??= (async () => {
    const config = await testConfig();
    bundlePromise ??= bundleWorkflowCode({ workflowsPath: require.resolve('./test-workflows'), logger: new DefaultLogger('WARN') });
    const worker = await createSyncWorker({
      config,
      workflowBundle: await bundlePromise,
      shopifyRetry: TEST_SHOPIFY_RETRY,
      tokens: new EnvAndFileTokenSource(undefined, testTokenEnv),
    });
    void worker.run();
    return worker;
  })();
  return workerPromise;
}

let shopCounter = 0;

/** A shop domain no other test uses. */
export function uniqueShop(prefix: string): string {
  shopCounter += 1;
  return `${prefix}-${shopCounter}-${randomBytes(3).toString('hex')}.myshopify.com`;
}

/** Creates a shop in the emulator and gives the test worker its token. */
export async function emulatedShop(
  prefix: string,
  seed: Partial<Parameters<EmulatorAdmin['createShop']>[0]> = {},
): Promise<{ domain: string; token: string }> {
  const domain = uniqueShop(prefix);
  const token = `shpat_test_${randomBytes(12).toString('hex')}`;
  const admin = await emulatorAdmin();
  await admin.createShop({ domain, token, ...seed });
  testTokenEnv[tokenEnvName(domain)] = token;
  return { domain, token };
}

export async function stopTestStack(): Promise<void> {
  if (workerPromise) await (await workerPromise).shutdown();
  if (stackPromise) await (await stackPromise).stop();
}
