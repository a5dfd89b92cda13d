import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  const noStack = join(tmpdir(), 'no-such-stack.json');

  it('has defaults for a local installation', () => {
    const config = loadConfig({}, noStack);
    assert.equal(config.temporalAddress, '127.0.0.1:7233');
    assert.equal(config.taskQueue, 'shopify-sync');
    assert.equal(config.shopifyApiOrigin, undefined);
    assert.deepEqual([config.lockCheckSeconds, config.lockResendSeconds, config.lockMaxWaitSeconds], [10, 60, 6 * 3600]);
    assert.equal(config.workflowBundlePath, undefined);
  });

  it('takes the running stack from its file, and the environment over it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'stack.json');
    writeFileSync(file, JSON.stringify({ temporalAddress: '127.0.0.1:1', temporalNamespace: 'default', mongoUri: 'mongodb://127.0.0.1:2/', emulatorUrl: 'http://127.0.0.1:3' }));
    const config = loadConfig({ MONGODB_URI: 'mongodb://db.example:27017/' }, file);
    assert.equal(config.temporalAddress, '127.0.0.1:1');
    assert.equal(config.shopifyApiOrigin, 'http://127.0.0.1:3');
    assert.equal(config.mongoUri, 'mongodb://db.example:27017/');
  });

  it('names the bad variable', () => {
    assert.throws(() => loadConfig({ MONGODB_URI: 'postgres://x', SHOPIFY_API_ORIGIN: 'not a url', SHOPSYNC_LOCK_CHECK_SECONDS: '0' }, noStack), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /MONGODB_URI: must be a mongodb/);
      assert.match(error.message, /SHOPIFY_API_ORIGIN/);
      assert.match(error.message, /SHOPSYNC_LOCK_CHECK_SECONDS/);
      return true;
    });
  });
});
