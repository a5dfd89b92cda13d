import type { Collection, Db } from 'mongodb';

/**
 * A Shopify location of a shop (the connector's "Shpfy Shop Location"). Shopify's fields are
 * refreshed by every sync; the ERP settings (stock calculation, location filter, ...) are the
 * merchant's and are never overwritten by a refresh.
 */
export interface ShopLocationDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  name: string;
  active: boolean;
  fulfillsOnlineOrders: boolean;
  city: string | null;
  countryCode: string | null;
  removedFromShopify: boolean;
  refreshedAt: Date;
  /** How the inventory task computes this location's stock: not at all, on hand − reserved, or projected available today. */
  stockCalculation: StockCalculation;
  /** ERP location codes whose stock this Shopify location shows (`EAST|WEST`, `*` wildcards); null: every location. */
  locationFilter: string | null;
  defaultLocationCode: string | null;
  defaultProductLocation: boolean;
}

export const STOCK_CALCULATIONS = ['off', 'freeInventory', 'projectedAvailable'] as const;
export type StockCalculation = (typeof STOCK_CALCULATIONS)[number];

export type ShopifyLocationFields = Pick<ShopLocationDocument, 'shopifyId' | 'name' | 'active' | 'fulfillsOnlineOrders' | 'city' | 'countryCode'>;

export function locationKey(shop: string, shopifyId: string): string {
  return `${shop}|${shopifyId}`;
}

export class LocationRepository {
  private readonly locations: Collection<ShopLocationDocument>;

  constructor(db: Db) {
    this.locations = db.collection<ShopLocationDocument>('shopLocations');
  }

  async ensureIndexes(): Promise<void> {
    await this.locations.createIndex({ shop: 1, shopifyId: 1 }, { unique: true });
  }

  /**
   * Records the locations Shopify reported, keyed by their GID so a repeated refresh changes nothing;
   * locations no longer reported are flagged, not deleted, because ERP settings hang on them.
   */
  async syncFromShopify(shop: string, reported: ShopifyLocationFields[], refreshedAt: Date): Promise<{ upserted: number; removed: number }> {
    let upserted = 0;
    for (const location of reported) {
      const result = await this.locations.updateOne(
        { _id: locationKey(shop, location.shopifyId) },
        {
          $set: { ...location, shop, removedFromShopify: false, refreshedAt },
          $setOnInsert: { stockCalculation: 'off', locationFilter: null, defaultLocationCode: null, defaultProductLocation: false },
        },
        { upsert: true },
      );
      upserted += result.upsertedCount;
    }
    const removed = await this.locations.updateMany(
      { shop, shopifyId: { $nin: reported.map((location) => location.shopifyId) }, removedFromShopify: false },
      { $set: { removedFromShopify: true, refreshedAt } },
    );
    return { upserted, removed: removed.modifiedCount };
  }

  /** Sets the ERP side of a location (the merchant's settings); returns null when the shop has no such location. */
  async configure(shop: string, location: string, settings: Partial<Pick<ShopLocationDocument, 'stockCalculation' | 'locationFilter' | 'defaultLocationCode'>>): Promise<ShopLocationDocument | null> {
    const filter = { shop, $or: [{ shopifyId: location }, { name: location }] };
    return this.locations.findOneAndUpdate(filter, { $set: settings }, { returnDocument: 'after' });
  }

  async list(shop: string): Promise<ShopLocationDocument[]> {
    return this.locations.find({ shop }).sort({ name: 1 }).toArray();
  }
}
