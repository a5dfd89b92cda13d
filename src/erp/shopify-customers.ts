import type { Collection, Db } from 'mongodb';
import { IDS_PER_QUERY, shopKey } from './keys';

/**
 * The mirror of Shopify customers per shop and their links to ERP customers (the connector's
 * `Shpfy Customer`), written by the order import's mapping and by the customers task alike. A
 * customer without an ERP customer carries the reason, for the "unmapped customers" cue.
 */
export interface ShopifyCustomerDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  email: string | null;
  phone: string | null;
  displayName: string;
  erpCustomerNo: string | null;
  error: { message: string; at: Date } | null;
  /** Shopify's updatedAt when the customers task last read it (null when only orders have named it). */
  shopifyUpdatedAt?: string | null;
  defaultAddressId?: string | null;
  /** A hash of the fields the ERP sends, as Shopify has them: an export sends only when the ERP's differ. */
  shopifyHash?: string | null;
}

export interface CustomerSighting {
  shopifyId: string;
  email: string | null;
  phone: string | null;
  displayName: string;
}

export interface ImportedCustomer extends CustomerSighting {
  shopifyUpdatedAt: string;
  defaultAddressId: string | null;
  shopifyHash: string;
}

const error = (message: string | null) => (message ? { message, at: new Date() } : null);

export class ShopifyCustomerRepository {
  private readonly mirror: Collection<ShopifyCustomerDocument>;
  /** `<shop>|<ERP customer no>` → Shopify customer id: which ERP customers a shop already has. */
  private readonly byErpCustomer: Collection<{ _id: string; shopifyId: string }>;
  /** `<shop>|<ERP customer no>` → when "add customers" first tried to create it in Shopify. */
  private readonly adding: Collection<{ _id: string; at: Date }>;

  constructor(db: Db) {
    this.mirror = db.collection<ShopifyCustomerDocument>('shopifyCustomers');
    this.byErpCustomer = db.collection('shopifyCustomersByErpNo');
    this.adding = db.collection('shopifyCustomerAdds');
  }

  async get(shop: string, shopifyId: string): Promise<ShopifyCustomerDocument | null> {
    return this.mirror.findOne({ _id: shopKey(shop, shopifyId) });
  }

  async byIds(shop: string, shopifyIds: string[]): Promise<Map<string, ShopifyCustomerDocument>> {
    const found = new Map<string, ShopifyCustomerDocument>();
    for (let at = 0; at < shopifyIds.length; at += IDS_PER_QUERY) {
      const keys = shopifyIds.slice(at, at + IDS_PER_QUERY).map((id) => shopKey(shop, id));
      for (const doc of await this.mirror.find({ _id: { $in: keys } }).toArray()) found.set(doc.shopifyId, doc);
    }
    return found;
  }

  /** The Shopify customer linked to an ERP customer in this shop, if any. */
  async linkedTo(shop: string, customerNo: string): Promise<string | undefined> {
    const hint = await this.byErpCustomer.findOne({ _id: shopKey(shop, customerNo) });
    if (!hint) return undefined;
    const doc = await this.get(shop, hint.shopifyId);
    return doc?.erpCustomerNo === customerNo ? doc.shopifyId : undefined;
  }

  private async rememberLink(shop: string, shopifyId: string, customerNo: string | null): Promise<void> {
    if (customerNo) await this.byErpCustomer.updateOne({ _id: shopKey(shop, customerNo) }, { $set: { shopifyId } }, { upsert: true });
  }

  /** What an order's mapping learnt of its buyer: the link, or why there is none. */
  async recordSighting(shop: string, sighting: CustomerSighting, customerNo: string | null, reason: string | null): Promise<void> {
    await this.mirror.updateOne({ _id: shopKey(shop, sighting.shopifyId) }, { $set: { shop, ...sighting, erpCustomerNo: customerNo, error: error(reason) } }, { upsert: true });
    await this.rememberLink(shop, sighting.shopifyId, customerNo);
  }

  /** A customer read by the customers task, with its link (or the reason it has none). */
  async saveImported(shop: string, customer: ImportedCustomer, customerNo: string | null, reason: string | null): Promise<void> {
    await this.mirror.updateOne({ _id: shopKey(shop, customer.shopifyId) }, { $set: { shop, ...customer, erpCustomerNo: customerNo, error: error(reason) } }, { upsert: true });
    await this.rememberLink(shop, customer.shopifyId, customerNo);
  }

  /**
   * Notes that an ERP customer is about to be created in Shopify. `retry` says an earlier attempt got
   * this far (and may have created it) without finishing: only then may a match be that attempt's.
   */
  async startAdding(shop: string, customerNo: string): Promise<{ at: Date; retry: boolean }> {
    const _id = shopKey(shop, customerNo);
    const earlier = await this.adding.findOne({ _id });
    if (earlier) return { at: earlier.at, retry: true };
    const at = new Date();
    await this.adding.updateOne({ _id }, { $setOnInsert: { at } }, { upsert: true });
    return { at, retry: false };
  }

  /** The attempt ended (added, or skipped with a reason): a later one starts afresh. */
  async finishAdding(shop: string, customerNo: string): Promise<void> {
    await this.adding.deleteOne({ _id: shopKey(shop, customerNo) });
  }

  /** After an export: Shopify now has these values. */
  async markSent(shop: string, shopifyId: string, fields: { shopifyHash: string; defaultAddressId?: string | null }): Promise<void> {
    await this.mirror.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: { ...fields, error: null } });
  }

  async recordError(shop: string, shopifyId: string, message: string): Promise<void> {
    await this.mirror.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: { error: error(message) } });
  }

  /** The shop's linked customers in key order, a batch at a time from after `afterKey` (one cursor: FerretDB scans per query). */
  async *linked(shop: string, afterKey: string | null): AsyncGenerator<ShopifyCustomerDocument> {
    const filter = { shop, erpCustomerNo: { $ne: null }, ...(afterKey ? { _id: { $gt: afterKey } } : {}) };
    yield* this.mirror.find(filter).sort({ _id: 1 }).batchSize(250);
  }
}
