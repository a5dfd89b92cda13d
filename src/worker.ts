import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities';
import type { ActivityDeps } from './activities/deps';
import { loadConfig, type AppConfig } from './config';
import { connectErp, type Erp } from './erp/db';
import { EnvAndFileTokenSource, type TokenSource } from './secrets';
import { DEFAULT_RETRY, ShopifyClients, type RetrySettings } from './shopify/client';
import { configureShopifyTransport } from './shopify/transport';

export interface SyncWorkerOptions {
  config: AppConfig;
  /** A pre-built workflow bundle (tests build it once); otherwise the worker bundles `workflowsPath`. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Defaults to src/workflows. */
  workflowsPath?: string;
  shopifyRetry?: RetrySettings;
  /** Where access tokens come from; defaults to the environment and the configured secrets file. */
  tokens?: TokenSource;
  /** More activities beside the project's (the benchmark's baseline uses this). */
  extraActivities?: (deps: ActivityDeps) => Record<string, (...args: never[]) => Promise<unknown>>;
}

export interface SyncWorker {
  worker: Worker;
  erp: Erp;
  /** Runs until shutdown() or a signal; resolves when the worker has stopped. */
  run(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Builds the worker that runs every task workflow and its activities on the configured task queue. */
export async function createSyncWorker(options: SyncWorkerOptions): Promise<SyncWorker> {
  const { config } = options;
  configureShopifyTransport(config.shopifyApiOrigin);
  const erp = await connectErp(config.mongoUri, config.mongoDatabase);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const temporal = new Client({ connection: clientConnection, namespace: config.temporalNamespace });
  const shopify = new ShopifyClients(options.tokens ?? new EnvAndFileTokenSource(config.secretsFile), options.shopifyRetry ?? DEFAULT_RETRY);
  const deps: ActivityDeps = {
    shops: erp.shops,
    locations: erp.locations,
    shopify,
    temporal,
    lock: { taskQueue: config.lockTaskQueue, leaseTtlMs: config.lockLeaseSeconds * 1000, historyLimit: config.lockHistoryLimit },
    erp,
  };
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: options.workflowsPath ?? require.resolve('./workflows') }),
    activities: { ...createActivities(deps), ...options.extraActivities?.(deps) },
    // FerretDB on SQLite has a single writer; more parallel activities only queue up behind it.
    maxConcurrentActivityTaskExecutions: 20,
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    erp,
    run: () => {
      running ??= worker.run().finally(async () => {
        await connection.close();
        await clientConnection.close();
        await erp.close();
      });
      return running;
    },
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

if (require.main === module) {
  (async () => {
    const config = loadConfig();
    const sync = await createSyncWorker({ config });
    console.log(`Worker polling task queue ${config.taskQueue} on ${config.temporalAddress} (namespace ${config.temporalNamespace})`);
    await sync.run();
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
