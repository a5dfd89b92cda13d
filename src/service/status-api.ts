import type { IncomingMessage } from 'node:http';
import type { ShopSyncClient } from '../client';
import { FieldError, json, positiveInt, readBody, type HttpReply } from './http-io';
import { parseJsonBody, parseRunRequest } from './run-request';

/** The client methods the status page and the JSON API read and act through (the CLI's own). */
export type StatusClient = Pick<ShopSyncClient, 'shops' | 'listShopSummaries' | 'getShopStatus' | 'getCuePage' | 'getShopOverview' | 'lockState' | 'runTask' | 'schedules' | 'retryShipments' | 'resolveOrderConflict'>;

const MAX_REQUEST_BYTES = 64 * 1024;

/** `GET /api/shops`: every shop with its cue counts and what needs attention. */
async function listShops(client: StatusClient): Promise<HttpReply> {
  const summaries = await client.listShopSummaries();
  const links = (shop: string) => ({ status: `/api/shops/${encodeURIComponent(shop)}/status`, page: `/shops/${encodeURIComponent(shop)}` });
  return json(200, { shops: summaries.map((summary) => ({ ...summary, links: links(summary.shop) })) });
}

async function startRun(client: StatusClient, shop: string, request: IncomingMessage): Promise<HttpReply> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) throw new FieldError('content-type', 'must be application/json');
  const text = await readBody(request, MAX_REQUEST_BYTES);
  if (text === undefined) return json(413, { error: 'body too large' });
  const body = parseRunRequest(parseJsonBody(text));
  await client.shops.get(shop); // an unknown shop is a 404 before the body's checks reach Temporal
  const run = await client.runTask({ shop, task: body.task, filters: body.filters, options: body.options, background: true });
  return json(run.joined ? 200 : 202, { workflowId: run.workflowId, runId: run.runId, joined: run.joined, webUiUrl: run.webUiUrl ?? null });
}

/**
 * The JSON API: `GET /api/shops`, `GET /api/shops/<shop>/status` (as `shopsync status --json`),
 * `GET /api/shops/<shop>/overview`, `GET /api/shops/<shop>/cues/<cue>?page=N`, and
 * `POST /api/shops/<shop>/runs`. Answers undefined for a path that is not its own.
 */
export async function statusApi(client: StatusClient, request: IncomingMessage, url: URL): Promise<HttpReply | undefined> {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'api') return undefined;
  const [, collection, shop, resource, key, ...rest] = parts;
  if (collection !== 'shops' || rest.length) return json(404, { error: 'not found' });
  const method = request.method ?? 'GET';
  if (!shop) return method === 'GET' ? listShops(client) : json(405, { error: 'method not allowed' });
  if (resource === 'status' && !key && method === 'GET') {
    const limit = positiveInt(url.searchParams.get('limit'), 'limit', 5);
    const sinceDays = positiveInt(url.searchParams.get('days'), 'days', 7, 90);
    return json(200, await client.getShopStatus(shop, { limit, sinceDays }));
  }
  if (resource === 'overview' && !key && method === 'GET') return json(200, await client.getShopOverview(shop));
  if (resource === 'cues' && key && method === 'GET') {
    const page = positiveInt(url.searchParams.get('page'), 'page', 1, 100_000);
    const pageSize = positiveInt(url.searchParams.get('pageSize'), 'pageSize', 25, 200);
    return json(200, await client.getCuePage(shop, key, { page, pageSize }));
  }
  if (resource === 'runs' && !key) return method === 'POST' ? startRun(client, shop, request) : json(405, { error: 'method not allowed' });
  return json(404, { error: 'not found' });
}
