import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface AccessCredentials {
  /** Accepted as `Authorization: Bearer <token>`, or as the password of basic auth (any user name). */
  token?: string;
  /** `user:password` for basic auth. */
  basicAuth?: string;
}

export class UnsafeBindingError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/**
 * The status page and the JSON API show ERP records and start runs: bound to loopback they are the
 * machine's own; anywhere else they need credentials, and the service refuses to start without them.
 */
export function assertSafeBinding(host: string, credentials: AccessCredentials): void {
  if (isLoopback(host) || credentials.token || credentials.basicAuth) return;
  throw new UnsafeBindingError(
    `the service would listen on ${host} without credentials: set SHOPSYNC_SERVICE_TOKEN or SHOPSYNC_SERVICE_BASIC_AUTH, or bind to 127.0.0.1`,
  );
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when no credentials are configured (loopback only, see assertSafeBinding) or the request carries them. */
export function isAuthorized(request: IncomingMessage, credentials: AccessCredentials): boolean {
  if (!credentials.token && !credentials.basicAuth) return true;
  const header = request.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return !!credentials.token && same(value, credentials.token);
  if (scheme?.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return (!!credentials.basicAuth && same(decoded, credentials.basicAuth)) || (!!credentials.token && decoded.includes(':') && same(password, credentials.token));
}

/**
 * A state-changing request from a browser must come from the page itself: a form posted from
 * another site (cross-site request forgery) carries that site's Origin and is refused.
 */
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] === undefined || request.headers['sec-fetch-site'] === 'same-origin';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
