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
/**
 * Which document an order or a refund got, under a key made of the shop, the order and the refund.
 * FerretDB finds a document by `_id` in its index but reads the whole collection for any other
 * filter, which made "has this order a document yet?" cost a scan of every document per order.
 */
interface DocumentKey {
  _id: string;
  no: string;
}

/** Marks the key collection as filled for the documents stored before it existed. */
const KEYS_FILLED = 'keys filled';

export class SalesDocumentRepository {
  private readonly documents: Collection<SalesDocument>;
  private readonly keys: Collection<DocumentKey>;

  constructor(db: Db) {
    this.documents = db.collection<SalesDocument>('salesDocuments');
    this.keys = db.collection<DocumentKey>('salesDocumentKeys');
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
    await this.fillKeys();
  }

  /** Once per database: keys for the documents stored before the keys existed (repeating it is harmless). */
  private async fillKeys(): Promise<void> {
    if (await this.keys.findOne({ _id: KEYS_FILLED })) return;
    let batch: DocumentKey[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length) await this.keys.bulkWrite(batch.map((key) => ({ updateOne: { filter: { _id: key._id }, update: { $set: { no: key.no } }, upsert: true } })));
      batch = [];
    };
    for await (const doc of this.documents.find({}, { projection: { shop: 1, shopifyOrderId: 1, shopifyRefundId: 1 } })) {
      batch.push({ _id: documentKey(doc.shop, doc.shopifyOrderId, doc.shopifyRefundId ?? null), no: doc._id });
      if (batch.length === 500) await flush();
    }
    await flush();
    await this.keys.updateOne({ _id: KEYS_FILLED }, { $set: { no: '' } }, { upsert: true });
  }

  /** The order's own document (its sales order or invoice), not its credit memos. */
  async findByOrder(shop: string, shopifyOrderId: string): Promise<SalesDocument | null> {
    return this.findByKey(documentKey(shop, shopifyOrderId, null));
  }

  async findByRefund(shop: string, shopifyOrderId: string, shopifyRefundId: string): Promise<SalesDocument | null> {
    return this.findByKey(documentKey(shop, shopifyOrderId, shopifyRefundId));
  }

  private async findByKey(key: string): Promise<SalesDocument | null> {
    const found = await this.keys.findOne({ _id: key });
    return found ? this.get(found.no) : null;
  }

  async get(no: string): Promise<SalesDocument | null> {
    return this.documents.findOne({ _id: no });
  }

  /**
   * Creates the document for an order, or returns the one that already exists for it (a retry after
   * a crash, or a second run): never two documents for one order.
   */
  async createForOrder(shop: string, no: string, draft: SalesDocumentDraft, release: boolean): Promise<SalesDocument> {
    return this.createOnce(shop, no, draft, null, release);
  }

  /** Creates the credit memo (or return order) of a refund, or returns the one already made for it. */
  async createForRefund(shop: string, no: string, draft: SalesDocumentDraft & { shopifyRefundId: string }, release: boolean): Promise<SalesDocument> {
    return this.createOnce(shop, no, draft, draft.shopifyRefundId, release);
  }

  /**
   * The unique index on shop, order and refund keeps it to one document; the key is written after it.
   * A crash between the two leaves a document without a key: the next attempt's insert hits the
   * index, finds the document the slow way, and writes its key.
   */
  private async createOnce(shop: string, no: string, draft: SalesDocumentDraft, shopifyRefundId: string | null, release: boolean): Promise<SalesDocument> {
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
    const key = documentKey(shop, draft.shopifyOrderId, shopifyRefundId);
    try {
      await this.documents.insertOne(document);
      await this.keys.updateOne({ _id: key }, { $set: { no } }, { upsert: true });
      return document;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.documents.findOne({ shop, shopifyOrderId: draft.shopifyOrderId, shopifyRefundId });
      if (!existing) throw new DocumentNumberTakenError(`document number ${no} is already used by another document`);
      await this.keys.updateOne({ _id: key }, { $set: { no: existing._id } }, { upsert: true });
      return existing;
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

function documentKey(shop: string, shopifyOrderId: string, shopifyRefundId: string | null): string {
  return `${shop}|${shopifyOrderId}|${shopifyRefundId ?? ''}`;
}

/** One document as listForOrder reads it. */
export type SalesDocumentSummary = Pick<SalesDocument, '_id' | 'type' | 'status' | 'shopifyOrderId' | 'shopifyRefundId' | 'amount' | 'currencyCode' | 'createdAt' | 'postedShipmentNo' | 'postedInvoiceNo'>;
