import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection, type WorkflowHandle, type WorkflowStartOptions } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import Long from 'long';
import { PROJECT_ROOT, type AppConfig } from '../../src/config';
import { connectErp, type Erp } from '../../src/erp/db';
import type { LockState } from '../../src/domain/shop-lock';
import { lockStateQuery } from '../../src/temporal/lock-messages';
import { eventually } from './eventually';
import { recordOutput } from './output-recorder';
import type { ProbeWrite } from './probe-activities';
import { TEST_TASK_QUEUE, testBundleFile, testConfig, testWorker, uniqueShop } from './stack';
import { probeFinishSignal } from './test-workflows';

type HistoryEvent = proto.api.history.v1.IHistoryEvent;

export interface ProbeOptions {
  holdMs?: number;
  recordErrors?: number;
  writes?: number;
  writeEveryMs?: number;
  enterLeave?: boolean;
  continueAsNewTimes?: number;
}

/** What the engine's tests share: a Temporal client, the ERP store, and ways to start and watch probe runs. */
export class LockTestKit {
  private constructor(
    readonly config: AppConfig,
    readonly connection: Connection,
    readonly temporal: Client,
    readonly erp: Erp,
  ) {}

  static async open(): Promise<LockTestKit> {
    const config = await testConfig();
    await testWorker();
    const connection = await Connection.connect({ address: config.temporalAddress });
    const temporal = new Client({ connection, namespace: config.temporalNamespace });
    return new LockTestKit(config, connection, temporal, await connectErp(config.mongoUri, config.mongoDatabase));
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.erp.close();
  }

  async newShop(prefix = 'lock', settings: Record<string, unknown> = {}): Promise<string> {
    const shop = uniqueShop(prefix);
    await this.erp.shops.add({ domain: shop, ...settings });
    return shop;
  }

  startProbe(shop: string, options: ProbeOptions = {}, extra: Partial<WorkflowStartOptions> & { taskQueue?: string } = {}): Promise<WorkflowHandle> {
    return this.temporal.workflow.start('lockProbe', {
      taskQueue: TEST_TASK_QUEUE,
      workflowId: `probe-${randomBytes(4).toString('hex')}`,
      args: [{ shop, options }],
      ...extra,
    });
  }

  /** Starts probes one after the other, each once the one before holds or waits: the first holds, the others wait in order. */
  async lineUp(shop: string, count: 2): Promise<[WorkflowHandle, WorkflowHandle]>;
  async lineUp(shop: string, count: 3): Promise<[WorkflowHandle, WorkflowHandle, WorkflowHandle]>;
  async lineUp(shop: string, count: number): Promise<WorkflowHandle[]> {
    const handles: WorkflowHandle[] = [];
    for (let i = 0; i < count; i += 1) {
      handles.push(await this.startProbe(shop));
      await this.until(shop, `${i + 1} lined up`, (s) => holderIs(handles[0])(s) && queueIs(handles.slice(1))(s));
    }
    return handles;
  }

  lockHandle(shop: string): WorkflowHandle {
    return this.temporal.workflow.getHandle(`shop-lock:${shop}`);
  }

  lockState(shop: string): Promise<LockState> {
    return this.lockHandle(shop).query(lockStateQuery);
  }

  /** Polls the lock's state until `predicate` holds (queries are answered by a worker, so this waits for one). */
  async until(shop: string, what: string, predicate: (state: LockState) => boolean, attempts = 300): Promise<LockState> {
    return eventually(what, async () => {
      const state = await this.lockState(shop).catch(() => undefined);
      return state && predicate(state) ? state : undefined;
    }, attempts);
  }

  async finish(handle: WorkflowHandle): Promise<unknown> {
    await handle.signal(probeFinishSignal);
    return handle.result();
  }

  /** Writes the probes made for a shop, as the ERP store has them. */
  probeWrites(shop: string): Promise<ProbeWrite[]> {
    return this.erp.db.collection<ProbeWrite>('probeWrites').find({ shop }).toArray();
  }

  countProbeWrites(shop: string): Promise<number> {
    return this.erp.db.collection<ProbeWrite>('probeWrites').countDocuments({ shop });
  }
}

export const holderIs = (handle: WorkflowHandle | undefined) => (state: LockState) =>
  handle ? state.holder?.workflowId === handle.workflowId : state.holder === undefined;

export const queueIs = (handles: WorkflowHandle[]) => (state: LockState) =>
  state.queue.map((r) => r.workflowId).join() === handles.map((h) => h.workflowId).join();

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Everything the process printed on stdout. */
  output(): string;
}

/** A worker in a process of its own (on `taskQueue`, its locks too), for tests that kill or stop it. */
export async function spawnWorker(taskQueue: string, overrides: Partial<AppConfig> = {}, tokens: Record<string, string> = {}): Promise<WorkerProcess> {
  const config = { ...(await testConfig()), taskQueue, lockTaskQueue: taskQueue, ...overrides };
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test', 'support', 'worker-process.ts')], {
    env: { ...process.env, SHOPSYNC_TEST_CONFIG: JSON.stringify(config), SHOPSYNC_TEST_BUNDLE: await testBundleFile(), SHOPSYNC_TEST_TOKENS: JSON.stringify(tokens) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its errors still reach the terminal, through this process, so the run's output is checked for tokens too.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      recordOutput(chunk.toString());
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    void exited.then((code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
  });
  return { child, exited, output: () => output };
}

export function isolatedQueue(name: string): string {
  return `${TEST_TASK_QUEUE}-${name}-${randomBytes(2).toString('hex')}`;
}

/**
 * Resets a workflow to just after the workflow task that completed with event `eventId`, as an operator
 * would from the CLI; `reapplySignals` false drops the signals that came after that point (a grant, say).
 */
export async function resetWorkflow(temporal: Client, workflowId: string, eventId: number, reapplySignals: boolean): Promise<string> {
  const { runId } = await temporal.workflow.getHandle(workflowId).describe();
  const response: proto.api.workflowservice.v1.IResetWorkflowExecutionResponse = await temporal.workflowService.resetWorkflowExecution({
    namespace: temporal.options.namespace,
    workflowExecution: { workflowId, runId },
    workflowTaskFinishEventId: Long.fromNumber(eventId),
    requestId: randomBytes(8).toString('hex'),
    reason: 'test: an operator resets the run',
    resetReapplyType: reapplySignals ? proto.api.enums.v1.ResetReapplyType.RESET_REAPPLY_TYPE_SIGNAL : proto.api.enums.v1.ResetReapplyType.RESET_REAPPLY_TYPE_NONE,
  });
  return response.runId ?? '';
}

/** The id of the first WorkflowTaskCompleted event after the event `after` matches (or the first at all). */
export async function workflowTaskCompletedAfter(handle: WorkflowHandle, after?: (event: HistoryEvent) => boolean): Promise<number> {
  const events = (await handle.fetchHistory()).events ?? [];
  const start = after ? events.findIndex(after) : 0;
  if (start < 0) throw new Error('no such event in the history');
  const completed = events.slice(start).find((event) => event.workflowTaskCompletedEventAttributes);
  if (!completed?.eventId) throw new Error('no workflow task completed after that event');
  return Number(completed.eventId);
}
