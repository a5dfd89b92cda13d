import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';

/** A free TCP port on 127.0.0.1, picked by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
    socket.connect(port, host);
  });
}

/**
 * A server process that cannot outlive us: it runs under a small shell guard that reads our pipe and
 * stops the server when the pipe closes, which also happens when this process is killed with SIGKILL.
 */
export class GuardedProcess {
  private readonly child: ChildProcess;
  private readonly logLines: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly name: string, command: string, args: string[], options: { cwd?: string } = {}) {
    const guard = '"$@" </dev/null & server=$!; cat >/dev/null; kill -TERM $server 2>/dev/null; wait $server';
    // Its own process group, so that a hung server can be killed together with its guard.
    this.child = spawn('sh', ['-c', guard, 'guard', command, ...args], {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk: Buffer): void => {
      this.logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.logLines.length > 200) this.logLines.splice(0, this.logLines.length - 200);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  lastLog(lines = 20): string {
    return this.logLines.slice(-lines).join('\n');
  }

  /** Asks the server to stop, and kills it if it has not stopped within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.stdin?.end();
    const timer = setTimeout(() => {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
    }, graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Polls `ready` until it returns true; on timeout fails with the server's last log lines. */
export async function waitUntilReady(server: GuardedProcess, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.running) {
      throw new Error(`${server.name} exited during start-up. Its last log lines:\n${server.lastLog()}`);
    }
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop(2000);
  throw new Error(`${server.name} was not ready after ${timeoutMs / 1000} s. Its last log lines:\n${server.lastLog()}`);
}
