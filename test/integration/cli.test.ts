import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Merchant } from '../../emulator/merchant-client';
import { ShopSyncClient } from '../../src/client';
import { runCli } from '../../src/cli/main';
import { PROJECT_ROOT } from '../../src/config';
import { tokenEnvName } from '../../src/secrets';
import { holderIs, LockTestKit } from '../support/lock-probes';
import { recordOutput } from '../support/output-recorder';
import { emulatedShop, testConfig, testStack, testWorker } from '../support/stack';

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
    child.on('close', (code) => {
      recordOutput(stdout + stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The same command line run in this process (as bin/shopsync.cjs runs it, output collected): a
 * spawned CLI costs a second of start-up, so the tests that make many calls use this one.
 */
async function shopsyncHere(args: string[]): Promise<CliResult> {
  const config = await testConfig();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { out: (line) => stdout.push(`${line}\n`), err: (line) => stderr.push(`${line}\n`), connect: () => ShopSyncClient.connect(config) });
  recordOutput(stdout.join('') + stderr.join(''));
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('shopsync CLI', () => {
  before(async () => {
    await testWorker();
  });

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['shops', '--help'], ['run', '--help'], ['setup', '--help'], ['schedules', '--help'], ['status', '--help'], ['failures', '--help'], ['runs', '--help'], ['lock', '--help'], ['orders', '--help']]) {
      const result = await shopsync(args);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /Usage:\s+shopsync/);
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
    assert.equal(bad.code, 2, 'settings the shop refuses are an input mistake, as bad --filters are');
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

  describe('with a shop whose orders task imported two orders', () => {
    let client: ShopSyncClient;
    let shop: string;
    let ordersRunId: string;
    let mugOrder: { id: string; name: string };
    let unmappedOrder: { id: string; name: string };

    before(async () => {
      client = await ShopSyncClient.connect(await testConfig());
      const emulated = await emulatedShop('cli-orders', { currencyCode: 'EUR' });
      shop = emulated.domain;
      await client.erpStore.items.upsert({ no: 'CLIMUG', description: 'CLI mug', unitPrice: '8.00' });
      await client.addShop({
        domain: shop, allowBackgroundSyncs: false, autoCreateOrders: true, autoCreateUnknownCustomers: true, skuMapping: 'itemNo', shippingChargesAccount: '7190',
        schedules: { refreshShopInfo: { every: '1h' } },
      });
      const merchant = new Merchant((await testStack()).emulatorUrl, shop, emulated.token);
      const variants = await merchant.product('CLI mug', [{ sku: 'CLIMUG', price: '8.00' }, { sku: 'NOT-IN-ERP', price: '9.00' }]);
      mugOrder = await merchant.webOrder([{ variantId: variants.CLIMUG as string, quantity: 2 }]);
      unmappedOrder = await merchant.webOrder([{ variantId: variants['NOT-IN-ERP'] as string, quantity: 1 }]);
      ordersRunId = (await client.runTask({ shop, task: 'orders', wait: true })).workflowId;
    });

    after(async () => {
      await client?.close();
    });

    it('gives the same answer for <domain> and --shop <domain> (status, lock, schedules list) and exits 2 naming both shops when they differ', async () => {
      const pairs = [
        [['status', shop], ['status', '--shop', shop]],
        [['lock', shop], ['lock', '--shop', shop]],
        [['lock', shop, '--json'], ['lock', '--json', '--shop', shop]],
        [['schedules', 'list', shop], ['schedules', 'list', '--shop', shop]],
      ];
      const results = await Promise.all(pairs.map(([positional, flag]) => Promise.all([shopsyncHere(positional as string[]), shopsyncHere(flag as string[])])));
      results.forEach(([positional, flag], index) => {
        const label = (pairs[index]?.[0] as string[]).join(' ');
        assert.equal(positional.code, 0, `${label}: ${positional.stderr}`);
        assert.equal(flag.code, 0, `${label} (--shop): ${flag.stderr}`);
        assert.equal(flag.stdout, positional.stdout, label);
      });
      assert.match(results[0]?.[0].stdout ?? '', /Unprocessed orders +1/);
      assert.match(results[3]?.[0].stdout ?? '', /refreshShopInfo {2}active/);

      const other = `other-${shop}`;
      const conflicting = [['status', shop, '--shop', other], ['lock', shop, '--shop', other], ['lock', 'break', shop, '--shop', other], ['schedules', 'list', shop, '--shop', other], ['run', 'orders', shop, '--shop', other], ['orders', 'list', shop, '--shop', other]];
      for (const [index, result] of (await Promise.all(conflicting.map((args) => shopsyncHere(args)))).entries()) {
        const label = conflicting[index]?.join(' ');
        assert.equal(result.code, 2, `${label}: ${result.stderr}`);
        assert.ok(result.stderr.includes(`two different shops given: ${shop} and --shop ${other}`), `${label}: ${result.stderr}`);
      }
      const missing = await shopsyncHere(['status']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /^shopsync: missing shop: give <domain> or --shop <domain>\. Usage: shopsync status <domain> \| --shop <domain>/);
      // The real bin exits with that code and prints that one line.
      const spawned = await shopsync(['lock', shop, '--shop', other]);
      assert.equal(spawned.code, 2);
      assert.equal(spawned.stderr, `shopsync: two different shops given: ${shop} and --shop ${other}; give one. Usage: shopsync lock <domain> | --shop <domain> [--group G] [--json]\n`);
    });

    it('prints one parseable JSON document for every read command given --json', async () => {
      const reads = [
        ['shops', 'list'], ['shops', 'show', shop], ['status', shop], ['failures'], ['failures', shop], ['runs', 'show', ordersRunId], ['lock', shop], ['lock', '--shop', shop],
        ['schedules', 'list', shop], ['locations', 'list', shop], ['catalogs', 'list', shop], ['orders', 'list', shop],
      ];
      const results = await Promise.all(reads.map((args) => shopsyncHere([...args, '--json'])));
      const parsed = results.map((result, index) => {
        const label = reads[index]?.join(' ');
        assert.equal(result.code, 0, `${label}: ${result.stderr}`);
        assert.doesNotThrow(() => JSON.parse(result.stdout), `${label} printed: ${result.stdout}`);
        return JSON.parse(result.stdout) as unknown;
      });
      const [shops, shown, status, , , run, lock, , schedules, locations, catalogs, orders] = parsed as [
        Array<{ settings: { domain: string } }>, { settings: { domain: string } }, { cues: { unprocessedOrders: { count: number } } }, unknown, unknown,
        { workflowId: string; status: string }, { lockId: string }, unknown, Array<{ scheduleId: string }>, unknown[], unknown[], Array<{ name: string }>,
      ];
      assert.ok(shops.some((s) => s.settings.domain === shop));
      assert.equal(shown.settings.domain, shop);
      assert.equal(status.cues.unprocessedOrders.count, 1);
      assert.equal(run.workflowId, ordersRunId);
      assert.equal(run.status, 'COMPLETED');
      assert.match(lock.lockId, new RegExp(shop.replace(/\./g, '\\.')));
      assert.deepEqual(schedules.map((s) => s.scheduleId), [`sched:${shop}:refreshShopInfo`]);
      assert.deepEqual([locations, catalogs], [[], []]);
      assert.deepEqual(orders.map((o) => o.name), [unmappedOrder.name, mugOrder.name]);
    });

    it('lists the imported orders newest first with their sales document numbers, processed or not and the error, in text and as JSON', async () => {
      const mirror = await client.erpStore.orders.get(shop, mugOrder.id);
      const documentNo = mirror?.document?.no as string;
      assert.ok(documentNo, 'the mug order has a sales document');
      const [text, json, limited] = await Promise.all([shopsyncHere(['orders', 'list', shop]), shopsyncHere(['orders', 'list', '--shop', shop, '--json']), shopsyncHere(['orders', 'list', shop, '--limit', '1', '--json'])]);
      assert.equal(text.code, 0, text.stderr);
      const lines = text.stdout.trim().split('\n');
      assert.equal(lines[0]?.startsWith(`${unmappedOrder.name}  ${unmappedOrder.id}  `), true, text.stdout);
      assert.match(lines[0] ?? '', /PAID\/UNFULFILLED {2}not processed {2}no document$/);
      assert.match(lines[1] ?? '', /^ {4}error: .*NOT-IN-ERP.* is not mapped to an ERP item/);
      assert.equal(lines[2]?.startsWith(`${mugOrder.name}  ${mugOrder.id}  `), true, text.stdout);
      assert.match(lines[2] ?? '', new RegExp(`processed {2}${documentNo} \\(order, released\\)$`));
      const listed = JSON.parse(json.stdout) as Array<{ name: string; shopifyId: string; processed: boolean; error: string | null; documents: Array<{ no: string; type: string; status: string; amount: string }> }>;
      assert.deepEqual(listed.map((o) => [o.name, o.shopifyId, o.processed, o.error !== null]), [[unmappedOrder.name, unmappedOrder.id, false, true], [mugOrder.name, mugOrder.id, true, false]]);
      assert.deepEqual(listed[1]?.documents.map((d) => [d.no, d.type, d.status, d.amount]), [[documentNo, 'order', 'released', '21.00']]);
      assert.deepEqual((JSON.parse(limited.stdout) as Array<{ name: string }>).map((o) => o.name), [unmappedOrder.name]);
    });
  });
});
