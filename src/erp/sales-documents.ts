import type { Collection, Db } from 'mongodb';
import type { SalesDocumentDraft, SalesDocumentType } from '../domain/sales-document';
import { isDuplicateKey } from './keys';

export type SalesDocumentStatus = 'open' | 'released' | 'posted';

export interface SalesDocument extends SalesDocumentDraft {
  _id: string;
  shop: string;
  status: SalesDocumentStatus;
  createdAt: Date;
  postedAt: Date | null;
  shippingAgent: { name: string; trackingUrl: string | null } | null;
  packageTrackingNo: string | null;
  postedShipmentNo: string | null;
  postedInvoiceNo: string | null;
}

export class DocumentNumberTakenError extends Error {}

/**
 * Sales orders and invoices, at most one per Shopify order and shop, and credit memos and return
 * orders, at most one per Shopify refund (one unique index says both: an order's own document has no
 * refund id).
 */
export class SalesDocumentRepository {
  private readonly documents: Collection<SalesDocument>;

  constructor(db: Db) {
    this.documents = db.collection<SalesDocument>('salesDocuments');
  }

  async ensureIndexes(): Promise<void> {
    // Documents stored before credit memos had no refund id, and their unique index was on the order alone.
    await this.documents.updateMany({ shopifyRefundId: { $exists: false } }, { $set: { shopifyRefundId: null } });
    const indexes = await this.documents.indexes().catch(() => []);
    if (indexes.some((index) => index.name === 'shop_1_shopifyOrderId_1')) await this.documents.dropIndex('shop_1_shopifyOrderId_1');
    await Promise.all([
      this.documents.createIndex({ shop: 1, shopifyOrderId: 1, shopifyRefundId: 1 }, { unique: true }),
      this.documents.createIndex({ shop: 1, type: 1, status: 1 }),
    ]);
  }

  /** The order's own document (its sales order or invoice), not its credit memos. */
  async findByOrder(shop: string, shopifyOrderId: string): Promise<SalesDocument | null> {
    return this.documents.findOne({ shop, shopifyOrderId, shopifyRefundId: null });
  }

  async findByRefund(shop: string, shopifyOrderId: string, shopifyRefundId: string): Promise<SalesDocument | null> {
    return this.documents.findOne({ shop, shopifyOrderId, shopifyRefundId });
  }

  async get(no: string): Promise<SalesDocument | null> {
    return this.documents.findOne({ _id: no });
  }

  /**
   * Creates the document for an order, or returns the one that already exists for it (a retry after
   * a crash, or a second run): never two documents for one order.
   */
  async createForOrder(shop: string, no: string, draft: SalesDocumentDraft, release: boolean): Promise<SalesDocument> {
    return this.createOnce(shop, no, draft, release, () => this.findByOrder(shop, draft.shopifyOrderId));
  }

  /** Creates the credit memo (or return order) of a refund, or returns the one already made for it. */
  async createForRefund(shop: string, no: string, draft: SalesDocumentDraft & { shopifyRefundId: string }, release: boolean): Promise<SalesDocument> {
    return this.createOnce(shop, no, draft, release, () => this.findByRefund(shop, draft.shopifyOrderId, draft.shopifyRefundId));
  }

  private async createOnce(shop: string, no: string, draft: SalesDocumentDraft, release: boolean, existingOne: () => Promise<SalesDocument | null>): Promise<SalesDocument> {
    const document: SalesDocument = {
      ...draft,
      _id: no,
      shop,
      status: release ? 'released' : 'open',
      createdAt: new Date(),
      postedAt: null,
      shippingAgent: null,
      packageTrackingNo: null,
      postedShipmentNo: null,
      postedInvoiceNo: null,
    };
    try {
      await this.documents.insertOne(document);
      return document;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await existingOne();
      if (existing) return existing;
      throw new DocumentNumberTakenError(`document number ${no} is already used by another document`);
    }
  }

  /** What the warehouse records before posting: the carrier and the package's tracking number. */
  async setShippingInfo(no: string, info: { agent: { name: string; trackingUrl?: string }; trackingNo: string }): Promise<void> {
    await this.documents.updateOne({ _id: no }, { $set: { shippingAgent: { name: info.agent.name, trackingUrl: info.agent.trackingUrl ?? null }, packageTrackingNo: info.trackingNo } });
  }

  async release(no: string): Promise<void> {
    await this.documents.updateOne({ _id: no, status: 'open' }, { $set: { status: 'released' } });
  }

  /** Released documents of one type that came from Shopify and are not posted yet. */
  async releasedFromShopify(shop: string, type: SalesDocumentType, limit: number): Promise<SalesDocument[]> {
    return this.documents.find({ shop, type, status: 'released' }).sort({ _id: 1 }).limit(limit).toArray();
  }

  async markPosted(no: string, postedShipmentNo: string | null, postedInvoiceNo: string): Promise<void> {
    await this.documents.updateOne({ _id: no }, { $set: { status: 'posted', postedAt: new Date(), postedShipmentNo, postedInvoiceNo } });
  }

  /** Every document made from one order (its sales order or invoice, its credit memos and return orders), oldest first, without lines. */
  async listForOrder(shop: string, shopifyOrderId: string): Promise<SalesDocumentSummary[]> {
    const projection = { type: 1, status: 1, shopifyOrderId: 1, shopifyRefundId: 1, amount: 1, currencyCode: 1, createdAt: 1, postedShipmentNo: 1, postedInvoiceNo: 1 };
    return this.documents.find<SalesDocumentSummary>({ shop, shopifyOrderId }, { projection }).sort({ createdAt: 1, _id: 1 }).toArray();
  }
}

/** One document as listForOrder reads it. */
export type SalesDocumentSummary = Pick<SalesDocument, '_id' | 'type' | 'status' | 'shopifyOrderId' | 'shopifyRefundId' | 'amount' | 'currencyCode' | 'createdAt' | 'postedShipmentNo' | 'postedInvoiceNo'>;
