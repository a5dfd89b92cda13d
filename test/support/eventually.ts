/**
 * Polls `probe` until it returns a value (visibility is eventually consistent); fails with `what`
 * after `attempts` tries. It waits for a state, it does not time the code under test.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, attempts = 100, intervalMs = 100): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`never happened: ${what}`);
}
