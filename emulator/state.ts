import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { LeakyBucket, PLAN_RESTORE_RATES, DEFAULT_BUCKET_SECONDS, type PlanName } from './bucket';
import { emptyB2B, type ShopB2B } from './b2b-store';
import { BulkOperations, DEFAULT_BULK_LINES_PER_SECOND } from './bulk-operations';
import { emptyCatalogs, type ShopCatalogs } from './catalogs-store';
import type { EmulatedBalanceTransaction, EmulatedCustomer, EmulatedOrder, EmulatedPayout, EmulatedProduct } from './commerce';
import { upgradeStoredCustomer } from './customers-store';
import { FaultRuleSchema, type FaultRule } from './faults';
import { DEFAULT_MEDIA_PROCESSING_MS, ShopMedia, type StoredMedia } from './media-store';
import { StagedUploads } from './staged-uploads';
import { DEFAULT_WEBHOOK_RETRY_DELAYS_MS, newApiSecret, WebhookRetryDelaysSchema, type StoredWebhookSubscription } from './webhooks-store';

/** `ShopPlan.displayName` (deprecated in 2026-10) as Shopify named the plans. */
export const PLAN_DISPLAY_NAMES: Record<PlanName, string> = {
  standard: 'Basic',
  advanced: 'Advanced',
  plus: 'Shopify Plus',
  enterprise: 'Commerce Components',
};

/** `ShopPlan.publicDisplayName`, from the values its 2026-10 description lists (Basic, Advanced, Plus, Other, ...). */
export const PLAN_PUBLIC_NAMES: Record<PlanName, string> = {
  standard: 'Basic',
  advanced: 'Advanced',
  plus: 'Plus',
  enterprise: 'Other',
};

export const ShopDomainSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must look like name.myshopify.com (lower case)');

export const LocationSeedSchema = z
  .object({
    name: z.string().min(1).max(255),
    isActive: z.boolean().default(true),
    fulfillsOnlineOrders: z.boolean().default(true),
    shipsInventory: z.boolean().default(true),
    address1: z.string().max(255).nullable().default(null),
    city: z.string().max(255).nullable().default(null),
    zip: z.string().max(32).nullable().default(null),
    countryCode: z.string().length(2).default('US'),
    provinceCode: z.string().max(8).nullable().default(null),
  })
  .strict();

export const ShopSeedSchema = z
  .object({
    domain: ShopDomainSchema,
    token: z.string().min(8, 'must be at least 8 characters'),
    plan: z.enum(['standard', 'advanced', 'plus', 'enterprise']).default('standard'),
    bucketSize: z.number().int().min(1).max(1_000_000).optional(),
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    name: z.string().min(1).max(255).optional(),
    email: z.email().default('owner@example.com'),
    currencyCode: z.string().regex(/^[A-Z]{3}$/).default('USD'),
    ianaTimezone: z.string().min(1).default('America/New_York'),
    shopOwnerName: z.string().min(1).default('Shop Owner'),
    locations: z.array(LocationSeedSchema).default([]),
    /** How fast a bulk mutation operation runs its lines; tests slow it down to watch an operation run. */
    bulkLinesPerSecond: z.number().positive().max(100_000).default(DEFAULT_BULK_LINES_PER_SECOND),
    /** How long an uploaded image takes to become READY; 0 makes images READY in the mutation's own answer. */
    mediaProcessingMs: z.number().int().min(0).max(600_000).default(DEFAULT_MEDIA_PROCESSING_MS),
    /** The app's client secret, which signs webhook deliveries; a random one when absent. */
    apiSecret: z.string().min(8).max(255).optional(),
    /** Waits before each retry of a failed webhook delivery (Shopify's own schedule is far longer: see webhook-delivery.ts). */
    webhookRetryDelaysMs: WebhookRetryDelaysSchema.default(DEFAULT_WEBHOOK_RETRY_DELAYS_MS),
  })
  .strict();

export type ShopSeed = z.input<typeof ShopSeedSchema>;
export type LocationSeed = z.infer<typeof LocationSeedSchema>;

