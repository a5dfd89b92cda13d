import type { IncomingMessage } from 'node:http';
import { FieldError, html, positiveInt, readBody, redirect, type HttpReply } from './http-io';
import { isSameOrigin } from './access';
import { parsePageAction, performAction } from './page-actions';
import { confirmPageContent } from './pages/confirm-page';
import { cuePageContent } from './pages/cue-page';
import { h, layout } from './pages/html';
import { shopPath, shopSection } from './pages/shop-section';
import type { StatusClient } from './status-api';

const MAX_FORM_BYTES = 16 * 1024;

async function overviewPage(client: StatusClient): Promise<HttpReply> {
  const shops = await client.shops.list();
  const overviews = await Promise.all(shops.map(({ settings }) => client.getShopOverview(settings.domain)));
  const content = overviews.length
    ? h`${overviews.map((overview) => shopSection(overview))}`
    : h`<p>No shops yet. Add one with <code>npx shopsync shops add &lt;domain&gt;</code>.</p>`;
  return html(200, layout({ title: 'Shops' }, content));
}

async function shopPage(client: StatusClient, shop: string, url: URL): Promise<HttpReply> {
  const overview = await client.getShopOverview(shop);
  const notice = url.searchParams.get('done') ?? undefined;
  return html(200, layout({ title: shop, trail: [['Shops', '/']], liveShop: shop, notice }, shopSection(overview, 'h1')));
}

async function cuePage(client: StatusClient, shop: string, cue: string, url: URL): Promise<HttpReply> {
  const page = await client.getCuePage(shop, cue, { page: positiveInt(url.searchParams.get('page'), 'page', 1, 100_000) });
  return html(200, layout({ title: page.title, trail: [['Shops', '/'], [shop, shopPath(shop)]], liveShop: shop }, cuePageContent(page)));
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
  if (url.pathname === '/' && method === 'GET') return overviewPage(client);
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
