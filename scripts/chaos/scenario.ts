import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorAdmin } from '../../emulator/admin-client';
import type { ShopStats } from '../../emulator/state';
import { ShopSyncClient } from '../../src/client';
import type { AppConfig } from '../../src/config';
import { connectErp, type Erp } from '../../src/erp/db';
import { tokenEnvName } from '../../src/secrets';
import { startRestartableStack, type RestartableStack } from '../stack';
import { random } from '../bench/seeded-random';
import { takeDigest, type Digest } from './digest';
import { drive, openWork, type DriveResult } from './driver';
import { ChaosMonkey, type ChaosPlan, type Restart } from './monkey';
import { persist } from './persist';
import { configureLocations, seedShop } from './seed';
import { DATABASE, SHOP, TASK_QUEUE, TOKEN, WORKERS, type ChaosSettings } from './settings';
import { planShop } from './shop-plan';
import { WorkerPool } from './workers';

/**
 * One run of the seeded shop on a stack of its own (its own temporary directory: Temporal's database,
 * FerretDB's files, the workers' logs): seed, two production workers, the shop's first refresh and
 * its locations, then the driver's rounds, under the chaos plan when there is one.
 */
export interface ScenarioResult {
  name: string;
  drive: DriveResult;
  digest: Digest;
  stats: ShopStats;
  kills: number;
  restarts: Restart[];
  workersStarted: number;
  unexpectedExits: number;
}

/** What an interrupted run (Ctrl-C) must stop: the worker processes and the servers of the scenario under way. */
const interrupts = new Set<() => Promise<void>>();

export async function stopScenarios(): Promise<void> {
  await Promise.all([...interrupts].map((stop) => stop().catch(() => undefined)));
}

/** Lock checks and resends quicker than production's, so that a killed holder is noticed within seconds. */
const LOCK_CHECK_SECONDS = 2;
const LOCK_RESEND_SECONDS = 5;

export async function runScenario(name: string, settings: ChaosSettings, bundlePath: string, chaos?: ChaosPlan): Promise<ScenarioResult> {
  const dir = mkdtempSync(join(tmpdir(), `shopsync-chaos-${name}-`));
  const log = (line: string): void => console.log(`  [${name}] ${line}`);
  const stack = await startRestartableStack({ dataDir: dir });
  let erp: Erp | undefined;
  let client: ShopSyncClient | undefined;
  let pool: WorkerPool | undefined;
  const removeDir = (): void => {
    if (process.env.CHAOS_KEEP_DATA) log(`data and worker logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  const interrupted = async (): Promise<void> => {
    await pool?.stopAll();
    await stack.stop();
    removeDir();
  };
  interrupts.add(interrupted);
  try {
    erp = await connectErp(stack.mongoUri, DATABASE);
    const plan = planShop(settings.seed, settings.orders);
    const seedStarted = Date.now();
    const feed = await seedShop(stack, erp, plan);
    log(`seeded ${plan.orders.filter((o) => o.step === 0).length} orders (${plan.orders.length} in all), ${plan.items.length} items, ${plan.customers.length} customers in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
    pool = new WorkerPool(workerEnv(stack, dir, bundlePath), dir, log);
    await pool.start(WORKERS);
    client = await ShopSyncClient.connect(clientConfig(stack));
    await client.runTask({ shop: SHOP, task: 'refreshShopInfo', wait: true });
    await configureLocations(erp);
    const shop = stack.emulator.state.get(SHOP);
    if (!shop) throw new Error(`the emulator has no shop ${SHOP}`);
    const admin = new EmulatorAdmin(stack.emulatorUrl);
    const monkey = chaos && new ChaosMonkey(chaos, {
      pool, ferretDb: stack.ferretDb, temporalServer: stack.temporalServer, admin, shop: SHOP, rng: random(settings.seed * 7919 + 1), log,
    });
    const before = await admin.stats(SHOP);
    await monkey?.start();
    const ready = erp;
    const driven = await drive({
      client, shop: SHOP, feed, maxRounds: settings.maxRounds, log,
      digest: () => takeDigest(ready, shop),
      openWork: () => openWork(ready, shop),
      chaosDone: () => monkey?.done ?? true,
    });
    await monkey?.stop();
    const after = await admin.stats(SHOP);
    const stats = { requests: after.requests - before.requests, throttled: after.throttled - before.throttled, actualCostSpent: after.actualCostSpent - before.actualCostSpent, faultsInjected: after.faultsInjected - before.faultsInjected };
    const digest = await persist('taking the digest', () => takeDigest(ready, shop));
    return { name, drive: driven, digest, stats, kills: monkey?.kills.length ?? 0, restarts: monkey?.restarts ?? [], workersStarted: pool.started, unexpectedExits: pool.unexpectedExits };
  } finally {
    interrupts.delete(interrupted);
    await pool?.stopAll().catch((error: unknown) => log(`stopping the workers: ${String(error)}`));
    await client?.close().catch(() => undefined);
    await erp?.close().catch(() => undefined);
    await stack.stop();
    removeDir();
  }
}

function clientConfig(stack: RestartableStack): AppConfig {
  return {
    temporalAddress: stack.temporalAddress, temporalNamespace: stack.temporalNamespace, taskQueue: TASK_QUEUE, mongoUri: stack.mongoUri, mongoDatabase: DATABASE,
    shopifyApiOrigin: stack.emulatorUrl, lockCheckSeconds: LOCK_CHECK_SECONDS, lockResendSeconds: LOCK_RESEND_SECONDS, lockMaxWaitSeconds: 6 * 3600,
    lockTaskQueue: TASK_QUEUE, lockHistoryLimit: 2000,
  };
}

/** A production worker's environment, pointing at this stack; nothing of ours (a demo's stack file, secrets, TLS) leaks in. */
function workerEnv(stack: RestartableStack, dir: string, bundlePath: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(TEMPORAL_|SHOPSYNC_|MONGODB_|SHOPIFY_)/.test(key));
  return {
    ...Object.fromEntries(inherited),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    MONGODB_URI: stack.mongoUri,
    MONGODB_DATABASE: DATABASE,
    SHOPIFY_API_ORIGIN: stack.emulatorUrl,
    SHOPSYNC_TASK_QUEUE: TASK_QUEUE,
    SHOPSYNC_LOCK_CHECK_SECONDS: String(LOCK_CHECK_SECONDS),
    SHOPSYNC_LOCK_RESEND_SECONDS: String(LOCK_RESEND_SECONDS),
    SHOPSYNC_WORKFLOW_BUNDLE: bundlePath,
    SHOPSYNC_STACK_FILE: join(dir, 'no-stack-file.json'),
    SHOPSYNC_LOG_LEVEL: 'INFO',
    [tokenEnvName(SHOP)]: TOKEN,
  };
}
