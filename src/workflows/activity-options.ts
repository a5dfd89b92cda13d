import type { ActivityOptions } from '@temporalio/workflow';
import { NON_RETRYABLE_FAILURES } from '../domain/failure-types';

/** Short Shopify or ERP calls: a few retries with backoff, never for failures no retry can fix. */
export const SHORT_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [...NON_RETRYABLE_FAILURES],
  },
};

/** Activities that work through pages or batches: they heartbeat, so a dead worker is noticed within a minute. */
export const BATCH_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: SHORT_ACTIVITY.retry,
};
