import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { temporalConnectionOptions } from '../../src/temporal/connection';

/** Nothing connects here: the files only need to look like PEM. */
function pemFile(dir: string, name: string, label: string): string {
  const path = join(dir, name);
  writeFileSync(path, `-----BEGIN ${label}-----\n${Buffer.from(name).toString('base64')}\n-----END ${label}-----\n`);
  return path;
}

describe('Temporal connection options', () => {
  const noStack = join(tmpdir(), 'no-such-stack.json');
  const dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
  const ca = pemFile(dir, 'ca.pem', 'CERTIFICATE');
  const cert = pemFile(dir, 'client.pem', 'CERTIFICATE');
  const key = pemFile(dir, 'client.key', 'PRIVATE KEY');
  const der = join(dir, 'client.der');
  writeFileSync(der, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
  const apiKey = 'tmprl-test-api-key-7f3c9a1e5b';
  const optionsFrom = (env: NodeJS.ProcessEnv) => temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: 'temporal.example:7233', ...env }, noStack));

  it('connects in plain text when nothing asks for TLS', () => {
    assert.deepEqual(optionsFrom({}), { address: 'temporal.example:7233' });
    assert.deepEqual(optionsFrom({ TEMPORAL_TLS: 'false' }), { address: 'temporal.example:7233' });
  });

  it('turns TLS on with the system roots for TEMPORAL_TLS=true, and with the CA file and server name when they are set', () => {
    assert.deepEqual(optionsFrom({ TEMPORAL_TLS: 'true' }), { address: 'temporal.example:7233', tls: {} });
    const options = optionsFrom({ TEMPORAL_TLS_CA_PATH: ca, TEMPORAL_TLS_SERVER_NAME: 'frontend.internal' });
    assert.equal(options.tls?.serverRootCACertificate?.toString(), '-----BEGIN CERTIFICATE-----\nY2EucGVt\n-----END CERTIFICATE-----\n');
    assert.equal(options.tls?.serverNameOverride, 'frontend.internal');
    assert.equal(options.tls?.clientCertPair, undefined);
    assert.equal(options.apiKey, undefined);
  });

  it('presents the client certificate and key for mTLS', () => {
    const options = optionsFrom({ TEMPORAL_TLS_CA_PATH: ca, TEMPORAL_TLS_CERT_PATH: cert, TEMPORAL_TLS_KEY_PATH: key });
    assert.match(options.tls?.clientCertPair?.crt.toString() ?? '', /^-----BEGIN CERTIFICATE-----/);
    assert.match(options.tls?.clientCertPair?.key.toString() ?? '', /^-----BEGIN PRIVATE KEY-----/);
    assert.ok(options.tls?.serverRootCACertificate);
  });

  it('refuses a client certificate without its key (and a key without its certificate), naming both variables', () => {
    for (const env of [{ TEMPORAL_TLS_CERT_PATH: cert }, { TEMPORAL_TLS_KEY_PATH: key }]) {
      assert.throws(() => optionsFrom(env), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together/);
        return true;
      });
    }
  });

  it('names the variable and the path of a TLS file it cannot read, or that is not PEM', () => {
    const missing = join(dir, 'nowhere', 'ca.pem');
    assert.throws(() => optionsFrom({ TEMPORAL_TLS_CA_PATH: missing }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message, `TEMPORAL_TLS_CA_PATH: cannot read ${missing} (ENOENT)`);
      return true;
    });
    assert.throws(() => optionsFrom({ TEMPORAL_TLS_CERT_PATH: der, TEMPORAL_TLS_KEY_PATH: key }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message, `TEMPORAL_TLS_CERT_PATH: ${der} is not a PEM file (no -----BEGIN line)`);
      return true;
    });
  });

  it('sends a Temporal Cloud API key only over TLS, which the key turns on, with the namespace header', () => {
    const options = optionsFrom({ TEMPORAL_API_KEY: apiKey, TEMPORAL_NAMESPACE: 'shop-sync.a1b2c' });
    assert.deepEqual(options, { address: 'temporal.example:7233', tls: {}, apiKey, metadata: { 'temporal-namespace': 'shop-sync.a1b2c' } });
    assert.throws(() => optionsFrom({ TEMPORAL_API_KEY: apiKey, TEMPORAL_TLS: 'false' }), /TEMPORAL_TLS: is false, but TEMPORAL_API_KEY needs TLS/);
  });

  it('never puts the API key in an error message', () => {
    const bad: NodeJS.ProcessEnv[] = [
      { TEMPORAL_TLS: 'false' },
      { TEMPORAL_TLS: 'sometimes' },
      { TEMPORAL_TLS_CERT_PATH: cert },
      { TEMPORAL_TLS_CA_PATH: join(dir, 'missing.pem') },
      { TEMPORAL_TLS_CA_PATH: der, MONGODB_URI: 'postgres://x', SHOPSYNC_METRICS_PORT: '70000' },
    ];
    for (const env of bad) {
      assert.throws(() => optionsFrom({ TEMPORAL_API_KEY: apiKey, ...env }), (error: unknown) => {
        assert.ok(error instanceof ConfigError, `${String(error)}`);
        assert.ok(!error.message.includes(apiKey), error.message.replaceAll(apiKey, '<the key>'));
        assert.ok(!String(error.stack).includes(apiKey));
        return true;
      });
    }
  });
});

describe('metrics settings', () => {
  const noStack = join(tmpdir(), 'no-such-stack.json');

  it('takes the metrics port and an IP to bind, and refuses a host name the core would not resolve', () => {
    const config = loadConfig({ SHOPSYNC_METRICS_PORT: '9464', SHOPSYNC_METRICS_HOST: '0.0.0.0' }, noStack);
    assert.deepEqual([config.metricsPort, config.metricsHost], [9464, '0.0.0.0']);
    assert.equal(loadConfig({}, noStack).metricsPort, undefined);
    assert.throws(() => loadConfig({ SHOPSYNC_METRICS_PORT: '9464', SHOPSYNC_METRICS_HOST: 'localhost' }, noStack), /SHOPSYNC_METRICS_HOST: must be an IP address/);
    assert.throws(() => loadConfig({ SHOPSYNC_METRICS_PORT: '65536' }, noStack), /SHOPSYNC_METRICS_PORT/);
  });
});
