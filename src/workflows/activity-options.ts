import type { ActivityOptions, RetryPolicy } from '@temporalio/workflow';
import { NON_RETRYABLE_FAILURES } from '../domain/failure-types';

/**
 * Outages are waited out: attempts back off up to a minute apart for as long as the schedule-to-close
 * timeout allows, not for a handful of attempts. Failures no retry can fix (a revoked token, a shop
 * that is disabled, a lost lock) stop at once.
 */
export const OUTAGE_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  nonRetryableErrorTypes: [...NON_RETRYABLE_FAILURES],
};

/**
 * Every activity heartbeats (the worker's run guard does it while the activity runs), so a dead worker
 * is noticed within the heartbeat timeout and a cancellation reaches the activity within seconds.
 */
const HEARTBEAT_TIMEOUT = '30 seconds';

/** Short Shopify or ERP calls: one request or one read. */
export const SHORT_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  scheduleToCloseTimeout: '30 minutes',
  retry: OUTAGE_RETRY,
};

/** Activities that work through pages or batches, checking their lock and cancellation between records. */
export const BATCH_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  scheduleToCloseTimeout: '1 hour',
  retry: OUTAGE_RETRY,
};
