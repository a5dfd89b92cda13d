import { ADMIN_API_VERSION } from '../../src/shopify/api-version';
import { gid, parseGid } from '../gid';
import { expressionMatcher, parseSearchExpression } from '../search-query';
import type { EmulatedShop } from '../state';
import { endpointKind, findSubscription, planSubscription, type StoredWebhookSubscription, type WebhookSubscriptionInput } from '../webhooks-store';
import type { ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { sortedPage, sortKeyOf } from './sorted-page';
import { userError } from './user-errors';

/** The subscription's endpoint as the deprecated `endpoint` union shows it. */
function endpointObject(uri: string) {
  const kind = endpointKind(uri);
  if (kind === 'pubsub') {
    const [project, topic] = uri.slice('pubsub://'.length).split(':');
    return { __typename: 'WebhookPubSubEndpoint', pubSubProject: project, pubSubTopic: topic };
  }
  if (kind === 'eventbridge') return { __typename: 'WebhookEventBridgeEndpoint', arn: uri };
  return { __typename: 'WebhookHttpEndpoint', callbackUrl: uri };
}

export function webhookSubscriptionObject(subscription: StoredWebhookSubscription) {
  return {
    __typename: 'WebhookSubscription',
    id: gid('WebhookSubscription', subscription.id),
    legacyResourceId: String(subscription.id),
    topic: subscription.topic,
    uri: subscription.uri,
    callbackUrl: subscription.uri,
    endpoint: endpointObject(subscription.uri),
    format: subscription.format,
    name: subscription.name,
    filter: subscription.filter,
    includeFields: subscription.includeFields,
    metafieldNamespaces: subscription.metafieldNamespaces,
    metafields: subscription.metafields,
    apiVersion: { handle: subscription.apiVersion, displayName: subscription.apiVersion, supported: true },
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
  };
}

const SORTS = {
  CREATED_AT: (s: StoredWebhookSubscription) => s.createdAt,
  ID: (s: StoredWebhookSubscription) => s.id,
};

function subscriptionMatcher(args: Record<string, unknown>): (s: StoredWebhookSubscription) => boolean {
  const query = expressionMatcher<StoredWebhookSubscription>(
    parseSearchExpression(typeof args.query === 'string' ? args.query : undefined),
    { id: (s) => s.id, created_at: (s) => s.createdAt, updated_at: (s) => s.updatedAt, topic: (s) => s.topic, endpoint: (s) => s.uri },
    { id: 'number', created_at: 'date', updated_at: 'date' },
  );
  const topics = Array.isArray(args.topics) ? (args.topics as string[]) : null;
  const uri = typeof args.uri === 'string' ? args.uri : typeof args.callbackUrl === 'string' ? args.callbackUrl : null;
  const format = typeof args.format === 'string' ? args.format : null;
  return (s) => (topics === null || topics.includes(s.topic)) && (uri === null || s.uri === uri) && (format === null || s.format === format) && query(s);
}

function subscriptionOf(shop: EmulatedShop, id: unknown): StoredWebhookSubscription | undefined {
  return findSubscription(shop, parseGid(id, 'WebhookSubscription'));
}

const NOT_FOUND = [userError(['id'], 'Webhook subscription does not exist')];

/** Shop-scoped webhook subscriptions of the app (the emulator's one app). */
export const webhookResolvers: ResolverModule = {
  query: {
    webhookSubscriptions: (args, { shop }) =>
      sortedPage(shop.webhookSubscriptions.filter(subscriptionMatcher(args)), args as ConnectionArgs, sortKeyOf(SORTS, args.sortKey), webhookSubscriptionObject),
    webhookSubscription: (args, { shop }) => {
      const subscription = subscriptionOf(shop, args.id);
      return subscription ? webhookSubscriptionObject(subscription) : null;
    },
    webhookSubscriptionsCount: (args, { shop }) => {
      const count = shop.webhookSubscriptions.filter(subscriptionMatcher({ query: args.query })).length;
      const limit = typeof args.limit === 'number' ? args.limit : null;
      return limit !== null && count > limit ? { count: limit, precision: 'AT_LEAST' } : { count, precision: 'EXACT' };
    },
  },
  mutation: {
    webhookSubscriptionCreate: (args, { shop, state }) => {
      const topic = String(args.topic);
      const planned = planSubscription(shop, topic, args.webhookSubscription as WebhookSubscriptionInput, null, ADMIN_API_VERSION);
      if ('errors' in planned) return { webhookSubscription: null, userErrors: planned.errors };
      const now = state.now();
      const subscription: StoredWebhookSubscription = { id: state.nextId(shop), ...planned.plan, createdAt: now, updatedAt: now };
      shop.webhookSubscriptions.push(subscription);
      return { webhookSubscription: webhookSubscriptionObject(subscription), userErrors: [] };
    },
    webhookSubscriptionUpdate: (args, { shop, state }) => {
      const existing = subscriptionOf(shop, args.id);
      if (!existing) return { webhookSubscription: null, userErrors: NOT_FOUND };
      const planned = planSubscription(shop, existing.topic, args.webhookSubscription as WebhookSubscriptionInput, existing, ADMIN_API_VERSION);
      if ('errors' in planned) return { webhookSubscription: null, userErrors: planned.errors };
      Object.assign(existing, planned.plan, { updatedAt: state.now() });
      return { webhookSubscription: webhookSubscriptionObject(existing), userErrors: [] };
    },
    webhookSubscriptionDelete: (args, { shop }) => {
      const existing = subscriptionOf(shop, args.id);
      if (!existing) return { deletedWebhookSubscriptionId: null, userErrors: NOT_FOUND };
      shop.webhookSubscriptions = shop.webhookSubscriptions.filter((s) => s !== existing);
      return { deletedWebhookSubscriptionId: gid('WebhookSubscription', existing.id), userErrors: [] };
    },
  },
};
