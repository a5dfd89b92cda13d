import { createHmac, randomUUID } from 'node:crypto';
import { ADMIN_API_VERSION } from '../src/shopify/api-version';
import { onShopEvent, type ShopEvent } from './events';
import type { EmulatedShop, EmulatorState } from './state';
import type { WebhookPayload } from './webhook-payloads';
import { endpointKind, topicEnumOf, type StoredWebhookSubscription } from './webhooks-store';

/**
 * HTTPS delivery as Shopify does it (shopify.dev "Webhooks delivery structure", "Verify webhook deliveries",
 * changelog "Updates to webhook retry mechanism", 2024-09): a POST of the JSON payload with the X-Shopify-*
 * headers, signed with a base64 HMAC-SHA256 of the raw body keyed by the app's client secret; a delivery
 * counts only when a 2xx answer comes within 5 s (1 s to connect). A failed delivery is retried with the same
 * body, headers and X-Shopify-Webhook-Id, to the address the subscription had when the event happened.
 * Shopify retries 8 times over 4 hours with exponential backoff (and deletes an API-made subscription after
 * that many failures in a row, which the emulator does not do); the emulator waits `webhookRetryDelaysMs`
 * instead, a few short waits by default. Deliveries run in the background and never hold up a GraphQL answer.
 * They live in memory: one in flight or waiting for a retry when the emulator stops is lost.
 */
export const DELIVERY_TIMEOUT_MS = 5_000;
const MAX_LOGGED_DELIVERIES = 500;

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'undeliverable';

/** One webhook (one event to one subscription) and how its delivery went, for the emulator's admin API. */
export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  topic: string;
  subscriptionId: string;
  uri: string;
  triggeredAt: string;
  attempts: number;
  /** The HTTP status of the last answer; null when there was none (refused connection, timeout). */
  lastStatus: number | null;
  lastError: string | null;
  status: DeliveryStatus;
}

interface Webhook {
  record: DeliveryRecord;
  headers: Record<string, string>;
  body: string;
  /** Waits before each retry, as the shop had them when the event happened. */
  retryDelaysMs: number[];
}

const logs = new WeakMap<EmulatedShop, DeliveryRecord[]>();

/** The shop's recent deliveries, oldest first. */
export function deliveryLog(shop: EmulatedShop): DeliveryRecord[] {
  return logs.get(shop) ?? [];
}

function log(shop: EmulatedShop, record: DeliveryRecord): void {
  let records = logs.get(shop);
  if (!records) logs.set(shop, (records = []));
  records.push(record);
  if (records.length > MAX_LOGGED_DELIVERIES) records.splice(0, records.length - MAX_LOGGED_DELIVERIES);
}

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body, keyed by the app's client secret. */
export function webhookSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/** The payload cut to the subscription's `includeFields` (top-level fields), or whole when there are none. */
export function includedFields(payload: WebhookPayload, includeFields: string[]): WebhookPayload {
  if (includeFields.length === 0) return payload;
  const wanted = new Set(includeFields.map((field) => field.split('.')[0]));
  return Object.fromEntries(Object.entries(payload).filter(([key]) => wanted.has(key)));
}

/** Delivers every event of the state's shops to their matching subscriptions until stopped. */
export class WebhookDelivery {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(private readonly state: EmulatorState) {
    this.unsubscribe = onShopEvent(state, (event) => this.dispatch(event));
  }

  /** Stops listening and drops whatever is in flight or waiting. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  private dispatch(event: ShopEvent): void {
    const shop = this.state.get(event.shop);
    if (!shop) return;
    const topic = topicEnumOf(event.topic);
    const matching = shop.webhookSubscriptions.filter((s) => s.topic === topic);
    if (matching.length === 0) return;
    // One event id for every delivery of this event; one webhook id per subscription, kept across retries.
    const eventId = randomUUID();
    const triggeredAt = new Date().toISOString();
    for (const subscription of matching) {
      const webhook = this.webhookOf(shop, event, subscription, eventId, triggeredAt);
      log(shop, webhook.record);
      if (webhook.record.status === 'pending') this.attempt(webhook);
    }
  }

  private webhookOf(shop: EmulatedShop, event: ShopEvent, subscription: StoredWebhookSubscription, eventId: string, triggeredAt: string): Webhook {
    const body = JSON.stringify(includedFields(event.payload, subscription.includeFields));
    const record: DeliveryRecord = {
      webhookId: randomUUID(),
      eventId,
      topic: event.topic,
      subscriptionId: `gid://shopify/WebhookSubscription/${subscription.id}`,
      uri: subscription.uri,
      triggeredAt,
      attempts: 0,
      lastStatus: null,
      lastError: null,
      // Pub/Sub and EventBridge subscriptions are kept, but the emulator has no such bus to publish to.
      status: endpointKind(subscription.uri) === 'http' ? 'pending' : 'undeliverable',
    };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Shopify-Captain-Hook',
      'x-shopify-topic': event.topic,
      'x-shopify-hmac-sha256': webhookSignature(shop.apiSecret, body),
      'x-shopify-shop-domain': shop.domain,
      'x-shopify-api-version': subscription.apiVersion || ADMIN_API_VERSION,
      'x-shopify-webhook-id': record.webhookId,
      'x-shopify-event-id': eventId,
      'x-shopify-triggered-at': triggeredAt,
      ...(subscription.name ? { 'x-shopify-name': subscription.name } : {}),
    };
    return { record, headers, body, retryDelaysMs: [...shop.webhookRetryDelaysMs] };
  }

  private attempt(webhook: Webhook): void {
    if (this.stopped) return;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)), DELIVERY_TIMEOUT_MS);
    timeout.unref();
    this.inFlight.add(controller);
    webhook.record.attempts += 1;
    fetch(webhook.record.uri, { method: 'POST', headers: webhook.headers, body: webhook.body, redirect: 'manual', signal: controller.signal })
      .then(async (response) => {
        await response.body?.cancel();
        webhook.record.lastStatus = response.status;
        webhook.record.lastError = null;
        return response.status >= 200 && response.status < 300;
      })
      .catch((error: unknown) => {
        webhook.record.lastStatus = null;
        webhook.record.lastError = controller.signal.aborted ? String(controller.signal.reason) : String(error);
        return false;
      })
      .then((delivered) => {
        clearTimeout(timeout);
        this.inFlight.delete(controller);
        if (this.stopped) return;
        if (delivered) webhook.record.status = 'delivered';
        else this.retryLater(webhook);
      })
      .catch(() => undefined);
  }

  private retryLater(webhook: Webhook): void {
    const delay = webhook.retryDelaysMs[webhook.record.attempts - 1];
    if (delay === undefined) {
      webhook.record.status = 'failed';
      return;
    }
    webhook.record.status = 'retrying';
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(webhook);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }
}
