import type { IncomingMessage, ServerResponse } from 'node:http';
import { ShopDomainSchema } from '../domain/shop-domain';
import type { WebhookDeliveryRepository } from '../erp/webhook-deliveries';
import type { ShopRepository } from '../erp/shop-repository';
import type { WebhookSecretSource } from '../secrets';
import type { WebhookTriggers } from './webhook-triggers';
import type { WebhookVerifier } from './webhook-verifier';
import { readBody } from './http-io';

/** The order topics that start a debounced order import (the webhook is a trigger, the import reads the order). */
export const ORDER_TOPICS = ['orders/create', 'orders/updated', 'orders/cancelled', 'refunds/create'] as const;
export const HANDLED_TOPICS = [...ORDER_TOPICS, 'app/uninstalled', 'bulk_operations/finish'] as const;

/** Shopify's deliveries are small; a body beyond this is not one. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface WebhookReceiverDeps {
  shops: Pick<ShopRepository, 'find'>;
  deliveries: Pick<WebhookDeliveryRepository, 'seen' | 'record'>;
  secrets: WebhookSecretSource;
  verifier: WebhookVerifier;
  triggers: Pick<WebhookTriggers, 'ordersChanged' | 'bulkOperationFinished' | 'appUninstalled'>;
  log: (line: string) => void;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** ORDERS_CREATE → orders/create, BULK_OPERATIONS_FINISH → bulk_operations/finish. */
export function restTopicOf(topic: string): string {
  if (topic.includes('/')) return topic;
  const last = topic.lastIndexOf('_');
  return (last < 0 ? topic : `${topic.slice(0, last)}/${topic.slice(last + 1)}`).toLowerCase();
}

function operationIdOf(rawBody: string): string | undefined {
  try {
    const id = (JSON.parse(rawBody) as { admin_graphql_api_id?: unknown }).admin_graphql_api_id;
    return typeof id === 'string' && id.startsWith('gid://shopify/BulkOperation/') ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One webhook delivery (`POST /webhooks`): a known shop (else 404), a valid signature with the shop's
 * webhook secret (else 401, nothing started), then once per delivery id what its topic sets going.
 * It answers at once: Shopify waits 5 seconds at most, and retries a delivery that failed (a 5xx here
 * when Temporal could not be reached), so the id is recorded only after the action succeeded.
 */
export async function receiveWebhook(deps: WebhookReceiverDeps, request: IncomingMessage, response: ServerResponse): Promise<Answer> {
  const rawBody = await readBody(request, MAX_BODY_BYTES);
  if (rawBody === undefined) return { status: 413, body: { error: 'body too large' } };
  const shop = ShopDomainSchema.safeParse(request.headers['x-shopify-shop-domain']);
  if (!shop.success) return { status: 401, body: { error: 'missing or malformed X-Shopify-Shop-Domain' } };
  if (!(await deps.shops.find(shop.data))) return { status: 404, body: { error: `unknown shop ${shop.data}` } };
  const secret = deps.secrets.webhookSecretFor(shop.data);
  if (!secret) {
    deps.log(`webhook for ${shop.data} refused: no webhook secret configured`);
    return { status: 401, body: { error: 'no webhook secret configured for this shop' } };
  }
  const verified = await deps.verifier.verify(secret, rawBody, request, response);
  if (!verified.valid) return { status: 401, body: { error: `invalid webhook (${verified.reason})` } };
  if (await deps.deliveries.seen(verified.webhookId)) return { status: 200, body: { duplicate: true } };
  // The library hands the topic back as its GraphQL enum (ORDERS_CREATE); the header has Shopify's own name.
  const header = request.headers['x-shopify-topic'];
  const topic = typeof header === 'string' && header.includes('/') ? header : restTopicOf(verified.topic);
  if ((ORDER_TOPICS as readonly string[]).includes(topic)) {
    await deps.triggers.ordersChanged(shop.data, topic);
  } else if (topic === 'app/uninstalled') {
    await deps.triggers.appUninstalled(shop.data);
  } else if (topic === 'bulk_operations/finish') {
    const operationId = operationIdOf(rawBody);
    // Woken after answering: a run that misses it finds the end by its next poll anyway.
    if (operationId) void deps.triggers.bulkOperationFinished(shop.data, operationId).catch((error: unknown) => deps.log(`bulk_operations/finish for ${shop.data}: ${String(error)}`));
  } else {
    return { status: 200, body: { ignored: topic } };
  }
  await deps.deliveries.record({ _id: verified.webhookId, shop: shop.data, topic, eventId: verified.eventId });
  deps.log(`webhook ${topic} for ${shop.data} (${verified.webhookId})`);
  return { status: 200, body: { accepted: topic } };
}
