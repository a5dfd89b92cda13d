import { Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { registerSearchAttributes } from '../src/temporal/setup';
import { provision } from './provision';
import { freePort, GuardedProcess, portOpen, waitUntilReady } from './tools/process';

export interface StackOptions {
  /** Keep state here (Temporal SQLite file, FerretDB files, emulator state); omitted = a temporary directory removed on stop. */
  dataDir?: string;
  /** Start the Temporal Web UI. */
  webUi?: boolean;
  /** The remote codec endpoint the Web UI decodes payloads through (the HTTP service's `/codec`). */
  uiCodecEndpoint?: string;
  /** Extra `--dynamic-config-value KEY=JSON` settings for the dev server (tests lower thresholds with these). */
  temporalDynamicConfig?: Record<string, string | number | boolean>;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

/**
 * The dev server has one history shard, whose transfer queue is read at most 20 times a second by
 * default: every workflow step (a signal delivered, a task dispatched) then waits up to 50 ms. A
 * single machine can read it far more often; this makes a lock handover ~10 times faster.
 */
const DEV_SERVER_DYNAMIC_CONFIG = { 'history.transferProcessorMaxPollRPS': 1000 };

export interface StackAddresses {
  temporalAddress: string;
  temporalNamespace: string;
  temporalWebUi?: string;
  mongoUri: string;
  emulatorUrl: string;
}

export interface Stack extends StackAddresses {
  emulator: RunningEmulator;
  /** The provisioned binaries (the Temporal CLI, for tests that drive it as a user would). */
  tools: { temporal: string; ferretdb?: string; schema: string };
  stop(): Promise<void>;
}

/**
 * Starts what the project runs on: the Temporal dev server, FerretDB on SQLite and the Shopify emulator,
 * each on a free port of 127.0.0.1. TEMPORAL_ADDRESS or MONGODB_URI select an existing server instead.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const tools = await provision(log);
  const temporaryDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'shopsync-stack-'));
  const dataDir = options.dataDir ?? (temporaryDir as string);
  mkdirSync(dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: unknown) => log(`stop: ${String(error)}`));
    if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
  };
  try {
    const temporal = await startTemporal(tools.temporal, dataDir, options, timeoutMs, stops);
    const mongoUri = process.env.MONGODB_URI ?? (await startFerretDb(tools.ferretdb as string, dataDir, timeoutMs, stops));
    const emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      schemaPath: tools.schema,
      stateFile: options.dataDir ? join(dataDir, 'emulator-state.json') : undefined,
    });
    stops.push(() => emulator.close());
    return { ...temporal, mongoUri, emulatorUrl: emulator.url, emulator, tools, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startDevServer(
  binary: string,
  dataDir: string,
  namespace: string,
  options: StackOptions,
  timeoutMs: number,
  stops: Array<() => Promise<void>>,
): Promise<{ address: string; webUi: string | undefined }> {
  const port = await freePort();
  let webUi: string | undefined;
  const args = devServerArgs(port, namespace, dataDir, options.temporalDynamicConfig);
  if (options.webUi) {
    const uiPort = await freePort();
    args.push('--ui-port', String(uiPort), '--ui-disable-news-fetch');
    if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
    webUi = `http://127.0.0.1:${uiPort}`;
  } else {
    args.push('--headless');
  }
  const server = new GuardedProcess('Temporal dev server', binary, args);
  stops.push(() => server.stop());
  await waitUntilReady(server, () => devServerAnswers(port, namespace), timeoutMs);
  return { address: `127.0.0.1:${port}`, webUi };
}

/** The dev server's command line on a port and a data directory, without its UI options. */
function devServerArgs(port: number, namespace: string, dataDir: string, dynamicConfig: StackOptions['temporalDynamicConfig']): string[] {
  return [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'warn',
    '--db-filename', join(dataDir, 'temporal.sqlite'), '--sqlite-pragma', 'synchronous=OFF',
    ...Object.entries({ ...DEV_SERVER_DYNAMIC_CONFIG, ...dynamicConfig }).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
  ];
}

/** The dev server is ready once its port is open and it describes the namespace. */
async function devServerAnswers(port: number, namespace: string): Promise<boolean> {
  if (!(await portOpen(port))) return false;
  const connection = await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: 2000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}

async function startTemporal(
  binary: string,
  dataDir: string,
  options: StackOptions,
  timeoutMs: number,
  stops: Array<() => Promise<void>>,
): Promise<Pick<StackAddresses, 'temporalAddress' | 'temporalNamespace' | 'temporalWebUi'>> {
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  let address = process.env.TEMPORAL_ADDRESS;
  let webUi: string | undefined;
  if (!address) {
    // A dev server that does not come up in time is stopped and started once more on fresh ports before
    // giving up: a start-up stall was seen once on this 2-core machine, and a second start worked.
    for (let attempt = 1; ; attempt += 1) {
      try {
        ({ address, webUi } = await startDevServer(binary, dataDir, namespace, options, timeoutMs, stops));
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
        options.log?.(`Temporal dev server did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); starting it again`);
      }
    }
  }
  const connection = await Connection.connect({ address });
  try {
    await registerSearchAttributes(connection, namespace);
  } finally {
    await connection.close();
  }
  return { temporalAddress: address, temporalNamespace: namespace, temporalWebUi: webUi };
}

async function startFerretDb(binary: string, dataDir: string, timeoutMs: number, stops: Array<() => Promise<void>>): Promise<string> {
  const port = await freePort();
  const storage = join(dataDir, 'ferretdb');
  mkdirSync(storage, { recursive: true });
  const server = new GuardedProcess('FerretDB', binary, ferretDbArgs(storage, port));
  stops.push(() => server.stop());
  const uri = `mongodb://127.0.0.1:${port}/`;
  await waitUntilReady(server, () => ferretDbAnswers(uri, port), timeoutMs);
  return uri;
}

function ferretDbArgs(storage: string, port: number): string[] {
  return [
    '--handler=sqlite', `--sqlite-url=file:${storage}/`, `--listen-addr=127.0.0.1:${port}`,
    '--state-dir=-', '--debug-addr=-', '--telemetry=disable', '--log-level=warn',
  ];
}

/** FerretDB is ready once its port is open and it answers a ping. */
async function ferretDbAnswers(uri: string, port: number): Promise<boolean> {
  if (!(await portOpen(port))) return false;
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } finally {
    await client.close();
  }
}

/** A server of the stack that can be stopped and started again under the processes using it. */
export interface RestartableServer {
  readonly name: string;
  /** Stops the server (as stop() does) and starts it again on the same port with the same data files; resolves once it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RestartableStack extends Stack {
  temporalServer: RestartableServer;
  ferretDb: RestartableServer;
}

/**
 * The stack of startStack (dev server, FerretDB, emulator) in `dataDir`, where the dev server and FerretDB
 * keep one port for their whole life, so that `npm run chaos` can restart each under running workers
 * and clients, which reconnect to the same address. Always servers of its own: TEMPORAL_ADDRESS and
 * MONGODB_URI are refused, since an outside server cannot be restarted.
 */
export async function startRestartableStack(options: StackOptions & { dataDir: string }): Promise<RestartableStack> {
  if (process.env.TEMPORAL_ADDRESS || process.env.MONGODB_URI) throw new Error('a restartable stack starts its own servers: unset TEMPORAL_ADDRESS and MONGODB_URI');
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const tools = await provision(log);
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const storage = join(options.dataDir, 'ferretdb');
  mkdirSync(storage, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: unknown) => log(`stop: ${String(error)}`));
  };
  try {
    const temporalPort = await freePort();
    const temporalAddress = `127.0.0.1:${temporalPort}`;
    const temporalServer = await restartableServer('Temporal dev server', tools.temporal,
      [...devServerArgs(temporalPort, namespace, options.dataDir, options.temporalDynamicConfig), '--headless'],
      () => devServerAnswers(temporalPort, namespace), timeoutMs);
    stops.push(() => temporalServer.stop());
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      await registerSearchAttributes(connection, namespace);
    } finally {
      await connection.close();
    }
    if (!tools.ferretdb) throw new Error('FerretDB was not provisioned');
    const mongoPort = await freePort();
    const mongoUri = `mongodb://127.0.0.1:${mongoPort}/`;
    const ferretDb = await restartableServer('FerretDB', tools.ferretdb, ferretDbArgs(storage, mongoPort), () => ferretDbAnswers(mongoUri, mongoPort), timeoutMs);
    stops.push(() => ferretDb.stop());
    const emulator = await startEmulator({ host: '127.0.0.1', port: 0, schemaPath: tools.schema });
    stops.push(() => emulator.close());
    return { temporalAddress, temporalNamespace: namespace, mongoUri, emulatorUrl: emulator.url, emulator, tools, stop, temporalServer, ferretDb };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function restartableServer(name: string, binary: string, args: string[], ready: () => Promise<boolean>, timeoutMs: number): Promise<RestartableServer> {
  let server = new GuardedProcess(name, binary, args);
  await waitUntilReady(server, ready, timeoutMs);
  return {
    name,
    async restart() {
      await server.stop();
      server = new GuardedProcess(name, binary, args);
      await waitUntilReady(server, ready, timeoutMs);
    },
    stop: () => server.stop(),
  };
}
