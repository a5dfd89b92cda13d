import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { ShopDomain, SyncTask } from './temporal/search-attributes';
import { progressQuery, type TaskProgress } from './workflows/progress';

export interface RunFailure {
  workflowId: string;
  runId: string;
  workflowType: string;
  shop?: string;
  task?: string;
  status: string;
  closedAt?: Date;
  message: string;
  webUiUrl?: string;
}

export interface RunDetails {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: string;
  shop?: string;
  task?: string;
  startedAt: Date;
  closedAt?: Date;
  progress?: TaskProgress;
  result?: unknown;
  failure?: string;
  webUiUrl?: string;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Task runs as Temporal sees them: failures from visibility, one run's state, progress and outcome. */
export class RunInspector {
  constructor(private readonly temporal: Client, private readonly webUiUrl: (workflowId: string, runId?: string) => string | undefined) {}

  /** Visibility query for the failed runs of a shop (or of all shops) since a date. */
  static failedRunsQuery(shop: string | undefined, since: Date): string {
    const parts = [`ExecutionStatus IN ('Failed', 'TimedOut')`, `CloseTime > ${quote(since.toISOString())}`];
    if (shop) parts.push(`ShopDomain = ${quote(shop)}`);
    else parts.push('ShopDomain IS NOT NULL');
    return parts.join(' AND ');
  }

  async countFailures(shop: string | undefined, since: Date): Promise<number> {
    return (await this.temporal.workflow.count(RunInspector.failedRunsQuery(shop, since))).count;
  }

  /** How many runs failed per shop since a date, from visibility alone (no history is read). */
  async countFailuresByShop(since: Date): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for await (const execution of this.temporal.workflow.list({ query: RunInspector.failedRunsQuery(undefined, since), pageSize: 1000 })) {
      const shop = execution.typedSearchAttributes.get(ShopDomain);
      if (shop) counts.set(shop, (counts.get(shop) ?? 0) + 1);
    }
    return counts;
  }

  /** The most recent failed runs with the reason each failed, newest first. */
  async listFailures(shop: string | undefined, since: Date, limit: number): Promise<RunFailure[]> {
    const failures: RunFailure[] = [];
    for await (const execution of this.temporal.workflow.list({ query: RunInspector.failedRunsQuery(shop, since), pageSize: limit })) {
      failures.push({
        workflowId: execution.workflowId,
        runId: execution.runId,
        workflowType: execution.type,
        shop: execution.typedSearchAttributes.get(ShopDomain),
        task: execution.typedSearchAttributes.get(SyncTask),
        status: execution.status.name,
        closedAt: execution.closeTime,
        message: await this.failureMessage(execution),
        webUiUrl: this.webUiUrl(execution.workflowId, execution.runId),
      });
      if (failures.length >= limit) break;
    }
    return failures;
  }

  async get(workflowId: string, runId?: string): Promise<RunDetails | undefined> {
    const handle = this.temporal.workflow.getHandle(workflowId, runId);
    let execution: WorkflowExecutionDescription;
    try {
      execution = await handle.describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
    const details: RunDetails = {
      workflowId,
      runId: execution.runId,
      workflowType: execution.type,
      status: execution.status.name,
      shop: execution.typedSearchAttributes.get(ShopDomain),
      task: execution.typedSearchAttributes.get(SyncTask),
      startedAt: execution.startTime,
      closedAt: execution.closeTime,
      webUiUrl: this.webUiUrl(workflowId, execution.runId),
    };
    if (execution.status.name === 'RUNNING') {
      details.progress = await handle.query(progressQuery).catch(() => undefined);
    } else if (execution.status.name === 'COMPLETED') {
      details.result = await this.temporal.workflow.getHandle(workflowId, execution.runId).result();
    } else if (execution.status.name === 'FAILED' || execution.status.name === 'TIMED_OUT') {
      details.failure = await this.failureMessage(execution);
    }
    return details;
  }

  private async failureMessage(execution: { workflowId: string; runId: string; status: { name: string } }): Promise<string> {
    const history = await this.temporal.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    const last = history.events?.at(-1);
    const failure = last?.workflowExecutionFailedEventAttributes?.failure;
    if (failure) return failure.message ?? 'failed';
    if (last?.workflowExecutionTimedOutEventAttributes) return 'timed out';
    return execution.status.name.toLowerCase();
  }
}
