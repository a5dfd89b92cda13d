import { MongoClient, type Db } from 'mongodb';
import { LocationRepository } from './location-repository';
import { ShopRepository } from './shop-repository';

export interface Erp {
  client: MongoClient;
  db: Db;
  shops: ShopRepository;
  locations: LocationRepository;
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
  const shops = new ShopRepository(db);
  const locations = new LocationRepository(db);
  await Promise.all([shops.ensureIndexes(), locations.ensureIndexes()]);
  return { client, db, shops, locations, close: () => client.close() };
}
