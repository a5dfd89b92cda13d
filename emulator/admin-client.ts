import type { ProductSeed } from './admin-api';
import type { CatalogSeed, catalogView, CompanySeed, companyView, priceListView } from './admin-b2b';
import type { CustomerChange, CustomerSeed, customerView } from './admin-customers';
import type { EmulatedProduct, MediaStatus } from './commerce';
import type { FaultRule } from './faults';
import type { QuantityName } from './inventory-store';
import type { ShopSeed, LocationSeed, ShopStats } from './state';

/** A level as the emulator's admin API shows it: all quantity names, on_hand and unavailable computed. */
export interface InventoryLevelView {
  inventoryItemId: string;
  sku: string | null;
  locationId: string;
  locationName: string | null;
  quantities: Record<QuantityName, number>;
  updatedAt: string;
}

/** One quantity to set: the item by SKU or id, the location by id or name. */
export type InventoryLevelSet = ({ sku: string } | { inventoryItemId: string | number }) & ({ locationId: string | number } | { locationName: string }) & {
  name: 'available' | 'on_hand';
  quantity: number;
};

export interface SeededProduct {
  id: string;
  legacyResourceId: string;
  handle: string;
  /** In the order of the seed's variants. */
  variants: Array<{ id: string; sku: string | null; title: string }>;
}

export interface ProductMediaView {
  id: string;
  position: number;
  status: MediaStatus;
  alt: string | null;
  filename: string;
  mimeType: string | null;
  width: number | null;
  height: number | null;
  fileSize: number | null;
  sha256: string | null;
  error: { code: string; message: string } | null;
  /** The variants showing this media. */
  variantIds: string[];
}

export type CustomerView = ReturnType<typeof customerView>;
/** A seeded catalog: its id, context, publication (when products were given) and price list. */
export type SeededCatalog = ReturnType<typeof catalogView>;
/** A price list with its fixed prices, ascending by variant id. */
export type PriceListView = ReturnType<typeof priceListView>;
/** A seeded company: its ids, its locations' and addresses' ids, its main contact and customer, its roles by name. */
export type SeededCompany = ReturnType<typeof companyView>;

