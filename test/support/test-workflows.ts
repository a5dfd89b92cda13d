import { condition, defineSignal, setHandler } from '@temporalio/workflow';
import { z } from 'zod';
import { taskInputSchema } from '../../src/domain/task-input';
import { NoFilters } from '../../src/domain/tasks';
import { runTask } from '../../src/workflows/run-task';

export * from '../../src/workflows';

export const probeFinishSignal = defineSignal('probeFinish');

const ProbeInput = taskInputSchema(
  NoFilters,
  z.object({ holdMs: z.number().int().min(0).optional(), recordErrors: z.number().int().min(0).optional() }).strict(),
);

/**
 * A task for the engine's tests: it runs on the real `runTask` helper (input, lock, lease,
 * progress, release) and holds the lock until it is signalled, or for `holdMs`.
 */
export async function lockProbe(input: unknown): Promise<{ heldFor: number }> {
  let finish = false;
  setHandler(probeFinishSignal, () => void (finish = true));
  return runTask('lockProbe', ProbeInput, input, async ({ input: { options }, progress }) => {
    const started = Date.now();
    progress.message = 'holding the lock';
    await condition(() => finish, options?.holdMs ?? '1 day');
    progress.counters.held = 1;
    return { result: { heldFor: Date.now() - started }, recordErrors: options?.recordErrors ?? 0 };
  });
}
