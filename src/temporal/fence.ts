/**
 * The fencing token a task run's activities carry: which lock they write under, and which grant of it.
 * It travels as an activity header, so no activity's own input has to mention it. Workflow-safe.
 */
export interface Fence {
  lockId: string;
  token: number;
}

export const FENCE_HEADER = 'shopsync-fence';
