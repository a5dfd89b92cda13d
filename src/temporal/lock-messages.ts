import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LockGrant, LockRelease, LockRequest, LockState } from '../domain/shop-lock';

/**
 * The messages of the shop lock workflow: what task runs, activities and the client send it, and what
 * it sends back to a run. Definitions only (no workflow code), so every layer may import them.
 */
export const lockRequestSignal = defineSignal<[LockRequest]>('lockRequest');
export const lockReleaseSignal = defineSignal<[LockRelease]>('lockRelease');
/** An operator took the lease away; the ERP store already no longer accepts `token`. */
export const lockBreakSignal = defineSignal<[{ token: number; reason: string }]>('lockBreak');
export const lockStateQuery = defineQuery<LockState>('state');

/** Sent by the lock to the requester. */
export const lockGrantedSignal = defineSignal<[LockGrant]>('lockGranted');
export const lockRevokedSignal = defineSignal<[LockGrant & { reason: string }]>('lockRevoked');

export const SHOP_LOCK_WORKFLOW = 'shopLock';
