import { Client, Connection, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { createHash } from 'node:crypto';
import { loadConfig, type AppConfig } from './config';
import { describeInputIssues } from './domain/task-input';
import { DEFAULT_LOCK_GROUP, lockId, manualRunId, runMetadata, runTimeoutOf, TASKS, type TaskKey } from './domain/tasks';
import { CatalogSettingsSchema, type CatalogSettings } from './domain/catalog-prices';
import type { CatalogDocument, CatalogRepository } from './erp/catalogs';
import type { ShopifyCompanyLocationDocument } from './erp/shopify-companies';
import { connectErp, type Erp } from './erp/db';
import type { LocationRepository } from './erp/location-repository';
import type { ShopRecord, ShopRepository } from './erp/shop-repository';
import { RunInspector, type RunDetails, type RunFailure } from './runs';
import { ShopStatusReader, type CuePage, type ShopOverview, type ShopStatus, type ShopSummary } from './shop-status';
export type { CuePage, ShopOverview, ShopStatus, ShopSummary } from './shop-status';
import { ShopSchedules, type ReconcileReport } from './schedules';
import { connectTemporalClient } from './temporal/connection';
import { codecDataConverter } from './temporal/payload-codec';
import { registerSearchAttributes } from './temporal/setup';
import { webUiSearchUrl, webUiWorkflowUrl } from './temporal/web-ui';
import { emptyCounters, type LockHolder, type LockState } from './domain/shop-lock';
import { lockBreakSignal, lockStateQuery } from './temporal/lock-messages';
import { progressQuery, type TaskProgress } from './workflows/progress';

export interface RunTaskRequest {
  shop: string;
  task: TaskKey;
  filters?: Record<string, unknown>;
  options?: Record<string, unknown>;
  /** Wait for the result even when the shop allows background syncs. */
  wait?: boolean;
  /** Return as soon as the run started, even when the shop runs its syncs in the foreground (the HTTP API). */
  background?: boolean;
  /** While waiting, called whenever the run's progress changes. */
  onProgress?: (progress: TaskProgress) => void;
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

export interface ShopChange {
  shop: ShopRecord;
  schedules: ReconcileReport;
}

export class TaskRunFailedError extends Error {
  constructor(message: string, readonly run: Omit<TaskRun, 'result'>) {
    super(message);
  }
}

/** A run request with filters or options the task does not accept: refused before anything starts. */
export class InvalidRunRequestError extends Error {}

export interface BrokenLock {
  lockId: string;
  /** The holder whose lease was taken away; undefined when the lock was free. */
  holder?: LockHolder;
}

/** A short digest of a run's filters and options: runs asked with the same ones share an id (and join). */
function inputKey(filters: Record<string, unknown> | undefined, options: Record<string, unknown> | undefined): string | undefined {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
      : value;
  const text = JSON.stringify(canonical({ filters: filters ?? {}, options: options ?? {} }));
  if (text === '{"filters":{},"options":{}}') return undefined;
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

const PROGRESS_POLL_MS = 500;
/** How long the lock's state query may take before the ERP store's picture is shown instead. */
const LOCK_QUERY_DEADLINE_MS = 3000;

/**
 * The API other services use: shops (settings in the ERP store, schedules in Temporal), task runs,
 * their progress and failures, and the shop status cues. Tokens never pass through here; workers
 * read them from their own environment.
 */
export class ShopSyncClient {
  readonly schedules: ShopSchedules;
  readonly runs: RunInspector;
  private readonly status: ShopStatusReader;

  private constructor(
    readonly config: AppConfig,
    private readonly connection: Connection,
    readonly temporal: Client,
    private readonly erp: Erp,
  ) {
    this.schedules = new ShopSchedules(temporal, config.taskQueue);
    this.runs = new RunInspector(temporal, (workflowId, runId) => this.webUiUrl(workflowId, runId));
    this.status = new ShopStatusReader({
      db: erp.db,
      shops: erp.shops,
      runs: this.runs,
      schedules: this.schedules,
      lockState: (shop) => this.lockState(shop),
      webUiRunUrl: (workflowId, runId) => this.webUiUrl(workflowId, runId),
      webUiSearchUrl: (query) => webUiSearchUrl(config.temporalWebUi, config.temporalNamespace, query),
    });
  }

  static async connect(config: AppConfig = loadConfig()): Promise<ShopSyncClient> {
    const connection = await connectTemporalClient(config);
    const erp = await connectErp(config.mongoUri, config.mongoDatabase);
    return new ShopSyncClient(config, connection, new Client({ connection, namespace: config.temporalNamespace, dataConverter: codecDataConverter(config) }), erp);
  }

  /** Read access to the shop settings; change them through addShop/updateShop/removeShop so schedules follow. */
  get shops(): ShopRepository {
    return this.erp.shops;
  }

  get locations(): LocationRepository {
    return this.erp.locations;
  }

  get catalogs(): CatalogRepository {
    return this.erp.catalogs;
  }

  /** Sets a catalog's price context or syncPrices; each value is checked, an unknown catalog answers undefined. */
  async configureCatalog(shop: string, catalogId: string, settings: Partial<CatalogSettings>): Promise<CatalogDocument | undefined> {
    const parsed = CatalogSettingsSchema.partial().safeParse(settings);
    if (!parsed.success) throw new InvalidRunRequestError(`Invalid catalog settings: ${describeInputIssues(parsed.error)}`);
    if (parsed.data.customerNo && !(await this.erp.customers.get(parsed.data.customerNo))) throw new InvalidRunRequestError(`Invalid catalog settings: customerNo: customer ${parsed.data.customerNo} does not exist`);
    if (!(await this.erp.catalogs.get(shop, catalogId))) return undefined;
    return (await this.erp.catalogs.configure(shop, catalogId, parsed.data)) ?? undefined;
  }

  /** Which ERP customers a company location's orders go to (null: the company's); each customer must exist. */
  async setCompanyLocationCustomers(shop: string, locationId: string, customers: { sellToCustomerNo?: string | null; billToCustomerNo?: string | null }): Promise<ShopifyCompanyLocationDocument | undefined> {
    for (const [field, no] of Object.entries(customers)) {
      if (no && !(await this.erp.customers.get(no))) throw new InvalidRunRequestError(`${field}: customer ${no} does not exist`);
    }
    if (!(await this.erp.shopifyCompanies.location(shop, locationId))) return undefined;
    return (await this.erp.shopifyCompanies.setLocationCustomers(shop, locationId, customers)) ?? undefined;
  }

  /** The ERP side: items, customers, sales documents, the order mirror, posted documents. */
  get erpStore(): Pick<Erp, 'items' | 'itemTemplates' | 'products' | 'stock' | 'pictures' | 'customers' | 'salesDocuments' | 'orders' | 'refunds' | 'posted' | 'payouts' | 'webhookDeliveries'> {
    return this.erp;
  }

  async addShop(settings: Record<string, unknown>): Promise<ShopChange> {
    const shop = await this.shops.add(settings);
    return { shop, schedules: await this.schedules.reconcile(shop.settings) };
  }

  async updateShop(domain: string, changes: Record<string, unknown>): Promise<ShopChange> {
    const shop = await this.shops.update(domain, changes);
    return { shop, schedules: await this.schedules.reconcile(shop.settings) };
  }

  /** Removes a shop and its schedules; its ERP records and run history stay. */
  async removeShop(domain: string): Promise<{ removed: boolean; deletedSchedules: string[] }> {
    const deletedSchedules = await this.schedules.removeAll(domain);
    return { removed: await this.shops.remove(domain), deletedSchedules };
  }

  /** Makes the shop's schedules match its stored settings (idempotent). */
  async applySchedules(domain: string): Promise<ReconcileReport> {
    return this.schedules.reconcile((await this.shops.get(domain)).settings);
  }

  /** Registers the search attributes on an existing Temporal cluster (the local stack does it by itself). */
  async setup(): Promise<string[]> {
    return registerSearchAttributes(this.connection, this.config.temporalNamespace);
  }

  webUiUrl(workflowId: string, runId?: string): string | undefined {
    return webUiWorkflowUrl(this.config.temporalWebUi, this.config.temporalNamespace, workflowId, runId);
  }

  /**
   * Starts a manual run. With the shop's allowBackgroundSyncs on (and no `wait`) it returns at once;
   * otherwise it waits for the result, reporting progress. A second request with the same filters and
   * options while such a run is going joins it instead of queuing a duplicate; a request with other
   * filters or options is a run of its own (workflow id `run:<shop>:<task>:<digest>`), queued behind
   * the other at the shop's lock, so a date-range import never silently joins an incremental one.
   */
  async runTask(request: RunTaskRequest): Promise<TaskRun> {
    const { settings } = await this.shops.get(request.shop);
    const definition = TASKS[request.task];
    const input = { shop: request.shop, filters: request.filters, options: request.options, trigger: 'manual' as const };
    const parsed = definition.input.safeParse(input);
    if (!parsed.success) throw new InvalidRunRequestError(`Invalid input for ${request.task}: ${describeInputIssues(parsed.error)}`);
    const workflowId = manualRunId(request.shop, request.task, inputKey(request.filters, request.options));
    const joined = await this.isRunning(workflowId);
    const handle = await this.temporal.workflow.start(definition.workflowType, {
      taskQueue: this.config.taskQueue,
      workflowId,
      // Atomic join: if a run with this id is open, the server hands back that run instead of a new one.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowExecutionTimeout: runTimeoutOf(settings, request.task),
      args: [input],
      ...runMetadata(request.shop, request.task, 'manual', request.filters, request.options),
    });
    const runId = joined ? (await handle.describe()).runId : handle.firstExecutionRunId;
    const run = { workflowId, runId, webUiUrl: this.webUiUrl(workflowId, runId), joined };
    if (request.background || (settings.allowBackgroundSyncs && !request.wait)) return run;
    const resultHandle = this.temporal.workflow.getHandle(workflowId, runId);
    const stopWatching = request.onProgress ? this.watchProgress(workflowId, runId, request.onProgress) : () => undefined;
    try {
      return { ...run, result: await resultHandle.result() };
    } catch (error) {
      if (error instanceof WorkflowFailedError) throw new TaskRunFailedError(error.cause?.message ?? error.message, run);
      throw error;
    } finally {
      stopWatching();
    }
  }

  /** "Add items" (the connector's report 30106): create Shopify products for these items, or for every item not linked yet. */
  async addItems(request: { shop: string; items: string[] | 'allUnlinked'; wait?: boolean; onProgress?: RunTaskRequest['onProgress'] }): Promise<TaskRun> {
    const filters = request.items === 'allUnlinked' ? { allUnlinked: true } : { itemNos: request.items };
    return this.runTask({ shop: request.shop, task: 'addItems', filters, wait: request.wait, onProgress: request.onProgress });
  }

  /** "Add customers to Shopify": the named ERP customers become Shopify customers (an e-mail is required). */
  async addCustomers(request: { shop: string; customerNos: string[]; wait?: boolean; onProgress?: RunTaskRequest['onProgress'] }): Promise<TaskRun> {
    return this.runTask({ shop: request.shop, task: 'addCustomers', filters: { customerNos: request.customerNos }, wait: request.wait, onProgress: request.onProgress });
  }

  async getRun(workflowId: string, runId?: string): Promise<RunDetails | undefined> {
    return this.runs.get(workflowId, runId);
  }

  /** Asks a run to stop; it releases its shop lock on the way out. */
  async cancelRun(workflowId: string, runId?: string): Promise<void> {
    await this.temporal.workflow.getHandle(workflowId, runId).cancel();
  }

  /**
   * The shop's lock: who holds it, who waits. From the lock workflow when it runs; otherwise (it was
   * terminated, or no worker answers) from what the ERP store keeps. Undefined when no task asked for it yet.
   */
  async lockState(shop: string, group = DEFAULT_LOCK_GROUP): Promise<LockState | undefined> {
    const id = lockId(shop, group);
    let running = false;
    try {
      running = (await this.temporal.workflow.getHandle(id).describe()).status.name === 'RUNNING';
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    if (running) {
      // A query needs a worker on the lock's task queue; without one it would hang until the RPC's deadline.
      const answered = await this.temporal
        .withDeadline(Date.now() + LOCK_QUERY_DEADLINE_MS, () => this.temporal.workflow.getHandle(id).query(lockStateQuery))
        .catch(() => undefined);
      if (answered) return answered;
    }
    const stored = await this.erp.locks.load(id);
    if (stored.token === 0 && !stored.holder && stored.queue.length === 0) return undefined;
    return { lockId: id, token: stored.token, holder: stored.holder ?? undefined, queue: stored.queue, counters: { ...emptyCounters(), ...stored.counters }, recentlyDone: [] };
  }

  /**
   * An operator's last resort (\`shopsync lock break\`): takes the lease away from the run holding the
   * lock. The ERP store stops accepting its token at once, so its activities write nothing more; the
   * lock then grants the next run and tells the holder, which fails with ShopLockLost.
   */
  async breakLock(shop: string, group = DEFAULT_LOCK_GROUP, reason = 'taken away by an operator'): Promise<BrokenLock> {
    const id = lockId(shop, group);
    const holder = await this.erp.locks.holder(id);
    if (!holder) return { lockId: id };
    await this.erp.locks.revoke(id, holder.token);
    try {
      await this.temporal.workflow.getHandle(id).signal(lockBreakSignal, { token: holder.token, reason });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error; // no lock workflow: the next one starts from the store
    }
    return { lockId: id, holder };
  }

  /** Puts shipments that failed to reach Shopify back in line; the next shipments run sends them again. */
  async retryShipments(shop: string, shipmentNos?: string[]): Promise<number> {
    await this.shops.get(shop);
    return this.erp.posted.retryErrored(shop, shipmentNos);
  }

  /** The user's "mark conflict as resolved" for an order edited after processing. */
  async resolveOrderConflict(shop: string, shopifyOrderId: string): Promise<boolean> {
    return this.erp.orders.resolveConflict(shop, shopifyOrderId);
  }

  async listFailures(options: { shop?: string; sinceDays?: number; limit?: number } = {}): Promise<RunFailure[]> {
    return this.runs.listFailures(options.shop, daysAgo(options.sinceDays ?? 7), options.limit ?? 20);
  }

  /** The connector's "Shopify Activities" cues for one shop, each with the records behind it. */
  async getShopStatus(shop: string, options: { limit?: number; sinceDays?: number } = {}): Promise<ShopStatus> {
    return this.status.status(shop, options);
  }

  /** One page of a cue's records with their errors and Web UI links (the status page's drill-down). */
  async getCuePage(shop: string, cue: string, options: { page?: number; pageSize?: number; sinceDays?: number } = {}): Promise<CuePage> {
    return this.status.cuePage(shop, cue, options);
  }

  /** Every shop with its cue counts (failed runs of the last 7 days) and what needs attention. */
  async listShopSummaries(): Promise<ShopSummary[]> {
    return this.status.allShops();
  }

  /** A shop at a glance: cue counts, the lock, the schedules, recent failed runs. */
  async getShopOverview(shop: string): Promise<ShopOverview> {
    return this.status.overview(shop);
  }

  private watchProgress(workflowId: string, runId: string, onProgress: (progress: TaskProgress) => void): () => void {
    let last = '';
    const handle = this.temporal.workflow.getHandle(workflowId, runId);
    const timer = setInterval(() => {
      handle
        .query(progressQuery)
        .then((progress) => {
          const text = JSON.stringify(progress);
          if (text !== last) {
            last = text;
            onProgress(progress);
          }
        })
        .catch(() => undefined); // the run may just have closed
    }, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
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

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}
