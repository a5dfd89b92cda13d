import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import { z } from 'zod';
import type { LockKeeperActivities } from '../activities/lock-keeper';
import type { StoredLock } from '../erp/shop-locks';
import { describeLock, emptyCounters, type LockHolder, type LockRelease, type LockRequest, type LockState, type ShopLockInput } from '../domain/shop-lock';
import { describeInputIssues } from '../domain/task-input';
import { lockBreakSignal, lockGrantedSignal, lockReleaseSignal, lockRequestSignal, lockRevokedSignal, lockStateQuery } from '../temporal/lock-messages';

// The ERP store being down only delays the lock: its steps retry for as long as it takes.
const keeper = proxyLocalActivities<LockKeeperActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const RECENTLY_DONE_KEPT = 200;

const ShopLockInputSchema = z.looseObject({
  lockId: z.string().min(1),
  shop: z.string().min(1),
  checkIntervalMs: z.number().positive(),
  historyLimit: z.number().int().positive(),
  state: z.looseObject({ token: z.number().int().min(0), queue: z.array(z.unknown()), counters: z.looseObject({}), recentlyDone: z.array(z.string()) }).optional(),
});

/** What happened to the holder since the lock last looked; handled in order break, release, regrant. */
export interface HolderEvents {
  brk?: { token: number; reason: string };
  release?: LockRelease;
  /** The holder's run asked again from another run id (reset to before its grant): it gets a new token. */
  regrant?: LockRequest;
  /** The holder's run asked again from the same run: its grant is sent again (same token). */
  resend?: boolean;
}

export interface ShopLockCarry extends ShopLockInput {
  events?: HolderEvents;
}

/**
 * One per shop (and lock group): grants the lock to one task run at a time, first come first served,
 * with a fencing token that only grows. The holder keeps the lock until it releases it or its workflow
 * closes, which the lock learns from Temporal itself (not from renewals, so a holder survives every
 * worker being down). Token, holder and queue live in the ERP store and change there by
 * compare-and-set, so terminating, resetting or continuing the lock as new loses nothing.
 */
