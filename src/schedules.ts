import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleDescription, type ScheduleOptionsAction, type ScheduleSpec } from '@temporalio/client';
import type { ScheduleSetting } from './domain/schedule-settings';
import type { ShopSettings } from './domain/shop-settings';
import { runMetadata, runTimeoutOf, scheduleId, TASK_KEYS, TASKS, type TaskKey } from './domain/tasks';
import { ShopDomain, SyncTask, SyncTrigger } from './temporal/search-attributes';

export interface ReconcileReport {
  created: string[];
  updated: string[];
  deleted: string[];
  unchanged: string[];
}

export interface ScheduleSummary {
  scheduleId: string;
  shop: string;
  task: TaskKey;
  paused: boolean;
  note?: string;
  nextRunAt?: Date;
  lastRunAt?: Date;
  recentRuns: Array<{ workflowId: string; scheduledAt: Date }>;
  /** Runs of this schedule going now (SKIP: at most one). */
  running: Array<{ workflowId: string; runId: string }>;
  /** Runs skipped because the previous one was still going: a growing number means a run is stuck or too slow. */
  skippedOverlapping: number;
  missedCatchupWindow: number;
  actionsTaken: number;
}

/** The schedule memo key that holds what the schedule was built from, to tell a real change from a no-op. */
const FINGERPRINT = 'shopsyncFingerprint';

function specOf(setting: ScheduleSetting): ScheduleSpec {
  return setting.cron ? { cronExpressions: [setting.cron] } : { intervals: [{ every: setting.every as string }] };
}

/**
 * The shop's recurring runs as Temporal Schedules (`sched:<shop>:<task>`), built from its settings.
 * Overlap SKIP (a run still going makes the next one skip), a short catch-up window, filters and
 * options as the workflow input. Pausing ("on hold") is an operator's decision that reconciling keeps.
 */
export class ShopSchedules {
  constructor(private readonly temporal: Client, private readonly taskQueue: string) {}

  private action(shop: string, task: TaskKey, setting: ScheduleSetting, runTimeout: string, fingerprint: string): ScheduleOptionsAction {
    return {
      type: 'startWorkflow',
      workflowType: TASKS[task].workflowType,
      taskQueue: this.taskQueue,
      workflowId: scheduleId(shop, task),
      args: [{ shop, filters: setting.filters, options: setting.options, trigger: 'schedule' }],
      // With overlap SKIP, a run that never ends would block the schedule for ever: it times out instead.
      workflowExecutionTimeout: runTimeout,
      ...runMetadata(shop, task, `schedule ${scheduleId(shop, task)}`, setting.filters, setting.options),
      memo: { [FINGERPRINT]: fingerprint },
      typedSearchAttributes: [
        { key: ShopDomain, value: shop },
        { key: SyncTask, value: task },
        { key: SyncTrigger, value: 'schedule' },
      ],
    };
  }

  private fingerprint(setting: ScheduleSetting, runTimeout: string): string {
    return JSON.stringify({ setting, runTimeout, taskQueue: this.taskQueue, version: 2 });
  }

