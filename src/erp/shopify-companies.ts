import type { Collection, Db } from 'mongodb';
import type { CompanyLocation } from '../domain/company';
import { IDS_PER_QUERY, shopKey } from './keys';

/**
 * The mirror of Shopify B2B companies and their locations per shop, with their links to ERP customers
 * (the connector's `Shpfy Company` and `Shpfy Company Location`). A company without a customer
 * carries the reason, for the "unmapped companies" cue. A location's sell-to and bill-to overrides are
 * the ERP's own settings: an import never overwrites them.
 */
export interface ShopifyCompanyDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  name: string;
  externalId: string | null;
  mainContactEmail: string | null;
  erpCustomerNo: string | null;
  error: { message: string; at: Date } | null;
  shopifyUpdatedAt: string;
  locationIds: string[];
  /** A hash of what the ERP sends, as Shopify has it (see the customers' shopifyHash). */
  shopifyHash: string | null;
  /** Mapped to the shop's default company (companyMappingType defaultCompany): not a link of its own. */
  viaDefault?: boolean;
}

export interface ShopifyCompanyLocationDocument extends CompanyLocation {
  _id: string;
  shop: string;
  companyId: string;
  sellToCustomerNo: string | null;
  billToCustomerNo: string | null;
}

const error = (message: string | null) => (message ? { message, at: new Date() } : null);

export class ShopifyCompanyRepository {
  private readonly companies: Collection<ShopifyCompanyDocument>;
  private readonly locations: Collection<ShopifyCompanyLocationDocument>;
  /** `<shop>|<ERP customer no>` → Shopify company id: which ERP customers a shop already has as companies. */
  private readonly byErpCustomer: Collection<{ _id: string; shopifyId: string }>;

  constructor(db: Db) {
    this.companies = db.collection<ShopifyCompanyDocument>('shopifyCompanies');
    this.locations = db.collection<ShopifyCompanyLocationDocument>('shopifyCompanyLocations');
    this.byErpCustomer = db.collection('shopifyCompaniesByErpNo');
  }

  async get(shop: string, shopifyId: string): Promise<ShopifyCompanyDocument | null> {
    return this.companies.findOne({ _id: shopKey(shop, shopifyId) });
  }

  async byIds(shop: string, shopifyIds: string[]): Promise<Map<string, ShopifyCompanyDocument>> {
    const found = new Map<string, ShopifyCompanyDocument>();
    for (let at = 0; at < shopifyIds.length; at += IDS_PER_QUERY) {
      for (const doc of await this.companies.find({ _id: { $in: shopifyIds.slice(at, at + IDS_PER_QUERY).map((id) => shopKey(shop, id)) } }).toArray()) found.set(doc.shopifyId, doc);
    }
    return found;
  }

  async location(shop: string, shopifyId: string): Promise<ShopifyCompanyLocationDocument | null> {
    return this.locations.findOne({ _id: shopKey(shop, shopifyId) });
  }

  async locationsOf(shop: string, company: Pick<ShopifyCompanyDocument, 'locationIds'>): Promise<ShopifyCompanyLocationDocument[]> {
    return this.locations.find({ _id: { $in: company.locationIds.slice(0, IDS_PER_QUERY).map((id) => shopKey(shop, id)) } }).toArray();
  }

  /** A company as read from Shopify with its link (or the reason it has none); its locations keep their overrides. */
  async saveImported(shop: string, company: Omit<ShopifyCompanyDocument, '_id' | 'shop' | 'erpCustomerNo' | 'error'>, locations: CompanyLocation[], customerNo: string | null, reason: string | null): Promise<void> {
    for (const location of locations) {
      await this.locations.updateOne(
        { _id: shopKey(shop, location.shopifyId) },
        { $set: { shop, companyId: company.shopifyId, ...location }, $setOnInsert: { sellToCustomerNo: null, billToCustomerNo: null } },
        { upsert: true },
      );
    }
    await this.companies.updateOne({ _id: shopKey(shop, company.shopifyId) }, { $set: { shop, ...company, erpCustomerNo: customerNo, error: error(reason) } }, { upsert: true });
    if (customerNo && !company.viaDefault) await this.byErpCustomer.updateOne({ _id: shopKey(shop, customerNo) }, { $set: { shopifyId: company.shopifyId } }, { upsert: true });
  }

  /** The Shopify company linked to an ERP customer in this shop, if any (a hint checked against the mirror). */
  async linkedTo(shop: string, customerNo: string): Promise<string | undefined> {
    const hint = await this.byErpCustomer.findOne({ _id: shopKey(shop, customerNo) });
    if (!hint) return undefined;
    const company = await this.get(shop, hint.shopifyId);
    return company?.erpCustomerNo === customerNo && !company.viaDefault ? company.shopifyId : undefined;
  }

  /** The ERP's own choice of customers for a location's orders (null: the company's). */
  async setLocationCustomers(shop: string, locationId: string, customers: { sellToCustomerNo?: string | null; billToCustomerNo?: string | null }): Promise<ShopifyCompanyLocationDocument | null> {
    await this.locations.updateOne({ _id: shopKey(shop, locationId) }, { $set: customers });
    return this.location(shop, locationId);
  }

  async markSent(shop: string, shopifyId: string, shopifyHash: string): Promise<void> {
    await this.companies.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: { shopifyHash, error: null } });
  }

  async recordError(shop: string, shopifyId: string, message: string): Promise<void> {
    await this.companies.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: { error: error(message) } });
  }

  /** The shop's linked companies in key order from after `afterKey` (one cursor: FerretDB scans per query). */
  linked(shop: string, afterKey: string | null): AsyncIterable<ShopifyCompanyDocument> {
    return this.companies.find({ shop, erpCustomerNo: { $ne: null }, viaDefault: { $ne: true }, ...(afterKey ? { _id: { $gt: afterKey } } : {}) }).sort({ _id: 1 }).batchSize(100);
  }
}
