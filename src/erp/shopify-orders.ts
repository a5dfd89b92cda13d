import type { Collection, Db, Filter } from 'mongodb';
import { conflictOf, fingerprintOf, type OrderFingerprint, type ShopifyOrder } from '../domain/order';
import { shopKey } from './keys';

/** The mirror of one Shopify order and what the ERP made of it (the connector's order header). */
export interface ShopifyOrderDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  name: string;
  updatedAt: string;
  order: ShopifyOrder;
  importedAt: Date;
  processed: boolean;
  document: { type: 'order' | 'invoice'; no: string } | null;
  erpCustomerNo: string | null;
  /** What the order looked like when its document was made, for conflict detection. */
  fingerprint: OrderFingerprint | null;
  /** The refunds the order's document already accounts for (it leaves refunded lines out): they get no credit memo. */
  coveredRefundIds?: string[];
  orderStateConflict: boolean;
  conflict: { message: string; at: Date } | null;
  error: { message: string; at: Date } | null;
}

export interface OrderFilters {
  financialStatus?: string;
  fulfillmentStatus?: string;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'conflict';

export type StoredVersion = Pick<ShopifyOrderDocument, 'shopifyId' | 'updatedAt' | 'processed' | 'fingerprint' | 'orderStateConflict'>;
const VERSION_FIELDS = { shopifyId: 1, updatedAt: 1, processed: 1, fingerprint: 1, orderStateConflict: 1 } as const;

export class ShopifyOrderRepository {
  private readonly orders: Collection<ShopifyOrderDocument>;

  constructor(db: Db) {
    this.orders = db.collection<ShopifyOrderDocument>('shopifyOrders');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.orders.createIndex({ shop: 1, processed: 1 }), this.orders.createIndex({ shop: 1, orderStateConflict: 1 })]);
  }

  /**
   * Stores what Shopify reported. A version not newer than the stored one changes nothing (so a
   * repeated page is a no-op); a processed order that changed in a way the document cannot follow
   * is flagged as a conflict, not re-processed. Errors are kept until processing runs again.
   */
  /** What upsertFromShopify needs to know of the stored orders, read for a whole page at once. */
  async storedVersions(shop: string, shopifyIds: string[]): Promise<Map<string, StoredVersion>> {
    // One lookup by _id each, side by side: FerretDB answers those from its index, where an $in scans.
    const docs = await Promise.all(shopifyIds.map((id) => this.orders.findOne({ _id: shopKey(shop, id) }, { projection: VERSION_FIELDS })));
    return new Map(docs.filter((doc): doc is NonNullable<typeof doc> => doc !== null).map((doc) => [doc.shopifyId, doc]));
  }

  /** Stores an order as Shopify reports it; `stored` saves the read when the caller has it (null: not stored yet). */
  async upsertFromShopify(shop: string, order: ShopifyOrder, stored?: StoredVersion | null): Promise<UpsertOutcome> {
    const _id = shopKey(shop, order.shopifyId);
    const existing = stored !== undefined ? stored : await this.orders.findOne({ _id }, { projection: VERSION_FIELDS });
    if (!existing) {
      try {
        await this.orders.insertOne({
          _id, shop, shopifyId: order.shopifyId, name: order.name, updatedAt: order.updatedAt, order, importedAt: new Date(),
          processed: false, document: null, erpCustomerNo: null, fingerprint: null, orderStateConflict: false, conflict: null, error: null,
        });
        return 'created';
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        return this.upsertFromShopify(shop, order); // a concurrent import stored it first
      }
    }
    if (existing.updatedAt >= order.updatedAt) return 'unchanged';
    const conflict = existing.processed && existing.fingerprint && !existing.orderStateConflict ? conflictOf(existing.fingerprint, order) : undefined;
    await this.orders.updateOne(
      { _id, updatedAt: existing.updatedAt },
      {
        $set: {
          order, name: order.name, updatedAt: order.updatedAt, importedAt: new Date(),
          ...(conflict ? { orderStateConflict: true, conflict: { message: conflict, at: new Date() } } : {}),
        },
      },
    );
    return conflict ? 'conflict' : 'updated';
  }

  async get(shop: string, shopifyId: string): Promise<ShopifyOrderDocument | null> {
    return this.orders.findOne({ _id: shopKey(shop, shopifyId) });
  }

  /** Ids of orders waiting for a sales document (errored ones included: they are retried), oldest first. */
  async unprocessedIds(shop: string, filters: OrderFilters, afterId: string | null, limit: number): Promise<string[]> {
    const query: Filter<ShopifyOrderDocument> = { shop, processed: false };
    if (filters.financialStatus) query['order.financialStatus'] = filters.financialStatus;
    if (filters.fulfillmentStatus) query['order.fulfillmentStatus'] = filters.fulfillmentStatus;
    if (afterId) query._id = { $gt: afterId };
    const docs = await this.orders.find(query, { projection: { _id: 1, shopifyId: 1 } }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((doc) => doc._id);
  }

  async getByKey(key: string): Promise<ShopifyOrderDocument | null> {
    return this.orders.findOne({ _id: key });
  }

  async markProcessed(key: string, document: ShopifyOrderDocument['document'], customerNo: string, order: ShopifyOrder): Promise<void> {
    await this.orders.updateOne(
      { _id: key },
      { $set: { processed: true, document, erpCustomerNo: customerNo, fingerprint: fingerprintOf(order), coveredRefundIds: (order.refunds ?? []).map((r) => r.shopifyId), error: null } },
    );
  }

  async recordError(key: string, message: string): Promise<void> {
    await this.orders.updateOne({ _id: key }, { $set: { error: { message: message.slice(0, 2000), at: new Date() } } });
  }

  /** The user's "mark conflict as resolved": the document stays as it is, the flag goes. */
  async resolveConflict(shop: string, shopifyId: string): Promise<boolean> {
    const result = await this.orders.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: { orderStateConflict: false, conflict: null } });
    return result.modifiedCount === 1;
  }

  /** The shop's orders for people to read, newest first (Shopify's createdAt): the mirror without the order's lines and addresses. */
  async listNewest(shop: string, limit: number): Promise<OrderListEntry[]> {
    const projection = {
      shopifyId: 1, name: 1, importedAt: 1, processed: 1, document: 1, orderStateConflict: 1, conflict: 1, error: 1,
      'order.createdAt': 1, 'order.financialStatus': 1, 'order.fulfillmentStatus': 1,
    };
    return this.orders.find<OrderListEntry>({ shop }, { projection }).sort({ 'order.createdAt': -1, _id: -1 }).limit(limit).toArray();
  }
}

/** One order as listNewest reads it. */
export type OrderListEntry = Pick<ShopifyOrderDocument, '_id' | 'shopifyId' | 'name' | 'importedAt' | 'processed' | 'document' | 'orderStateConflict' | 'conflict' | 'error'> & {
  order: Pick<ShopifyOrder, 'createdAt' | 'financialStatus' | 'fulfillmentStatus'>;
};
