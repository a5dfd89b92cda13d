import type { Collection, Db } from 'mongodb';
import { IDS_PER_QUERY, shopKey } from './keys';

/**
 * What the inventory task needs to find its work by id, per shop:
 * - pending variants: linked (or relinked) since the task last confirmed their stock, or refused by
 *   Shopify; a small set, read whole;
 * - the variants of each ERP item (and item variant), so a stock change finds its variants without
 *   reading every link. Written by the inventory task as it sees variants; a hint, checked against
 *   the link each time (a variant linked elsewhere since is simply passed over).
 */
interface PendingVariant {
  _id: string;
  shop: string;
  variantId: string;
}

interface ItemVariants {
  _id: string;
  variantIds: string[];
}


export class StockTargetRepository {
  private readonly pending: Collection<PendingVariant>;
  private readonly byItem: Collection<ItemVariants>;

  constructor(db: Db) {
    this.pending = db.collection<PendingVariant>('stockPending');
    this.byItem = db.collection<ItemVariants>('stockVariantsByItem');
  }

  async markPending(shop: string, variantIds: string[]): Promise<void> {
    if (!variantIds.length) return;
    await this.pending.bulkWrite(
      variantIds.map((variantId) => ({ updateOne: { filter: { _id: shopKey(shop, variantId) }, update: { $set: { shop, variantId } }, upsert: true } })),
      { ordered: false },
    );
  }

  /** Pending variants of the shop in id order, after `after`. */
  async pendingVariants(shop: string, after: string | null, limit: number): Promise<Array<{ key: string; variantId: string }>> {
    const found = await this.pending.find({ shop, ...(after === null ? {} : { _id: { $gt: after } }) }).sort({ _id: 1 }).limit(limit).toArray();
    return found.map((p) => ({ key: p._id, variantId: p.variantId }));
  }

  async done(shop: string, variantIds: string[]): Promise<void> {
    for (let start = 0; start < variantIds.length; start += IDS_PER_QUERY) {
      await this.pending.deleteMany({ _id: { $in: variantIds.slice(start, start + IDS_PER_QUERY).map((id) => shopKey(shop, id)) } });
    }
  }

  /** Records which variants stand for these items (by item key); writes only what is new. */
  async remember(shop: string, variants: Array<{ itemKey: string; variantId: string }>): Promise<void> {
    const known = await this.variantIdsOf(shop, [...new Set(variants.map((v) => v.itemKey))]);
    const missing = variants.filter((v) => !known.get(v.itemKey)?.includes(v.variantId));
    if (!missing.length) return;
    await this.byItem.bulkWrite(
      missing.map((v) => ({ updateOne: { filter: { _id: shopKey(shop, v.itemKey) }, update: { $addToSet: { variantIds: v.variantId } }, upsert: true } })),
      { ordered: true },
    );
  }

  /** The variant ids last seen for these item keys. */
  async variantIdsOf(shop: string, itemKeys: string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    const prefix = shopKey(shop, '');
    for (let start = 0; start < itemKeys.length; start += IDS_PER_QUERY) {
      for (const doc of await this.byItem.find({ _id: { $in: itemKeys.slice(start, start + IDS_PER_QUERY).map((k) => shopKey(shop, k)) } }).toArray()) {
        found.set(doc._id.slice(prefix.length), doc.variantIds);
      }
    }
    return found;
  }
}
