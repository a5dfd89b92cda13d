import { proxyActivities } from '@temporalio/workflow';
import type { WebhookApplyResult, WebhookSubscriptionActivities } from '../activities/webhook-subscriptions';
import { TASKS } from '../domain/tasks';
import { SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { applyWebhookSubscriptions } = proxyActivities<WebhookSubscriptionActivities>(SHORT_ACTIVITY);

/** The shop's webhook subscriptions made one per topic at the given URL (`shopsync webhooks apply`). */
export async function applyWebhooks(input: unknown): Promise<WebhookApplyResult> {
  return runTask<typeof TASKS.webhooks.input, WebhookApplyResult>('webhooks', TASKS.webhooks.input, input, async (run) => {
    const { shop, options } = run.input;
    const result = await applyWebhookSubscriptions({ shop, url: options.url });
    run.report({ counters: { ...result } });
    return { result, recordErrors: 0 };
  });
}
