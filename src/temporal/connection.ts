import { readFileSync } from 'node:fs';
import { Connection, type TLSConfig } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { ConfigError, ENV_NAMES, temporalTlsEnabled, type AppConfig } from '../config';

export type TemporalConnectionConfig = Pick<
  AppConfig,
  'temporalAddress' | 'temporalNamespace' | 'temporalTls' | 'temporalTlsCaPath' | 'temporalTlsCertPath' | 'temporalTlsKeyPath' | 'temporalTlsServerName' | 'temporalApiKey'
>;

/** What both kinds of connection take (`ConnectionOptions` of the client, `NativeConnectionOptions` of the worker). */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
  metadata?: Record<string, string>;
}

type PemSetting = 'temporalTlsCaPath' | 'temporalTlsCertPath' | 'temporalTlsKeyPath';

/** A PEM file of the configuration, read now so a rotated certificate is picked up by the next connection. */
function readPem(config: TemporalConnectionConfig, setting: PemSetting): Buffer | undefined {
  const path = config[setting];
  if (path === undefined) return undefined;
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError(`${ENV_NAMES[setting]}: cannot read ${path} (${reason})`);
  }
  // The SDK's core takes PEM only; a DER file or a swapped path would otherwise fail later as a vague handshake error.
  if (!content.includes('-----BEGIN ')) throw new ConfigError(`${ENV_NAMES[setting]}: ${path} is not a PEM file (no -----BEGIN line)`);
  return content;
}

/**
 * How to reach Temporal: the address; TLS with the server's CA, the client certificate and key for
 * mTLS and the server name when they are set; Temporal Cloud's API key (sent as a bearer token, so
 * only ever over TLS). Reads the PEM files; touches nothing else.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: config.temporalAddress };
  if (!temporalTlsEnabled(config)) return options;
  const ca = readPem(config, 'temporalTlsCaPath');
  const crt = readPem(config, 'temporalTlsCertPath');
  const key = readPem(config, 'temporalTlsKeyPath');
  options.tls = {
    ...(ca && { serverRootCACertificate: ca }),
    ...(crt && key && { clientCertPair: { crt, key } }),
    ...(config.temporalTlsServerName && { serverNameOverride: config.temporalTlsServerName }),
  };
  if (config.temporalApiKey !== undefined) {
    options.apiKey = config.temporalApiKey;
    // Temporal Cloud's regional endpoints route an API-key request by this header.
    options.metadata = { 'temporal-namespace': config.temporalNamespace };
  }
  return options;
}

/** The client connection (the CLI, the service, the worker's own client for activities). */
export function connectTemporalClient(config: TemporalConnectionConfig): Promise<Connection> {
  return Connection.connect(temporalConnectionOptions(config));
}

/** The worker's native connection. @temporalio/worker loads the SDK's native core: imported here only when a worker connects, so the CLI does not load it. */
export async function connectTemporalWorker(config: TemporalConnectionConfig): Promise<NativeConnection> {
  const { NativeConnection } = await import('@temporalio/worker');
  return NativeConnection.connect(temporalConnectionOptions(config));
}
