import { z } from 'zod';

/**
 * The tasks: key, workflow type, and the filters and options each accepts (the connector's request
 * pages). The task issues add the connector's eleven and batch posting here.
 */
export const NoFilters = z.object({}).strict();
export const NoOptions = z.object({}).strict();

export interface TaskDefinition {
  workflowType: string;
  description: string;
  filters: z.ZodType;
  options: z.ZodType;
}

export const TASKS = {
  refreshShopInfo: {
    workflowType: 'refreshShopInfo',
    description: "read the shop's name, plan, currency, timezone and locations",
    filters: NoFilters,
    options: NoOptions,
  },
} as const satisfies Record<string, TaskDefinition>;

export type TaskKey = keyof typeof TASKS;
export const TASK_KEYS = Object.keys(TASKS) as [TaskKey, ...TaskKey[]];

export function isTaskKey(value: string): value is TaskKey {
  return Object.hasOwn(TASKS, value);
}

/** The id of a manual run: one per shop and task, so a second request joins the run already going. */
export function manualRunId(shop: string, task: TaskKey): string {
  return `run:${shop}:${task}`;
}

/** The id of a task's schedule. */
export function scheduleId(shop: string, task: TaskKey): string {
  return `sched:${shop}:${task}`;
}

/** The id of a shop's lock workflow: one per shop, or per lock group when the shop splits its tasks. */
export function lockId(shop: string, group: string): string {
  return group === DEFAULT_LOCK_GROUP ? `shop-lock:${shop}` : `shop-lock:${shop}:${group}`;
}

export const DEFAULT_LOCK_GROUP = 'default';
