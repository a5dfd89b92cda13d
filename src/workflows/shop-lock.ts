import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  leaseExpiredSignal,
  lockGrantedSignal,
  lockReleaseSignal,
  lockRenewSignal,
  lockRequestSignal,
  lockStateQuery,
  type LockHolder,
  type LockRequest,
  type LockState,
  type ShopLockInput,
} from './lock-protocol';

const RECENTLY_DONE_KEPT = 200;

/**
 * One per shop (and lock group): grants a lease to one task run at a time, first come first served.
 * A holder keeps its lease by renewing it; a lease that is not renewed (the holder's worker died,
 * the holder was terminated) expires after its TTL and the next request is granted. A requester that
 * is gone when its turn comes is skipped. Duplicate requests are ignored. The history is bounded by
 * continuing as new with the holder and the queue.
 */
export async function shopLock(input: ShopLockInput): Promise<void> {
  const state: LockState = input.state ?? {
    lockId: input.lockId,
    queue: [],
    grants: 0,
    expiredLeases: 0,
    skippedRequesters: 0,
    recentlyDone: [],
  };
  const known = (requestId: string): boolean =>
    state.holder?.requestId === requestId || state.queue.some((r) => r.requestId === requestId) || state.recentlyDone.includes(requestId);
  const markDone = (requestId: string): void => {
    state.recentlyDone.push(requestId);
    if (state.recentlyDone.length > RECENTLY_DONE_KEPT) state.recentlyDone.splice(0, state.recentlyDone.length - RECENTLY_DONE_KEPT);
  };

  setHandler(lockStateQuery, () => state);
  setHandler(lockRequestSignal, (request: LockRequest) => {
    if (!known(request.requestId)) state.queue.push(request);
  });
  setHandler(lockRenewSignal, ({ requestId }) => {
    if (state.holder?.requestId === requestId) state.holder.leaseExpiresAt = Date.now() + state.holder.leaseTtlMs;
  });
  setHandler(lockReleaseSignal, ({ requestId }) => {
    if (state.holder?.requestId === requestId) {
      state.holder = undefined;
      markDone(requestId);
    } else {
      const index = state.queue.findIndex((r) => r.requestId === requestId);
      if (index >= 0) {
        state.queue.splice(index, 1);
        markDone(requestId);
      }
    }
  });

  const historyTooLong = (): boolean => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= input.historyLimit;

  for (;;) {
    if (historyTooLong()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof shopLock>({ ...input, state });
    }
    const holder = state.holder;
    if (holder) {
      const remaining = holder.leaseExpiresAt - Date.now();
      if (remaining > 0) {
        await condition(() => state.holder !== holder || historyTooLong(), remaining);
        continue;
      }
      await expire(holder);
      continue;
    }
    await condition(() => state.queue.length > 0 || historyTooLong());
    const next = state.queue.shift();
    if (next) await grant(next);
  }

  async function grant(request: LockRequest): Promise<void> {
    // The holder is set before the grant is sent, so a release that arrives meanwhile finds it.
    const now = Date.now();
    const granted: LockHolder = { ...request, grantedAt: now, leaseExpiresAt: now + request.leaseTtlMs };
    state.holder = granted;
    try {
      await getExternalWorkflowHandle(request.workflowId, request.runId).signal(lockGrantedSignal, {
        lockId: state.lockId,
        requestId: request.requestId,
        leaseTtlMs: request.leaseTtlMs,
      });
      state.grants += 1;
    } catch {
      // The requester has finished or was terminated before its turn: skip it, keep the queue.
      if (state.holder === granted) state.holder = undefined;
      state.skippedRequesters += 1;
      markDone(request.requestId);
    }
  }

  async function expire(holder: LockHolder): Promise<void> {
    state.holder = undefined;
    state.expiredLeases += 1;
    markDone(holder.requestId);
    try {
      await getExternalWorkflowHandle(holder.workflowId, holder.runId).signal(leaseExpiredSignal, { lockId: state.lockId, requestId: holder.requestId });
    } catch {
      // The holder is gone, which is why its lease expired.
    }
  }
}
