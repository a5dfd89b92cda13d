import type { Collection, Db } from 'mongodb';
import type { StockTargetRepository } from './stock-targets';
import { IDS_PER_QUERY } from './keys';

/**
 * The link between a Shopify product and an ERP item (the connector's "Shpfy Product"): what the
 * product looked like when last read, what the ERP last sent (as a hash), and why it is unmapped.
 * `erpItemNo: null` puts it on the "unmapped products" cue.
 */
export interface ProductLink {
  _id: string;
  shop: string;
  shopifyId: string;
  title: string;
  handle: string;
  status: string;
  erpItemNo: string | null;
  /** Shopify's updatedAt when last read or written. */
  shopifyUpdatedAt: string;
  /** Shopify's updatedAt after the ERP's own last write: a product not changed since is not imported back. */
  lastUpdatedByErp: string | null;
  /** Hash of the product fields last sent. */
  productHash: string | null;
  error: { message: string; at: Date } | null;
  /** The picture last sent or read: its content hash and Shopify's media id. */
  image?: LinkedImage | null;
  /** The product's variants as last read: their links are found by id (FerretDB serves only `_id` lookups without a scan). */
  variantIds?: string[];
}

export interface LinkedImage {
  sha256: string;
  mediaId: string;
}

/** The link of one variant: its ERP item and variant, and the hashes of what the ERP last sent. */
export interface VariantLink {
  _id: string;
  shop: string;
  shopifyId: string;
  productId: string;
  inventoryItemId: string;
  sku: string | null;
  barcode: string | null;
  erpItemNo: string | null;
  erpVariantCode: string | null;
  /** Hash of price, compare-at price and cost last sent (null: never sent). */
  priceHash: string | null;
  /** Hash of the other variant fields last sent. */
  fieldsHash: string | null;
  /** The prices last sent, for people reading the link. */
  sentPrice: { price: string; compareAtPrice: string | null; cost: string | null } | null;
  /** The variant's own picture last sent or read. */
  image?: LinkedImage | null;
}

export type NewProductLink = Omit<ProductLink, '_id' | 'lastUpdatedByErp' | 'productHash' | 'error'>;
export type NewVariantLink = Omit<VariantLink, '_id' | 'priceHash' | 'fieldsHash' | 'sentPrice'>;

const productKey = (shop: string, shopifyId: string) => `${shop}|${shopifyId}`;

export class ProductLinkRepository {
  private readonly products: Collection<ProductLink>;
  private readonly variants: Collection<VariantLink>;

