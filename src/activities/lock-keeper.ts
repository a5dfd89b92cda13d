import { WorkflowNotFoundError } from '@temporalio/client';
import type { GrantOutcome, StoredLock } from '../erp/shop-locks';
import type { LockCounters, LockHolder, LockRequest } from '../domain/shop-lock';
import type { ActivityDeps } from './deps';

/**
 * The lock workflow's own steps, run as local activities: the ERP store keeps the token, the holder
 * and the queue (so terminating or resetting the lock loses nothing), and Temporal says whether the
 * holder's workflow is still open (so liveness does not depend on any worker being up).
 */
export function createLockKeeperActivities({ erp, temporal }: ActivityDeps) {
  return {
    async loadLock(input: { lockId: string }): Promise<StoredLock> {
      return erp.locks.load(input.lockId);
    },

    /** Grants the lock to `request`; with `from`, that holder's lease ends in the same write (a handover). */
    async grantLock(input: { lockId: string; shop: string; expectedToken: number; request: LockRequest; queue: LockRequest[]; grantedAt: number; from?: number }): Promise<GrantOutcome> {
      return erp.locks.grant(input.lockId, input.shop, input.expectedToken, input.request, input.queue, input.grantedAt, input.from);
    },

    async regrantLock(input: { lockId: string; currentToken: number; request: LockRequest; grantedAt: number }): Promise<GrantOutcome> {
      return erp.locks.regrant(input.lockId, input.currentToken, input.request, input.grantedAt);
    },

    async revokeLock(input: { lockId: string; token: number }): Promise<boolean> {
      return erp.locks.revoke(input.lockId, input.token);
    },

    async saveLockQueue(input: { lockId: string; shop: string; queue: LockRequest[]; counters: LockCounters }): Promise<void> {
      await erp.locks.saveQueue(input.lockId, input.shop, input.queue, input.counters);
    },

    /**
     * Is the holder's run chain still open? Its workflow id's latest run must be running and belong to
     * the same chain (continue-as-new and resets keep the chain; a new run under the same id does not).
     */
    async isHolderOpen(input: { holder: Pick<LockHolder, 'workflowId' | 'key'> }): Promise<boolean> {
      const { workflowId, key } = input.holder;
      try {
        const description = await temporal.workflow.getHandle(workflowId).describe();
        const firstRunId = description.raw.workflowExecutionInfo?.firstRunId;
        const chain = key.slice(workflowId.length + 1);
        return description.status.name === 'RUNNING' && (!firstRunId || firstRunId === chain);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return false;
        throw error;
      }
    },
  };
}

export type LockKeeperActivities = ReturnType<typeof createLockKeeperActivities>;
