import { planSubscriptions, type ExistingSubscription, type WebhookTopic } from '../domain/webhook-plan';
import type { ShopifyAdminClient, ShopifyResult } from '../shopify/client';
import {
  WEBHOOK_SUBSCRIPTION_CREATE,
  WEBHOOK_SUBSCRIPTION_DELETE,
  WEBHOOK_SUBSCRIPTION_UPDATE,
  WEBHOOK_SUBSCRIPTIONS_PER_PAGE,
  WEBHOOK_SUBSCRIPTIONS_QUERY,
} from '../shopify/documents/webhooks';
import type { WebhookSubscriptionsQuery } from '../shopify/types/admin.generated';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface WebhookApplyResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

class WebhookSubscriptionError extends Error {}

async function existingSubscriptions(client: ShopifyAdminClient): Promise<ExistingSubscription[]> {
  const subscriptions: ExistingSubscription[] = [];
  let after: string | null = null;
  for (;;) {
    const { data }: ShopifyResult<WebhookSubscriptionsQuery> = await client.request(WEBHOOK_SUBSCRIPTIONS_QUERY, { first: WEBHOOK_SUBSCRIPTIONS_PER_PAGE, after });
    subscriptions.push(...data.webhookSubscriptions.nodes.map((s) => ({ id: s.id, topic: s.topic, uri: s.uri })));
    if (!data.webhookSubscriptions.pageInfo.hasNextPage) return subscriptions;
    after = data.webhookSubscriptions.pageInfo.endCursor ?? null;
  }
}

function refused(what: string, errors: Array<{ message: string }> | undefined): void {
  if (errors?.length) throw new WebhookSubscriptionError(`Shopify refused to ${what}: ${errors.map((e) => e.message).join('; ')}`);
}

/**
 * `shopsync webhooks apply`: the shop's subscriptions made one per topic at the service's URL. Safe to
 * retry: it reads what Shopify has before each change, so a change whose answer was lost is not made
 * twice (a create is planned only for a topic with no subscription).
 */
export function createWebhookSubscriptionActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    async applyWebhookSubscriptions(input: { shop: string; url: string }): Promise<WebhookApplyResult> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const client = shopify.forShop(input.shop);
      const plan = planSubscriptions(await existingSubscriptions(client), input.url);
      for (const topic of plan.create) {
        await checkpoint();
        const { data } = await client.request(WEBHOOK_SUBSCRIPTION_CREATE, { topic: topic satisfies WebhookTopic, subscription: { uri: input.url, format: 'JSON' } });
        refused(`subscribe to ${topic}`, data.webhookSubscriptionCreate?.userErrors);
      }
      for (const { id, topic } of plan.update) {
        await checkpoint();
        const { data } = await client.request(WEBHOOK_SUBSCRIPTION_UPDATE, { id, subscription: { uri: input.url } }, { idempotent: true });
        refused(`move the ${topic} subscription`, data.webhookSubscriptionUpdate?.userErrors);
      }
      for (const { id, topic } of plan.delete) {
        await checkpoint();
        const { data } = await client.request(WEBHOOK_SUBSCRIPTION_DELETE, { id }, { idempotent: true });
        const errors = data.webhookSubscriptionDelete?.userErrors ?? [];
        // Deleted by an earlier attempt whose answer was lost: the wanted state already holds.
        if (errors.some((e) => !/does not exist|not found/i.test(e.message))) refused(`delete the ${topic} subscription`, errors);
      }
      return { created: plan.create.length, updated: plan.update.length, deleted: plan.delete.length, unchanged: plan.unchanged };
    },
  });
}

export type WebhookSubscriptionActivities = ReturnType<typeof createWebhookSubscriptionActivities>;
