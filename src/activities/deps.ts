import type { Client } from '@temporalio/client';
import type { Erp } from '../erp/db';
import type { LocationRepository } from '../erp/location-repository';
import type { ShopRepository } from '../erp/shop-repository';
import type { ShopifyClients } from '../shopify/client';

/** What activities are built from; the worker wires the real ones. */
export interface ActivityDeps {
  shops: ShopRepository;
  locations: LocationRepository;
  shopify: ShopifyClients;
  /** A Temporal client, for activities that start or signal other workflows (the shop lock). */
  temporal: Client;
  lock: LockSettings;
  /** The whole ERP store, for the task activities. */
  erp: Erp;
}

export interface LockSettings {
  /** Task queue of the lock workflows (normally the workers' own). */
  taskQueue: string;
  /** How often a lock asks Temporal whether its holder is still open: the bound on noticing a closed holder. */
  checkIntervalMs: number;
  /** How often a waiting run sends its request again (a lock restarted by an operator rebuilds its queue from them). */
  resendAfterMs: number;
  /** How long a run waits for the lock before it gives up, naming the holder. */
  maxWaitMs: number;
  /** Events after which a lock workflow continues as new. */
  historyLimit: number;
}
