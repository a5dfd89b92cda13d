/** Failures of the Shopify layer. `retryable` tells the activity layer whether Temporal should try again. */
export abstract class ShopifyError extends Error {
  abstract readonly retryable: boolean;
  constructor(message: string, readonly shop: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401/403: the token is missing, wrong or revoked, or lacks a scope. Retrying cannot help. */
export class ShopifyAuthError extends ShopifyError {
  readonly retryable = false;
}

/** 404: no such shop, or an API version Shopify does not serve. */
export class ShopifyNotFoundError extends ShopifyError {
  readonly retryable = false;
}

/** GraphQL errors in a 200 answer (invalid document, cost over the single-query limit, ...): a defect, not a blip. */
export class ShopifyQueryError extends ShopifyError {
  readonly retryable = false;
  constructor(message: string, shop: string, readonly codes: string[]) {
    super(message, shop);
  }
}

/** 5xx, 429 or a dropped connection that outlasted the client's own retries; the activity retries later. */
export class ShopifyUnavailableError extends ShopifyError {
  readonly retryable = true;
}

/** Still throttled after the client's waits; the activity retries later. */
export class ShopifyThrottledError extends ShopifyError {
  readonly retryable = true;
}
