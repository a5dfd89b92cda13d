import type { IncomingMessage } from 'node:http';
import { FieldError, html, positiveInt, readBody, redirect, type HttpReply } from './http-io';
import { isSameOrigin } from './access';
import { parsePageAction, performAction } from './page-actions';
import { confirmPageContent } from './pages/confirm-page';
import { cuePageContent } from './pages/cue-page';
import { h, layout } from './pages/html';
import { shopPath, shopSection, unreadableShop } from './pages/shop-section';
import type { StatusClient } from './status-api';

const MAX_FORM_BYTES = 16 * 1024;

/** Shops per overview page: each shows its cues, lock, schedules and failed runs. */
const SHOPS_PER_PAGE = 10;

async function overviewPage(client: StatusClient, url: URL): Promise<HttpReply> {
  const shops = await client.shops.list();
  const pages = Math.max(1, Math.ceil(shops.length / SHOPS_PER_PAGE));
  const page = Math.min(positiveInt(url.searchParams.get('page'), 'page', 1, 100_000), pages);
  const shown = shops.slice((page - 1) * SHOPS_PER_PAGE, page * SHOPS_PER_PAGE).map(({ settings }) => settings.domain);
  // One shop that cannot be read (its lock workflow stuck, a schedule gone) does not hide the others.
  const overviews = await Promise.all(shown.map((shop) => client.getShopOverview(shop).catch((error: unknown) => ({ shop, error: error instanceof Error ? error.message : String(error) }))));
  const pager = pages > 1
    ? h`<nav aria-label="Pages" class="pager">${page > 1 ? h`<a href="/?page=${page - 1}" rel="prev">← Previous</a>` : ''} <span>Page ${page} of ${pages} (${shops.length} shops)</span> ${page < pages ? h`<a href="/?page=${page + 1}" rel="next">Next →</a>` : ''}</nav>`
    : h``;
  const content = overviews.length
    ? h`${overviews.map((overview) => ('error' in overview ? unreadableShop(overview.shop, overview.error) : shopSection(overview)))}${pager}`
    : h`<p>No shops yet. Add one with <code>npx shopsync shops add &lt;domain&gt;</code>.</p>`;
  return html(200, layout({ title: 'Shops', liveShops: shown }, content));
}

async function shopPage(client: StatusClient, shop: string, url: URL): Promise<HttpReply> {
  const overview = await client.getShopOverview(shop);
  const notice = url.searchParams.get('done') ?? undefined;
  return html(200, layout({ title: shop, trail: [['Shops', '/']], liveShops: [shop], notice }, shopSection(overview, 'h1')));
}

async function cuePage(client: StatusClient, shop: string, cue: string, url: URL): Promise<HttpReply> {
  const page = await client.getCuePage(shop, cue, { page: positiveInt(url.searchParams.get('page'), 'page', 1, 100_000) });
  return html(200, layout({ title: page.title, trail: [['Shops', '/'], [shop, shopPath(shop)]], liveShops: [shop] }, cuePageContent(page)));
}

async function confirmPage(client: StatusClient, shop: string, url: URL): Promise<HttpReply> {
  await client.shops.get(shop);
  const action = parsePageAction(url.searchParams);
  return html(200, layout({ title: 'Please confirm', trail: [['Shops', '/'], [shop, shopPath(shop)]], live: false }, confirmPageContent(shop, action)));
}

/** A confirmed action (the POST from the confirmation page): done through the client, then back to the shop. */
async function actionPost(client: StatusClient, shop: string, request: IncomingMessage): Promise<HttpReply> {
  if (!isSameOrigin(request)) return html(403, layout({ title: 'Refused', live: false }, h`<p>This action was posted from another site and was refused.</p>`));
  const text = await readBody(request, MAX_FORM_BYTES);
  if (text === undefined) throw new FieldError('body', 'too large');
  await client.shops.get(shop);
  const done = await performAction(client, shop, parsePageAction(new URLSearchParams(text)));
  return redirect(`${shopPath(shop)}?${new URLSearchParams({ done: done.message }).toString()}`);
}

/**
 * The status page: `/` every shop, `/shops/<shop>` one shop with its actions, `/shops/<shop>/cues/<cue>`
 * a cue's records, `/shops/<shop>/confirm?action=...` the confirmation and `POST /shops/<shop>/actions`
 * the action itself. Answers undefined for a path that is not its own.
 */
export async function statusPages(client: StatusClient, request: IncomingMessage, url: URL): Promise<HttpReply | undefined> {
  const method = request.method ?? 'GET';
  if (url.pathname === '/' && method === 'GET') return overviewPage(client, url);
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'shops' || !parts[1]) return undefined;
  const [, shop, resource, key, ...rest] = parts;
  if (rest.length) return undefined;
  if (!resource && method === 'GET') return shopPage(client, shop, url);
  if (resource === 'cues' && key && method === 'GET') return cuePage(client, shop, key, url);
  if (resource === 'confirm' && !key && method === 'GET') return confirmPage(client, shop, url);
  if (resource === 'actions' && !key && method === 'POST') return actionPost(client, shop, request);
  return undefined;
}
