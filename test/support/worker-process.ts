import { DefaultLogger, Runtime } from '@temporalio/worker';
import { AppConfigSchema } from '../../src/config';
import { EnvAndFileTokenSource } from '../../src/secrets';
import { createSyncWorker } from '../../src/worker';

/**
 * A worker in a process of its own, so a test can SIGKILL it mid-run. Its configuration arrives as
 * JSON in SHOPSYNC_TEST_CONFIG; it prints "ready" once it polls.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = AppConfigSchema.parse(JSON.parse(process.env.SHOPSYNC_TEST_CONFIG ?? '{}'));
  const worker = await createSyncWorker({
    config,
    workflowsPath: require.resolve('./test-workflows'),
    tokens: new EnvAndFileTokenSource(undefined, {}),
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  await running;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
