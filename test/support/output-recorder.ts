/**
 * Everything the test run printed or read from the processes it started (workers, the CLI), kept so
 * that the last test can check no access token ever appeared in it (test/final/no-secrets.test.ts).
 */
const recorded: string[] = [];
let teed = false;

export function recordOutput(text: string): void {
  recorded.push(text);
}

export function recordedOutput(): string {
  return recorded.join('');
}

/** Records whatever this process writes to stdout and stderr, still writing it through. */
export function teeProcessOutput(): void {
  if (teed) return;
  teed = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      recordOutput(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}