export async function shopLock(input: ShopLockCarry): Promise<void> {
  // The engine writes this input; one started by hand with another shape would otherwise throw in the
  // workflow, whose task Temporal retries for ever. What a continued run carries is the lock's own.
  const checked = ShopLockInputSchema.safeParse(input);
  if (!checked.success) throw ApplicationFailure.nonRetryable(`Invalid input for shopLock: ${describeInputIssues(checked.error)}`, 'InvalidTaskInput');
  const { lockId, shop } = input;
  const state: LockState = input.state ?? { lockId, token: 0, queue: [], counters: emptyCounters(), recentlyDone: [] };
  let events: HolderEvents = input.events ?? {};
  let queueChanged = input.state !== undefined; // a new run writes its queue down once
  let nextCheckAt = 0;
  /** The request being granted while the ERP store records it: for its messages, it is the holder already. */
  let granting: LockRequest | undefined;

  const markDone = (runId: string | undefined): void => {
    if (!runId || state.recentlyDone.includes(runId)) return;
    state.recentlyDone.push(runId);
    if (state.recentlyDone.length > RECENTLY_DONE_KEPT) state.recentlyDone.splice(0, state.recentlyDone.length - RECENTLY_DONE_KEPT);
  };
  const hasEvents = (): boolean => events.brk !== undefined || events.release !== undefined || events.regrant !== undefined || events.resend === true;
  const historyTooLong = (): boolean => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= input.historyLimit;

  setHandler(lockStateQuery, () => state);
  setHandler(lockRequestSignal, (request) => {
    if (state.recentlyDone.includes(request.runId)) return; // a late duplicate from a run that is done with the lock
    const holder = state.holder ?? granting;
    if (holder?.key === request.key) {
      if (request.runId !== holder.runId) events.regrant = request;
      else events.resend = true;
      return;
    }
    const queued = state.queue.find((r) => r.key === request.key);
    if (queued) {
      if (queued.runId !== request.runId) {
        queued.runId = request.runId; // the same run, reset while it waited: it keeps its place
        queueChanged = true;
      }
      return;
    }
    state.counters.arrivals += 1;
    state.queue.push({ ...request, arrival: state.counters.arrivals });
    queueChanged = true;
  });
  setHandler(lockReleaseSignal, (release) => {
    markDone(release.runId);
    const index = state.queue.findIndex((r) => r.key === release.key);
    if (index >= 0) {
      state.queue.splice(index, 1);
      queueChanged = true;
    } else {
      events.release = release;
    }
  });
  setHandler(lockBreakSignal, (brk) => {
    events.brk = brk;
  });

  if (!input.state) catchUp(await keeper.loadLock({ lockId }), true);

  for (;;) {
    setCurrentDetails(describeLock(state));
    if (state.holder && hasEvents()) {
      await handleEvents(state.holder);
      continue;
    }
    events = {}; // nothing in them concerns a holder any more
    if (queueChanged) {
      queueChanged = false;
      await keeper.saveLockQueue({ lockId, shop, queue: state.queue, counters: state.counters });
      continue;
    }
    if (historyTooLong()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof shopLock>({ ...input, state, events });
    }
    if (state.holder) {
      await watch(state.holder);
      continue;
    }
    await condition(() => state.queue.length > 0 || queueChanged || hasEvents() || historyTooLong());
    const next = state.queue[0];
    if (next && !queueChanged && !hasEvents()) await grant(next);
  }

  /** Waits for news of the holder; every check interval asks Temporal whether its workflow is still open. */
  async function watch(holder: LockHolder): Promise<void> {
    const now = Date.now();
    if (nextCheckAt <= now) nextCheckAt = now + input.checkIntervalMs;
    const news = await condition(() => hasEvents() || queueChanged || historyTooLong(), nextCheckAt - now);
    if (news) return;
    nextCheckAt = 0;
    if (!(await keeper.isHolderOpen({ holder }))) {
      state.counters.holdersClosed += 1;
      await endLease(holder);
    }
  }

  async function handleEvents(holder: LockHolder): Promise<void> {
    const { brk, release, regrant, resend } = events;
    events = {};
    if (brk && brk.token === holder.token) {
      state.counters.broken += 1;
      await tell(holder, lockRevokedSignal, { lockId, key: holder.key, token: holder.token, reason: brk.reason });
      await endLease(holder);
    } else if (release && release.key === holder.key && (release.token === undefined || release.token === holder.token)) {
      state.counters.released += 1;
      await endLease(holder);
    } else if (regrant && regrant.key === holder.key && regrant.runId !== holder.runId) {
      const grantedAt = Date.now();
      const outcome = await keeper.regrantLock({ lockId, currentToken: state.token, request: regrant, grantedAt });
      if (!outcome.granted) return catchUp(outcome, false);
      state.token = outcome.token;
      state.holder = { ...regrant, token: outcome.token, grantedAt };
      state.counters.grants += 1;
      await notifyGrant(state.holder);
    } else if (resend) {
      await notifyGrant(holder, 'holdersClosed');
    }
  }

  /** Grants the lock to the first in line; with `from`, the lease of that token ends in the same write. */
  async function grant(request: LockRequest, from?: number): Promise<void> {
    state.queue.shift();
    granting = request;
    const grantedAt = Date.now();
    const outcome = await keeper.grantLock({ lockId, shop, expectedToken: state.token, request, queue: state.queue, grantedAt, from }).finally(() => (granting = undefined));
    if (!outcome.granted) {
      if (events.release?.key !== request.key) state.queue.unshift(request);
      return catchUp(outcome, false);
    }
    state.token = outcome.token;
    state.holder = { ...request, token: outcome.token, grantedAt };
    state.counters.grants += 1;
    nextCheckAt = 0;
    await notifyGrant(state.holder);
  }

  async function notifyGrant(holder: LockHolder, ifGone: 'skippedRequesters' | 'holdersClosed' = 'skippedRequesters'): Promise<void> {
    const delivered = await tell(holder, lockGrantedSignal, { lockId, key: holder.key, token: holder.token });
    if (!delivered && state.holder === holder) {
      // The run is closed (a requester gone before its turn came, or a holder that just finished): next.
      state.counters[ifGone] += 1;
      await endLease(holder);
    }
  }

  /** Ends the lease of `holder`; when someone waits (and nothing else is pending), the lock goes straight to them. */
  async function endLease(holder: LockHolder): Promise<void> {
    markDone(holder.runId);
    const next = state.queue[0];
    if (next && state.holder === holder && !hasEvents() && !historyTooLong()) {
      state.holder = undefined;
      return grant(next, holder.token);
    }
    await keeper.revokeLock({ lockId, token: holder.token });
    if (state.holder === holder) state.holder = undefined;
  }

  /** Takes the ERP store's token and holder as the truth (this run's picture was stale). */
  function catchUp(stored: Pick<StoredLock, 'token' | 'holder'> & Partial<Pick<StoredLock, 'queue' | 'counters'>>, starting: boolean): void {
    state.token = stored.token;
    state.holder = stored.holder ?? undefined;
    if (starting) {
      const storedQueue = stored.queue ?? [];
      const arrived = state.queue.filter((r) => !storedQueue.some((s) => s.key === r.key));
      state.counters = { ...emptyCounters(), ...stored.counters };
      state.counters.arrivals = Math.max(state.counters.arrivals, ...storedQueue.map((r) => r.arrival ?? 0), stored.holder?.arrival ?? 0);
      state.queue = [...storedQueue, ...arrived.map((r) => ({ ...r, arrival: ++state.counters.arrivals }))];
      queueChanged = arrived.length > 0;
    }
    if (state.holder) {
      const holderKey = state.holder.key;
      state.queue = state.queue.filter((r) => r.key !== holderKey);
    }
    nextCheckAt = 0;
  }

  /** Signals a run by workflow id (whichever of its runs is current); false when it is closed. */
  async function tell<A>(holder: LockHolder, signal: SignalDefinition<[A]>, payload: A): Promise<boolean> {
    try {
      await getExternalWorkflowHandle(holder.workflowId).signal(signal, payload);
      return true;
    } catch {
      return false;
    }
  }
}
