import '@shopify/shopify-api/adapters/node';
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The header that names the shop when every shop shares one origin (the emulator's). */
export const SHOP_DOMAIN_HEADER = 'X-Shopify-Shop-Domain';

let nodeFetch: typeof abstractFetch | undefined;

/** The abort signal of the request being sent: the library has no option for one, so it travels beside the call. */
const requestSignals = new AsyncLocalStorage<AbortSignal>();

/** Runs `send` so that the HTTP requests it makes are aborted with `signal`. */
export function withAbortSignal<T>(signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
  return signal ? requestSignals.run(signal, send) : send();
}

function withSignal(init: RequestInit | undefined): RequestInit | undefined {
  const signal = requestSignals.getStore();
  if (!signal) return init;
  return { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal };
}

/**
 * Sends Admin API requests to `origin` instead of https://<shop>, through the library's runtime fetch
 * hook, so `@shopify/shopify-api` is used unchanged. Without an origin, requests go to Shopify.
 */
export function configureShopifyTransport(origin: string | undefined): void {
  nodeFetch ??= abstractFetch;
  const realFetch = nodeFetch;
  if (!origin) {
    setAbstractFetchFunc((input, init) => realFetch(input, withSignal(init)));
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
    return realFetch(target.href, withSignal({ ...init, headers }));
  });
}
