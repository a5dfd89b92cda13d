import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkflowBundle } from '../../src/temporal/workflow-bundle';
import { writeResults } from '../bench/harness';
import { random } from '../bench/seeded-random';
import { compareDigests } from './compare';
import { planChaos } from './monkey';
import { runScenario, stopScenarios, type ScenarioResult } from './scenario';
import { chaosSettings, WORKERS } from './settings';

/**
 * `npm run chaos` (not part of `npm test`): the seeded shop synced end to end twice, each on a stack of
 * its own with two production worker processes: once clean, once with workers SIGKILLed at random
 * moments, Shopify faults on a share of the requests and FerretDB and Temporal restarted mid-run. The
 * digests of what both runs left in the ERP and in Shopify are compared; prints the figures and writes
 * bench-results/chaos.json. Exits non-zero when the digests differ or a run did not settle.
 * CHAOS_SEED, CHAOS_ORDERS, CHAOS_KILLS, CHAOS_FAULT_RATE, CHAOS_MAX_ROUNDS change it; CHAOS_KEEP_DATA
 * keeps each run's directory (databases and worker logs).
 */
const bundleDir = mkdtempSync(join(tmpdir(), 'shopsync-chaos-bundle-'));

async function main(): Promise<void> {
  const settings = chaosSettings();
  console.log(`Chaos run: seed ${settings.seed}, ${settings.orders} orders, ${WORKERS} workers, ${settings.kills} SIGKILLs, ${(settings.faultRate * 100).toFixed(0)} % Shopify faults, FerretDB and Temporal restarted once`);
  try {
    const bundlePath = join(bundleDir, 'workflows.js');
    writeFileSync(bundlePath, (await buildWorkflowBundle()).code);

    const clean = await runScenario('clean', settings, bundlePath);
    console.log(`  clean run: ${summary(clean)}`);
    const plan = planChaos(settings.kills, settings.faultRate, clean.drive.workSeconds * 1000, random(settings.seed + 1));
    const chaos = await runScenario('chaos', settings, bundlePath, plan);
    console.log(`  chaos run: ${summary(chaos)}`);

    const comparison = compareDigests(clean.digest, chaos.digest);
    const results = {
      kills: chaos.kills,
      faultsInjected: chaos.stats.faultsInjected,
      restarts: chaos.restarts.length,
      lost: comparison.lost,
      doubled: comparison.doubled,
      digestEqual: comparison.digestEqual,
      seconds: round(chaos.drive.seconds),
      cleanSeconds: round(clean.drive.seconds),
      detail: {
        date: new Date().toISOString(),
        settings,
        changed: comparison.changed,
        extra: comparison.extra,
        digestRecords: { clean: clean.digest.kinds, chaos: chaos.digest.kinds },
        examples: comparison.examples,
        cursors: Object.fromEntries(Object.entries(chaos.digest.records).filter(([key]) => key.startsWith('cursor '))),
        clean: detail(clean),
        chaos: { ...detail(chaos), faultRules: plan.faults, restarts: chaos.restarts, plannedKillSeconds: plan.killsAtMs.map((ms) => round(ms / 1000)) },
      },
    };
    console.log('');
    console.log(`kills ${results.kills}, faults injected ${results.faultsInjected} of ${chaos.stats.requests} requests (${percent(results.faultsInjected, chaos.stats.requests)}), restarts ${results.restarts} (${chaos.restarts.map((r) => `${r.server} at ${r.atSeconds.toFixed(0)} s, ${r.downSeconds.toFixed(1)} s down`).join('; ')})`);
    console.log(`digest records ${clean.digest.size} clean, ${chaos.digest.size} chaos: lost ${comparison.lost}, doubled ${comparison.doubled}, changed ${comparison.changed}, extra ${comparison.extra}; digests ${comparison.digestEqual ? 'equal' : 'DIFFER'}`);
    console.log(`seconds ${results.seconds} with chaos, ${results.cleanSeconds} clean`);
    for (const key of comparison.examples.lost) console.log(`  lost: ${key}`);
    for (const key of comparison.examples.doubled) console.log(`  doubled: ${key}: ${JSON.stringify(chaos.digest.records[key])}`);
    for (const c of comparison.examples.changed) console.log(`  changed: ${c.key}: clean ${c.clean.join(' | ')} / chaos ${c.chaos.join(' | ')}`);
    for (const e of comparison.examples.extra) console.log(`  extra: ${e.key}: ${e.chaos.join(' | ')}`);
    writeResults('chaos', results);
    if (!comparison.digestEqual || !clean.drive.settled || !chaos.drive.settled) process.exitCode = 1;
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

function summary(run: ScenarioResult): string {
  const d = run.drive;
  return `${d.settled ? 'settled' : 'NOT SETTLED'} after ${d.rounds} rounds in ${d.seconds.toFixed(1)} s (work done at ${d.workSeconds.toFixed(1)} s), ${d.runs} task runs (${d.failedRuns.length} failed), ` +
    `${run.stats.requests} Shopify requests, ${run.stats.faultsInjected} faults, ${run.kills} kills, ${run.workersStarted} worker processes`;
}

function detail(run: ScenarioResult) {
  const d = run.drive;
  return {
    seconds: round(d.seconds), workSeconds: round(d.workSeconds), rounds: d.rounds, settled: d.settled, runs: d.runs, open: d.open,
    failedRuns: d.failedRuns.slice(0, 20), failedRunCount: d.failedRuns.length, shopify: run.stats, workersStarted: run.workersStarted, workersDiedUnkilled: run.unexpectedExits,
  };
}

const round = (value: number): number => Math.round(value * 10) / 10;
const percent = (part: number, whole: number): string => `${whole ? ((part / whole) * 100).toFixed(1) : '0'} %`;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping the workers and servers...`);
    void stopScenarios().finally(() => {
      rmSync(bundleDir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
