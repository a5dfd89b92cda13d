import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { InvalidRunRequestError } from '../client';
import { ShopNotFoundError } from '../erp/shop-repository';
import { ScheduleMissingError } from '../schedules';
import { UnknownCueError } from '../shop-status';
import { isAuthorized, type AccessCredentials } from './access';
import { codecEndpoint, isCodecPath, type CodecEndpointDeps } from './codec-endpoint';
import { FieldError, html, json, type HttpReply } from './http-io';
import { h, layout } from './pages/html';
import { statusApi, type StatusClient } from './status-api';
import { statusEvents } from './status-events';
import { statusPages } from './status-pages';
import { receiveWebhook, type WebhookReceiverDeps } from './webhook-receiver';

export interface HttpServiceDeps {
  webhooks: WebhookReceiverDeps;
  /** The client the status page and the JSON API read and act through. */
  status: StatusClient;
  credentials: AccessCredentials;
  /** The remote codec endpoint (`/codec/encode`, `/codec/decode`) for the Web UI and the Temporal CLI. */
  codec?: CodecEndpointDeps;
  log: (line: string) => void;
}

const CONTENT_TYPES: Record<NonNullable<HttpReply['type']>, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  css: 'text/css; charset=utf-8',
  javascript: 'text/javascript; charset=utf-8',
};

const ASSETS: Record<string, { file: string; type: 'css' | 'javascript' }> = {
  '/assets/status.css': { file: 'status.css', type: 'css' },
  '/assets/status.js': { file: 'status.js', type: 'javascript' },
};
const assetCache = new Map<string, string>();

function asset(path: string): HttpReply | undefined {
  const known = ASSETS[path];
  if (!known) return undefined;
  let text = assetCache.get(known.file);
  if (text === undefined) {
    text = readFileSync(join(__dirname, 'assets', known.file), 'utf8');
    assetCache.set(known.file, text);
  }
  return { status: 200, body: text, type: known.type, headers: { 'cache-control': 'no-cache' } };
}

/** A known kind of failure as a status code and message; undefined for an unexpected one (a 500). */
function expectedFailure(error: unknown): { status: number; message: string; field?: string } | undefined {
  if (error instanceof FieldError) return { status: 400, message: error.message, field: error.field };
  if (error instanceof InvalidRunRequestError) return { status: 400, message: error.message };
  if (error instanceof URIError) return { status: 400, message: 'malformed path' };
  if (error instanceof ShopNotFoundError || error instanceof UnknownCueError || error instanceof ScheduleMissingError) return { status: 404, message: error.message };
  return undefined;
}

function send(response: ServerResponse, reply: HttpReply): void {
  if (response.headersSent) return;
  const type = reply.type ?? 'json';
  const body = type === 'json' ? JSON.stringify(reply.body) : String(reply.body);
  response.writeHead(reply.status, {
    'content-type': CONTENT_TYPES[type],
    'x-content-type-options': 'nosniff',
    ...(type === 'html' ? { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'", 'referrer-policy': 'same-origin' } : {}),
    ...reply.headers,
  });
  response.end(body);
}

/**
 * The project's one HTTP service (`npm run serve`): Shopify's webhooks (`POST /webhooks`, signed),
 * `GET /health`, and for people and scripts the status page (`/`), its live events (`/events`) and
 * the JSON API (`/api/...`). The page and the API need the configured credentials, if any.
 */
export function createHttpService(deps: HttpServiceDeps): Server {
  const route = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<HttpReply | undefined> => {
    if (request.method === 'POST' && url.pathname === '/webhooks') return receiveWebhook(deps.webhooks, request, response);
    if (request.method === 'GET' && url.pathname === '/health') return json(200, { ok: true });
    if (isCodecPath(url.pathname)) return codecEndpoint(deps.codec ?? { corsOrigins: [] }, deps.credentials, request, url);
    const isApi = url.pathname.startsWith('/api/') || url.pathname === '/api';
    if (!isAuthorized(request, deps.credentials)) {
      return { status: 401, body: isApi ? { error: 'unauthorized: send the service token (Authorization: Bearer ...) or basic-auth credentials' } : 'Unauthorized', type: isApi ? 'json' : 'text', headers: { 'www-authenticate': 'Basic realm="shopsync status", charset="UTF-8"' } };
    }
    if (request.method === 'GET' && url.pathname.startsWith('/assets/')) return asset(url.pathname) ?? json(404, { error: 'not found' });
    if (request.method === 'GET' && url.pathname === '/events') return statusEvents(deps.status, request, response, url, deps.log).then(() => undefined);
    if (isApi) return statusApi(deps.status, request, url);
    return (await statusPages(deps.status, request, url)) ?? html(404, layout({ title: 'Not found', live: false }, h`<p>There is no such page. <a href="/">Back to the shops</a>.</p>`));
  };
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://service.local');
    const wantsHtml = !url.pathname.startsWith('/api') && url.pathname !== '/webhooks' && url.pathname !== '/events';
    route(request, response, url)
      .catch((error: unknown): HttpReply => {
        const expected = expectedFailure(error);
        if (!expected) deps.log(`${request.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        const status = expected?.status ?? 500;
        const message = expected?.message ?? 'internal error';
        if (wantsHtml) return html(status, layout({ title: status === 404 ? 'Not found' : status === 400 ? 'Not understood' : 'Something went wrong', trail: [['Shops', '/']], live: false }, h`<p>${message}</p>`));
        return json(status, expected?.field ? { error: message, field: expected.field } : { error: message });
      })
      .then((reply) => {
        if (reply) send(response, reply);
      });
  });
}

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}
