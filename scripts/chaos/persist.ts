import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `work` until it succeeds or `timeoutMs` has passed, pausing between attempts: what the driver
 * does with its own calls to Temporal, MongoDB and the emulator while their servers restart or drop
 * connections. `retryable` says which failures are worth another attempt (all by default).
 */
export async function persist<T>(what: string, work: () => Promise<T>, options: { timeoutMs?: number; pauseMs?: number; retryable?: (error: unknown) => boolean } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (options.retryable && !options.retryable(error)) throw error;
      if (Date.now() >= deadline) throw new Error(`${what}: still failing after ${Math.round((options.timeoutMs ?? 15 * 60_000) / 1000)} s: ${describe(error)}`);
      await sleep(options.pauseMs ?? 1000);
    }
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}
