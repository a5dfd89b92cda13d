import type { Client } from '@temporalio/client';
import type { Erp } from '../erp/db';
import type { LocationRepository } from '../erp/location-repository';
import type { ShopRepository } from '../erp/shop-repository';
import type { ShopifyClients } from '../shopify/client';
import type { LockSettings } from './shop-lock';

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
