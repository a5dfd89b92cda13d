import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvAndFileTokenSource, MissingTokenError, tokenEnvName } from '../../src/secrets';

describe('access tokens', () => {
  it('reads a shop token from its environment variable first', () => {
    assert.equal(tokenEnvName('my-store.myshopify.com'), 'SHOPSYNC_TOKEN_MY_STORE_MYSHOPIFY_COM');
    const source = new EnvAndFileTokenSource(undefined, { SHOPSYNC_TOKEN_MY_STORE_MYSHOPIFY_COM: 'shpat_env' });
    assert.equal(source.tokenFor('my-store.myshopify.com'), 'shpat_env');
  });

  it('reads the secrets file at each use, so a rotated token is picked up', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
    writeFileSync(file, JSON.stringify({ 'a.myshopify.com': 'shpat_one' }));
    const source = new EnvAndFileTokenSource(file, {});
    assert.equal(source.tokenFor('a.myshopify.com'), 'shpat_one');
    writeFileSync(file, JSON.stringify({ 'a.myshopify.com': 'shpat_two' }));
    assert.equal(source.tokenFor('a.myshopify.com'), 'shpat_two');
  });

  it('says where to put a missing token, without showing other tokens', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
    writeFileSync(file, JSON.stringify({ 'other.myshopify.com': 'shpat_secret_value' }));
    assert.throws(() => new EnvAndFileTokenSource(file, {}).tokenFor('b.myshopify.com'), (error: unknown) => {
      assert.ok(error instanceof MissingTokenError);
      assert.match(error.message, /SHOPSYNC_TOKEN_B_MYSHOPIFY_COM/);
      assert.doesNotMatch(error.message, /shpat_secret_value/);
      return true;
    });
  });
});
