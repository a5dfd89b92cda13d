import { MongoClient, type Db } from 'mongodb';
import { BulkPushRepository } from './bulk-pushes';
import { CatalogRepository } from './catalogs';
import { CustomerRepository } from './customers';
import { ItemPictureRepository } from './item-pictures';
import { ItemTemplateRepository } from './item-templates';
import { ItemRepository } from './items';
import { LocationRepository } from './location-repository';
import { NumberSeries } from './number-series';
import { PayoutRepository } from './payouts';
import { PostedDocumentRepository } from './posted-documents';
import { SalesDocumentRepository } from './sales-documents';
import { ShopInventoryRepository } from './shop-inventory';
import { ShopLockRepository } from './shop-locks';
import { ShopRepository } from './shop-repository';
import { ShopifyCompanyRepository } from './shopify-companies';
import { ShopifyCustomerRepository } from './shopify-customers';
import { ShopifyOrderRepository } from './shopify-orders';
import { ShopifyRefundRepository } from './shopify-refunds';
import { WebhookDeliveryRepository } from './webhook-deliveries';
import { ProductLinkRepository } from './shopify-products';
import { SkippedRecordRepository } from './skipped-records';
import { StockRepository } from './stock';
import { StockTargetRepository } from './stock-targets';
import { SyncStateRepository } from './sync-state';

export interface Erp {
  client: MongoClient;
  db: Db;
  shops: ShopRepository;
  locations: LocationRepository;
  items: ItemRepository;
  /** ERP stock per item and location, numbered by change. */
  stock: StockRepository;
  stockTargets: StockTargetRepository;
  /** Quantities last confirmed in Shopify, per shop, inventory item and location. */
  shopInventory: ShopInventoryRepository;
  itemTemplates: ItemTemplateRepository;
  /** Item and item variant pictures, with their content hashes. */
  pictures: ItemPictureRepository;
  /** Links between Shopify products and variants and ERP items. */
  products: ProductLinkRepository;
  bulkPushes: BulkPushRepository;
  customers: CustomerRepository;
  /** Shopify catalogs per shop with the ERP's price context for each. */
  catalogs: CatalogRepository;
  /** Shopify customers per shop and their links to ERP customers. */
  shopifyCustomers: ShopifyCustomerRepository;
  /** Shopify B2B companies and locations per shop and their links to ERP customers. */
  shopifyCompanies: ShopifyCompanyRepository;
  numbers: NumberSeries;
  orders: ShopifyOrderRepository;
  refunds: ShopifyRefundRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  salesDocuments: SalesDocumentRepository;
  posted: PostedDocumentRepository;
  skipped: SkippedRecordRepository;
  syncState: SyncStateRepository;
  payouts: PayoutRepository;
  /** The shop locks' tokens, holders and queues: what the lock workflows must not lose, and the fence. */
  locks: ShopLockRepository;
  close(): Promise<void>;
}

/**
 * Connects to the ERP store and makes sure its indexes exist. Everything written stays within what
 * MongoDB 6+ and FerretDB 1.24 both support: no transactions, no $lookup, no TTL or partial indexes.
 */
export async function connectErp(uri: string, database: string): Promise<Erp> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, appName: 'shopsync' });
  await client.connect();
  const db = client.db(database);
  const numbers = new NumberSeries(db);
  const stock = new StockRepository(db);
  const stockTargets = new StockTargetRepository(db);
  const erp: Erp = {
    client,
    db,
    shops: new ShopRepository(db),
    locations: new LocationRepository(db),
    items: new ItemRepository(db, stock),
    stock,
    shopInventory: new ShopInventoryRepository(db),
    itemTemplates: new ItemTemplateRepository(db),
    pictures: new ItemPictureRepository(db),
    products: new ProductLinkRepository(db, stockTargets),
    stockTargets,
    bulkPushes: new BulkPushRepository(db),
    customers: new CustomerRepository(db, numbers),
    catalogs: new CatalogRepository(db),
    shopifyCustomers: new ShopifyCustomerRepository(db),
    shopifyCompanies: new ShopifyCompanyRepository(db),
    numbers,
    orders: new ShopifyOrderRepository(db),
    refunds: new ShopifyRefundRepository(db),
    webhookDeliveries: new WebhookDeliveryRepository(db),
    salesDocuments: new SalesDocumentRepository(db),
    posted: new PostedDocumentRepository(db),
    skipped: new SkippedRecordRepository(db),
    syncState: new SyncStateRepository(db),
    payouts: new PayoutRepository(db),
    locks: new ShopLockRepository(db),
    close: () => client.close(),
  };
  await Promise.all([
    erp.shops.ensureIndexes(),
    erp.locations.ensureIndexes(),
    erp.items.ensureIndexes(),
    erp.pictures.ensureIndexes(),
    erp.products.ensureIndexes(),
    erp.bulkPushes.ensureIndexes(),
    erp.customers.ensureIndexes(),
    erp.orders.ensureIndexes(),
    erp.refunds.ensureIndexes(),
    erp.webhookDeliveries.ensureIndexes(),
    erp.salesDocuments.ensureIndexes(),
    erp.posted.ensureIndexes(),
    erp.payouts.ensureIndexes(),
  ]);
  return erp;
}
