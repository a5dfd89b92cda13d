import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCached } from '../../scripts/tools/cache';

describe('provisioning cache', () => {
  it('builds once when two runs ask at the same time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cache-'));
    const target = join(root, 'tool-1.0');
    let builds = 0;
    const build = async (scratch: string): Promise<void> => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(join(scratch, 'bin'), 'tool');
    };
    const [a, b] = await Promise.all([ensureCached(target, build), ensureCached(target, build)]);
    assert.equal(a, target);
    assert.equal(b, target);
    assert.equal(builds, 1);
    assert.ok(existsSync(join(target, 'bin')));
    assert.deepEqual(readdirSync(root), ['tool-1.0']);
  });

  it('leaves nothing behind when a build fails, and tries again next time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cache-'));
    const target = join(root, 'tool-2.0');
    await assert.rejects(ensureCached(target, async () => { throw new Error('compiler exploded'); }), /compiler exploded/);
    assert.deepEqual(readdirSync(root), []);
    await ensureCached(target, async (scratch) => writeFileSync(join(scratch, 'bin'), 'ok'));
    assert.ok(existsSync(join(target, 'bin')));
  });
});
