/** Restore rates in points per second, per Shopify plan (shopify.dev, "GraphQL Admin API rate limits"). */
export const PLAN_RESTORE_RATES = {
  standard: 100,
  advanced: 200,
  plus: 1000,
  enterprise: 2000,
} as const;

export type PlanName = keyof typeof PLAN_RESTORE_RATES;

/** The bucket size when none is configured: 20 seconds of restore. */
export const DEFAULT_BUCKET_SECONDS = 20;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** A leaky bucket of cost points: it refills continuously at `restoreRate` up to `maximumAvailable`. */
export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    readonly restoreRate: number,
    readonly maximumAvailable: number,
    private readonly now: () => number = Date.now,
  ) {
    this.available = maximumAvailable;
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.updatedAt) / 1000) * this.restoreRate);
    this.updatedAt = now;
  }

  /** Takes `cost` points if they are there; false (nothing taken) when the request must be throttled. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back points taken for a request that turned out cheaper than requested. */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
