import type { Collection, Db } from 'mongodb';
import type { ItemDiscount, ItemPrice } from '../domain/item-prices';
import type { ItemLookups, ItemRef } from '../domain/item-mapping';
import type { StockRepository } from './stock';

/** An ERP item (company-wide master data, shared by every shop), with its variants and barcodes. */
export interface ItemDocument {
  _id: string;
  description: string;
  /** List price in local currency (the item card's Unit Price). */
  unitPrice: string;
  priceIncludesVat: boolean;
  vatPercent: number;
  unitCost: string;
  /** Gross weight in kilograms. */
  grossWeight: number;
  baseUnitOfMeasure: string;
  unitsOfMeasure: Array<{ code: string; qtyPerUnit: number }>;
  vendorName: string | null;
  itemCategory: string | null;
  tags: string[];
  /** Long description (the item's extended text), sent as the product description. */
  extendedText: string | null;
  prices: ItemPrice[];
  discounts: ItemDiscount[];
  blocked: boolean;
  /** Non-inventory and service items have no stock: the inventory task passes them over. */
  type: 'inventory' | 'nonInventory' | 'service';
  vendorItemNo: string | null;
  /** `shop|productId` of the Shopify product this item was created from, if any: a repeated import finds it again. */
  origin: string | null;
  variants: Array<{ code: string; description: string; blocked: boolean }>;
  barcodes: Array<{ barcode: string; variantCode: string | null }>;
  /** Flat copies for lookups (FerretDB does not query into arrays of documents). */
  variantCodes: string[];
  barcodeList: string[];
}

export interface NewItem {
  no: string;
  description: string;
  unitPrice: string;
  priceIncludesVat?: boolean;
  vatPercent?: number;
  unitCost?: string;
  grossWeight?: number;
  baseUnitOfMeasure?: string;
  unitsOfMeasure?: Array<{ code: string; qtyPerUnit: number }>;
  vendorName?: string | null;
  itemCategory?: string | null;
  tags?: string[];
  extendedText?: string | null;
  prices?: Array<Partial<ItemPrice> & { unitPrice: string }>;
  discounts?: Array<{ discountGroup: string; variantCode?: string | null; percent: number }>;
  vendorItemNo?: string;
  origin?: string;
  variants?: Array<{ code: string; description?: string; blocked?: boolean }>;
  barcodes?: Array<{ barcode: string; variantCode?: string }>;
  /** Stock to record with the item (the ERP's stock records, see src/erp/stock.ts). */
  stock?: Array<{ locationCode: string; variantCode?: string; quantity: number; reserved?: number }>;
  type?: ItemDocument['type'];
  blocked?: boolean;
}

export class ItemRepository implements ItemLookups {
  private readonly items: Collection<ItemDocument>;

  constructor(db: Db, private readonly stock: StockRepository) {
    this.items = db.collection<ItemDocument>('items');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.items.createIndex({ variantCodes: 1 }), this.items.createIndex({ barcodeList: 1 }), this.items.createIndex({ vendorItemNo: 1 }), this.items.createIndex({ origin: 1 })]);
  }

  /** Creates or replaces an item (what the ERP's item card does). */
  async upsert(item: NewItem): Promise<void> {
    await this.items.replaceOne({ _id: item.no }, itemDocumentFields(item), { upsert: true });
    for (const s of item.stock ?? []) await this.stock.set(item.no, s.variantCode ?? null, s.locationCode, { onHand: s.quantity, ...(s.reserved === undefined ? {} : { reserved: s.reserved }) });
  }

  /** Items changed or not, in item-number order, a page at a time (the push and "add all unlinked" read them this way). */
  async page(after: string | null, limit: number, only?: string[]): Promise<ItemDocument[]> {
    const id = { ...(after === null ? {} : { $gt: after }), ...(only ? { $in: only } : {}) };
    return this.items.find(Object.keys(id).length ? { _id: id } : {}).sort({ _id: 1 }).limit(limit).toArray();
  }

  async many(nos: string[]): Promise<Map<string, ItemDocument>> {
    const found = await this.items.find({ _id: { $in: nos } }).toArray();
    return new Map(found.map((item) => [item._id, item]));
  }

  /** Changes some fields of an item (what "Shopify can update items" writes). */
  async update(no: string, changes: Partial<Omit<ItemDocument, '_id'>>): Promise<void> {
    await this.items.updateOne({ _id: no }, { $set: changes });
  }

  /** Adds a variant to an item unless it has it already. */
  async addVariant(no: string, code: string, description: string, barcode: string | null): Promise<void> {
    const upper = code.toUpperCase();
    await this.items.updateOne({ _id: no, variantCodes: { $ne: upper } }, { $push: { variants: { code: upper, description, blocked: false }, variantCodes: upper } });
    if (barcode) await this.items.updateOne({ _id: no, barcodeList: { $ne: barcode } }, { $push: { barcodes: { barcode, variantCode: upper }, barcodeList: barcode } });
  }

  async byOrigin(origin: string): Promise<ItemDocument | null> {
    return this.items.findOne({ origin });
  }

  async get(no: string): Promise<ItemDocument | null> {
    return this.items.findOne({ _id: no });
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

/** The stored form of an item card: codes upper-cased, lookups flattened, defaults filled in. */
export function itemDocumentFields(item: NewItem): Omit<ItemDocument, '_id'> {
  const variants = (item.variants ?? []).map((v) => ({ code: v.code.toUpperCase(), description: v.description ?? v.code, blocked: v.blocked ?? false }));
  const barcodes = (item.barcodes ?? []).map((b) => ({ barcode: b.barcode, variantCode: b.variantCode?.toUpperCase() ?? null }));
  return {
    description: item.description,
    unitPrice: item.unitPrice,
    priceIncludesVat: item.priceIncludesVat ?? false,
    vatPercent: item.vatPercent ?? 0,
    unitCost: item.unitCost ?? '0.00',
    grossWeight: item.grossWeight ?? 0,
    baseUnitOfMeasure: item.baseUnitOfMeasure ?? 'PCS',
    unitsOfMeasure: item.unitsOfMeasure ?? [],
    vendorName: item.vendorName ?? null,
    itemCategory: item.itemCategory ?? null,
    tags: item.tags ?? [],
    extendedText: item.extendedText ?? null,
    prices: (item.prices ?? []).map((p) => ({
      priceGroup: p.priceGroup ?? null,
      variantCode: p.variantCode?.toUpperCase() ?? null,
      currencyCode: p.currencyCode ?? null,
      unitPrice: p.unitPrice,
      allowLineDiscount: p.allowLineDiscount ?? true,
    })),
    discounts: (item.discounts ?? []).map((d) => ({ discountGroup: d.discountGroup, variantCode: d.variantCode?.toUpperCase() ?? null, percent: d.percent })),
    blocked: item.blocked ?? false,
    type: item.type ?? 'inventory',
    vendorItemNo: item.vendorItemNo ?? null,
    origin: item.origin ?? null,
    variants,
    barcodes,
    variantCodes: variants.map((v) => v.code),
    barcodeList: barcodes.map((b) => b.barcode),
  };
}
