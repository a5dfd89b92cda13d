import { Client, Connection, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { loadConfig, type AppConfig } from './config';
import { manualRunId, TASKS, type TaskKey } from './domain/tasks';
import { connectErp, type Erp } from './erp/db';
import type { LocationRepository } from './erp/location-repository';
import type { ShopRepository } from './erp/shop-repository';
import { registerSearchAttributes } from './temporal/setup';

export interface RunTaskRequest {
  shop: string;
  task: TaskKey;
  filters?: Record<string, unknown>;
  options?: Record<string, unknown>;
  /** Wait for the result even when the shop allows background syncs. */
  wait?: boolean;
}

export interface TaskRun {
  workflowId: string;
  runId: string;
  webUiUrl?: string;
  /** True when the request joined a run of the same task that was already going. */
  joined: boolean;
  /** Present when the run was awaited. */
  result?: unknown;
}

export class TaskRunFailedError extends Error {
  constructor(message: string, readonly run: Omit<TaskRun, 'result'>) {
    super(message);
  }
}

/**
 * The API other services use: shops (settings in the ERP store) and task runs (Temporal workflows).
 * Tokens never pass through here; workers read them from their own environment.
 */
export class ShopSyncClient {
  private constructor(
    readonly config: AppConfig,
    private readonly connection: Connection,
    readonly temporal: Client,
    private readonly erp: Erp,
  ) {}

  static async connect(config: AppConfig = loadConfig()): Promise<ShopSyncClient> {
    const connection = await Connection.connect({ address: config.temporalAddress });
    const erp = await connectErp(config.mongoUri, config.mongoDatabase);
    return new ShopSyncClient(config, connection, new Client({ connection, namespace: config.temporalNamespace }), erp);
  }

  get shops(): ShopRepository {
    return this.erp.shops;
  }

  get locations(): LocationRepository {
    return this.erp.locations;
  }

  /** Registers the search attributes on an existing Temporal cluster (the local stack does it by itself). */
  async setup(): Promise<string[]> {
    return registerSearchAttributes(this.connection, this.config.temporalNamespace);
  }

  webUiUrl(workflowId: string, runId?: string): string | undefined {
    if (!this.config.temporalWebUi) return undefined;
    const base = `${this.config.temporalWebUi}/namespaces/${encodeURIComponent(this.config.temporalNamespace)}/workflows/${encodeURIComponent(workflowId)}`;
    return runId ? `${base}/${runId}/history` : base;
  }

  /**
   * Starts a manual run. With the shop's allowBackgroundSyncs on (and no `wait`) it returns at once;
   * otherwise it waits for the result. A second request while a run of the same task is going joins it.
   */
  async runTask(request: RunTaskRequest): Promise<TaskRun> {
    const { settings } = await this.shops.get(request.shop);
    const workflowId = manualRunId(request.shop, request.task);
    const joined = await this.isRunning(workflowId);
    const handle = await this.temporal.workflow.start(TASKS[request.task].workflowType, {
      taskQueue: this.config.taskQueue,
      workflowId,
      // Atomic join: if a run with this id is open, the server hands back that run instead of a new one.
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [{ shop: request.shop, filters: request.filters, options: request.options, trigger: 'manual' }],
    });
    const runId = handle.firstExecutionRunId;
    const run = { workflowId, runId, webUiUrl: this.webUiUrl(workflowId, runId), joined };
    if (settings.allowBackgroundSyncs && !request.wait) return run;
    try {
      return { ...run, result: await handle.result() };
    } catch (error) {
      if (error instanceof WorkflowFailedError) throw new TaskRunFailedError(error.cause?.message ?? error.message, run);
      throw error;
    }
  }

  private async isRunning(workflowId: string): Promise<boolean> {
    try {
      const description = await this.temporal.workflow.getHandle(workflowId).describe();
      return description.status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.erp.close();
  }
}
