import '@shopify/shopify-api/adapters/node';
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

/** The header that names the shop when every shop shares one origin (the emulator's). */
export const SHOP_DOMAIN_HEADER = 'X-Shopify-Shop-Domain';

let nodeFetch: typeof abstractFetch | undefined;

/**
 * Sends Admin API requests to `origin` instead of https://<shop>, through the library's runtime fetch
 * hook, so `@shopify/shopify-api` is used unchanged. Without an origin, requests go to Shopify.
 */
export function configureShopifyTransport(origin: string | undefined): void {
  nodeFetch ??= abstractFetch;
  const realFetch = nodeFetch;
  if (!origin) {
    setAbstractFetchFunc(realFetch);
    return;
  }
  const base = new URL(origin);
  setAbstractFetchFunc(async (input, init) => {
    const target = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const shop = target.hostname;
    target.protocol = base.protocol;
    target.host = base.host;
    const headers = new Headers(init?.headers);
    headers.set(SHOP_DOMAIN_HEADER, shop);
    return realFetch(target.href, { ...init, headers });
  });
}
