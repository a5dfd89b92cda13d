import { defaultPayloadConverter, type ActivityInput, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { FENCE_HEADER } from '../temporal/fence';
import { fenceScope } from './fence-scope';

function withFence(input: ActivityInput): ActivityInput {
  const fence = fenceScope.getStore()?.();
  if (!fence) return input;
  return { ...input, headers: { ...input.headers, [FENCE_HEADER]: defaultPayloadConverter.toPayload(fence) } };
}

/** Every activity a task schedules under its lease carries the lease's fence (see src/activities/run-guard.ts). */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [{ scheduleActivity: (input, next) => next(withFence(input)) }],
});
