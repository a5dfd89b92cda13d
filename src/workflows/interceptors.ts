import { defaultPayloadConverter, type ActivityInput, type LocalActivityInput, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { FENCE_HEADER } from '../temporal/fence';
import { fenceScope } from './fence-scope';

function withFence<I extends ActivityInput | LocalActivityInput>(input: I): I {
  const fence = fenceScope.getStore()?.();
  if (!fence) return input;
  return { ...input, headers: { ...input.headers, [FENCE_HEADER]: defaultPayloadConverter.toPayload(fence) } };
}

/** Every activity a task schedules under its lease carries the lease's fence (see src/activities/run-guard.ts). */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [{ scheduleActivity: (input, next) => next(withFence(input)), scheduleLocalActivity: (input, next) => next(withFence(input)) }],
});
