import type { Db } from 'mongodb';
import { countStoredCues, countStoredCuesByShop, isStoredCueKey, listCueRecords, storedCueTask, type Cue, type CueItem, type StoredCueKey } from './erp/cues';
import type { ShopRepository } from './erp/shop-repository';
import type { LockState } from './domain/shop-lock';
import type { RunFailure, RunInspector } from './runs';
import type { ScheduleSummary, ShopSchedules } from './schedules';

export type CueKey = StoredCueKey | 'synchronizationErrors';

/** A cue's record, with where to look in the Temporal Web UI for the run that recorded it. */
export interface CueRecord extends CueItem {
  webUiUrl?: string;
}

export interface ShopStatus {
  shop: string;
  cues: Record<CueKey, Cue & { items: CueRecord[] }>;
  /** Cues with a count above zero, in the order above. */
  needsAttention: CueKey[];
}

export interface CuePage {
  shop: string;
  cue: CueKey;
  title: string;
  count: number;
  page: number;
  pageSize: number;
  pages: number;
  items: CueRecord[];
}

export interface LockOverview {
  /** `unused`: no task has asked for the lock yet. */
  state: 'free' | 'held' | 'unused';
  holder?: { task: string; workflowId: string; since: Date; webUiUrl?: string };
  waiting: Array<{ task: string; workflowId: string; since: Date; webUiUrl?: string }>;
}

/** What the status page's overview shows per shop. */
export interface ShopOverview {
  shop: string;
  enabled: boolean;
  allowBackgroundSyncs: boolean;
  cues: Array<{ key: CueKey; title: string; count: number }>;
  needsAttention: CueKey[];
  lock: LockOverview;
  schedules: Array<Pick<ScheduleSummary, 'scheduleId' | 'task' | 'paused' | 'note' | 'nextRunAt' | 'lastRunAt'> & { running: number }>;
  recentFailures: RunFailure[];
  /** The shop's failed runs in the Temporal Web UI. */
  failuresWebUiUrl?: string;
}

/** A line of the shops list: counts only. */
export interface ShopSummary {
  shop: string;
  enabled: boolean;
  needsAttention: CueKey[];
  counts: Record<CueKey, number>;
}

export class UnknownCueError extends Error {}

export function isCueKey(value: string): value is CueKey {
  return value === 'synchronizationErrors' || isStoredCueKey(value);
}

interface ShopStatusDeps {
  db: Db;
  shops: ShopRepository;
  runs: RunInspector;
  schedules: ShopSchedules;
  lockState: (shop: string) => Promise<LockState | undefined>;
  webUiRunUrl: (workflowId: string, runId?: string) => string | undefined;
  webUiSearchUrl: (query: string) => string | undefined;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The connector's "Shopify Activities" for the CLI, the status page and the JSON API: the cues with
 * their records, one cue page by page, and a shop's overview (cues, lock, schedules, failed runs).
 */
export class ShopStatusReader {
  constructor(private readonly deps: ShopStatusDeps) {}

  async status(shop: string, options: { limit?: number; sinceDays?: number } = {}): Promise<ShopStatus> {
    await this.deps.shops.get(shop);
    const limit = options.limit ?? 20;
    const since = daysAgo(options.sinceDays ?? 7);
    const [stored, failureCount, failures] = await Promise.all([
      countStoredCues(this.deps.db, shop, limit),
      this.deps.runs.countFailures(shop, since),
      limit > 0 ? this.deps.runs.listFailures(shop, since, limit) : Promise.resolve([]),
    ]);
    const withLinks = Object.fromEntries(
      (Object.entries(stored) as Array<[StoredCueKey, Cue]>).map(([key, cue]) => [key, { ...cue, items: cue.items.map((item) => this.linked(shop, key, item)) }]),
    ) as Record<StoredCueKey, Cue>;
    const cues = { ...withLinks, synchronizationErrors: { title: 'Synchronization errors', count: failureCount, items: failures.map(failureRecord) } };
    return { shop, cues, needsAttention: (Object.entries(cues) as Array<[CueKey, Cue]>).filter(([, cue]) => cue.count > 0).map(([key]) => key) };
  }

