/**
 * A shop lock's state and the requests and grants it deals in: plain data, shared by the lock
 * workflow, the runs that ask for it, the ERP store that keeps it and the client that shows it.
 */
export interface LockRequest {
  /**
   * `<workflowId>/<firstExecutionRunId>`: the same through activity retries, continue-as-new and
   * resets of the run (Temporal keeps one chain id for all of them), so a run keeps or regains its place.
   */
  key: string;
  workflowId: string;
  /** The run that sent the request; a holder asking again from another run was reset and lost its grant. */
  runId: string;
  task: string;
  /** When the run first asked; kept on re-sends, so a lock rebuilt from re-sends stays first come first served. */
  requestedAt: number;
  /** The lock's count of arrivals when this request joined the queue: grants follow it (first come, first served). */
  arrival?: number;
}

export interface LockHolder extends LockRequest {
  /** The fencing token of this grant: it only grows per lock, and writes check it is still the current one. */
  token: number;
  grantedAt: number;
}

export interface LockCounters {
  /** Requests that joined the queue. */
  arrivals: number;
  grants: number;
  released: number;
  /** Holders whose workflow closed without releasing (terminated, timed out, ...): detected from Temporal's state. */
  holdersClosed: number;
  /** Leases taken away by an operator (`shopsync lock break`). */
  broken: number;
  /** Requesters gone before their turn came. */
  skippedRequesters: number;
}

export interface LockState {
  lockId: string;
  /** The last token handed out (the holder's, while there is one). */
  token: number;
  holder?: LockHolder;
  queue: LockRequest[];
  counters: LockCounters;
  /** Runs that released or were skipped lately; a late duplicate of their request is ignored. */
  recentlyDone: string[];
}

export interface ShopLockInput {
  lockId: string;
  shop: string;
  /** How often the lock asks Temporal whether its holder's workflow is still open. */
  checkIntervalMs: number;
  /** Continue as new once the history has this many events (the server's suggestion also counts). */
  historyLimit: number;
  /** Carried over by continue-as-new; a fresh run loads what the ERP store keeps instead. */
  state?: LockState;
}

export interface LockRelease {
  key: string;
  /** The run giving the lock back; absent when a run hands back a grant that was meant for another. */
  runId?: string;
  /** The token given back; absent when the run leaves the queue before its grant reached it. */
  token?: number;
}

export interface LockGrant {
  lockId: string;
  key: string;
  token: number;
}

export function emptyCounters(): LockCounters {
  return { arrivals: 0, grants: 0, released: 0, holdersClosed: 0, broken: 0, skippedRequesters: 0 };
}

/** One line for the Web UI's current details, the CLI and error messages. */
export function describeHolder(holder: Pick<LockHolder, 'task' | 'workflowId' | 'token'> & { grantedAt?: number }): string {
  const since = holder.grantedAt ? ` since ${new Date(holder.grantedAt).toISOString()}` : '';
  return `${holder.task} ${holder.workflowId} (token ${holder.token})${since}`;
}

/** The lock as the Web UI's "current details" show it. */
export function describeLock(state: LockState): string {
  const { counters } = state;
  const holder = state.holder ? `Held by ${describeHolder(state.holder)}` : 'Free';
  const queue = state.queue.length
    ? `Waiting (${state.queue.length}): ${state.queue.slice(0, 10).map((r, i) => `${i + 1}. ${r.task} ${r.workflowId}`).join('; ')}${state.queue.length > 10 ? '; …' : ''}`
    : 'Nobody waiting';
  const totals = `grants ${counters.grants}, released ${counters.released}, holders closed ${counters.holdersClosed}, broken ${counters.broken}, skipped ${counters.skippedRequesters}`;
  return [holder, queue, totals].join('\n\n');
}
