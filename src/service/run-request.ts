import { isTaskKey, TASK_KEYS, type TaskKey } from '../domain/tasks';
import { FieldError } from './http-io';

export interface RunRequestBody {
  task: TaskKey;
  filters?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** `POST /api/shops/<shop>/runs`: the task and its filters and options, checked as the CLI checks them. */
export function parseRunRequest(body: unknown): RunRequestBody {
  if (!isObject(body)) throw new FieldError('body', 'must be a JSON object such as {"task":"orders"}');
  const unknownFields = Object.keys(body).filter((key) => !['task', 'filters', 'options'].includes(key));
  if (unknownFields.length) throw new FieldError(unknownFields[0] as string, 'is not a field of a run request (task, filters, options)');
  const { task, filters, options } = body;
  if (typeof task !== 'string' || task === '') throw new FieldError('task', `missing; tasks: ${TASK_KEYS.join(', ')}`);
  if (!isTaskKey(task)) throw new FieldError('task', `unknown task "${task}"; tasks: ${TASK_KEYS.join(', ')}`);
  if (filters !== undefined && !isObject(filters)) throw new FieldError('filters', 'must be a JSON object');
  if (options !== undefined && !isObject(options)) throw new FieldError('options', 'must be a JSON object');
  return { task, filters, options };
}

/** Parses a JSON request body, naming the problem when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FieldError('body', 'is not valid JSON');
  }
}
