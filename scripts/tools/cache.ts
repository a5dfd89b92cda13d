import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Where provisioned tools live. Defaults to the user's cache directory so that every clone of the
 * project (a CI run is a fresh clone) reuses them; SHOPSYNC_TOOLS_DIR overrides it (for example `.tools`).
 */
export function toolsDir(): string {
  const dir =
    process.env.SHOPSYNC_TOOLS_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'shopify-erp-sync', 'tools');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export class MissingToolchainError extends Error {}

/** The first executable called `name` on PATH, if any. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${output}`);
  }
  return result.stdout;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while holding an exclusive lock directory, so two provisioning runs started at once
 * build a tool only once. A lock left by a dead process is taken over.
 */
export async function withLock<T>(lockPath: string, work: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockPath);
      writeFileSync(join(lockPath, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(lockPath, 'pid'), 'utf8'));
      } catch {
        // The owner has created the directory but not yet written its pid.
      }
      if (Number.isInteger(owner) && !processAlive(owner)) {
        rmSync(lockPath, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for the lock ${lockPath}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockPath, { recursive: true, force: true });
  }
}

/**
 * Returns `finalPath` once it exists, building it under the lock if needed. `build` writes into a
 * scratch directory that is renamed into place only when complete, so a crash never leaves half a tool.
 */
export async function ensureCached(finalPath: string, build: (scratchDir: string) => Promise<void>): Promise<string> {
  if (existsSync(finalPath)) return finalPath;
  return withLock(`${finalPath}.lock`, async () => {
    if (existsSync(finalPath)) return finalPath;
    const scratch = `${finalPath}.tmp-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    try {
      await build(scratch);
      renameSync(scratch, finalPath);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return finalPath;
  });
}
