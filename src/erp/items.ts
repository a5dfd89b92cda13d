import type { Collection, Db } from 'mongodb';
import type { ItemLookups, ItemRef } from '../domain/item-mapping';

/** An ERP item (company-wide master data, shared by every shop), with its variants and barcodes. */
export interface ItemDocument {
  _id: string;
  description: string;
  unitPrice: string;
  blocked: boolean;
  vendorItemNo: string | null;
  variants: Array<{ code: string; description: string }>;
  barcodes: Array<{ barcode: string; variantCode: string | null }>;
  /** Quantity on hand per ERP location (and variant); the inventory task sends it to Shopify. */
  stock: Array<{ locationCode: string; variantCode: string | null; quantity: number }>;
  /** Flat copies for lookups (FerretDB does not query into arrays of documents). */
  variantCodes: string[];
  barcodeList: string[];
}

export interface NewItem {
  no: string;
  description: string;
  unitPrice: string;
  vendorItemNo?: string;
  variants?: Array<{ code: string; description?: string }>;
  barcodes?: Array<{ barcode: string; variantCode?: string }>;
  stock?: Array<{ locationCode: string; variantCode?: string; quantity: number }>;
  blocked?: boolean;
}

export class ItemRepository implements ItemLookups {
  private readonly items: Collection<ItemDocument>;

  constructor(db: Db) {
    this.items = db.collection<ItemDocument>('items');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.items.createIndex({ variantCodes: 1 }), this.items.createIndex({ barcodeList: 1 }), this.items.createIndex({ vendorItemNo: 1 })]);
  }

  /** Creates or replaces an item (what the ERP's item card does). */
  async upsert(item: NewItem): Promise<void> {
    const variants = (item.variants ?? []).map((v) => ({ code: v.code.toUpperCase(), description: v.description ?? v.code }));
    const barcodes = (item.barcodes ?? []).map((b) => ({ barcode: b.barcode, variantCode: b.variantCode?.toUpperCase() ?? null }));
    await this.items.replaceOne(
      { _id: item.no },
      {
        description: item.description,
        unitPrice: item.unitPrice,
        blocked: item.blocked ?? false,
        vendorItemNo: item.vendorItemNo ?? null,
        variants,
        barcodes,
        stock: (item.stock ?? []).map((s) => ({ locationCode: s.locationCode, variantCode: s.variantCode?.toUpperCase() ?? null, quantity: s.quantity })),
        variantCodes: variants.map((v) => v.code),
        barcodeList: barcodes.map((b) => b.barcode),
      },
      { upsert: true },
    );
  }

  async get(no: string): Promise<ItemDocument | null> {
    return this.items.findOne({ _id: no });
  }

  /** Quantity on hand of an item (or one variant) over the given ERP locations (all when none given). */
  async stockOnHand(no: string, variantCode: string | null, locationCodes?: string[]): Promise<number> {
    const item = await this.get(no);
    return (item?.stock ?? [])
      .filter((s) => s.variantCode === variantCode && (!locationCodes || locationCodes.includes(s.locationCode)))
      .reduce((sum, s) => sum + s.quantity, 0);
  }

  async itemByNo(no: string): Promise<ItemRef | undefined> {
    const item = await this.items.findOne({ _id: no });
    return item ? { itemNo: item._id, variantCode: null } : undefined;
  }

  async itemByVariantCode(code: string): Promise<ItemRef | undefined> {
    const item = await this.items.findOne({ variantCodes: code });
    return item ? { itemNo: item._id, variantCode: code } : undefined;
  }

  async itemByNoAndVariant(no: string, code: string): Promise<ItemRef | undefined> {
    const item = await this.items.findOne({ _id: no });
    return item?.variantCodes.includes(code.toUpperCase()) ? { itemNo: item._id, variantCode: code.toUpperCase() } : undefined;
  }

  async itemByVendorItemNo(vendorItemNo: string): Promise<ItemRef | undefined> {
    const item = await this.items.findOne({ vendorItemNo });
    return item ? { itemNo: item._id, variantCode: null } : undefined;
  }

  async itemByBarcode(barcode: string): Promise<ItemRef | undefined> {
    const item = await this.items.findOne({ barcodeList: barcode });
    if (!item) return undefined;
    return { itemNo: item._id, variantCode: item.barcodes.find((b) => b.barcode === barcode)?.variantCode ?? null };
  }
}
