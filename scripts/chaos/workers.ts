import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../src/config';

/**
 * Production workers (`src/worker.ts`, configured by its environment) in processes of their own, so
 * that the chaos monkey can SIGKILL one at any moment. Each writes its output to a log file of its
 * own; a worker counts as up once it says it polls its task queue.
 */
const READY_LINE = 'Worker polling task queue';
const START_TIMEOUT_MS = 120_000;

interface RunningWorker {
  id: number;
  child: ChildProcess;
  log: WriteStream;
  exited: Promise<void>;
}

export class WorkerPool {
  private readonly workers = new Set<RunningWorker>();
  private readonly starting = new Set<Promise<void>>();
  private nextId = 1;
  private closing = false;
  /** Worker processes started (replacements and start-up retries included). */
  started = 0;
  /** Workers that died without being killed (a crash would show here). */
  unexpectedExits = 0;

  constructor(private readonly env: NodeJS.ProcessEnv, private readonly logDir: string, private readonly log: (line: string) => void) {}

  /** Starts `count` workers and waits until each polls. */
  async start(count: number): Promise<void> {
    await Promise.all(Array.from({ length: count }, () => this.startOne()));
  }

  /**
   * SIGKILLs one running worker (the one `pick` chooses among them) and starts its replacement, which
   * comes up in the background; answers the killed worker's id, or undefined when none was running.
   */
  kill(pick: (count: number) => number): number | undefined {
    const running = [...this.workers];
    const victim = running[pick(running.length)];
    if (!victim) return undefined;
    this.workers.delete(victim);
    victim.child.kill('SIGKILL');
    this.replace();
    return victim.id;
  }

  /** Starts a worker in the background. */
  private replace(): void {
    const replacement = this.startOne().catch((error: unknown) => this.log(`a replacement worker did not start: ${String(error)}`));
    this.starting.add(replacement);
    void replacement.finally(() => this.starting.delete(replacement));
  }

  /** Asks every worker to stop (SIGTERM: they hand back their activities), killing those that take too long. */
  async stopAll(): Promise<void> {
    this.closing = true;
    await Promise.all(this.starting);
    await Promise.all([...this.workers].map(async (worker) => {
      worker.child.kill('SIGTERM');
      const timer = setTimeout(() => worker.child.kill('SIGKILL'), 30_000);
      await worker.exited;
      clearTimeout(timer);
    }));
    this.workers.clear();
  }

  /** Starts a worker, trying again while it cannot (Temporal or FerretDB may be restarting just then). */
  private async startOne(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (this.closing) return;
      const outcome = await this.spawnOne();
      if (outcome === 'ready') return;
      if (Date.now() > deadline) throw new Error(`no worker could start within ${START_TIMEOUT_MS / 1000} s (see ${this.logDir})`);
      await sleep(1000);
    }
  }

  private spawnOne(): Promise<'ready' | 'failed'> {
    const id = this.nextId++;
    this.started += 1;
    const log = createWriteStream(join(this.logDir, `worker-${id}.log`));
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'worker.ts')], { cwd: PROJECT_ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const worker: RunningWorker = { id, child, log, exited };
    child.stderr?.pipe(log, { end: false });
    void exited.then(() => {
      log.end();
      // A worker that dies without being killed is replaced too: two stay up.
      if (this.workers.delete(worker) && !this.closing) {
        this.unexpectedExits += 1;
        this.log(`worker ${id} exited by itself (code ${child.exitCode ?? child.signalCode}); a new one starts`);
        this.replace();
      }
    });
    return new Promise((resolve) => {
      let ready = false;
      let tail = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('failed');
      }, START_TIMEOUT_MS);
      child.stdout?.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (ready) return;
        const text = tail + chunk.toString();
        tail = text.slice(-READY_LINE.length);
        if (!text.includes(READY_LINE)) return;
        ready = true;
        clearTimeout(timer);
        if (this.closing) child.kill('SIGTERM');
        else this.workers.add(worker);
        resolve('ready');
      });
      void exited.then(() => {
        clearTimeout(timer);
        resolve('failed');
      });
    });
  }
}