  /** One page (1-based) of a cue's records, newest first; synchronization errors cover the last `sinceDays`. */
  async cuePage(shop: string, cue: string, options: { page?: number; pageSize?: number; sinceDays?: number } = {}): Promise<CuePage> {
    await this.deps.shops.get(shop);
    if (!isCueKey(cue)) throw new UnknownCueError(`unknown cue "${cue}"`);
    const pageSize = options.pageSize ?? 25;
    const page = options.page ?? 1;
    const skip = (page - 1) * pageSize;
    let title: string;
    let count: number;
    let items: CueRecord[];
    if (cue === 'synchronizationErrors') {
      const since = daysAgo(options.sinceDays ?? 7);
      const [total, failures] = await Promise.all([this.deps.runs.countFailures(shop, since), this.deps.runs.listFailures(shop, since, skip + pageSize)]);
      title = 'Synchronization errors';
      count = total;
      items = failures.slice(skip).map(failureRecord);
    } else {
      const records = await listCueRecords(this.deps.db, shop, cue, { skip, limit: pageSize });
      title = records.title;
      count = records.count;
      items = records.items.map((item) => this.linked(shop, cue, item));
    }
    return { shop, cue, title, count, page, pageSize, pages: Math.max(1, Math.ceil(count / pageSize)), items };
  }

  /** Every shop's cue counts and what needs attention, in a fixed number of queries whatever the number of shops. */
  async allShops(): Promise<ShopSummary[]> {
    const shops = await this.deps.shops.list();
    const domains = shops.map((record) => record.settings.domain);
    const [counts, failures] = await Promise.all([countStoredCuesByShop(this.deps.db, domains), this.deps.runs.countFailuresByShop(daysAgo(7))]);
    return shops.map(({ settings }) => {
      const shopCounts: Record<CueKey, number> = { ...(counts.get(settings.domain) as Record<StoredCueKey, number>), synchronizationErrors: failures.get(settings.domain) ?? 0 };
      return {
        shop: settings.domain,
        enabled: settings.enabled,
        needsAttention: (Object.entries(shopCounts) as Array<[CueKey, number]>).filter(([, count]) => count > 0).map(([key]) => key),
        counts: shopCounts,
      };
    });
  }

  async overview(shop: string): Promise<ShopOverview> {
    const record = await this.deps.shops.get(shop);
    const since = daysAgo(7);
    const [status, lock, schedules, recentFailures] = await Promise.all([
      this.status(shop, { limit: 0 }),
      this.deps.lockState(shop),
      this.deps.schedules.list(shop),
      this.deps.runs.listFailures(shop, since, 5),
    ]);
    return {
      shop,
      enabled: record.settings.enabled,
      allowBackgroundSyncs: record.settings.allowBackgroundSyncs,
      cues: (Object.entries(status.cues) as Array<[CueKey, Cue]>).map(([key, cue]) => ({ key, title: cue.title, count: cue.count })),
      needsAttention: status.needsAttention,
      lock: this.lockOverview(lock),
      schedules: schedules.map((s) => ({ scheduleId: s.scheduleId, task: s.task, paused: s.paused, note: s.note, nextRunAt: s.nextRunAt, lastRunAt: s.lastRunAt, running: s.running.length })),
      recentFailures,
      failuresWebUiUrl: this.deps.webUiSearchUrl(`${`ShopDomain = ${quote(shop)}`} AND ExecutionStatus IN ('Failed', 'TimedOut')`),
    };
  }

  private lockOverview(lock: LockState | undefined): LockOverview {
    if (!lock) return { state: 'unused', waiting: [] };
    const entry = (request: { task: string; workflowId: string; runId: string; requestedAt: number }) => ({
      task: request.task,
      workflowId: request.workflowId,
      since: new Date(request.requestedAt),
      webUiUrl: this.deps.webUiRunUrl(request.workflowId, request.runId),
    });
    return {
      state: lock.holder ? 'held' : 'free',
      holder: lock.holder && { ...entry(lock.holder), since: new Date(lock.holder.grantedAt) },
      waiting: lock.queue.map(entry),
    };
  }

  /**
   * Links a record to the runs that were going when it was written (the run that recorded its error),
   * or, without a date, to the runs of the task that fills the cue.
   */
  private linked(shop: string, cue: StoredCueKey, item: CueItem): CueRecord {
    const task = storedCueTask(cue);
    const parts = [`ShopDomain = ${quote(shop)}`];
    if (task) parts.push(`SyncTask = ${quote(task)}`);
    if (item.at) {
      const at = quote(item.at.toISOString());
      parts.push(`StartTime <= ${at}`, `(CloseTime >= ${at} OR ExecutionStatus = 'Running')`);
    }
    return withoutUndefined({ ...item, webUiUrl: this.deps.webUiSearchUrl(parts.join(' AND ')) });
  }
}

/** Records compare and print the same whether a field is absent or undefined. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function failureRecord(failure: RunFailure): CueRecord {
  return withoutUndefined({
    id: failure.workflowId,
    label: `${failure.task ?? failure.workflowType} ${failure.closedAt?.toISOString() ?? ''}`.trim(),
    error: failure.message,
    at: failure.closedAt,
    webUiUrl: failure.webUiUrl,
  });
}

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}
