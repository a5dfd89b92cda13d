import type { Collection, Db } from 'mongodb';
import { IDS_PER_QUERY } from './keys';

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

  /** The confirmed quantities of these inventory items at these locations, by `inventoryItemId|locationId`. */
  async confirmed(shop: string, inventoryItemIds: string[], locationIds: string[]): Promise<Map<string, number>> {
    const ids = inventoryItemIds.flatMap((item) => locationIds.map((location) => inventoryKey(shop, item, location)));
    const found = new Map<string, number>();
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      for (const doc of await this.levels.find({ _id: { $in: ids.slice(start, start + IDS_PER_QUERY) } }).toArray()) found.set(`${doc.inventoryItemId}|${doc.locationId}`, doc.confirmed);
    }
    return found;
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