/** A typed client for the emulator's admin API, used by tests, benchmarks and the demo. */
export class EmulatorAdmin {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as T & { errors?: Array<{ field?: string; message: string }> };
    if (!response.ok) {
      const detail = payload.errors?.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
      throw new Error(`emulator admin ${method} ${path}: HTTP ${response.status} ${detail ?? ''}`.trim());
    }
    return payload;
  }

  createShop(seed: ShopSeed): Promise<unknown> {
    return this.call('POST', 'shops', seed);
  }

  async hasShop(domain: string): Promise<boolean> {
    const { shops } = await this.call<{ shops: Array<{ domain: string }> }>('GET', 'shops');
    return shops.some((shop) => shop.domain === domain);
  }

  updateShop(domain: string, changes: Partial<Pick<ShopSeed, 'token' | 'plan' | 'latencyMs' | 'name' | 'bulkLinesPerSecond' | 'mediaProcessingMs' | 'apiSecret' | 'webhookRetryDelaysMs'>> & { bucketSize?: number | null }): Promise<unknown> {
    return this.call('PATCH', `shops/${domain}`, changes);
  }

  addLocations(domain: string, locations: Array<Partial<LocationSeed> & { name: string }>): Promise<unknown> {
    return this.call('POST', `shops/${domain}/locations`, { locations });
  }

  setFaults(domain: string, faults: Array<Partial<FaultRule> & { kind: FaultRule['kind'] }>): Promise<unknown> {
    return this.call('PUT', `shops/${domain}/faults`, { faults });
  }

  clearFaults(domain: string): Promise<unknown> {
    return this.call('DELETE', `shops/${domain}/faults`);
  }

  seedPayouts(domain: string, body: { payouts?: unknown[]; balanceTransactions?: unknown[] }): Promise<{ payouts: Array<{ id: number }>; balanceTransactions: Array<{ id: number }> }> {
    return this.call('POST', `shops/${domain}/payouts`, body);
  }

  setPayoutStatus(domain: string, payoutId: number, status: 'SCHEDULED' | 'IN_TRANSIT' | 'PAID' | 'FAILED' | 'CANCELED'): Promise<unknown> {
    return this.call('POST', `shops/${domain}/payouts/${payoutId}`, { status });
  }

  /** Creates products (with their options and variants) as productSet would, without spending the shop's rate limit. */
  async seedProducts(domain: string, products: ProductSeed[]): Promise<SeededProduct[]> {
    return (await this.call<{ products: SeededProduct[] }>('POST', `shops/${domain}/products`, { products })).products;
  }

  /** Creates customers as customerCreate would (same rules), all or none, without spending the shop's rate limit; in the seeds' order. */
  async seedCustomers(domain: string, customers: CustomerSeed[]): Promise<CustomerView[]> {
    return (await this.call<{ customers: CustomerView[] }>('POST', `shops/${domain}/customers`, { customers })).customers;
  }

  /** Changes a customer as a merchant would in Shopify's admin; its updatedAt moves. */
  async updateCustomer(domain: string, id: string | number, changes: CustomerChange): Promise<CustomerView> {
    return (await this.call<{ customer: CustomerView }>('PATCH', `shops/${domain}/customers/${encodeURIComponent(String(id))}`, changes)).customer;
  }

  async getCustomer(domain: string, id: string | number): Promise<CustomerView> {
    return (await this.call<{ customer: CustomerView }>('GET', `shops/${domain}/customers/${encodeURIComponent(String(id))}`)).customer;
  }

  /**
   * Creates catalogs in one call, all or none, without spending the rate limit: each with a price list (its fixed
   * prices in the list's currency) and, when `productIds` is given, a publication of those products.
   */
  async seedCatalogs(domain: string, catalogs: CatalogSeed[]): Promise<SeededCatalog[]> {
    return (await this.call<{ catalogs: SeededCatalog[] }>('POST', `shops/${domain}/catalogs`, { catalogs })).catalogs;
  }

  /** A price list and its fixed prices, by gid or numeric id. */
  async getPriceList(domain: string, id: string | number): Promise<PriceListView> {
    return (await this.call<{ priceList: PriceListView }>('GET', `shops/${domain}/price-lists/${encodeURIComponent(String(id))}`)).priceList;
  }

  /** Creates companies (locations, main contact and its customer) as companyCreate would, all or none; Plus plans only. */
  async seedCompanies(domain: string, companies: CompanySeed[]): Promise<SeededCompany[]> {
    return (await this.call<{ companies: SeededCompany[] }>('POST', `shops/${domain}/companies`, { companies })).companies;
  }

  /** A product's media in gallery order, with their processing status and the sha256 of their bytes. */
  async getProductMedia(domain: string, id: string | number): Promise<ProductMediaView[]> {
    return (await this.call<{ media: ProductMediaView[] }>('GET', `shops/${domain}/products/${encodeURIComponent(String(id))}/media`)).media;
  }

  /** The stored record of a product, by gid or numeric id. */
  async getProduct(domain: string, id: string | number): Promise<EmulatedProduct> {
    return (await this.call<{ product: EmulatedProduct }>('GET', `shops/${domain}/products/${encodeURIComponent(String(id))}`)).product;
  }

  /** Sets quantities as a merchant would in Shopify's admin (no compare, no rate limit); answers the touched items' levels. */
  async setInventory(domain: string, levels: InventoryLevelSet[]): Promise<InventoryLevelView[]> {
    return (await this.call<{ levels: InventoryLevelView[] }>('PUT', `shops/${domain}/inventory`, { levels })).levels;
  }

  /** The shop's inventory levels, or those of one SKU. */
  async inventoryLevels(domain: string, sku?: string): Promise<InventoryLevelView[]> {
    const path = sku === undefined ? `shops/${domain}/inventory` : `shops/${domain}/inventory/${encodeURIComponent(sku)}`;
    return (await this.call<{ levels: InventoryLevelView[] }>('GET', path)).levels;
  }

  async stats(domain: string): Promise<ShopStats> {
    return (await this.call<{ stats: ShopStats }>('GET', `shops/${domain}/stats`)).stats;
  }

  deleteShop(domain: string): Promise<unknown> {
    return this.call('DELETE', `shops/${domain}`);
  }
}
