import type { Collection, Db } from 'mongodb';

/**
 * Per shop, Shopify inventory item and location: the quantity last confirmed in Shopify (by the
 * inventory task's own write, or read from Shopify by a full compare). It is the `changeFromQuantity`
 * of the next write, so a quantity changed in Shopify meanwhile is noticed instead of overwritten blind.
 */
export interface ShopInventoryDocument {
  _id: string;
  shop: string;
  inventoryItemId: string;
  locationId: string;
  confirmed: number;
  confirmedAt: Date;
}

const inventoryKey = (shop: string, inventoryItemId: string, locationId: string) => `${shop}|${inventoryItemId}|${locationId}`;

export class ShopInventoryRepository {
  private readonly levels: Collection<ShopInventoryDocument>;

  constructor(db: Db) {
    this.levels = db.collection<ShopInventoryDocument>('shopInventory');
  }

  async ensureIndexes(): Promise<void> {
    await this.levels.createIndex({ shop: 1, inventoryItemId: 1 });
  }

  /** The confirmed quantities of these inventory items, by `inventoryItemId|locationId`. */
  async confirmed(shop: string, inventoryItemIds: string[]): Promise<Map<string, number>> {
    const docs = await this.levels.find({ shop, inventoryItemId: { $in: inventoryItemIds } }).toArray();
    return new Map(docs.map((doc) => [`${doc.inventoryItemId}|${doc.locationId}`, doc.confirmed]));
  }

  async confirm(shop: string, quantities: Array<{ inventoryItemId: string; locationId: string; quantity: number }>): Promise<void> {
    if (!quantities.length) return;
    const now = new Date();
    await this.levels.bulkWrite(
      quantities.map((q) => ({
        updateOne: {
          filter: { _id: inventoryKey(shop, q.inventoryItemId, q.locationId) },
          update: { $set: { shop, inventoryItemId: q.inventoryItemId, locationId: q.locationId, confirmed: q.quantity, confirmedAt: now } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
}
