/**
 * Client-side view of one shop's leaky bucket, learnt from `extensions.cost.throttleStatus`.
 * Before a request it says how long to wait so that the expected cost fits; it reserves that cost
 * so concurrent requests from this process do not all count on the same points.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class ShopPacer {
  private status: ThrottleStatus | undefined;
  private observedAt = 0;
  private reserved = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Points available now by our estimate, or undefined before the first answer. */
  estimatedAvailable(): number | undefined {
    if (!this.status) return undefined;
    const refilled = this.status.currentlyAvailable + ((this.now() - this.observedAt) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, refilled) - this.reserved;
  }

  /** Milliseconds to wait before spending `cost` points (0 when they are there or nothing is known yet). */
  delayFor(cost: number): number {
    const available = this.estimatedAvailable();
    if (available === undefined || !this.status || cost <= available) return 0;
    const needed = Math.min(cost, this.status.maximumAvailable) - available;
    return Math.ceil((needed / this.status.restoreRate) * 1000);
  }

  reserve(cost: number): void {
    this.reserved += cost;
  }

  release(cost: number): void {
    this.reserved = Math.max(0, this.reserved - cost);
  }

  /** Records what Shopify reported with an answer. */
  observe(status: ThrottleStatus): void {
    this.status = status;
    this.observedAt = this.now();
  }

  /** How long until `cost` points are back, from a THROTTLED answer's status. */
  static refillDelay(status: ThrottleStatus, cost: number): number {
    const needed = Math.max(0, Math.min(cost, status.maximumAvailable) - status.currentlyAvailable);
    return Math.ceil((needed / Math.max(status.restoreRate, 1)) * 1000);
  }
}
