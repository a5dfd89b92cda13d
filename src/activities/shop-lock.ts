import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { DEFAULT_LOCK_GROUP, isTaskKey, lockId as lockIdFor } from '../domain/tasks';
import { ShopDomain } from '../temporal/search-attributes';
import type { LockHolder, LockRelease, LockRequest, ShopLockInput } from '../domain/shop-lock';
import { lockReleaseSignal, lockRequestSignal, SHOP_LOCK_WORKFLOW } from '../temporal/lock-messages';
import type { ActivityDeps, LockSettings } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';

export interface LockWait {
  lockId: string;
  resendAfterMs: number;
  maxWaitMs: number;
  /** Who holds the lock now, as the ERP store records it. */
  holder: LockHolder | null;
  /** This run's place in line (1 = next), as the store last wrote the queue down (at its end when not written yet). */
  placeInLine: number;
}

/** Signal-with-start: the lock workflow is started if it is not running (after an operator's terminate, too). */
async function signalLock<A>(temporal: Client, settings: LockSettings, lock: { lockId: string; shop: string }, signal: SignalDefinition<[A]>, arg: A): Promise<void> {
  const input: ShopLockInput = { lockId: lock.lockId, shop: lock.shop, checkIntervalMs: settings.checkIntervalMs, historyLimit: settings.historyLimit };
  await temporal.workflow.signalWithStart<(input: ShopLockInput) => Promise<void>, [A]>(SHOP_LOCK_WORKFLOW, {
    workflowId: lock.lockId,
    taskQueue: settings.taskQueue,
    args: [input],
    signal,
    signalArgs: [arg],
    typedSearchAttributes: [{ key: ShopDomain, value: lock.shop }],
    staticSummary: `Shop lock of ${lock.shop}`,
    staticDetails: `Grants ${lock.lockId} to one task run at a time, first come first served. Query "state" for holder and queue.`,
  });
}

/** A task run's side of the lock: asking for it, and giving it back. */
export function createLockActivities(deps: Pick<ActivityDeps, 'shops' | 'temporal' | 'lock' | 'erp'>) {
  return withFailureTypes({
    /**
     * Checks the shop can run tasks, then queues the request at the shop's lock. Safe to repeat: the
     * lock ignores a request it already has. Answers who holds the lock, for the run to say what it waits for.
     */
    async requestShopLock(input: { shop: string; request: LockRequest }): Promise<LockWait> {
      const { settings } = await deps.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled (enable it with: shopsync shops update ${input.shop} --set enabled=true)`);
      const task = input.request.task;
      const group = (isTaskKey(task) ? settings.lockGroups[task] : undefined) ?? DEFAULT_LOCK_GROUP;
      const lockId = lockIdFor(input.shop, group);
      await signalLock(deps.temporal, deps.lock, { lockId, shop: input.shop }, lockRequestSignal, input.request);
      const stored = await deps.erp.locks.load(lockId);
      const index = stored.queue.findIndex((r) => r.key === input.request.key);
      return {
        lockId,
        resendAfterMs: deps.lock.resendAfterMs,
        maxWaitMs: deps.lock.maxWaitMs,
        holder: stored.holder,
        placeInLine: index >= 0 ? index + 1 : stored.queue.length + 1,
      };
    },

    /**
     * Gives the lock back, or leaves its queue. With a token, the ERP store stops accepting it first,
     * so the release holds even if the lock workflow is gone at that moment.
     */
    async releaseShopLock(input: { shop: string; lockId: string; release: LockRelease }): Promise<void> {
      if (input.release.token !== undefined) await deps.erp.locks.revoke(input.lockId, input.release.token);
      await signalLock(deps.temporal, deps.lock, { lockId: input.lockId, shop: input.shop }, lockReleaseSignal, input.release);
    },
  });
}

export type LockActivities = ReturnType<typeof createLockActivities>;
