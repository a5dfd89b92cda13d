import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * The messages between a task run (the requester) and its shop's lock workflow. Workflow-safe: the
 * activity that enqueues requests and the client that shows the lock import them too.
 */
export interface LockRequest {
  /** `<workflowId>/<runId>` of the requester: unique per run, so a retried request is recognised. */
  requestId: string;
  workflowId: string;
  runId: string;
  task: string;
  leaseTtlMs: number;
  requestedAt: number;
}

export interface LockHolder extends LockRequest {
  grantedAt: number;
  leaseExpiresAt: number;
}

export interface LockState {
  lockId: string;
  holder?: LockHolder;
  queue: LockRequest[];
  grants: number;
  expiredLeases: number;
  skippedRequesters: number;
  /** Requests released or expired recently; a late duplicate of one of them is ignored. */
  recentlyDone: string[];
}

export interface ShopLockInput {
  lockId: string;
  /** Continue as new once the history has this many events (the server's suggestion also counts). */
  historyLimit: number;
  state?: LockState;
}

export const lockRequestSignal = defineSignal<[LockRequest]>('lockRequest');
export const lockReleaseSignal = defineSignal<[{ requestId: string }]>('lockRelease');
export const lockRenewSignal = defineSignal<[{ requestId: string }]>('lockRenew');
export const lockStateQuery = defineQuery<LockState>('state');

/** Sent by the lock to the requester. */
export const lockGrantedSignal = defineSignal<[{ lockId: string; requestId: string; leaseTtlMs: number }]>('lockGranted');
export const leaseExpiredSignal = defineSignal<[{ lockId: string; requestId: string }]>('leaseExpired');

export const SHOP_LOCK_WORKFLOW = 'shopLock';
