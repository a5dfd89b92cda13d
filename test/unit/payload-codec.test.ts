import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { ConfigError, loadConfig } from '../../src/config';
import { EnvAndFileTokenSource, MissingTokenError } from '../../src/secrets';
import { codecKeysOf } from '../../src/temporal/codec-keys';
import { AesGcmPayloadCodec, codecDataConverter, PayloadDecryptionError } from '../../src/temporal/payload-codec';

const noStack = join(tmpdir(), 'no-such-stack.json');
const newKey = (): string => randomBytes(32).toString('base64');
const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
const customer = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };

function codecOf(env: NodeJS.ProcessEnv): AesGcmPayloadCodec {
  const keys = codecKeysOf(loadConfig(env, noStack));
  assert.ok(keys, 'a codec is configured');
  return new AesGcmPayloadCodec(keys);
}

function rejection(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected an error');
}

describe('payload codec (AES-256-GCM)', () => {
  const current = newKey();
  const codec = codecOf({ SHOPSYNC_CODEC_KEY: current, SHOPSYNC_CODEC_KEY_ID: 'k-2026' });
  const plain: Payload = defaultPayloadConverter.toPayload(customer);

  it('encrypts each payload whole under the current key id and decrypts it back to the same payload', async () => {
    const [encrypted] = await codec.encode([plain]);
    assert.equal(text(encrypted?.metadata?.encoding), 'binary/encrypted');
    assert.equal(text(encrypted?.metadata?.['encryption-key-id']), 'k-2026');
    assert.deepEqual(Object.keys(encrypted?.metadata ?? {}).sort(), ['encoding', 'encryption-key-id']);
    const [decrypted] = await codec.decode([encrypted as Payload]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(decrypted as Payload), customer);
    assert.equal(text(decrypted?.metadata?.encoding), 'json/plain');
  });

  it('leaves nothing of the payload readable (not the e-mail, the name or the original encoding), with a fresh IV each time', async () => {
    const [first, second] = await codec.encode([plain, plain]);
    for (const sealed of [first, second]) {
      const bytes = Buffer.from(sealed?.data ?? new Uint8Array());
      for (const needle of [customer.email, customer.name, 'json/plain']) assert.equal(bytes.includes(needle), false, needle);
      assert.equal(bytes.length, 12 + temporal.api.common.v1.Payload.encode(plain).finish().length + 16, 'IV, the serialized payload, the tag');
    }
    assert.notDeepEqual(first?.data, second?.data);
  });

  it('decrypts what a retired key encrypted once it is kept among the old keys, and encrypts with the new key', async () => {
    const [old] = await codec.encode([plain]);
    const rotated = codecOf({ SHOPSYNC_CODEC_KEY: newKey(), SHOPSYNC_CODEC_KEY_ID: 'k-2027', SHOPSYNC_CODEC_OLD_KEYS: `k-2026:${current}, k-2025:${newKey()}` });
    const [decrypted] = await rotated.decode([old as Payload]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(decrypted as Payload), customer);
    const [fresh] = await rotated.encode([plain]);
    assert.equal(text(fresh?.metadata?.['encryption-key-id']), 'k-2027');
  });

  it('refuses a payload of a key id it does not have, naming the id and no key', async () => {
    const other = newKey();
    const [foreign] = await codecOf({ SHOPSYNC_CODEC_KEY: other, SHOPSYNC_CODEC_KEY_ID: 'k-lost' }).encode([plain]);
    const error = await codec.decode([foreign as Payload]).then(() => assert.fail('decoded'), (e: unknown) => e as Error);
    assert.ok(error instanceof PayloadDecryptionError);
    assert.match(error.message, /"k-lost", which is not configured/);
    assert.match(error.message, /current key "k-2026"/);
    for (const secret of [current, other]) assert.equal(error.message.includes(secret), false);
  });

  it('refuses a payload altered after it was encrypted', async () => {
    const [sealed] = await codec.encode([plain]);
    const data = Buffer.from(sealed?.data as Uint8Array);
    data[20] = (data[20] as number) ^ 1;
    await assert.rejects(codec.decode([{ ...sealed, data }]), /does not decrypt with the key configured under that id/);
  });

  it('passes payloads that are not encrypted through unchanged, so histories from before the codec still read and replay', async () => {
    const nothing = defaultPayloadConverter.toPayload(undefined);
    const decoded = await codec.decode([plain, nothing]);
    assert.equal(decoded[0], plain);
    assert.equal(decoded[1], nothing);
  });
});

