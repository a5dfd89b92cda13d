import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { tokenEnvName } from '../../src/secrets';
import { loadWorkflowBundle } from '../../src/temporal/workflow-bundle';
import { buildWorker } from '../build-worker';
import { fullBucket, startHarness, TOKEN, writeResults, type Harness } from './harness';
import { seedOrders } from './initial-load';

/**
 * `npm run bench -- worker`: the worker's own costs, on a paged import of 10,000 orders (1 to 4
 * lines) at the Plus rate with 150 ms per request.
 * - memory: the peak resident memory of a production worker process (`build/worker.js`) over the import
 *   (its high-water mark, reset just before the run starts); goal ≤ 300 MB;
 * - overhead: the workflow run's wall time against the same activities called one after the other in
 *   a process of their own, with no Temporal in between; goal ≤ 1.15.
 * Writes bench-results/worker.json with `memory.peakRssMb` and `overhead.ratio`.
 */
const ORDERS = Number(process.env.BENCH_WORKER_ORDERS ?? 10_000);
const SHOP = 'bench-worker.myshopify.com';
const QUEUE = 'shopify-sync-bench-worker';
const DATABASE = 'shopsync_bench_worker';
const MEMORY_GOAL_MB = 300;
const OVERHEAD_GOAL = 1.15;
const SAMPLE_MS = 250;

/** The environment a process of the project's gets on a real installation, here pointing at the bench stack. */
function processEnv(h: Harness): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TEMPORAL_ADDRESS: h.stack.temporalAddress,
    TEMPORAL_NAMESPACE: h.stack.temporalNamespace,
    MONGODB_URI: h.stack.mongoUri,
    MONGODB_DATABASE: DATABASE,
    SHOPIFY_API_ORIGIN: h.stack.emulatorUrl,
    SHOPSYNC_TASK_QUEUE: QUEUE,
    SHOPSYNC_STACK_FILE: join(PROJECT_ROOT, '.data', 'no-stack-in-benchmarks.json'),
    SHOPSYNC_LOG_LEVEL: 'INFO',
    [tokenEnvName(SHOP)]: TOKEN,
  };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

/** The node arguments `npm run worker` starts the compiled worker with, after its build step (package.json is their one source). */
function productionWorkerArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const args = /&& exec node (.+)$/.exec(scripts.worker ?? '')?.[1];
  if (!args) throw new Error(`npm run worker is not "<build> && exec node <args>": ${scripts.worker}`);
  return args.split(' ').map((arg) => (arg.startsWith('-') ? arg : join(PROJECT_ROOT, arg)));
}

/** Starts the compiled worker as production runs it (`npm run worker`: plain node), and resolves once it polls. */
async function startWorkerProcess(h: Harness): Promise<ChildProcess> {
  const child = spawn(process.execPath, productionWorkerArgs(), { env: processEnv(h), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker polling')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before polling:\n${output}`)));
  });
  return child;
}

async function storedOrders(h: Harness): Promise<number> {
  return h.erp.db.collection('shopifyOrders').countDocuments({ shop: SHOP });
}

async function forgetImport(h: Harness): Promise<void> {
  await h.erp.db.collection('shopifyOrders').deleteMany({ shop: SHOP });
  await h.erp.db.collection('syncState').deleteMany({ shop: SHOP });
  await fullBucket();
}

/** The workflow run on the worker process, with its memory high-water mark over the run. */
async function workflowRun(h: Harness): Promise<{ seconds: number; peakRssMb: number; sampledPeakRssMb: number; startRssMb: number }> {
  const worker = await startWorkerProcess(h);
  const pid = worker.pid as number;
  try {
    const startRssMb = statusKb(pid, 'VmRSS') / 1024;
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS: start-up is not the import
    let sampled = 0;
    const sampler = setInterval(() => (sampled = Math.max(sampled, statusKb(pid, 'VmRSS'))), SAMPLE_MS);
    const started = Date.now();
    const handle = await h.temporal.workflow.start('syncOrders', { taskQueue: QUEUE, workflowId: `bench-worker-${Date.now()}`, args: [{ shop: SHOP, options: { bulk: false } }] });
    await handle.result();
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    return { seconds, peakRssMb: statusKb(pid, 'VmHWM') / 1024, sampledPeakRssMb: sampled / 1024, startRssMb };
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

/** The same activities, called directly in a process of their own. */
async function directRun(h: Harness): Promise<{ seconds: number; fetched: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'bench', 'direct-orders-import.ts')], { env: { ...processEnv(h), BENCH_SHOP: SHOP }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the direct import exited with ${code}:\n${output}`);
  return JSON.parse(output.trim().split('\n').at(-1) as string) as { seconds: number; fetched: number };
}

export async function benchWorker(): Promise<boolean> {
  console.log(`Benchmark worker: paged import of ${ORDERS} orders, plus plan, 150 ms per request; worker memory and orchestration overhead`);
  await loadWorkflowBundle(undefined, (line) => console.log(`  ${line}`)); // the worker process loads it, never builds it
  await buildWorker(); // as `npm run worker` does before it starts build/worker.js
  const h = await startHarness(DATABASE);
  try {
    await seedOrders(h, SHOP, ORDERS);
    console.log(`  seeded ${ORDERS} orders`);
    await forgetImport(h);
    const workflow = await workflowRun(h);
    const workflowStored = await storedOrders(h);
    console.log(`  workflow run: ${workflow.seconds.toFixed(1)} s, ${workflowStored} orders stored, peak RSS ${workflow.peakRssMb.toFixed(0)} MB`);
    await forgetImport(h);
    const direct = await directRun(h);
    const directStored = await storedOrders(h);
    console.log(`  direct calls: ${direct.seconds.toFixed(1)} s, ${directStored} orders stored`);
    if (workflowStored !== ORDERS || directStored !== ORDERS) throw new Error(`stored ${workflowStored} (workflow) and ${directStored} (direct) orders, not ${ORDERS}`);
    const ratio = workflow.seconds / direct.seconds;
    const checks = { memoryWithinGoal: workflow.peakRssMb <= MEMORY_GOAL_MB, overheadWithinGoal: ratio <= OVERHEAD_GOAL };
    console.log(`\npeak RSS ${workflow.peakRssMb.toFixed(0)} MB (goal ≤ ${MEMORY_GOAL_MB}): ${checks.memoryWithinGoal ? 'ok' : 'NOT MET'}; ` +
      `overhead ${ratio.toFixed(3)} (workflow ${workflow.seconds.toFixed(1)} s / direct ${direct.seconds.toFixed(1)} s, goal ≤ ${OVERHEAD_GOAL}): ${checks.overheadWithinGoal ? 'ok' : 'NOT MET'}`);
    writeResults('worker', {
      date: new Date().toISOString(),
      orders: ORDERS,
      memory: { peakRssMb: workflow.peakRssMb, sampledPeakRssMb: workflow.sampledPeakRssMb, rssAtStartMb: workflow.startRssMb, goalMb: MEMORY_GOAL_MB },
      overhead: { ratio, workflowSeconds: workflow.seconds, directSeconds: direct.seconds, goal: OVERHEAD_GOAL },
      checks,
    });
    return true;
  } finally {
    await h.close();
  }
}
