import type { Client } from '@temporalio/client';
import { DEFAULT_LOCK_GROUP, isTaskKey, lockId as lockIdFor } from '../domain/tasks';
import type { ShopRepository } from '../erp/shop-repository';
import { ShopDomain } from '../temporal/search-attributes';
import { lockRequestSignal, SHOP_LOCK_WORKFLOW, type ShopLockInput } from '../workflows/lock-protocol';
import { ShopDisabledError, withFailureTypes } from './failures';

export interface LockSettings {
  /** Task queue of the lock workflows (normally the workers' own). */
  taskQueue: string;
  leaseTtlMs: number;
  /** Events after which a lock workflow continues as new. */
  historyLimit: number;
}

export interface LockRequestInput {
  shop: string;
  task: string;
  requestId: string;
  workflowId: string;
  runId: string;
}

export function createLockActivities(deps: { shops: ShopRepository; temporal: Client; lock: LockSettings }) {
  return withFailureTypes({
    /**
     * Checks the shop can run tasks, then queues the request at the shop's lock, starting the lock
     * workflow if needed (signal-with-start). Safe to retry: the lock ignores a request it already has.
     */
    async requestShopLock(request: LockRequestInput): Promise<{ lockId: string; leaseTtlMs: number }> {
      const { settings } = await deps.shops.get(request.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${request.shop} is disabled (enable it with: shopsync shops update ${request.shop} --set enabled=true)`);
      const group = (isTaskKey(request.task) ? settings.lockGroups[request.task] : undefined) ?? DEFAULT_LOCK_GROUP;
      const lockId = lockIdFor(request.shop, group);
      const input: ShopLockInput = { lockId, historyLimit: deps.lock.historyLimit };
      await deps.temporal.workflow.signalWithStart(SHOP_LOCK_WORKFLOW, {
        workflowId: lockId,
        taskQueue: deps.lock.taskQueue,
        args: [input],
        signal: lockRequestSignal,
        signalArgs: [{ ...request, leaseTtlMs: deps.lock.leaseTtlMs, requestedAt: Date.now() }],
        typedSearchAttributes: [{ key: ShopDomain, value: request.shop }],
      });
      return { lockId, leaseTtlMs: deps.lock.leaseTtlMs };
    },
  });
}

export type LockActivities = ReturnType<typeof createLockActivities>;
