import { defineQuery } from '@temporalio/workflow';

export type TaskPhase = 'starting' | 'waiting-for-lock' | 'running' | 'completed' | 'failed';

/** What a run is doing now; the `progress` query returns it (CLI, client, Web UI). */
export interface TaskProgress {
  task: string;
  shop?: string;
  phase: TaskPhase;
  lockId?: string;
  counters: Record<string, number>;
  message?: string;
}

export const progressQuery = defineQuery<TaskProgress>('progress');
