/**
 * Failure types that no retry can fix. Activities throw them (src/activities/failures.ts and
 * run-guard.ts); workflows list them as non-retryable. Kept apart so workflow code can import it
 * without any I/O module.
 */
export const NON_RETRYABLE_FAILURES = [
  'ShopifyAuthError',
  'ShopifyNotFoundError',
  'ShopifyQueryError',
  'MissingToken',
  'ShopNotConfigured',
  'ShopDisabled',
  'InvalidShopSettings',
  'ShopLockLost',
  'Unfenced',
] as const;
