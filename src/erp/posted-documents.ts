import type { Collection, Db, Filter } from 'mongodb';
import type { PlannedLocation } from '../domain/fulfillment-plan';
import { isDuplicateKey } from './keys';
import type { SalesDocument } from './sales-documents';

/** `waiting`: Shopify holds what the shipment needs (on hold, scheduled, a fulfillment service's); each run tries again. */
export type FulfillmentState = 'unprocessed' | 'waiting' | 'sent' | 'error' | 'nothingToSend';

/** The states a run sends from. */
export const SHIPMENT_STATES_TO_SEND: FulfillmentState[] = ['unprocessed', 'waiting'];

export interface PostedShipmentLine {
  lineNo: number;
  itemNo: string;
  variantCode: string | null;
  description: string;
  quantity: number;
  shopifyOrderLineId: string | null;
}

/** A posted sales shipment, and where it stands with Shopify (the connector's "Shpfy Fulfillment Id"). */
export interface PostedShipment {
  _id: string;
  shop: string;
  salesOrderNo: string;
  shopifyOrderId: string | null;
  shopifyOrderName: string | null;
  customerNo: string;
  postingDate: string;
  postedAt: Date;
  lines: PostedShipmentLine[];
  shippingAgent: { name: string; trackingUrl: string | null } | null;
  trackingNo: string | null;
  fulfillment: {
    state: FulfillmentState;
    fulfillmentIds: string[];
    error: string | null;
    /** Why a `waiting` shipment waits. Absent on shipments stored before waiting existed. */
    waitingFor?: string | null;
    /** Set just before fulfillmentCreate is sent, so that a retry can recognise a fulfillment already made. */
    attemptStartedAt: string | null;
    /** What each fulfillmentCreate of the attempt was to fulfil, per location (absent on older shipments). */
    attemptPlans?: PlannedLocation[] | null;
    at: Date | null;
  };
}

export interface PostedInvoice {
  _id: string;
  shop: string;
  salesDocumentNo: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  customerNo: string;
  postingDate: string;
  postedAt: Date;
  amount: string;
  lineCount: number;
}

/** A posted sales credit memo, from a credit memo or a return order made for a Shopify refund. */
export interface PostedCreditMemo {
  _id: string;
  shop: string;
  salesDocumentNo: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  shopifyRefundId: string | null;
  customerNo: string;
  postingDate: string;
  postedAt: Date;
  amount: string;
  lineCount: number;
}

export interface ShipmentFilters {
  documentNo?: string;
  customerNo?: string;
  postingDateFrom?: string;
  postingDateTo?: string;
}

async function insertOnce<T extends { _id: string }>(collection: Collection<T>, document: T): Promise<void> {
  try {
    await collection.insertOne(document as Parameters<Collection<T>['insertOne']>[0]);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // posted by an earlier attempt
  }
}

/**
 * Posting (the ERP's batch posting, reports 296 and 297): a released sales order is shipped and
 * invoiced, a released sales invoice is invoiced. Posted numbers derive from the document number,
 * so posting the same document again finds what it posted before instead of posting twice.
 */
export class PostedDocumentRepository {
  private readonly shipments: Collection<PostedShipment>;
  private readonly invoices: Collection<PostedInvoice>;
  private readonly creditMemos: Collection<PostedCreditMemo>;

