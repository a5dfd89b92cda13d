import { DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorAdmin } from '../../emulator/admin-client';
import { startStack, type Stack } from '../../scripts/stack';
import type { AppConfig } from '../../src/config';
import { EnvAndFileTokenSource, tokenEnvName } from '../../src/secrets';
import type { RetrySettings } from '../../src/shopify/client';
import { configureShopifyTransport } from '../../src/shopify/transport';
import { buildWorkflowBundle } from '../../src/temporal/workflow-bundle';
import { createSyncWorker, type SyncWorker } from '../../src/worker';
import { createProbeActivities } from './probe-activities';

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

/** The lock checks its holder every second in the tests, so a closed holder is noticed within seconds. */
export const TEST_LOCK_CHECK_SECONDS = 1;
/** Waiting runs send their request again every 2 s, so a restarted lock rebuilds its queue quickly. */
export const TEST_LOCK_RESEND_SECONDS = 2;
/** The server suggests continue-as-new this early, so the tests go through it in ordinary runs too. */
export const TEST_SUGGEST_CONTINUE_AS_NEW_EVENTS = 150;

function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
}

export function testStack(): Promise<Stack> {
  installQuietRuntime();
  stackPromise ??= startStack({ log: () => undefined, temporalDynamicConfig: { 'limit.historyCount.suggestContinueAsNew': TEST_SUGGEST_CONTINUE_AS_NEW_EVENTS } });
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
    lockCheckSeconds: TEST_LOCK_CHECK_SECONDS,
    lockResendSeconds: TEST_LOCK_RESEND_SECONDS,
    lockMaxWaitSeconds: 600,
    lockTaskQueue: TEST_TASK_QUEUE,
    // Low, so that lock workflows continue as new often during the tests.
    lockHistoryLimit: 80,
  };
}

export async function emulatorAdmin(): Promise<EmulatorAdmin> {
  return new EmulatorAdmin((await testStack()).emulatorUrl);
}

/** The project's workflows and the engine's test workflows, bundled once per test run. */
export function testBundle(): Promise<WorkflowBundleWithSourceMap> {
  installQuietRuntime();
  bundlePromise ??= buildWorkflowBundle(require.resolve('./test-workflows'));
  return bundlePromise;
}

let bundleFile: string | undefined;

/** The same bundle as a file, for worker processes of their own. */
export async function testBundleFile(): Promise<string> {
  if (!bundleFile) {
    const path = join(mkdtempSync(join(tmpdir(), 'shopsync-bundle-')), 'workflows.js');
    writeFileSync(path, (await testBundle()).code);
    bundleFile = path;
  }
  return bundleFile;
}

/** The worker under test, with the project's real activities and the workflow bundle built once. */
export async function testWorker(): Promise<SyncWorker> {
  workerPromise ??= (async () => {
    const worker = await createSyncWorker({
      config: await testConfig(),
      workflowBundle: await testBundle(),
      shopifyRetry: TEST_SHOPIFY_RETRY,
      tokens: new EnvAndFileTokenSource(undefined, testTokenEnv),
      extraActivities: createProbeActivities,
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
