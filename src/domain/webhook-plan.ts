/** The topics this project subscribes to, and the order import or action each sets going (src/service). */
export const WEBHOOK_TOPICS = ['ORDERS_CREATE', 'ORDERS_UPDATED', 'ORDERS_CANCELLED', 'REFUNDS_CREATE', 'APP_UNINSTALLED', 'BULK_OPERATIONS_FINISH'] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

export interface ExistingSubscription {
  id: string;
  topic: string;
  uri: string;
}

export interface SubscriptionPlan {
  create: WebhookTopic[];
  update: Array<{ id: string; topic: string }>;
  delete: Array<{ id: string; topic: string }>;
  unchanged: number;
}

/**
 * What makes the app's subscriptions exactly one per topic at `uri`: a missing topic is created, the
 * first subscription of a topic pointing elsewhere is moved, any other one (a second of a topic, a
 * topic no longer wanted) is deleted. Applied to its own result it plans nothing.
 */
export function planSubscriptions(existing: ExistingSubscription[], uri: string, topics: readonly WebhookTopic[] = WEBHOOK_TOPICS): SubscriptionPlan {
  const plan: SubscriptionPlan = { create: [], update: [], delete: [], unchanged: 0 };
  for (const topic of topics) {
    const ofTopic = existing.filter((s) => s.topic === topic);
    const keep = ofTopic.find((s) => s.uri === uri) ?? ofTopic[0];
    if (!keep) plan.create.push(topic);
    else if (keep.uri === uri) plan.unchanged += 1;
    else plan.update.push({ id: keep.id, topic });
    for (const other of ofTopic) if (other !== keep) plan.delete.push({ id: other.id, topic });
  }
  for (const subscription of existing) {
    if (!(topics as readonly string[]).includes(subscription.topic)) plan.delete.push({ id: subscription.id, topic: subscription.topic });
  }
  return plan;
}