export interface EmulatedLocation extends LocationSeed {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface ShopStats {
  requests: number;
  throttled: number;
  actualCostSpent: number;
  faultsInjected: number;
}

export interface EmulatedShop {
  domain: string;
  token: string;
  plan: PlanName;
  bucketSize?: number;
  latencyMs: number;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  shopOwnerName: string;
  createdAt: string;
  nextId: number;
  locations: EmulatedLocation[];
  products: EmulatedProduct[];
  customers: EmulatedCustomer[];
  orders: EmulatedOrder[];
  nextOrderNumber: number;
  payouts: EmulatedPayout[];
  balanceTransactions: EmulatedBalanceTransaction[];
  /** Companies, their locations and contacts (B2B, Plus plans only). */
  b2b: ShopB2B;
  /** Catalogs with their publications and price lists. */
  catalogs: ShopCatalogs;
  faults: FaultRule[];
  stats: ShopStats;
  bulkLinesPerSecond: number;
  mediaProcessingMs: number;
  /** Files (images) and the products and variants referencing them; their bytes are in memory only. */
  media: ShopMedia;
  /** In memory only, like Shopify's staged files and bulk results, which expire anyway. */
  stagedUploads: StagedUploads;
  bulkOperations: BulkOperations;
  apiSecret: string;
  webhookRetryDelaysMs: number[];
  webhookSubscriptions: StoredWebhookSubscription[];
}

const PersistedStateSchema = z.object({ version: z.literal(1), shops: z.array(z.record(z.string(), z.unknown())) });

/** All emulated shops, optionally persisted to a JSON file so that demo data survives a restart. */
export class EmulatorState {
  private readonly shops = new Map<string, EmulatedShop>();
  private readonly buckets = new Map<string, LeakyBucket>();
  private saveTimer: NodeJS.Timeout | undefined;
  private lastTimestamp = 0;

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile);
  }

  list(): EmulatedShop[] {
    return [...this.shops.values()];
  }

  get(domain: string): EmulatedShop | undefined {
    return this.shops.get(domain);
  }

  createShop(input: ShopSeed): EmulatedShop {
    const seed = ShopSeedSchema.parse(input);
    if (this.shops.has(seed.domain)) throw new StateConflictError(`shop ${seed.domain} already exists`);
    const now = new Date().toISOString();
    const shop: EmulatedShop = {
      domain: seed.domain,
      token: seed.token,
      plan: seed.plan,
      bucketSize: seed.bucketSize,
      latencyMs: seed.latencyMs,
      name: seed.name ?? seed.domain.replace('.myshopify.com', ''),
      email: seed.email,
      currencyCode: seed.currencyCode,
      ianaTimezone: seed.ianaTimezone,
      shopOwnerName: seed.shopOwnerName,
      createdAt: now,
      nextId: 1000,
      locations: [],
      products: [],
      customers: [],
      orders: [],
      nextOrderNumber: 1001,
      payouts: [],
      balanceTransactions: [],
      b2b: emptyB2B(),
      catalogs: emptyCatalogs(),
      faults: [],
      stats: { requests: 0, throttled: 0, actualCostSpent: 0, faultsInjected: 0 },
      bulkLinesPerSecond: seed.bulkLinesPerSecond,
      mediaProcessingMs: seed.mediaProcessingMs,
      media: new ShopMedia(),
      stagedUploads: new StagedUploads(),
      bulkOperations: new BulkOperations(),
      apiSecret: seed.apiSecret ?? newApiSecret(),
      webhookRetryDelaysMs: seed.webhookRetryDelaysMs,
      webhookSubscriptions: [],
    };
    this.shops.set(shop.domain, shop);
    for (const location of seed.locations) this.addLocation(shop, location);
    this.changed();
    return shop;
  }

  deleteShop(domain: string): boolean {
    this.buckets.delete(domain);
    const deleted = this.shops.delete(domain);
    this.changed();
    return deleted;
  }

  reset(): void {
    this.shops.clear();
    this.buckets.clear();
    this.changed();
  }

  nextId(shop: EmulatedShop): number {
    shop.nextId += 1;
    return shop.nextId;
  }

  /** A timestamp strictly later than any handed out before, as Shopify's updatedAt moves on each change. */
  now(): string {
    const now = Math.max(Date.now(), this.lastTimestamp + 1);
    this.lastTimestamp = now;
    return new Date(now).toISOString();
  }

  addLocation(shop: EmulatedShop, seed: z.input<typeof LocationSeedSchema>): EmulatedLocation {
    const now = new Date().toISOString();
    const location: EmulatedLocation = { ...LocationSeedSchema.parse(seed), id: this.nextId(shop), createdAt: now, updatedAt: now };
    shop.locations.push(location);
    this.changed();
    return location;
  }

  setFaults(shop: EmulatedShop, rules: unknown[]): void {
    shop.faults = rules.map((rule) => FaultRuleSchema.parse(rule));
  }

  /** The shop's bucket; rebuilt when its plan or size changes. */
  bucket(shop: EmulatedShop): LeakyBucket {
    const restoreRate = PLAN_RESTORE_RATES[shop.plan];
    const size = shop.bucketSize ?? restoreRate * DEFAULT_BUCKET_SECONDS;
    let bucket = this.buckets.get(shop.domain);
    if (!bucket || bucket.restoreRate !== restoreRate || bucket.maximumAvailable !== size) {
      bucket = new LeakyBucket(restoreRate, size);
      this.buckets.set(shop.domain, bucket);
    }
    return bucket;
  }

  /** Marks the state as changed; it is written to the state file shortly after. */
  changed(): void {
    if (!this.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), 100);
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.stateFile) return;
    const shops = this.list().map((shop) => ({ ...shop, faults: [] }));
    writeFileSync(`${this.stateFile}.tmp`, JSON.stringify({ version: 1, shops }));
    renameSync(`${this.stateFile}.tmp`, this.stateFile);
  }

  private load(file: string): void {
    const parsed = PersistedStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const stored of parsed.shops as unknown as Array<Partial<EmulatedShop>>) {
      // State files written before an area existed lack its records.
      const shop = {
        products: [], customers: [], orders: [], nextOrderNumber: 1001, payouts: [], balanceTransactions: [], b2b: emptyB2B(), catalogs: emptyCatalogs(), bulkLinesPerSecond: DEFAULT_BULK_LINES_PER_SECOND,
        mediaProcessingMs: DEFAULT_MEDIA_PROCESSING_MS,
        webhookRetryDelaysMs: DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
        webhookSubscriptions: [],
        ...stored,
        apiSecret: stored.apiSecret ?? newApiSecret(),
        media: ShopMedia.restore(stored.media as Partial<StoredMedia> | undefined),
        stagedUploads: new StagedUploads(),
        bulkOperations: new BulkOperations(),
      } as EmulatedShop;
      for (const customer of shop.customers) upgradeStoredCustomer(customer, () => this.nextId(shop));
      this.shops.set(shop.domain, shop);
      if (!stored.apiSecret) this.changed(); // keep the secret just made, so that signatures hold across restarts
    }
  }
}

export class StateConflictError extends Error {}
