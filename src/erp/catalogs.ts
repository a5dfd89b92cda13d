import type { Collection, Db } from 'mongodb';
import type { CatalogSettings } from '../domain/catalog-prices';
import { IDS_PER_QUERY, shopKey } from './keys';

/**
 * Shopify catalogs per shop (the connector's `Shpfy Catalog`): what Shopify says of each (title,
 * type, price list and its currency, the companies or markets it serves), and the ERP's own settings
 * for it (price context, `syncPrices`), which an import never overwrites.
 */
export interface CatalogDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  title: string;
  type: 'companyLocation' | 'market';
  status: string;
  priceListId: string | null;
  currency: string | null;
  publicationId: string | null;
  companyIds: string[];
  companyLocationIds: string[];
  marketIds: string[];
  settings: CatalogSettings;
  importedAt: Date;
  /** The catalog's last price sync: when, and what it sent (for people reading it). */
  pricesSyncedAt?: Date | null;
  error?: { message: string; at: Date } | null;
}

export type ImportedCatalog = Omit<CatalogDocument, '_id' | 'settings' | 'importedAt' | 'pricesSyncedAt' | 'error'>;

export class CatalogRepository {
  private readonly catalogs: Collection<CatalogDocument>;

  constructor(db: Db) {
    this.catalogs = db.collection<CatalogDocument>('shopifyCatalogs');
  }

  /** Stores a catalog as Shopify has it; a new one starts from the shop's price context with syncPrices off. */
  async saveImported(catalog: ImportedCatalog, defaults: CatalogSettings): Promise<'created' | 'updated'> {
    const result = await this.catalogs.updateOne(
      { _id: shopKey(catalog.shop, catalog.shopifyId) },
      { $set: { ...catalog, importedAt: new Date() }, $setOnInsert: { settings: defaults } },
      { upsert: true },
    );
    return result.upsertedCount ? 'created' : 'updated';
  }

  async get(shop: string, shopifyId: string): Promise<CatalogDocument | null> {
    return this.catalogs.findOne({ _id: shopKey(shop, shopifyId) });
  }

  async byIds(shop: string, shopifyIds: string[]): Promise<CatalogDocument[]> {
    const found: CatalogDocument[] = [];
    for (let at = 0; at < shopifyIds.length; at += IDS_PER_QUERY) {
      found.push(...(await this.catalogs.find({ _id: { $in: shopifyIds.slice(at, at + IDS_PER_QUERY).map((id) => shopKey(shop, id)) } }).toArray()));
    }
    return found;
  }

  /** The shop's catalogs (one read: a shop has tens or hundreds, not thousands). */
  async list(shop: string): Promise<CatalogDocument[]> {
    return this.catalogs.find({ shop }).sort({ _id: 1 }).toArray();
  }

  async configure(shop: string, shopifyId: string, settings: Partial<CatalogSettings>): Promise<CatalogDocument | null> {
    const changes = Object.fromEntries(Object.entries(settings).map(([key, value]) => [`settings.${key}`, value]));
    await this.catalogs.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: changes });
    return this.get(shop, shopifyId);
  }

  async pricesSynced(shop: string, shopifyId: string, error: string | null): Promise<void> {
    await this.catalogs.updateOne({ _id: shopKey(shop, shopifyId) }, { $set: { pricesSyncedAt: new Date(), error: error ? { message: error, at: new Date() } : null } });
  }
}
