import { ApplicationFailure } from '@temporalio/common';
import { InvalidShopSettingsError } from '../domain/shop-settings';
import { ShopNotFoundError } from '../erp/shop-repository';
import { MissingTokenError } from '../secrets';
import { ShopifyError } from '../shopify/errors';

export class ShopDisabledError extends Error {}

export { NON_RETRYABLE_FAILURES } from '../domain/failure-types';

/** Turns a known error into an ApplicationFailure with a stable type; unknown errors stay retryable. */
export function toApplicationFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  const known: Array<[new (...args: never[]) => Error, string, boolean]> = [
    [MissingTokenError, 'MissingToken', false],
    [ShopNotFoundError, 'ShopNotConfigured', false],
    [ShopDisabledError, 'ShopDisabled', false],
    [InvalidShopSettingsError, 'InvalidShopSettings', false],
  ];
  if (error instanceof ShopifyError) {
    return ApplicationFailure.create({ message: error.message, type: error.name, nonRetryable: !error.retryable });
  }
  for (const [ErrorClass, type, retryable] of known) {
    if (error instanceof ErrorClass) return ApplicationFailure.create({ message: error.message, type, nonRetryable: !retryable });
  }
  return error;
}

/** Wraps every activity of a group so that its failures carry those types. */
export function withFailureTypes<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const wrapped: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        throw toApplicationFailure(error);
      }
    };
  }
  return wrapped as T;
}
