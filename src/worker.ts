import { Client } from '@temporalio/client';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities';
import type { ActivityDeps } from './activities/deps';
import { currentRunGuard, runGuardInterceptor } from './activities/run-guard';
import { loadConfig, type AppConfig } from './config';
import { connectErp, type Erp } from './erp/db';
import { installProjectLogger, linkLogsTo } from './logging';
import { EnvAndFileTokenSource, type TokenSource } from './secrets';
import { DEFAULT_RETRY, ShopifyClients, type RequestGuard, type RetrySettings } from './shopify/client';
import { configureShopifyTransport } from './shopify/transport';
import { connectTemporalClient, connectTemporalWorker } from './temporal/connection';
import { codecDataConverter } from './temporal/payload-codec';
import { loadWorkflowBundle, workflowInterceptorModules } from './temporal/workflow-bundle';

export interface SyncWorkerOptions {
  config: AppConfig;
  /** A pre-built workflow bundle (production loads the one `npm run build` writes; tests build theirs once). */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Bundles this workflows module at start instead (the benchmark's own workflows). */
  workflowsPath?: string;
  shopifyRetry?: RetrySettings;
  /** Where access tokens come from; defaults to the environment and the configured secrets file. */
  tokens?: TokenSource;
  /** More activities beside the project's (the benchmark's baseline uses this). */
  extraActivities?: (deps: ActivityDeps) => Record<string, (...args: never[]) => Promise<unknown>>;
  /** Where the worker's own lines go (building the workflow bundle); stdout by default. */
  log?: (line: string) => void;
}

export interface SyncWorker {
  worker: Worker;
  erp: Erp;
  /** Runs until shutdown() or a signal; resolves when the worker has stopped. */
  run(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * On SIGTERM the worker stops polling, gives running activities this long to finish, then cancels
 * them (they stop at their next record: every write is idempotent, so the retry elsewhere finishes
 * the job); past the force time it gives up waiting. Together under 30 s.
 */
const SHUTDOWN_GRACE = '10 seconds';
const SHUTDOWN_FORCE = '25 seconds';
/** Heartbeats go out at least this often, so a cancellation reaches a running activity within seconds. */
const HEARTBEAT_EVERY_MS = 1000;

/** The guard the Shopify client applies for the activity that uses it: its abort signal, and the fence before mutations. */
function activityRequestGuard(): RequestGuard | undefined {
  const guard = currentRunGuard();
  return guard && { signal: guard.signal, beforeMutation: () => guard.assertMayWrite() };
}

/** Builds the worker that runs every task workflow and its activities on the configured task queue. */
export async function createSyncWorker(options: SyncWorkerOptions): Promise<SyncWorker> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  configureShopifyTransport(config.shopifyApiOrigin);
  linkLogsTo(config.temporalWebUi);
  // Payloads are encrypted when a codec key is configured: the worker's, and those of the lock workflows its client starts.
  const dataConverter = codecDataConverter(config);
  const erp = await connectErp(config.mongoUri, config.mongoDatabase);
  const connection = await connectTemporalWorker(config);
  const clientConnection = await connectTemporalClient(config);
  const temporal = new Client({ connection: clientConnection, namespace: config.temporalNamespace, dataConverter });
  const tokens = options.tokens ?? new EnvAndFileTokenSource(config.secretsFile);
  const shopify = new ShopifyClients(tokens, options.shopifyRetry ?? DEFAULT_RETRY, activityRequestGuard);
  const deps: ActivityDeps = {
    shops: erp.shops,
    locations: erp.locations,
    shopify,
    temporal,
    lock: {
      taskQueue: config.lockTaskQueue,
      checkIntervalMs: config.lockCheckSeconds * 1000,
      resendAfterMs: config.lockResendSeconds * 1000,
      maxWaitMs: config.lockMaxWaitSeconds * 1000,
      historyLimit: config.lockHistoryLimit,
    },
    erp,
  };
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'interceptors'> = options.workflowsPath
    ? { workflowsPath: options.workflowsPath, interceptors: { workflowModules: workflowInterceptorModules() } }
    : { workflowBundle: options.workflowBundle ?? (await loadWorkflowBundle(config.workflowBundlePath, log)) };
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    dataConverter,
    ...workflows,
    activities: { ...createActivities(deps), ...options.extraActivities?.(deps) },
    interceptors: { ...workflows.interceptors, activity: [runGuardInterceptor(erp.locks, HEARTBEAT_EVERY_MS)] },
    // FerretDB on SQLite has a single writer; more parallel activities only queue up behind it.
    maxConcurrentActivityTaskExecutions: 20,
    maxHeartbeatThrottleInterval: '2 seconds',
    defaultHeartbeatThrottleInterval: '2 seconds',
    shutdownGraceTime: SHUTDOWN_GRACE,
    shutdownForceTime: SHUTDOWN_FORCE,
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
    const logger = installProjectLogger(config);
    const sync = await createSyncWorker({ config, log: (line) => logger.info(line) });
    logger.info(`Worker polling task queue ${config.taskQueue} on ${config.temporalAddress} (namespace ${config.temporalNamespace})`);
    await sync.run();
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
