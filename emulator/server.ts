import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_API_VERSION } from '../src/shopify/api-version';
import { handleAdminRequest } from './admin-api';
import { BulkOperationRunner, bulkResultsFile } from './bulk-operations';
import { firingFaults, type FaultRule } from './faults';
import { GraphQLEndpoint, type GraphQLRequestBody } from './graphql-endpoint';
import { servedFile } from './media-store';
import { loadAdminSchema } from './schema';
import { handleStagedPut, handleStagedUpload } from './staged-uploads';
import { EmulatorState, type EmulatedShop } from './state';
import { WebhookDelivery } from './webhook-delivery';

export interface EmulatorOptions {
  host?: string;
  port?: number;
  schemaPath: string;
  stateFile?: string;
}

export interface RunningEmulator {
  url: string;
  state: EmulatorState;
  close(): Promise<void>;
}

/** The header the project's transport sets to name the shop, since every shop shares the emulator's origin. */
export const SHOP_DOMAIN_HEADER = 'x-shopify-shop-domain';
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
/** Where staged upload targets point: the emulator stands in for Shopify's GCS bucket. */
const STAGED_UPLOAD_PATH = /^\/staged-uploads\/([^/]+)\/?$/;
/** A PUT target's signed URL: the object's own path under the shop. */
const STAGED_OBJECT_PATH = /^\/staged-uploads\/([^/]+)\/(.+)$/;
/** Where a MediaImage's `image.url` points; unauthenticated, like Shopify's CDN. */
const FILE_PATH = /^\/files\/([^/]+)\/(\d+)\/([^/]+)$/;
/** Where a bulk operation's `url` and `partialDataUrl` point; unauthenticated, like Shopify's signed URLs. */
const BULK_RESULTS_PATH = /^\/bulk-results\/([^/]+)\/(\d+)(-partial)?\.jsonl$/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Applies fired faults; true when the response has been sent (or the connection dropped) by a fault. */
async function applyFaults(shop: EmulatedShop, faults: FaultRule[], response: ServerResponse): Promise<boolean> {
  for (const fault of faults) {
    shop.stats.faultsInjected += 1;
    if (fault.kind === 'latency') {
      await sleep(fault.latencyMs);
    } else if (fault.kind === 'http429') {
      send(response, 429, { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, {
        'retry-after': String(fault.retryAfterSeconds),
      });
      return true;
    } else if (fault.kind === 'http5xx') {
      send(response, fault.status, { errors: 'Internal Server Error' });
      return true;
    } else if (fault.kind === 'internalError') {
      const requestId = randomUUID();
      send(response, 200, { errors: [{ message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
      return true;
    } else {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4096' });
      response.write('{"data":{');
      response.socket?.destroy();
      return true;
    }
  }
  return false;
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const schema = loadAdminSchema(options.schemaPath);
  const state = new EmulatorState(options.stateFile);
  const endpoint = new GraphQLEndpoint(schema, state);
  const webhooks = new WebhookDelivery(state);
  const bulk = new BulkOperationRunner(schema, state, (shop, document, variables, baseUrl) => endpoint.executeUnmetered(shop, document, variables, { baseUrl }));
  let ownUrl = '';
  /** The origin the client used to reach the emulator (its Host header), so that URLs handed out work for that client. */
  const baseUrlOf = (request: IncomingMessage): string => (request.headers.host ? `http://${request.headers.host}` : ownUrl);

  const handleGraphQL = async (request: IncomingMessage, response: ServerResponse, version: string): Promise<void> => {
    if (version !== ADMIN_API_VERSION) return send(response, 404, { errors: 'Not Found' });
    const hostHeader = request.headers[SHOP_DOMAIN_HEADER] ?? request.headers.host ?? '';
    const domain = String(hostHeader).split(':')[0] ?? '';
    const shop = state.get(domain);
    if (!shop) return send(response, 404, { errors: 'Not Found' });
    shop.stats.requests += 1;
    if (shop.latencyMs > 0) await sleep(shop.latencyMs);
    if (request.headers['x-shopify-access-token'] !== shop.token) {
      return send(response, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const parsed = parseJson(await readBody(request));
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
      return send(response, 400, { errors: 'Request body is not valid JSON' });
    }
    const prepared = endpoint.prepare(parsed.value as GraphQLRequestBody);
    if (!('run' in prepared)) return send(response, prepared.status, prepared.body);
    const kind = prepared.operation.operation === 'mutation' ? 'mutation' : 'query';
    if (await applyFaults(shop, firingFaults(shop.faults, 'before', kind), response)) return;
    const result = prepared.run(shop, { baseUrl: baseUrlOf(request), bulk });
    if (await applyFaults(shop, firingFaults(shop.faults, 'after', kind), response)) return;
    send(response, result.status, result.body);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const graphql = GRAPHQL_PATH.exec(url.pathname);
    const work = async (): Promise<void> => {
      if (graphql && request.method === 'POST') return handleGraphQL(request, response, graphql[1] ?? '');
      if (url.pathname.startsWith('/emulator/')) {
        const parsed = parseJson(await readBody(request));
        if (!parsed.ok) return send(response, 400, { errors: [{ message: 'request body is not valid JSON' }] });
        const path = url.pathname.slice('/emulator/'.length).split('/').filter(Boolean).map(decodeURIComponent);
        const result = handleAdminRequest(state, request.method ?? 'GET', path, parsed.value);
        return send(response, result.status, result.body);
      }
      const staged = STAGED_UPLOAD_PATH.exec(url.pathname);
      if (staged && request.method === 'POST') {
        const shop = state.get(decodeURIComponent(staged[1] ?? ''));
        if (!shop) return send(response, 404, { errors: 'Not Found' });
        return handleStagedUpload(request, response, shop);
      }
      const object = STAGED_OBJECT_PATH.exec(url.pathname);
      if (object && request.method === 'PUT') {
        const shop = state.get(decodeURIComponent(object[1] ?? ''));
        if (!shop) return send(response, 404, { errors: 'Not Found' });
        return handleStagedPut(request, response, shop, decodeURIComponent(object[2] ?? ''));
      }
      const file = FILE_PATH.exec(url.pathname);
      if (file && request.method === 'GET') {
        const shop = state.get(decodeURIComponent(file[1] ?? ''));
        const served = shop ? servedFile(shop, Number(file[2]), decodeURIComponent(file[3] ?? '')) : undefined;
        if (!served) return send(response, 404, { errors: 'Not Found' });
        response.writeHead(200, { 'content-type': served.mimeType, 'content-length': served.bytes.length });
        response.end(served.bytes);
        return;
      }
      const results = BULK_RESULTS_PATH.exec(url.pathname);
      if (results && request.method === 'GET') {
        const op = state.get(decodeURIComponent(results[1] ?? ''))?.bulkOperations.find(Number(results[2]));
        const partial = results[3] !== undefined;
        if (!op || (partial ? op.partialDataUrl === null : op.url === null)) return send(response, 404, { errors: 'Not Found' });
        const file = bulkResultsFile(op);
        response.writeHead(200, { 'content-type': 'application/jsonl', 'content-length': Buffer.byteLength(file) });
        response.end(file);
        return;
      }
      if (url.pathname === '/health') return send(response, 200, { ok: true });
      send(response, 404, { errors: 'Not Found' });
    };
    work().catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { errors: `emulator error: ${String(error)}` });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  ownUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  return {
    url: ownUrl,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        bulk.stop();
        webhooks.stop();
        state.flush();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
