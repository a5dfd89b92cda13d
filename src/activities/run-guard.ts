import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure, defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ShopLockRepository } from '../erp/shop-locks';
import { FENCE_HEADER, type Fence } from '../temporal/fence';

/**
 * What an activity checks before it writes: that nobody asked it to stop (its run was cancelled, its
 * worker is shutting down) and that its run still holds the shop's lock with the token it was given.
 * The interceptor below sets one up for each activity execution; activity code reaches it through
 * `checkpoint()` between records, and the Shopify client through `currentRunGuard()` before a mutation.
 */
export interface RunGuard {
  readonly fence: Fence | undefined;
  /** Aborted when the activity is cancelled; passed to every HTTP request and wait. */
  readonly signal: AbortSignal;
  assertMayWrite(): Promise<void>;
  heartbeat(details?: unknown): void;
}

const guards = new AsyncLocalStorage<RunGuard>();

export function currentRunGuard(): RunGuard | undefined {
  return guards.getStore();
}

/** Runs activity code under a guard (the interceptor below; the benchmark's direct calls). */
export function runGuarded<T>(guard: RunGuard, work: () => Promise<T>): Promise<T> {
  return guards.run(guard, work);
}

/** The guard's write check: not cancelled, and the fence's token still the lock holder's. */
export async function assertFenceHolds(locks: ShopLockRepository, activityType: string, signal: AbortSignal, fence: Fence | undefined): Promise<void> {
  if (signal.aborted) throw signal.reason instanceof CancelledFailure ? signal.reason : new CancelledFailure('cancelled');
  if (!fence) throw ApplicationFailure.nonRetryable(`${activityType} writes only under a shop lock, and was called without one`, 'Unfenced');
  if (!(await locks.isCurrent(fence.lockId, fence.token))) {
    throw ApplicationFailure.nonRetryable(
      `lost the shop lock ${fence.lockId} (token ${fence.token} is no longer the holder's: released, taken away by an operator, ` +
        'or the run closed), so nothing more was written',
      'ShopLockLost',
    );
  }
}

/**
 * Call between records (and before the first write): records progress as the heartbeat details a
 * retry resumes from, stops if the activity was cancelled, stops if the run lost its lock.
 */
export async function checkpoint(details?: unknown): Promise<void> {
  const guard = guards.getStore();
  if (!guard) throw new Error('checkpoint() is for activity code run by the worker');
  guard.heartbeat(details);
  await guard.assertMayWrite();
}

/**
 * The activity interceptor: reads the fence header, and keeps heartbeating the activity's last
 * details every `heartbeatEveryMs` while it runs, so cancellation reaches it within seconds even while
 * it waits on Shopify (Temporal only answers "cancelled" to a heartbeat).
 */
export function runGuardInterceptor(locks: ShopLockRepository, heartbeatEveryMs: number): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const header = input.headers[FENCE_HEADER];
        const fence = header ? defaultPayloadConverter.fromPayload<Fence>(header) : undefined;
        let details: unknown = ctx.info.heartbeatDetails;
        const guard: RunGuard = {
          fence,
          signal: ctx.cancellationSignal,
          heartbeat(next?: unknown) {
            if (next !== undefined) details = next;
            ctx.heartbeat(details);
          },
          assertMayWrite: () => assertFenceHolds(locks, ctx.info.activityType, ctx.cancellationSignal, fence),
        };
        const timer = ctx.info.isLocal ? undefined : setInterval(() => ctx.heartbeat(details), heartbeatEveryMs);
        try {
          return await runGuarded(guard, () => next(input));
        } finally {
          clearInterval(timer);
        }
      },
    },
  });
}
