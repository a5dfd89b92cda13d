import {
  ApplicationFailure,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { LockActivities, LockWait } from '../activities/shop-lock';
import { formatDuration } from '../domain/durations';
import type { Fence } from '../temporal/fence';
import { OUTAGE_RETRY } from './activity-options';
import { fenceScope } from './fence-scope';
import { describeHolder, type LockGrant } from '../domain/shop-lock';
import { lockGrantedSignal, lockReleaseSignal, lockRevokedSignal } from '../temporal/lock-messages';

// Asking is quick (a signal and one read), so it runs as a local activity, within the run's own workflow task.
const { requestShopLock } = proxyLocalActivities<LockActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: OUTAGE_RETRY,
});
const { releaseShopLock } = proxyActivities<LockActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 hour',
  retry: OUTAGE_RETRY,
});

/**
 * This run's place in its shop's lock. It asks for the lock under a key that survives retries,
 * resets and continue-as-new of the run (workflow id and chain id), asks again now and then while it
 * waits (a lock restarted by an operator rebuilds its queue that way), gives up after the configured
 * wait naming the holder, runs the work with the grant's fencing token stamped on every activity,
 * stops the work if the lease is taken away, and gives the lock back.
 */
export class ShopLease {
  readonly key: string;
  private lockId: string | undefined;
  private token: number | undefined;
  private revokedBecause: string | undefined;
  private released = false;

  constructor(
    private readonly shop: string,
    private readonly task: string,
    carried?: Fence,
  ) {
    const info = workflowInfo();
    this.key = `${info.workflowId}/${info.firstExecutionRunId}`;
    if (carried) {
      this.lockId = carried.lockId;
      this.token = carried.token;
    }
    setHandler(lockGrantedSignal, (grant) => {
      if (grant.key !== this.key || this.released) return void this.handBack(grant);
      if (this.token === undefined || grant.token > this.token) {
        this.lockId = grant.lockId;
        this.token = grant.token;
      }
    });
    setHandler(lockRevokedSignal, (revoked) => {
      if (revoked.key === this.key && revoked.token === this.token) this.revokedBecause = revoked.reason;
    });
  }

  /** The grant this run holds, if any. */
  get fence(): Fence | undefined {
    return this.lockId !== undefined && this.token !== undefined ? { lockId: this.lockId, token: this.token } : undefined;
  }

  /** Queues this run at its shop's lock and waits for its turn, re-sending the request now and then. */
  async acquire(onWait: (wait: LockWait) => void): Promise<Fence> {
    const { workflowId, runId } = workflowInfo();
    const requestedAt = Date.now();
    for (;;) {
      if (this.fence) return this.fence;
      const wait = await requestShopLock({ shop: this.shop, request: { key: this.key, workflowId, runId, task: this.task, requestedAt } });
      this.lockId ??= wait.lockId;
      onWait(wait);
      const giveUpAt = this.giveUpAt(requestedAt, wait.maxWaitMs);
      if (await condition(() => this.token !== undefined, Math.max(0, Math.min(wait.resendAfterMs, giveUpAt - Date.now())))) continue;
      if (Date.now() >= giveUpAt) throw this.gaveUp(wait, Date.now() - requestedAt);
    }
  }

  /**
   * The configured wait, but never past the run's own execution timeout (less a margin): a run that
   * waited too long should fail saying who holds the lock, not time out without a word.
   */
  private giveUpAt(requestedAt: number, maxWaitMs: number): number {
    const { startTime, executionTimeoutMs } = workflowInfo();
    const byTimeout = executionTimeoutMs ? startTime.getTime() + executionTimeoutMs - Math.min(60_000, executionTimeoutMs / 10) : Infinity;
    return Math.min(requestedAt + maxWaitMs, byTimeout);
  }

  /** Runs `work` under the lease; if the lease is taken away, the work is cancelled and the run fails. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    const working = new CancellationScope();
    let finished = false;
    void condition(() => this.revokedBecause !== undefined || finished)
      .then(() => {
        if (!finished) working.cancel();
      })
      .catch(() => undefined); // cancelled along with the run: nothing to watch any more
    try {
      return await working.run(() => fenceScope.run(() => this.fence, work));
    } catch (error) {
      if (this.revokedBecause !== undefined && isCancellation(error)) throw this.lostLease(this.revokedBecause);
      throw error;
    } finally {
      finished = true;
    }
  }

  /**
   * Gives the lock back (or leaves the queue); runs even when the run is being cancelled. A signal to
   * the lock does it; if the lock workflow is not there (an operator terminated it), an activity stops
   * the store accepting the token and starts a new lock run.
   */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const lockId = this.lockId;
    if (!lockId) return; // never reached the lock; a grant that still comes is handed back by the handler
    const release = { key: this.key, runId: workflowInfo().runId, token: this.token };
    await CancellationScope.nonCancellable(async () => {
      try {
        await getExternalWorkflowHandle(lockId).signal(lockReleaseSignal, release);
      } catch {
        await releaseShopLock({ shop: this.shop, lockId, release });
      }
    });
  }

  /** A grant this run cannot use (it is done, or the grant was meant for an earlier run under the same id). */
  private async handBack(grant: LockGrant): Promise<void> {
    try {
      await getExternalWorkflowHandle(grant.lockId).signal(lockReleaseSignal, { key: grant.key, token: grant.token });
    } catch {
      // The lock is gone; it finds this run closed or the token released when it comes back.
    }
  }

  private lostLease(reason: string): ApplicationFailure {
    return ApplicationFailure.nonRetryable(
      `${this.task} for ${this.shop} lost the lock ${this.lockId} (token ${this.token}): ${reason}. ` +
        'Its activities stopped before writing anything more; the next run picks up the work.',
      'ShopLockLost',
    );
  }

  private gaveUp(wait: LockWait, waitedMs: number): ApplicationFailure {
    const holder = wait.holder ? `it is held by ${describeHolder(wait.holder)}` : 'it was free at the last look, but not granted';
    return ApplicationFailure.nonRetryable(
      `${this.task} for ${this.shop} gave up waiting for ${wait.lockId} after ${formatDuration(waitedMs)}: ${holder}`,
      'ShopLockTimeout',
    );
  }
}
