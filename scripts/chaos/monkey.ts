import type { EmulatorAdmin } from '../../emulator/admin-client';
import type { FaultRule } from '../../emulator/faults';
import type { RestartableServer } from '../stack';
import { persist } from './persist';
import type { WorkerPool } from './workers';

/**
 * What goes wrong during the chaos run, on a timeline laid over the clean run's working time: worker
 * processes SIGKILLed at random moments (each replaced at once), a share of the shop's Shopify
 * requests answered with a fault of every kind the emulator injects, and one restart each of FerretDB
 * and the Temporal dev server about the middle, on the same port with the same data files.
 */
export interface ChaosPlan {
  killsAtMs: number[];
  ferretDbRestartAtMs: number;
  temporalRestartAtMs: number;
  faults: Array<Partial<FaultRule> & { kind: FaultRule['kind'] }>;
}

type FaultInput = ChaosPlan['faults'][number];

/** How the fault rate is shared among the kinds; the shares add up to 1. */
const FAULT_MIX: Array<FaultInput & { share: number }> = [
  { kind: 'http5xx', phase: 'before', status: 503, share: 0.2 },
  { kind: 'http429', phase: 'before', retryAfterSeconds: 1, share: 0.15 },
  { kind: 'drop', phase: 'before', share: 0.15 },
  { kind: 'internalError', phase: 'before', share: 0.15 },
  { kind: 'drop', phase: 'after', share: 0.1 },
  { kind: 'internalError', phase: 'after', share: 0.1 },
  { kind: 'http5xx', phase: 'after', status: 502, share: 0.05 },
  { kind: 'latency', phase: 'before', latencyMs: 2000, share: 0.1 },
];

/** Kills fall between these shares of the expected working time; the restarts at these. */
const KILL_WINDOW = [0.03, 0.92] as const;
const FERRETDB_RESTART_AT = 0.45;
const TEMPORAL_RESTART_AT = 0.55;

export function planChaos(kills: number, faultRate: number, expectedMs: number, rng: () => number): ChaosPlan {
  const [from, to] = KILL_WINDOW;
  return {
    killsAtMs: Array.from({ length: kills }, () => Math.round(expectedMs * (from + rng() * (to - from)))).sort((a, b) => a - b),
    ferretDbRestartAtMs: Math.round(expectedMs * FERRETDB_RESTART_AT),
    temporalRestartAtMs: Math.round(expectedMs * TEMPORAL_RESTART_AT),
    faults: FAULT_MIX.map(({ share, ...rule }) => ({ ...rule, rate: share * calibrated(faultRate) })),
  };
}

/**
 * The emulator lets at most one fault end a request, before the operation or after it (a request ended
 * before never reaches the after phase), while latency adds to any. So rates that add up to the target
 * would fault fewer requests than asked: this finds the scale at which the expected share of requests
 * with a fault is `target`.
 */
function calibrated(target: number): number {
  const expected = (scale: number): number => {
    const survive = (phase: 'before' | 'after') => FAULT_MIX.filter((r) => r.phase === phase && r.kind !== 'latency').reduce((p, r) => p * (1 - r.share * scale), 1);
    const latency = FAULT_MIX.filter((r) => r.kind === 'latency').reduce((sum, r) => sum + r.share * scale, 0);
    return 1 - survive('before') + survive('before') * (1 - survive('after')) + latency;
  };
  let [low, high] = [0, 1 / Math.max(...FAULT_MIX.map((r) => r.share))];
  for (let i = 0; i < 50; i += 1) {
    const middle = (low + high) / 2;
    if (expected(middle) < target) low = middle;
    else high = middle;
  }
  return low;
}

export interface Restart {
  server: string;
  atSeconds: number;
  downSeconds: number;
}

export interface MonkeyDeps {
  pool: WorkerPool;
  ferretDb: RestartableServer;
  temporalServer: RestartableServer;
  admin: EmulatorAdmin;
  shop: string;
  rng: () => number;
  log: (line: string) => void;
}

export class ChaosMonkey {
  readonly kills: Array<{ atSeconds: number; worker: number }> = [];
  readonly restarts: Restart[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private restartChain: Promise<void> = Promise.resolve();
  private remaining = 0;
  private startedAt = 0;

  constructor(private readonly plan: ChaosPlan, private readonly deps: MonkeyDeps) {}

  async start(): Promise<void> {
    this.startedAt = Date.now();
    await this.deps.admin.setFaults(this.deps.shop, this.plan.faults);
    for (const at of this.plan.killsAtMs) this.at(at, () => this.killOne());
    this.at(this.plan.ferretDbRestartAtMs, () => this.restart(this.deps.ferretDb));
    this.at(this.plan.temporalRestartAtMs, () => this.restart(this.deps.temporalServer));
  }

  /** Every planned event has happened (kills done, restarts finished). */
  get done(): boolean {
    return this.remaining === 0 && this.inFlight.size === 0;
  }

  /** Waits for the events under way, drops those still to come, and lifts the faults. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all(this.inFlight);
    await persist('lifting the faults', () => this.deps.admin.clearFaults(this.deps.shop));
  }

  private seconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  private at(ms: number, event: () => Promise<void>): void {
    this.remaining += 1;
    this.timers.push(setTimeout(() => {
      const running = event().catch((error: unknown) => this.deps.log(`chaos event failed: ${String(error)}`)).finally(() => {
        this.remaining -= 1;
        this.inFlight.delete(running);
      });
      this.inFlight.add(running);
    }, ms));
  }

  /** A kill whose moment finds no worker up (both replacements starting) waits for one. */
  private async killOne(): Promise<void> {
    for (;;) {
      const worker = this.deps.pool.kill((count) => Math.floor(this.deps.rng() * count));
      if (worker !== undefined) {
        this.kills.push({ atSeconds: this.seconds(), worker });
        this.deps.log(`${this.seconds().toFixed(1)} s: SIGKILL worker ${worker} (kill ${this.kills.length}); a new one starts`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private restart(server: RestartableServer): Promise<void> {
    // One restart at a time; one that failed (reported by at()) does not stop the next.
    this.restartChain = this.restartChain.catch(() => undefined).then(async () => {
      const at = this.seconds();
      this.deps.log(`${at.toFixed(1)} s: restarting ${server.name} (same port, same data files)`);
      await server.restart();
      this.restarts.push({ server: server.name, atSeconds: at, downSeconds: this.seconds() - at });
      this.deps.log(`${this.seconds().toFixed(1)} s: ${server.name} answers again`);
    });
    return this.restartChain;
  }
}
