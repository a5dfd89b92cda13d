import { defineQuery } from '@temporalio/workflow';

export type TaskPhase = 'starting' | 'waiting-for-lock' | 'running' | 'completed' | 'failed';

/** What a run is doing now; the `progress` query returns it (CLI, client), and the Web UI shows it as current details. */
export interface TaskProgress {
  task: string;
  shop?: string;
  phase: TaskPhase;
  lockId?: string;
  /** The fencing token of this run's grant, once it holds the lock. */
  lockToken?: number;
  /** While waiting: who holds the lock, and this run's place in line (1 = next). */
  waitingBehind?: string;
  placeInLine?: number;
  counters: Record<string, number>;
  message?: string;
  /** How many times this run has continued as new (long runs keep their history short that way). */
  continuations?: number;
}

export const progressQuery = defineQuery<TaskProgress>('progress');

/** One line: "running · fetched 1080, created 1075 · page 12". */
export function describeProgress(progress: TaskProgress): string {
  const counters = Object.entries(progress.counters).map(([name, value]) => `${name} ${value}`).join(', ');
  let phase: string = progress.phase;
  if (progress.phase === 'waiting-for-lock') {
    const behind = progress.waitingBehind ? ` behind ${progress.waitingBehind}` : '';
    const place = progress.placeInLine ? ` (${ordinal(progress.placeInLine)} in line)` : '';
    phase = `waiting for ${progress.lockId ?? 'the shop lock'}${behind}${place}`;
  } else if (progress.phase === 'running' && progress.lockId) {
    phase = `running under ${progress.lockId} (token ${progress.lockToken ?? '?'})`;
  }
  return [phase, counters, progress.message].filter(Boolean).join(' · ');
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
