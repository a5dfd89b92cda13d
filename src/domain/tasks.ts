/** Task keys and the workflow type that runs each. The task issues add the connector's eleven. */
export const TASK_WORKFLOWS = {
  refreshShopInfo: 'refreshShopInfo',
} as const;

export type TaskKey = keyof typeof TASK_WORKFLOWS;

export function isTaskKey(value: string): value is TaskKey {
  return Object.hasOwn(TASK_WORKFLOWS, value);
}

/** The id of a manual run: one per shop and task, so a second request joins the run already going. */
export function manualRunId(shop: string, task: TaskKey): string {
  return `run:${shop}:${task}`;
}
