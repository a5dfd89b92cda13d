import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { userError, type UserError } from './resolvers/user-errors';
import type { EmulatedShop } from './state';

/**
 * A shop-scoped webhook subscription, as `webhookSubscriptionCreate` makes it (2026-10): the endpoint is `uri`
 * (an HTTPS URL, `pubsub://project:topic` or an EventBridge ARN); `callbackUrl` and `endpoint` are deprecated
 * views of it. Persisted with the shop.
 */
export interface StoredWebhookSubscription {
  id: number;
  /** The WebhookSubscriptionTopic value, such as ORDERS_CREATE. */
  topic: string;
  uri: string;
  format: 'JSON' | 'XML';
  name: string | null;
  filter: string | null;
  includeFields: string[];
  metafieldNamespaces: string[];
  metafields: Array<{ namespace: string; key: string }>;
  /** The version payloads are serialized with: the app's, which is the emulator's one version. */
  apiVersion: string;
  createdAt: string;
  updatedAt: string;
}

/** What `WebhookSubscriptionInput` carries; `callbackUrl` is the deprecated name of `uri`. */
export interface WebhookSubscriptionInput {
  uri?: string | null;
  callbackUrl?: string | null;
  format?: 'JSON' | 'XML' | null;
  name?: string | null;
  filter?: string | null;
  includeFields?: string[] | null;
  metafieldNamespaces?: string[] | null;
  metafields?: Array<{ namespace: string; key: string }> | null;
}

/** A few quick retries: enough for tests to watch a retry without waiting Shopify's hours. */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
/** Shopify retries 8 times; more than that would not be Shopify any more. */
export const WebhookRetryDelaysSchema = z.array(z.number().int().min(0).max(4 * 3_600_000)).max(8);

/** A random client secret in the shape of Shopify's (`shpss_` and 32 hex digits). */
export function newApiSecret(): string {
  return `shpss_${randomBytes(16).toString('hex')}`;
}

/** The WebhookSubscriptionTopic value of an event's topic: "orders/create" is ORDERS_CREATE. */
export function topicEnumOf(topic: string): string {
  return topic.replace(/\//g, '_').toUpperCase();
}

export type EndpointKind = 'http' | 'pubsub' | 'eventbridge';

export function endpointKind(uri: string): EndpointKind {
  if (uri.startsWith('pubsub://')) return 'pubsub';
  if (uri.startsWith('arn:aws:events:')) return 'eventbridge';
  return 'http';
}

/**
 * Shopify refuses http:// and internal hosts. The emulator also takes loopback addresses, over http or
 * https, because the tests and the demo receive deliveries on 127.0.0.1; Shopify would refuse them.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SHOPIFY_HOST = /(^|\.)(shopify\.com|myshopify\.com|shopify\.io|myshopify\.io)$/i;
const PUBSUB_URI = /^pubsub:\/\/[a-z][a-z0-9-]{4,28}[a-z0-9]:[A-Za-z][\w.~+%-]{2,254}$/;
const EVENTBRIDGE_ARN = /^arn:aws:events:[a-z0-9-]+::event-source\/aws\.partner\/shopify\.com(\.test)?\/\d+\/[\w.-]+$/;
const NAME = /^[A-Za-z0-9_-]+$/;
const MAX_URI_LENGTH = 65_535;

/** Shopify reports every address error on `callbackUrl`, also when the address came as `uri`. */
const ADDRESS_FIELD = ['webhookSubscription', 'callbackUrl'];

export function addressErrors(uri: string): UserError[] {
  const error = (message: string) => userError(ADDRESS_FIELD, message);
  if (uri.trim() === '') return [error("Address can't be blank")];
  if (uri.length > MAX_URI_LENGTH) return [error('Address is too big (maximum is 64 KB)')];
  const kind = endpointKind(uri);
  if (kind === 'pubsub') {
    return PUBSUB_URI.test(uri) ? [] : [error('Address is not a valid GCP pub/sub format. Format should be pubsub://project:topic')];
  }
  if (kind === 'eventbridge') return EVENTBRIDGE_ARN.test(uri) ? [] : [error('Address is invalid'), error('Address is not a valid AWS ARN')];
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [error('Address is invalid')];
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return [error(`Address protocol ${url.protocol}// is not supported`)];
  }
  if (!loopback && !url.hostname.includes('.')) return [error('Address is invalid')];
  if (SHOPIFY_HOST.test(url.hostname)) return [error('Address cannot be a Shopify or an internal domain')];
  return [];
}

function nameErrors(shop: EmulatedShop, name: string, selfId: number | null): UserError[] {
  const field = ['webhookSubscription', 'name'];
  const errors: UserError[] = [];
  if (!NAME.test(name)) errors.push(userError(field, 'Name name field can only contain alphanumeric characters, underscores, and hyphens'));
  if (name.length > 50) errors.push(userError(field, 'Name is too long (maximum is 50 characters)'));
  if (shop.webhookSubscriptions.some((s) => s.id !== selfId && s.name?.toLowerCase() === name.toLowerCase())) {
    errors.push(userError(field, 'Name already exists, no duplicate allowed'));
  }
  return errors;
}

type Planned = Omit<StoredWebhookSubscription, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * The subscription an input makes (create) or leaves (update: fields not given keep their values), or the
 * user errors Shopify answers. The same topic may go to one address only once per format and filter.
 */
export function planSubscription(
  shop: EmulatedShop,
  topic: string,
  input: WebhookSubscriptionInput,
  existing: StoredWebhookSubscription | null,
  apiVersion: string,
): { plan: Planned } | { errors: UserError[] } {
  const uri = (input.uri ?? input.callbackUrl ?? existing?.uri ?? '').trim();
  const plan: Planned = {
    topic,
    uri,
    format: input.format ?? existing?.format ?? 'JSON',
    name: input.name === undefined ? (existing?.name ?? null) : input.name,
    filter: input.filter === undefined ? (existing?.filter ?? null) : input.filter,
    includeFields: input.includeFields ?? existing?.includeFields ?? [],
    metafieldNamespaces: input.metafieldNamespaces ?? existing?.metafieldNamespaces ?? [],
    metafields: input.metafields ?? existing?.metafields ?? [],
    apiVersion: existing?.apiVersion ?? apiVersion,
  };
  const errors = addressErrors(uri);
  if (plan.format !== 'JSON' && endpointKind(uri) !== 'http') errors.push(userError(['webhookSubscription', 'format'], "Format can only be used with format: 'json'"));
  const selfId = existing?.id ?? null;
  const taken = shop.webhookSubscriptions.some(
    (s) => s.id !== selfId && s.topic === topic && s.uri === uri && s.format === plan.format && (s.filter ?? null) === (plan.filter ?? null),
  );
  if (taken) errors.push(userError(ADDRESS_FIELD, 'Address for this topic has already been taken'));
  if (plan.name !== null) errors.push(...nameErrors(shop, plan.name, selfId));
  return errors.length > 0 ? { errors } : { plan };
}

export function findSubscription(shop: EmulatedShop, id: number | undefined): StoredWebhookSubscription | undefined {
  return shop.webhookSubscriptions.find((s) => s.id === id);
}
