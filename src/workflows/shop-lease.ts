import {
  ApplicationFailure,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { LockActivities } from '../activities/shop-lock';
import { NON_RETRYABLE_FAILURES } from '../domain/failure-types';
import { leaseExpiredSignal, lockGrantedSignal, lockReleaseSignal, lockRenewSignal } from './lock-protocol';

const { requestShopLock } = proxyActivities<LockActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10, nonRetryableErrorTypes: [...NON_RETRYABLE_FAILURES] },
});

/**
 * This run's place in its shop's lock: asks for it, waits its turn, keeps the lease renewed while
 * the work runs, and gives it back. If the lease expires anyway (this run's worker was gone longer
 * than the lease), the work is cancelled and the run fails rather than touch records unprotected.
 */
export class ShopLease {
  private readonly requestId: string;
  private lockId: string | undefined;
  private leaseTtlMs = 0;
  private granted = false;
  private expired = false;
  private released = false;

  constructor(private readonly shop: string, private readonly task: string) {
    const { workflowId, runId } = workflowInfo();
    this.requestId = `${workflowId}/${runId}`;
    setHandler(lockGrantedSignal, ({ requestId }) => {
      if (requestId !== this.requestId) return;
      if (this.released) void this.sendRelease(); // a grant that arrives after we gave up is handed straight back
      else this.granted = true;
    });
    setHandler(leaseExpiredSignal, ({ requestId }) => {
      if (requestId === this.requestId) this.expired = true;
    });
  }

  /** Queues this run at its shop's lock and waits until it is granted; returns the lock id. */
  async acquire(onQueued: (lockId: string) => void): Promise<string> {
    const { workflowId, runId } = workflowInfo();
    const grant = await requestShopLock({ shop: this.shop, task: this.task, requestId: this.requestId, workflowId, runId });
    this.lockId = grant.lockId;
    this.leaseTtlMs = grant.leaseTtlMs;
    onQueued(grant.lockId);
    await condition(() => this.granted || this.expired);
    if (this.expired) throw this.lostLease();
    return grant.lockId;
  }

  /** Runs `work` under the lease, renewing it a few times per TTL. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    const renewing = new CancellationScope();
    void renewing
      .run(async () => {
        for (;;) {
          await sleep(Math.max(1000, Math.floor(this.leaseTtlMs / 3)));
          await this.signalLock(lockRenewSignal);
        }
      })
      .catch(() => undefined);
    const working = new CancellationScope();
    let finished = false;
    void condition(() => this.expired || finished)
      .then(() => {
        if (this.expired) working.cancel();
      })
      .catch(() => undefined); // cancelled along with the run: nothing to watch any more
    try {
      return await working.run(work);
    } catch (error) {
      if (this.expired && isCancellation(error)) throw this.lostLease();
      throw error;
    } finally {
      finished = true;
      renewing.cancel();
    }
  }

  /** Gives the lock back (or leaves the queue); runs even when the run is being cancelled. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.lockId) await CancellationScope.nonCancellable(() => this.sendRelease());
  }

  private async sendRelease(): Promise<void> {
    await this.signalLock(lockReleaseSignal);
  }

  private async signalLock(signal: typeof lockRenewSignal | typeof lockReleaseSignal): Promise<void> {
    if (!this.lockId) return;
    try {
      await getExternalWorkflowHandle(this.lockId).signal(signal, { requestId: this.requestId });
    } catch {
      // The lock workflow is gone (terminated by an operator); there is nothing to renew or release.
    }
  }

  private lostLease(): ApplicationFailure {
    return ApplicationFailure.nonRetryable(
      `${this.task} for ${this.shop} lost its lease on ${this.lockId}: it was not renewed within ${this.leaseTtlMs / 1000} s ` +
        '(was its worker down?). Nothing more was written; the next run picks up the work.',
      'ShopLockLost',
    );
  }
}
