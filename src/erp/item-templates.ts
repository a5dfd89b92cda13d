import type { Collection, Db } from 'mongodb';

/** An item template (the ERP's "Item Templ."): what a new item created from a Shopify product starts with. */
export interface ItemTemplate {
  _id: string;
  description: string;
  /** Number series prefix of new item numbers when the SKU does not give one. */
  numberPrefix: string;
  vatPercent: number;
  priceIncludesVat: boolean;
  baseUnitOfMeasure: string;
  itemCategory: string | null;
}

export class ItemTemplateRepository {
  private readonly templates: Collection<ItemTemplate>;

  constructor(db: Db) {
    this.templates = db.collection<ItemTemplate>('itemTemplates');
  }

  async upsert(template: ItemTemplate): Promise<void> {
    const { _id, ...fields } = template;
    await this.templates.replaceOne({ _id }, fields, { upsert: true });
  }

  async get(code: string): Promise<ItemTemplate | null> {
    return this.templates.findOne({ _id: code });
  }
}
