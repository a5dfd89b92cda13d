import { DefaultLogger, Runtime } from '@temporalio/worker';
import { AppConfigSchema } from '../../src/config';
import { installProjectLogger } from '../../src/logging';
import { EnvAndFileTokenSource } from '../../src/secrets';
import { createSyncWorker } from '../../src/worker';
import { createProbeActivities } from './probe-activities';

/**
 * A worker in a process of its own, so a test can SIGKILL or SIGTERM it mid-run. Its configuration
 * arrives as JSON in SHOPSYNC_TEST_CONFIG, the workflow bundle's path in SHOPSYNC_TEST_BUNDLE; it
 * prints "ready" once it polls and "stopped" when a shutdown completed. It logs only errors, unless
 * SHOPSYNC_TEST_PROJECT_LOGS is set or its configuration asks for metrics: then it installs the
 * runtime as the production worker does (logs, and the Prometheus endpoint).
 */
async function main(): Promise<void> {
  const config = AppConfigSchema.parse(JSON.parse(process.env.SHOPSYNC_TEST_CONFIG ?? '{}'));
  if (process.env.SHOPSYNC_TEST_PROJECT_LOGS || config.metricsPort !== undefined) installProjectLogger(config);
  else Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  const codePath = process.env.SHOPSYNC_TEST_BUNDLE;
  if (!codePath) throw new Error('SHOPSYNC_TEST_BUNDLE is not set');
  const worker = await createSyncWorker({
    config,
    workflowBundle: { codePath },
    tokens: new EnvAndFileTokenSource(undefined, JSON.parse(process.env.SHOPSYNC_TEST_TOKENS ?? '{}') as NodeJS.ProcessEnv),
    shopifyRetry: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200, maxThrottledAttempts: 10 },
    extraActivities: createProbeActivities,
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  await running;
  process.stdout.write('stopped\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