describe('payload codec keys', () => {
  it('is off when no key is configured', () => {
    const config = loadConfig({}, noStack);
    assert.equal(config.codecKey, undefined);
    assert.equal(codecDataConverter(config), undefined);
  });

  it('refuses a key that is not 32 bytes with a ConfigError naming the variable, never the key', () => {
    const short = randomBytes(16).toString('base64');
    const error = rejection(() => loadConfig({ SHOPSYNC_CODEC_KEY: short, SHOPSYNC_CODEC_KEY_ID: 'k1' }, noStack));
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /SHOPSYNC_CODEC_KEY: must be the base64 of 32 bytes \(an AES-256 key\), not of 16/);
    assert.equal(error.message.includes(short), false);
    const oldError = rejection(() => loadConfig({ SHOPSYNC_CODEC_KEY: newKey(), SHOPSYNC_CODEC_KEY_ID: 'k2', SHOPSYNC_CODEC_OLD_KEYS: `k1:${short}` }, noStack));
    assert.match(oldError.message, /SHOPSYNC_CODEC_OLD_KEYS "k1": must be the base64 of 32 bytes/);
    assert.equal(oldError.message.includes(short), false);
    const direct = rejection(() => new AesGcmPayloadCodec({ keyId: 'k1', key: Buffer.from(short, 'base64'), oldKeys: new Map() }));
    assert.ok(direct instanceof ConfigError);
    assert.match(direct.message, /"k1" must be 32 bytes/);
  });

  it('needs the key id with the key, a well-formed old keys list, and old keys with ids of their own', () => {
    const key = newKey();
    const missingId = rejection(() => loadConfig({ SHOPSYNC_CODEC_KEY: key }, noStack));
    assert.match(missingId.message, /SHOPSYNC_CODEC_KEY_ID: is missing/);
    assert.match(rejection(() => loadConfig({ SHOPSYNC_CODEC_KEY_ID: 'k1' }, noStack)).message, /SHOPSYNC_CODEC_KEY: is missing/);
    const malformed = rejection(() => loadConfig({ SHOPSYNC_CODEC_KEY: key, SHOPSYNC_CODEC_KEY_ID: 'k2', SHOPSYNC_CODEC_OLD_KEYS: key }, noStack));
    assert.match(malformed.message, /SHOPSYNC_CODEC_OLD_KEYS: must be key ids with their base64 keys: id1:base64,id2:base64/);
    assert.match(rejection(() => loadConfig({ SHOPSYNC_CODEC_KEY: key, SHOPSYNC_CODEC_KEY_ID: 'k1', SHOPSYNC_CODEC_OLD_KEYS: `k1:${newKey()}` }, noStack)).message, /"k1": is the current key id/);
    for (const error of [missingId, malformed]) assert.equal(error.message.includes(key), false);
  });

  it('takes the keys from the secrets file\'s reserved "codec" entry, which the token lookup does not take for a shop', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'codec-')), 'secrets.json');
    const key = newKey();
    const old = newKey();
    writeFileSync(file, JSON.stringify({ 'a.myshopify.com': { token: 'shpat_a', webhookSecret: 'shpss_a' }, codec: { keyId: 'demo-1', key, oldKeys: { 'demo-0': old } } }));
    const config = loadConfig({ SHOPSYNC_SECRETS_FILE: file }, noStack);
    const keys = codecKeysOf(config);
    assert.equal(keys?.keyId, 'demo-1');
    assert.deepEqual(keys?.key, Buffer.from(key, 'base64'));
    assert.deepEqual(keys?.oldKeys.get('demo-0'), Buffer.from(old, 'base64'));
    const tokens = new EnvAndFileTokenSource(file, {});
    assert.equal(tokens.tokenFor('a.myshopify.com'), 'shpat_a');
    assert.throws(() => tokens.tokenFor('codec'), MissingTokenError);
    // The environment, when set, wins over the file.
    assert.equal(loadConfig({ SHOPSYNC_SECRETS_FILE: file, SHOPSYNC_CODEC_KEY: newKey(), SHOPSYNC_CODEC_KEY_ID: 'env-1' }, noStack).codecKeyId, 'env-1');
  });

  it('names a bad key of the secrets file by its place in the file, never the key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'codec-')), 'secrets.json');
    const long = randomBytes(48).toString('base64');
    writeFileSync(file, JSON.stringify({ codec: { keyId: 'demo-1', key: long, oldKeys: { 'demo-0': 'not base64!' } } }));
    const error = rejection(() => loadConfig({ SHOPSYNC_SECRETS_FILE: file }, noStack));
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /secrets\.json "codec"\.key: must be the base64 of 32 bytes \(an AES-256 key\), not of 48/);
    assert.match(error.message, /secrets\.json "codec"\.oldKeys "demo-0": must be base64/);
    assert.equal(error.message.includes(long), false);
    writeFileSync(file, JSON.stringify({ codec: { keyID: 'demo-1', key: newKey() } }));
    assert.match(rejection(() => loadConfig({ SHOPSYNC_SECRETS_FILE: file }, noStack)).message, /unknown field keyID/);
  });
});
