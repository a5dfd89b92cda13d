import type { ProductSeed } from './admin-api';
import type { EmulatedProduct } from './commerce';
import type { FaultRule } from './faults';
import type { ShopSeed, LocationSeed, ShopStats } from './state';

export interface SeededProduct {
  id: string;
  legacyResourceId: string;
  handle: string;
  /** In the order of the seed's variants. */
  variants: Array<{ id: string; sku: string | null; title: string }>;
}

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

  updateShop(domain: string, changes: Partial<Pick<ShopSeed, 'token' | 'plan' | 'latencyMs' | 'name' | 'bulkLinesPerSecond'>> & { bucketSize?: number | null }): Promise<unknown> {
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

  /** Creates products (with their options and variants) as productSet would, without spending the shop's rate limit. */
  async seedProducts(domain: string, products: ProductSeed[]): Promise<SeededProduct[]> {
    return (await this.call<{ products: SeededProduct[] }>('POST', `shops/${domain}/products`, { products })).products;
  }

  /** The stored record of a product, by gid or numeric id. */
  async getProduct(domain: string, id: string | number): Promise<EmulatedProduct> {
    return (await this.call<{ product: EmulatedProduct }>('GET', `shops/${domain}/products/${encodeURIComponent(String(id))}`)).product;
  }

  async stats(domain: string): Promise<ShopStats> {
    return (await this.call<{ stats: ShopStats }>('GET', `shops/${domain}/stats`)).stats;
  }

  deleteShop(domain: string): Promise<unknown> {
    return this.call('DELETE', `shops/${domain}`);
  }
}