  /** Creates, updates and deletes the shop's schedules so they match its settings; a second call changes nothing. */
  async reconcile(settings: ShopSettings): Promise<ReconcileReport> {
    const report: ReconcileReport = { created: [], updated: [], deleted: [], unchanged: [] };
    for (const task of TASK_KEYS) {
      const id = scheduleId(settings.domain, task);
      const setting = settings.schedules[task];
      const wanted = settings.enabled && setting?.enabled ? setting : undefined;
      const current = await this.describe(id);
      if (!wanted) {
        if (current) {
          await this.temporal.schedule.getHandle(id).delete();
          report.deleted.push(id);
        }
        continue;
      }
      const runTimeout = runTimeoutOf(settings, task);
      const fingerprint = this.fingerprint(wanted, runTimeout);
      const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: wanted.catchupWindow };
      if (!current) {
        await this.temporal.schedule.create({
          scheduleId: id,
          spec: specOf(wanted),
          action: this.action(settings.domain, task, wanted, runTimeout, fingerprint),
          policies,
        });
        report.created.push(id);
      } else if (current.action.memo?.[FINGERPRINT] !== fingerprint) {
        await this.temporal.schedule.getHandle(id).update((previous) => ({
          ...previous,
          spec: specOf(wanted),
          action: this.action(settings.domain, task, wanted, runTimeout, fingerprint),
          policies,
        }));
        report.updated.push(id);
      } else {
        report.unchanged.push(id);
      }
    }
    return report;
  }

  /** Deletes every schedule of a shop (the shop is being removed). */
  async removeAll(shop: string): Promise<string[]> {
    const deleted: string[] = [];
    for (const task of TASK_KEYS) {
      const id = scheduleId(shop, task);
      if (await this.describe(id)) {
        await this.temporal.schedule.getHandle(id).delete();
        deleted.push(id);
      }
    }
    return deleted;
  }

  async list(shop: string): Promise<ScheduleSummary[]> {
    const summaries: ScheduleSummary[] = [];
    for (const task of TASK_KEYS) {
      const description = await this.describe(scheduleId(shop, task));
      if (description) summaries.push(this.summary(shop, task, description));
    }
    return summaries;
  }

  async get(shop: string, task: TaskKey): Promise<ScheduleSummary> {
    return this.summary(shop, task, await this.require(shop, task));
  }

  /** Puts the schedule on hold (the connector's "On Hold"); reconciling keeps it on hold. */
  async pause(shop: string, task: TaskKey, note = 'on hold'): Promise<void> {
    await this.require(shop, task);
    await this.temporal.schedule.getHandle(scheduleId(shop, task)).pause(note);
  }

  async unpause(shop: string, task: TaskKey, note = 'resumed'): Promise<void> {
    await this.require(shop, task);
    await this.temporal.schedule.getHandle(scheduleId(shop, task)).unpause(note);
  }

  /** Runs the schedule's action now, honouring its overlap policy (SKIP: nothing if a run is going). */
  async trigger(shop: string, task: TaskKey): Promise<void> {
    await this.require(shop, task);
    await this.temporal.schedule.getHandle(scheduleId(shop, task)).trigger(ScheduleOverlapPolicy.SKIP);
  }

  /** Runs the actions the schedule would have taken between `start` and `end`, one after the other. */
  async backfill(shop: string, task: TaskKey, start: Date, end: Date): Promise<void> {
    if (!(start < end)) throw new RangeError('backfill: start must be before end');
    await this.require(shop, task);
    await this.temporal.schedule.getHandle(scheduleId(shop, task)).backfill({ start, end, overlap: ScheduleOverlapPolicy.BUFFER_ALL });
  }

  private summary(shop: string, task: TaskKey, description: ScheduleDescription): ScheduleSummary {
    return {
      scheduleId: description.scheduleId,
      shop,
      task,
      paused: description.state.paused,
      note: description.state.note,
      nextRunAt: description.info.nextActionTimes[0],
      lastRunAt: description.info.recentActions.at(-1)?.takenAt,
      recentRuns: description.info.recentActions.map((action) => ({ workflowId: action.action.workflow.workflowId, scheduledAt: action.scheduledAt })),
      running: description.info.runningActions.map((action) => ({ workflowId: action.workflow.workflowId, runId: action.workflow.firstExecutionRunId })),
      skippedOverlapping: description.info.numActionsSkippedOverlap,
      missedCatchupWindow: description.info.numActionsMissedCatchupWindow,
      actionsTaken: description.info.numActionsTaken,
    };
  }

  private async require(shop: string, task: TaskKey): Promise<ScheduleDescription> {
    const description = await this.describe(scheduleId(shop, task));
    if (!description) throw new ScheduleMissingError(`${shop} has no schedule for ${task} (add one to its settings: schedules.${task})`);
    return description;
  }

  private async describe(id: string): Promise<ScheduleDescription | undefined> {
    try {
      return await this.temporal.schedule.getHandle(id).describe();
    } catch (error) {
      if (error instanceof ScheduleNotFoundError) return undefined;
      throw error;
    }
  }
}

export class ScheduleMissingError extends Error {}