  /** A variant linked to an item, or linked anew, waits there for the inventory task. */
  constructor(db: Db, private readonly stockTargets: StockTargetRepository) {
    this.products = db.collection<ProductLink>('shopifyProducts');
    this.variants = db.collection<VariantLink>('shopifyVariants');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.products.createIndex({ shop: 1, erpItemNo: 1 }),
      this.variants.createIndex({ shop: 1, productId: 1 }),
      this.variants.createIndex({ shop: 1, erpItemNo: 1 }),
    ]);
  }

  async product(shop: string, shopifyId: string): Promise<ProductLink | null> {
    return this.products.findOne({ _id: productKey(shop, shopifyId) });
  }

  async productsById(shop: string, shopifyIds: string[]): Promise<Map<string, ProductLink>> {
    const found = await this.products.find({ _id: { $in: shopifyIds.map((id) => productKey(shop, id)) } }).toArray();
    return new Map(found.map((link) => [link.shopifyId, link]));
  }

  /** Records a product as read from Shopify; the ERP's hashes and echo stamp are kept. */
  async saveProduct(link: NewProductLink, error: string | null): Promise<void> {
    await this.products.updateOne(
      { _id: productKey(link.shop, link.shopifyId) },
      { $set: { ...link, error: error ? { message: error, at: new Date() } : null }, $setOnInsert: { lastUpdatedByErp: null, productHash: null } },
      { upsert: true },
    );
  }

  /**
   * Records variants as read from Shopify (their sent hashes are kept) and unlinks those Shopify no
   * longer has, among the ones the product had (`previous`), each by its id.
   */
  async saveVariants(shop: string, variants: NewVariantLink[], previous: string[]): Promise<{ unlinked: number }> {
    for (const variant of variants) await this.saveVariant(variant);
    const current = new Set(variants.map((v) => v.shopifyId));
    let unlinked = 0;
    for (const id of previous.filter((id) => !current.has(id))) unlinked += (await this.variants.deleteOne({ _id: productKey(shop, id) })).deletedCount;
    return { unlinked };
  }

  async addVariantIds(shop: string, productId: string, variantIds: string[]): Promise<void> {
    await this.products.updateOne({ _id: productKey(shop, productId) }, { $addToSet: { variantIds: { $each: variantIds } } });
  }

  /** The links of these variants, each found by its id. */
  async variantsById(shop: string, variantIds: string[]): Promise<Map<string, VariantLink>> {
    const found = new Map<string, VariantLink>();
    for (let start = 0; start < variantIds.length; start += IDS_PER_QUERY) {
      for (const link of await this.variants.find({ _id: { $in: variantIds.slice(start, start + IDS_PER_QUERY).map((id) => productKey(shop, id)) } }).toArray()) found.set(link.shopifyId, link);
    }
    return found;
  }

  async saveVariant(variant: NewVariantLink): Promise<void> {
    const before = await this.variants.findOneAndUpdate(
      { _id: productKey(variant.shop, variant.shopifyId) },
      { $set: variant, $setOnInsert: { priceHash: null, fieldsHash: null, sentPrice: null } },
      { upsert: true, returnDocument: 'before' },
    );
    const stockTarget = (link: Pick<VariantLink, 'erpItemNo' | 'erpVariantCode' | 'inventoryItemId'>) => `${link.erpItemNo}|${link.erpVariantCode}|${link.inventoryItemId}`;
    if (variant.erpItemNo && variant.inventoryItemId && (!before || stockTarget(before) !== stockTarget(variant))) await this.stockTargets.markPending(variant.shop, [variant.shopifyId]);
  }

  /**
   * What an order's line says about its product (the connector's order import creates the product
   * records too): a link not made yet gets the line's item, or its mapping error; a link the product
   * sync made is left alone. The product sync reads the product in full later.
   */
  async recordFromOrder(shop: string, line: { productId: string | null; variantId: string; title: string; sku: string | null; barcode: string | null }, item: { itemNo: string; variantCode: string | null } | null, error: string | null): Promise<void> {
    if (line.productId) {
      const existing = await this.products.findOne({ _id: productKey(shop, line.productId) });
      if (!existing?.erpItemNo) {
        await this.products.updateOne(
          { _id: productKey(shop, line.productId) },
          {
            $set: { erpItemNo: item?.itemNo ?? null, error: error ? { message: error, at: new Date() } : null },
            $setOnInsert: { shop, shopifyId: line.productId, title: line.title, handle: '', status: 'ACTIVE', shopifyUpdatedAt: '', lastUpdatedByErp: null, productHash: null },
            $addToSet: { variantIds: line.variantId },
          },
          { upsert: true },
        );
      }
    }
    const variant = await this.variants.findOne({ _id: productKey(shop, line.variantId) });
    if (variant?.erpItemNo || !line.productId) return;
    await this.variants.updateOne(
      { _id: productKey(shop, line.variantId) },
      {
        $set: { sku: line.sku, barcode: line.barcode, erpItemNo: item?.itemNo ?? null, erpVariantCode: item?.variantCode ?? null },
        $setOnInsert: { shop, shopifyId: line.variantId, productId: line.productId, inventoryItemId: '', priceHash: null, fieldsHash: null, sentPrice: null },
      },
      { upsert: true },
    );
  }

  /** Linked products, in id order, a page at a time (the push reads them this way). */
  async linkedProducts(shop: string, after: string | null, limit: number, itemNos?: string[], productIds?: string[]): Promise<ProductLink[]> {
    const id = after === null ? {} : { _id: { $gt: after } };
    const item = itemNos ? { erpItemNo: { $in: itemNos } } : { erpItemNo: { $ne: null } };
    const products = productIds ? { shopifyId: { $in: productIds } } : {};
    return this.products.find({ shop, ...id, ...item, ...products }).sort({ _id: 1 }).limit(limit).toArray();
  }

  async variantsOf(shop: string, productIds: string[]): Promise<VariantLink[]> {
    return this.variants.find({ shop, productId: { $in: productIds } }).sort({ _id: 1 }).toArray();
  }


  /** The shop's linked variants after `after`, in id order, from one read of the collection (FerretDB reads it whole for any filter but `_id`). */
  linkedVariantsAfter(shop: string, after: string | null): AsyncIterable<VariantLink> {
    return this.variants.find({ shop, erpItemNo: { $ne: null }, ...(after === null ? {} : { _id: { $gt: after } }) }).sort({ _id: 1 }).batchSize(500);
  }

  /** Records the picture a product (or variant) now shows, sent by the ERP or read from Shopify. */
  async imageLinked(shop: string, kind: 'product' | 'variant', shopifyId: string, image: LinkedImage): Promise<void> {
    if (kind === 'product') await this.products.updateOne({ _id: productKey(shop, shopifyId) }, { $set: { image } });
    else await this.variants.updateOne({ _id: productKey(shop, shopifyId) }, { $set: { image } });
  }

  async variant(shop: string, shopifyId: string): Promise<VariantLink | null> {
    return this.variants.findOne({ _id: productKey(shop, shopifyId) });
  }

  /** The item numbers of these items that already have a product in the shop. */
  async linkedItemNos(shop: string, itemNos: string[]): Promise<Set<string>> {
    const found = await this.products.find({ shop, erpItemNo: { $in: itemNos } }, { projection: { erpItemNo: 1 } }).toArray();
    return new Set(found.map((link) => link.erpItemNo).filter((no): no is string => no !== null));
  }

  /** After the ERP wrote the product: the hash of what it sent, and Shopify's updatedAt, so the write is not imported back. */
  async productSent(shop: string, shopifyId: string, productHash: string | undefined, shopifyUpdatedAt: string): Promise<void> {
    await this.products.updateOne(
      { _id: productKey(shop, shopifyId) },
      { $set: { ...(productHash === undefined ? {} : { productHash }), shopifyUpdatedAt, lastUpdatedByErp: shopifyUpdatedAt, error: null } },
    );
  }

  async productError(shop: string, shopifyId: string, message: string): Promise<void> {
    await this.products.updateOne({ _id: productKey(shop, shopifyId) }, { $set: { error: { message, at: new Date() } } });
  }

  /** After Shopify confirmed a variant's new values. */
  async variantSent(shop: string, shopifyId: string, sent: Partial<Pick<VariantLink, 'priceHash' | 'fieldsHash' | 'sentPrice' | 'sku' | 'barcode'>>): Promise<void> {
    await this.variants.updateOne({ _id: productKey(shop, shopifyId) }, { $set: sent });
  }
}
