import type { Collection, Db } from 'mongodb';
import { InvalidShopSettingsError, parseShopSettings, ShopSettingsSchema, type ShopSettings } from '../domain/shop-settings';

/** What Shopify says about the shop, refreshed at the start of every sync. */
export interface ShopInfo {
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  timezoneAbbreviation: string;
  planDisplayName: string;
  shopifyPlus: boolean;
  primaryDomain: string;
  refreshedAt: Date;
}

/** One document per shop, keyed by its domain: the settings at top level (the shop card), plus what Shopify reported. */
export interface ShopDocument extends ShopSettings {
  _id: string;
  shopInfo?: ShopInfo;
  createdAt: Date;
  updatedAt: Date;
}

export interface ShopRecord {
  settings: ShopSettings;
  shopInfo?: ShopInfo;
  createdAt: Date;
  updatedAt: Date;
}

export class ShopExistsError extends Error {}
export class ShopNotFoundError extends Error {}

const SETTING_KEYS = Object.keys(ShopSettingsSchema.shape) as Array<keyof ShopSettings>;

function toRecord(doc: ShopDocument): ShopRecord {
  const settings = Object.fromEntries(SETTING_KEYS.filter((key) => key in doc).map((key) => [key, doc[key]]));
  return { settings: parseShopSettings(settings), shopInfo: doc.shopInfo, createdAt: doc.createdAt, updatedAt: doc.updatedAt };
}

export class ShopRepository {
  private readonly shops: Collection<ShopDocument>;

  constructor(db: Db) {
    this.shops = db.collection<ShopDocument>('shops');
  }

  async ensureIndexes(): Promise<void> {
    await this.shops.createIndex({ enabled: 1 });
  }

  /** Adds a shop; its settings are validated and completed with the defaults. */
  async add(input: unknown): Promise<ShopRecord> {
    const settings = parseShopSettings(input);
    const now = new Date();
    try {
      await this.shops.insertOne({ _id: settings.domain, ...settings, createdAt: now, updatedAt: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new ShopExistsError(`shop ${settings.domain} already exists`);
      throw error;
    }
    return { settings, createdAt: now, updatedAt: now };
  }

  /** Changes some settings; the result is validated as a whole, so a change cannot break a rule between fields. */
  async update(domain: string, changes: Record<string, unknown>): Promise<ShopRecord> {
    const current = await this.get(domain);
    if ('domain' in changes && changes.domain !== domain) {
      throw new InvalidShopSettingsError([{ field: 'domain', message: 'cannot be changed; remove the shop and add it again' }]);
    }
    const settings = parseShopSettings({ ...current.settings, ...changes });
    const updatedAt = new Date();
    await this.shops.updateOne({ _id: domain }, { $set: { ...settings, updatedAt } });
    return { ...current, settings, updatedAt };
  }

  async find(domain: string): Promise<ShopRecord | undefined> {
    const doc = await this.shops.findOne({ _id: domain });
    return doc ? toRecord(doc) : undefined;
  }

  async get(domain: string): Promise<ShopRecord> {
    const record = await this.find(domain);
    if (!record) throw new ShopNotFoundError(`no shop ${domain} is configured (add it with: shopsync shops add ${domain})`);
    return record;
  }

  async list(): Promise<ShopRecord[]> {
    const docs = await this.shops.find({}).sort({ _id: 1 }).toArray();
    return docs.map(toRecord);
  }

  async remove(domain: string): Promise<boolean> {
    const result = await this.shops.deleteOne({ _id: domain });
    return result.deletedCount === 1;
  }

  async recordShopInfo(domain: string, shopInfo: ShopInfo): Promise<void> {
    const result = await this.shops.updateOne({ _id: domain }, { $set: { shopInfo } });
    if (result.matchedCount === 0) throw new ShopNotFoundError(`no shop ${domain} is configured`);
  }
}
