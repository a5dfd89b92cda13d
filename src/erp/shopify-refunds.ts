import type { Collection, Db } from 'mongodb';
import type { RefundVersion, ShopifyRefund } from '../domain/refund';
import { isDuplicateKey, shopKey } from './keys';

/**
 * Where a refund stands in the ERP:
 * - `new`: imported, not looked at yet (or looked at and waiting: `reason` says for what);
 * - `credited`: its credit memo or return order is made (`documentNo`);
 * - `inOrderDocument`: it came before the order's document, which already leaves its lines out;
 * - `nothingToCredit`: no money went back and nothing was restocked;
 * - `error`: it cannot become a document as things are (`reason` says what to fix); retried each run.
 */
export type RefundState = 'new' | 'credited' | 'inOrderDocument' | 'nothingToCredit' | 'error';

export interface ShopifyRefundDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  orderId: string;
  /** The key of the order's mirror. */
  orderKey: string;
  orderName: string;
  updatedAt: string;
  refund: ShopifyRefund;
  importedAt: Date;
  state: RefundState;
  /** Open (new or error) until the refund is settled one way or the other. */
  open: boolean;
  documentNo: string | null;
  reason: string | null;
  at: Date | null;
}

const OPEN_STATES: RefundState[] = ['new', 'error'];

/** The refunds of Shopify orders (the connector's refund headers), one per refund and shop. */
export class ShopifyRefundRepository {
  private readonly refunds: Collection<ShopifyRefundDocument>;

  constructor(db: Db) {
    this.refunds = db.collection<ShopifyRefundDocument>('shopifyRefunds');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.refunds.createIndex({ shop: 1, open: 1 }), this.refunds.createIndex({ shop: 1, orderId: 1 })]);
  }

  /** Which of these refunds are stored as Shopify last reported them: the others need reading. */
  async staleOf(shop: string, versions: RefundVersion[]): Promise<RefundVersion[]> {
    const stored = await Promise.all(versions.map((v) => this.refunds.findOne({ _id: shopKey(shop, v.shopifyId) }, { projection: { updatedAt: 1 } })));
    return versions.filter((version, index) => (stored[index]?.updatedAt ?? '') < version.updatedAt);
  }

  /**
   * Stores a refund as Shopify reports it. An older or equal version changes nothing; a newer one
   * replaces the copy, and an open refund is looked at again (a pending transaction that went through).
   */
  async upsertFromShopify(shop: string, order: { key: string; name: string }, refund: ShopifyRefund): Promise<'created' | 'updated' | 'unchanged'> {
    const _id = shopKey(shop, refund.shopifyId);
    try {
      await this.refunds.insertOne({
        _id, shop, shopifyId: refund.shopifyId, orderId: refund.orderId, orderKey: order.key, orderName: order.name, updatedAt: refund.updatedAt, refund, importedAt: new Date(),
        state: 'new', open: true, documentNo: null, reason: null, at: null,
      });
      return 'created';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const result = await this.refunds.updateOne({ _id, updatedAt: { $lt: refund.updatedAt } }, { $set: { refund, updatedAt: refund.updatedAt, importedAt: new Date() } });
    return result.modifiedCount === 1 ? 'updated' : 'unchanged';
  }

  async get(shop: string, shopifyId: string): Promise<ShopifyRefundDocument | null> {
    return this.refunds.findOne({ _id: shopKey(shop, shopifyId) });
  }

  async getByKey(key: string): Promise<ShopifyRefundDocument | null> {
    return this.refunds.findOne({ _id: key });
  }

  /** Keys of the refunds still to settle (new, waiting or in error), in key order. */
  async openKeys(shop: string, afterKey: string | null, limit: number): Promise<string[]> {
    const query = afterKey ? { shop, open: true, _id: { $gt: afterKey } } : { shop, open: true };
    const docs = await this.refunds.find(query, { projection: { _id: 1 } }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((doc) => doc._id);
  }

  async forOrder(shop: string, orderId: string): Promise<ShopifyRefundDocument[]> {
    return this.refunds.find({ shop, orderId }).sort({ _id: 1 }).toArray();
  }

  async settle(key: string, state: RefundState, details: { documentNo?: string; reason?: string }): Promise<void> {
    await this.refunds.updateOne(
      { _id: key },
      { $set: { state, open: OPEN_STATES.includes(state), documentNo: details.documentNo ?? null, reason: details.reason?.slice(0, 2000) ?? null, at: new Date() } },
    );
  }
}
