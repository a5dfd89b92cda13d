import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { tokenEnvName } from '../../src/secrets';
import { holderIs, LockTestKit } from '../support/lock-probes';
import { emulatedShop, testConfig, testWorker } from '../support/stack';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `shopsync` bin in a child process, configured through the environment only. */
async function shopsync(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const config = await testConfig();
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: config.temporalAddress,
    MONGODB_URI: config.mongoUri,
    MONGODB_DATABASE: config.mongoDatabase,
    SHOPSYNC_TASK_QUEUE: config.taskQueue,
    SHOPIFY_API_ORIGIN: config.shopifyApiOrigin ?? '',
    SHOPSYNC_STACK_FILE: join(PROJECT_ROOT, '.data', 'no-stack-in-tests.json'),
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'shopsync.cjs'), ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('shopsync CLI', () => {
  before(async () => {
    await testWorker();
  });

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['shops', '--help'], ['run', '--help'], ['setup', '--help'], ['schedules', '--help'], ['status', '--help'], ['failures', '--help'], ['runs', '--help'], ['lock', '--help']]) {
      const result = await shopsync(args);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /Usage: shopsync/);
    }
  });

  it('adds a shop, shows it and runs its first task in the foreground', async () => {
    const shop = await emulatedShop('cli', { name: 'CLI Shop' });
    const added = await shopsync(['shops', 'add', shop.domain, '--set', 'allowBackgroundSyncs=false', '--set', 'skuMapping=itemNo']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added .* foreground/);
    const run = await shopsync(['run', 'refreshShopInfo', '--shop', shop.domain], { [tokenEnvName(shop.domain)]: 'not-needed-by-the-cli' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Result: .*"name":"CLI Shop"/);
    const shown = await shopsync(['shops', 'show', shop.domain, '--json']);
    const parsed = JSON.parse(shown.stdout) as { settings: { skuMapping: string }; shopInfo: { name: string } };
    assert.equal(parsed.settings.skuMapping, 'itemNo');
    assert.equal(parsed.shopInfo.name, 'CLI Shop');
  });

  it('manages schedules and shows status, failures, runs and the lock', async () => {
    const shop = await emulatedShop('cli-ops');
    const added = await shopsync(['shops', 'add', shop.domain, '--set', 'schedules={"refreshShopInfo":{"every":"1h"}}']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, new RegExp(`schedule created: sched:${shop.domain}:refreshShopInfo`));
    const listed = await shopsync(['schedules', 'list', '--shop', shop.domain]);
    assert.match(listed.stdout, /refreshShopInfo {2}active/);
    const paused = await shopsync(['schedules', 'pause', '--shop', shop.domain, '--task', 'refreshShopInfo', '--note', 'holiday']);
    assert.equal(paused.code, 0, paused.stderr);
    assert.match((await shopsync(['schedules', 'list', '--shop', shop.domain])).stdout, /ON HOLD \(holiday\)/);
    const run = await shopsync(['run', 'refreshShopInfo', '--shop', shop.domain, '--wait']);
    assert.equal(run.code, 0, run.stderr);
    const workflowId = `run:${shop.domain}:refreshShopInfo`;
    const shown = await shopsync(['runs', 'show', workflowId]);
    assert.match(shown.stdout, /refreshShopInfo COMPLETED/);
    assert.match((await shopsync(['lock', shop.domain])).stdout, /free\n {2}grants 1/);
    const status = await shopsync(['status', shop.domain]);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /nothing needs attention/);
    assert.match(status.stdout, /Synchronization errors +0/);
    const failures = await shopsync(['failures', '--shop', shop.domain, '--json']);
    assert.deepEqual(JSON.parse(failures.stdout), []);
    const missing = await shopsync(['schedules', 'trigger', '--shop', shop.domain, '--task', 'refreshShopInfo', '--json']);
    assert.equal(missing.code, 0, missing.stderr);
  });

  it('shows the holder with its token and the queue, and takes the lock away with lock break', async () => {
    const kit = await LockTestKit.open();
    try {
      const shop = await kit.newShop('cli-lock');
      const a = await kit.startProbe(shop);
      await kit.until(shop, 'A holds', holderIs(a));
      const b = await kit.startProbe(shop);
      await kit.until(shop, 'B waits', (s) => s.queue.length === 1);
      const shown = await shopsync(['lock', shop]);
      assert.match(shown.stdout, new RegExp(`held by lockProbe ${a.workflowId} \\(token 1\\) since `));
      assert.match(shown.stdout, new RegExp(`1\\. lockProbe ${b.workflowId} waiting since`));
      const broken = await shopsync(['lock', 'break', shop, '--reason', 'stuck on a bad record']);
      assert.equal(broken.code, 0, broken.stderr);
      assert.match(broken.stdout, new RegExp(`Took shop-lock:\\S+ away from lockProbe ${a.workflowId} \\(token 1\\)`));
      await assert.rejects(a.result(), (error: Error & { cause?: Error }) => /lost the (shop )?lock/.test(error.cause?.message ?? ''));
      await kit.until(shop, 'B holds', holderIs(b));
      assert.match((await shopsync(['lock', 'break', `never-${shop}`])).stdout, /is free: nothing to break/);
      await kit.finish(b);
    } finally {
      await kit.close();
    }
  });

  it('fails with one clear line and a non-zero exit code', async () => {
    const bad = await shopsync(['shops', 'add', 'x.myshopify.com', '--set', 'loggingMode=loud']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^shopsync: Invalid shop settings: loggingMode: /);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    const unknown = await shopsync(['run', 'teleport', '--shop', 'x.myshopify.com']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown task "teleport"/);
    const shop = await emulatedShop('cli-bad');
    assert.equal((await shopsync(['shops', 'add', shop.domain])).code, 0);
    const badOption = await shopsync(['run', 'orders', '--shop', shop.domain, '--options', '{"since":"yesterday"}']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /^shopsync: Invalid input for orders: options\.since: /);
    const missing = await shopsync(['shops', 'show', 'never.myshopify.com']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no shop never\.myshopify\.com is configured/);
  });
});