  constructor(db: Db) {
    this.shipments = db.collection<PostedShipment>('salesShipments');
    this.invoices = db.collection<PostedInvoice>('salesInvoices');
    this.creditMemos = db.collection<PostedCreditMemo>('salesCreditMemos');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.shipments.createIndex({ shop: 1, 'fulfillment.state': 1 }),
      this.invoices.createIndex({ shop: 1, shopifyOrderId: 1 }),
      this.creditMemos.createIndex({ shop: 1, shopifyOrderId: 1 }),
    ]);
  }

  /** Posts a credit memo or return order as a posted credit memo (a return order's receipt is not modelled). */
  private async postCreditMemo(document: SalesDocument, postingDate: string): Promise<{ shipmentNo: null; invoiceNo: string }> {
    const creditMemoNo = `PCM-${document._id}`;
    await insertOnce(this.creditMemos, {
      _id: creditMemoNo,
      shop: document.shop,
      salesDocumentNo: document._id,
      shopifyOrderId: document.shopifyOrderId,
      shopifyOrderName: document.shopifyOrderNo,
      shopifyRefundId: document.shopifyRefundId,
      customerNo: document.billToCustomerNo,
      postingDate,
      postedAt: new Date(),
      amount: document.amount,
      lineCount: document.lines.length,
    });
    return { shipmentNo: null, invoiceNo: creditMemoNo };
  }

  async creditMemo(no: string): Promise<PostedCreditMemo | null> {
    return this.creditMemos.findOne({ _id: no });
  }

  /** Posts a document: an order is shipped and invoiced, an invoice invoiced, a credit memo or return order credited. */
  async post(document: SalesDocument, postingDate: string): Promise<{ shipmentNo: string | null; invoiceNo: string }> {
    if (document.type === 'creditMemo' || document.type === 'returnOrder') return this.postCreditMemo(document, postingDate);
    const lines: PostedShipmentLine[] = document.lines
      .filter((line) => line.type === 'item' && line.quantity > 0 && line.no)
      .map((line) => ({ lineNo: line.lineNo, itemNo: line.no as string, variantCode: line.variantCode, description: line.description, quantity: line.quantity, shopifyOrderLineId: line.shopifyOrderLineId }));
    let shipmentNo: string | null = null;
    if (document.type === 'order' && lines.length > 0) {
      shipmentNo = `PS-${document._id}`;
      await insertOnce(this.shipments, {
        _id: shipmentNo,
        shop: document.shop,
        salesOrderNo: document._id,
        shopifyOrderId: document.shopifyOrderId,
        shopifyOrderName: document.shopifyOrderNo,
        customerNo: document.sellToCustomerNo,
        postingDate,
        postedAt: new Date(),
        lines,
        shippingAgent: document.shippingAgent,
        trackingNo: document.packageTrackingNo,
        fulfillment: { state: 'unprocessed', fulfillmentIds: [], error: null, waitingFor: null, attemptStartedAt: null, attemptPlans: null, at: null },
      });
    }
    const invoiceNo = `PI-${document._id}`;
    await insertOnce(this.invoices, {
      _id: invoiceNo,
      shop: document.shop,
      salesDocumentNo: document._id,
      shopifyOrderId: document.shopifyOrderId,
      shopifyOrderName: document.shopifyOrderNo,
      customerNo: document.billToCustomerNo,
      postingDate,
      postedAt: new Date(),
      amount: document.amount,
      lineCount: document.lines.length,
    });
    return { shipmentNo, invoiceNo };
  }

  async shipment(no: string): Promise<PostedShipment | null> {
    return this.shipments.findOne({ _id: no });
  }

  async invoice(no: string): Promise<PostedInvoice | null> {
    return this.invoices.findOne({ _id: no });
  }

  /** Posted shipments of Shopify orders not yet sent as fulfillments, matching the filters. */
  async shipmentsToSend(shop: string, filters: ShipmentFilters, afterNo: string | null, limit: number): Promise<PostedShipment[]> {
    const query: Filter<PostedShipment> = { shop, shopifyOrderId: { $ne: null }, 'fulfillment.state': { $in: SHIPMENT_STATES_TO_SEND } };
    if (filters.documentNo) query._id = filters.documentNo;
    else if (afterNo) query._id = { $gt: afterNo };
    if (filters.customerNo) query.customerNo = filters.customerNo;
    if (filters.postingDateFrom || filters.postingDateTo) {
      query.postingDate = { ...(filters.postingDateFrom ? { $gte: filters.postingDateFrom } : {}), ...(filters.postingDateTo ? { $lte: filters.postingDateTo } : {}) };
    }
    return this.shipments.find(query).sort({ _id: 1 }).limit(limit).toArray();
  }

  /**
   * Writes down an attempt before its fulfillmentCreate calls: the first start stays (a retry's window
   * covers the whole attempt) and the plans add up, so every call that may have gone through is known.
   */
  async markAttempt(shipment: PostedShipment, startedAt: string, plans: PlannedLocation[]): Promise<void> {
    await this.shipments.updateOne(
      { _id: shipment._id },
      { $set: { 'fulfillment.attemptStartedAt': shipment.fulfillment.attemptStartedAt ?? startedAt, 'fulfillment.attemptPlans': [...(shipment.fulfillment.attemptPlans ?? []), ...plans] } },
    );
  }

  /** Records where a shipment ended up; the attempt is over then (what it made is in `fulfillmentIds`). */
  async setFulfillment(no: string, state: Exclude<FulfillmentState, 'unprocessed'>, details: { fulfillmentIds?: string[]; error?: string; waitingFor?: string }): Promise<void> {
    await this.shipments.updateOne(
      { _id: no },
      {
        $set: {
          'fulfillment.state': state,
          'fulfillment.fulfillmentIds': details.fulfillmentIds ?? [],
          'fulfillment.error': details.error ?? null,
          'fulfillment.waitingFor': details.waitingFor ?? null,
          'fulfillment.attemptStartedAt': null,
          'fulfillment.attemptPlans': null,
          'fulfillment.at': new Date(),
        },
      },
    );
  }

  /** The user's retry of shipments that ended in error: they are sent again by the next run. */
  async retryErrored(shop: string, nos?: string[]): Promise<number> {
    const query: Filter<PostedShipment> = { shop, 'fulfillment.state': 'error' };
    if (nos?.length) query._id = { $in: nos };
    const result = await this.shipments.updateMany(query, { $set: { 'fulfillment.state': 'unprocessed', 'fulfillment.error': null, 'fulfillment.attemptStartedAt': null, 'fulfillment.attemptPlans': null } });
    return result.modifiedCount;
  }
}
