import type { LocationRepository } from '../erp/location-repository';
import type { ShopRepository } from '../erp/shop-repository';
import type { ShopifyClients } from '../shopify/client';

/** What activities are built from; the worker wires the real ones, tests may wire others (never mocks of the servers). */
export interface ActivityDeps {
  shops: ShopRepository;
  locations: LocationRepository;
  shopify: ShopifyClients;
}
